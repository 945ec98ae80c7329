"""Every code the personal-data guard reports, as plain data.

This is the PII side of the one registry of codes: `caseconf rules`, the site's checks
page and the severity overrides read it from here (issue 22). The detector registry
(issue 16) derives the per-kind rows; the interface below stays the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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


_WHY = "Records name people by role and short reference only; a value that reaches git is copied to every clone."

PII_CODES: tuple[PiiCode, ...] = (
    PiiCode("PII001", "birth_number", "error", _t("Rodné číslo", "Rodni broj (CZ/SK)", "Birth number"), _WHY, False),
    PiiCode("PII002", "jmbg", "error", _t("JMBG", "JMBG", "JMBG (personal number)"), _WHY, False),
    PiiCode("PII003", "phone", "error", _t("Telefonní číslo", "Broj telefona", "Phone number"), _WHY, False),
    PiiCode("PII004", "email", "error", _t("E-mailová adresa", "E-mail adresa", "E-mail address"), _WHY, False),
    PiiCode("PII005", "bank_account", "error", _t("Číslo účtu", "Broj računa", "Bank account number"), _WHY, False),
    PiiCode("PII006", "birth_date", "error", _t("Datum narození", "Datum rođenja", "Date of birth"), _WHY, False),
    PiiCode("PII007", "address", "error", _t("Adresa", "Adresa", "Address"), _WHY, False),
    PiiCode("PII008", "name", "error", _t("Jméno osoby", "Ime osobe", "Personal name"), _WHY, False),
    PiiCode("PII009", None, "info", _t("Soubor nebyl prohledán", "Fajl nije pregledan", "File not scanned"),
            "Binary, very large or unreadable files are named so nobody assumes they were scanned."),
    PiiCode("PII010", None, "error", _t("Povolení bez důvodu", "Dozvola bez razloga", "Allowance without a reason"),
            "An exception to the guard must say why, so a reviewer can judge it."),
    PiiCode("PII011", None, "warning", _t("Povolení, které nic nepovoluje", "Dozvola koja ništa ne dozvoljava",
                                          "Allowance that matches nothing"),
            "Stale allowances hide future mistakes; remove them when the text they allowed is gone."),
    PiiCode("PII012", None, "error", _t("Cesta mimo repozitář", "Putanja izvan repozitorijuma",
                                        "Path outside the repository"),
            "The guard reads only files inside the repository; a link out could publish anything.", False),
)


def all_codes() -> tuple[PiiCode, ...]:
    return PII_CODES
