"""Phone numbers of Czechia, Slovakia, Montenegro, Serbia, Bosnia and Herzegovina and Croatia,
found by phonenumbers on phone-shaped windows, also wrapped over a (Markdown) line break.

Not personal data: toll-free, shared-cost, premium and universal-access numbers (helplines,
switchboards: `800 155 555`), the shipped list of public numbers (`data/public_numbers.txt`)
with the team's own (`pii.public_numbers` in caseconf.yml), and file references shaped like
numbers (`čj. MUJI 12345/2025`, `br. 03-1-2345/25`)."""

from __future__ import annotations

import re
from functools import lru_cache

from ._base import Detector, Hit, ref_context

from ...records.catalogue import msg
from ..lazy_re import lazy_compile

PHONE_REGIONS = ("CZ", "SK", "ME", "RS", "BA", "HR")
PUBLIC_PREFIX = "tel:"  # how a public number travels in the allowed words (see core._allow_set)

_DATEISH = lazy_compile(
    r"^\s*(?:\d{1,4}[./\-]\s?\d{1,2}[./\-]\s?\d{1,4}\.?|\d{1,2}:\d{2}(?::\d{2})?|(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2})\s*$"
)
_DATE_INSIDE = lazy_compile(r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}\b|\d{1,2}:\d{2}")
_REFERENCE_TAIL = lazy_compile(r"\d/\s?(?:\d{2}|(?:19|20)\d{2})$")  # "…2345/25", "…12345/2025": a file reference
_GLUED = lazy_compile(r"[\w]-$")
_BREAK = r"[ \t]*\\?\n[ \t]*"
_PHONE_CAND = lazy_compile(r"(?:\+|\b00)?\(?\d(?:(?:[ \-./()]{0,2}|" + _BREAK + r")\d){7,15}")
_ONLY_DATES = lazy_compile(
    r"^(?:\s|[./\-]|(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}|\d{1,2}:\d{2})*$"
)
_FLAT = str.maketrans({"\n": " ", "\\": " ", "\t": " "})
_NOT_PERSONAL_TYPES = frozenset({3, 4, 5, 9, 10})  # toll free, premium, shared cost, UAN, voicemail


def _glued_before(text: str, start: int) -> bool:
    """A phone cannot start here: glued to letters or ids (JI-2025-014, A12-603123, x603123456, 2024/…)."""
    before = text[max(0, start - 2):start]
    return bool(before[-1:].isalnum() or _GLUED.match(before) or before.endswith("/"))


def _may_start_phone(text: str, start: int, end: int) -> bool:
    """Could an acceptable phone start inside text[start:end]? It starts at a digit, "+" or an
    opening bracket, is not glued to what comes before it and holds at least 8 digits."""
    digits_left = sum(map(str.isdigit, text[start:end]))
    glued = start > 0 and text[start - 1].isalnum()
    for p in range(start, end):
        if digits_left < 8:
            return False
        ch = text[p]
        if not glued and not _glued_before(text, p):
            return True
        if ch.isdigit():
            digits_left -= 1
        glued = ch.isalnum()
    return False


def _candidate_ok(text: str, start: int, end: int, raw: str) -> bool:
    digits = re.sub(r"\D", "", raw)
    if len(digits) < 8:
        return False
    if _DATEISH.match(raw) or _DATE_INSIDE.search(raw) or re.match(r"^(?:19|20)\d{2}\s?[-/.]", raw):
        return False
    if _REFERENCE_TAIL.search(raw):
        return False
    if _glued_before(text, start):
        return False
    if re.match(r"^(?:[\-/]\d|\w|\.\d)", text[end:end + 6]):  # 603123456/2024, part of a longer token
        return False
    return not ref_context(text, start)


@lru_cache(maxsize=20_000)
def _match_window(window: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, raw, national digits) of each personal-looking number in the window."""
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberMatcher

    found: dict[tuple[int, int], tuple[str, str]] = {}
    for region in PHONE_REGIONS:
        for m in PhoneNumberMatcher(window, region, leniency=Leniency.VALID):
            if (m.start, m.end) in found or not phonenumbers.is_valid_number(m.number):
                continue
            if phonenumbers.number_type(m.number) in _NOT_PERSONAL_TYPES:
                found[(m.start, m.end)] = (m.raw_string, "")  # a helpline: claims the span, reports nothing
                continue
            found[(m.start, m.end)] = (m.raw_string, str(m.number.national_number))
    return tuple((s, e, raw, nat) for (s, e), (raw, nat) in found.items())


@lru_cache(maxsize=1)
def shipped_public_numbers() -> frozenset[str]:
    """National digits of the numbers in data/public_numbers.txt (helplines, emergency lines)."""
    from ..package_data import read_text

    text = read_text("pii/data/public_numbers.txt")
    out = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(national_digits(line.split("\t")[0]))
    return frozenset(out)


def national_digits(number: str) -> str:
    """Digits without the country code and trunk zero, as phonenumbers' national_number."""
    digits = re.sub(r"\D", "", number)
    for cc in ("420", "421", "382", "381", "387", "385"):
        if number.strip().startswith(("+" + cc, "00" + cc)):
            return digits[len(cc) + (2 if number.strip().startswith("00") else 0):].lstrip("0")
    return digits.lstrip("0")


class Phone(Detector):
    kind = "phone"
    code = "PII003"
    priority = 4
    labels = msg("phone number")
    mask_style = "phone"
    contextual = True  # the team's public numbers arrive with the allowed words

    def find(self, text: str, allow: frozenset[str] = frozenset(), lang: str = "cs", taken=()) -> list[Hit]:
        hits: dict[tuple[int, int], Hit] = {}
        public: frozenset[str] | None = None
        for cm in _PHONE_CAND.finditer(text):
            window = cm.group(0)
            if _ONLY_DATES.match(window) or sum(map(str.isdigit, window)) < 8:
                continue
            if not _may_start_phone(text, cm.start(), cm.end()):
                continue  # case ids and dates glued together: JI-2025-014/2025-03-02
            for ws, we, raw, nat in _match_window(window.translate(_FLAT)):
                s, e = cm.start() + ws, cm.start() + we
                if (s, e) in hits or not _candidate_ok(text, s, e, raw):
                    continue
                if public is None:
                    public = shipped_public_numbers() | {w[len(PUBLIC_PREFIX):] for w in allow
                                                         if w.startswith(PUBLIC_PREFIX)}
                if not nat or nat in public:
                    continue
                hits[(s, e)] = Hit(self.kind, s, e, text[s:e])
        out = sorted(hits.values(), key=lambda h: (h.start, -(h.end - h.start)))
        result: list[Hit] = []
        for h in out:
            if result and h.start < result[-1].end:
                continue
            result.append(h)
        return result
