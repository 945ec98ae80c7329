"""The built site in real headless Chromium, opened from file:// as from a USB stick."""

from __future__ import annotations

import pytest

from ..helpers import run_caseconf
from .conftest import screenshot
from .sites import HOSTILE_CASE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOT_PAGES = {
    "dashboard": "index.html", "cases": "cases/index.html", "case": "cases/TR-2025-031/index.html",
    "record": "cases/JI-2025-014/2025-06-17-review.html", "actions": "actions.html", "reviews": "reviews.html",
    "stats": "stats.html", "activities": "activities.html", "rules": "rules.html", "tags": "tags.html",
    "methodology": "metodika/index.html", "template": "sablony/pozvanka.html",
}


def test_dashboard_shows_the_overdue_count_of_caseconf_actions(demo_site, page) -> None:
    result = run_caseconf("actions", "--overdue", "--format", "json", "--as-of", demo_site.build_day.isoformat(),
                          "--root", str(demo_site.root))
    assert result.code in (0, 1), result.err
    expected = len(result.json()["actions"])
    page.goto(demo_site.url("index.html"))
    assert page.inner_text("#caseconf-overdue-count").strip() == str(expected)
    assert page.locator("#overdue + div table tbody tr").count() == expected
    assert page.remote == []


def test_case_page_lists_actions_with_derived_statuses(demo_site, page) -> None:
    from caseconf.records.repository import Repository

    repo = Repository.load(demo_site.root)
    case = repo.cases["TR-2025-031"]
    page.goto(demo_site.url("cases/TR-2025-031/index.html"))
    rows = page.locator("#caseconf-plan tbody tr")
    assert rows.count() == len(case.actions())
    for state in case.actions().values():
        row = page.locator(f'#caseconf-plan tbody tr[data-action="{state.id}"]')
        assert row.get_attribute("data-status") == state.status
        overdue = state.overdue_days(demo_site.build_day) > 0
        badge = row.locator(".caseconf-derived-status .caseconf-status")
        assert ("caseconf-status--overdue" in badge.get_attribute("class")) == overdue
    # a status changed by a later record's evaluation shows the derived value, with its history
    changed = [s for s in case.actions().values() if s.history]
    assert changed
    row = page.locator(f'#caseconf-plan tbody tr[data-action="{changed[0].id}"]')
    assert row.locator(".caseconf-history li").count() == 1 + len(changed[0].history)


def test_open_actions_filter_by_owner(demo_site, page) -> None:
    page.goto(demo_site.url("actions.html"))
    rows = page.locator("#caseconf-actions tbody tr")
    total = rows.count()
    assert total > 0
    owners = page.eval_on_selector_all("#caseconf-actions tbody tr", "rows => rows.map(r => r.dataset.owner)")
    owner = max(set(owners), key=owners.count)
    assert owners.count(owner) < total
    page.select_option('form[data-caseconf-filter] select[name="owner"]', owner)
    visible = page.locator("#caseconf-actions tbody tr:visible")
    assert visible.count() == owners.count(owner)
    assert set(visible.evaluate_all("rows => rows.map(r => r.dataset.owner)")) == {owner}
    assert page.inner_text('form[data-caseconf-filter] output[name="count"]') == f"{owners.count(owner)} / {total}"
    page.select_option('form[data-caseconf-filter] select[name="when"]', "overdue")
    for row in visible.all():
        assert row.get_attribute("data-overdue") == "1"
    page.select_option('form[data-caseconf-filter] select[name="owner"]', "")
    page.select_option('form[data-caseconf-filter] select[name="when"]', "")
    assert page.locator("#caseconf-actions tbody tr:visible").count() == total
    assert page.remote == []


def test_search_finds_a_methodology_term_offline(demo_site, page) -> None:
    page.goto(demo_site.url("index.html"))
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially("kazuistika", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert any("/metodika/" in link or "/sablony/" in link for link in links), links
    screenshot(page, "search")
    assert page.remote == []


def test_hostile_record_runs_nothing(hostile_site, page) -> None:
    pages = [f"cases/{HOSTILE_CASE}/2026-01-20-initial.html", f"cases/{HOSTILE_CASE}/index.html", "index.html",
             "actions.html", "reviews.html", "cases/index.html", "tags.html"]
    for name in pages:
        page.goto(hostile_site.url(name))
        page.wait_for_load_state("load")
        page.wait_for_timeout(150)
        article = page.locator("article")
        assert article.locator("script, iframe, object, embed, img").count() == 0, name
        assert article.locator("a[href^='javascript:'], a[href^='data:'], [onerror], [onload], [onclick], "
                               "[onmouseover]").count() == 0, name
        scripts = page.eval_on_selector_all("script", "els => els.map(e => e.src || e.textContent)")
        assert not [s for s in scripts if "alert" in s], name
    page.goto(hostile_site.url(f"cases/{HOSTILE_CASE}/2026-01-20-initial.html"))
    for link in page.locator("article a").all():
        link.hover()
    screenshot(page, "hostile-record")
    assert page.dialogs == []
    assert "<script>alert('body')</script>" not in page.inner_text("article")  # dropped, not shown
    assert '"><script>alert(1)</script>' in page.inner_text("article")  # the indicator, shown as text
    assert page.remote == []


def test_screenshots_of_the_main_pages(demo_site, page) -> None:
    for name, target in SCREENSHOT_PAGES.items():
        page.goto(demo_site.url(target))
        page.wait_for_load_state("load")
        assert page.locator("article h1").count() >= 1, target
        assert screenshot(page, name).stat().st_size > 10_000
    page.goto(demo_site.url("index.html"))
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component=palette] label.md-header__button:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== '{before}'", timeout=5000)
    screenshot(page, "dashboard-dark")
    page.emulate_media(media="print", color_scheme="light")
    page.goto(demo_site.url(SCREENSHOT_PAGES["template"]))
    assert page.locator(".md-header").is_hidden()
    screenshot(page, "template-print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert page.remote == []
