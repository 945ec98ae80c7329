"""A record that cannot be read shows wherever it would have counted; `--strict` refuses the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..helpers import run_caseconf
from .sites import article, copy_team, mkdocs_build

pytestmark = pytest.mark.slow

CASE = "JI-2025-014"
BROKEN = f"records/{CASE}/2025-10-07-review.md"
BANNER_PAGES = ("index.html", "actions.html", "reviews.html", "stats.html", f"cases/{CASE}/index.html")


@pytest.fixture(scope="module")
def broken_team(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_team(tmp_path_factory.mktemp("broken") / "team")
    path = root / BROKEN
    path.write_text(path.read_text(encoding="utf-8").replace("\nkind:", "\nkind: [", 1), encoding="utf-8")
    return root


def test_strict_build_fails_and_names_the_file(broken_team: Path, tmp_path: Path) -> None:
    result = run_caseconf("site", "build", "--strict", "--site-dir", str(tmp_path / "site"),
                          "--root", str(broken_team))
    assert result.code == 1
    assert BROKEN in result.err and "YAML" in result.err


def test_every_page_it_affects_shows_a_banner_and_the_timeline_shows_it(broken_team: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(broken_team, site, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert BROKEN in result.stderr  # a warning, even without --strict
    for page in BANNER_PAGES:
        body = article((site / page).read_text(encoding="utf-8"))
        assert 'data-caseconf-broken="1"' in body, page
        assert f'data-path="{BROKEN}"' in body and "YAML" in body, page
    case = article((site / f"cases/{CASE}/index.html").read_text(encoding="utf-8"))
    timeline = case[case.index('class="caseconf-timeline"'):]
    timeline = timeline[:timeline.index("</ol>")]
    assert 'caseconf-timeline__item--broken" data-path="' + BROKEN in timeline
    assert '<time datetime="2025-10-07">' in timeline  # in its place, dated by its file name
    # a case with nothing broken has no banner
    other = article((site / "cases/TR-2025-031/index.html").read_text(encoding="utf-8"))
    assert "data-caseconf-broken" not in other
