"""The site's record template stays inside the Jinja subset nunjucks renders (the preview
pane renders it in the browser): compiled and rendered under node with the vendored nunjucks
for every demo record's data, it must not fail and must escape a hostile value."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from caseconf.site.preview import template_sources

PROJECT = Path(__file__).resolve().parent.parent.parent
NUNJUCKS = PROJECT / "src/caseconf/editor/vendor/nunjucks/nunjucks.min.js"

SCRIPT = r"""
const nunjucks = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const Loader = nunjucks.Loader.extend({getSource(name) { return {src: input.templates[name], path: name}; }});
const env = new nunjucks.Environment(new Loader(), {autoescape: true, trimBlocks: true, lstripBlocks: true, throwOnUndefined: false});
const S = (s) => new nunjucks.runtime.SafeString(s);
const e = (s) => nunjucks.lib.escape(String(s === undefined || s === null ? "" : s));
env.addGlobal("t", (k) => k); env.addGlobal("v", (x) => (x && x.value !== undefined ? x.value : (x || "")));
env.addGlobal("owner_label", (x) => x || "–");
env.addGlobal("h", {link: (u, t) => e(t), status: (v) => S(`<span>${e(v && v.value !== undefined ? v.value : v)}</span>`),
  date: (v) => S(v ? `<time>${e(v)}</time>` : "–"), heading: (l, a, t) => S(`<h${l} id="${a}">${e(t)}</h${l}>`),
  person: (p) => S(e(p && p.role))});
process.stdout.write(JSON.stringify(input.contexts.map((c) => env.render("caseconf/record.html", c))));
"""


def test_the_record_template_renders_under_nunjucks_and_escapes() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    record = {"kind": "initial", "date": "2026-01-05", "goal": hostile, "start": "10:00", "end": "11:30",
              "case_summary": {"circulated": "2026-01-02", "client_agreed": False},
              "roles": {"convener": {"role": "ospod_worker", "org": "XX"}},
              "participants": [{"role": "mother", "ref": "M", "attendance": {"value": "present"}}],
              "conclusions": [hostile], "plan": {"plan_b": [{"if_": "a", "then": "b"}], "next_review": "2026-03-01"}}
    contexts = [
        {"title": "T", "case_id": "XX-2026-001", "record": record, "actions": None, "evaluation": None,
         "suppressed": None, "documents": None, "body": None},
        {"title": "T", "case_id": "XX-2026-001", "record": {"kind": "preparatory", "date": "2026-01-01"},
         "actions": None, "evaluation": None, "suppressed": None, "documents": None, "body": None},
    ]
    data = json.dumps({"templates": template_sources([]), "contexts": contexts})
    proc = subprocess.run([node, "-e", SCRIPT, str(NUNJUCKS)], input=data, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    full, bare = json.loads(proc.stdout)
    assert "<script>" not in full and "<img" not in full
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in full
    assert 'id="participants"' in full and 'id="plan"' in full and "client_agreed: no" in full
    assert 'id="participants"' not in bare and 'id="plan"' not in bare  # empty sections stay out, as on the site
