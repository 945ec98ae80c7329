"""The form's page does not grow with the repository (issues 17 and 19): what the preview
takes from the build for one case is that case's own file (admin/preview/<case>.json),
written by the site build beside its case page, and the inline data of admin/index.html
stays the same size whether the team keeps 3 cases or 30 (but for Decap's collections)."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from .conftest import PROJECT, build_site

pytestmark = pytest.mark.slow

EDITOR = "\neditor:\n  backend: github\n  repo: example-team/caseconf-demo\n  branch: main\n"


def generated_team(root: Path, cases: int) -> Path:
    """A generated team (benchmarks/generate.py) with the demo's site and the form."""
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.pop(0)
    generate(root, cases, seed=3)
    for part in ("methodology", "site_templates"):
        shutil.copytree(PROJECT / part, root / part)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    with (root / "caseconf.yml").open("a", encoding="utf-8") as out:
        out.write(EDITOR)
    return root


def inline_data(site: Path) -> str:
    html = (site / "admin" / "index.html").read_text(encoding="utf-8")
    match = re.search(r"window\.CASECONF_PAGE = (.*?);</script>", html, re.S)
    assert match, "admin/index.html has no inline page data"
    return match.group(1)


def test_the_form_page_is_the_same_size_for_3_cases_and_30_and_each_case_file_holds_its_case(tmp_path) -> None:
    sites = {}
    for cases in (3, 30):
        team = generated_team(tmp_path / f"team-{cases}", cases)
        sites[cases] = build_site(team, tmp_path / f"site-{cases}")
    small, large = json.loads(inline_data(sites[3])), json.loads(inline_data(sites[30]))
    # The same words, templates and settings; only the generated team's details may differ.
    # Left out: Decap's collections (editor/config.py), one per case folder, which do grow
    # with the cases (some 46 kB each): not the preview's, and not fixed here.
    for page in (small, large):
        page["config"].pop("collections")
    size = {cases: len(json.dumps(page, ensure_ascii=False).encode()) for cases, page in ((3, small), (30, large))}
    assert abs(size[30] - size[3]) < 400, size
    page = large
    assert page["preview"]["case_files"] == "preview/"
    assert not {"cases", "case_pages", "case_ids"} & set(page["preview"])

    site = sites[30]
    case_ids = sorted(p.name for p in (tmp_path / "team-30" / "records").iterdir() if (p / "case.yml").is_file())
    files = sorted(p.stem for p in (site / "admin" / "preview").glob("*.json"))
    assert files == case_ids
    for case_id in case_ids:
        text = (site / "admin" / "preview" / f"{case_id}.json").read_text(encoding="utf-8")
        data = json.loads(text)
        assert data["page"]["row"]["id"] == case_id
        assert data["actions"] and all(re.fullmatch(r"A\d+", key) for key in data["actions"])
        assert {item["id"] for item in data["page"]["plan"]} == set(data["actions"])
        others = [other for other in case_ids if other != case_id and other in text]
        assert not others, (case_id, others)  # that case only
        assert "uri" not in {key for item in data["page"]["timeline"] for key in item if item.get(key)}
    assert not list((site / "admin" / "preview").glob(".*"))  # no temporary file left
    # readable as the site's other files are (a web server reads them as another user)
    index_mode = (site / "index.html").stat().st_mode & 0o777
    assert {p.stat().st_mode & 0o777 for p in (site / "admin" / "preview").glob("*.json")} == {index_mode}
