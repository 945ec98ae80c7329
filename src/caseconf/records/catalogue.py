"""The message catalogue: gettext `.po` files per language under `caseconf/locale/`.

Every user-facing string has an English msgid (the text itself) and a translation per team
language in `locale/<lang>/LC_MESSAGES/<domain>.po`. At run time the compiled `.mo` is read
with the standard library's `gettext` (milliseconds, no Babel import: the commit hook stays
quick). `make i18n` compiles the `.mo` files next to the `.po` ones; an `.mo` that is missing
or older than its `.po` (its header records the `.po`'s hash) is compiled once with Babel
into the user cache, so an editable install and a wheel built without `make` both work.

`msg("English text")` is a `Message` (a mapping language -> text) served from the catalogue,
so code written for the old `{"cs": …, "sr-Latn": …, "en": …}` dicts keeps working
unchanged: `render(message, lang)`, `message.get(lang)`, `message["en"]`.
"""

from __future__ import annotations

import atexit
import gettext
import hashlib
import io
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Mapping

LANGUAGES = ("cs", "sr-Latn", "en")
DOMAIN = "caseconf"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
SOURCE_HASH_ID, SOURCE_HASH_CONTEXT = "source-sha256", "caseconf-build"
# gettext folder names (POSIX locale style) and Babel/CLDR locale ids of the team languages.
GETTEXT_DIR = {"cs": "cs", "sr-Latn": "sr_Latn", "en": "en"}
CLDR_LOCALE = {"cs": "cs_CZ", "sr-Latn": "sr_Latn_ME", "en": "en_GB"}

# msgids looked up but absent from a language's catalogue during this run (the leak test reads it).
MISSES: set[tuple[str, str, str | None, str]] = set()
MISSES_ENV = "CASECONF_I18N_MISSES"  # a file to append this run's misses to, one JSON line each


def _report_misses() -> None:
    target = os.environ.get(MISSES_ENV)
    if not target or not MISSES:
        return
    import json

    with open(target, "a", encoding="utf-8") as handle:
        for lang, domain, context, msgid in sorted(MISSES, key=str):
            handle.write(json.dumps({"lang": lang, "domain": domain, "context": context, "msgid": msgid},
                                    ensure_ascii=False) + "\n")


if os.environ.get(MISSES_ENV):
    atexit.register(_report_misses)


def po_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / GETTEXT_DIR.get(lang, lang) / "LC_MESSAGES" / f"{domain}.po"


def source_hash(po_file: Path) -> str:
    return hashlib.sha256(po_file.read_bytes()).hexdigest()


def compile_po(po_file: Path) -> bytes:
    """The `.mo` bytes of a `.po` file, carrying the `.po`'s hash (Babel does the work: it also
    writes the CLDR plural rule of the language into Plural-Forms)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    # the .po's hash travels inside the .mo (as an entry: Babel keeps no custom header), so a
    # stale .mo is recognised without comparing mtimes (a git checkout sets them arbitrarily)
    catalog.add(SOURCE_HASH_ID, source_hash(po_file), context=SOURCE_HASH_CONTEXT)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _fresh(mo_bytes: bytes, wanted: str) -> bool:
    return wanted.encode("ascii") in mo_bytes


def _cache_dir() -> Path:
    from ..cachedir import user_cache

    return user_cache("locale")


def _mo_bytes(lang: str, domain: str) -> bytes | None:
    po_file = po_path(lang, domain)
    if not po_file.is_file():
        return None
    wanted = source_hash(po_file)
    shipped = po_file.with_suffix(".mo")
    if shipped.is_file():
        data = shipped.read_bytes()
        if _fresh(data, wanted):
            return data
    cached = _cache_dir() / f"{GETTEXT_DIR.get(lang, lang)}-{domain}-{wanted[:16]}.mo"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    data = compile_po(po_file)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        # atomically: commit hooks run in parallel and must never read half a file
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, cached)
    except OSError:  # a read-only home: compile again next time rather than fail
        pass
    return data


@lru_cache(maxsize=None)
def translations(lang: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    data = _mo_bytes(lang, domain)
    if data is None:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(data))


def lookup(lang: str, msgid: str, context: str | None = None, domain: str = DOMAIN) -> str:
    """The translation of `msgid` into `lang`; the msgid itself (English) when there is none."""
    catalog = translations(lang, domain)
    found = catalog.pgettext(context, msgid) if context else catalog.gettext(msgid)
    if lang != "en" and found == msgid and not _has(catalog, msgid, context):
        MISSES.add((lang, domain, context, msgid))
    return found


def _has(catalog: gettext.NullTranslations, msgid: str, context: str | None) -> bool:
    entries: dict[Any, str] = getattr(catalog, "_catalog", {})
    key = f"{context}\x04{msgid}" if context else msgid
    return key in entries and entries[key] != ""


def nlookup(lang: str, singular: str, plural: str, count: int, context: str | None = None,
            domain: str = DOMAIN) -> str:
    """The plural form for `count` (CLDR rules of the language, via the catalogue's Plural-Forms)."""
    catalog = translations(lang, domain)
    if context:
        found = catalog.npgettext(context, singular, plural, count)
    else:
        found = catalog.ngettext(singular, plural, count)
    entries: dict[Any, str] = getattr(catalog, "_catalog", {})
    if lang != "en" and (f"{context}\x04{singular}" if context else singular, 0) not in entries:
        MISSES.add((lang, domain, context, singular))
    return found


class CatalogueMessage(Mapping[str, str]):
    """A `Message` whose texts come from the catalogue: `msg("Open actions")["cs"]`."""

    __slots__ = ("msgid", "context")

    def __init__(self, msgid: str, context: str | None = None) -> None:
        self.msgid = msgid
        self.context = context

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return lookup(lang, self.msgid, self.context)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)

    def __repr__(self) -> str:
        return f"msg({self.msgid!r}" + (f", context={self.context!r})" if self.context else ")")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CatalogueMessage):
            return (self.msgid, self.context) == (other.msgid, other.context)
        return Mapping.__eq__(self, other)

    def __hash__(self) -> int:
        return hash((self.msgid, self.context))


class PluralMessage(CatalogueMessage):
    """A message with a count: `nmsg("{n} day", "{n} days", count="n")`; `render` picks the
    plural form from the parameter named by `count` (CLDR: cs 1/2–4/5+, sr 1,21/2–4,22–24/…)."""

    __slots__ = ("plural", "count")

    def __init__(self, singular: str, plural: str, count: str, context: str | None = None) -> None:
        super().__init__(singular, context)
        self.plural = plural
        self.count = count

    def __getitem__(self, lang: str) -> str:  # without a count: the "other" form
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return nlookup(lang, self.msgid, self.plural, 5, self.context)

    def for_count(self, lang: str, count: int) -> str:
        return nlookup(lang, self.msgid, self.plural, count, self.context)


def msg(msgid: str, context: str | None = None) -> CatalogueMessage:
    return CatalogueMessage(msgid, context)


def nmsg(singular: str, plural: str, count: str, context: str | None = None) -> PluralMessage:
    return PluralMessage(singular, plural, count, context)


class PerLanguage(Mapping[str, Any]):
    """A table keyed by language first (`TABLE[lang][key]`, `TABLE.get(lang)`), built from one
    structure of `msg(...)` leaves: what the converter makes of `{"cs": {...}, "en": {...}}`."""

    __slots__ = ("structure",)

    def __init__(self, structure: Any) -> None:
        self.structure = structure

    def __getitem__(self, lang: str) -> Any:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return _resolve(self.structure, lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


def _resolve(node: Any, lang: str) -> Any:
    if isinstance(node, CatalogueMessage):
        return node[lang]
    if isinstance(node, dict):
        return {key: _resolve(value, lang) for key, value in node.items()}
    if isinstance(node, tuple):
        return tuple(_resolve(value, lang) for value in node)
    if isinstance(node, list):
        return [_resolve(value, lang) for value in node]
    return node


def per_language(structure: Any) -> PerLanguage:
    return PerLanguage(structure)


def tx(lang: str, msgid: str, context: str | None = None, **params: Any) -> str:
    """Translate and fill in one string: `tx(lang, "Open actions as of {day}", day=...)`."""
    text = lookup(lang, msgid, context)
    return text.format_map(_Safe(params)) if params else text


def ntx(lang: str, singular: str, plural: str, count: int, context: str | None = None, **params: Any) -> str:
    """Translate with the CLDR plural form for `count`; `{count}` is filled in too."""
    text = nlookup(lang, singular, plural, count, context)
    return text.format_map(_Safe({"count": count, **params}))


class _Safe(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
