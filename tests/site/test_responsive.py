"""Tables that fit: no sideways page scroll on a 390 px phone, no clipped column at 1280 px."""

from __future__ import annotations

import pytest

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

INDEX_PAGES = ("index.html", "cases/index.html", "actions.html", "reviews.html", "stats.html", "activities.html",
               "rules.html", "tags.html", "cases/TR-2025-031/index.html", "cases/JI-2025-014/2025-06-17-review.html")
WIDTHS = (390, 1280)

MEASURE = """() => {
  const page = document.documentElement;
  const clipped = [];
  for (const table of document.querySelectorAll('article table')) {
    const box = table.getBoundingClientRect();
    // a wrapper (or the table itself) that scrolls or hides what does not fit cuts columns off
    for (let el = table; el && el.tagName !== 'ARTICLE'; el = el.parentElement) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        clipped.push((table.id || table.dataset.caseconfTable || 'table') + ' in ' + el.className);
    }
    if (box.right > page.clientWidth + 1) clipped.push((table.id || 'table') + ' beyond the screen');
  }
  return {scroll: page.scrollWidth, client: page.clientWidth, body: document.body.scrollWidth, clipped};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_and_no_table_is_clipped(demo_site, browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    try:
        problems = {}
        for name in INDEX_PAGES:
            tab.goto(demo_site.url(name))
            tab.wait_for_load_state("load")
            result = tab.evaluate(MEASURE)
            if result["scroll"] > result["client"] or result["body"] > result["client"] or result["clipped"]:
                problems[name] = result
        assert problems == {}, problems
        tab.goto(demo_site.url("actions.html"))
        screenshot(tab, f"actions-{width}")
    finally:
        context.close()


def test_phone_shows_each_row_as_a_labelled_card(demo_site, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(demo_site.url("actions.html"))
        tab.wait_for_load_state("load")
        table = tab.locator("#caseconf-actions")
        assert table.locator("thead").is_hidden()
        first = table.locator("tbody tr").first
        labels = first.locator("td").evaluate_all("cells => cells.map(c => c.dataset.label)")
        heads = table.locator("thead th").evaluate_all("cells => cells.map(c => c.textContent.trim())")
        assert labels == heads
        # a card: its cells stack (each starts below the previous one), all inside the screen
        tops = first.locator("td").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().top)")
        assert tops == sorted(tops) and len(set(tops)) == len(tops)
        # the filter still hides whole cards
        owners = tab.eval_on_selector_all("#caseconf-actions tbody tr", "rows => rows.map(r => r.dataset.owner)")
        owner = max(set(owners), key=owners.count)
        tab.select_option('form[data-caseconf-filter] select[name="owner"]', owner)
        assert tab.locator("#caseconf-actions tbody tr:visible").count() == owners.count(owner)
    finally:
        context.close()
