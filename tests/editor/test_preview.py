"""The form's preview pane shows a record, a case file and an activity as the built site's
page of it does (the same templates, rendered in the browser), shows a hostile field as
text, and renders the Markdown minutes as the site does, hostile markup never live.

Compared: the visible text of the page's content from its title (h1) down to the first of
the sections the preview cannot know (suppressed findings, documents), with whitespace
normalised, on the built site and in Decap's preview pane of the same file; and the minutes
element by element (tag and text).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAYLOADS_FILE = Path(__file__).parent / "data" / "xss_payloads.txt"

# record pages with metadata, roles, participants, evaluation and plan between them
RECORDS = [("HB-2026-015", "2026-07-07-initial"), ("HB-2025-007", "2025-08-26-review"),
           ("JI-2026-022", "2026-09-08-evaluation")]


def text_until(stop: str) -> str:
    """JavaScript: the text of a page's content from its h1 to the first heading `stop` matches."""
    return """(root) => {
  const h1 = root.querySelector("h1");
  if (!h1) { return ""; }
  const parts = [];
  for (let node = h1; node; node = node.nextElementSibling) {
    if (node.matches && node.matches("%s")) { break; }
    parts.push(node.innerText);
  }
  return parts.join("\\n");
}""" % stop


# a record page from the h1 to the first section the preview leaves out (its minutes are
# compared element by element)
RECORD_TEXT = text_until("h2#suppressed, h2#documents, h2#minutes")
# a case or activity page: all of it but the sections only the build knows
PAGE_TEXT = text_until("h2#suppressed, h2#documents")

# the minutes, element by element: tag names and their normalised text
MINUTES = """(root) => {
  const box = root.querySelector(".caseconf-minutes");
  if (!box) { return null; }
  return Array.from(box.querySelectorAll("*")).map((el) => [el.tagName.toLowerCase(),
    el.textContent.replace(/\\s+/g, " ").trim()]);
}"""

# every element and attribute of the minutes, to hold against the site's allow-list
LIVE = """(root) => Array.from(root.querySelectorAll(".caseconf-minutes *")).map((el) =>
  [el.tagName.toLowerCase(), Array.from(el.attributes).map((a) => [a.name, a.value])])"""

PAYLOADS = ['<script>alert("s")</script>', '<img src=x onerror=alert("i")>', '[klik](javascript:alert("j"))']


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_same_text(preview: str, site: str) -> None:
    """Equal, or an error that shows where they part (the texts are long)."""
    if preview == site:
        return
    at = next((i for i, (a, b) in enumerate(zip(preview, site)) if a != b), min(len(preview), len(site)))
    raise AssertionError(f"the preview parts from the site at {at}:\n  site:    …{site[max(0, at - 120):at + 120]}"
                         f"\n  preview: …{preview[max(0, at - 120):at + 120]}")


def login(page, site_url: str) -> None:
    page.goto(f"{site_url}/admin/index.html")
    page.get_by_role("button", name="Přihlásit").click()
    page.get_by_text("Kolekce").wait_for()


def preview_frame(page):
    page.locator("iframe").first.wait_for(timeout=20000)
    frame = page.frame_locator("iframe").first
    # the case's file from the build has arrived (site/preview.py write_case_preview)
    frame.locator('article.caseconf-preview[data-caseconf-ready="yes"] h1').wait_for(timeout=20000)
    return frame


def test_the_preview_shows_each_record_as_its_site_page(browser, site_url, decap_server, tmp_path) -> None:
    site_shape: dict[tuple[str, str], list] = {}
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
            site_shape[(case, slug)] = page.locator("article").first.evaluate(MINUTES)
            assert case in site_text and len(site_text) > 300  # metadata, people and plan, not an empty page
            login(page, site_url)
            page.goto(f"{site_url}/admin/index.html#/collections/records-{case.lower()}/entries/{slug}")
            page.locator('[id^="goal-field-"]').first.wait_for(timeout=20000)
            frame = preview_frame(page)
            preview = frame.locator("article.caseconf-preview")
            preview_text = normalised(preview.evaluate(RECORD_TEXT))
            assert preview_text == site_text, (case, slug)
            # the minutes as the site renders them: the same elements with the same text
            site_minutes = site_shape[(case, slug)]
            assert site_minutes and any(tag == "h3" for tag, _ in site_minutes)  # headings demoted, as on the site
            assert preview.evaluate(MINUTES) == site_minutes, (case, slug)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            print(case, slug, errors)
            raise
        finally:
            context.close()


def open_record(browser, site_url: str, case: str, slug: str):
    """A new page with the record open in the form, and the dialogs it raises (none expected:
    a dialog means typed markup ran)."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="cs-CZ")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        login(page, site_url)
        page.goto(f"{site_url}/admin/index.html#/collections/records-{case.lower()}/entries/{slug}")
        page.locator('[id^="goal-field-"]').first.wait_for(timeout=20000)
    except Exception:
        page.close()
        raise
    return page, dialogs


def test_markup_in_a_field_is_shown_as_text_in_the_preview(browser, site_url, decap_server, tmp_path) -> None:
    page, dialogs = open_record(browser, site_url, *RECORDS[0])
    try:
        goal = page.locator('[id^="goal-field-"]').first
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


def payloads() -> list[str]:
    return [line for line in PAYLOADS_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def body_editor(page):
    """The minutes' Markdown editor, switched to its Markdown (raw) mode: what is typed
    there is the file's text as it is, markup included."""
    box = page.locator('label[for^="body-field-"]').locator("xpath=../..")
    box.wait_for(timeout=20000)
    if box.locator("[data-slate-editor] h2, [data-slate-editor] p").count():  # the rich-text mode
        box.locator('button[role="switch"]').first.click()
    editor = box.locator('[contenteditable="true"]').first
    editor.wait_for(timeout=20000)
    return editor


def test_the_minutes_are_rendered_as_markdown_and_hostile_markup_never_runs(browser, site_url, decap_server,
                                                                            tmp_path) -> None:
    """Markdown typed into the minutes is rendered (a heading demoted to h3, bold, a list, a
    link), and each payload of tests/editor/data/xss_payloads.txt typed there never runs
    (no dialog) and leaves no live element: only the site's allow-list of tags and
    attributes (caseconf.site.sanitize), no javascript:/data: URL, every link with the
    site's rel."""
    from caseconf.site.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_REL

    page, dialogs = open_record(browser, site_url, *RECORDS[0])
    try:
        editor = body_editor(page)
        editor.click()
        page.keyboard.press("Control+End")
        text = "\n\n# Nadpis zápisu\n\n**tučně** a [odkaz](https://example.org/a)\n\n- bod\n\n" + "\n\n".join(payloads())
        page.keyboard.insert_text(text)
        frame = preview_frame(page)
        minutes = frame.locator("article.caseconf-preview .caseconf-minutes")
        minutes.locator("h3", has_text="Nadpis zápisu").wait_for(timeout=20000)
        page.wait_for_timeout(1500)  # any onerror/onload would have fired by now
        assert minutes.locator("strong", has_text="tučně").count() == 1
        assert minutes.locator("li", has_text="bod").count() == 1
        link = minutes.locator('a[href="https://example.org/a"]')
        assert link.count() == 1 and link.get_attribute("rel") == LINK_REL
        live = frame.locator("article.caseconf-preview").evaluate(LIVE)
        assert len(live) > 10
        for tag, attributes in live:
            assert tag in ALLOWED_TAGS, (tag, attributes)
            for name, value in attributes:
                allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
                assert name in allowed, (tag, name, value)
                if name == "href":
                    assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), value
        article = frame.locator("article.caseconf-preview")
        assert article.locator("script, iframe, svg, math, img, object, embed, video, audio, input, details, "
                               "marquee, style, [onerror], [onload], [onfocus], [style]").count() == 0
        assert dialogs == []
        # the payloads' words are still there, as text (nothing the user typed vanished unseen)
        assert "alert" in minutes.inner_text()
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()


def compare_with_site(browser, site_url: str, tmp_path: Path, site_page: str, entry: str, field: str):
    """The site page's text and the preview's of the same file; the page is left open."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="cs-CZ")
    try:
        page.goto(f"{site_url}/{site_page}")
        site_text = normalised(page.locator("article").first.evaluate(PAGE_TEXT))
        site_minutes = page.locator("article").first.evaluate(MINUTES)
        login(page, site_url)
        page.goto(f"{site_url}/admin/index.html#/collections/{entry}")
        page.locator(f'[id^="{field}-field-"]').first.wait_for(timeout=20000)
        frame = preview_frame(page)
        preview = frame.locator("article.caseconf-preview")
        return page, frame, site_text, normalised(preview.evaluate(PAGE_TEXT)), site_minutes, preview.evaluate(MINUTES)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        page.close()
        raise


def test_the_preview_shows_a_case_file_as_its_case_page(browser, site_url, decap_server, tmp_path) -> None:
    """case.yml beside its form: the case page's text (its own fields from the form, the
    timeline, plan and attendance the build derived from its records), and a change typed
    into the form shows at once."""
    case = "HB-2026-015"
    page, frame, site_text, preview_text, _, _ = compare_with_site(
        browser, site_url, tmp_path, f"cases/{case}/index.html", f"cases/entries/{case}/case", "opened")
    try:
        assert case in site_text and len(site_text) > 500  # household, timeline, plan, attendance
        assert_same_text(preview_text, site_text)
        page.locator('[id^="household-field-"] [id^="ref-field-"]').first.fill("M9")
        frame.locator("article.caseconf-preview dd strong", has_text="M9").wait_for(timeout=10000)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()


def test_the_preview_shows_an_activity_as_its_activity_page(browser, site_url, decap_server, tmp_path) -> None:
    """A supervision beside its form: the activity page's text and its minutes, rendered."""
    year, slug = "2026", "2026-01-27-supervision"
    page, frame, site_text, preview_text, site_minutes, preview_minutes = compare_with_site(
        browser, site_url, tmp_path, f"activities/{year}/{slug}.html", f"activities/entries/{year}/{slug}", "topic")
    try:
        assert "Dospívající na konferenci" in site_text
        assert_same_text(preview_text, site_text)
        assert site_minutes and preview_minutes == site_minutes
        page.locator('[id^="topic-field-"]').first.fill("Téma <b>x</b>")
        frame.locator("article.caseconf-preview dd", has_text="Téma <b>x</b>").wait_for(timeout=10000)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()


# pieces of Markdown and HTML that hostile minutes are made of
FRAGMENTS = ["<", ">", "</", "/>", "script", "img", "svg", "iframe", "math", "style", "a", "b", "p", "h1", "table",
             "td", " ", "\n", "\n\n", "=", '"', "'", "`", "*", "_", "#", "- ", "1. ", "> ", "|", "---", "[", "]", "(",
             ")", "!", "&", "&#106;", "&lt;", "%0a", " onerror=", " onload=", " href=", " src=", " style=", " title=",
             " rel=", "javascript:", "JaVaScRiPt:", "java", "script:", "&#x09;", "&colon;", "data:text/html,", "vbscript:", "alert(1)", "<!--", "-->",
             "<![CDATA[", "]]>", "\t", "\u2028", "x"]

# whole tags, closing tags and Markdown links of the hostile kind, to mix with the pieces
TAGS = ["script", "img", "svg", "iframe", "math", "style", "a", "b", "p", "h1", "h2", "table", "td", "details",
        "object", "embed", "form", "input", "video", "textarea", "noscript", "template", "select", "abbr", "ol"]
ATTRIBUTES = [" onerror", " onload", " href", " src", " style", " title", " rel", " class", " id", " srcdoc",
              " xlink:href", " formaction", " start", " colspan"]
VALUES = ["x", "javascript:alert(1)", '"java\tscript:alert(1)"', "&#106;avascript:alert(1)", "data:text/html,x",
          '"x y"', "'y'", "alert(1)", "https://example.org/", "/relative", "mailto:x@example.org", "1"]

INSPECT = """(text) => {
  const html = window.CaseconfPreview.renderMinutes(text);
  const box = document.createElement("template");
  box.innerHTML = html;
  return Array.from(box.content.querySelectorAll("*")).map((el) => [el.tagName.toLowerCase(),
    Array.from(el.attributes).map((a) => [a.name, a.value])]);
}"""


def test_whatever_the_minutes_hold_only_the_sites_allow_list_comes_out(browser, site_url) -> None:
    """Hypothesis writes minutes out of hostile pieces; what the preview's renderer returns
    holds only the site's tags and attributes (caseconf.site.sanitize), links with the
    site's schemes (or relative) and its rel."""
    from hypothesis import given, settings, strategies as st

    from caseconf.site.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_REL, URL_SCHEMES

    page = browser.new_page()
    try:
        page.goto(f"{site_url}/admin/index.html")
        page.wait_for_function("() => window.CaseconfPreview !== undefined", timeout=20000)

        piece = st.one_of(
            st.sampled_from(FRAGMENTS),
            st.builds(lambda tag, attrs: f"<{tag}{''.join(attrs)}>", st.sampled_from(TAGS),
                      st.lists(st.builds("{}={}".format, st.sampled_from(ATTRIBUTES), st.sampled_from(VALUES)),
                               max_size=3)),
            st.builds("</{}>".format, st.sampled_from(TAGS)),
            st.builds("[{}]({})".format, st.sampled_from(FRAGMENTS), st.sampled_from(VALUES)))

        @settings(max_examples=300, deadline=None, database=None)
        @given(st.lists(piece, max_size=30).map("".join))
        def check(text: str) -> None:
            for tag, attributes in page.evaluate(INSPECT, text):
                assert tag in ALLOWED_TAGS, (text, tag)
                for name, value in attributes:
                    if tag == "a" and name == "rel":
                        assert value == LINK_REL
                        continue
                    assert name in ALLOWED_ATTRIBUTES.get(tag, set()), (text, tag, name)
                    if name == "href":
                        # as a browser reads a URL: tabs and newlines anywhere, controls and spaces before it dropped
                        url = re.sub(r"[\t\n\r]", "", value).lstrip("".join(map(chr, range(33))))
                        scheme = re.match(r"([a-z][a-z0-9+.-]*):", url, re.I)
                        assert scheme is None or scheme.group(1).lower() in URL_SCHEMES, (text, value)

        check()
    finally:
        page.close()
