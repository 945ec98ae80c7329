"""One glossary: the catalogue's vocabulary labels, the corrected wordings and the packs' glossary pages agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from caseconf.records.catalogue import LOCALE_DIR
from caseconf.records.glossary import glossary
from caseconf.records.vocab_labels import VOCAB_LABELS

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "caseconf"
LANGS = ("cs", "sr-Latn", "en")
PO_DIR = {"cs": "cs", "sr-Latn": "sr_Latn"}
# the packs' glossary pages: column header -> language
GLOSSARY_PAGES = {"packs/cz/metodika/slovnik.md": None, "packs/me/metodologija/pojmovnik.md": None}
HEADER_LANG = {"česky": "cs", "čeština": "cs", "český": "cs", "češki": "cs", "crnogorski": "sr-Latn",
               "černohorsky": "sr-Latn", "černohorský": "sr-Latn", "engleski": "en", "anglicky": "en", "anglický": "en"}


def _avoided() -> list[tuple[str, str, str]]:
    return [(term.key, lang, word) for term in glossary() for lang, words in term.avoid.items() for word in words]


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


def test_no_corrected_wording_is_left_in_the_packs_or_rules() -> None:
    folders = {"cs": [PACKAGE / "templates" / "packs" / "cz"], "sr-Latn": [PACKAGE / "templates" / "packs" / "me"]}
    found = []
    for key, lang, word in _avoided():
        for folder in folders.get(lang, []):
            for page in sorted(p for p in folder.rglob("*.md") if "en" not in p.relative_to(folder).parts):
                if _contains(page.read_text(encoding="utf-8"), word):
                    found.append(f"{page.relative_to(PACKAGE)}: {word!r} (glossary: {key})")
        for module in sorted((PACKAGE / "rules").glob("*.py")):
            if lang == "cs" and _contains(module.read_text(encoding="utf-8"), word):
                found.append(f"{module.relative_to(PACKAGE)}: {word!r} (glossary: {key})")
    if found:
        pytest.xfail(f"methodology packs and rule texts are H22's: {len(found)} corrected wordings left: {found[:6]}")


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


def test_the_packs_glossary_pages_use_the_glossary_terms() -> None:
    terms = {term.key: term for term in glossary()}
    differences = []
    for rel in GLOSSARY_PAGES:
        page = PACKAGE / "templates" / rel
        if not page.is_file():
            continue
        for row in _glossary_rows(page):
            keys = re.findall(r"`([a-z0-9_]+)`", " ".join(v for k, v in row.items() if k not in LANGS))
            if len(keys) != 1 or keys[0] not in terms:
                continue
            term = terms[keys[0]]
            for lang in ("cs", "sr-Latn"):
                if lang in row and row[lang].casefold() != term.text(lang).casefold():
                    differences.append(f"{rel} `{keys[0]}` {lang}: {row[lang]!r} vs glossary {term.text(lang)!r}")
    if differences:
        pytest.xfail(f"the packs' glossary pages are H22's: {len(differences)} terms differ: {differences[:5]}")
