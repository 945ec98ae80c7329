"""PLAN: a plan says who does what by when, how we will know, and what if not."""

from __future__ import annotations

from typing import Iterator

from ..records.catalogue import msg, nmsg
from .base import MEETINGS, Hit, RecordContext, Rule

# every rationale of a PLAN rule about concreteness starts "A good plan (IQ, ME, CR) is concrete: …"


def _actions(ctx: RecordContext):  # type: ignore[no-untyped-def]
    plan = ctx.record.plan
    return list(enumerate(plan.actions)) if plan else []


class ActionOwner(Rule):
    """Action without an owner."""

    code, name, family = "PLAN001", "plan.action_owner", "PLAN"
    summary = msg("Action without an owner")
    message = msg("Action {id} does not say who will do it. Add a participant ref (M, F, D1) or a role present at the meeting (plan.actions.owner)")
    rationale = msg("A good plan (IQ, ME, CR) is concrete: who, what exactly, by when, how we will know. Group responsibility dilutes individual responsibility.", "plan rule")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, action in _actions(ctx):
            if not action.owner:
                yield Hit(("plan", "actions", index, "owner"), {"id": action.id})


class ActionDue(Rule):
    """Action without a due date."""

    code, name, family = "PLAN002", "plan.action_due", "PLAN"
    summary = msg("Action without a due date")
    message = msg("Action {id} has no deadline. Agree when it should be done (plan.actions.due: YYYY-MM-DD)")
    rationale = msg("A good plan (IQ, ME, CR) is concrete: who, what exactly, by when, how we will know. Without a deadline nobody can tell whether the plan is kept.", "plan rule")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, action in _actions(ctx):
            if action.due is None:
                yield Hit(("plan", "actions", index, "due"), {"id": action.id})


class ActionDueBeforeConference(Rule):
    """Action due before the conference."""

    code, name, family = "PLAN003", "plan.action_due_past", "PLAN"
    summary = msg("Action due before the conference")
    message = msg("Action {id} is due {due}, before the conference ({date}). Probably a typo in the year: fix the deadline (plan.actions.due)")
    rationale = msg("A good plan (IQ, ME, CR) is concrete: who, what exactly, by when, how we will know. A deadline in the past cannot be met; it is usually a typo in the year.", "plan rule")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, action in _actions(ctx):
            if action.due is not None and action.due < ctx.date:
                yield Hit(("plan", "actions", index, "due"), {"id": action.id, "due": action.due, "date": ctx.date})


class ActionOwnerKnown(Rule):
    """Action owner was not at the meeting."""

    code, name, family, severity = "PLAN004", "plan.action_owner_known", "PLAN", "warning"
    summary = msg("Owner was not at the meeting")
    message = msg("Action {id} is owned by '{owner}', who was not part of the agreement ({why}). Someone present owns it (possible: {options}), or someone absent who accepted it in writing once the minutes reached them: then add accepted_in_writing: true (plan.actions.owner)")
    rationale = msg("CR, ME: tasks are agreed with the people who carry them out. Minutes go to those absent too, so they can take a task on afterwards, in writing. A child who was only informed does not take on a task.")

    _WHY = {
        "absent": msg("absent from the meeting"),
        "child": msg("the child was only informed or represented"),
        "unknown": msg("not among the participants"),
    }

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        from ..records.i18n import render

        present, absent = _owners_at_meeting(ctx)
        options = sorted(present)
        for index, action in _actions(ctx):
            owner = action.owner
            if not owner or owner in present or action.accepted_in_writing:
                continue
            reason = absent.get(owner, "unknown")
            yield Hit(("plan", "actions", index, "owner"),
                      # values one may write in `owner`: as code
                      {"owner": owner, "id": action.id, "options": ", ".join(f"`{o}`" for o in options) or "-",
                       "why": render(self._WHY[reason], ctx.repo.lang)})


def _owners_at_meeting(ctx: RecordContext) -> tuple[set[str], dict[str, str]]:
    """Who can own a task agreed here (refs and roles at the meeting), and why the others cannot."""
    record = ctx.record
    present: set[str] = set(ctx.present_roles)
    absent: dict[str, str] = {}
    child_took_part = record.child is not None and record.child.participation is not None \
        and record.child.participation.value in ("present", "partial")
    for person in record.participants:
        if person.ref is None:
            continue
        if person.attendance.value in ("present", "partial"):
            present.add(person.ref)
        else:
            absent[person.ref] = "absent"
    listed = {p.ref for p in record.participants if p.ref}
    for member in ctx.case.file.household if ctx.case.file is not None else []:
        if member.ref in listed:
            continue
        if member.role == "child":
            if child_took_part:
                present.add(member.ref)
            else:
                absent[member.ref] = "child"
        elif record.kind.value == "evaluation":
            present.add(member.ref)  # an evaluation sets tasks for people who are not in the room
    for role in list(absent):
        if role in present:
            del absent[role]
    return present, absent


class NextReview(Rule):
    """No next review planned while the case stays open."""

    code, name, family = "PLAN005", "plan.next_review", "PLAN"
    summary = msg("No next review planned")
    message = msg("The plan does not say when you will meet again, though the case goes on. Add the date of the follow-up conference or plan review (plan.next_review)")
    rationale = msg("CR, ME: every plan names when it will be reviewed; plans without follow-up are the most common failure.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        plan = ctx.record.plan
        if plan is not None and plan.next_review is None and not ctx.closes_case:
            yield Hit(("plan", "next_review"))


class ActionIndicator(Rule):
    """Action without an indicator."""

    code, name, family, severity = "PLAN006", "plan.action_indicator", "PLAN", "warning"
    summary = msg("Action without an indicator")
    message = msg("Action {id} does not say how we will know it is done. Say it concretely, e.g. 'doctor's note handed to the case manager' (plan.actions.indicator)")
    rationale = msg("IQ, ME: a plan is evaluable only with objective indicators ('how exactly will we know the goal is met?').")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, action in _actions(ctx):
            if not action.indicator:
                yield Hit(("plan", "actions", index), {"id": action.id})


def _plan_field_missing(ctx: RecordContext, key: str) -> Iterator[Hit]:
    plan = ctx.record.plan
    if plan is not None and not getattr(plan, key) and not ctx.closes_case:
        yield Hit(("plan", key))


class PlanB(Rule):
    """Plan without a plan B."""

    code, name, family, severity = "PLAN007", "plan.plan_b", "PLAN", "warning"
    summary = msg("Plan without a plan B")
    message = msg("The plan has no plan B. Agree with the family what happens if the plan is not kept: 'if …, then …' (plan.plan_b: if, then)")
    rationale = msg("IQ, ME, CR ('a good plan'): it contains a plan B.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        yield from _plan_field_missing(ctx, "plan_b")


class InformationSharing(Rule):
    """Plan without an information-sharing arrangement."""

    code, name, family, severity = "PLAN008", "plan.information_sharing", "PLAN", "warning"
    summary = msg("Plan without an information-sharing arrangement")
    message = msg("The plan does not say how and how often information is passed on. Add how and how often, e.g. a phone call every fortnight (plan.information_sharing: how, frequency)")
    rationale = msg("CR, IQ: coordination between meetings needs an agreed route and rhythm.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        yield from _plan_field_missing(ctx, "information_sharing")


class PlanCaseManager(Rule):
    """Plan without a named case manager."""

    code, name, family, severity = "PLAN009", "plan.case_manager", "PLAN", "warning"
    summary = msg("Plan names no case manager")
    message = msg("The plan names no case manager. Say who coordinates and watches the plan between meetings, e.g. role: ospod_worker (plan.case_manager)")
    rationale = msg("Principles (CR, IQ): one coordinating body; someone must watch the plan between meetings.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        yield from _plan_field_missing(ctx, "case_manager")


class MeetingPlan(Rule):
    """Meeting without a plan."""

    code, name, family, kinds = "PLAN010", "plan.missing", "PLAN", MEETINGS
    summary = msg("Conference without a plan")
    message = msg("The conference record has no plan. A conference ends with a plan (who, what, by when, when we meet again) unless the case closes at it (plan)")
    rationale = msg("CR, ME: the output of a conference is a plan; record format 'What each kind needs'.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.record.plan is None and not ctx.closes_case:
            yield Hit(("kind",))


class ActionWhat(Rule):
    """Action without a description of what is to be done."""

    code, name, family = "PLAN011", "plan.action_do", "PLAN"
    summary = msg("Action without a description")
    message = msg("Action {id} does not say what is to be done. Describe it concretely, in the family's words (plan.actions.do)")
    rationale = msg("A good plan (IQ, ME, CR) is concrete: who, what exactly, by when, how we will know.", "plan rule")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, action in _actions(ctx):
            if not action.do:
                yield Hit(("plan", "actions", index), {"id": action.id})


class FamilyTaskCap(Rule):
    """More tasks for the family than the methodology's cap."""

    code, name, family, severity = "PLAN012", "plan.family_task_cap", "PLAN", "warning"
    thresholds = ("family_tasks_max",)
    summary = msg("Too many tasks for the family")
    message = nmsg("The family has {count} task in this plan, more than {limit}. An overloaded family often gives up: keep the most important ones for them and let professionals take at least half (plan.actions)",
                   "The family has {count} tasks in this plan, more than {limit}. An overloaded family often gives up: keep the most important ones for them and let professionals take at least half (plan.actions)", count="count")
    rationale = msg("Methodology pack (plan; common mistakes): at most five tasks for the family, at least half on the professionals. Known failure: overloading the client with tasks (IQ, ME).")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        family = _family_refs(ctx)
        count = sum(1 for _, action in _actions(ctx) if action.owner in family)
        limit = ctx.thresholds.family_tasks_max
        if count > limit:
            yield Hit(("plan", "actions"), {"count": count, "limit": limit})


def _family_refs(ctx: RecordContext) -> set[str]:
    from ..records.vocab import FAMILY_ROLES

    refs = {p.ref for p in ctx.record.participants if p.ref and p.role in FAMILY_ROLES}
    if ctx.case.file is not None:
        refs |= {m.ref for m in ctx.case.file.household if m.role in FAMILY_ROLES}
    return refs | {role for role in FAMILY_ROLES}


class PlanBFollowUp(Rule):
    """A triggered plan B without what followed."""

    code, name, family, severity = "PLAN013", "plan.plan_b_followed", "PLAN", "warning"
    summary = msg("Triggered plan B without what followed")
    message = msg("The record says a plan B came into force but not {missing}. Add whether the agreed step was taken (applied: true/false) and what followed (what_followed) (plan_b_triggered)")
    rationale = msg("A good plan contains a plan B (IQ, ME, CR); when it comes into force the team records whether it was applied and what followed, so its effect can be evaluated.")

    _MISSING = {
        "applied": msg("whether it was applied"),
        "what_followed": msg("what followed"),
    }

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        from ..records.i18n import render

        for index, entry in enumerate(ctx.record.plan_b_triggered):
            for key in ("applied", "what_followed"):
                if getattr(entry, key) in (None, ""):
                    yield Hit(("plan_b_triggered", index), {"missing": render(self._MISSING[key], ctx.repo.lang)})
                    break


RULES = [ActionOwner, ActionDue, ActionDueBeforeConference, ActionOwnerKnown, NextReview, ActionIndicator,
         PlanB, InformationSharing, PlanCaseManager, MeetingPlan, ActionWhat, FamilyTaskCap, PlanBFollowUp]
