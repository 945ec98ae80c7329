"""JMBG, the thirteen-digit personal number of Montenegro and the other former Yugoslav
states: the mod-11 check digit and a real date of birth, in any grouping."""

from __future__ import annotations

import datetime as _dt

from ._base import Detector, Hit
from ._numbers import may_hold_long_number, stretches

from ...records.catalogue import msg


def jmbg_valid(number: str) -> bool:
    from stdnum.si import emso  # the same check digit as JMBG

    if len(number) != 13 or number[4] not in "90":
        return False
    try:
        emso.validate(number)
        day, month, yyy = int(number[:2]), int(number[2:4]), int(number[4:7])
        year = 1000 + yyy if yyy >= 800 else 2000 + yyy
        _dt.date(year, month, day)
    except Exception:  # noqa: BLE001 - any invalid component means "not a JMBG"
        return False
    return True


class Jmbg(Detector):
    kind = "jmbg"
    code = "PII002"
    priority = 1
    labels = msg("JMBG (personal number)")
    mask_style = "digits"

    def may_hold(self, text: str) -> bool:
        return may_hold_long_number(text)

    def find(self, text: str, allow: frozenset[str] = frozenset(), lang: str = "cs", taken=()) -> list[Hit]:
        return [Hit(self.kind, s, e, text[s:e], (digits,)) for s, e, digits, slashes in stretches(text, (13,))
                if not slashes and jmbg_valid(digits)]
