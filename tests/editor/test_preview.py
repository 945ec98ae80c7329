"""The form's preview pane shows a record as the built site's record page does (the same
template, rendered in the browser), and shows a hostile field as text.

Compared: the visible text of the record page's content from its title (h1) down to the
first of the sections the preview cannot know (suppressed findings, documents, minutes),
with whitespace normalised, on the built site and in Decap's preview pane of the same record.
"""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# record pages with metadata, roles, participants, evaluation and plan between them
RECORDS = [("HB-2026-015", "2026-07-07-initial"), ("HB-2025-007", "2025-08-26-review"),
           ("JI-2026-022", "2026-09-08-evaluation")]

# the text from the h1 to the first section the preview leaves out
RECORD_TEXT = """(root) => {
  const h1 = root.querySelector("h1");
  if (!h1) { return ""; }
  const parts = [];
  for (let node = h1; node; node = node.nextElementSibling) {
    if (node.matches && node.matches("h2#suppressed, h2#documents, h2#minutes")) { break; }
    parts.push(node.innerText);
  }
  return parts.join("\\n");
}"""

PAYLOADS = ['<script>alert("s")</script>', '<img src=x onerror=alert("i")>', '[klik](javascript:alert("j"))']


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def login(page, site_url: str) -> None:
    page.goto(f"{site_url}/admin/index.html")
    page.get_by_role("button", name="Přihlásit").click()
    page.get_by_text("Kolekce").wait_for()


def preview_frame(page):
    page.locator("iframe").first.wait_for(timeout=20000)
    frame = page.frame_locator("iframe").first
    frame.locator("article.caseconf-preview h1").wait_for(timeout=20000)
    return frame


def test_the_preview_shows_each_record_as_its_site_page(browser, site_url, decap_server, tmp_path) -> None:
    for case, slug in RECORDS:
        # a fresh browser profile per record: Decap opens an entry reliably right after its login
        context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="cs-CZ")
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            page.goto(f"{site_url}/cases/{case}/{slug}.html")
            site_text = normalised(page.locator("article").first.evaluate(RECORD_TEXT))
            assert case in site_text and len(site_text) > 300  # metadata, people and plan, not an empty page
            login(page, site_url)
            page.goto(f"{site_url}/admin/index.html#/collections/records-{case.lower()}/entries/{slug}")
            page.locator('[id^="goal-field-"]').first.wait_for(timeout=20000)
            frame = preview_frame(page)
            preview_text = normalised(frame.locator("article.caseconf-preview").evaluate(RECORD_TEXT))
            assert preview_text == site_text, (case, slug)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            print(case, slug, errors)
            raise
        finally:
            context.close()


def test_markup_in_a_field_is_shown_as_text_in_the_preview(browser, site_url, decap_server, tmp_path) -> None:
    case, slug = RECORDS[0]
    page = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="cs-CZ")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        login(page, site_url)
        page.goto(f"{site_url}/admin/index.html#/collections/records-{case.lower()}/entries/{slug}")
        goal = page.locator('[id^="goal-field-"]').first
        goal.wait_for(timeout=20000)
        hostile = " ".join(PAYLOADS)
        goal.fill(hostile)
        frame = preview_frame(page)
        shown = frame.locator("article.caseconf-preview .caseconf-goal")
        shown.wait_for()
        page.wait_for_timeout(1000)
        assert normalised(shown.inner_text()) == normalised(hostile)
        article = frame.locator("article.caseconf-preview")
        assert article.locator("script, img, [onerror]").count() == 0
        assert article.locator('a[href^="javascript"]').count() == 0
        assert dialogs == []
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()
