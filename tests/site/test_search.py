"""Search as people type: without diacritics, in any inflected form, served and from file://.

The queries are TYPED into the theme's real search box in headless Chromium, key by key."""

from __future__ import annotations

import contextlib
import http.server
import json
import re
import socket
import threading
from functools import partial
from pathlib import Path
from typing import Iterator

import pytest

from ..helpers import run_caseconf
from .conftest import BuiltSite
from .sites import mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# (typed without diacritics, as written): each pair must find exactly the same pages
CS_PAIRS = (("ukol", "úkol"), ("plan", "plán"), ("planu", "plánu"), ("planem", "plánem"), ("rodina", "rodině"))
SR_PAIRS = (("slucaj", "slučaj"), ("slucaju", "slučaju"), ("zastite", "zaštite"), ("sprovodjenje", "sprovođenje"),
            ("sprovodenje", "sprovođenje"))


def typed_search(page, query: str) -> tuple[int, list[str]]:
    """Type `query` into the search box; (number of pages found, the first results' text)."""
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.click("label.md-header__button[for=__search]")
    box.click()
    box.fill("")
    # shown for an empty box, until the theme has an answer
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                                ".translations['search.result.placeholder']")
    page.wait_for_function("""(text) => document.querySelector('.md-search-result__meta')
                                  .textContent.trim() === text.trim()""", arg=placeholder, timeout=30000)
    box.press_sequentially(query, delay=40)
    # The theme answers once its index is built (slow on a loaded machine), then after each
    # key: wait for an answer to the whole query that stays the same for a moment.
    page.wait_for_function(
        """([q, placeholder]) => { const meta = document.querySelector('.md-search-result__meta');
                      const box = document.querySelector('.md-search__input');
                      return box.value === q && meta && meta.textContent.trim() !== placeholder.trim(); }""",
        arg=[query, placeholder], timeout=30000)
    previous = None
    for _ in range(20):
        page.wait_for_timeout(300)
        meta = page.inner_text(".md-search-result__meta")
        if meta == previous:
            break
        previous = meta
    numbers = re.findall(r"\d+", meta)
    count = int(numbers[0]) if numbers else 0
    items = page.locator(".md-search-result__item").all_inner_texts()[:3]
    return count, items


def assert_pairs_match(page, pairs) -> None:
    for plain, written in pairs:
        found_plain, items = typed_search(page, plain)
        found_written, _ = typed_search(page, written)
        assert found_plain > 0, f"{plain!r} finds nothing"
        assert found_plain == found_written, (plain, found_plain, written, found_written)
    # snippets keep the original spelling and highlight it
    typed_search(page, pairs[0][0])
    marks = page.locator(".md-search-result__item mark").all_inner_texts()
    assert any(mark.casefold().startswith(pairs[0][1]) for mark in marks), marks[:10]


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def montenegrin_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A team created by `caseconf init --jurisdiction me` (sr-Latn pages), built for real."""
    import datetime as dt

    root = tmp_path_factory.mktemp("me") / "tim"
    result = run_caseconf("init", str(root), "--jurisdiction", "me", "--office", "PG=CSR Podgorica")
    assert result.code == 0, result.err
    build = mkdocs_build(root, root / "site")
    assert build.returncode == 0, build.stderr[-3000:]
    return BuiltSite(root, root / "site", dt.date.today())


def test_the_index_is_built_for_folding_and_cells_are_spaced(demo_site) -> None:
    data = json.loads((demo_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["config"]["lang"] == ["caseconf"]
    assert (demo_site.site / "assets/javascripts/lunr/min/lunr.caseconf.min.js").is_file()
    cases = next(doc for doc in data["docs"] if doc["location"] == "cases/index.html")
    assert "PřípadPracoviště" not in cases["text"] and "Případ Pracoviště" in cases["text"]


def test_czech_typed_without_diacritics_from_file(demo_site, page) -> None:
    page.goto(demo_site.url("index.html"))
    assert_pairs_match(page, CS_PAIRS)
    assert page.remote == []


def test_czech_typed_without_diacritics_served(demo_site, page) -> None:
    with served(demo_site.site) as base:
        page.goto(base + "index.html")
        assert_pairs_match(page, CS_PAIRS[:3])


def test_montenegrin_typed_without_diacritics_from_file_and_served(montenegrin_site, page) -> None:
    page.goto(montenegrin_site.url("index.html"))
    assert_pairs_match(page, SR_PAIRS)
    with served(montenegrin_site.site) as base:
        page.goto(base + "index.html")
        assert_pairs_match(page, SR_PAIRS[:2])
    assert [url for url in page.remote if not url.startswith("http://127.0.0.1")] == []


def test_folding_and_stemming_rules(demo_site, page) -> None:
    """The small rules, on words a test of the whole page might not reach."""
    page.goto(demo_site.url("index.html"))
    script = (demo_site.site / "assets/javascripts/lunr/min/lunr.caseconf.min.js").read_text(encoding="utf-8")
    result = page.evaluate("""(source) => {
        const lunr = { Pipeline: { registerFunction() {} }, QueryLexer: function () {} };
        lunr.QueryLexer.prototype.run = function () {};
        new Function("self", source)({ lunr });
        const c = lunr.caseconf;
        return { fold: ["ÚKOL", "Dítě", "đak", "Čeština"].map(c.fold),
                 stem: ["plánu", "plánem", "úkolů", "úkoly", "plán", "JI", "a12", "mjerama"].map(c.queryTerm),
                 star: c.queryTerm("plánu*") };
    }""", script)
    assert result["fold"] == ["ukol", "dite", "dak", "cestina"]
    assert result["stem"] == ["plan", "plan", "ukol", "ukol", "plan", "ji", "a12", "mjer"]
    assert result["star"] == "planu*"  # a wildcard is the person's own prefix: only folded
