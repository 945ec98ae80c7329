"""SUPP: suppressions must state a reason and must still be needed."""

from __future__ import annotations

from ._text import tr
from .base import Rule


class UnusedSuppression(Rule):
    """A suppression that matches no finding."""

    code, name, family, severity, scope = "SUPP001", "supp.unused", "SUPP", "warning", "loader"
    summary = tr("Potlačení, které nic nepotlačuje", "Potiskivanje koje ništa ne potiskuje", "Suppression that matches nothing")
    message = tr("Výjimka pro {code} tu už nic neskrývá. Odstraňte ji, ať později nezakryje nový problém (caseconf.ignore)",
                 "Izuzetak za {code} ovdje više ništa ne skriva. Uklonite ga da kasnije ne bi sakrio novi problem (caseconf.ignore)",
                 "The exception for {code} hides nothing here any more. Remove it so it cannot hide a new problem later (caseconf.ignore)")
    rationale = tr("Zapomenuté potlačení by potichu skrylo budoucí problém.",
                   "Zaboravljeno potiskivanje bi tiho sakrilo budući problem.",
                   "Stale suppressions would silently hide a future problem.")


class SuppressionWithoutReason(Rule):
    """A suppression without a reason."""

    code, name, family, severity, scope = "SUPP002", "supp.reason", "SUPP", "error", "loader"
    summary = tr("Potlačení bez důvodu", "Potiskivanje bez razloga", "Suppression without a reason")
    message = tr("U výjimky pro {code} chybí důvod. Napište, proč se kontrola zde neuplatní; důvod se ukáže na webu (caseconf.ignore.reason)",
                 "Kod izuzetka za {code} nedostaje razlog. Napišite zašto se provjera ovdje ne primjenjuje; razlog se vidi na sajtu (caseconf.ignore.reason)",
                 "The exception for {code} has no reason. Say why the check does not apply here; the reason shows on the site (caseconf.ignore.reason)")
    rationale = tr("Každá výjimka z metodiky je vysvětlená, aby ji kolegové mohli posoudit.",
                   "Svaki izuzetak od metodike je objašnjen, da bi ga kolege mogle ocijeniti.",
                   "Every exception to the methodology is explained, so reviewers can judge it.")


RULES = [UnusedSuppression, SuppressionWithoutReason]
