"""SUPP: suppressions must state a reason and must still be needed."""

from __future__ import annotations

from .base import Rule

from ..records.catalogue import msg


class UnusedSuppression(Rule):
    """A suppression that matches no finding."""

    code, name, family, severity, scope = "SUPP001", "supp.unused", "SUPP", "warning", "loader"
    summary = msg("Suppression that matches nothing")
    message = msg("The exception for {code} hides nothing here any more. Remove it so it cannot hide a new problem later (caseconf.ignore)")
    rationale = msg("Stale suppressions would silently hide a future problem.")


class SuppressionWithoutReason(Rule):
    """A suppression without a reason."""

    code, name, family, severity, scope = "SUPP002", "supp.reason", "SUPP", "error", "loader"
    summary = msg("Suppression without a reason")
    message = msg("The exception for {code} has no reason. Say why the check does not apply here; the reason shows on the site (caseconf.ignore.reason)")
    rationale = msg("Every exception to the methodology is explained, so reviewers can judge it.")


RULES = [UnusedSuppression, SuppressionWithoutReason]
