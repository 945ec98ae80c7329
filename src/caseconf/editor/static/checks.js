/* caseconf's checks in the browser (issue 17): what `caseconf check` and `caseconf pii`
 * would say about the record the form is about to write, so that the form refuses what the
 * commit hook and CI would refuse.
 *
 * Everything that can be data is data, generated at site build from the project's
 * registries (caseconf/editor/checks.py -> window.CASECONF_CHECKS): the record shapes from
 * the pydantic models, the codes, severities and message templates, the team's
 * vocabularies and severity overrides, the personal-data name lexicon. What is code here is
 * the few rules and detectors ported by hand; tests/editor/test_parity.py runs this file and
 * the Python checker on the whole test corpus and compares their findings code by code.
 *
 * Runs in the browser (window.CaseconfChecks) and in node (module.exports) for that test.
 */
(function (root, factory) {
  var api = factory(root.libphonenumber);
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.CaseconfChecks = api; }
})(typeof globalThis !== "undefined" ? globalThis : this, function (libphonenumber) {
  "use strict";

  // ------------------------------------------------------------------ messages
  function render(template, params) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(params || {}, key) ? String(params[key]) : all;
    });
  }

  function dotted(loc) {
    var out = "";
    loc.forEach(function (part) {
      if (typeof part === "number") { out += "[" + part + "]"; } else { out += out ? "." + part : String(part); }
    });
    return out;
  }

  var DIGIT_RUN = /\d{4,}/;
  function show(value) {  // echo a bad value only when short and digit-poor (as the loader)
    var text = typeof value === "string" ? value : JSON.stringify(value);
    if (text === undefined) { text = String(value); }
    if (typeof value === "boolean") { text = value ? "True" : "False"; }
    return text.length > 40 || DIGIT_RUN.test(text) ? "…" : text;
  }

  function isDateString(v) { return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v); }
  function validDate(v) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (!m) { return false; }
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }
  function isMap(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function blank(v) { return v === undefined || v === null || v === "" || (Array.isArray(v) && !v.length); }
  function text(v) { return typeof v === "string" ? v.trim() : v; }

  // ------------------------------------------------------------------ the schema
  function Checker(data, options) {
    this.data = data;
    this.lang = data.lang;
    this.msg = data.messages;
    // how a field is named in a message: the loader's dotted path, or (in the form) its label
    this.fieldName = (options && options.fieldName) || dotted;
  }

  Checker.prototype.finding = function (code, loc, message, extra) {
    var entry = this.data.codes[code] || {};
    var severity = this.data.severity_overrides[code] || entry.severity || "error";
    var f = { code: code, loc: loc, severity: severity, message: message };
    if (extra) { Object.keys(extra).forEach(function (k) { f[k] = extra[k]; }); }
    return f;
  };

  Checker.prototype.loader = function (id, params) { return render(this.msg[id], params); };

  Checker.prototype.validate = function (node, value, loc, out) {
    var self = this;
    var field = this.fieldName(loc) || "(root)";
    if (value === null || value === undefined) {
      if (!node.nullable && node.type !== "list") {
        // an explicit null where a value is required: the loader's "wrong value"
        out.push(self.finding("SCHEMA002", loc, self.loader("bad_value", {
          field: field, value: "None", detail: self.loader(detailOf(node))})));
      }
      return;
    }
    switch (node.type) {
      case "object":
        if (!isMap(value)) {
          out.push(self.finding("SCHEMA002", loc, self.loader("bad_value", {field: field, value: show(value),
            detail: self.loader("expected_mapping")})));
          return;
        }
        Object.keys(node.fields).forEach(function (key) {
          var child = node.fields[key];
          if (!(key in value)) {
            if (child.required) {
              out.push(self.finding("SCHEMA001", loc.concat([key]), self.loader("missing", {field: self.fieldName(loc.concat([key]))})));
            }
            return;
          }
          self.validate(child, value[key], loc.concat([key]), out);
        });
        return;
      case "list":
        if (!Array.isArray(value)) {
          out.push(self.finding("SCHEMA002", loc, self.loader("bad_value", {field: field, value: show(value),
            detail: self.loader("expected_list")})));
          return;
        }
        value.forEach(function (item, i) { self.validate(node.item, item, loc.concat([i]), out); });
        return;
      case "map":
        return;
      case "enum":
        if (node.values.indexOf(String(value)) < 0 || typeof value === "object") {
          out.push(self.finding("SCHEMA003", loc, self.loader("vocabulary", {value: show(value), field: field,
            hint: self.hint(value, node.values)})));
        }
        return;
      case "bool":
        if (typeof value !== "boolean") {
          out.push(self.finding("SCHEMA002", loc, self.loader("bad_value", {field: field, value: show(value),
            detail: self.loader("expected_bool")})));
        }
        return;
      case "int":
      case "number":
        if (typeof value !== "number" || (node.type === "int" && !Number.isInteger(value))) {
          out.push(self.finding("SCHEMA002", loc, self.loader("bad_value", {field: field, value: show(value),
            detail: self.loader("expected_integer")})));
        } else if ((node.min !== undefined && value < node.min) || (node.max !== undefined && value > node.max)) {
          out.push(self.finding("SCHEMA002", loc, self.loader("bad_value", {field: field, value: show(value),
            detail: self.loader("expected_range")})));
        }
        return;
      case "date":
        if (!isDateString(value) || !validDate(value)) {
          out.push(self.finding("SCHEMA005", loc, self.loader("bad_date", {field: field, value: show(value)})));
        }
        return;
      default: {  // string
        if (typeof value !== "string") {
          var timeField = node.pattern && node.pattern.indexOf(":") >= 0;
          out.push(timeField
            ? self.finding("SCHEMA002", loc, self.loader("bad_time", {field: field, value: show(value)}))
            : self.finding("SCHEMA002", loc, self.loader("bad_value", {field: field, value: show(value),
              detail: self.loader("expected_text")})));
          return;
        }
        var stripped = value.trim();
        if (node.min_length && stripped.length < node.min_length) {
          out.push(self.finding("SCHEMA002", loc, self.loader("bad_value", {field: field, value: show(value),
            detail: self.loader("expected_text")})));
          return;
        }
        if (node.pattern && !new RegExp(node.pattern).test(stripped)) {
          var last = loc[loc.length - 1];
          out.push(last === "start" || last === "end"
            ? self.finding("SCHEMA002", loc, self.loader("bad_time", {field: field, value: show(stripped)}))
            : self.finding("SCHEMA002", loc, self.loader("bad_value", {field: field, value: show(stripped),
              detail: self.loader("expected_pattern")})));
          return;
        }
        if (node.vocabulary && node.vocabulary.indexOf(stripped) < 0) {
          out.push(self.finding("SCHEMA003", loc, self.loader("vocabulary", {value: show(stripped), field: field,
            hint: self.hint(stripped, node.vocabulary)})));
        }
      }
    }
  };

  function detailOf(node) {
    return {object: "expected_mapping", list: "expected_list", bool: "expected_bool", int: "expected_integer"}[node.type]
      || "expected_text";
  }

  Checker.prototype.hint = function (value, expected) {
    var best = closeMatch(String(value), expected);
    if (best) { return this.loader("did_you_mean", {best: best}); }
    if (expected.length <= 12) { return this.loader("allowed_values", {values: expected.slice().sort().join(", ")}); }
    return "";
  };

  // difflib.get_close_matches(word, choices, n=1, cutoff=0.6), close enough for a hint
  function closeMatch(word, choices) {
    var best = null, bestScore = 0.6;
    choices.forEach(function (c) {
      var s = ratio(word, c);
      if (s >= bestScore) { best = c; bestScore = s; }
    });
    return best;
  }
  function ratio(a, b) {
    var matches = 0, used = {};
    for (var i = 0; i < a.length; i++) {
      for (var j = 0; j < b.length; j++) {
        if (!used[j] && a[i] === b[j]) { used[j] = true; matches++; break; }
      }
    }
    return (2 * matches) / (a.length + b.length || 1);
  }

  Checker.prototype.unknownKeys = function (node, value, loc, out) {
    var self = this;
    if (node.type === "object" && isMap(value)) {
      Object.keys(value).forEach(function (key) {
        if (!(key in node.fields)) {
          var best = closeMatch(key, Object.keys(node.fields));
          out.push(self.finding("SCHEMA004", loc.concat([key]), self.loader("unknown_key", {key: key,
            hint: best ? self.loader("did_you_mean", {best: best}) : ""})));
        } else {
          self.unknownKeys(node.fields[key], value[key], loc.concat([key]), out);
        }
      });
    } else if (node.type === "list" && Array.isArray(value)) {
      value.forEach(function (item, i) { self.unknownKeys(node.item, item, loc.concat([i]), out); });
    }
  };

  // ------------------------------------------------------------------ the rules it ports
  Checker.prototype.rule = function (code, loc, params) {
    var entry = this.data.codes[code];
    if (!entry || this.data.severity_overrides[code] === "off") { return null; }
    return this.finding(code, loc, render(entry.message, params || {}));
  };

  Checker.prototype.applies = function (code, kind) {
    var entry = this.data.codes[code];
    return entry && (!entry.kinds || entry.kinds.indexOf(kind) >= 0);
  };

  Checker.prototype.conferenceRules = function (record, context) {
    var self = this, out = [];
    var kind = record.kind;
    function add(code, loc, params) {
      if (!self.applies(code, kind)) { return; }
      var f = self.rule(code, loc, params);
      if (f) { out.push(f); }
    }
    var plan = record.plan;
    var actions = plan && Array.isArray(plan.actions) ? plan.actions : [];
    var closes = !!context.closes_case;
    var refs = {}, present = {};
    (record.participants || []).forEach(function (p) {
      if (p.ref) { refs[p.ref] = true; }
      if (p.attendance === "present" || p.attendance === "partial") { present[p.role] = true; }
    });
    (context.household || []).forEach(function (r) { refs[r] = true; });
    var options = Object.keys(refs).sort().concat(Object.keys(present).sort());
    actions.forEach(function (action, i) {
      var where = ["plan", "actions", i];
      var owner = text(action.owner), due = action.due;
      if (!owner) { add("PLAN001", where.concat(["owner"]), {id: action.id}); }
      if (blank(due)) { add("PLAN002", where.concat(["due"]), {id: action.id}); }
      if (!blank(due) && record.date && due < record.date) {
        add("PLAN003", where.concat(["due"]), {id: action.id, due: due, date: record.date});
      }
      if (!text(action.indicator)) { add("PLAN006", where, {id: action.id}); }
    });
    if (plan && blank(plan.next_review) && !closes) { add("PLAN005", ["plan", "next_review"]); }
    if (plan && !closes) {
      if (blank(plan.plan_b) || !plan.plan_b) { add("PLAN007", ["plan", "plan_b"]); }
      if (!plan.information_sharing) { add("PLAN008", ["plan", "information_sharing"]); }
      if (!plan.case_manager) { add("PLAN009", ["plan", "case_manager"]); }
    }
    if ((plan === undefined || plan === null) && !closes) { add("PLAN010", ["kind"]); }
    actions.forEach(function (action, i) {
      if (!text(action.do)) { add("PLAN011", ["plan", "actions", i], {id: action.id}); }
    });
    (Array.isArray(record.evaluation) ? record.evaluation : []).forEach(function (entry, i) {
      if (blank(entry.result)) { add("REV007", ["evaluation", i, "result"], {id: entry.action}); }
    });
    this.meetingRules(record, context, add);
    this.fileRules(record, context, add, "FILE005", "FILE006", "FILE007");
    if (context.case_id && record.case !== context.case_id) {
      add("FILE008", ["case"], {folder: context.case_id, case: record.case});
    }
    this.actionOwnersKnown(record, actions, context, add);
    this.duplicateActionIds(actions, context, add);
    this.evaluationRules(record, context, add);
    return out;
  };

  /* CONF001, CONF008, CONF009, CONF012, CONF013 (caseconf.rules.conf): what a meeting's
   * record must say; which kinds each applies to comes from the registry (`applies`). */
  Checker.prototype.meetingRules = function (record, context, add) {
    if (!record.goal) { add("CONF001", ["goal"]); }
    var roles = isMap(record.roles) ? record.roles : null;
    var needed = record.kind === "preparatory" ? ["convener"] : ["convener", "facilitator", "minutes"];
    needed.forEach(function (key) {
      if (!roles || roles[key] === undefined || roles[key] === null) { add("CONF008", ["roles"], {role: key}); }
    });
    ["start", "end", "place", "requested", "invited", "basis"].forEach(function (key) {
      if (record[key] === undefined || record[key] === null) { add("CONF009", [key], {field: key}); }
    });
    if (record.start && record.end && minutes(record.end) - minutes(record.start) <= 0) {
      add("CONF012", ["end"], {start: record.start, end: record.end});
    }
    if (!Array.isArray(record.participants) || !record.participants.length) { add("CONF013", ["participants"]); }
  };

  function minutes(hhmm) { var p = String(hhmm).split(":"); return (+p[0]) * 60 + (+p[1]); }

  /* FILE005-007 (records) and FILE012-014 (activities), as caseconf.rules.file: the file
   * name says the record's date and kind. The form names a new file from its date and kind
   * (the collection's slug), but an edit of an existing record keeps its name, so a changed
   * date or kind would contradict it: judged on the name the file has (context.file). */
  Checker.prototype.fileRules = function (record, context, add, nameCode, dateCode, kindCode) {
    var pattern = (this.data.patterns || {}).record_name;
    if (!context.file || !pattern) { return; }
    var m = new RegExp(pattern, "u").exec(context.file);
    if (!m) {
      add(nameCode, ["date"], {expected: record.date + "-" + record.kind + ".md"});
      return;
    }
    if (m.groups.date !== record.date) { add(dateCode, ["date"], {name_date: m.groups.date, date: record.date}); }
    if (m.groups.kind !== record.kind) { add(kindCode, ["kind"], {name_kind: m.groups.kind, kind: record.kind}); }
  };

  /* CASE001-003 and CASE006 (caseconf.rules.case) on case.yml; the case's folder is
   * context.case_id (the form edits case.yml in place, it cannot move it). */
  Checker.prototype.caseRules = function (record, context) {
    var self = this, out = [];
    function add(code, loc, params) { var f = self.rule(code, loc, params); if (f) { out.push(f); } }
    var folder = context.case_id;
    var idPattern = new RegExp((this.data.patterns || {}).case_id || "^", "u");
    var offices = this.data.offices || [];
    if (folder && !idPattern.test(folder)) { add("CASE001", ["id"], {id: folder}); }
    if (this.data.has_config) {
      if (offices.indexOf(record.office) < 0) {
        add("CASE002", ["office"], {office: record.office, known: offices.join(", ") || "-"});
      } else if (folder && idPattern.test(folder) && folder.indexOf(record.office + "-") !== 0) {
        add("CASE002", ["office"], {office: folder.split("-")[0], known: offices.join(", ")});
      }
    }
    if (record.status === "closed") {
      ["closed", "closure_reason"].forEach(function (key) {
        if (record[key] === undefined || record[key] === null) { add("CASE003", ["status"], {missing: key}); }
      });
    }
    if (folder && record.id !== folder) { add("CASE006", ["id"], {id: record.id, folder: folder}); }
    return out;
  };

  /* ACT001, ACT002 (caseconf.rules.activity) and the activity's file name (FILE012-014). */
  Checker.prototype.activityRules = function (record, context) {
    var self = this, out = [];
    function add(code, loc, params) { var f = self.rule(code, loc, params); if (f) { out.push(f); } }
    var offices = this.data.offices || [];
    if (this.data.has_config) {
      (Array.isArray(record.offices) ? record.offices : []).forEach(function (office, i) {
        if (offices.indexOf(office) < 0) { add("ACT001", ["offices", i], {office: office}); }
      });
    }
    if (record.case && (this.data.case_ids || []).indexOf(record.case) < 0) { add("ACT002", ["case"], {case: record.case}); }
    this.fileRules(record, context, add, "FILE012", "FILE013", "FILE014");
    return out;
  };

  /* FILE016-018 (caseconf.rules.placeholder): a template's "DOPLŇTE"/"FILL IN" left in the
   * front matter (all of case.yml); the pattern is the checker's own. */
  Checker.prototype.placeholders = function (schema, text) {
    var pattern = (this.data.patterns || {}).placeholder;
    if (!pattern || typeof text !== "string" || !new RegExp(pattern, "u").test(text)) { return []; }
    var code = {conference: "FILE016", case: "FILE017", activity: "FILE018"}[schema];
    var lines = text.split("\n"), end = lines.length;
    if (schema !== "case") {  // up to the front matter's closing ---
      end = 0;
      for (var i = 1; i < lines.length; i++) { if (lines[i].replace(/\r$/, "") === "---") { end = i; break; } }
    }
    var re = new RegExp(pattern, "u"), out = [];
    for (var n = 0; n < end; n++) {
      if (re.test(lines[n])) { var f = this.rule(code, null, {}); if (f) { f.line = n + 1; out.push(f); } }
    }
    return out;
  };

  /* REV001, REV003, REV004 (caseconf.rules.rev): the evaluation against the actions the case
   * knew when this record was written. Which were known and which still open the site build
   * derives with the checker's own code (cases.<id>.records[].before; after_all for a new
   * record, the case's latest); here they are only compared. */
  Checker.prototype.evaluationRules = function (record, context, add) {
    var records = Array.isArray(context.records) ? context.records : [];
    var own = null;
    records.forEach(function (r) { if (context.file && r.file === context.file) { own = r; } });
    var before = (own ? own.before : context.after_all) || {known: [], open: []};
    var entries = Array.isArray(record.evaluation) ? record.evaluation : [];
    var known = {};
    before.known.forEach(function (id) { known[id] = true; });
    entries.forEach(function (entry, i) {
      if (entry && !blank(entry.action) && !known[entry.action]) {
        add("REV003", ["evaluation", i, "action"], {id: entry.action, known: before.known.join(", ") || "-"});
      }
    });
    var evaluated = {};
    entries.forEach(function (entry) { if (entry) { evaluated[entry.action] = true; } });
    before.open.forEach(function (state) {
      if (!evaluated[state.id]) {
        add("REV001", entries.length ? ["evaluation"] : ["kind"], {id: state.id, do: state.do, due: state.due});
      }
    });
    if (blank(record.conclusions)) { add("REV004", ["kind"]); }
  };

  /* PLAN004 (a warning), as caseconf.rules.plan.ActionOwnerKnown: an owner who was not part
   * of the agreement, unless they accepted it in writing. */
  Checker.prototype.actionOwnersKnown = function (record, actions, context, add) {
    var present = {}, absent = {}, listed = {};
    var participants = Array.isArray(record.participants) ? record.participants : [];
    participants.forEach(function (p) {
      if (p && (p.attendance === "present" || p.attendance === "partial")) { present[p.role] = true; }
    });
    var childPart = record.child && record.child.participation;
    var childTookPart = childPart === "present" || childPart === "partial";
    participants.forEach(function (p) {
      if (!p || blank(p.ref)) { return; }
      listed[p.ref] = true;
      if (p.attendance === "present" || p.attendance === "partial") { present[p.ref] = true; } else { absent[p.ref] = "absent"; }
    });
    (context.household_roles || []).forEach(function (m) {
      if (listed[m.ref]) { return; }
      if (m.role === "child") {
        if (childTookPart) { present[m.ref] = true; } else { absent[m.ref] = "child"; }
      } else if (record.kind === "evaluation") {
        present[m.ref] = true;
      }
    });
    var why = this.data.plan004_why || {};
    var options = Object.keys(present).sort().join(", ") || "-";
    actions.forEach(function (action, i) {
      var owner = action && action.owner;
      if (blank(owner) || present[owner] || action.accepted_in_writing) { return; }
      add("PLAN004", ["plan", "actions", i, "owner"],
        {owner: owner, id: action.id, options: options, why: why[absent[owner] || "unknown"] || ""});
    });
  };

  /* CASE005, as caseconf.rules.case.DuplicateActionId: an action id already used in the case.
   * The checker reports the later of two records; the form (context.any_order) refuses the
   * record it saves whichever of the two comes first, so neither file fails in CI. */
  Checker.prototype.duplicateActionIds = function (actions, context, add) {
    var records = Array.isArray(context.records) ? context.records : [];
    var own = context.file, at = -1;
    records.forEach(function (r, i) { if (r.file === own) { at = i; } });
    var others = records.filter(function (r, i) { return i !== at && (context.any_order || at < 0 || i < at); });
    var highest = 0;
    function number(id) { var n = /^A(\d+)$/.exec(String(id || "")); if (n) { highest = Math.max(highest, +n[1]); } }
    records.forEach(function (r, i) { if (i !== at) { r.actions.forEach(number); } });
    actions.forEach(function (a) { number(a && a.id); });
    var seen = {};
    others.forEach(function (r) { r.actions.forEach(function (id) { if (!(id in seen)) { seen[id] = r.file; } }); });
    actions.forEach(function (action, i) {
      var id = action && action.id;
      if (blank(id)) { return; }
      if (id in seen) {
        add("CASE005", ["plan", "actions", i, "id"], {id: id, first: seen[id], next: highest + 1});
      } else {
        seen[id] = own || "";
      }
    });
  };

  // caseconf.ignore: a reason is required; a finding it names is suppressed (as the engine)
  Checker.prototype.suppress = function (record, findings) {
    var self = this;
    var meta = record && record.caseconf;
    var ignore = meta && Array.isArray(meta.ignore) ? meta.ignore : [];
    if (!ignore.length) { return findings; }
    var reasons = ignore.map(function (e) { return String((e && e.reason) || "").trim(); });
    var kept = findings.filter(function (f) {
      if (f.code.indexOf("SUPP") === 0) { return true; }
      return !ignore.some(function (e, i) { return e && e.code === f.code && reasons[i]; });
    });
    ignore.forEach(function (entry, i) {
      if (!reasons[i]) {
        var f = self.rule("SUPP002", ["caseconf", "ignore", i], {code: entry && entry.code});
        if (f) { kept.push(f); }
      }
    });
    return kept;
  };

  /* YAML005, YAML007, YAML008 (caseconf.records.yamlsafe): the loader's limits, as its
   * finding on the first value past one (the loader reads nothing of such a file). */
  Checker.prototype.beyondLimits = function (value, depth, loc) {
    var self = this, limits = this.data.limits || {};
    var maxDepth = limits.depth || 40, maxChars = limits.scalar_chars || 20000, maxDigits = limits.int_digits || 100;
    function found(code, id, limit, where) { return self.finding(code, where, self.loader(id, {limit: limit})); }
    if (depth > maxDepth) { return found("YAML005", "yaml_too_deep", maxDepth, loc); }
    if (typeof value === "string") { return value.length > maxChars ? found("YAML007", "yaml_too_long", maxChars, loc) : null; }
    if (typeof value === "number") {
      return !Number.isFinite(value) || Math.abs(value) >= Math.pow(10, maxDigits)
        ? found("YAML008", "yaml_number_too_long", maxDigits, loc) : null;
    }
    var hit = null;
    if (Array.isArray(value)) {
      value.some(function (v, i) { hit = self.beyondLimits(v, depth + 1, loc.concat([i])); return hit; });
    } else if (isMap(value)) {
      Object.keys(value).some(function (k) {
        hit = k.length > maxChars ? found("YAML007", "yaml_too_long", maxChars, loc)
          : self.beyondLimits(value[k], depth + 1, loc.concat([k]));
        return hit;
      });
    }
    return hit;
  };

  /* Everything the form asks before it writes `fileText` (the record `record` of `schema`):
   * the loader's text checks, the record's checks, personal data. `loadable`: whether the
   * text reads back as plain YAML (format.js); `context`: the case as the site build knew it,
   * the file's name and its case's folder. form.js refuses the save on any error. */
  Checker.prototype.checkSave = function (schema, record, fileText, context, loadable) {
    var unreadable = this.checkFile(fileText), findings;
    if (unreadable.length) {
      findings = unreadable;
    } else if (loadable === false) {  // cannot happen with format.js; if it did, CI would refuse it
      findings = [this.finding("YAML001", [], (this.data.codes.YAML001 || {}).summary || "YAML")];
    } else {
      findings = this.checkRecord(schema, record, Object.assign({}, context || {}, {text: fileText}));
    }
    return findings.concat(this.checkText(fileText));
  };

  /* FILE009, FILE011 (caseconf.records.loader): what the loader refuses in a file's text
   * before it reads it as YAML; a file with one of these is judged no further. */
  Checker.prototype.checkFile = function (text) {
    var limits = this.data.limits || {}, patterns = this.data.patterns || {};
    var size = typeof TextEncoder !== "undefined" ? new TextEncoder().encode(text).length : text.length;
    if (limits.file_bytes && size > limits.file_bytes) {
      return [Object.assign(this.finding("FILE011", null, this.loader("file_too_large", {size: size, limit: limits.file_bytes})), {line: 1})];
    }
    var m = patterns.conflict && new RegExp(patterns.conflict, "mu").exec(text.replace(/\r\n?/g, "\n"));
    if (m) {
      var line = text.replace(/\r\n?/g, "\n").slice(0, m.index).split("\n").length;
      return [Object.assign(this.finding("FILE009", null, this.loader("conflict_markers", {})), {line: line})];
    }
    return [];
  };

  /* The allow-pii marker, as caseconf.pii.allowlist.parse_marker: which kinds it allows on
   * its line (and the next, when it stands alone), or no reason (PII010, allows nothing). */
  Checker.prototype.marker = function (line) {
    var patterns = this.data.patterns || {};
    if (!patterns.marker || line.toLowerCase().indexOf("allow-pii") < 0) { return null; }
    var m = new RegExp(patterns.marker, "iu").exec(line);
    if (!m) { return null; }
    var args = m.groups.args, endComment = args.indexOf("-->");
    if (endComment >= 0) { args = args.slice(0, endComment); }
    var km = new RegExp(patterns.marker_kind, "u").exec(args);
    var kinds = km ? km.groups.v.split(",").filter(Boolean) : null;
    var rm = new RegExp(patterns.marker_reason, "u").exec(args), reason = null;
    if (rm) {
      var g = [rm.groups.d, rm.groups.s, rm.groups.c, rm.groups.w].filter(function (x) { return x !== undefined; });
      reason = (g.length ? g[0] : "").trim() || null;
    }
    var start = m.index, prefix = line.slice(0, start).replace(/\s+$/, "");
    if (/<!--$/.test(prefix)) { start = prefix.lastIndexOf("<!--"); } else if (/#$/.test(prefix)) { start = prefix.lastIndexOf("#"); }
    var end = m.index + m[0].length;
    return {kinds: kinds, reason: reason, start: start, end: end, alone: !line.slice(0, start).trim() && !line.slice(end).trim()};
  };

  /* Findings of one record: schema first; the rules run only on a record the schema
   * accepts (as the Python loader: a record that does not load is not judged further). */
  Checker.prototype.checkRecord = function (schema, record, context) {
    var node = this.data.schemas[schema];
    var out = [];
    if (!isMap(record)) {
      return [this.finding("SCHEMA002", [], this.loader("bad_value", {field: "(root)", value: "…",
        detail: this.loader("expected_mapping")}))];
    }
    context = context || {};
    var limit = this.beyondLimits(record, 0, []);
    if (limit) { return [limit]; }  // the loader stops there
    this.validate(node, record, [], out);
    var loadErrors = out.length;
    this.unknownKeys(node, record, [], out);
    if (loadErrors) { return out; }
    if (schema === "conference") {
      out = out.concat(this.conferenceRules(record, context));
    } else if (schema === "case") {
      out = out.concat(this.caseRules(record, context));
    } else if (schema === "activity") {
      out = out.concat(this.activityRules(record, context));
    }
    out = out.concat(this.placeholders(schema, context.text));
    return this.suppress(record, out);
  };

  // ------------------------------------------------------------------ personal data
  var CZ_WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1];

  function rcValid(num) {  // stdnum.cz.rc.is_valid
    if (!/^\d{9,10}$/.test(num)) { return false; }
    var yy = +num.slice(0, 2), mm = +num.slice(2, 4), dd = +num.slice(4, 6);
    var year = 1900 + yy;
    if (num.length === 9) { if (year >= 1980) { year -= 100; } if (year > 1953) { return false; } }
    else if (year < 1954) { year += 100; }
    if (mm > 70 && year > 2003) { mm -= 70; } else if (mm > 50) { mm -= 50; } else if (mm > 20 && year > 2003) { mm -= 20; }
    var d = new Date(Date.UTC(year, mm - 1, dd));
    if (!(d.getUTCFullYear() === year && d.getUTCMonth() === mm - 1 && d.getUTCDate() === dd)) { return false; }
    if (num.length === 10) {
      var check = Number(BigInt(num.slice(0, 9)) % 11n) % 10;
      return check === +num[9];
    }
    return true;
  }

  function emsoValid(num) {  // stdnum.si.emso + the JMBG date rule of the Python detector
    if (!/^\d{13}$/.test(num) || "90".indexOf(num[4]) < 0) { return false; }
    var weights = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2], sum = 0;
    for (var i = 0; i < 12; i++) { sum += weights[i] * +num[i]; }
    var check = (11 - sum % 11) % 11 % 10;
    if (check !== +num[12]) { return false; }
    var day = +num.slice(0, 2), month = +num.slice(2, 4), yyy = +num.slice(4, 7);
    var year = yyy >= 800 ? 1000 + yyy : 2000 + yyy;
    var d = new Date(Date.UTC(year, month - 1, day));
    return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  }

  function ibanValid(raw) {
    var s = raw.replace(/\s+/g, "").toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(s)) { return false; }
    var lengths = {CZ: 24, SK: 24, ME: 22, RS: 22, BA: 20, HR: 21, DE: 22, AT: 20, SI: 19, PL: 28, HU: 28, GB: 22};
    var want = lengths[s.slice(0, 2)];
    if (want && s.length !== want) { return false; }
    var moved = s.slice(4) + s.slice(0, 4), digits = "";
    for (var i = 0; i < moved.length; i++) {
      var c = moved.charCodeAt(i);
      digits += c >= 65 ? String(c - 55) : moved[i];
    }
    return BigInt(digits) % 97n === 1n;
  }


  var L = "\\p{L}";
  var EMAIL = new RegExp("(?<![" + L + "\\p{N}_.+\\-@])([" + L + "\\p{N}_.+\\-%]{1,64}@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,24})(?![" + L + "\\p{N}_\\-])", "gu");
  var GENERIC_MAILBOX = ("info podatelna posta pošta office kontakt contact sekretariat sekretarijat ospod " +
    "noreply no-reply postmaster admin webmaster recepce recepcija kancelarija").split(" ");
  var DATE_INSIDE = /\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}\b|\d{1,2}:\d{2}/;

  function eachMatch(re, s, fn) {
    re.lastIndex = 0;
    var m;
    while ((m = re.exec(s)) !== null) { fn(m); if (m[0] === "") { re.lastIndex++; } }
  }

  Checker.prototype.piiHits = function (line, extra) {
    var hits = (extra || []).slice();
    function hit(kind, start, end) { hits.push({kind: kind, start: start, end: end}); }
    if (line.indexOf("@") >= 0) {
      eachMatch(EMAIL, line, function (m) {
        var value = m[1].replace(/^\.+|\.+$/g, "");
        if (GENERIC_MAILBOX.indexOf(value.split("@")[0].toLowerCase()) < 0) { hit("email", m.index, m.index + value.length); }
      });
    }
    // the name detector reads the line with what the others took blanked out (as the guard)
    var blanked = line;
    this.resolve(hits).forEach(function (a) {
      blanked = blanked.slice(0, a.start) + " ".repeat(Math.max(0, Math.min(a.end, line.length) - a.start)) + blanked.slice(a.end);
    });
    this.names(blanked, hit);
    return hits;
  };

  /* PII001, PII002, as caseconf.pii.detectors.birth_number and jmbg on detectors._numbers:
   * every stretch of whole digit groups (split by spaces, a slash or a line break) with 9, 10
   * or 13 digits, not glued to a longer token, against the checksum; read whole (a number may
   * be wrapped over two lines). The guard's own expressions (generated data). */
  function glued(text, start, end) {  // caseconf.pii.detectors._numbers._glued
    var before = start ? text[start - 1] : "", after = text.slice(end, end + 2);
    if (before && (/[\p{L}\p{N}]/u.test(before) || "/.-+_".indexOf(before) >= 0)) { return true; }
    if (/^[\p{L}\p{N}_]/u.test(after)) { return true; }
    return /^(?:[\-/]\d|\.\d)/.test(after);
  }

  Checker.prototype.longNumbers = function (text, hit) {
    var p = this.data.pii.numbers;
    if (!p || !p.chain || !/\d(?:\D{0,4}\d){8}/.test(text)) { return; }
    var chain = this._chain || (this._chain = new RegExp(p.chain, "gu"));
    var keyword = this._rcKeyword || (this._rcKeyword = new RegExp(p.birth_keyword, "u"));
    eachMatch(chain, text, function (m) {
      var s = m[0];
      if (s.length < 9 || (s.match(/\d/g) || []).length < 9) { return; }
      var groups = [], g = /\d+/g, x;
      while ((x = g.exec(s)) !== null) { groups.push([m.index + x.index, m.index + x.index + x[0].length]); }
      for (var i = 0; i < groups.length; i++) {
        var digits = "", slashes = [];
        for (var j = i; j < Math.min(groups.length, i + p.max_groups); j++) {
          if (j > i && text.slice(groups[j - 1][1], groups[j][0]).indexOf("/") >= 0) { slashes.push(digits.length); }
          digits += text.slice(groups[j][0], groups[j][1]);
          if (digits.length > 13) { break; }
          var start = groups[i][0], end = groups[j][1];
          if ([9, 10, 13].indexOf(digits.length) < 0 || glued(text, start, end)) { continue; }
          if (digits.length === 13) {
            if (!slashes.length && emsoValid(digits)) { hit("jmbg", start, end); }
            continue;
          }
          if (slashes.length && !(slashes.length === 1 && slashes[0] === 6)) { continue; }
          if (!rcValid(digits)) { continue; }
          if (digits.length === 9 && !slashes.length) {
            var ls = text.lastIndexOf("\n", start - 1) + 1, le = text.indexOf("\n", end);
            if (le < 0) { le = text.length; }
            if (!keyword.test(text.slice(Math.max(ls, start - 40), Math.min(le, end + 20)))) { continue; }
          }
          hit("birth_number", start, end);
        }
      }
    });
  };

  /* PII005, as caseconf.pii.detectors.bank_account on the whole text: an IBAN in any case
   * and split anywhere (the longest valid prefix of what the expression takes), a Czech
   * account (both mod-11 checks and a bank code of stdnum's registry), a Montenegrin or
   * Serbian one (mod 97); none right after a reference keyword (_base.ref_context). */
  function meAccountValid(bank, account, check) {
    var number = bank + ("0000000000000" + account).slice(-Math.max(13, account.length)) + check;
    return number.length === 18 && BigInt(number) % 97n === 1n && /[1-9]/.test(account);
  }
  function czChecksum(part) {
    var padded = ("0000000000" + part).slice(-10), sum = 0;
    for (var i = 0; i < 10; i++) { sum += CZ_WEIGHTS[i] * +padded[i]; }
    return sum % 11;
  }

  Checker.prototype.bankAccounts = function (text, hit) {
    var p = this.data.pii.numbers;
    if (!p || !p.iban || !/\d/.test(text)) { return; }
    if (!this._bank) {
      var banks = Object.create(null);
      (p.cz_banks || []).forEach(function (b) { banks[b] = true; });
      this._bank = {iban: new RegExp(p.iban, "gu"), cz: new RegExp(p.cz_account, "gu"), me: new RegExp(p.me_account, "gu"),
                    ref: new RegExp(p.ref_before, "u"), banks: banks};
    }
    var b = this._bank;
    function refContext(start) {
      var ls = text.lastIndexOf("\n", start - 1) + 1;
      return b.ref.test(text.slice(Math.max(ls, start - 40), start));
    }
    eachMatch(b.iban, text, function (m) {
      var raw = m[0], ends = [], compact = raw.replace(/ /g, "").toUpperCase();
      for (var i = 0; i < raw.length; i++) { if (raw[i] !== " ") { ends.push(i + 1); } }
      for (var n = compact.length; n > 14; n--) {
        if (ibanValid(compact.slice(0, n))) { hit("bank_account", m.index, m.index + ends[n - 1]); break; }
      }
    });
    if (text.indexOf("/") >= 0) {
      eachMatch(b.cz, text, function (m) {
        var parts = /^(?:(\d{0,6})-)?(\d{2,10})\/(\d{4})$/.exec(m[1].replace(/\s/g, ""));
        if (parts && czChecksum(parts[1] || "") === 0 && czChecksum(parts[2]) === 0 && b.banks[parts[3]] && !refContext(m.index)) {
          hit("bank_account", m.index, m.index + m[0].length);
        }
      });
    }
    if (text.indexOf("-") >= 0) {
      eachMatch(b.me, text, function (m) {
        if (meAccountValid(m[1], m[2], m[3]) && !refContext(m.index)) { hit("bank_account", m.index, m.index + m[0].length); }
      });
    }
  };

  // PII006: the Python detector's expressions (generated data), and its date test.
  function birthDateValid(g) {
    for (var i = 1; i <= 5; i++) {
      var y = g["y" + i];
      if (!y) { continue; }
      var d = g["d" + i], mo = g["m" + i];
      if (mo === undefined) { return d !== undefined && +d >= 1 && +d <= 31; }
      return validDate(y + "-" + ("0" + mo).slice(-2) + "-" + ("0" + d).slice(-2));
    }
    return false;
  }

  Checker.prototype.birthDates = function (line, hit) {
    var patterns = this.data.pii.birth_date || {};
    if (!this._birthRes) {
      this._birthRes = ["keyword_then_date", "date_then_keyword"].filter(function (k) { return patterns[k]; })
        .map(function (k) { return new RegExp(patterns[k], "giu"); });
    }
    this._birthRes.forEach(function (re) {
      eachMatch(re, line, function (m) {
        if (!birthDateValid(m.groups)) { return; }
        var start = m.index + m[0].lastIndexOf(m.groups.date);
        hit("birth_date", start, start + m.groups.date.length);
      });
    });
  };

  /* PII007, as caseconf.pii.detectors.address.find_addresses: street and house number,
   * postal code and town, "č. p. 94", a municipality of the gazetteer and a house number.
   * The expressions, word lists and gazetteer are the detector's own (generated data). One
   * step is not ported: Python lets "Lhůty 14" pass when its dictionaries know the first
   * word as an ordinary word; the form refuses it (a stricter form never lets through what
   * the guard would refuse). */
  function isLower(s) { return s === s.toLowerCase() && s !== s.toUpperCase(); }
  function isUpperChar(c) { return !!c && c === c.toUpperCase() && c !== c.toLowerCase(); }

  Checker.prototype.addressData = function () {
    if (this._address !== undefined) { return this._address; }
    var a = (this.data.pii || {}).address;
    if (!a || !a.street_kw) { this._address = null; return null; }
    function set(list) { var o = Object.create(null); (list || []).forEach(function (w) { o[w] = true; }); return o; }
    this._address = {
      streetKw: new RegExp(a.street_kw, "gdu"), streetNamed: new RegExp(a.street_named, "gdu"),
      postal: new RegExp(a.postal, "gdu"), houseNo: new RegExp(a.house_no, "gdu"), village: new RegExp(a.village, "gdu"),
      before: new RegExp(a.institution_before, "u"), after: new RegExp(a.institution_after, "yu"),
      // caseconf.pii.detectors.address._more_addresses (absent in an older generated data set)
      nameBb: a.name_bb ? new RegExp(a.name_bb, "gdu") : null,
      streetCommaTown: a.street_comma_town ? new RegExp(a.street_comma_town, "gdu") : null,
      labelled: a.labelled ? new RegExp(a.labelled, "gdu") : null,
      addressLabel: a.address_label ? new RegExp(a.address_label, "u") : null,
      notTowns: set(a.not_towns), kwParts: a.kw_parts, places: set(a.place_words), phrases: set(a.place_phrases),
      connectors: set(a.connectors), stems: a.stems, cache: Object.create(null)
    };
    return this._address;
  };

  // caseconf.pii.names.candidates: base forms of an inflected lower-case word, the word first
  function pyCandidates(word, stems, cache) {
    if (cache[word]) { return cache[word]; }
    var out = [word], n = word.length, seen = Object.create(null);
    seen[word] = true;
    [""].concat(stems.endings).forEach(function (end) {
      if (end && !word.endsWith(end)) { return; }
      var stem = end ? word.slice(0, n - end.length) : word;
      if (stem.length < 2) { return; }
      var list = [stem];
      stems.alternations.forEach(function (ab) { if (stem.endsWith(ab[0])) { list.push(stem.slice(0, stem.length - ab[0].length) + ab[1]); } });
      var vowels = "aeiouyáéíóúůýě";
      if (stem.length >= 3 && vowels.indexOf(stem[stem.length - 1]) < 0 && vowels.indexOf(stem[stem.length - 2]) < 0) {
        list.push(stem.slice(0, -1) + "e" + stem[stem.length - 1]);
      }
      list.forEach(function (st) {
        (end ? stems.replacements : [""]).forEach(function (r) { var c = st + r; if (!seen[c]) { seen[c] = true; out.push(c); } });
      });
    });
    cache[word] = out;
    return out;
  }

  function isPlace(words, a) {  // caseconf.pii.names.is_place
    var cands = function (w) { return pyCandidates(w.toLowerCase(), a.stems, a.cache).slice(0, 40); };
    if (words.length === 1) {
      var low = words[0].toLowerCase(), c = cands(low);
      if (low.length === 3 && "aeiouyáéíóúůý".indexOf(low[1]) < 0 && "aeiouyáéíóúůý".indexOf(low[0]) < 0) {
        c = c.concat([low[0] + "e" + low[1]]);
      }
      return c.some(function (x) { return a.places[x]; });
    }
    if (words.length === 2 || (words.length === 3 && a.connectors[words[1]])) {
      var options = words.map(function (w) { return isUpperChar(w[0]) ? cands(w) : [w]; });
      if (options.length === 2) {
        return options[0].some(function (x) { return options[1].some(function (y) { return a.phrases[x + " " + y]; }); });
      }
      return options[0].some(function (x) { return options[2].some(function (z) { return a.phrases[x + " " + options[1][0] + " " + z]; }); });
    }
    return false;
  }

  Checker.prototype.addresses = function (text, hit) {
    var a = this.addressData();
    if (!a || (!/\d/.test(text) && text.indexOf("bb") < 0 && text.indexOf("b.b.") < 0)) { return; }
    var low = text.toLowerCase();
    var streetKw = a.kwParts.some(function (part) { return low.indexOf(part) >= 0; });
    var capitals = !isLower(text);
    function lineStart(at) { return text.lastIndexOf("\n", at - 1) + 1; }
    function institution(start, numEnd) {
      if (a.before.test(text.slice(lineStart(start), start))) { return true; }
      if (numEnd === null) { return false; }
      a.after.lastIndex = numEnd;
      return a.after.test(text);
    }
    var rxs = (streetKw ? [a.streetKw] : []).concat(capitals ? [a.streetNamed] : []);
    rxs.forEach(function (rx) {
      eachMatch(rx, text, function (m) {
        var start = m.index, numEnd = m.indices.groups.num[1];
        if (rx === a.streetKw && !(isUpperChar(m.groups.kw[0])
                                   || (m.groups.name || "").split(/\s+/).some(function (w) { return isUpperChar(w[0]); })
                                   || m.groups.num === "bb" || m.groups.num === "b.b.")) { return; }
        if (institution(start, numEnd)) { return; }
        hit("address", start, numEnd);
      });
    });
    if (capitals) {
      eachMatch(a.postal, text, function (m) {
        if (a.before.test(text.slice(lineStart(m.index), m.index))) { return; }
        if (a.notTowns[m.groups.town.toLowerCase()]) { return; }
        var code = m.groups.code, digits = code.replace(/ /g, "");
        if (code.indexOf(" ") < 0 && "123456789".indexOf(digits[0]) < 0) { return; }
        hit("address", m.index, m.index + m[0].length);
      });
    }
    if (low.indexOf("p") >= 0 || low.indexOf("ev") >= 0) {
      eachMatch(a.houseNo, text, function (m) { hit("address", m.index, m.index + m[0].length); });
    }
    if (!capitals) { return; }
    eachMatch(a.village, text, function (m) {
      var num = m.groups.num, numEnd = m.indices.groups.num[1];
      if (/^(?:19|20)\d\d$/.test(num) && !m.groups.roman) { return; }  // a year (after a town's part, "Újezd II. 2024", a house number)
      var words = m.groups.place.replace(/-/g, " ").split(/\s+/).filter(Boolean);
      if (words[0].toLowerCase() === "praha" && /^\d+$/.test(num) && +num <= 22 && !m.groups.roman) { return; }
      if (institution(m.index, numEnd)) { return; }
      var placeStart = m.indices.groups.place[0];
      for (var k = 0; k < words.length; k++) {
        if (isPlace(words.slice(k), a)) {
          var start = k ? placeStart + m.groups.place.indexOf(words[k]) : m.index;
          hit("address", start, numEnd);
          break;
        }
      }
    });
    // caseconf.pii.detectors.address._more_addresses, its steps in its order
    var year = /^(?:19|20)\d\d$/;
    if (a.nameBb && (text.indexOf("bb") >= 0 || text.indexOf("b.b.") >= 0)) {
      eachMatch(a.nameBb, text, function (m) {  // "Cvjetna bb"
        if (!a.before.test(text.slice(lineStart(m.index), m.index))) { hit("address", m.index, m.indices.groups.num[1]); }
      });
    }
    if (a.streetCommaTown && text.indexOf(",") >= 0) {
      eachMatch(a.streetCommaTown, text, function (m) {  // "Kolmá 1232, Bílovec"
        if (year.test(m.groups.num) || a.before.test(text.slice(lineStart(m.index), m.index))) { return; }
        var words = m.groups.town.split(/\s+/).filter(Boolean);
        for (var k = words.length; k > 0; k--) {
          if (isPlace(words.slice(0, k), a)) { hit("address", m.index, m.indices.groups.num[1]); return; }
        }
      });
    }
    if (a.labelled && a.addressLabel) {
      eachMatch(a.labelled, text, function (m) {  // "Adresa: Zákoutí 2764"
        var ls = lineStart(m.index);
        if (a.addressLabel.test(text.slice(Math.max(ls, m.index - 40), m.index)) && !year.test(m.groups.num)
            && !a.before.test(text.slice(ls, m.index))) {
          hit("address", m.index, m.indices.groups.num[1]);
        }
      });
    }
  };

  var DATEISH = /^\s*(?:\d{1,4}[./\-]\s?\d{1,2}[./\-]\s?\d{1,4}\.?|\d{1,2}:\d{2}(?::\d{2})?|(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2})\s*$/;
  var ONLY_DATES = /^(?:\s|[./\-]|(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}|\d{1,2}:\d{2})*$/;


  /* PII003, as caseconf.pii.detectors.phone on the whole text (a number may be wrapped over
   * a line break): phone-shaped windows (the guard's expression), each region's matcher,
   * helplines (toll-free, premium, shared-cost, UAN, voicemail) and the public numbers
   * (shipped, and the team's in its allowed words) claim their span and report nothing. */
  var NOT_PERSONAL_TYPES = {TOLL_FREE: true, PREMIUM_RATE: true, SHARED_COST: true, UAN: true, VOICEMAIL: true};
  function isAlnum(c) { return !!c && /[\p{L}\p{N}]/u.test(c); }
  function pyGluedBefore(text, start) {  // detectors.phone._glued_before
    var before = text.slice(Math.max(0, start - 2), start);
    return isAlnum(before.slice(-1)) || /^[\p{L}\p{N}_]-$/u.test(before) || before.endsWith("/");
  }
  function mayStartPhone(text, start, end) {
    var digitsLeft = (text.slice(start, end).match(/\d/g) || []).length;
    var glued = start > 0 && isAlnum(text[start - 1]);
    for (var p = start; p < end; p++) {
      if (digitsLeft < 8) { return false; }
      var ch = text[p];
      if (!glued && !pyGluedBefore(text, p)) { return true; }
      if (/\d/.test(ch)) { digitsLeft--; }
      glued = isAlnum(ch);
    }
    return false;
  }
  function nationalDigits(number) {  // detectors.phone.national_digits
    var digits = number.replace(/\D/g, ""), s = number.trim(), codes = ["420", "421", "382", "381", "387", "385"];
    for (var i = 0; i < codes.length; i++) {
      if (s.indexOf("+" + codes[i]) === 0 || s.indexOf("00" + codes[i]) === 0) {
        return digits.slice(codes[i].length + (s.indexOf("00") === 0 ? 2 : 0)).replace(/^0+/, "");
      }
    }
    return digits.replace(/^0+/, "");
  }

  Checker.prototype.phonesWhole = function (text, hit) {
    var p = this.data.pii.numbers;
    if (!libphonenumber || !p || !p.phone_cand) { return; }
    if (!this._phone) {
      var publicNumbers = Object.create(null);
      (p.public_numbers || []).forEach(function (n) { publicNumbers[n] = true; });
      (this.data.pii.allow_words || []).forEach(function (phrase) {  // core._allow_set: a public number
        if (typeof phrase === "string" && /^\+?[\d ()./\-]+$/.test(phrase.trim()) && (phrase.match(/\d/g) || []).length >= 3) {
          publicNumbers[nationalDigits(phrase)] = true;
        }
      });
      this._phone = {cand: new RegExp(p.phone_cand, "gu"), tail: new RegExp(p.reference_tail, "u"),
                     ref: new RegExp(p.ref_before, "u"), publicNumbers: publicNumbers};
    }
    var ph = this._phone, regions = this.data.pii.regions, prefixes = this.data.pii.national_prefix || {}, hits = {};
    function candidateOk(start, end, raw) {
      if ((raw.match(/\d/g) || []).length < 8) { return false; }
      if (DATEISH.test(raw) || DATE_INSIDE.test(raw) || /^(?:19|20)\d{2}\s?[-/.]/.test(raw)) { return false; }
      if (ph.tail.test(raw) || pyGluedBefore(text, start)) { return false; }
      if (/^(?:[\-/]\d|[\p{L}\p{N}_]|\.\d)/u.test(text.slice(end, end + 6))) { return false; }
      var ls = text.lastIndexOf("\n", start - 1) + 1;
      return !ph.ref.test(text.slice(Math.max(ls, start - 40), start));
    }
    eachMatch(ph.cand, text, function (cm) {
      var window = cm[0];
      if (ONLY_DATES.test(window) || (window.match(/\d/g) || []).length < 8) { return; }
      if (!mayStartPhone(text, cm.index, cm.index + window.length)) { return; }
      var flat = window.replace(/[\n\\\t]/g, " "), found = {};
      regions.forEach(function (region) {
        libphonenumber.findPhoneNumbersInText(flat, {defaultCountry: region, v2: true}).forEach(function (f) {
          var key = f.startsAt + ":" + f.endsAt;
          if (found[key] || !f.number || !f.number.isValid()) { return; }
          var raw = flat.slice(f.startsAt, f.endsAt), prefix = prefixes[region];
          // written without the country code, it needs the region's national prefix (Leniency.VALID)
          if (prefix && !/^\s*\(?\s*(?:\+|00)/.test(raw) && raw.replace(/\D/g, "").indexOf(prefix) !== 0) { return; }
          var type = f.number.getType ? f.number.getType() : undefined;
          found[key] = {start: f.startsAt, end: f.endsAt, raw: raw, nat: NOT_PERSONAL_TYPES[type] ? "" : String(f.number.nationalNumber)};
        });
      });
      Object.keys(found).forEach(function (key) {
        var f = found[key], s = cm.index + f.start, e = cm.index + f.end;
        if (hits[s + ":" + e] || !candidateOk(s, e, f.raw)) { return; }
        if (!f.nat || ph.publicNumbers[f.nat]) { return; }
        hits[s + ":" + e] = {start: s, end: e};
      });
    });
    var spans = Object.keys(hits).map(function (k) { return hits[k]; })
      .sort(function (a, b) { return (a.start - b.start) || ((b.end - b.start) - (a.end - a.start)); });
    var last = null;
    spans.forEach(function (sp) {
      if (last && sp.start < last.end) { return; }
      hit("phone", sp.start, sp.end);
      last = sp;
    });
  };

  /* PII008, as caseconf.pii.names._names_in_line and caseconf.pii.sentence_start, step by
   * step and in their order, on their own word lists and expressions (data.pii.name_rules,
   * generated from the Python modules). One thing the browser lacks: the lemmatiser's
   * dictionaries (simplemma, ~1 M word forms of Czech and BCS). Where Python asks them
   * ("is this an ordinary word?", "is the next word a verb?"), this port answers so that it
   * refuses at least what Python refuses: a word no list here knows is an unknown word (no
   * ordinary word, no adjective, no place by its lemma), and any lower-case word of three
   * letters or more after a sentence's first word may be its verb. For the word forms of the
   * dictionaries that end as surnames do (-ák, -ek, -ík, -ec, -ová, -ský, -ić ...), few
   * enough to ship, the answers are Python's own (name_rules.lexical). */
  var PY_LETTER = "\\p{L}\\p{Nl}\\p{No}";
  var PY_WORD_CHAR = "\\p{L}\\p{N}_";
  var NAME_TOKEN = new RegExp("(?<![" + PY_WORD_CHAR + "@/\\\\.])([" + PY_LETTER + "]+(?:-[" + PY_LETTER + "]+)?)(?![" +
    PY_WORD_CHAR + "@]|\\.[" + PY_LETTER + "])", "gu");
  var LETTERS_AT_START = new RegExp("^[" + PY_LETTER + "]+", "u");
  var GAP = /^\s{1,2}$/;
  var TITLE_GAP = /^\.?\s{1,2}$/;
  function pyUpper(s) { return /\p{Lu}/u.test(s) && !/[\p{Ll}\p{Lt}]/u.test(s); }  // str.isupper()
  function pyLower(s) { return /\p{Ll}/u.test(s) && !/[\p{Lu}\p{Lt}]/u.test(s); }  // str.islower()
  function pyStrip(s) { return s.replace(/^\s+|\s+$/gu, ""); }
  function pyRstrip(s) { return s.replace(/\s+$/u, ""); }
  function capFirst(s) { return s.slice(0, 1).toUpperCase() + s.slice(1); }

  function isCap(word) {  // caseconf.pii.names._is_cap
    if (word.length < 2 || !pyUpper(word[0])) { return false; }
    return word.split("-").every(function (p) { return !p || (pyUpper(p[0]) && (p.length === 1 || pyLower(p.slice(1)))); });
  }

  Checker.prototype.nameRules = function () {
    if (this._nameRules !== undefined) { return this._nameRules; }
    var r = (this.data.pii || {}).name_rules;
    if (!r || !r.first) { this._nameRules = null; return null; }
    function set(list) { var o = Object.create(null); (list || []).forEach(function (w) { o[w] = true; }); return o; }
    function rx(p, flags) { return new RegExp(p, flags || "u"); }
    // the caller's allowed words, as caseconf.pii.core._allow_set reads a phrase
    var allow = Object.create(null);
    ((this.data.pii || {}).allow_words || []).forEach(function (phrase) {
      if (typeof phrase !== "string") { return; }
      var norm = phrase.replace(/\n/g, " ").normalize("NFKC").split(/\s+/).filter(Boolean).join(" ").toLowerCase();
      norm.replace(/-/g, " ").replace(/\//g, " ").split(/\s+/).forEach(function (w) {
        w = w.replace(/^[.,;:()"']+|[.,;:()"']+$/g, "");
        if (w) { allow[w] = true; }
      });
    });
    var firstByPrefix = Object.create(null);
    r.first.slice().sort().forEach(function (name) {
      var chars = Array.from(name);
      for (var k = 2; k <= chars.length; k++) {
        var p = chars.slice(0, k).join("");
        if (!(p in firstByPrefix)) { firstByPrefix[p] = name; }
      }
    });
    this._nameRules = {
      allow: allow, first: set(r.first), last: set(r.last), places: set(r.places), weak: set(r.weak_places),
      titles: set(r.titles), titlesAny: set(r.titles_any), institutions: set(r.institutions),
      commonAtStart: set(r.common_at_start), notNames: set(r.not_names), naming: set(r.naming),
      streetAfter: set(r.street_after), placePrepositions: set(r.place_prepositions), connectors: set(r.connectors),
      predicateWords: set(r.predicate_words), between: set(r.between_subject_and_verb), copula: set(r.copula),
      openingQuote: set(r.opening_quote), longSuffixes: set(r.long_suffixes), starters: r.starters,
      dimSuffixes: r.diminutive_suffixes, dimAlternation: r.dim_alternation, firstByPrefix: firstByPrefix,
      surnameShape: rx(r.surname_shape), commonShape: rx(r.common_shape), possessive: rx(r.possessive),
      surnameEnding: rx(r.surname_ending), initial: r.initial, slavicLetter: rx(r.slavic_letter),
      slavic: rx(r.slavic), english: rx(r.english), url: rx(r.url, "gu"), icEnd: rx(r.ic_end),
      infinitive: rx(r.infinitive), lParticiple: rx(r.l_participle), notSurnameAtStart: rx(r.not_surname_at_start),
      lexical: lexicalFacts(r.lexical), stems: r.stems,
      verbSuffixes: r.lexical && r.lexical["~"] !== undefined ? set(r.lexical["~"].split(" ")) : null, cache: Object.create(null), classes: Object.create(null)
    };
    return this._nameRules;
  };

  // name_rules.lexical {flags: "word word ..."} as word -> flags (letters of LEXICAL_FLAGS, checks.py)
  function lexicalFacts(groups) {
    var out = Object.create(null);
    Object.keys(groups || {}).forEach(function (flags) {
      if (flags === "~") { return; }  // the verb suffixes (verbSuffixes)
      if (flags === "=") {  // l-participles: an ordinary word, a verb (stem:ending,ending)
        groups[flags].split(" ").forEach(function (entry) {
          var at = entry.indexOf(":"), stem = entry.slice(0, at);
          entry.slice(at + 1).split(",").forEach(function (end) { if (!((stem + end) in out)) { out[stem + end] = "okv"; } });
        });
        return;
      }
      groups[flags].split(" ").forEach(function (w) { if (w) { out[w] = flags; } });
    });
    return out;
  }

  function NameContext(n) { this.n = n; }
  NameContext.prototype.candidates = function (low) { return pyCandidates(low, this.n.stems, this.n.cache); };
  // the dictionaries' answers where name_rules.lexical holds them; otherwise the stricter one
  NameContext.prototype.fact = function (word, key, otherwise) {
    var f = this.n.lexical[word.toLowerCase()];
    return f === undefined ? otherwise : f.indexOf(key) >= 0;
  };
  NameContext.prototype.known = function (word) { return this.n.lexical[word.toLowerCase()] !== undefined; };
  NameContext.prototype.knownLower = function (low) { return this.fact(low, "k", false); };
  NameContext.prototype.unknownWord = function (word) { return this.fact(word, "u", true); };
  NameContext.prototype.ordinaryWord = function (word, atStart) {
    if (this.known(word)) { return this.fact(word, "o", false); }
    // at a sentence's start (where a capital says nothing), an inflected form of a base form
    // the dictionaries know as an ordinary word ("Dohodu", "Terapii" <- dohoda, terapie), by
    // the guard's own stemmer; never for what ends as a surname does. Inside a sentence a
    // capital is the evidence, and this guess could hide a name ("s Liou"): not there.
    var low = word.toLowerCase(), n = this.n, self = this;
    // a superlative ("Nejtěžší", "Nejdůležitější"): an adjective's form, no name
    if (atStart && /^nej.{2,}(?:ší|šího|šímu|ším|ších|šími|ěji|eji)$/u.test(low)) { return true; }
    if (!atStart) {  // inside a sentence only a long base form counts ("Úmluvy", "Zakona"; not "s Liou")
      return !n.surnameEnding.test(low) && !n.surnameShape.test(low) && !/(?:ov[áéoaiu]|ovou|[sc]k[ýáé])$/u.test(low)
        && this.candidates(low).slice(1, 8).some(function (c) {
          var f = n.lexical[c];
          return Array.from(c).length >= 5 && f !== undefined && /^[^puv]*o[^puv]*$/.test(f)  // no verb's form, no proper lemma
            && !n.first[c] && !n.last[c] && self.diminutive(capFirst(c)) === null;
        });
    }
    // a passive participle of a verb whose infinitive is shipped ("Dogovoreno" <- dogovoriti)
    var passive = /^(.{3,}?)(?:en|eno|ena|eni|ene|ano|ana|ani|ane|án|ána|áno|ato|ata)$/u.exec(low);
    if (passive && ["it", "iti", "et", "ět", "at", "ati", "eti"].some(function (end) {
      return self.knownLower(passive[1] + end) && !self.fact(passive[1] + end, "p", false);
    })) { return true; }
    // a past participle of a verb whose infinitive is shipped ("Myslela" <- myslet, "Izvinio" <- izviniti)
    var participle = /^(.{2,}?)(?:l|la|lo|li|ly|o)$/u.exec(low);
    if (participle && n.lParticiple.test(low) && [participle[1] + "t", participle[1] + "ti"].some(function (c) {
      return self.knownLower(c) && !self.fact(c, "p", false);
    })) { return true; }
    if (n.surnameEnding.test(low) || n.surnameShape.test(low) || /(?:ov[áéoaiu]|ovou|[sc]k[ýáé])$/u.test(low)) { return false; }
    return this.candidates(low).slice(1, 8).some(function (c) {
      var f = n.lexical[c];
      return f !== undefined && f.indexOf("o") >= 0 && f.indexOf("p") < 0 && f.indexOf("v") < 0 && !n.first[c] && !n.last[c];
    });
  };
  NameContext.prototype.properLemma = function (word) { return this.fact(word, "p", false); };
  NameContext.prototype.classify = function (word) {
    var n = this.n;
    if (n.classes[word]) { return n.classes[word]; }
    var low = word.toLowerCase(), out = null, self = this;
    if (n.allow[low] || n.institutions[low] || n.titles[low]) { out = ["allow", low]; }
    else if (n.first[low] || n.last[low]) { out = ["name", low]; }
    else if (n.places[low]) { out = ["place", low]; }
    else if (low.indexOf("-") >= 0) {
      var parts = low.split("-").map(function (p) { return self.classify(capFirst(p))[0]; });
      out = [parts.indexOf("name") >= 0 || parts.indexOf("shape") >= 0 ? "name" : "none", low];
    } else {
      var cands = this.candidates(low), i;
      for (i = 1; i < cands.length && !out; i++) { if (n.allow[cands[i]] || n.institutions[cands[i]]) { out = ["allow", cands[i]]; } }
      for (i = 1; i < cands.length && !out; i++) { if (n.first[cands[i]] || n.last[cands[i]]) { out = ["name", cands[i]]; } }
      for (i = 1; i < cands.length && !out; i++) { if (n.places[cands[i]]) { out = ["place", cands[i]]; } }
      if (!out && !n.surnameShape.test(low)) {
        for (i = 0; i < cands.length && !out; i++) { if (n.weak[cands[i]]) { out = ["place", cands[i]]; } }
        if (!out) { out = ["none", low]; }
      }
      if (!out) { out = ["shape", low]; }
    }
    n.classes[word] = out;
    return out;
  };
  NameContext.prototype.classifyDeep = function (word) {  // the lemma's reading, where Python's is known
    var c = this.classify(word);
    if (c[0] !== "none" || this.n.commonShape.test(word.toLowerCase())) { return c; }
    return this.fact(word, "d", false) ? ["place", c[1]] : ["none", c[1]];  // its lemma an institution or place
  };
  NameContext.prototype.commonWord = function (word, atStart) {
    var low = word.toLowerCase(), n = this.n;
    if (n.first[low]) { return false; }
    if (n.commonShape.test(low) && !this.candidates(low).slice(0, 8).some(function (c) { return n.last[c]; })) { return true; }
    return this.ordinaryWord(word, atStart);
  };
  NameContext.prototype.adjective = function (word) {
    var low = word.toLowerCase();
    if (/[sc]k(?:ý|á|é|ého|ému|ém|ou|ých|ými)$/u.test(low)) { return true; }
    if (this.known(word)) { return this.fact(word, "a", false); }
    // Python's steps, with "known in lower case" asked of the shipped words only (a subset of
    // the dictionaries: an adjective less often, never more)
    var self = this;
    if (low.endsWith("á") && this.knownLower(low.slice(0, -1) + "at")) { return true; }
    var endings = ["ového", "ovému", "ových", "ovými", "ovou", "ová", "ové", "ový", "ovým", "ském", "ská", "ský",
                   "ské", "cká", "cký", "cké", "ní", "ný", "ná"];
    for (var i = 0; i < endings.length; i++) {
      if (low.endsWith(endings[i]) && low.length > endings[i].length + 2) {
        var stem = low.slice(0, low.length - endings[i].length);
        return [stem, stem + "a", stem + "o", stem + "e"].some(function (c) { return self.knownLower(c); });
      }
    }
    return false;
  };
  NameContext.prototype.diminutive = function (word) {
    var n = this.n, cands = this.candidates(word.toLowerCase()).slice(0, 12);
    for (var c = 0; c < cands.length; c++) {
      var cand = cands[c];
      for (var s = 0; s < n.dimSuffixes.length; s++) {
        var suffix = n.dimSuffixes[s];
        if (!cand.endsWith(suffix)) { continue; }
        var stem = cand.slice(0, cand.length - suffix.length);
        if (Array.from(stem).length < 2) { continue; }
        var last = stem[stem.length - 1];
        var variants = [stem, stem.slice(0, -1) + (n.dimAlternation[last] || last)];
        for (var v = 0; v < variants.length; v++) {
          var hit = n.firstByPrefix[variants[v]];
          if (hit !== undefined && (Array.from(variants[v]).length >= 3 || n.longSuffixes[suffix])) { return hit; }
        }
      }
    }
    return null;
  };
  NameContext.prototype.mayBePlace = function (word) {
    var n = this.n, low = word.toLowerCase();
    if (this.candidates(low).some(function (c) { return n.places[c] || n.weak[c]; })) { return true; }
    return !n.commonShape.test(low) && this.fact(word, "l", false);
  };
  NameContext.prototype.isNaming = function (word) {
    var n = this.n;
    return this.candidates(word.toLowerCase()).slice(0, 8).some(function (c) { return n.naming[c]; });
  };
  NameContext.prototype.readsEnglish = function (line) {
    var n = this.n;
    return n.english.test(line) || !(n.slavicLetter.test(line) || n.slavic.test(line));
  };
  NameContext.prototype.atStart = function (line, pos) {
    var prefix = pyRstrip(line.slice(Math.max(0, pos - 8), pos));
    if (!prefix) { return !pyStrip(line.slice(0, pos)); }
    return this.n.starters.indexOf(prefix[prefix.length - 1]) >= 0;
  };
  NameContext.prototype.namedAfter = function (tokens, i, line) {  // ZŠ Komenského, ulica Njegoševa
    for (var back = 1; back <= 4; back++) {
      var j = i - back;
      if (j < 0) { return false; }
      var w = tokens[j].word;
      if (this.isNaming(w)) { return !/[,;:()]/.test(line.slice(tokens[j].end, tokens[i].start)); }
      if (!(pyUpper(w.slice(0, 1)) || Array.from(w).length === 1)) { return false; }
    }
    return false;
  };

  // caseconf.pii.sentence_start
  NameContext.prototype.verbForm = function (word) {
    var n = this.n;
    if (n.predicateWords[word]) { return true; }
    if (Array.from(word).length < 3) { return false; }
    if (this.known(word)) { return this.fact(word, "v", false); }
    // Python: a form whose lemma is an infinitive, or a word no dictionary holds with an
    // l-participle's ending; no form the dictionaries hold as a verb ends as this one does
    if (n.lParticiple.test(word)) { return true; }
    return n.verbSuffixes === null || !!n.verbSuffixes[Array.from(word).slice(-4).join("")];
  };
  NameContext.prototype.predicateFollows = function (line, end) {
    var m = /^ ([\p{L}\p{Nl}\p{No}]+)(?: ([\p{L}\p{Nl}\p{No}]+))?/u.exec(line.slice(end));
    if (!m) { return null; }
    for (var g = 1; g <= 2; g++) {
      var word = m[g];
      if (word === undefined || !pyLower(word)) { return null; }
      if (this.verbForm(word)) { return word; }
      if (!this.n.between[word]) { return null; }
    }
    return null;
  };
  NameContext.prototype.vocative = function (line, start, end, word, cls) {
    var n = this.n;
    if (line.slice(end, end + 1) !== "," || Array.from(word).length < 3 || cls === "allow" || cls === "place") { return false; }
    var before = pyRstrip(line.slice(0, start));
    if (!before || !n.openingQuote[before[before.length - 1]]) { return false; }
    var low = word.toLowerCase();
    if (n.commonAtStart[low] || n.notNames[low] || n.titlesAny[low] || this.isNaming(word)) { return false; }
    if (cls === "name" || cls === "shape") { return !this.ordinaryWord(word, true) || !!n.first[low] || !!n.last[low]; }
    if (n.commonShape.test(low) || n.infinitive.test(low)) { return false; }
    return !this.ordinaryWord(word, true) && !this.mayBePlace(word) && !this.readsEnglish(line);
  };
  NameContext.prototype.feminineOfRole = function (low) {
    if (!low.endsWith("ka") || Array.from(low).length < 6) { return false; }
    var masculine = low.slice(0, -2);
    if (masculine.endsWith("č")) { masculine = masculine.slice(0, -1) + "k"; }
    return this.n.notSurnameAtStart.test(masculine) || this.knownLower(masculine);
  };
  NameContext.prototype.maybeSubjectSurname = function (word, cls) {
    var n = this.n, low = word.toLowerCase();
    if (cls === "allow" || cls === "place" || Array.from(low).length < 4 || n.commonAtStart[low] || n.notNames[low]) { return false; }
    if (this.isNaming(word) || n.titlesAny[low]) { return false; }
    if (cls === "name" || cls === "shape" || /(?:ová|ovou|ský|ská|cký|cká)$/u.test(low)) { return true; }
    return !(n.notSurnameAtStart.test(low) || n.commonShape.test(low));
  };
  NameContext.prototype.subjectSurname = function (word, verb, cls) {
    var n = this.n, low = word.toLowerCase(), self = this;
    if (cls === "allow" || cls === "place" || Array.from(low).length < 4 || n.commonAtStart[low] || n.notNames[low]) { return false; }
    if (this.isNaming(word) || n.titlesAny[low]) { return false; }
    if (cls === "name") {
      return !!n.last[low] || (!this.ordinaryWord(word, true) && this.candidates(low).slice(0, 8).some(function (c) { return n.last[c]; }));
    }
    if (/(?:ová|ovou)$/u.test(low) && (!n.copula[verb] || !this.ordinaryWord(word, true))) { return true; }
    if (this.ordinaryWord(word, true) || this.mayBePlace(word)) { return false; }
    if (/(?:ský|ská|cký|cká)$/u.test(low)) { return !n.copula[verb]; }
    if (this.adjective(word)) { return false; }
    if (cls === "shape") { return !n.notSurnameAtStart.test(low) || n.surnameShape.test(low); }
    if (n.notSurnameAtStart.test(low) || n.commonShape.test(low) || this.feminineOfRole(low)) { return false; }
    if (this.properLemma(word)) { return true; }
    // Python: a word in -ý/-á is a surname unless its verb is a copula; whether the
    // dictionaries know its lemma as a proper noun (then a surname whatever the verb) this
    // port cannot tell for a word name_rules.lexical does not hold: the stricter answer
    if (/(?:ý|á)$/u.test(low)) { return !n.copula[verb] || !this.known(word); }
    return this.unknownWord(word);
  };

  // caseconf.pii.names._title_before, _initial_before, _place_tokens, _surname_in_capitals
  NameContext.prototype.titleBefore = function (line, start) {
    var head = line.slice(Math.max(0, start - 40), start);
    var wordEnd = pyRstrip(head).length;
    if (!(head.length - wordEnd >= 1 && head.length - wordEnd <= 2)) { return false; }
    if (wordEnd && head[wordEnd - 1] === ".") { wordEnd -= 1; }
    if (!wordEnd) { return false; }
    var m = LETTERS_AT_START.exec(Array.from(head.slice(0, wordEnd)).reverse().join(""));
    return !!m && !!this.n.titlesAny[Array.from(m[0]).reverse().join("").toLowerCase()];
  };
  NameContext.prototype.initialBefore = function (line, start) {
    if (start < 3) { return false; }
    var around = pyRstrip(line.slice(start - 4 < 0 ? start - 4 + line.length : start - 4, start));
    if (!pyUpper(around.slice(-2, -1))) { return false; }
    var re = new RegExp(this.n.initial, "gu");
    re.lastIndex = Math.max(0, start - 5);
    return re.exec(line.slice(0, start)) !== null;
  };
  NameContext.prototype.isPhrase = function (words, phrases) {
    var self = this;
    var options = words.map(function (w) { return pyUpper(w.slice(0, 1)) ? self.candidates(w.toLowerCase()).slice(0, 40) : [w]; });
    if (options.length === 2) {
      return options[0].some(function (a) { return options[1].some(function (b) { return phrases[a + " " + b]; }); });
    }
    return options[0].some(function (a) { return options[2].some(function (c) { return phrases[a + " " + options[1][0] + " " + c]; }); });
  };
  NameContext.prototype.placeTokens = function (tokens, capset, line, phrases) {
    var out = {}, self = this;
    Object.keys(capset).map(Number).sort(function (a, b) { return a - b; }).forEach(function (i) {
      if (capset[i + 1] && line.slice(tokens[i].end, tokens[i + 1].start) === " ") {
        if (self.isPhrase([tokens[i].word, tokens[i + 1].word], phrases)) { out[i] = out[i + 1] = true; }
      } else if (capset[i + 2] && i + 1 < tokens.length && self.n.connectors[tokens[i + 1].word]
                 && self.isPhrase([tokens[i].word, tokens[i + 1].word, tokens[i + 2].word], phrases)) {
        out[i] = out[i + 1] = out[i + 2] = true;
      }
    });
    return out;
  };
  NameContext.prototype.surnameInCapitals = function (tokens, capset, line, flagged) {  // "MARKOVIĆ Luka"
    var n = this.n;
    for (var i = 0; i < tokens.length - 1; i++) {
      var w = tokens[i].word;
      if (Array.from(w).length < 3 || !pyUpper(w) || !capset[i + 1] || line.slice(tokens[i].end, tokens[i + 1].start) !== " ") { continue; }
      var low = w.toLowerCase();
      if (n.allow[low] || n.institutions[low] || this.isNaming(w)) { continue; }
      var title = w[0] + low.slice(1), given = tokens[i + 1].word;
      var tc = this.classify(title)[0];
      if (tc === "name" || tc === "shape" || this.classify(given)[0] === "name" || this.diminutive(given) !== null) {
        if (!(i in flagged)) { flagged[i] = low; }
        if (!(i + 1 in flagged)) { flagged[i + 1] = given.toLowerCase(); }
      }
    }
  };

  Checker.prototype.names = function (line, hit) {
    var n = this.nameRules(), a = this.addressData();
    if (!n || !a || pyLower(line) || !/\p{Lu}|\p{Lt}/u.test(line)) { return; }
    if (/:\/\/|www\.|\]\(|`/.test(line)) {  // links and code, blanked as the guard does
      line = line.replace(n.url, function (m) { return m.replace(/[^\n]/g, " "); });
    }
    var ctx = this._nameContext || (this._nameContext = new NameContext(n));
    var tokens = [];
    eachMatch(NAME_TOKEN, line, function (t) { tokens.push({start: t.index, end: t.index + t[0].length, word: t[1]}); });
    var caps = [], capset = {};
    tokens.forEach(function (t, i) { if (pyUpper(t.word[0]) && isCap(t.word)) { caps.push(i); capset[i] = true; } });
    if (!caps.length) { return; }
    var count = tokens.length, flagged = {}, english = null;
    var inPlace = ctx.placeTokens(tokens, capset, line, a.phrases);
    function gapBetween(from, to) { return GAP.test(line.slice(from, to)); }
    caps.forEach(function (i) {
      if (inPlace[i]) { return; }
      var s = tokens[i].start, e = tokens[i].end, w = tokens[i].word;
      var prev = i ? tokens[i - 1] : null;
      var between = prev ? line.slice(prev.end, s) : line.slice(0, s);
      var atStart = ctx.atStart(line, s);
      var titled = prev !== null && !!n.titlesAny[prev.word.toLowerCase()] && TITLE_GAP.test(between || " ");
      var initialled = prev !== null && Array.from(prev.word).length === 1 && pyUpper(prev.word)
        && (between === ". " || between === ".  ") && ("MFD".indexOf(prev.word) < 0 || !ctx.commonWord(w));
      var c = ctx.classify(w), cls = c[0], base = c[1];
      if (cls === "allow" || (cls === "place" && !(titled || initialled))) { return; }
      if (prev !== null && n.placePrepositions[prev.word] && ctx.mayBePlace(w)) { return; }
      if (n.notNames[w.toLowerCase()] && !(prev !== null && n.titlesAny[prev.word.toLowerCase()])) { return; }
      if (ctx.namedAfter(tokens, i, line)) { return; }
      var nxt = i + 1 < count ? tokens[i + 1] : null;
      if (nxt && n.streetAfter[nxt.word.toLowerCase()] && gapBetween(e, nxt.start)) { return; }
      var nextCap = nxt !== null && !!capset[i + 1] && gapBetween(e, nxt.start);
      var prevCap = prev !== null && !!capset[i - 1] && GAP.test(between);
      if (cls === "none" && !atStart) {
        if (!(titled || initialled || nextCap || prevCap) && n.commonShape.test(w.toLowerCase())) { return; }
        c = ctx.classifyDeep(w); cls = c[0]; base = c[1];
        if (cls === "allow" || cls === "place") { return; }
      }
      if (cls === "none" && ctx.diminutive(w) !== null && !ctx.commonWord(w, atStart)) { cls = "dim"; base = ctx.diminutive(w); }
      var low = w.toLowerCase(), isName = false;
      function nextNamed() { if (!nextCap) { return false; } var k = ctx.classify(nxt.word)[0]; return k === "name" || k === "shape"; }
      if (titled || initialled) {
        isName = true;
      } else if (cls === "name") {
        isName = !atStart || (!!n.first[base] && !n.commonAtStart[low]) || nextNamed()
          || (!!n.last[base] && !ctx.commonWord(w, true) && !n.commonAtStart[low] && !n.possessive.test(low));
      } else if (cls === "dim") {
        isName = !atStart || nextNamed();
      } else if (cls === "shape") {
        if (n.icEnd.test(low) && low.indexOf("ić") >= 0) { isName = true; }
        else { isName = !atStart || nextNamed() || (!ctx.adjective(w) && !ctx.commonWord(w, true)); }
      } else if (cls === "none" && atStart) {
        isName = Array.from(w).length >= 4 && n.surnameEnding.test(low) && ctx.unknownWord(w) && !ctx.adjective(w)
          && !ctx.mayBePlace(w) && !ctx.isNaming(w);
      } else if (cls === "none" && !atStart) {
        if (prevCap && (i in flagged)) {
          isName = true;
        } else if (Array.from(w).length >= 3 && !ctx.commonWord(w) && !ctx.isNaming(w) && !ctx.adjective(w)) {
          if (english === null) { english = n.english.test(line) || !(n.slavicLetter.test(line) || n.slavic.test(line)); }
          isName = !(english && /^[\x00-\x7f]*$/.test(w));
        }
      }
      if (!isName && atStart && ctx.vocative(line, s, e, w, cls)) { isName = true; }
      var verb;
      if (!isName && atStart && (verb = ctx.predicateFollows(line, e)) !== null && ctx.subjectSurname(w, verb, cls)
          && !ctx.readsEnglish(line)) { isName = true; }
      if (isName) {
        flagged[i] = base;
        if (prevCap && !(i - 1 in flagged)) {
          var prevStart = ctx.atStart(line, prev.start);
          var pc = prevStart ? ctx.classify(prev.word) : ctx.classifyDeep(prev.word);
          if ((pc[0] === "name" || pc[0] === "shape" || pc[0] === "none") && !n.titlesAny[prev.word.toLowerCase()]) {
            if (pc[0] !== "none" || !prevStart) { flagged[i - 1] = pc[1]; }
          }
        }
      }
    });
    ctx.surnameInCapitals(tokens, capset, line, flagged);
    // two adjacent capitalised unknown words outside sentence start
    caps.forEach(function (i) {
      if (!capset[i + 1] || (i in flagged) || (i + 1 in flagged) || inPlace[i] || inPlace[i + 1]) { return; }
      var t = tokens[i], t2 = tokens[i + 1];
      if (line.slice(t.end, t2.start) !== " ") { return; }
      if (ctx.atStart(line, t.start) || ctx.namedAfter(tokens, i, line) || ctx.isNaming(t.word)) { return; }
      var c1 = ctx.classifyDeep(t.word), c2 = ctx.classifyDeep(t2.word);
      if (c1[0] === "allow" || c1[0] === "place" || c2[0] === "allow" || c2[0] === "place") { return; }
      if (Array.from(t.word).length < 3 || Array.from(t2.word).length < 3) { return; }
      if (english === null) { english = n.english.test(line); }
      if (english && /^[\x00-\x7f]*$/.test(t.word + t2.word)) { return; }
      flagged[i] = c1[1];
      flagged[i + 1] = c2[1];
    });
    Object.keys(flagged).map(Number).sort(function (x, y) { return x - y; }).forEach(function (i) {
      hit("name", tokens[i].start, tokens[i].end);
    });
  };

  // the guard's message, with the value masked: what was typed is never shown back whole
  Checker.prototype.piiMessage = function (kind, value) {
    var m = this.data.pii.messages || {};
    var label = (m.labels || {})[kind] || kind;
    var excerpt = value.length <= 2 ? "…" : value[0] + "…" + (kind === "name" ? "" : "");
    return render(m.detected || "{label}: {excerpt}", {label: label, excerpt: excerpt});
  };

  var PII_CODE_OF = null;
  Checker.prototype.piiCode = function (kind) {
    if (!PII_CODE_OF) {
      PII_CODE_OF = {};
      var codes = this.data.codes;
      Object.keys(codes).forEach(function (c) { if (codes[c].kind) { PII_CODE_OF[codes[c].kind] = c; } });
    }
    return PII_CODE_OF[kind];
  };

  // as caseconf.pii.normalize: zero-width marks out, NFKC, odd spaces as spaces, Cyrillic as Latin
  var ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064\u034f]/g;
  var SPACES = /[\t\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x0b\x0c\x1c-\x1f\x85]/g;
  Checker.prototype.normalize = function (line) {
    if (/^[\x20-\x7e]*$/.test(line)) { return line; }
    var cyr = this.data.pii.cyrillic || {};
    var s = line.replace(ZERO_WIDTH, "").normalize("NFKC");
    if (/[\u0400-\u04ff]/.test(s)) { s = s.replace(/[\u0400-\u04ff]/g, function (c) { return c in cyr ? cyr[c] : c; }); }
    return s.replace(SPACES, " ").replace(/[\r\n]/g, " ").replace(ZERO_WIDTH, "");
  };

  // Overlapping hits: the kind with the higher priority wins, then the earlier one (as the guard).
  Checker.prototype.resolve = function (hits) {
    var prio = {};
    (this.data.pii.priority || []).forEach(function (k, i) { prio[k] = i; });
    var accepted = [];
    hits = hits.filter(function (h) {
      return !hits.some(function (g) { return g.start <= h.start && h.end <= g.end && g.end - g.start > h.end - h.start; });
    });
    hits.slice().sort(function (a, b) { return (prio[a.kind] - prio[b.kind]) || (a.start - b.start); }).forEach(function (h) {
      if (!accepted.some(function (a) { return h.start < a.end && a.start < h.end; })) { accepted.push(h); }
    });
    return accepted;
  };

  /* Personal data in the text the form will write: findings with their line (1-based). */
  Checker.prototype.checkText = function (fileText) {
    var self = this, out = [];
    var supported = {};
    this.data.supported.forEach(function (c) { supported[c] = true; });
    var raws = fileText.split("\n");
    var lines = raws.map(function (raw) { return self.normalize(raw.replace(/\r$/, "")); });
    // allow-pii markers: blanked out before the detectors look, as the guard does
    var markers = {};
    lines.forEach(function (line, index) {
      var mk = self.marker(line);
      if (!mk) { return; }
      lines[index] = line.slice(0, mk.start) + " ".repeat(mk.end - mk.start) + line.slice(mk.end);
      if (mk.reason === null) {
        if (supported.PII010) {
          out.push(self.finding("PII010", null, (self.data.pii.messages || {}).marker_no_reason || "allow-pii", {line: index + 1}));
        }
        return;
      }
      markers[index] = mk;
      if (mk.alone && !(index + 1 in markers)) { markers[index + 1] = mk; }
    });
    // A date of birth may sit on the line before its keyword ("… 15. 9. 2015\nnarozen"): the
    // guard reads the text whole, so does this; each hit belongs to the line it starts on.
    var births = {}, starts = [], at = 0;
    lines.forEach(function (l) { starts.push(at); at += l.length + 1; });
    var whole = function (kind, start, end) {
      var i = starts.length - 1;
      while (starts[i] > start) { i--; }
      (births[i] = births[i] || []).push({kind: kind, start: start - starts[i], end: Math.min(end - starts[i], lines[i].length)});
    };
    this.birthDates(lines.join("\n"), whole);
    // an address may run over a line break ("ulice Husova\n12"): read whole, as births
    this.addresses(lines.join("\n"), whole);
    this.longNumbers(lines.join("\n"), whole);
    this.bankAccounts(lines.join("\n"), whole);
    this.phonesWhole(lines.join("\n"), whole);
    raws.forEach(function (raw, index) {
      var line = lines[index], mk = markers[index];
      self.resolve(self.piiHits(line, births[index])).forEach(function (h) {
        var code = self.piiCode(h.kind);
        if (mk && (mk.kinds === null || mk.kinds.indexOf(h.kind) >= 0)) { return; }
        if (code && supported[code]) {
          out.push(self.finding(code, null, self.piiMessage(h.kind, line.slice(h.start, h.end)),
            {line: index + 1, kind: h.kind, start: h.start, end: h.end}));
        }
      });
    });
    return out;
  };

  return {
    Checker: Checker, render: render, dotted: dotted, rcValid: rcValid, emsoValid: emsoValid, ibanValid: ibanValid
  };
});
