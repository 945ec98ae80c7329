/* The editor page's own code (issue 17), loaded as a module after Decap's bundle:
 *  - the record formats that edit a file in place (format.js with the vendored `yaml`);
 *  - before every save and publish, caseconf's checks (checks.js with the data generated
 *    at site build) on exactly the record that would be written: an error refuses the save,
 *    and every finding is shown next to its field, in the team's language;
 *  - the words Decap cannot be configured to say (plurals of list headings, kinds in lists).
 */
import YAML from "./yaml/index.js";

const CMS = window.CMS;
const DATA = window.CASECONF_CHECKS;
const PAGE = window.CASECONF_PAGE;
const formats = window.CaseconfFormat.make(YAML);
// one format per kind of file, so that a new file gets its keys in the model's order
const fileFormat = {};
for (const schema of ["conference", "activity", "case"]) {
  const made = window.CaseconfFormat.make(YAML, DATA.schemas[schema]);
  fileFormat[schema] = schema === "case" ? made.yamlFile : made.frontMatter;
  CMS.registerCustomFormat(`caseconf-${schema}`, schema === "case" ? "yml" : "md", fileFormat[schema]);
}
const SOURCE_KEY = window.CaseconfFormat.SOURCE_KEY;
function labelFor(loc) {
  const keys = (loc || []).filter((p) => typeof p === "string");
  const paths = keys.map((_, i) => keys.slice(0, i + 1).join("."));
  return keys.map((k, i) => (PAGE.path_labels[paths[i]] || PAGE.labels[k] || k).replace(/ \*$/, "")).join(" › ");
}
const checker = new window.CaseconfChecks.Checker(DATA, {fieldName: labelFor});


// ------------------------------------------------------------------ what is written
const prune = window.CaseconfFormat.prune;

function toImmutable(value, emptyMap, emptyList) {
  if (Array.isArray(value)) {
    return value.reduce((list, v) => list.push(toImmutable(v, emptyMap, emptyList)), emptyList);
  }
  if (value && typeof value === "object") {
    return Object.keys(value).reduce((map, key) => map.set(key, toImmutable(value[key], emptyMap, emptyList)), emptyMap);
  }
  return value;
}

// A record kind that does not evaluate actions gets no evaluation list: the one the form
// pre-fills from the case's open actions is dropped while nobody filled in a result.
function dropUnusedEvaluation(record) {
  const evaluating = DATA.evaluating_kinds || [];
  if (!Array.isArray(record.evaluation) || evaluating.indexOf(record.kind) >= 0) { return; }
  if (record.evaluation.every((e) => e && Object.keys(e).every((k) => k === "action"))) { delete record.evaluation; }
}

function recordOf(pruned) {
  const record = {};
  for (const key of Object.keys(pruned)) {
    if (!key.startsWith("__caseconf_") && key !== "body") { record[key] = pruned[key]; }  // SOURCE_KEY, the folder's year
  }
  return record;
}

// ------------------------------------------------------------------ findings by their field
const FIELD_OF = {PLAN011: "do", PLAN006: "indicator", SUPP002: "reason"};  // rules that point at an action, shown at this field

// Decap's controls have ids "<field name>-field-<n>"; nested parts sit inside their parent's
// element where Decap gives the parent one, so a path is followed as far as the page has it.
function controlFor(loc) {
  let scope = document;
  let node = null;
  for (let i = 0; i < loc.length; i++) {
    const part = loc[i];
    if (typeof part === "number") {
      const next = loc[i + 1];
      if (typeof next !== "string") { continue; }
      const found = scope.querySelectorAll(`[id^="${CSS.escape(next)}-field-"]`)[part];
      if (!found) { return node; }
      node = found;
      i += 1;
    } else {
      const found = scope.querySelector(`[id^="${CSS.escape(part)}-field-"]`);
      if (!found) { continue; }
      node = found;
    }
    scope = node;
  }
  return node;
}

function clearFindings() {
  document.querySelectorAll(".caseconf-finding, #caseconf-findings").forEach((el) => el.remove());
  document.querySelectorAll("[data-caseconf-invalid]").forEach((el) => {
    el.removeAttribute("data-caseconf-invalid");
    el.removeAttribute("aria-invalid");
  });
}

function showFindings(findings, heading) {
  clearFindings();
  const panel = document.createElement("div");
  panel.id = "caseconf-findings";
  panel.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.textContent = heading || PAGE.words.refused;
  panel.appendChild(title);
  const list = document.createElement("ul");
  for (const f of findings) {
    const loc = (f.loc || []).slice();
    if (FIELD_OF[f.code]) { loc.push(FIELD_OF[f.code]); }
    const item = document.createElement("li");
    const where = labelFor(loc) || (f.line ? `${PAGE.words.line} ${f.line}` : "");
    item.textContent = `${where ? where + ": " : ""}${f.message} (${f.code})`;
    list.appendChild(item);
    let control = loc.length ? controlFor(loc) : null;
    // a select's input is tiny or hidden: the note goes under the visible control around it
    while (control && control.parentElement && (control.offsetWidth < 150 || control.offsetHeight < 20)) {
      control = control.parentElement;
    }
    if (control) {
      const note = document.createElement("div");
      note.className = "caseconf-finding";
      note.setAttribute("role", "alert");
      note.dataset.code = f.code;
      note.textContent = `${f.message} (${f.code})`;
      control.setAttribute("data-caseconf-invalid", f.code);
      control.setAttribute("aria-invalid", "true");
      control.insertAdjacentElement("afterend", note);
    }
  }
  panel.appendChild(list);
  document.body.appendChild(panel);
}

function check(collectionName, pruned, fileText, path) {
  const meta = (DATA.collections || {})[collectionName];
  if (!meta) { return []; }
  // the record's own file (none yet for a new one), so that its own action ids are not
  // taken for another record's; any_order: refuse an id used anywhere else in the case
  const record = recordOf(pruned);
  const file = path ? String(path).split("/").pop() : newFileName(meta, record);
  // the case's folder: the collection's for records, the file's own for case.yml
  const caseId = meta.case || (meta.schema === "case" && path ? String(path).split("/")[1] : null);
  const context = Object.assign({}, (DATA.cases || {})[meta.case] || {},
    {closes_case: false, file, any_order: true, case_id: caseId});
  const format = meta.schema === "case" ? "yml" : "fm";
  const findings = checker.checkSave(meta.schema, record, fileText, context, formats.loadable(fileText, format));
  // personal data is found by line: shown beside the field that line belongs to
  return findings.map((f) => (f.line && !f.loc ? Object.assign(f, {loc: formats.locAt(fileText, f.line, format)}) : f));
}

// The name Decap gives a new record (the collection's slug, date and kind): a second record
// of the same kind on the same day gets Decap's "-1", which the file-name check refuses
// (FILE005), so the form refuses it before the save, not the pull request after it.
function newFileName(meta, record) {
  if (meta.schema !== "conference" || !record.date || !record.kind) { return null; }
  const name = `${record.date}-${record.kind}.md`;
  const taken = ((DATA.cases || {})[meta.case] || {}).records || [];
  return taken.some((r) => r.file === name) ? `${record.date}-${record.kind}-1.md` : name;
}

function guard(event) {
  const entry = event.entry;
  const data = entry.get("data");
  const body = data.get("body");
  const emptyMap = data.clear();
  const pruned = prune(data) || {};
  if (body !== undefined) { pruned.body = body || ""; }
  dropUnusedEvaluation(pruned);
  const collection = entry.get("collection");
  const meta = (DATA.collections || {})[collection] || {};
  const format = fileFormat[meta.schema] || formats.frontMatter;
  // the checks see exactly the text that will be written
  const findings = check(collection, pruned, format.toFile(pruned), entry.get("newRecord") ? null : entry.get("path"));
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length) {
    showFindings(errors);
    // Decap aborts the save on an exception from a preSave handler: nothing is written.
    throw new Error(`${PAGE.words.refused} ${errors.map((f) => f.code).join(", ")}`);
  }
  // warnings (an owner who was not at the meeting, PLAN004 …) do not stop the save: shown
  // beside their fields, as CI will show them on the pull request
  const warnings = findings.filter((f) => f.severity === "warning");
  if (warnings.length) { showFindings(warnings, PAGE.words.saved_with_notes); } else { clearFindings(); }
  return toImmutable(pruned, emptyMap, emptyMap.toList());
}

CMS.registerEventListener({name: "preSave", handler: ({entry}) => guard({entry})});
CMS.registerEventListener({name: "prePublish", handler: ({entry}) => { guard({entry}); }});

// A new activity goes into the folder of its own year (records/activities/YYYY/, FILE015),
// not the year of writing: the collection's path names this key (editor/config.py), Decap
// fills it from the data just after this handler, and format.js never writes it. The year
// is read from the ISO text, so no time zone can move 1 January into the year before.
CMS.registerEventListener({name: "preSave", handler: ({entry}) => {
  const data = entry.get("data");
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(String(data.get("date") || ""));
  return year && PAGE.folder_year_key ? data.set(PAGE.folder_year_key, year[1]) : data;
}});

// ------------------------------------------------------------------ words Decap gets wrong
// List headings: Decap writes "<count> <label>", with the label's plural for every count
// but 1 ("0 úkoly"). The plural forms come from the site build, the rule from CLDR (Intl).
const plural = new Intl.PluralRules(PAGE.lang);
const kindNames = PAGE.kinds || {};
// Decap's "(optional)" beside every field it does not force: in Czech a masculine adjective,
// and wrong beside a field the form marks required (*). Required fields keep their mark;
// the others say "nepovinné".
const decapLocale = (CMS.getLocale && CMS.getLocale(PAGE.config.locale)) || {};
const optionalWord = (((decapLocale.editor || {}).editorControl || {}).field || {}).optional || "optional";
const optionalSuffix = ` (${optionalWord})`;
// A blank new record is not "saved": Decap shows its "changes saved" status there too.
const changesSaved = (((decapLocale.editor || {}).editorToolbar || {}).changesSaved) || null;
// Decap's own "<label> je povinný." (masculine, and with the label's asterisk)
const requiredPhrase = ((((decapLocale.editor || {}).editorControlPane || {}).widget || {}).required) || null;
const requiredRe = requiredPhrase && new RegExp("^" + requiredPhrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  .replace("%\\{fieldLabel\\}", "(.+?)") + "$");
function fixWords(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const changes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    if (changesSaved && text === changesSaved && /\/new(?:$|\?)/.test(window.location.hash)) {
      changes.push([node, PAGE.words.not_saved_yet]);
      continue;
    }
    const req = requiredRe && requiredRe.exec(text);
    if (req) {
      const label = req[1].replace(/ \*$/, "");
      const want = PAGE.words.required_field.replace("{label}", label);
      if (want !== text) { changes.push([node, want]); }
      continue;
    }
    if (text.endsWith(optionalSuffix)) {
      const label = text.slice(0, -optionalSuffix.length);
      changes.push([node, label.endsWith(" *") ? label : `${label} (${PAGE.words.optional})`]);
      continue;
    }
    const m = /^(\d+) (.+)$/.exec(text);
    if (m) {
      const forms = PAGE.plurals[m[2].toLowerCase()];
      if (forms) {
        const form = forms[plural.select(Number(m[1]))] || forms.other;
        const want = `${m[1]} ${form}`;
        if (want !== text) { changes.push([node, want]); }
        continue;
      }
    }
    const k = /^(.*· )([a-z_]+)$/.exec(text);  // a list's summary "2026-06-23 · review"
    if (k && kindNames[k[2]]) { changes.push([node, k[1] + kindNames[k[2]]]); }
  }
  for (const [node, text] of changes) { node.nodeValue = text; }
}
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === "characterData" && r.target.parentNode) { fixWords(r.target.parentNode); }
    for (const n of r.addedNodes || []) { if (n.nodeType === 1) { fixWords(n); } else if (n.nodeType === 3 && n.parentNode) { fixWords(n.parentNode); } }
  }
}).observe(document.body, {childList: true, subtree: true, characterData: true});

// ------------------------------------------------------------------ dates as the team writes them
// Decap's date picker follows the browser's language (mm/dd/yyyy in an English browser on a
// Czech team). This field shows and reads the team's own CLDR pattern (PAGE.date, from
// Babel at site build: `d. M. y` in Czech) and stores ISO YYYY-MM-DD; ISO typed in is read too.
const DatePattern = (() => {
  const {pattern, months} = PAGE.date || {pattern: "y-MM-dd", months: []};
  const tokens = pattern.match(/'[^']*'|d+|M+|L+|y+|[^dMLy']+/g) || [];
  const pad = (n, w) => String(n).padStart(w, "0");
  function format(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) { return iso || ""; }
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    return tokens.map((t) => {
      if (t[0] === "d") { return pad(d, t.length); }
      if (t[0] === "M" || t[0] === "L") { return t.length >= 3 ? months[mo - 1] : pad(mo, t.length); }
      if (t[0] === "y") { return t.length === 2 ? pad(y % 100, 2) : String(y); }
      return t[0] === "'" ? t.slice(1, -1) : t;
    }).join("");
  }
  function valid(y, mo, d) {
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  }
  // the parts in the pattern's order (day, month, year), whatever separates them
  const order = tokens.filter((t) => /^[dMLy]/.test(t)).map((t) => t[0] === "L" ? "M" : t[0]);
  function parse(text) {
    const s = String(text || "").trim();
    if (!s) { return ""; }
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (iso && valid(+iso[1], +iso[2], +iso[3])) { return `${iso[1]}-${pad(iso[2], 2)}-${pad(iso[3], 2)}`; }
    const parts = s.toLocaleLowerCase(PAGE.lang).match(/\d+|\p{L}+/gu) || [];
    if (parts.length !== 3) { return null; }
    const got = {};
    order.forEach((key, i) => {
      const part = parts[i];
      if (key === "M" && !/^\d+$/.test(part)) {
        const at = months.findIndex((name) => name.toLocaleLowerCase(PAGE.lang).replace(/\.$/, "") === part);
        got.M = at >= 0 ? at + 1 : NaN;
      } else {
        got[key] = /^\d+$/.test(part) ? +part : NaN;
      }
    });
    if (!(got.y >= 1000 && got.y <= 9999) || !valid(got.y, got.M, got.d)) { return null; }
    return `${got.y}-${pad(got.M, 2)}-${pad(got.d, 2)}`;
  }
  return {format, parse};
})();

const h = window.h;
const DateControl = window.createClass({
  getInitialState() { return {text: DatePattern.format(this.props.value)}; },
  componentDidUpdate(previous) {
    // a value set from outside (a default, a reset): show it, unless it is what is typed
    const value = this.props.value || "";
    if (previous.value !== this.props.value && DatePattern.parse(this.state.text) !== value && this.state.text !== value) {
      this.setState({text: DatePattern.format(value)});
    }
  },
  handleChange(event) {
    const text = event.target.value;
    this.setState({text});
    const iso = DatePattern.parse(text);
    // what cannot be read as a date is kept as typed: the check names it (a bad date) at the save
    this.props.onChange(iso === null ? text : iso);
  },
  render() {
    return h("input", {type: "text", id: this.props.forID, className: this.props.classNameWrapper,
      value: this.state.text, onChange: this.handleChange, onFocus: this.props.setActiveStyle,
      onBlur: this.props.setInactiveStyle, placeholder: DatePattern.format("2026-10-13"), autoComplete: "off",
      "data-caseconf-date": "1"});
  }
});
const DatePreview = window.createClass({
  render() { return h("span", {}, DatePattern.format(this.props.value)); }
});
CMS.registerWidget("caseconf-date", DateControl, DatePreview);

CMS.init({config: PAGE.config});
