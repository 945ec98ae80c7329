"""REV: evaluation, reviews and follow-ups across the records of a case."""

from __future__ import annotations

from typing import Iterator

from ..records.vocab import EVALUATING_KINDS, ConferenceKind
from ._text import tr
from .base import Hit, RecordContext, Rule


class EvaluatesOpenActions(Rule):
    """A review, crisis or evaluation does not evaluate every open action."""

    code, name, family, kinds = "REV001", "rev.open_actions_evaluated", "REV", frozenset(EVALUATING_KINDS)
    summary = tr("Revize nehodnotí všechny otevřené úkoly", "Revizija ne ocjenjuje sve otvorene mjere",
                 "Review does not evaluate every open action")
    message = tr("úkol {id} („{do}“, termín {due}) byl před tímto setkáním otevřený, ale chybí v evaluation; doplňte {{action: {id}, result: done|partly_done|not_done|cancelled|continued}}",
                 "mjera {id} („{do}“, rok {due}) je bila otvorena prije ovog sastanka, a nema je u evaluation; dopunite {{action: {id}, result: …}}",
                 "action {id} ('{do}', due {due}) was open before this meeting but is missing from evaluation; add {{action: {id}, result: done|partly_done|not_done|cancelled|continued}}")
    rationale = "Methodology: at a follow-up the participants go back through every task; plans not followed up are a known failure."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        evaluated = {entry.action for entry in ctx.record.evaluation}
        for action_id, state in ctx.open_before.items():
            if action_id not in evaluated:
                text = (state.do or "")[:60]
                yield Hit(("evaluation",) if ctx.record.evaluation else ("kind",),
                          {"id": action_id, "do": text, "due": state.due or "-"})


class ReviewTooSoon(Rule):
    """Next review planned sooner than the follow-up minimum."""

    code, name, family, severity = "REV002", "rev.review_too_soon", "REV", "warning"
    thresholds = ("followup_min_days",)
    summary = tr("Revize plánovaná příliš brzy", "Revizija planirana prerano", "Review planned too soon")
    message = tr("další revize ({next_review}) je jen {days} dní po konferenci, méně než {limit}; rodina potřebuje čas plán plnit (výjimkou je krizová konference)",
                 "sljedeća revizija ({next_review}) je samo {days} dana nakon konferencije, manje od {limit}; porodici treba vremena",
                 "the next review ({next_review}) is only {days} days after the conference, fewer than {limit}; the family needs time to work on the plan (crisis conferences excepted)")
    rationale = "Methodology: follow-up conferences no earlier than about three months unless something serious happens."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        plan = ctx.record.plan
        if ctx.record.kind == ConferenceKind.crisis or plan is None or plan.next_review is None:
            return
        days, limit = (plan.next_review - ctx.date).days, ctx.thresholds.followup_min_days
        if days < limit:
            yield Hit(("plan", "next_review"), {"next_review": plan.next_review, "days": days, "limit": limit})


class UnknownAction(Rule):
    """Evaluation of an action that does not exist."""

    code, name, family = "REV003", "rev.unknown_action", "REV"
    summary = tr("Hodnocení neexistujícího úkolu", "Ocjena nepostojeće mjere", "Evaluation of an unknown action")
    message = tr("úkol {id} v žádném dřívějším záznamu případu není (známé: {known}); opravte číslo úkolu",
                 "mjera {id} ne postoji ni u jednom ranijem zapisu slučaja (poznate: {known}); ispravite broj mjere",
                 "action {id} is in no earlier record of this case (known: {known}); fix the action id")
    rationale = "Spec: evaluations refer to actions set by earlier records of the same case."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        known = ctx.actions_before
        for index, entry in enumerate(ctx.record.evaluation):
            if entry.action not in known:
                yield Hit(("evaluation", index, "action"), {"id": entry.action, "known": ", ".join(known) or "-"})


class EvaluationConclusions(Rule):
    """Evaluation record without conclusions."""

    code, name, family, kinds = "REV004", "rev.evaluation_conclusions", "REV", frozenset({ConferenceKind.evaluation})
    summary = tr("Hodnocení bez závěrů", "Evaluacija bez zaključaka", "Evaluation without conclusions")
    message = tr("hodnocení nemá conclusions; napište závěr (např. zda svolat revizní konferenci)",
                 "evaluacija nema conclusions; napišite zaključak (npr. da li sazvati revizionu konferenciju)",
                 "the evaluation has no conclusions; write the conclusion (e.g. whether to call a review conference)")
    rationale = "ME practice: the evaluation ends in a short report with a conclusion, possibly a review conference."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.conclusions:
            yield Hit(("kind",))


class ContinuedWithoutDue(Rule):
    """A continued action without a new due date."""

    code, name, family, severity = "REV005", "rev.continued_due", "REV", "warning"
    summary = tr("Pokračující úkol bez nového termínu", "Nastavljena mjera bez novog roka", "Continued action without a new due date")
    message = tr("úkol {id} pokračuje, ale nemá nový termín; doplňte due: RRRR-MM-DD",
                 "mjera {id} se nastavlja, ali nema novi rok; dopunite due: GGGG-MM-DD",
                 "action {id} is continued without a new due date; add due: YYYY-MM-DD")
    rationale = "Methodology: a task carried over is a new commitment and needs a new deadline."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, entry in enumerate(ctx.record.evaluation):
            if entry.result is not None and entry.result.value == "continued" and entry.due is None:
                yield Hit(("evaluation", index), {"id": entry.action})


class AlreadyClosed(Rule):
    """Evaluation of an action that was already closed."""

    code, name, family, severity = "REV006", "rev.already_closed", "REV", "warning"
    summary = tr("Hodnocení už uzavřeného úkolu", "Ocjena već zatvorene mjere", "Evaluation of an already closed action")
    message = tr("úkol {id} byl uzavřen už dříve (stav {status}); pokud se k němu vracíte, založte nový úkol",
                 "mjera {id} je već zatvorena (status {status}); ako se vraćate na nju, otvorite novu mjeru",
                 "action {id} was already closed (status {status}); if you return to it, set a new action")
    rationale = "Derived status: an action closes once; reopening it hides the history of the plan."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        known = ctx.actions_before
        for index, entry in enumerate(ctx.record.evaluation):
            state = known.get(entry.action)
            if state is not None and not state.is_open:
                yield Hit(("evaluation", index, "action"), {"id": entry.action, "status": state.status})


class EvaluationResult(Rule):
    """An evaluation entry without a result."""

    code, name, family = "REV007", "rev.evaluation_result", "REV"
    summary = tr("Hodnocení úkolu bez výsledku", "Ocjena mjere bez rezultata", "Evaluation entry without a result")
    message = tr("u úkolu {id} chybí result; napište done, partly_done, not_done, cancelled nebo continued (s novým due)",
                 "kod mjere {id} nedostaje result; upišite done, partly_done, not_done, cancelled ili continued (sa novim due)",
                 "the entry for action {id} has no result; write done, partly_done, not_done, cancelled or continued (with a new due)")
    rationale = "Methodology: at a follow-up every task gets an explicit outcome."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, entry in enumerate(ctx.record.evaluation):
            if entry.result is None:
                yield Hit(("evaluation", index, "result"), {"id": entry.action})


RULES = [EvaluationResult, EvaluatesOpenActions, ReviewTooSoon, UnknownAction, EvaluationConclusions, ContinuedWithoutDue, AlreadyClosed]
