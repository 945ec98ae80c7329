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


def test_the_case_and_activity_templates_render_under_nunjucks_for_the_demo_data() -> None:
    """The case page and activity page templates, with what the build hands the preview for
    every demo case (its file of site/preview.py case_preview) and a hostile case file and activity."""
    import datetime as dt

    from caseconf.records.repository import Repository
    from caseconf.site.preview import case_preview_text, preview_data
    from caseconf.site.views import SiteData

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    repo = Repository.load(PROJECT)
    data = preview_data(repo, dirs=[PROJECT / "site_templates"], site_dir=PROJECT / "no-site", extra_css=[])
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    contexts = []
    site = SiteData(repo, as_of=dt.date.today(), suppressed={}, body_html=lambda doc: "")
    for case in site.cases:
        case_id, page = case.id, json.loads(case_preview_text(case, site.case_page(case)))["page"]
        contexts.append(["caseconf/case.html", dict(page, case={"id": case_id}, office_name=None, file={
            "id": case_id, "status": "open", "household": [{"ref": hostile, "role": "child", "age": None}],
            "case_manager": {"role": "ospod_worker", "org": hostile}})])
    contexts.append(["caseconf/activity.html", {"title": "T", "activity": {
        "kind": "workshop", "date": "2026-01-05", "topic": hostile, "offices": ["JI"], "case": None,
        "participants_count": None}, "suppressed": None, "body": None, "cases": []}])
    script = SCRIPT.replace('env.addGlobal("owner_label"', 'env.addGlobal("office_label", (x) => x); env.addFilter("iso", (x) => x || ""); env.addGlobal("owner_label"')
    script = script.replace('input.contexts.map((c) => env.render("caseconf/record.html", c))',
                            'input.contexts.map(([name, c]) => env.render(name, c))')
    proc = subprocess.run([node, "-e", script, str(NUNJUCKS)], capture_output=True, text=True, timeout=60,
                          input=json.dumps({"templates": data["templates"], "contexts": contexts}))
    assert proc.returncode == 0, proc.stderr
    pages = json.loads(proc.stdout)
    assert len(pages) == len(contexts) > 3
    for html in pages:
        assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert all('id="timeline"' in html and "()" not in html for html in pages[:-1])  # no age: none shown
    assert "workshop" in pages[-1]
