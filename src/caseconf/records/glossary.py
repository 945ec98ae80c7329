"""The one glossary (locale/glossary.yml): each term in Czech, Montenegrin (Latin) and English.

The site can list it, the catalogue's vocabulary labels must agree with it, and the
methodology packs' glossary pages are checked against it (tests/i18n/test_glossary.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

GLOSSARY_FILE = Path(__file__).resolve().parent.parent / "locale" / "glossary.yml"


@dataclass(frozen=True)
class Term:
    key: str
    texts: dict[str, str]  # language -> the term
    vocabulary: bool = False  # a vocabulary key whose label the catalogue serves
    avoid: dict[str, tuple[str, ...]] = field(default_factory=dict)  # corrected wordings, per language
    note: str = ""

    def text(self, lang: str) -> str:
        return self.texts.get(lang) or self.texts["en"]


@lru_cache(maxsize=1)
def glossary() -> tuple[Term, ...]:
    import yaml

    data = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
    return tuple(Term(key=entry["key"], texts={lang: entry[lang] for lang in ("cs", "sr-Latn", "en") if lang in entry},
                      vocabulary=bool(entry.get("vocabulary")),
                      avoid={lang: tuple(words) for lang, words in (entry.get("avoid") or {}).items()},
                      note=entry.get("note", ""))
                 for entry in data["terms"])
