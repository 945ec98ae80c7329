"""Text normalisation seen by every detector.

Normalisation is done line by line so that line numbers of findings keep
referring to the original text: ``normalize_lines(text)`` returns exactly as
many lines as ``split_lines(text)``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from .lazy_re import lazy_compile

# zero-width and invisible formatting characters removed before matching
_ZERO_WIDTH = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064\u034f"), None
)

# Serbian / Montenegrin Cyrillic -> Latin (gaj alphabet), incl. Montenegrin Ś, Ź
_CYR = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Ђ": "Đ", "Е": "E", "Ж": "Ž",
    "З": "Z", "И": "I", "Ј": "J", "К": "K", "Л": "L", "Љ": "Lj", "М": "M", "Н": "N",
    "Њ": "Nj", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "Ć", "У": "U",
    "Ф": "F", "Х": "H", "Ц": "C", "Ч": "Č", "Џ": "Dž", "Ш": "Š",
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
    # Macedonian / Russian letters that may turn up
    "Ѓ": "Gj", "ѓ": "gj", "Ќ": "Kj", "ќ": "kj", "Ѕ": "Dz", "ѕ": "dz",
    "Й": "J", "й": "j", "Ы": "Y", "ы": "y", "Э": "E", "э": "e", "Ю": "Ju", "ю": "ju",
    "Я": "Ja", "я": "ja", "Ь": "", "ь": "", "Ъ": "", "ъ": "", "Щ": "Šč", "щ": "šč",
    "Ё": "E", "ё": "e", "Є": "Je", "є": "je", "І": "I", "і": "i", "Ї": "Ji", "ї": "ji",
}
_CYR_TABLE = {ord(k): v for k, v in _CYR.items()}
_CYR_RE = lazy_compile("[\u0400-\u04ff]")
# every Unicode space (after NFKC some remain, e.g. U+3000 becomes U+0020 but
# U+2028/U+2029 do not) becomes a plain space; tabs are kept as spaces too
_SPACES_RE = lazy_compile(r"[\t\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x0b\x0c\x1c-\x1f\x85]")
_ASCII_SAFE = lazy_compile(r"^[\x20-\x7e]*$")
# a character that _normalize_line changes even in NFKC text
_NEEDS_WORK = lazy_compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064\u034f\u0400-\u04ff\r"
    "\t\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x0b\x0c\x1c-\x1f\x85]"
)


def split_lines(text: str) -> list[str]:
    """Lines as git and editors count them: split on LF, a trailing CR dropped."""
    lines = text.split("\n")
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


@lru_cache(maxsize=65536)
def _normalize_line_cached(line: str) -> str:
    return _normalize_line(line)


def _normalize_line(line: str) -> str:
    if _ASCII_SAFE.match(line):
        return line
    s = line.translate(_ZERO_WIDTH)
    s = unicodedata.normalize("NFKC", s)
    if _CYR_RE.search(s):
        s = s.translate(_CYR_TABLE)
    s = _SPACES_RE.sub(" ", s)
    s = s.replace("\r", " ").replace("\n", " ")
    # NFKC may have produced new zero-width marks? (it does not, but keep safe)
    return s.translate(_ZERO_WIDTH)


def normalize_line(line: str) -> str:
    """NFKC, zero-width characters removed, any space as U+0020, Cyrillic as Latin."""
    if len(line) < 512:
        return _normalize_line_cached(line)
    return _normalize_line(line)


def normalize_lines(text: str) -> list[str]:
    """``[normalize_line(ln) for ln in split_lines(text)]``, without the per-line work when the
    whole text is already normal (NFKC, no zero-width characters, Cyrillic, odd spaces or CR)."""
    if _NEEDS_WORK.search(text) is None and (text.isascii() or unicodedata.is_normalized("NFKC", text)):
        return text.split("\n")
    return [normalize_line(ln) for ln in split_lines(text)]


def normalize_value(value: str) -> str:
    """Canonical form of a value for fingerprints: normalised, trimmed,
    inner whitespace collapsed, case folded."""
    s = _normalize_line(value.replace("\n", " "))
    s = " ".join(s.split())
    return s.casefold()
