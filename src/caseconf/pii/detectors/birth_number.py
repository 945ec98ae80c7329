"""Czech and Slovak birth numbers (rodné číslo): ten digits passing the mod-11 check and
holding a real date, in any grouping; nine-digit ones (born before 1954, no check digit)
only with a slash after the date part or a birth-number keyword near."""

from __future__ import annotations

import re

from ._base import Detector, Hit
from ._numbers import may_hold_long_number, stretches

from ...records.catalogue import msg
from ..lazy_re import lazy_compile

_KEYWORD = lazy_compile(
    r"(?i:r\.\s?č\.?|\brč\b|\brc\b|rodn[éého]+\s+č[íi]s|rodné č\.|birth\s*number|rodni\s+broj|r\.\s?b\.)"
)


def rc_valid(number: str) -> bool:
    from stdnum.cz import rc

    return rc.is_valid(number)


class BirthNumber(Detector):
    kind = "birth_number"
    code = "PII001"
    priority = 0
    labels = msg("birth number")
    mask_style = "digits"

    def may_hold(self, text: str) -> bool:
        return may_hold_long_number(text)

    def find(self, text: str, allow: frozenset[str] = frozenset(), lang: str = "cs", taken=()) -> list[Hit]:
        hits: list[Hit] = []
        for start, end, digits, slashes in stretches(text, (9, 10)):
            if slashes and slashes != (6,):
                continue  # a slash elsewhere: a reference or an account, not a birth number
            if not rc_valid(digits):
                continue
            if len(digits) == 9 and not slashes and not _keyword_near(text, start, end):
                continue
            hits.append(Hit(self.kind, start, end, text[start:end], (digits,)))
        return hits


def _keyword_near(text: str, start: int, end: int) -> bool:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    return _KEYWORD.search(text[max(ls, start - 40):min(le, end + 20)]) is not None
