"""PLAN: a plan says who does what by when, how we will know, and what if not."""

from __future__ import annotations

from typing import Iterator

from ._text import tr
from .base import MEETINGS, Hit, RecordContext, Rule

WHY_CONCRETE = "Methodology, 'A good plan': concrete steps - who, what exactly, by when, how we will know."


def _actions(ctx: RecordContext):  # type: ignore[no-untyped-def]
    plan = ctx.record.plan
    return list(enumerate(plan.actions)) if plan else []


class ActionOwner(Rule):
    """Action without an owner."""

    code, name, family = "PLAN001", "plan.action_owner", "PLAN"
    summary = tr("Úkol bez odpovědné osoby", "Mjera bez nosioca", "Action without an owner")
    message = tr("úkol {id} nemá odpovědnou osobu; doplňte owner: zkratku účastníka (M, F, D1) nebo roli přítomnou na setkání",
                 "mjera {id} nema nosioca; dopunite owner: oznaku učesnika (M, F, D1) ili ulogu prisutnu na sastanku",
                 "action {id} has no owner; add owner: a participant ref (M, F, D1) or a role present at the meeting")
    rationale = WHY_CONCRETE + " Group responsibility dilutes individual responsibility."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, action in _actions(ctx):
            if not action.owner:
                yield Hit(("plan", "actions", index, "owner"), {"id": action.id})


class ActionDue(Rule):
    """Action without a due date."""

    code, name, family = "PLAN002", "plan.action_due", "PLAN"
    summary = tr("Úkol bez termínu", "Mjera bez roka", "Action without a due date")
    message = tr("úkol {id} nemá termín; doplňte due: RRRR-MM-DD",
                 "mjera {id} nema rok; dopunite due: GGGG-MM-DD",
                 "action {id} has no due date; add due: YYYY-MM-DD")
    rationale = WHY_CONCRETE + " Without a deadline nobody can tell whether the plan is kept."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, action in _actions(ctx):
            if action.due is None:
                yield Hit(("plan", "actions", index, "due"), {"id": action.id})


class ActionDueBeforeConference(Rule):
    """Action due before the conference."""

    code, name, family = "PLAN003", "plan.action_due_past", "PLAN"
    summary = tr("Termín úkolu je před datem konference", "Rok mjere je prije datuma konferencije",
                 "Action due before the conference")
    message = tr("úkol {id} má termín {due}, tedy před konferencí ({date}); zadejte termín v budoucnosti",
                 "mjera {id} ima rok {due}, prije konferencije ({date}); unesite budući rok",
                 "action {id} is due {due}, before the conference ({date}); give a date after it")
    rationale = WHY_CONCRETE + " A deadline in the past cannot be met; it is usually a typo in the year."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, action in _actions(ctx):
            if action.due is not None and action.due < ctx.date:
                yield Hit(("plan", "actions", index, "due"), {"id": action.id, "due": action.due, "date": ctx.date})


class ActionOwnerKnown(Rule):
    """Action owner is neither a participant ref nor a role present at the meeting."""

    code, name, family = "PLAN004", "plan.action_owner_known", "PLAN"
    summary = tr("Odpovědná osoba není účastníkem setkání", "Nosilac nije učesnik sastanka",
                 "Owner is not a participant of the meeting")
    message = tr("odpovědná osoba „{owner}“ u úkolu {id} není zkratka účastníka ani role přítomná na setkání (možné: {options}); úkol musí převzít někdo, kdo u dohody byl",
                 "nosilac „{owner}“ mjere {id} nije oznaka učesnika niti uloga prisutna na sastanku (moguće: {options})",
                 "owner '{owner}' of action {id} is neither a participant ref nor a role present at the meeting (possible: {options}); someone who agreed to it must own it")
    rationale = "Methodology: tasks are agreed with the people who will carry them out, at the meeting."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        options = sorted(ctx.refs) + sorted(ctx.present_roles)
        for index, action in _actions(ctx):
            owner = action.owner
            if owner and owner not in ctx.refs and owner not in ctx.present_roles:
                yield Hit(("plan", "actions", index, "owner"),
                          {"owner": owner, "id": action.id, "options": ", ".join(options) or "-"})


class NextReview(Rule):
    """No next review planned while the case stays open."""

    code, name, family = "PLAN005", "plan.next_review", "PLAN"
    summary = tr("Chybí termín další revize plánu", "Nedostaje datum sljedeće revizije plana", "No next review planned")
    message = tr("plán nemá next_review, ačkoli případ pokračuje; doplňte datum následné konference nebo revize plánu",
                 "plan nema next_review, iako se slučaj nastavlja; dopunite datum revizione konferencije ili revizije plana",
                 "the plan has no next_review while the case stays open; add the date of the follow-up conference or plan review")
    rationale = "Methodology: every plan names when it will be reviewed; plans without follow-up are the most common failure."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        plan = ctx.record.plan
        if plan is not None and plan.next_review is None and not ctx.closes_case:
            yield Hit(("plan", "next_review"))


class ActionIndicator(Rule):
    """Action without an indicator."""

    code, name, family, severity = "PLAN006", "plan.action_indicator", "PLAN", "warning"
    summary = tr("Úkol bez ukazatele splnění", "Mjera bez pokazatelja", "Action without an indicator")
    message = tr("úkol {id} nemá indicator; napište, podle čeho poznáme, že je splněn (např. „zpráva lékaře předána OSPOD“)",
                 "mjera {id} nema indicator; napišite po čemu ćemo znati da je izvršena",
                 "action {id} has no indicator; say how exactly we will know it is done (e.g. 'doctor's note handed to the case manager')")
    rationale = "Methodology: a plan is evaluable only with objective indicators."

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
    summary = tr("Plán bez plánu B", "Plan bez rezervnog plana", "Plan without a plan B")
    message = tr("plán nemá plan_b; dohodněte, co se stane, když se plán nedodrží (if: … then: …)",
                 "plan nema plan_b (rezervni plan); dogovorite šta se dešava ako se plan ne ispoštuje (if: … then: …)",
                 "the plan has no plan_b; agree what happens if the plan is not kept (if: … then: …)")
    rationale = "Methodology, 'A good plan': it contains a plan B."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        yield from _plan_field_missing(ctx, "plan_b")


class InformationSharing(Rule):
    """Plan without an information-sharing arrangement."""

    code, name, family, severity = "PLAN008", "plan.information_sharing", "PLAN", "warning"
    summary = tr("Plán neříká, jak si budou účastníci předávat informace", "Plan ne navodi kako se razmjenjuju informacije",
                 "Plan without an information-sharing arrangement")
    message = tr("plán nemá information_sharing; doplňte jak (how) a jak často (frequency) se budou informace předávat",
                 "plan nema information_sharing; dopunite kako (how) i koliko često (frequency)",
                 "the plan has no information_sharing; add how and how often information is passed on")
    rationale = "Methodology: coordination between meetings needs an agreed route and rhythm."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        yield from _plan_field_missing(ctx, "information_sharing")


class PlanCaseManager(Rule):
    """Plan without a named case manager."""

    code, name, family, severity = "PLAN009", "plan.case_manager", "PLAN", "warning"
    summary = tr("Plán nejmenuje case managera", "Plan ne imenuje voditelja slučaja", "Plan names no case manager")
    message = tr("plán nemá case_manager; určete, kdo plán koordinuje a hlídá (např. role: ospod_worker)",
                 "plan nema case_manager; odredite ko koordinira i prati plan (npr. role: csr_worker)",
                 "the plan has no case_manager; name who coordinates and watches the plan (e.g. role: ospod_worker)")
    rationale = "Methodology: one coordinating body; someone must watch the plan between meetings."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        yield from _plan_field_missing(ctx, "case_manager")


class MeetingPlan(Rule):
    """Meeting without a plan."""

    code, name, family, kinds = "PLAN010", "plan.missing", "PLAN", MEETINGS
    summary = tr("Konference bez plánu", "Konferencija bez plana", "Conference without a plan")
    message = tr("záznam konference nemá plan; konference končí plánem (úkoly, termíny, revize), pokud se jí případ neuzavírá",
                 "zapis konferencije nema plan; konferencija se završava planom zaštite, osim ako se njome slučaj zatvara",
                 "the conference has no plan; a conference ends with a plan (actions, deadlines, review) unless the case closes at it")
    rationale = "Spec 'What each kind needs'; methodology: the output of a conference is a plan."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.record.plan is None and not ctx.closes_case:
            yield Hit(("kind",))


class ActionWhat(Rule):
    """Action without a description of what is to be done."""

    code, name, family = "PLAN011", "plan.action_do", "PLAN"
    summary = tr("Úkol bez popisu, co se má udělat", "Mjera bez opisa", "Action without a description")
    message = tr("úkol {id} nemá do; popište konkrétně, co se má udělat",
                 "mjera {id} nema do; opišite konkretno šta treba uraditi",
                 "action {id} has no `do`; describe concretely what is to be done")
    rationale = WHY_CONCRETE

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, action in _actions(ctx):
            if not action.do:
                yield Hit(("plan", "actions", index), {"id": action.id})


RULES = [ActionOwner, ActionDue, ActionDueBeforeConference, ActionOwnerKnown, NextReview, ActionIndicator,
         PlanB, InformationSharing, PlanCaseManager, MeetingPlan, ActionWhat]
