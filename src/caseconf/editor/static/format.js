/* The form's file format (issue 17): edit the record's own text in place.
 *
 * Decap's built-in formats re-serialise the whole file on every save: comments vanish,
 * flow maps turn into blocks, "14:00" loses its quotes (and PyYAML then reads 840), keys
 * move. A reviewer cannot read such a diff. This format keeps the text the file had when
 * the form opened it (under SOURCE_KEY in the entry's data) and, on save, changes only the
 * characters of the values that changed, using the `yaml` library's node ranges: comments,
 * key order, quoting, flow style, blank lines and unknown keys stay as they were; the
 * Markdown body is kept byte for byte. Values are read as caseconf's loader reads them, so
 * what the form shows and checks is what `caseconf check` sees.
 *
 * Browser: CaseconfFormat.make(YAML) with the vendored `yaml` browser build; node: the same
 * (tests/editor/format_runner.mjs).
 */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.CaseconfFormat = api; }
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  var SOURCE_KEY = "__caseconf_source";
  var BOOL = "tag:yaml.org,2002:bool";
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  function realDate(v) {
    var d = new Date(v + "T00:00:00Z");
    return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }

  // `schema`: the record's shape (checks data, caseconf/editor/checks.py); a new file gets
  // its keys in the model's order, whatever order the form was filled in.
  function make(YAML, schema) {
    // Values as caseconf's own reader (records/yamlsafe.py) reads them: null, true/false and
    // whole numbers; every other plain scalar is text ("13:00", "no", "012345", dates).
    var OPTIONS = {schema: "failsafe", uniqueKeys: false, customTags: [
      {tag: "tag:yaml.org,2002:null", test: /^(?:~|null|Null|NULL)?$/, resolve: function () { return null; },
        identify: function (v) { return v === null; }, default: true},
      {tag: BOOL, test: /^(?:true|True|TRUE)$/, resolve: function () { return true; },
        identify: function (v) { return v === true; }, default: true},
      {tag: BOOL, test: /^(?:false|False|FALSE)$/, resolve: function () { return false; },
        identify: function (v) { return v === false; }, default: true},
      {tag: "tag:yaml.org,2002:int", test: /^[-+]?(?:0|[1-9][0-9]*)$/, resolve: function (s) { return parseInt(s, 10); },
        identify: function (v) { return typeof v === "number"; }, default: true}
    ]};
    // New text is quoted whenever YAML 1.1 (PyYAML, other tools) would read it as anything
    // but text: "14:00", "yes", "1e3".
    var STRINGIFY = {version: "1.1", lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false};

    function isMap(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
    function blank(v) {
      return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0) ||
        (isMap(v) && Object.keys(v).length === 0);
    }

    // dates as the form's date widgets hold them ("2025-03-04"), not as JS Date objects
    function plain(v) {
      if (v instanceof Date) {
        var iso = v.toISOString();
        return iso.slice(10) === "T00:00:00.000Z" ? iso.slice(0, 10) : iso;
      }
      if (Array.isArray(v)) { return v.map(plain); }
      if (isMap(v)) {
        var out = {};
        Object.keys(v).forEach(function (k) { out[k] = plain(v[k]); });
        return out;
      }
      return v;
    }

    function same(a, b) {
      if (blank(a) && blank(b)) { return true; }
      if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every(function (x, i) { return same(x, b[i]); });
      }
      if (isMap(a) || isMap(b)) {
        if (!isMap(a) || !isMap(b)) { return false; }
        var keys = Object.keys(a).concat(Object.keys(b));
        return keys.every(function (k) { return same(a[k], b[k]); });
      }
      return a === b || (typeof a === "number" && typeof b === "string" && String(a) === b);
    }

    function split(content) {
      var m = /^(\ufeff?---[ \t]*\r?\n)/.exec(content);
      if (!m) { return null; }
      var rest = content.slice(m[0].length);
      var close = /(^|\n)(---[ \t]*(?:\r?\n|$))/.exec(rest);
      if (!close) { return null; }
      var yamlEnd = close.index + close[1].length;
      return {head: m[0], yaml: rest.slice(0, yamlEnd), sep: close[2], body: rest.slice(yamlEnd + close[2].length)};
    }

    function parse(text) { return YAML.parseDocument(text, OPTIONS); }

    // ------------------------------------------------------------ rendering new values
    function lineStart(text, pos) { return text.lastIndexOf("\n", pos - 1) + 1; }
    function lineIndent(text, pos) {
      var start = lineStart(text, pos), i = start;
      while (text[i] === " ") { i++; }
      return i - start;
    }
    function spaces(n) { return new Array(n + 1).join(" "); }

    function flowable(v) {
      if (Array.isArray(v)) { return v.every(function (x) { return !isMap(x) && !Array.isArray(x); }); }
      if (isMap(v)) { return Object.keys(v).every(function (k) { return !isMap(v[k]) && !Array.isArray(v[k]); }); }
      return true;
    }

    function scalarText(value, type, inFlow) {
      if (value === null || value === undefined) { return "null"; }
      if (typeof value !== "string") { return String(value); }
      if (DATE.test(value) && realDate(value)) { return value; }  // a date stays a date (PyYAML reads it as one)
      if (value.indexOf("\n") >= 0 && (inFlow || !(type === "BLOCK_LITERAL" || type === "BLOCK_FOLDED"))) {
        type = "QUOTE_DOUBLE";
      }
      // tabs and control characters: PyYAML refuses some of them in plain scalars
      if (/[\t\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029]/.test(value) && type !== "QUOTE_SINGLE") { type = "QUOTE_DOUBLE"; }
      // PyYAML's own implicit tags beyond YAML 1.1's: the merge key and the value key
      if ((value === "=" || value === "<<") && (!type || type === "PLAIN")) { type = "QUOTE_DOUBLE"; }
      if (type === "QUOTE_DOUBLE") { return doubleQuoted(value); }
      var out = YAML.stringify(value, Object.assign({defaultStringType: type || "PLAIN"}, STRINGIFY)).replace(/\n$/, "");
      // PyYAML is stricter than the yaml library about plain scalars (":" or "`" first, flow
      // indicators): a new plain value must be unmistakable text, otherwise it is quoted
      if (!/^["'|>]/.test(out) && !SAFE_PLAIN.test(out)) { return doubleQuoted(value); }
      return out;
    }

    var SAFE_PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._\/()+\-–„“”…?]*[\p{L}\p{N}.)“”…?])?$/u;

    // JSON's string escapes are a subset of YAML's double-quoted ones; U+2028/9 escaped too
    function doubleQuoted(value) {
      return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }

    // A new collection in the repository's house style: flat maps and lists in flow style.
    function flowText(v) {
      if (Array.isArray(v)) { return "[" + v.map(function (x) { return flowText(x); }).join(", ") + "]"; }
      if (isMap(v)) {
        return "{" + Object.keys(v).filter(function (k) { return !blank(v[k]); }).map(function (k) {
          return keyText(k) + ": " + flowText(v[k]);
        }).join(", ") + "}";
      }
      return scalarText(v, "PLAIN", true);
    }
    function keyText(k) { return scalarText(String(k), "PLAIN", true); }

    // Lines of a block value at `indent` (the value of a key, or a list item).
    function blockLines(v, indent) {
      var pad = spaces(indent), lines = [];
      if (Array.isArray(v)) {
        v.forEach(function (item) {
          if (isMap(item) && !(flowable(item) && flowText(item).length <= 80)) {
            var inner = blockLines(item, indent + 2);
            lines.push(pad + "- " + inner[0].slice(indent + 2));
            lines = lines.concat(inner.slice(1));
          } else {
            lines.push(pad + "- " + flowText(item));
          }
        });
      } else {
        Object.keys(v).forEach(function (k) {
          if (!blank(v[k])) { lines = lines.concat(pairLines(k, v[k], indent)); }
        });
      }
      return lines;
    }

    function pairLines(k, v, indent) {
      var pad = spaces(indent);
      if ((isMap(v) || Array.isArray(v)) && !(flowable(v) && flowText(v).length <= 100)) {
        return [pad + keyText(k) + ":"].concat(blockLines(v, indent + 2));
      }
      if (typeof v === "string" && v.indexOf("\n") >= 0) {
        var body = v.replace(/\n$/, "").split("\n").map(function (l) { return l ? spaces(indent + 2) + l : ""; });
        return [pad + keyText(k) + ": |" + (/\n$/.test(v) ? "" : "-")].concat(body);
      }
      return [pad + keyText(k) + ": " + flowText(v)];
    }

    // ------------------------------------------------------------ the in-place edit
    function Editor(text) { this.text = text; this.edits = []; }
    Editor.prototype.replace = function (start, end, value) { this.edits.push({start: start, end: end, text: value}); };
    Editor.prototype.result = function () {
      var text = this.text;
      this.edits.sort(function (a, b) { return b.start - a.start || b.end - a.end; });
      this.edits.forEach(function (e) { text = text.slice(0, e.start) + e.text + text.slice(e.end); });
      return text;
    };
    // the end of a node's last line, newline included
    Editor.prototype.lineEnd = function (pos) {
      var nl = this.text.indexOf("\n", Math.max(pos - 1, 0));
      if (pos > 0 && this.text[pos - 1] === "\n") { return pos; }
      return nl < 0 ? this.text.length : nl + 1;
    };

    function valueEnd(node) { return node.range[1]; }

    function isCollection(node) { return node && (YAML.isMap(node) || YAML.isSeq(node)); }

    function editValue(ed, node, oldV, newV, keyNode, inFlow) {
      if (same(oldV, newV)) { return; }
      if (YAML.isMap(node) && isMap(newV) && isMap(oldV)) { return editMap(ed, node, oldV, newV, inFlow); }
      if (YAML.isSeq(node) && Array.isArray(newV) && Array.isArray(oldV)) { return editSeq(ed, node, oldV, newV, inFlow); }
      if (node && node.flow && isCollection(node)) {
        return ed.replace(node.range[0], valueEnd(node), flowText(newV));
      }
      var scalarNew = !isMap(newV) && !Array.isArray(newV);
      if (node && YAML.isScalar(node) && scalarNew && node.range[1] > node.range[0]) {
        var type = node.type;
        var out = scalarText(newV, type, inFlow);
        if ((type === "BLOCK_LITERAL" || type === "BLOCK_FOLDED") && out[0] === "|" || out[0] === ">") {
          var indent = lineIndent(ed.text, keyNode ? keyNode.range[0] : node.range[0]);
          out = out.split("\n").map(function (l, i) { return i && l ? spaces(indent) + l : l; }).join("\n") + "\n";
        }
        return ed.replace(node.range[0], valueEnd(node), out);
      }
      // A value that changes shape (nothing -> list, text -> map...): rewrite after the key's colon.
      if (!keyNode) { return ed.replace(node.range[0], valueEnd(node), flowText(newV)); }
      var colon = ed.text.indexOf(":", keyNode.range[1]);
      var end = node && node.range[1] > node.range[0] ? valueEnd(node) : colon + 1;
      var keyIndent = lineIndent(ed.text, keyNode.range[0]);
      var lines = pairLines("k", newV, keyIndent);
      var first = lines[0].slice(lines[0].indexOf(":"));
      var tail = lines.slice(1).join("\n");
      if (tail && ed.text[end - 1] === "\n") { end -= 1; }
      ed.replace(colon, end, first + (tail ? "\n" + tail : ""));
    }

    function pairKey(pair) { return pair.key && YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key); }

    function editMap(ed, node, oldV, newV, inFlow) {
      var present = {};
      var structural = false;
      node.items.forEach(function (pair) {
        var k = pairKey(pair);
        present[k] = true;
        if (!(k in newV) && !blank(oldV[k])) { structural = true; }
      });
      var added = Object.keys(newV).filter(function (k) { return !present[k] && !blank(newV[k]); });
      if (node.flow && (structural || added.length)) {
        var merged = {};
        node.items.forEach(function (pair) { var k = pairKey(pair); if (k in newV) { merged[k] = newV[k]; } });
        added.forEach(function (k) { merged[k] = newV[k]; });
        return ed.replace(node.range[0], valueEnd(node), flowText(merged));
      }
      node.items.forEach(function (pair) {
        var k = pairKey(pair);
        if (k in newV) {
          editValue(ed, pair.value, oldV[k], newV[k], pair.key, node.flow || inFlow);
        } else if (!blank(oldV[k])) {
          var start = lineStart(ed.text, pair.key.range[0]);
          var stop = ed.lineEnd(pair.value ? pair.value.range[2] : pair.key.range[2]);
          ed.replace(start, stop, "");
        }
      });
      if (added.length) {
        var last = node.items[node.items.length - 1];
        var indent = last ? lineIndent(ed.text, last.key.range[0]) : 0;
        var at = last ? ed.lineEnd(last.value ? last.value.range[2] : last.key.range[2]) : node.range[1];
        var lines = [];
        added.forEach(function (k) { lines = lines.concat(pairLines(k, newV[k], indent)); });
        var prefix = at > 0 && ed.text[at - 1] !== "\n" ? "\n" : "";
        ed.replace(at, at, prefix + lines.join("\n") + "\n");
      }
    }

    function editSeq(ed, node, oldV, newV, inFlow) {
      if (node.flow) {
        if (oldV.length !== newV.length) { return ed.replace(node.range[0], valueEnd(node), flowText(newV)); }
        node.items.forEach(function (item, i) { editValue(ed, item, oldV[i], newV[i], null, true); });
        return;
      }
      var common = Math.min(oldV.length, newV.length);
      for (var i = 0; i < common; i++) { editValue(ed, node.items[i], oldV[i], newV[i], null, inFlow); }
      var itemIndent = node.items.length ? lineIndent(ed.text, node.items[0].range[0]) : 0;
      var dash = node.items.length ? ed.text.lastIndexOf("-", node.items[0].range[0]) : -1;
      if (dash >= 0) { itemIndent = dash - lineStart(ed.text, dash); }
      for (var j = common; j < oldV.length; j++) {
        var item = node.items[j];
        var from = lineStart(ed.text, item.range[0]);
        ed.replace(from, ed.lineEnd(item.range[2]), "");
      }
      if (newV.length > oldV.length) {
        var lastItem = node.items[node.items.length - 1];
        var at = ed.lineEnd(lastItem.range[2]);
        var lines = blockLines(newV.slice(common), itemIndent);
        var prefix = at > 0 && ed.text[at - 1] !== "\n" ? "\n" : "";
        ed.replace(at, at, prefix + lines.join("\n") + "\n");
      }
    }

    function editYaml(yamlText, newData) {
      var doc = parse(yamlText);
      if (doc.errors && doc.errors.length) { return null; }  // not ours to repair: write fresh
      var oldData = plain(doc.toJS()) || {};
      if (same(oldData, newData)) { return yamlText; }
      var ed = new Editor(yamlText);
      if (!YAML.isMap(doc.contents)) { return null; }
      editMap(ed, doc.contents, oldData, newData, false);
      return ed.result();
    }

    function ordered(value, node) {
      if (!node) { return value; }
      if (Array.isArray(value)) { return value.map(function (v) { return ordered(v, node.item); }); }
      if (!isMap(value) || node.type !== "object") { return value; }
      var known = Object.keys(node.fields), out = {};
      known.forEach(function (k) { if (k in value) { out[k] = ordered(value[k], node.fields[k]); } });
      Object.keys(value).forEach(function (k) { if (!(k in out)) { out[k] = value[k]; } });
      return out;
    }

    function freshYaml(data) {
      data = ordered(data, schema);
      var lines = [];
      Object.keys(data).forEach(function (k) { if (!blank(data[k])) { lines = lines.concat(pairLines(k, data[k], 0)); } });
      return lines.join("\n") + (lines.length ? "\n" : "");
    }

    function withoutMeta(data) {
      var out = {};
      // SOURCE_KEY and the form's other bookkeeping (form.js: a new activity's folder year)
      Object.keys(data || {}).forEach(function (k) { if (k.indexOf("__caseconf_") !== 0 && k !== "body") { out[k] = data[k]; } });
      return out;
    }

    var frontMatter = {
      fromFile: function (content) {
        var parts = split(content);
        if (!parts) { var d = {body: content}; d[SOURCE_KEY] = content; return d; }
        var data = plain(parse(parts.yaml).toJS()) || {};
        if (!isMap(data)) { data = {}; }
        data.body = parts.body;
        data[SOURCE_KEY] = content;
        return data;
      },
      toFile: function (data) {
        var fields = withoutMeta(data);
        var body = data && typeof data.body === "string" ? data.body : "";
        var source = data && data[SOURCE_KEY];
        var parts = typeof source === "string" ? split(source) : null;
        if (parts) {
          var edited = editYaml(parts.yaml, fields);
          if (edited !== null) { return parts.head + edited + parts.sep + body; }
        }
        return "---\n" + freshYaml(fields) + "---\n" + (body ? (/^\n/.test(body) ? body : "\n" + body) : "");
      }
    };

    var yamlFile = {
      fromFile: function (content) {
        var data = plain(parse(content).toJS()) || {};
        if (!isMap(data)) { data = {}; }
        data[SOURCE_KEY] = content;
        return data;
      },
      toFile: function (data) {
        var fields = withoutMeta(data);
        var source = data && data[SOURCE_KEY];
        if (typeof source === "string") {
          var edited = editYaml(source, fields);
          if (edited !== null) { return edited; }
        }
        return freshYaml(fields);
      }
    };

    // Whether caseconf's loader would get as far as the schema (else only its FILE/YAML codes apply).
    function loadable(content, format) {
      var text = content;
      if (format !== "yml") { var parts = split(content); if (!parts) { return false; } text = parts.yaml; }
      var doc = parse(text), plainData = true;
      // anchors, aliases, tags and merge keys: the loader refuses them (YAML003-006)
      YAML.visit(doc, {
        Alias: function () { plainData = false; return YAML.visit.BREAK; },
        Pair: function (_, pair) { if (pair.key && pair.key.value === "<<") { plainData = false; } },
        Node: function (_, node) { if (node.tag || node.anchor) { plainData = false; } }
      });
      return plainData && !doc.errors.length && YAML.isMap(doc.contents) && depth(doc.toJS()) <= 40;
    }
    function depth(v) {
      if (Array.isArray(v)) { return 1 + v.reduce(function (m, x) { return Math.max(m, depth(x)); }, 0); }
      if (isMap(v)) { return 1 + Object.keys(v).reduce(function (m, k) { return Math.max(m, depth(v[k])); }, 0); }
      return 0;
    }

    // The field a line of the written file belongs to (a personal-data finding's place in the form).
    function locAt(content, line, format) {
      var offset = 0, lines = content.split("\n");
      for (var i = 0; i < line - 1 && i < lines.length; i++) { offset += lines[i].length + 1; }
      var pos = offset + Math.max(0, (lines[line - 1] || "").replace(/\s+$/, "").length - 1);
      var text = content, base = 0;
      if (format !== "yml") {
        var parts = split(content);
        if (!parts) { return ["body"]; }
        base = parts.head.length;
        if (pos >= base + parts.yaml.length) { return ["body"]; }
        text = parts.yaml;
      }
      var doc = parse(text);
      var path = [];
      (function walk(node) {
        if (YAML.isMap(node)) {
          node.items.forEach(function (pair) {
            var v = pair.value, k = pairKey(pair);
            var start = pair.key.range[0] + base, end = (v && v.range ? v.range[1] : pair.key.range[1]) + base;
            if (pos >= start && pos < Math.max(end, start + 1) + 1) { path.push(k); if (v) { walk(v); } }
          });
        } else if (YAML.isSeq(node)) {
          node.items.forEach(function (item, i) {
            if (item && item.range && pos >= item.range[0] + base - 2 && pos <= item.range[1] + base) { path.push(i); walk(item); }
          });
        }
      })(doc.contents);
      return path;
    }

    return {frontMatter: frontMatter, yamlFile: yamlFile, locAt: locAt, parse: parse, plain: plain, same: same, split: split,
      loadable: loadable};
  }

  // What the form writes of its entry: Decap keeps fields the user touched and then emptied
  // ("" / [] / {}); a record holds only what was filled in (an empty value would be a
  // wrong-type finding). Used by form.js before every save, and by the tests that judge
  // what the form would write (tests/editor/js_runner.mjs).
  function prune(value) {
    if (value && typeof value.toJS === "function") { value = value.toJS(); }
    if (Array.isArray(value)) {
      var items = value.map(prune).filter(function (v) { return v !== undefined; });
      return items.length ? items : undefined;
    }
    if (value && typeof value === "object") {
      var out = {}, any = false;
      Object.keys(value).forEach(function (key) {
        var v = prune(value[key]);
        if (v !== undefined) { out[key] = v; any = true; }
      });
      return any ? out : undefined;
    }
    if (value === null || value === undefined || value === "") { return undefined; }
    return value;
  }

  return {make: make, SOURCE_KEY: SOURCE_KEY, prune: prune};
});
