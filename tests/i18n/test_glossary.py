"""One glossary: the catalogue's vocabulary labels, the corrected wordings and the packs' glossary pages agree."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from babel.messages.pofile import read_po

from caseconf.records.catalogue import LOCALE_DIR
from caseconf.records.glossary import glossary, glossary_pages, page_sections, stale_glossary_pages, term_by_id
from caseconf.records.vocab_labels import VOCAB_LABELS

PROJECT = Path(__file__).resolve().parents[2]
PACKAGE = PROJECT / "src" / "caseconf"
LANGS = ("cs", "sr-Latn", "en")
PO_DIR = {"cs": "cs", "sr-Latn": "sr_Latn"}
# the packs' glossary pages and this demo's copy
GLOSSARY_PAGES = ("src/caseconf/templates/packs/cz/metodika/slovnik.md",
                  "src/caseconf/templates/packs/me/metodologija/pojmovnik.md", "methodology/metodika/slovnik.md")
# column header -> language
HEADER_LANG = {"česky": "cs", "čeština": "cs", "český": "cs", "češki": "cs", "crnogorski": "sr-Latn",
               "černohorsky": "sr-Latn", "černohorský": "sr-Latn", "engleski": "en", "anglicky": "en", "anglický": "en"}


@lru_cache(maxsize=1)
def _avoided() -> list[tuple[str, str, str]]:
    """(where it is listed, language, wording): the terms' corrected wordings and the
    native reader's other corrections (glossary.yml `corrections:`)."""
    import yaml

    from caseconf.records.glossary import GLOSSARY_FILE

    corrections = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8")).get("corrections") or {}
    return [(term.key, lang, word) for term in glossary() for lang, words in term.avoid.items() for word in words] \
        + [(f"correction: {item['right']}", lang, item["wrong"]) for lang, items in corrections.items() for item in items]


def _contains(text: str, word: str) -> bool:
    # a key path such as roles.facilitator or `facilitator` is a key, not the wording
    return re.search(rf"(?<![\w.`]){re.escape(word)}(?![\w.`])", text, re.IGNORECASE) is not None


def test_every_vocabulary_label_is_the_glossary_term() -> None:
    terms = {term.key: term for term in glossary() if term.vocabulary}
    assert set(terms) == set(VOCAB_LABELS), "glossary.yml and vocab_labels.py list different keys"
    wrong = [(key, lang, VOCAB_LABELS[key][lang], term.text(lang)) for key, term in terms.items() for lang in LANGS
             if VOCAB_LABELS[key][lang] != term.text(lang)]
    assert not wrong


def test_the_corrections_are_in_the_vocabulary() -> None:
    label = {key: VOCAB_LABELS[key] for key in VOCAB_LABELS}
    assert label["probation_officer"]["sr-Latn"] == "službenik za probaciju"
    assert label["family_worker"]["sr-Latn"] == "porodični saradnik" and label["family_worker"]["cs"] == "pracovník SAS"
    assert label["school_counsellor"]["cs"] == "výchovný poradce"
    assert label["facilitator"]["sr-Latn"] == "voditelj konferencije"


@pytest.mark.parametrize("lang", ["cs", "sr-Latn"])
def test_no_corrected_wording_is_left_in_the_catalogue(lang: str) -> None:
    found = []
    for po in sorted((LOCALE_DIR / PO_DIR[lang] / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
            for key, avoid_lang, word in _avoided():
                if avoid_lang == lang and any(s and _contains(s, word) for s in strings):
                    found.append((po.name, message.id, word, key))
    assert not found


def _readable(page: str, lang: str) -> str:
    """A pack page's own wording: without the cells marked as another language (the glossary's
    other columns) and without the keys of its YAML examples (`facilitator:` is a record key,
    the contract, not a word); the comments of those examples are wording and stay."""
    text = re.sub(r'<span lang="(?!' + re.escape(lang) + r')[^"]*">[^<]*</span>', " ", page)
    return re.sub(r"```.*?```", lambda block: re.sub(r"(?m)^(\s*-?\s*)[a-z_]+:", r"\1", block.group(0)),
                  text, flags=re.DOTALL)


def test_no_corrected_wording_is_left_in_the_packs_or_rules() -> None:
    folders = {"cs": [PACKAGE / "templates" / "packs" / "cz", PROJECT / "methodology"],
               "sr-Latn": [PACKAGE / "templates" / "packs" / "me"]}
    found = []
    for key, lang, word in _avoided():
        for folder in folders.get(lang, []):
            for page in sorted(p for p in folder.rglob("*.md") if "en" not in p.relative_to(folder).parts):
                if _contains(_readable(page.read_text(encoding="utf-8"), lang), word):
                    found.append(f"{page.relative_to(PROJECT)}: {word!r} (glossary: {key})")
        for module in sorted((PACKAGE / "rules").glob("*.py")):
            if lang == "cs" and _contains(module.read_text(encoding="utf-8"), word):
                found.append(f"{module.relative_to(PACKAGE)}: {word!r} (glossary: {key})")
    assert not found


def test_the_readable_text_keeps_wording_and_drops_keys() -> None:
    page = ('| voditelj konferencije | <span lang="en">facilitator</span> |\n'
            "```yaml\nroles:\n  facilitator: {role: csr_worker}   # facilitator vodi\n```\n")
    text = _readable(page, "sr-Latn")
    assert "voditelj konferencije" in text and text.count("facilitator") == 1 and "# facilitator vodi" in text


def _glossary_rows(page: Path) -> list[dict[str, str]]:
    rows, header = [], None
    for line in page.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            header = None
            continue
        # a cell in another language than the page is marked so (`<span lang="en">`): its text counts
        cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in line.strip().strip("|").split("|")]
        if header is None:
            header = [HEADER_LANG.get(cell.casefold(), cell.casefold()) for cell in cells]
        elif not set(line) <= set("|-: "):
            rows.append(dict(zip(header, cells)))
    return rows


def test_the_glossary_pages_are_written_from_the_glossary() -> None:
    """The tables of the packs' glossary pages (and of this demo's methodology/) are the
    glossary's: `make i18n` writes them, so there is no second, hand-kept copy."""
    pages = glossary_pages(PROJECT)
    assert {page.relative_to(PROJECT).as_posix() for page in pages} >= set(GLOSSARY_PAGES), pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert {section for section in page_sections() if f"<!-- caseconf:glossary {section} " in text} \
            == set(page_sections()), f"{page}: every section of the glossary has its table"
    assert not stale_glossary_pages(PROJECT), "the glossary pages are behind locale/glossary.yml: run `make i18n`"


def test_the_packs_glossary_pages_use_the_glossary_terms() -> None:
    """Read back as a person reads the page: each row's words are the glossary's term."""
    shown = [term_by_id()[term_id] for section in page_sections().values() for term_id in section.term_ids]
    by_keys: dict[tuple[str, ...], list] = {}
    for term in shown:  # `minutes` is both the document and the minute-taker
        by_keys.setdefault(term.keys, []).append(term)
    differences, seen = [], 0
    for rel in GLOSSARY_PAGES:
        for row in _glossary_rows(PROJECT / rel):
            keys = tuple(re.findall(r"`([a-z0-9_]+)`", " ".join(v for k, v in row.items() if k not in LANGS)))
            candidates = by_keys.get(keys)
            assert candidates, f"{rel}: a row for {keys} that the glossary does not have"
            seen += 1
            if not any(all(row.get(lang, "").casefold() == term.page_text(lang).casefold() for lang in LANGS)
                       for term in candidates):
                differences.append(f"{rel} {keys}: {row} vs {[t.page_text('cs') for t in candidates]}")
    assert seen == len(shown) * len(GLOSSARY_PAGES)
    assert not differences


def test_a_page_form_is_the_term_itself_and_explained() -> None:
    """The fuller form a glossary page shows contains the term the labels use (one word for
    one thing); each term a page lists exists and, where the page explains, is explained in
    every language."""
    terms = term_by_id()
    assert len(terms) == len(glossary()), "two glossary entries share a key and neither has its own id"
    problems = []
    for section in page_sections().values():
        for term_id in section.term_ids:
            term = terms.get(term_id)
            if term is None:
                problems.append(f"{section.name}: no glossary entry {term_id!r}")
                continue
            for lang in LANGS:
                if term.text(lang).casefold() not in term.page_text(lang).casefold():
                    problems.append(f"{term_id} {lang}: {term.page_text(lang)!r} does not contain {term.text(lang)!r}")
                if section.explain and not term.explain.get(lang):
                    problems.append(f"{term_id} {lang}: no explanation")
            for _, avoid_lang, word in _avoided():
                if any(_contains(text, word) for text in (term.long.get(avoid_lang, ""),
                                                          term.explain.get(avoid_lang, ""))):
                    problems.append(f"{term_id} {avoid_lang}: uses the corrected {word!r}")
    assert not problems


def test_a_glossary_cell_cannot_break_the_table() -> None:
    from caseconf.records.glossary import _cell

    assert _cell("a | b <script>") == "a \\| b &lt;script&gt;"


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=40))
def test_any_glossary_text_stays_one_cell_of_plain_text(text: str) -> None:
    """Whatever glossary.yml says, a cell neither opens HTML nor adds a column to the table."""
    import markdown

    from caseconf.records.glossary import _cell

    row = f"| a | {_cell(text)} |"
    html = markdown.markdown(f"| x | y |\n|---|---|\n{row}\n", extensions=["tables"])
    assert html.count("<td") == 2 and "<script" not in html.casefold() and "<span" not in html
