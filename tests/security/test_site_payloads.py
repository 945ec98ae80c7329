"""Over 8,000 public XSS payloads planted in every context the site renders, built with real
mkdocs, and every page opened in headless Chromium, served over http and from file://.

What counts as execution: a dialog (alert, confirm, prompt, print), a call of one of them
or of `document.write` recorded by a script injected before the page's own, and any
element the payloads could have made live (an `on*` handler attribute, a `javascript:`,
`vbscript:` or `data:` URL, a frame, object, embed, base or refresh). Each page is loaded,
then every element in it is hovered, focused and clicked (synthetic events, navigation
prevented), every `<details>` opened; search is typed into, and its results checked too.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from .conftest import PlantedSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Runs before any script of the page: records what a payload would call.
RECORDER = """
(() => {
  const hits = [];
  Object.defineProperty(window, "__xss", {value: hits});
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    const original = window[name];
    window[name] = function (...args) { hits.push(name + "(" + String(args[0]).slice(0, 80) + ")"); };
  }
  const write = Document.prototype.write;
  Document.prototype.write = function (...args) { hits.push("document.write"); return write.apply(this, args); };
})();
"""

# Every live thing a payload could have left in the page, and then every interaction.
SCAN = """
() => {
  const found = [];
  const urlAttrs = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.getAttributeNames()) {
      const value = (el.getAttribute(attr) || "").replace(/[\\s\\u0000-\\u001f]+/g, "").toLowerCase();
      if (attr.startsWith("on")) found.push(el.tagName + "[" + attr + "]");
      if (urlAttrs.includes(attr)) {
        let scheme = "";
        try { scheme = new URL(el.getAttribute(attr), document.baseURI).protocol; } catch (e) { scheme = ""; }
        if (["javascript:", "vbscript:", "livescript:"].includes(scheme) || /^data:(text|application)/.test(value))
          found.push(el.tagName + "[" + attr + "=" + value.slice(0, 30) + "]");
      }
      if (attr === "srcdoc") found.push(el.tagName + "[srcdoc]");
    }
    const tag = el.tagName.toLowerCase();
    // the one frame of the site's own: the search worker's stand-in over file:// (iframe-worker.js)
    const worker = tag === "iframe" && el.hidden && el.title === "worker" && !el.hasAttribute("src");
    if (["iframe", "frame", "object", "embed", "base", "applet"].includes(tag) && !worker) found.push("<" + tag + ">");
    if (tag === "meta" && /refresh/i.test(el.getAttribute("http-equiv") || "")) found.push("<meta refresh>");
    if (tag === "script" && !el.src && /alert|prompt|confirm|xss/i.test(el.textContent)) found.push("<script>inline");
    if (tag === "script" && el.src && !el.src.includes("/assets/")) found.push("<script src=" + el.src + ">");
  }
  return found;
}
"""

INTERACT = """
async () => {
  window.addEventListener("click", e => e.preventDefault(), true);
  window.addEventListener("submit", e => e.preventDefault(), true);
  const els = [...document.querySelectorAll("body *")];
  for (const el of els) {
    for (const type of ["mouseover", "mouseenter", "mousedown", "click"]) {
      el.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true}));
    }
    if (el.tagName === "DETAILS") el.open = true;
  }
  for (const el of document.querySelectorAll("a, button, input, select, textarea, summary, [tabindex]")) {
    el.focus({preventScroll: true});
  }
  await new Promise(r => setTimeout(r, 150));
  return els.length;
}
""".strip()

# title-NNN, heading-NNN and "NNN <payload>" pages: the first two of each kind are opened
TITLE_PAGE = re.compile(r"(?:title-|heading-|)(\d{3})[ .]")
SEARCHES = ["onerror", "<img src=x onerror=alert(1)>", "javascript"]


def _all_pages(planted_site: PlantedSite) -> list[str]:
    site = planted_site.site
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(("admin/", "assets/")))


def _pages(planted_site: PlantedSite) -> list[str]:
    """Every page that holds planted text: the top-level pages (dashboard, actions, reviews,
    stats, tags, rules…), each planted case, record and activity, every methodology page
    made for the corpus (of the 40 pages per kind of title only two: every page's navigation
    carries all 120 titles, and the search index too); of the demo's own pages, which share only the navigation and the
    tags with these, the first of each folder. The editor page (admin/) has its own tests."""
    planted = planted_site.planted
    wanted = set(planted.cases)
    pages, folders = [], set()
    for page in _all_pages(planted_site):
        parts = page.split("/")
        planted_page = page[:-5] + ".md" in planted.methodology
        title_page = TITLE_PAGE.match(parts[-1])
        if planted_page and title_page and int(title_page.group(1)) >= 2:
            continue  # a page made for its title: its title is in every page's navigation already
        if (len(parts) == 1 or planted_page or len(parts) > 2 and parts[1] in wanted
                or page.startswith("activities/2026-02-0") or parts[0] not in folders):
            pages.append(page)
        folders.add(parts[0])
    return pages


def _check_every_page(browser, base: str, pages: list[str]) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORDER)  # again in every document the tab loads
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    problems: dict[str, tuple[list[str], list[str]]] = {}
    try:
        for page in pages:
            tab.goto(base + quote(page), wait_until="load")
            tab.wait_for_timeout(100)  # failing images fire onerror after load
            live = tab.evaluate(SCAN)
            tab.evaluate(INTERACT)
            ran = dialogs + tab.evaluate("window.__xss.slice()")
            if live or ran:
                problems[page] = (live[:5], ran[:5])
            dialogs.clear()
    finally:
        context.close()
    assert not problems, problems


def test_the_corpus_is_planted_everywhere(planted_site: PlantedSite) -> None:
    from caseconf.records.repository import Repository

    planted = planted_site.planted
    assert len(planted.payloads) > 8000 and len(planted.tags) >= 200
    repo = Repository.load(planted.root)
    docs = {doc.path: doc for doc in repo.documents()}
    assert all(docs[path].ok for path in planted.records)  # nothing planted was refused by the loader
    assert "internal error" not in planted_site.build_log and "Traceback" not in planted_site.build_log
    pages = _all_pages(planted_site)
    for rel in planted.methodology:
        assert rel[:-3] + ".html" in pages, rel


def test_no_payload_runs_on_any_page_served_over_http(browser, planted_site: PlantedSite, served: str) -> None:
    _check_every_page(browser, served, _pages(planted_site))


def test_no_payload_runs_from_file_urls(browser, planted_site: PlantedSite) -> None:
    # from a USB stick: the top-level pages, one planted case and record, a methodology
    # page of each kind (the theme's scripts take other paths over file://)
    first = planted_site.planted.cases[0]
    pages = [p for p in _pages(planted_site) if "/" not in p or p.startswith(f"cases/{first}/")
             or p.startswith(("xss/title-000", "xss/heading-000", "xss/000 ", "xss/body-000"))]
    _check_every_page(browser, planted_site.site.as_uri() + "/", pages)


@pytest.mark.parametrize("transport", ["http", "file"])
def test_search_results_run_nothing(browser, planted_site: PlantedSite, served: str, transport: str) -> None:
    base = served if transport == "http" else planted_site.site.as_uri() + "/"
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORDER)
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        tab.goto(base + "index.html", wait_until="load")
        results = 0
        for index, query in enumerate(SEARCHES):
            tab.click(".md-search__input")
            # typed key by key once over http; else whole: over file:// the search runs in the
            # page itself, and each key would be a search of this very large index
            if index == 0 and transport == "http":
                tab.locator(".md-search__input").press_sequentially(query, delay=20, timeout=120000)
            else:
                tab.fill(".md-search__input", query, timeout=120000)
                tab.press(".md-search__input", "End")  # the theme searches on key-up
            tab.wait_for_function(f"document.querySelector('.md-search__input').value === {json.dumps(query)}")
            tab.wait_for_selector(".md-search-result__item", timeout=120000)
            tab.wait_for_timeout(300)  # the results of this very query replace the previous ones
            results += tab.locator(".md-search-result__item").count()
            # the result list is built from the index with innerHTML: hover and open its entries
            for item in tab.locator(".md-search-result__item").all()[:10]:
                item.hover()
            assert tab.evaluate(SCAN) == [], query
        tab.evaluate(INTERACT)
        assert results > 0
        assert dialogs == [] and tab.evaluate("window.__xss.slice()") == []
    finally:
        context.close()
