"""CONF: how the conference was prepared and held."""

from __future__ import annotations

from typing import Iterator

from ..records.catalogue import msg, nmsg
from ..records.vocab import FAMILY_ROLES, ConferenceKind
from .base import ALL_KINDS, MEETINGS, Hit, RecordContext, Rule, Words

WITH_GOAL = MEETINGS | {ConferenceKind.preparatory}
NOT_EVALUATION = ALL_KINDS - {ConferenceKind.evaluation}


def _agreed_at_previous_meeting(ctx: RecordContext) -> bool:
    """The previous meeting's plan set this review's date (give or take a fortnight)."""
    previous = ctx.previous_meetings[-1:] or []
    for doc in previous:
        plan = doc.model.plan
        if plan is not None and plan.next_review is not None and abs((plan.next_review - ctx.date).days) <= 14:
            return True
    return False


def _minutes(start: str, end: str) -> int:
    sh, sm = (int(x) for x in start.split(":"))
    eh, em = (int(x) for x in end.split(":"))
    return (eh * 60 + em) - (sh * 60 + sm)


class Goal(Rule):
    """Conference without a goal."""

    code, name, family, kinds = "CONF001", "conf.goal", "CONF", WITH_GOAL
    summary = msg("Conference without a goal")
    message = msg("The record does not say what the meeting is for. Write the goal so the family understands it, e.g. 'Agree how D1 gets to school' (goal)")
    rationale = msg("CR, preparation: the goal is stated before convening, realistic and understandable to the client.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.goal:
            yield Hit(("goal",))  # the empty key's line, or the first line when it is absent


class InvitationNotice(Rule):
    """Invitations sent too late."""

    code, name, family, severity, kinds = "CONF002", "conf.invitation_notice", "CONF", "warning", MEETINGS
    thresholds = ("invitation_min_days",)
    thresholds = ("invitation_min_days", "crisis_invitation_min_days")
    summary = msg("Invitations sent too late")
    message = nmsg("Invitations went out only {days} day before the meeting (invited), fewer than {limit}. Late invitations are one of the main causes of no-shows: invite earlier next time, or say why it was not possible",
                   "Invitations went out only {days} days before the meeting (invited), fewer than {limit}. Late invitations are one of the main causes of no-shows: invite earlier next time, or say why it was not possible", count="days")
    rationale = msg("ME analysis: invitations at one or two days' notice were one of the main reasons key actors did not come. A crisis conference is called by phone (CR); crisis_invitation_min_days applies to it.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        crisis = ctx.record.kind == ConferenceKind.crisis
        invited = ctx.record.invited
        limit = ctx.thresholds.crisis_invitation_min_days if crisis else ctx.thresholds.invitation_min_days
        if invited is not None and (ctx.date - invited).days < limit:
            yield Hit(("invited",), {"days": (ctx.date - invited).days, "limit": limit})


class Booking(Rule):
    """Request to conference took longer than the service level."""

    code, name, family, severity, kinds = "CONF003", "conf.booking_time", "CONF", "warning", MEETINGS
    thresholds = ("booking_max_days",)
    summary = msg("Request to conference took too long")
    message = nmsg("{days} day passed from the request ({requested}) to the conference, more than {limit}; state why (caseconf.ignore) or book sooner",
                   "{days} days passed from the request ({requested}) to the conference, more than {limit}; state why (caseconf.ignore) or book sooner", count="days")
    rationale = msg("Vysočina service level (VY): facilitation is offered within 14 days of the request. A review agreed at the previous meeting is no request. Off in the Montenegrin profile.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        requested, limit = ctx.record.requested, ctx.thresholds.booking_max_days
        if ctx.record.kind == ConferenceKind.review and _agreed_at_previous_meeting(ctx):
            return
        if requested is not None and (ctx.date - requested).days > limit:
            yield Hit(("requested",), {"requested": requested, "days": (ctx.date - requested).days, "limit": limit})


class Duration(Rule):
    """Meeting length outside the usual range."""

    code, name, family, severity, kinds = "CONF004", "conf.duration", "CONF", "warning", MEETINGS
    thresholds = ("duration_minutes",)
    summary = msg("Meeting length outside the usual range")
    message = msg("the meeting took {minutes} minutes, outside {low}-{high}; check the times or state why")
    rationale = msg("Chrudim methodology (CR): a conference usually takes 90-120 minutes; longer tires the family, shorter rarely reaches a plan. Off in the Montenegrin profile.")

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
    summary = msg("Absence without a reason")
    message = msg("Participant {who} ({attendance}) has no reason for not coming. Record it: no_response, illness, work, refused, late_invitation, other, or in your own words (participants.reason)")
    rationale = msg("ME analysis: no-shows of key actors had no consequence because nobody recorded them.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, person in enumerate(ctx.record.participants):
            if person.attendance.value in ("absent", "excused") and not person.reason:
                yield Hit(("participants", index, "attendance"),
                          {"who": Words((person.ref or person.role,)), "attendance": Words((person.attendance.value,))})


class FacilitatorIndependent(Rule):
    """Facilitator not marked independent."""

    code, name, family, severity, kinds = "CONF006", "conf.facilitator_independent", "CONF", "warning", MEETINGS
    summary = msg("Facilitator not marked independent")
    message = msg("The meeting should be led by someone not involved in the case. If the facilitator is independent, add independent: true (roles.facilitator)")
    rationale = msg("CR/DEF: the facilitator is independent of the case and neutral. In Montenegrin practice the CSR case manager leads the meeting; the Montenegrin profile allows it (profile `lead`).")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        roles = ctx.record.roles
        lead = roles.facilitator if roles is not None else None
        if lead is not None and lead.independent is not True and lead.role not in ctx.profile.may_lead:
            yield Hit(("roles", "facilitator"))


class ChildParticipation(Rule):
    """Child participation not recorded."""

    code, name, family, severity, kinds = "CONF007", "conf.child_participation", "CONF", "warning", MEETINGS
    summary = msg("Child participation not recorded")
    message = msg("The record does not say how the child took part. Say whether the child was present, partly, represented, only informed or not informed (child.participation: present, partial, represented, informed, not_informed)")
    rationale = msg("Principle (CR, ME): the child's interest first; the child's view must reach the meeting in some form.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        child = ctx.record.child
        if child is None or child.participation is None:
            yield Hit(("child", "participation"))


class MeetingRoles(Rule):
    """Missing convener, facilitator or minute-taker."""

    code, name, family, kinds = "CONF008", "conf.roles", "CONF", WITH_GOAL
    summary = msg("Missing convener, facilitator or minute-taker")
    message = msg("Nobody is named as {role_name}. Decide the convener, facilitator and minute-taker beforehand: role and organisation (roles.{role})")
    rationale = msg("CR, roles; ME: convener, facilitator and minute-taker are decided before the meeting.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        roles = ctx.record.roles
        if ctx.record.kind == ConferenceKind.preparatory:
            if roles is None or roles.convener is None:
                yield Hit(("roles",), {"role": "convener", "role_name": Words(("convener",))})
            return
        for key in ("convener", "facilitator", "minutes"):
            if roles is None or getattr(roles, key) is None:
                yield Hit(("roles",), {"role": key, "role_name": Words((key,))})


class MeetingFacts(Rule):
    """Meeting without time, place, dates or basis."""

    code, name, family, kinds = "CONF009", "conf.meeting_facts", "CONF", MEETINGS
    summary = msg("Meeting without time, place, dates or basis")
    message = msg("The record lacks {field}. A meeting record gives start and end, place, when the request came and the invitations went out, and the basis ({field})")
    rationale = msg("ME minutes form: place and time, who convened, on what basis; without the dates no deadline can be shown.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for key in ("start", "end", "place", "requested", "invited", "basis"):
            if getattr(ctx.record, key) is None:
                yield Hit((key,), {"field": key})


class MinutesApproved(Rule):
    """Minutes not circulated or approved."""

    code, name, family, severity, kinds = "CONF010", "conf.minutes", "CONF", "warning", MEETINGS
    summary = msg("Minutes not circulated or approved")
    message = msg("The minutes have not been sent or approved yet ({field} missing). Send them to everyone invited, those absent too, and note who approved them (minutes.{field})")
    rationale = msg("ME analysis: minutes were sometimes never sent; client right to learn the outcome.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        minutes = ctx.record.minutes
        if minutes is None or minutes.circulated is None:
            yield Hit(("minutes",), {"field": "circulated"})
        if minutes is None or not minutes.approved_by:
            yield Hit(("minutes",), {"field": "approved_by"})


class Consent(Rule):
    """Data-sharing consent missing or dated after the conference."""

    code, name, family, severity, kinds = "CONF011", "conf.consent", "CONF", "warning", MEETINGS
    summary = msg("Data-sharing consent missing or later than the conference")
    message = msg("The client's written consent to share data ({consent}) is missing or dated after the conference. Record the date of consent given before the meeting (case.yml, consent.data_sharing)")
    rationale = msg("Principle (CR, DEF): data is shared only as far as needed and with the client's consent, except where the law says otherwise. Exceptions: a conference before a court petition (basis: court_petition, Act 359/1999) and a crisis conference.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        case_file = ctx.case.file
        if case_file is None or ctx.record.kind == ConferenceKind.crisis or ctx.record.basis == "court_petition":
            return
        consent = case_file.consent.data_sharing if case_file.consent else None
        if consent is None:
            yield Hit(("case",), {"consent": "-"})
        elif consent > ctx.date:
            yield Hit(("case",), {"consent": consent})


class EndBeforeStart(Rule):
    """Meeting ends before it starts."""

    code, name, family, kinds = "CONF012", "conf.end_before_start", "CONF", NOT_EVALUATION
    summary = msg("Meeting ends before it starts")
    message = msg("The meeting ends ({end}) before it starts ({start}). Fix the start or end time (start, end)")
    rationale = msg("Durations and statistics are computed from the times.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        record = ctx.record
        if record.start and record.end and _minutes(record.start, record.end) <= 0:
            yield Hit(("end",), {"start": record.start, "end": record.end})


class Participants(Rule):
    """Record without participants."""

    code, name, family = "CONF013", "conf.participants", "CONF"
    summary = msg("Record without participants")
    message = msg("The record lists no participants. List everyone invited: role, organisation and whether they came (participants)")
    rationale = msg("ME minutes form: present, excused and non-responding invitees are all recorded.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.participants:
            yield Hit(("participants",))


FAMILY_MEETINGS = MEETINGS  # a preparatory meeting is professionals only, by definition
AT_MEETING = ("present", "partial")


class FamilyInvited(Rule):
    """Nobody from the family was invited."""

    code, name, family, severity, kinds = "CONF014", "conf.family_invited", "CONF", "warning", FAMILY_MEETINGS
    summary = msg("Nobody from the family was invited")
    message = msg("Nobody from the family is among those invited. Parents (and the child) are always invited, even if they join only the second part: add them to participants, with whether they came")
    rationale = msg("CR principle: the client is always invited; client rights to be informed and to attend. Known failure (ME, IQ): the family is absent.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        people = ctx.record.participants
        if people and not any(p.role in FAMILY_ROLES and p.role != "support_person" for p in people):
            yield Hit(("participants",))


class SupportPresent(Rule):
    """Only control-oriented services were at the meeting."""

    code, name, family, severity, kinds = "CONF015", "conf.support_present", "CONF", "warning", MEETINGS
    summary = msg("Only control-oriented services were present")
    message = msg("The only professionals present were {roles}: nobody who supports the family (e.g. family worker, NGO, school, doctor). Invite support next time, or say why it was missing (participants)")
    rationale = msg("Known failure (ME, IQ): only control-oriented services present, no support for the family. The profile says which roles are control-oriented (vocabulary.control_roles).")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        present = [p.role for p in ctx.record.participants
                   if p.attendance.value in AT_MEETING and p.role not in FAMILY_ROLES
                   and p.role not in ("facilitator", "facilitator_assistant", "interpreter")]
        control = ctx.profile.control_roles
        if present and all(role in control for role in present):
            yield Hit(("participants",), {"roles": Words(tuple(sorted(set(present))))})


def _explicitly_no(ctx: RecordContext, value: bool | None, key: tuple[str, ...]) -> Iterator[Hit]:
    if value is False:
        yield Hit(key)


class ConfidentialitySigned(Rule):
    """The confidentiality statement was not signed."""

    code, name, family, severity, kinds = "CONF016", "conf.confidentiality", "CONF", "warning", MEETINGS
    summary = msg("Confidentiality statement not signed")
    message = msg("Participants did not sign the confidentiality statement (confidentiality_signed: false). It is signed at the start with the attendance sheet; if that was not possible, say why in the minutes")
    rationale = msg("CR, the meeting: the attendance sheet and the confidentiality form are signed at the start; principle of confidentiality.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        yield from _explicitly_no(ctx, ctx.record.confidentiality_signed, ("confidentiality_signed",))


class ClientInformed(Rule):
    """The client was not told the outcome."""

    code, name, family, severity, kinds = "CONF017", "conf.client_informed", "CONF", "warning", MEETINGS
    summary = msg("Client not told the outcome")
    message = msg("The client was not told what the meeting reached (client_informed_of_outcome: false). Tell them the outcome and the plan, even if they were absent, and note when")
    rationale = msg("Client rights (CR, DEF): to be informed even when absent, and to learn the outcome.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        yield from _explicitly_no(ctx, ctx.record.client_informed_of_outcome, ("client_informed_of_outcome",))


class SummaryAgreed(Rule):
    """The client did not agree with the case summary."""

    code, name, family, severity, kinds = "CONF018", "conf.summary_agreed", "CONF", "warning", MEETINGS
    summary = msg("Client did not agree with the case summary")
    message = msg("The client did not agree with the case summary (case_summary.client_agreed: false). Go through it with them before sending it, or note in the minutes what they disagree with and how the meeting handled it")
    rationale = msg("CR: the client sees the summary beforehand and speaks first on it; client rights to respond to any statement and to disagree.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        summary = ctx.record.case_summary
        if summary is not None:
            yield from _explicitly_no(ctx, summary.client_agreed, ("case_summary", "client_agreed"))


class MinutesNotByCaseManager(Rule):
    """The minute-taker is the case manager."""

    code, name, family, severity, kinds = "CONF019", "conf.minutes_not_case_manager", "CONF", "info", MEETINGS
    summary = msg("The case manager takes the minutes")
    message = msg("The case manager ({role}) took the minutes. Someone else should: the case manager runs the case, and the minutes easily become their own note (roles.minutes)")
    rationale = msg("ME recommendation: the minute-taker is not the case manager. Only a note (info) in the Czech profile, where the source is borrowed.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        roles, plan = ctx.record.roles, ctx.record.plan
        writer = roles.minutes if roles is not None else None
        manager = (plan.case_manager if plan is not None else None) or (ctx.case.file.case_manager if ctx.case.file else None)
        if writer is None or manager is None:
            return
        same = writer.role == manager.role and (writer.org or None) == (manager.org or None) \
            and writer.title == manager.title
        # records name people by role: only when one person at the meeting has that role and
        # organisation are the minute-taker and the case manager surely the same person
        holders = [p for p in ctx.record.participants if p.role == writer.role
                   and (p.org or None) == (writer.org or None) and p.attendance.value in AT_MEETING]
        if same and len(holders) <= 1:
            yield Hit(("roles", "minutes"), {"role": Words((writer.role,))})


class Indications(Rule):
    """A meeting without any indication."""

    code, name, family, severity, kinds = "CONF020", "conf.indications", "CONF", "warning", MEETINGS
    summary = msg("No indication for the conference")
    message = msg("The record does not say why a conference was needed (indications is empty). Pick at least one, e.g. high_risk, coordination, major_decision")
    rationale = msg("CR, DEF, ME: a conference is called for named reasons (indications); where none applies, a more suitable tool may exist.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.indications:
            yield Hit(("indications",))


class NotInFuture(Rule):
    """A record dated in the future."""

    code, name, family, severity = "CONF021", "conf.future_date", "CONF", "warning"
    summary = msg("Record dated in the future")
    message = msg("The record is dated {date}, in the future. Minutes are written after the meeting: fix the date (date), or save the record after the meeting")
    rationale = msg("A record describes what happened; a future date is usually a typo in the year and skews the statistics. It only ever goes away with time, so what passed yesterday passes today.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.date > _today():
            yield Hit(("date",), {"date": ctx.date.isoformat()})


def _today():  # type: ignore[no-untyped-def]
    import datetime as dt
    import os

    fixed = os.environ.get("CASECONF_TODAY")  # tests and reproducible builds pin "today"
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


RULES = [Goal, InvitationNotice, Booking, Duration, AbsenceReason, FacilitatorIndependent, ChildParticipation,
         MeetingRoles, MeetingFacts, MinutesApproved, Consent, EndBeforeStart, Participants, FamilyInvited,
         SupportPresent, ConfidentialitySigned, ClientInformed, SummaryAgreed, MinutesNotByCaseManager,
         Indications, NotInFuture]
