"""SUPP: suppressions must state a reason and must still be needed."""

from __future__ import annotations

from ._text import tr
from .base import Rule


class UnusedSuppression(Rule):
    """A suppression that matches no finding."""

    code, name, family, severity, scope = "SUPP001", "supp.unused", "SUPP", "warning", "loader"
    summary = tr("Potlačení, které nic nepotlačuje", "Potiskivanje koje ništa ne potiskuje", "Suppression that matches nothing")
    message = tr("potlačení {code} zde nic nepotlačuje; odstraňte ho z caseconf.ignore",
                 "potiskivanje {code} ovdje ništa ne potiskuje; uklonite ga iz caseconf.ignore",
                 "suppression of {code} matches nothing here; remove it from caseconf.ignore")
    rationale = tr("Zapomenuté potlačení by potichu skrylo budoucí problém.",
                   "Zaboravljeno potiskivanje bi tiho sakrilo budući problem.",
                   "Stale suppressions would silently hide a future problem.")


class SuppressionWithoutReason(Rule):
    """A suppression without a reason."""

    code, name, family, severity, scope = "SUPP002", "supp.reason", "SUPP", "error", "loader"
    summary = tr("Potlačení bez důvodu", "Potiskivanje bez razloga", "Suppression without a reason")
    message = tr("potlačení {code} nemá reason; napište, proč se pravidlo zde neuplatní (důvod se ukáže na webu)",
                 "potiskivanje {code} nema reason; napišite zašto se pravilo ovdje ne primjenjuje",
                 "suppression of {code} has no reason; say why the rule does not apply here (the reason shows on the site)")
    rationale = tr("Každá výjimka z metodiky je vysvětlená, aby ji kolegové mohli posoudit.",
                   "Svaki izuzetak od metodike je objašnjen, da bi ga kolege mogle ocijeniti.",
                   "Every exception to the methodology is explained, so reviewers can judge it.")


RULES = [UnusedSuppression, SuppressionWithoutReason]
