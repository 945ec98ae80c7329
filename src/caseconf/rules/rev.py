"""REV: evaluation, reviews and follow-ups across the records of a case."""

from __future__ import annotations

from typing import Iterator

from ..records.catalogue import msg, nmsg
from ..records.vocab import EVALUATING_KINDS, ConferenceKind
from .base import Hit, RecordContext, Rule, Words


class EvaluatesOpenActions(Rule):
    """A review, crisis or evaluation does not evaluate every open action."""

    code, name, family, kinds = "REV001", "rev.open_actions_evaluated", "REV", frozenset(EVALUATING_KINDS)
    summary = msg("Review does not evaluate every open action")
    message = msg("Action {id} ('{do}', due {due}) was open, but this meeting does not evaluate it. Add how it went: {{action: {id}, result: done|partly_done|not_done|cancelled|continued}} (evaluation)")
    rationale = msg("CR: at a follow-up the participants go back through every task; plans not followed up are a known failure (ME).")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        evaluated = {entry.action for entry in ctx.record.evaluation}
        for action_id, state in ctx.open_before.items():
            if action_id not in evaluated:
                text = (state.do or "")[:60]
                yield Hit(("evaluation",) if ctx.record.evaluation else ("kind",),
                          {"id": action_id, "do": text, "due": state.due or "-"})


class ReviewTooSoon(Rule):
    """Next review planned too soon: before the minimum interval (cz) or the plan's deadline (me)."""

    code, name, family, severity = "REV002", "rev.review_too_soon", "REV", "warning"
    thresholds = ("followup_min_days",)
    summary = msg("Review planned too soon")
    message = nmsg("The next review ({next_review}) is only {days} day after the conference, fewer than {limit}. The family needs time to work on the plan: move it later, or call a crisis conference if something serious happens (plan.next_review)",
                   "The next review ({next_review}) is only {days} days after the conference, fewer than {limit}. The family needs time to work on the plan: move it later, or call a crisis conference if something serious happens (plan.next_review)", count="days")
    rationale = msg("CR: follow-up conferences no earlier than about three months unless something serious happens. In the Montenegrin profile the review follows the plan's deadline instead (REV011).")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        plan = ctx.record.plan
        if ctx.record.kind == ConferenceKind.crisis or plan is None or plan.next_review is None:
            return
        if ctx.profile.review_timing.value != "min_days":
            return
        days, limit = (plan.next_review - ctx.date).days, ctx.thresholds.followup_min_days
        if days < limit:
            yield Hit(("plan", "next_review"), {"next_review": plan.next_review, "days": days, "limit": limit})


class ReviewBeforeDeadline(Rule):
    """Next review planned before the plan's own deadlines (Montenegrin practice)."""

    code, name, family, severity = "REV011", "rev.review_before_deadline", "REV", "warning"
    summary = msg("Review before the plan's deadline")
    message = msg("The next review ({next_review}) comes before the plan's last deadline ({deadline}). The review follows the plan's evaluation: set it after {deadline}, or shorten the deadlines (plan.next_review)")
    rationale = msg("ME: after the plan's deadlines the case manager, head of service and supervisor evaluate it and decide on a review conference. Applies where the profile's review_timing is plan_deadline.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        plan = ctx.record.plan
        if ctx.profile.review_timing.value != "plan_deadline" or ctx.record.kind == ConferenceKind.crisis:
            return
        if plan is None or plan.next_review is None:
            return
        deadlines = [a.due for a in plan.actions if a.due is not None]
        if deadlines and plan.next_review < max(deadlines):
            yield Hit(("plan", "next_review"), {"next_review": plan.next_review, "deadline": max(deadlines)})


class ReviewHeldTooSoon(Rule):
    """A review held sooner after the previous meeting than the follow-up minimum."""

    code, name, family, severity, kinds = "REV008", "rev.review_held_too_soon", "REV", "warning", frozenset({ConferenceKind.review})
    thresholds = ("followup_min_days",)
    summary = msg("Review held too soon")
    message = nmsg("The review took place {days} day after the previous meeting ({previous}), sooner than {limit} days. If something serious happened, record it as a crisis conference (kind: crisis); otherwise give the family more time (date)",
                   "The review took place {days} days after the previous meeting ({previous}), sooner than {limit} days. If something serious happened, record it as a crisis conference (kind: crisis); otherwise give the family more time (date)", count="days")
    rationale = msg("CR: follow-up conferences no earlier than about three months unless something serious happens. REV002 checks the planned date, this the date it was held.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.profile.review_timing.value != "min_days":
            return
        earlier = [d for d in ctx.previous_meetings if d.model.kind != ConferenceKind.crisis]
        if not earlier:
            return
        previous = earlier[-1].model.date
        days, limit = (ctx.date - previous).days, ctx.thresholds.followup_min_days
        if days < limit:
            yield Hit(("date",), {"days": days, "previous": previous.isoformat(), "limit": limit})


class CrisisSaysPlanB(Rule):
    """A crisis conference that does not say whether the plan B came into force."""

    code, name, family, severity, kinds = "REV009", "rev.crisis_plan_b", "REV", "warning", frozenset({ConferenceKind.crisis})
    summary = msg("Crisis conference does not say whether plan B came into force")
    message = msg("The previous plan had a plan B ({condition}), but this crisis record does not say whether it came into force or was applied. Add plan_b_triggered: {{record, condition, date, applied, what_followed}}, or applied: false if it did not")
    rationale = msg("A good plan has a plan B (IQ, ME); a crisis shows whether it worked. Without a record it can be neither evaluated nor counted in the statistics.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.record.plan_b_triggered:
            return
        for doc in reversed(ctx.previous_meetings):
            plan = doc.model.plan
            if plan is not None and plan.plan_b:
                condition = (plan.plan_b[0].if_ or "")[:60]
                yield Hit(("kind",), {"condition": condition})
            return


class Evaluators(Rule):
    """An evaluation not carried out by those the profile names."""

    code, name, family, severity, kinds = "REV010", "rev.evaluators", "REV", "info", frozenset({ConferenceKind.evaluation})
    summary = msg("Evaluation not carried out by the named roles")
    message = msg("The evaluation lacks {missing}. The plan is evaluated by {roles}: add them to participants, or say why they were missing")
    rationale = msg("ME: the case manager, the head of service and the supervisor evaluate the plan's effects (profile `evaluators`). Czech sources set no such trio, so it is only a note in the Czech profile.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        wanted = ctx.profile.evaluators
        if not wanted:
            return
        present = {p.role for p in ctx.record.participants if p.attendance.value in ("present", "partial")}
        missing = [role for role in wanted if role not in present]
        if missing:
            yield Hit(("participants",), {"missing": Words(tuple(missing)), "roles": Words(tuple(wanted))})


class UnknownAction(Rule):
    """Evaluation of an action that does not exist."""

    code, name, family = "REV003", "rev.unknown_action", "REV"
    summary = msg("Evaluation of an unknown action")
    message = msg("Action {id} is evaluated but appears in no earlier record of this case (known: {known}). Fix the action id; a new action belongs in the plan (evaluation.action)")
    rationale = msg("Record format: evaluations refer to actions set by earlier records of the same case.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        known = ctx.actions_before
        for index, entry in enumerate(ctx.record.evaluation):
            if entry.action not in known:
                yield Hit(("evaluation", index, "action"), {"id": entry.action, "known": ", ".join(known) or "-"})


class EvaluationConclusions(Rule):
    """Evaluation record without conclusions."""

    code, name, family, kinds = "REV004", "rev.evaluation_conclusions", "REV", frozenset({ConferenceKind.evaluation})
    summary = msg("Evaluation without conclusions")
    message = msg("The evaluation has no conclusion. Write what follows from it and what happens next, e.g. whether to call a review conference (conclusions)")
    rationale = msg("ME: the evaluation ends in a short report with a conclusion, possibly a review conference.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.conclusions:
            yield Hit(("kind",))


class ContinuedWithoutDue(Rule):
    """A continued action without a new due date."""

    code, name, family, severity = "REV005", "rev.continued_due", "REV", "warning"
    summary = msg("Continued action without a new due date")
    message = msg("Action {id} continues but has no new deadline. Agree by when (evaluation.due: YYYY-MM-DD)")
    rationale = msg("Methodology: a task carried over is a new commitment and needs a new deadline.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, entry in enumerate(ctx.record.evaluation):
            if entry.result is not None and entry.result.value == "continued" and entry.due is None:
                yield Hit(("evaluation", index), {"id": entry.action})


class AlreadyClosed(Rule):
    """Evaluation of an action that was already closed."""

    code, name, family, severity = "REV006", "rev.already_closed", "REV", "warning"
    summary = msg("Evaluation of an already closed action")
    message = msg("Action {id} was already closed ({status}). If you return to it, set a new action (evaluation.action)")
    rationale = msg("Derived status: an action closes once; reopening it hides the history of the plan.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        known = ctx.actions_before
        for index, entry in enumerate(ctx.record.evaluation):
            state = known.get(entry.action)
            if state is not None and not state.is_open:
                yield Hit(("evaluation", index, "action"), {"id": entry.action, "status": Words((str(state.status),))})


class EvaluationResult(Rule):
    """An evaluation entry without a result."""

    code, name, family = "REV007", "rev.evaluation_result", "REV"
    summary = msg("Evaluation entry without a result")
    message = msg("Action {id} has no outcome. Write done, partly_done, not_done, cancelled, or continued with a new deadline (evaluation.result)")
    rationale = msg("CR: at a follow-up every task gets an explicit outcome.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, entry in enumerate(ctx.record.evaluation):
            if entry.result is None:
                yield Hit(("evaluation", index, "result"), {"id": entry.action})


RULES = [EvaluationResult, EvaluatesOpenActions, ReviewTooSoon, UnknownAction, EvaluationConclusions, ContinuedWithoutDue,
         AlreadyClosed, ReviewHeldTooSoon, CrisisSaysPlanB, Evaluators, ReviewBeforeDeadline]
