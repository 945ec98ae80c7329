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
    message = tr("Úkol {id} („{do}“, termín {due}) byl otevřený, ale toto setkání ho nehodnotí. Doplňte, jak dopadl: {{action: {id}, result: done|partly_done|not_done|cancelled|continued}} (evaluation)",
                 "Mjera {id} („{do}“, rok {due}) bila je otvorena, ali je ovaj sastanak ne ocjenjuje. Dopunite ishod: {{action: {id}, result: done|partly_done|not_done|cancelled|continued}} (evaluation)",
                 "Action {id} ('{do}', due {due}) was open, but this meeting does not evaluate it. Add how it went: {{action: {id}, result: done|partly_done|not_done|cancelled|continued}} (evaluation)")
    rationale = tr("Metodika Chrudim: na následném setkání se projde každý úkol; nevyhodnocený plán je známé selhání (ČH).",
                   "Metodika: na narednom sastanku prolazi se svaka mjera; plan bez praćenja je poznat propust (CG).",
                   "CR: at a follow-up the participants go back through every task; plans not followed up are a known failure (ME).")

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
    summary = tr("Revize plánovaná příliš brzy", "Revizija planirana prerano", "Review planned too soon")
    message = tr("Další revize ({next_review}) je jen {days} dní po konferenci, méně než {limit}. Rodina potřebuje čas plán plnit: posuňte termín, nebo při vážné změně svolejte krizovou konferenci (plan.next_review)",
                 "Sljedeća revizija ({next_review}) je samo {days} dana nakon konferencije, manje od {limit}. Porodici treba vremena da izvrši plan: pomjerite datum ili, ako se desi nešto ozbiljno, sazovite kriznu konferenciju (plan.next_review)",
                 "The next review ({next_review}) is only {days} days after the conference, fewer than {limit}. The family needs time to work on the plan: move it later, or call a crisis conference if something serious happens (plan.next_review)")
    rationale = tr("Chrudim: následná konference nejdříve zhruba po třech měsících, pokud se nestane nic vážného. V černohorském profilu se revize řídí termínem plánu: nesmí být dřív než poslední termín úkolů (REV011).",
                   "Češka praksa (Chrudim): naredna konferencija najranije nakon oko tri mjeseca. U crnogorskom profilu revizija prati rok plana (REV011), a ne najmanji razmak.",
                   "CR: follow-up conferences no earlier than about three months unless something serious happens. In the Montenegrin profile the review follows the plan's deadline instead (REV011).")

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
    summary = tr("Revize před termínem plánu", "Revizija prije roka plana", "Review before the plan's deadline")
    message = tr("Další revize ({next_review}) je dřív než poslední termín úkolů plánu ({deadline}). Revize přichází po vyhodnocení plánu: dejte ji po {deadline}, nebo zkraťte termíny (plan.next_review)",
                 "Sljedeća revizija ({next_review}) je prije posljednjeg roka mjera u planu ({deadline}). Revizija dolazi nakon evaluacije plana: zakažite je poslije {deadline} ili skratite rokove (plan.next_review)",
                 "The next review ({next_review}) comes before the plan's last deadline ({deadline}). The review follows the plan's evaluation: set it after {deadline}, or shorten the deadlines (plan.next_review)")
    rationale = tr("Černohorská praxe: po uplynutí termínů plánu ho case manager, vedoucí služby a supervizor vyhodnotí a rozhodnou o revizní konferenci. Platí v profilu, kde se revize řídí termínem plánu.",
                   "Analiza (CG): nakon isteka rokova plana voditelj slučaja, rukovodilac službe i supervizor ga ocjenjuju i odlučuju o revizionoj konferenciji. Važi u profilu u kojem revizija prati rok plana.",
                   "ME: after the plan's deadlines the case manager, head of service and supervisor evaluate it and decide on a review conference. Applies where the profile's review_timing is plan_deadline.")

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
    summary = tr("Revize se konala příliš brzy", "Revizija održana prerano", "Review held too soon")
    message = tr("Revize se konala {days} dní po předchozím setkání ({previous}), dřív než po {limit} dnech. Pokud se stalo něco vážného, zapište ji jako krizovou konferenci (kind: crisis); jinak dejte rodině na plán víc času (date)",
                 "Revizija je održana {days} dana nakon prethodnog sastanka ({previous}), prije isteka {limit} dana. Ako se desilo nešto ozbiljno, upišite je kao kriznu konferenciju (kind: crisis); inače dajte porodici više vremena (date)",
                 "The review took place {days} days after the previous meeting ({previous}), sooner than {limit} days. If something serious happened, record it as a crisis conference (kind: crisis); otherwise give the family more time (date)")
    rationale = tr("Chrudim: následná konference nejdříve zhruba po třech měsících, pokud se nestane nic vážného. REV002 hlídá plánované datum, tato kontrola skutečné.",
                   "Češka praksa (Chrudim): naredna konferencija najranije nakon oko tri mjeseca, osim u krizi. REV002 prati planirani datum, ova provjera stvarni.",
                   "CR: follow-up conferences no earlier than about three months unless something serious happens. REV002 checks the planned date, this the date it was held.")

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
    summary = tr("Krizová konference neříká, zda nastal plán B", "Krizna konferencija ne navodi da li je aktiviran rezervni plan",
                 "Crisis conference does not say whether plan B came into force")
    message = tr("Předchozí plán měl plán B ({condition}), ale záznam krizové konference neříká, zda nastal a zda se použil. Doplňte plan_b_triggered: {{record, condition, date, applied, what_followed}}, nebo applied: false, pokud nenastal",
                 "Prethodni plan je imao rezervni plan ({condition}), ali zapis krizne konferencije ne kaže da li je aktiviran i primijenjen. Dopunite plan_b_triggered: {{record, condition, date, applied, what_followed}}",
                 "The previous plan had a plan B ({condition}), but this crisis record does not say whether it came into force or was applied. Add plan_b_triggered: {{record, condition, date, applied, what_followed}}, or applied: false if it did not")
    rationale = tr("Dobrý plán obsahuje plán B (IQ, ČH); krize je chvíle, kdy se ukáže, zda fungoval. Bez záznamu to nejde vyhodnotit ani spočítat ve statistice.",
                   "Dobar plan sadrži rezervni plan (IQ, CG); kriza pokazuje da li je djelovao. Bez zapisa to se ne može ocijeniti niti prebrojati u statistici.",
                   "A good plan has a plan B (IQ, ME); a crisis shows whether it worked. Without a record it can be neither evaluated nor counted in the statistics.")

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
    summary = tr("Hodnocení neprovedli ti, kdo ho mají provést", "Evaluaciju nisu izvršili oni koji treba",
                 "Evaluation not carried out by the named roles")
    message = tr("U hodnocení chybí {missing}. Plán hodnotí {roles}: doplňte je do participants, nebo uveďte, proč chyběli",
                 "U evaluaciji nedostaje {missing}. Plan ocjenjuju {roles}: dodajte ih u participants ili navedite zašto ih nije bilo",
                 "The evaluation lacks {missing}. The plan is evaluated by {roles}: add them to participants, or say why they were missing")
    rationale = tr("Černohorská praxe: účinky plánu hodnotí case manager, vedoucí služby a supervizor (profil, evaluators). České zdroje tuto trojici nestanoví, proto je v českém profilu jen poznámkou.",
                   "Analiza (CG): efekte plana ocjenjuju voditelj slučaja, rukovodilac službe i supervizor (profil, evaluators).",
                   "ME: the case manager, the head of service and the supervisor evaluate the plan's effects (profile `evaluators`). Czech sources set no such trio, so it is only a note in the Czech profile.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        wanted = ctx.profile.evaluators
        if not wanted:
            return
        present = {p.role for p in ctx.record.participants if p.attendance.value in ("present", "partial")}
        missing = [role for role in wanted if role not in present]
        if missing:
            yield Hit(("participants",), {"missing": ", ".join(missing), "roles": ", ".join(wanted)})


class UnknownAction(Rule):
    """Evaluation of an action that does not exist."""

    code, name, family = "REV003", "rev.unknown_action", "REV"
    summary = tr("Hodnocení neexistujícího úkolu", "Ocjena nepostojeće mjere", "Evaluation of an unknown action")
    message = tr("Hodnotí se úkol {id}, který v dřívějších záznamech případu není (známé: {known}). Opravte číslo úkolu; nový úkol patří do plánu (evaluation.action)",
                 "Ocjenjuje se mjera {id} koje nema u ranijim zapisima slučaja (poznate: {known}). Ispravite broj mjere; nova mjera ide u plan (evaluation.action)",
                 "Action {id} is evaluated but appears in no earlier record of this case (known: {known}). Fix the action id; a new action belongs in the plan (evaluation.action)")
    rationale = tr("Specifikace: hodnocení odkazuje na úkoly z dřívějších záznamů téhož případu.",
                   "Specifikacija: ocjena upućuje na mjere iz ranijih zapisa istog slučaja.",
                   "Record format: evaluations refer to actions set by earlier records of the same case.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        known = ctx.actions_before
        for index, entry in enumerate(ctx.record.evaluation):
            if entry.action not in known:
                yield Hit(("evaluation", index, "action"), {"id": entry.action, "known": ", ".join(known) or "-"})


class EvaluationConclusions(Rule):
    """Evaluation record without conclusions."""

    code, name, family, kinds = "REV004", "rev.evaluation_conclusions", "REV", frozenset({ConferenceKind.evaluation})
    summary = tr("Hodnocení bez závěrů", "Evaluacija bez zaključaka", "Evaluation without conclusions")
    message = tr("Hodnocení nemá závěr. Napište, co z něj plyne a co bude dál, např. zda svolat revizní konferenci (conclusions)",
                 "Evaluacija nema zaključak. Napišite šta iz nje proizlazi i šta slijedi, npr. da li sazvati revizionu konferenciju (conclusions)",
                 "The evaluation has no conclusion. Write what follows from it and what happens next, e.g. whether to call a review conference (conclusions)")
    rationale = tr("Černohorská praxe: hodnocení končí krátkou zprávou se závěrem, případně revizní konferencí.",
                   "Praksa (CG): evaluacija se završava kratkim izvještajem sa zaključkom.",
                   "ME: the evaluation ends in a short report with a conclusion, possibly a review conference.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.conclusions:
            yield Hit(("kind",))


class ContinuedWithoutDue(Rule):
    """A continued action without a new due date."""

    code, name, family, severity = "REV005", "rev.continued_due", "REV", "warning"
    summary = tr("Pokračující úkol bez nového termínu", "Nastavljena mjera bez novog roka", "Continued action without a new due date")
    message = tr("Úkol {id} pokračuje, ale nemá nový termín. Dohodněte, do kdy (evaluation.due: RRRR-MM-DD)",
                 "Mjera {id} se nastavlja, ali nema novi rok. Dogovorite do kada (evaluation.due: GGGG-MM-DD)",
                 "Action {id} continues but has no new deadline. Agree by when (evaluation.due: YYYY-MM-DD)")
    rationale = tr("Metodika: převzatý úkol je nový závazek a potřebuje nový termín.",
                   "Metodika: preuzeta mjera je nova obaveza i traži novi rok.",
                   "Methodology: a task carried over is a new commitment and needs a new deadline.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, entry in enumerate(ctx.record.evaluation):
            if entry.result is not None and entry.result.value == "continued" and entry.due is None:
                yield Hit(("evaluation", index), {"id": entry.action})


class AlreadyClosed(Rule):
    """Evaluation of an action that was already closed."""

    code, name, family, severity = "REV006", "rev.already_closed", "REV", "warning"
    summary = tr("Hodnocení už uzavřeného úkolu", "Ocjena već zatvorene mjere", "Evaluation of an already closed action")
    message = tr("Úkol {id} byl uzavřen už dříve ({status}). Pokud se k němu vracíte, založte nový úkol (evaluation.action)",
                 "Mjera {id} je već ranije zatvorena ({status}). Ako se vraćate na nju, otvorite novu mjeru (evaluation.action)",
                 "Action {id} was already closed ({status}). If you return to it, set a new action (evaluation.action)")
    rationale = tr("Odvozený stav: úkol se uzavírá jednou; znovuotevření by skrylo historii plánu.",
                   "Izvedeno stanje: mjera se zatvara jednom; ponovno otvaranje skriva istoriju plana.",
                   "Derived status: an action closes once; reopening it hides the history of the plan.")

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
    message = tr("U úkolu {id} chybí, jak dopadl. Napište done, partly_done, not_done, cancelled, nebo continued s novým termínem (evaluation.result)",
                 "Kod mjere {id} nedostaje ishod. Upišite done, partly_done, not_done, cancelled ili continued sa novim rokom (evaluation.result)",
                 "Action {id} has no outcome. Write done, partly_done, not_done, cancelled, or continued with a new deadline (evaluation.result)")
    rationale = tr("Metodika Chrudim: na následném setkání dostane každý úkol výslovný výsledek.",
                   "Metodika: na narednom sastanku svaka mjera dobija izričit ishod.",
                   "CR: at a follow-up every task gets an explicit outcome.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, entry in enumerate(ctx.record.evaluation):
            if entry.result is None:
                yield Hit(("evaluation", index, "result"), {"id": entry.action})


RULES = [EvaluationResult, EvaluatesOpenActions, ReviewTooSoon, UnknownAction, EvaluationConclusions, ContinuedWithoutDue,
         AlreadyClosed, ReviewHeldTooSoon, CrisisSaysPlanB, Evaluators, ReviewBeforeDeadline]
