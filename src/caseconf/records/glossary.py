"""The one glossary (locale/glossary.yml): each term in Czech, Montenegrin (Latin) and English.

The catalogue's vocabulary labels must agree with it (tests/i18n/test_glossary.py), and the
methodology packs' glossary pages take their tables from it: `refresh_glossary_tables`
rewrites what stands between a page's `<!-- caseconf:glossary SECTION LANG -->` and
`<!-- /caseconf:glossary -->` markers (`make i18n` runs it over the packs and this
repository's methodology/, `tools/i18n.py check` fails when a page is behind the file).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .catalogue import msg

GLOSSARY_FILE = Path(__file__).resolve().parent.parent / "locale" / "glossary.yml"
LANGS = ("cs", "sr-Latn", "en")
# a page's table: its section and the page's language; the table itself is generated
TABLE_BLOCK = re.compile(r"(<!-- caseconf:glossary (?P<section>[a-z_]+) (?P<lang>[A-Za-z-]+) -->\n)"
                         r"(?P<table>.*?)(?=<!-- /caseconf:glossary -->)", re.DOTALL)


@dataclass(frozen=True)
class Term:
    key: str
    texts: dict[str, str]  # language -> the term
    vocabulary: bool = False  # a vocabulary key whose label the catalogue serves
    avoid: dict[str, tuple[str, ...]] = field(default_factory=dict)  # corrected wordings, per language
    note: str = ""
    id: str = ""  # unique name of the entry (the key unless two entries share it)
    long: dict[str, str] = field(default_factory=dict)  # the fuller form a glossary page shows
    explain: dict[str, str] = field(default_factory=dict)  # a glossary page's explanation column
    keys: tuple[str, ...] = ()  # values written in files that a glossary page lists for it

    def text(self, lang: str) -> str:
        return self.texts.get(lang) or self.texts["en"]

    def page_text(self, lang: str) -> str:
        return self.long.get(lang) or self.text(lang)


@dataclass(frozen=True)
class PageSection:
    name: str
    term_ids: tuple[str, ...]
    explain: bool = False


@lru_cache(maxsize=1)
def _data() -> dict:
    import yaml

    return yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def glossary() -> tuple[Term, ...]:
    return tuple(Term(key=entry["key"], texts={lang: entry[lang] for lang in LANGS if lang in entry},
                      vocabulary=bool(entry.get("vocabulary")),
                      avoid={lang: tuple(words) for lang, words in (entry.get("avoid") or {}).items()},
                      note=entry.get("note", ""), id=entry.get("id") or entry["key"],
                      long=dict(entry.get("long") or {}), explain=dict(entry.get("explain") or {}),
                      keys=tuple(entry["keys"]) if "keys" in entry else (entry["key"],))
                 for entry in _data()["terms"])


def term_by_id() -> dict[str, Term]:
    return {term.id: term for term in glossary()}


@lru_cache(maxsize=1)
def page_sections() -> dict[str, PageSection]:
    return {item["section"]: PageSection(item["section"], tuple(item["terms"]), bool(item.get("explain")))
            for item in _data().get("pages") or ()}


def _cell(text: str) -> str:
    # a Markdown table cell of our own data: no HTML, no column break
    return html.escape(text, quote=False).replace("|", "\\|")


# the column names a reader sees, from the catalogue
_COLUMNS = {"cs": msg("Czech", "glossary page"), "sr-Latn": msg("Montenegrin", "glossary page"),
            "en": msg("English", "glossary page"), "key": msg("Key", "glossary page"),
            "explain": msg("Explanation", "glossary page")}


def column_order(page_lang: str) -> tuple[str, ...]:
    """The page's own language first, then the other team language, then English."""
    others = [lang for lang in ("cs", "sr-Latn") if lang != page_lang]
    return (page_lang, *others, "en") if page_lang in ("cs", "sr-Latn") else ("en", "cs", "sr-Latn")


def glossary_table(section: str, page_lang: str) -> str:
    """One section of a glossary page as a Markdown table; a cell in another language than the
    page is marked so (`<span lang="…">`): screen readers read it in that language."""
    spec = page_sections()[section]
    terms = term_by_id()
    langs = column_order(page_lang)
    header = [_COLUMNS[column][page_lang] for column in (*langs, "key", *(("explain",) if spec.explain else ()))]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for term_id in spec.term_ids:
        term = terms[term_id]
        cells = [_cell(term.page_text(lang)) if lang == page_lang
                 else f'<span lang="{lang}">{_cell(term.page_text(lang))}</span>' for lang in langs]
        cells.append(", ".join(f"`{key}`" for key in term.keys) or "–")
        if spec.explain:
            cells.append(_cell(term.explain.get(page_lang) or term.explain.get("en", "")))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def refresh_glossary_tables(text: str) -> str:
    """`text` with every marked glossary table written anew from the glossary."""
    return TABLE_BLOCK.sub(lambda m: m.group(1) + glossary_table(m.group("section"), m.group("lang")), text)


def glossary_pages(project: Path) -> list[Path]:
    """The pages with glossary tables: the packs `init` copies and the repository's own methodology/."""
    folders = [project / "src" / "caseconf" / "templates" / "packs", project / "methodology"]
    return sorted(page for folder in folders if folder.is_dir() for page in folder.rglob("*.md")
                  if "<!-- caseconf:glossary " in page.read_text(encoding="utf-8"))


def stale_glossary_pages(project: Path, write: bool = False) -> list[Path]:
    """Pages whose tables differ from the glossary (rewritten when `write`)."""
    stale = []
    for page in glossary_pages(project):
        old = page.read_text(encoding="utf-8")
        new = refresh_glossary_tables(old)
        if new != old:
            stale.append(page)
            if write:
                page.write_text(new, encoding="utf-8")
    return stale
