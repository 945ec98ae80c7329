"""What every detector plug-in shares: the hit, the plug-in's shape and small helpers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar, Literal
from ..lazy_re import lazy_compile

MaskStyle = Literal["digits", "phone", "email", "text"]


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    start: int
    end: int
    value: str
    bases: tuple[str, ...] = field(default=())  # other canonical forms (e.g. a name's lemma)


class Detector:
    """One kind of personal data (the shape detect-secrets gives its plug-ins).

    A module under ``caseconf.pii.detectors`` defines one subclass; the registry finds it.
    ``find`` takes normalised text (lines joined with "\\n") and returns hits with offsets
    into it; ``may_hold`` is a cheap test that must be True whenever ``find`` could find
    something (the scanner skips ``find`` otherwise)."""

    kind: ClassVar[str]
    code: ClassVar[str]
    priority: ClassVar[int]  # lower wins where two kinds' hits overlap
    labels: ClassVar[dict[str, str]]  # cs, sr-Latn, en; lower case, as used inside a sentence
    mask_style: ClassVar[MaskStyle] = "text"
    needs_digit: ClassVar[bool] = True  # what it finds always holds a digit
    contextual: ClassVar[bool] = False  # find() reads the allowed words and language
    runs_last: ClassVar[bool] = False  # runs after the others, told the spans they took (names)
    rationale: ClassVar[str] = (
        "Records name people by role and short reference only; a value that reaches git is copied to every clone.")

    def may_hold(self, text: str) -> bool:
        return not self.needs_digit or _DIGIT.search(text) is not None

    def find(self, text: str, allow: frozenset[str] = frozenset(), lang: str = "cs",
             taken: Iterable[tuple[int, int]] = ()) -> list[Hit]:
        raise NotImplementedError


_DIGIT = lazy_compile(r"\d")
_REF_BEFORE = lazy_compile(
    r"(?<!\w)(?i:č\.\s?j\.?|čj\.?|č\.\s?jedn\.?|sp\.\s?zn\.?|spis\.?\s?zn\.?|zn\.|č\.\s?p\.|ref\.?|reference|"
    r"ref\.\s?no\.?|broj predmeta|predmet(?:\s+br\.?)?|br\.\s?predmeta|case(?:\s+no\.?)?|spis|"
    r"jednací číslo|číslo jednací|action|akce|id|akt|č\.\s?spisu|rješenje|"
    r"rješenja|rozhodnutí|usnesení|dopis|dopisu|faktura|faktury|smlouva|smlouvy|ugovor)"
    r"(?:\s+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w\-]*){0,2}\s*[:#=]?\s*$"
)


def ref_context(text: str, start: int) -> bool:
    """A number right after a reference keyword (čj., sp. zn., br. …) is a file reference."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_REF_BEFORE.search(text[max(line_start, start - 40):start]))


_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """Lower case, with the few letters that re.IGNORECASE equates with an ASCII letter made ASCII."""
    if text.isascii() or not ("ı" in text or "İ" in text or "ſ" in text or "\u212a" in text):
        return text.lower()
    return text.translate(_FOLD).lower()
