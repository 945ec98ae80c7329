// Runs the form's own JavaScript (caseconf/editor/static) under node for the tests:
// the file format's round trip and the browser checks. JSON in on stdin, JSON out.
//   {"op": "roundtrip", "files": [{"text", "format": "fm"|"yml", "set": [[path, value], ...]}]}
//   {"op": "check", "data": CASECONF_CHECKS, "items": [{"schema", "text", "format", "context"}]}
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const editor = path.join(here, "..", "..", "src", "caseconf", "editor");
const YAML = await import(path.join(editor, "vendor", "yaml", "index.js"));
globalThis.libphonenumber = require(path.join(editor, "vendor", "libphonenumber-js", "libphonenumber-max.js"));
const Format = require(path.join(editor, "static", "format.js"));
const Checks = require(path.join(editor, "static", "checks.js"));
const formats = Format.make(YAML.default || YAML);

function setIn(data, keys, value) {
  let node = data;
  keys.slice(0, -1).forEach((k, i) => {
    if (node[k] === undefined || node[k] === null) node[k] = typeof keys[i + 1] === "number" ? [] : {};
    node = node[k];
  });
  const last = keys[keys.length - 1];
  if (value === "__delete__") { if (Array.isArray(node)) node.splice(last, 1); else delete node[last]; }
  else node[last] = value;
}

const input = JSON.parse(readFileSync(0, "utf-8"));
let out;
if (input.op === "roundtrip") {
  out = input.files.map((f) => {
    const fmt = f.format === "yml" ? formats.yamlFile : formats.frontMatter;
    const data = fmt.fromFile(f.text);
    const copy = JSON.parse(JSON.stringify(data));
    for (const [keys, value] of f.set || []) setIn(copy, keys, value);
    return { data, text: fmt.toFile(copy) };
  });
} else if (input.op === "check") {
  out = checkAll(input.data, input.items);
} else if (input.op === "checks") {
  out = input.jobs.map((job) => checkAll(job.data, job.items));
}

function checkAll(data, items) {
  const checker = new Checks.Checker(data);
  return items.map((item) => {
    const fmt = item.format === "yml" ? formats.yamlFile : formats.frontMatter;
    const data = fmt.fromFile(item.text);
    const record = {};
    for (const k of Object.keys(data)) if (k !== Format.SOURCE_KEY && k !== "body") record[k] = data[k];
    const before = item.schema ? checker.checkFile(item.text) : [];  // FILE009, FILE011: not read further
    const findings = before.length ? before
      : item.schema && formats.loadable(item.text, item.format) ? checker.checkRecord(item.schema, record, item.context || {}) : [];
    const pii = item.pii ? checker.checkText(item.text) : [];
    return { findings, pii };
  });
}
// A form's field inside a group or list: the group is an object (a list) whatever was there
function setInForm(data, keys, value) {
  let node = data;
  keys.slice(0, -1).forEach((k, i) => {
    const list = typeof keys[i + 1] === "number";
    if (node[k] === null || typeof node[k] !== "object" || Array.isArray(node[k]) !== list) node[k] = list ? [] : {};
    node = node[k];
  });
  const last = keys[keys.length - 1];
  if (value === "__delete__") { if (Array.isArray(node)) node.splice(last, 1); else delete node[last]; }
  else node[last] = value;
}

// What the form does on a save (form.js guard): the entry's data with the user's changes,
// pruned, written by the record's format, judged by checkSave. {"op": "save", "data",
// "items": [{"schema", "text", "set", "context"}]} -> [{"text", "findings"}]
function saveAll(data, items) {
  const checker = new Checks.Checker(data);
  const bySchema = {};
  for (const schema of ["conference", "activity", "case"]) {
    const made = Format.make(YAML.default || YAML, data.schemas[schema]);
    bySchema[schema] = schema === "case" ? made.yamlFile : made.frontMatter;
  }
  return items.map((item) => {
    const fmt = bySchema[item.schema];
    const entry = fmt.fromFile(item.text);
    for (const [keys, value] of item.set || []) setInForm(entry, keys, value);
    const body = entry.body;
    const pruned = Format.prune(entry) || {};
    if (body !== undefined) pruned.body = body || "";
    const text = fmt.toFile(pruned);
    const record = {};
    for (const k of Object.keys(pruned)) if (k !== Format.SOURCE_KEY && k !== "body") record[k] = pruned[k];
    const format = item.schema === "case" ? "yml" : "fm";
    const findings = checker.checkSave(item.schema, record, text, item.context || {}, formats.loadable(text, format));
    return { text, findings };
  });
}
if (input.op === "save") out = saveAll(input.data, input.items);
process.stdout.write(JSON.stringify(out));
