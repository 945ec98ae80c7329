"""Dates of birth: a date next to a birth keyword (narozena, nar., rođen, DOB …)."""

from __future__ import annotations

import datetime as _dt
import re

from ._base import Detector, Hit, fold

from ...records.catalogue import msg
from ..lazy_re import lazy_compile

_MONTHS = (
    "ledna|února|unora|března|brezna|dubna|května|kvetna|června|cervna|července|cervence|srpna|září|zari|"
    "října|rijna|listopadu|prosince|januára|februára|marca|apríla|mája|júna|júla|augusta|septembra|októbra|"
    "novembra|decembra|januar[a]?|februar[a]?|mart[a]?|april[a]?|maj[a]?|jun[a]?|jul[a]?|avgust[a]?|"
    "septemb(?:ar|ra)|oktob(?:ar|ra)|novemb(?:ar|ra)|decemb(?:ar|ra)|siječnja|veljače|ožujka|travnja|"
    "svibnja|lipnja|srpnja|kolovoza|rujna|listopada|studenoga|prosinca|january|february|march|may|june|"
    "july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = (
    r"(?:(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.\s?(?P<y1>(?:19|20)\d{2})\.?"
    r"|(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"
    r"|(?P<d3>\d{1,2})\s?[/\-]\s?(?P<m3>\d{1,2})\s?[/\-]\s?(?P<y3>(?:19|20)\d{2})"
    rf"|(?P<d4>\d{{1,2}})\.?\s+(?P<mn4>{_MONTHS})\.?,?\s+(?P<y4>(?:19|20)\d{{2}})"
    rf"|(?P<mn5>{_MONTHS})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y5>(?:19|20)\d{{2}}))"
)
_BIRTH_KW = (
    r"(?:\bnaro[zď]en[aáéíý]?\b|\bnar\.|\bnarozen[íi]\b|\bdatum\s+naro[zď]en[íi]\b|\bdat\.\s?nar\.|"
    r"\bro[dđ]j?en[aoi]?\b|\brođen[aoi]?\b|\bdatum\s+ro[dđ]j?enja\b|\bd\.?o\.?b\.?\b|\bdate\s+of\s+birth\b|"
    r"\bborn\b|\bbirth[ _\-]?date\b|\bdate_of_birth\b|\bdatum_naro[zď]en[íi]\b|\bdatum_rodjenja\b|"
    r"\bbirthday\b|\bnarozeniny\b|\bro[dđ]endan\b|\bgodi[sš]te\b)"
)
_BIRTH_DATE = lazy_compile(
    _BIRTH_KW + r"[^\d\n]{0,30}?(?P<date>" + _DATE + r")", re.IGNORECASE
)
_DATE_THEN_KW = lazy_compile(r"(?P<date>" + _DATE + r")\s*\(?\s*" + _BIRTH_KW, re.IGNORECASE)


def _valid_date(m: re.Match[str]) -> bool:
    g = m.groupdict()
    for i in "12345":
        y = g.get(f"y{i}")
        if y:
            d = g.get(f"d{i}")
            mo = g.get(f"m{i}")
            if mo is None:
                return d is not None and 1 <= int(d) <= 31
            try:
                _dt.date(int(y), int(mo), int(d))
            except ValueError:
                return False
            return True
    return False


_BIRTH_KW_RE = lazy_compile(_BIRTH_KW, re.IGNORECASE)
# every keyword above contains one of these (after _fold); a cheap test before the regexes
_BIRTH_KW_PARTS = ("naro", "nar.", "roden", "rodjen", "rođen", "rođjen", "dob", "d.o", "do.b", "born", "birth",
                   "godi")
def may_hold_birth_keyword(text: str) -> bool:
    low = fold(text) if ("ı" in text or "İ" in text) else text.lower()
    for p in _BIRTH_KW_PARTS:
        if p in low:
            return _BIRTH_KW_RE.search(text) is not None
    return False


def find_birth_dates(text: str) -> list[Hit]:
    hits = []
    if not may_hold_birth_keyword(text):
        return hits
    for rx in (_BIRTH_DATE, _DATE_THEN_KW):
        for m in rx.finditer(text):
            if _valid_date(m):
                hits.append(Hit("birth_date", m.start("date"), m.end("date"), m.group("date")))
    return hits




class BirthDate(Detector):
    kind = "birth_date"
    code = "PII006"
    priority = 5
    labels = msg("date of birth")
    mask_style = "digits"

    def may_hold(self, text: str) -> bool:
        return may_hold_birth_keyword(text)

    def find(self, text: str, allow: frozenset[str] = frozenset(), lang: str = "cs", taken=()) -> list[Hit]:
        return find_birth_dates(text)
