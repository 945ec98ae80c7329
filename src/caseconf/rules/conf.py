"""CONF: how the conference was prepared and held."""

from __future__ import annotations

from typing import Iterator

from ..records.vocab import ConferenceKind
from ._text import tr
from .base import ALL_KINDS, MEETINGS, Hit, RecordContext, Rule

WITH_GOAL = MEETINGS | {ConferenceKind.preparatory}
NOT_EVALUATION = ALL_KINDS - {ConferenceKind.evaluation}


def _minutes(start: str, end: str) -> int:
    sh, sm = (int(x) for x in start.split(":"))
    eh, em = (int(x) for x in end.split(":"))
    return (eh * 60 + em) - (sh * 60 + sm)


class Goal(Rule):
    """Conference without a goal."""

    code, name, family, kinds = "CONF001", "conf.goal", "CONF", WITH_GOAL
    summary = tr("Konference bez cíle", "Konferencija bez cilja", "Conference without a goal")
    message = tr("chybí goal; napište cíl setkání srozumitelně pro rodinu (čeho chceme dnes dosáhnout)",
                 "nedostaje goal; napišite cilj sastanka razumljivo za porodicu",
                 "goal is missing; state the meeting's goal in words the family understands")
    rationale = "Methodology, preparation: the goal is stated before convening, realistic and understandable to the client."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.goal:
            yield Hit(("goal",))  # the empty key's line, or the first line when it is absent


class InvitationNotice(Rule):
    """Invitations sent too late."""

    code, name, family, severity, kinds = "CONF002", "conf.invitation_notice", "CONF", "warning", MEETINGS
    thresholds = ("invitation_min_days",)
    summary = tr("Pozvánky odešly příliš pozdě", "Pozivi poslati prekasno", "Invitations sent too late")
    message = tr("pozvánky odešly {days} dní před setkáním, méně než {limit}; pozdní pozvání je hlavní příčinou neúčasti",
                 "pozivi su poslati {days} dana prije sastanka, manje od {limit}; kasni pozivi su glavni uzrok nedolaska",
                 "invitations went out {days} days before the meeting, fewer than {limit}; late invitations are the main cause of no-shows")
    rationale = "ME analysis: invitations at one or two days' notice were a main reason key actors did not come."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        invited, limit = ctx.record.invited, ctx.thresholds.invitation_min_days
        if invited is not None and (ctx.date - invited).days < limit:
            yield Hit(("invited",), {"days": (ctx.date - invited).days, "limit": limit})


class Booking(Rule):
    """Request to conference took longer than the service level."""

    code, name, family, severity, kinds = "CONF003", "conf.booking_time", "CONF", "warning", MEETINGS
    thresholds = ("booking_max_days",)
    summary = tr("Od žádosti ke konferenci uplynulo příliš dní", "Od zahtjeva do konferencije prošlo previše dana",
                 "Request to conference took too long")
    message = tr("od žádosti ({requested}) ke konferenci uplynulo {days} dní, víc než {limit}; uveďte důvod (caseconf.ignore) nebo plánujte dřív",
                 "od zahtjeva ({requested}) do konferencije prošlo je {days} dana, više od {limit}",
                 "{days} days passed from the request ({requested}) to the conference, more than {limit}; state why (caseconf.ignore) or book sooner")
    rationale = "Vysočina service level: facilitation is offered within 14 days of the request."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        requested, limit = ctx.record.requested, ctx.thresholds.booking_max_days
        if requested is not None and (ctx.date - requested).days > limit:
            yield Hit(("requested",), {"requested": requested, "days": (ctx.date - requested).days, "limit": limit})


class Duration(Rule):
    """Meeting length outside the usual range."""

    code, name, family, severity, kinds = "CONF004", "conf.duration", "CONF", "warning", MEETINGS
    thresholds = ("duration_minutes",)
    summary = tr("Délka setkání mimo obvyklé rozpětí", "Trajanje sastanka van uobičajenog raspona",
                 "Meeting length outside the usual range")
    message = tr("setkání trvalo {minutes} minut, mimo rozpětí {low}–{high}; zkontrolujte časy nebo uveďte důvod",
                 "sastanak je trajao {minutes} minuta, van raspona {low}–{high}",
                 "the meeting took {minutes} minutes, outside {low}-{high}; check the times or state why")
    rationale = "Methodology: a conference usually takes 90-120 minutes; longer tires the family, shorter rarely reaches a plan."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        record = ctx.record
        if record.start and record.end:
            minutes = _minutes(record.start, record.end)
            low, high = ctx.thresholds.duration_minutes
            if minutes > 0 and not low <= minutes <= high:
                yield Hit(("end",), {"minutes": minutes, "low": low, "high": high})


class AbsenceReason(Rule):
    """Absent or excused participant without a reason."""

    code, name, family, severity = "CONF005", "conf.absence_reason", "CONF", "warning"
    summary = tr("Chybí důvod neúčasti", "Nedostaje razlog odsustva", "Absence without a reason")
    message = tr("účastník {who} je {attendance} bez uvedeného důvodu; doplňte reason (no_response, illness, work, refused, late_invitation, other nebo text)",
                 "učesnik {who} je {attendance} bez razloga; dopunite reason (no_response, illness, work, refused, late_invitation, other ili tekst)",
                 "participant {who} is {attendance} with no reason; add reason (no_response, illness, work, refused, late_invitation, other or text)")
    rationale = "ME analysis: no-shows of key actors had no consequence because nobody recorded them."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, person in enumerate(ctx.record.participants):
            if person.attendance.value in ("absent", "excused") and not person.reason:
                yield Hit(("participants", index, "attendance"),
                          {"who": person.ref or person.role, "attendance": person.attendance.value})


class FacilitatorIndependent(Rule):
    """Facilitator not marked independent."""

    code, name, family, severity, kinds = "CONF006", "conf.facilitator_independent", "CONF", "warning", MEETINGS
    summary = tr("Facilitátor není označen jako nezávislý", "Facilitator nije označen kao nezavisan",
                 "Facilitator not marked independent")
    message = tr("facilitátor nemá independent: true; facilitovat má někdo, kdo do případu nevstupuje",
                 "facilitator nema independent: true; sastanak vodi neko ko nije uključen u slučaj",
                 "the facilitator is not marked independent: true; the facilitator must not be involved in the case")
    rationale = "Methodology: the facilitator is independent of the case and neutral."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        roles = ctx.record.roles
        if roles is not None and roles.facilitator is not None and roles.facilitator.independent is not True:
            yield Hit(("roles", "facilitator"))


class ChildParticipation(Rule):
    """Child participation not recorded."""

    code, name, family, severity, kinds = "CONF007", "conf.child_participation", "CONF", "warning", MEETINGS
    summary = tr("Není zaznamenána účast dítěte", "Nije zabilježeno učešće djeteta", "Child participation not recorded")
    message = tr("chybí child.participation; uveďte, jak se dítě zapojilo (present, partial, represented, informed, not_informed)",
                 "nedostaje child.participation; navedite kako je dijete uključeno (present, partial, represented, informed, not_informed)",
                 "child.participation is missing; record how the child took part (present, partial, represented, informed, not_informed)")
    rationale = "Principle: the child's interest first; the child's view must reach the meeting in some form."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        child = ctx.record.child
        if child is None or child.participation is None:
            yield Hit(("child", "participation"))


class MeetingRoles(Rule):
    """Missing convener, facilitator or minute-taker."""

    code, name, family, kinds = "CONF008", "conf.roles", "CONF", WITH_GOAL
    summary = tr("Chybí svolavatel, facilitátor nebo zapisovatel", "Nedostaje sazivač, facilitator ili zapisničar",
                 "Missing convener, facilitator or minute-taker")
    message = tr("v roles chybí {role}; určete ji předem (role a organizace)",
                 "u roles nedostaje {role}; odredite je unaprijed (uloga i organizacija)",
                 "roles lacks {role}; decide it beforehand (role and organisation)")
    rationale = "Methodology, roles: convener, facilitator and minute-taker are decided before the meeting."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        roles = ctx.record.roles
        if ctx.record.kind == ConferenceKind.preparatory:
            if roles is None or roles.convener is None:
                yield Hit(("roles",), {"role": "convener"})
            return
        for key in ("convener", "facilitator", "minutes"):
            if roles is None or getattr(roles, key) is None:
                yield Hit(("roles",), {"role": key})


class MeetingFacts(Rule):
    """Meeting without time, place, dates or basis."""

    code, name, family, kinds = "CONF009", "conf.meeting_facts", "CONF", MEETINGS
    summary = tr("U setkání chybí čas, místo, data nebo důvod svolání", "Sastanku nedostaje vrijeme, mjesto, datumi ili osnov",
                 "Meeting without time, place, dates or basis")
    message = tr("chybí {field}; záznam konference uvádí začátek a konec, místo, datum žádosti a pozvání a důvod (basis)",
                 "nedostaje {field}; zapis konferencije navodi početak i kraj, mjesto, datum zahtjeva i poziva i osnov (basis)",
                 "{field} is missing; a conference record gives start and end, place, request and invitation dates and basis")
    rationale = "Spec 'What each kind needs'; ME minutes form: place and time, who convened, on what basis."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for key in ("start", "end", "place", "requested", "invited", "basis"):
            if getattr(ctx.record, key) is None:
                yield Hit((key,), {"field": key})


class MinutesApproved(Rule):
    """Minutes not circulated or approved."""

    code, name, family, severity, kinds = "CONF010", "conf.minutes", "CONF", "warning", MEETINGS
    summary = tr("Zápis nebyl rozeslán nebo schválen", "Zapisnik nije poslat ili odobren", "Minutes not circulated or approved")
    message = tr("chybí minutes.{field}; zápis se rozesílá účastníkům ke schválení, i těm, kdo nepřišli",
                 "nedostaje minutes.{field}; zapisnik se šalje učesnicima na odobrenje, i onima koji nisu došli",
                 "minutes.{field} is missing; minutes go to every participant for approval, those absent included")
    rationale = "ME analysis: minutes were sometimes never sent; client right to learn the outcome."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        minutes = ctx.record.minutes
        if minutes is None or minutes.circulated is None:
            yield Hit(("minutes",), {"field": "circulated"})
        if minutes is None or not minutes.approved_by:
            yield Hit(("minutes",), {"field": "approved_by"})


class Consent(Rule):
    """Data-sharing consent missing or dated after the conference."""

    code, name, family, severity, kinds = "CONF011", "conf.consent", "CONF", "warning", MEETINGS
    summary = tr("Souhlas se sdílením údajů chybí nebo je pozdější", "Saglasnost za dijeljenje podataka nedostaje ili je kasnija",
                 "Data-sharing consent missing or later than the conference")
    message = tr("souhlas se sdílením údajů ({consent}) chybí nebo je pozdější než konference; písemný souhlas klienta patří do case.yml (consent.data_sharing) s datem před konferencí",
                 "saglasnost za dijeljenje podataka ({consent}) nedostaje ili je kasnija od konferencije; upišite je u case.yml (consent.data_sharing) s datumom prije konferencije",
                 "data-sharing consent ({consent}) is missing or later than the conference; the client's written consent belongs in case.yml (consent.data_sharing), dated before the conference")
    rationale = "Principle: data is shared only as far as needed and with the client's consent."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        case_file = ctx.case.file
        if case_file is None:
            return
        consent = case_file.consent.data_sharing if case_file.consent else None
        if consent is None:
            yield Hit(("case",), {"consent": "-"})
        elif consent > ctx.date:
            yield Hit(("case",), {"consent": consent})


class EndBeforeStart(Rule):
    """Meeting ends before it starts."""

    code, name, family, kinds = "CONF012", "conf.end_before_start", "CONF", NOT_EVALUATION
    summary = tr("Konec setkání je před začátkem", "Kraj sastanka je prije početka", "Meeting ends before it starts")
    message = tr("konec {end} je před začátkem {start}; opravte časy",
                 "kraj {end} je prije početka {start}; ispravite vremena",
                 "end {end} is before start {start}; fix the times")
    rationale = "Structural: times are used for durations and statistics."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        record = ctx.record
        if record.start and record.end and _minutes(record.start, record.end) <= 0:
            yield Hit(("end",), {"start": record.start, "end": record.end})


class Participants(Rule):
    """Record without participants."""

    code, name, family = "CONF013", "conf.participants", "CONF"
    summary = tr("Záznam bez účastníků", "Zapis bez učesnika", "Record without participants")
    message = tr("chybí participants; uveďte všechny pozvané (role, organizace, účast)",
                 "nedostaju participants; navedite sve pozvane (uloga, organizacija, prisustvo)",
                 "participants is missing; list everyone invited (role, organisation, attendance)")
    rationale = "ME minutes form: present, excused and non-responding invitees are all recorded."

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.participants:
            yield Hit(("participants",))


RULES = [Goal, InvitationNotice, Booking, Duration, AbsenceReason, FacilitatorIndependent, ChildParticipation,
         MeetingRoles, MeetingFacts, MinutesApproved, Consent, EndBeforeStart, Participants]
