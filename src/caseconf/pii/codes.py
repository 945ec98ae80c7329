"""Every code the personal-data guard reports, as plain data.

This is the PII side of the one registry of codes: `caseconf rules`, the site's checks
page and the severity overrides read it from here (issue 22). The detector registry
(issue 16) supplies the per-kind rows; the interface below stays the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..records.catalogue import msg
from ..records.i18n import Message

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class PiiCode:
    code: str
    kind: str | None  # the personal-data kind for a detector's code; None for guard notes
    severity: Severity
    summary: Message
    rationale: str
    can_disable: bool = True  # the detectors' codes can be re-levelled, never switched off


def _t(cs: str, sr: str, en: str) -> Message:
    return {"cs": cs, "sr-Latn": sr, "en": en}

# The guard's own notes; each detector's code comes from the detector registry.
GUARD_NOTES: tuple[PiiCode, ...] = (
    PiiCode("PII009", None, "info", msg("File not scanned"),
            "Binary, very large or unreadable files are named so nobody assumes they were scanned."),
    PiiCode("PII010", None, "error", msg("Allowance without a reason"),
            "An exception to the guard must say why, so a reviewer can judge it."),
    PiiCode("PII011", None, "warning", msg("Allowance that matches nothing"),
            "Stale allowances hide future mistakes; remove them when the text they allowed is gone."),
    PiiCode("PII012", None, "error", msg("Path outside the repository"),
            "The guard reads only files inside the repository; a link out could publish anything.", False),
)


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]


@lru_cache(maxsize=1)
def all_codes() -> tuple[PiiCode, ...]:
    """Every code of the guard: one per detector (registry order by code), then the notes."""
    from .detectors import registry

    kinds = tuple(
        PiiCode(d.code, d.kind, "error", {lang: _capital(label) for lang, label in d.labels.items()},
                d.rationale, False)
        for d in sorted(registry(), key=lambda d: d.code))
    return kinds + GUARD_NOTES


def __getattr__(name: str) -> object:
    if name == "PII_CODES":  # the tuple this module held before the registry
        return all_codes()
    raise AttributeError(name)
