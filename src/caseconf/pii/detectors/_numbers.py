"""Numbers as people write them: digit groups split by spaces, a slash or a (Markdown) line break.

A checksum identifier is personal data in any grouping (`2304985 21 006 6`, `230 498 521
0066`, a birth number wrapped over two lines), so the birth-number and JMBG detectors look
at every run of digit groups and test each stretch of whole groups with the right count
of digits against the checksum."""

from __future__ import annotations

import re
from functools import lru_cache
from ..lazy_re import lazy_compile

# a gap between two digit groups: one or two spaces, a slash (birth numbers), or a line
# break, Markdown's hard break ("  \n", "\\\n") included
_GAP = r"(?:[ \t]{1,2}|[ \t]?/[ \t]?(?:\\?\n[ \t]*)?|[ \t]*\\?\n[ \t]*(?:/[ \t]?)?)"
_CHAIN = lazy_compile(r"(?<![\d/.\-+])\d+(?:" + _GAP + r"\d+)*")
_DIGITS9 = lazy_compile(r"\d(?:\D{0,4}\d){8}")  # nine digits close together: the least any of them needs
MAX_GROUPS = 8
_GROUP = lazy_compile(r"\d+")


def may_hold_long_number(text: str) -> bool:
    return _DIGITS9.search(text) is not None


def stretches(text: str, lengths: tuple[int, ...]) -> list[tuple[int, int, str, tuple[int, ...]]]:
    """(start, end, digits, positions of a slash in the digits) for every stretch of whole digit
    groups whose digit count is in `lengths` and that is not glued to a longer token."""
    return [s for s in _stretches(text) if len(s[2]) in lengths]


@lru_cache(maxsize=4)  # the two detectors ask in turn about the same text; texts may be long
def _stretches(text: str) -> tuple[tuple[int, int, str, tuple[int, ...]], ...]:
    """Every stretch of 9, 10 or 13 digits (what the birth-number and JMBG detectors ask for),
    worked out once per text for both."""
    out = []
    lengths = (9, 10, 13)
    for m in _CHAIN.finditer(text):
        chain = m.group(0)
        if len(chain) < 9 or sum(map(str.isdigit, chain)) < 9:
            continue  # a date, a time, an amount: too few digits for any identifier
        base = m.start()
        groups = [(g.start() + base, g.end() + base) for g in _GROUP.finditer(chain)]
        for i in range(len(groups)):
            digits = ""
            slashes: list[int] = []
            for j in range(i, min(len(groups), i + MAX_GROUPS)):
                if j > i:
                    if "/" in text[groups[j - 1][1]:groups[j][0]]:
                        slashes.append(len(digits))
                digits += text[groups[j][0]:groups[j][1]]
                if len(digits) > max(lengths):
                    break
                if len(digits) in lengths:
                    start, end = groups[i][0], groups[j][1]
                    if _glued(text, start, end):
                        continue
                    out.append((start, end, digits, tuple(slashes)))
    return tuple(out)


def _glued(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start] if start else ""
    after = text[end:end + 2]
    if before and (before.isalnum() or before in "/.-+_"):
        return True
    if after[:1].isalnum() or after[:1] == "_":
        return True
    # "0501-123/2025", "123456/2024-5": a longer reference
    return bool(re.match(r"[\-/]\d|\.\d", after))
