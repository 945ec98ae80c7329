"""The site as files: real `mkdocs build --strict` of sample team repositories."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from caseconf.records.repository import Repository
from caseconf.site import cache
from caseconf.site.sanitize import render_untrusted

from ..helpers import run_caseconf, write
from .sites import HOSTILE_CASE, active_content, article, copy_team, mkdocs_build

pytestmark = pytest.mark.slow

MAIN_PAGES = ("index.html", "cases/index.html", "actions.html", "reviews.html", "stats.html", "activities.html",
              "rules.html", "tags.html")


def test_demo_site_has_every_generated_page(demo_site) -> None:
    for page in MAIN_PAGES:
        assert (demo_site.site / page).is_file(), page
    repo = Repository.load(demo_site.root)
    for case in repo.cases.values():
        assert (demo_site.site / "cases" / case.id / "index.html").is_file()
        for doc in case.conferences:
            name = doc.path.rsplit("/", 1)[-1].replace(".md", ".html")
            assert (demo_site.site / "cases" / case.id / name).is_file()
    for doc in repo.activities:
        assert (demo_site.site / doc.path.removeprefix("records/").replace(".md", ".html")).is_file()
    # the demo team is Czech: the download's header reads as `caseconf actions --format csv` does
    assert (demo_site.site / "downloads" / "open-actions.csv").read_text(encoding="utf-8-sig").startswith("Případ,")
    assert (demo_site.site / "downloads" / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (demo_site.site / "assets" / "caseconf" / "caseconf.js").is_file()
    assert (demo_site.site / "metodika" / "index.html").is_file()


def test_nothing_generated_lands_in_the_source_tree(demo_site) -> None:
    assert not (demo_site.root / "methodology" / "index.md").exists()
    assert not (demo_site.root / "methodology" / "cases").exists()


def test_case_and_record_pages_stay_out_of_the_navigation(demo_site) -> None:
    html = demo_site.html("metodika/index.html")
    nav = html[html.index('class="md-nav md-nav--primary'):html.index('class="md-sidebar md-sidebar--secondary"')]
    assert "cases/index.html" in nav
    assert not re.search(r"cases/[A-Z]{2,6}-\d{4}-\d{3,4}/", nav)
    assert "activities/20" not in nav


def test_theme_is_offline_and_in_the_team_language(demo_site) -> None:
    html = demo_site.html("index.html")
    assert '<html lang="cs"' in html
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert not re.search(r'<script[^>]+src="https?://', html)
    assert not re.search(r'<link[^>]+href="https?://', html)
    # the offline plugin inlines the search index so search works from file://
    assert (demo_site.site / "search" / "search_index.js").is_file()
    assert "data-md-color-scheme" in html and "md-header__button md-icon" in html  # palette toggle


def test_record_page_escapes_and_sanitises_everything(hostile_site) -> None:
    html = hostile_site.html(f"cases/{HOSTILE_CASE}/2026-01-20-initial.html")
    content = article(html)
    assert active_content(content) == []
    assert "komentář s alert" not in content  # comments are stripped, not shown
    # the text itself is still there, shown as text
    assert "&lt;script&gt;alert(&#39;goal&#39;)&lt;/script&gt;" in content
    assert "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in content or "&quot;&gt;&lt;script&gt;" in content
    assert "Obyčejný text zápisu" in content
    # the page title comes from safe values only
    assert f"<title>{HOSTILE_CASE} · 2026-01-20 · Úvodní konference" in html


def test_hostile_values_are_escaped_on_index_pages_too(hostile_site) -> None:
    for page in ("index.html", "actions.html", f"cases/{HOSTILE_CASE}/index.html", "reviews.html"):
        content = article(hostile_site.html(page))
        assert [item for item in active_content(content) if item not in ("<svg>", "<form>")] == [], page  # ours
        assert "<svg onload" not in content, page


def test_suppressed_findings_show_their_reason(hostile_site) -> None:
    html = hostile_site.html(f"cases/{HOSTILE_CASE}/2026-01-20-initial.html")
    assert 'id="suppressed"' in html
    assert "PLAN007" in html
    assert "Tým se s rodinou dohodl jinak" in html


def test_team_templates_override_the_packaged_ones(hostile_site) -> None:
    assert 'id="team-override"' in hostile_site.html("tags.html")


def test_rules_reference_lists_every_rule(demo_site) -> None:
    from caseconf.index.rules_ref import rules_reference

    html = demo_site.html("rules.html")
    for rule in rules_reference("cs"):
        assert f'id="{rule["code"].lower()}"' in html


def test_personal_data_stops_the_build_with_a_masked_message(tmp_path: Path) -> None:
    root = copy_team(tmp_path / "team")
    record = next((root / "records" / "JI-2025-014").glob("*-initial.md"))
    birth_number = "736028/5163"  # a well-formed Czech birth number (divisible by 11), made up
    assert int(birth_number.replace("/", "")) % 11 == 0
    record.write_text(record.read_text(encoding="utf-8") + f"\nRodné číslo matky je {birth_number}.\n",
                      encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "personal data found" in output
    assert "JI-2025-014" in output and "PII" in output
    assert birth_number not in output and birth_number.replace("/", "") not in output
    assert not (tmp_path / "site" / "cases").exists()


def test_caseconf_site_build_wraps_mkdocs(tmp_path: Path) -> None:
    root = copy_team(tmp_path / "team")
    shutil.rmtree(root / "records" / "JI-2025-014")
    result = run_caseconf("site", "build", "--root", str(root), "--strict", "--site-dir", str(tmp_path / "out"))
    assert result.code == 0, result.err
    assert (tmp_path / "out" / "index.html").is_file()
    assert not (tmp_path / "out" / "cases" / "JI-2025-014").exists()


def test_caseconf_site_build_without_mkdocs_yml_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path / "caseconf.yml", "team: T\njurisdiction: cz\n")
    result = run_caseconf("site", "build", "--root", str(tmp_path))
    assert result.code == 2
    assert "mkdocs.yml" in result.err


def test_model_cache_reloads_only_the_changed_case(tmp_path: Path, clean_cache) -> None:
    root = copy_team(tmp_path / "team")
    entry, changes = cache.load(root)
    assert changes.full and entry.loads == 1
    untouched = entry.repo.cases["TR-2025-031"]
    entry, changes = cache.load(root)
    assert changes.none and entry.partial_loads == 0
    record = next((root / "records" / "JI-2025-014").glob("*-initial.md"))
    record.write_text(record.read_text(encoding="utf-8").replace("Úvod a cíl", "Úvod, cíl"), encoding="utf-8")
    entry, changes = cache.load(root)
    assert changes.cases == {"JI-2025-014"} and not changes.full
    assert entry.loads == 1 and entry.partial_loads == 1
    assert entry.repo.cases["TR-2025-031"] is untouched
    assert "Úvod, cíl" in entry.repo.cases["JI-2025-014"].conferences[0].body
    (root / "caseconf.yml").write_text((root / "caseconf.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    entry, changes = cache.load(root)
    assert changes.full and entry.loads == 2


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[x](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>', "[d](data:text/html,<script>alert(1)</script>)",
    "<svg><script>alert(1)</script></svg>", "# T {: onclick=alert(1) }", '<iframe src="https://x"></iframe>',
    "<style>body{display:none}</style>", '<p style="background:url(javascript:alert(1))">x</p>',
])
def test_sanitiser_drops_active_content(text: str) -> None:
    assert active_content(render_untrusted(text)) == []
