"""CONF: how the conference was prepared and held."""

from __future__ import annotations

from typing import Iterator

from ..records.vocab import FAMILY_ROLES, ConferenceKind
from ._text import tr
from .base import ALL_KINDS, MEETINGS, Hit, RecordContext, Rule

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
    summary = tr("Konference bez cíle", "Konferencija bez cilja", "Conference without a goal")
    message = tr("Není napsáno, čeho má setkání dosáhnout. Napište cíl tak, aby mu rozuměla i rodina, např. „Dohodnout, jak D1 bude chodit do školy“ (goal)",
                 "Nije napisano šta sastanak treba da postigne. Napišite cilj tako da ga razumije i porodica, npr. „Dogovoriti kako će D1 ići u školu“ (goal)",
                 "The record does not say what the meeting is for. Write the goal so the family understands it, e.g. 'Agree how D1 gets to school' (goal)")
    rationale = tr("Metodika Chrudim, příprava: cíl se stanoví před svoláním, je reálný a klientovi srozumitelný.",
                   "Češka metodika (priprema) i analiza (CG): cilj se utvrđuje prije sazivanja, realan je i razumljiv korisniku.",
                   "CR, preparation: the goal is stated before convening, realistic and understandable to the client.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.goal:
            yield Hit(("goal",))  # the empty key's line, or the first line when it is absent


class InvitationNotice(Rule):
    """Invitations sent too late."""

    code, name, family, severity, kinds = "CONF002", "conf.invitation_notice", "CONF", "warning", MEETINGS
    thresholds = ("invitation_min_days",)
    thresholds = ("invitation_min_days", "crisis_invitation_min_days")
    summary = tr("Pozvánky odešly příliš pozdě", "Pozivi poslati prekasno", "Invitations sent too late")
    message = tr("Pozvánky odešly jen {days} dní před setkáním (invited), méně než {limit}. Pozdní pozvání je jednou z hlavních příčin neúčasti: příště zvěte dřív, nebo uveďte, proč to nešlo",
                 "Pozivi su poslati samo {days} dana prije sastanka (invited), manje od {limit}. Kasni pozivi su jedan od glavnih uzroka nedolaska: sljedeći put pozovite ranije ili navedite zašto nije bilo moguće",
                 "Invitations went out only {days} days before the meeting (invited), fewer than {limit}. Late invitations are one of the main causes of no-shows: invite earlier next time, or say why it was not possible")
    rationale = tr("Analýza z Černé Hory: pozvánky jeden až dva dny předem byly jednou z hlavních příčin, proč klíčoví aktéři nepřišli. Krizová konference se svolává telefonicky, pro ni platí crisis_invitation_min_days.",
                   "Analiza prakse (CG): pozivi dan-dva unaprijed bili su jedan od glavnih razloga nedolaska ključnih aktera. Krizna konferencija se saziva telefonom; za nju važi crisis_invitation_min_days.",
                   "ME analysis: invitations at one or two days' notice were one of the main reasons key actors did not come. A crisis conference is called by phone (CR); crisis_invitation_min_days applies to it.")

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
    summary = tr("Od žádosti ke konferenci uplynulo příliš dní", "Od zahtjeva do konferencije prošlo previše dana",
                 "Request to conference took too long")
    message = tr("od žádosti ({requested}) ke konferenci uplynulo {days} dní, víc než {limit}; uveďte důvod (caseconf.ignore) nebo plánujte dřív",
                 "od zahtjeva ({requested}) do konferencije prošlo je {days} dana, više od {limit}",
                 "{days} days passed from the request ({requested}) to the conference, more than {limit}; state why (caseconf.ignore) or book sooner")
    rationale = tr("Standard služby na Vysočině: facilitaci nabídneme do 14 dnů od žádosti. Revize domluvená na minulém setkání žádostí není. V černohorském profilu je kontrola vypnutá.",
                   "Standard usluge u češkom regionu Vysočina: facilitacija u roku od 14 dana od zahtjeva. Revizija dogovorena na prethodnom sastanku nije zahtjev. U crnogorskom profilu provjera je isključena.",
                   "Vysočina service level (VY): facilitation is offered within 14 days of the request. A review agreed at the previous meeting is no request. Off in the Montenegrin profile.")

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
    summary = tr("Délka setkání mimo obvyklé rozpětí", "Trajanje sastanka van uobičajenog raspona",
                 "Meeting length outside the usual range")
    message = tr("setkání trvalo {minutes} minut, mimo rozpětí {low}–{high}; zkontrolujte časy nebo uveďte důvod",
                 "sastanak je trajao {minutes} minuta, van raspona {low}–{high}",
                 "the meeting took {minutes} minutes, outside {low}-{high}; check the times or state why")
    rationale = tr("Metodika Chrudim: konference obvykle trvá 90–120 minut; delší unaví rodinu, kratší málokdy dojde k plánu. V černohorském profilu je kontrola vypnutá.",
                   "Češka metodika (Chrudim): konferencija obično traje 90–120 minuta. U crnogorskom profilu provjera je isključena.",
                   "Chrudim methodology (CR): a conference usually takes 90-120 minutes; longer tires the family, shorter rarely reaches a plan. Off in the Montenegrin profile.")

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
    message = tr("U účastníka {who} ({attendance}) chybí důvod, proč nepřišel. Zapište ho: no_response (neozval se), illness, work, refused, late_invitation, other nebo vlastními slovy (participants.reason)",
                 "Kod učesnika {who} ({attendance}) nedostaje razlog izostanka. Upišite ga: no_response (nije se odazvao), illness, work, refused, late_invitation, other ili svojim riječima (participants.reason)",
                 "Participant {who} ({attendance}) has no reason for not coming. Record it: no_response, illness, work, refused, late_invitation, other, or in your own words (participants.reason)")
    rationale = tr("Černohorská analýza: neúčast klíčových aktérů neměla žádný následek, protože ji nikdo nezapsal.",
                   "Analiza (CG): izostanak ključnih aktera nije imao posljedice jer ga niko nije bilježio.",
                   "ME analysis: no-shows of key actors had no consequence because nobody recorded them.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for index, person in enumerate(ctx.record.participants):
            if person.attendance.value in ("absent", "excused") and not person.reason:
                yield Hit(("participants", index, "attendance"),
                          {"who": person.ref or person.role, "attendance": person.attendance.value})


class FacilitatorIndependent(Rule):
    """Facilitator not marked independent."""

    code, name, family, severity, kinds = "CONF006", "conf.facilitator_independent", "CONF", "warning", MEETINGS
    summary = tr("Facilitátor není označen jako nezávislý", "Voditelj konferencije nije označen kao nezavisan",
                 "Facilitator not marked independent")
    message = tr("Setkání má vést někdo, kdo do případu nevstupuje. Je-li facilitátor nezávislý, doplňte independent: true (roles.facilitator)",
                 "Sastanak treba da vodi neko ko nije uključen u slučaj. Ako je voditelj konferencije nezavisan, dopunite independent: true (roles.facilitator)",
                 "The meeting should be led by someone not involved in the case. If the facilitator is independent, add independent: true (roles.facilitator)")
    rationale = tr("Metodika (Chrudim, definice facilitace): facilitátor je na případu nezávislý a neutrální. V černohorské praxi vede setkání voditelj slučaja z CSR; černohorský profil to dovoluje.",
                   "Češka metodika: voditelj konferencije je nezavisan od slučaja i neutralan. U crnogorskoj praksi sastanak vodi voditelj slučaja iz CSR; crnogorski profil to dozvoljava.",
                   "CR/DEF: the facilitator is independent of the case and neutral. In Montenegrin practice the CSR case manager leads the meeting; the Montenegrin profile allows it (profile `lead`).")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        roles = ctx.record.roles
        lead = roles.facilitator if roles is not None else None
        if lead is not None and lead.independent is not True and lead.role not in ctx.profile.may_lead:
            yield Hit(("roles", "facilitator"))


class ChildParticipation(Rule):
    """Child participation not recorded."""

    code, name, family, severity, kinds = "CONF007", "conf.child_participation", "CONF", "warning", MEETINGS
    summary = tr("Není zaznamenána účast dítěte", "Nije zabilježeno učešće djeteta", "Child participation not recorded")
    message = tr("Není zapsáno, jak se do setkání zapojilo dítě. Uveďte, zda bylo přítomno, zčásti, zastoupeno, jen informováno, nebo neinformováno (child.participation: present, partial, represented, informed, not_informed)",
                 "Nije upisano kako je dijete uključeno u sastanak. Navedite da li je bilo prisutno, djelimično, zastupljeno, samo obaviješteno ili neobaviješteno (child.participation: present, partial, represented, informed, not_informed)",
                 "The record does not say how the child took part. Say whether the child was present, partly, represented, only informed or not informed (child.participation: present, partial, represented, informed, not_informed)")
    rationale = tr("Zásada: zájem dítěte na prvním místě; pohled dítěte se na setkání musí dostat v nějaké podobě (Chrudim, ČH).",
                   "Načelo: interes djeteta na prvom mjestu; glas djeteta mora stići do sastanka u nekom obliku.",
                   "Principle (CR, ME): the child's interest first; the child's view must reach the meeting in some form.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        child = ctx.record.child
        if child is None or child.participation is None:
            yield Hit(("child", "participation"))


class MeetingRoles(Rule):
    """Missing convener, facilitator or minute-taker."""

    code, name, family, kinds = "CONF008", "conf.roles", "CONF", WITH_GOAL
    summary = tr("Chybí svolavatel, facilitátor nebo zapisovatel", "Nedostaje sazivač, voditelj konferencije ili zapisničar",
                 "Missing convener, facilitator or minute-taker")
    message = tr("Není určeno, kdo má roli {role}. Svolavatele, facilitátora a zapisovatele určete předem: role a organizace (roles.{role})",
                 "Nije određeno ko ima ulogu {role}. Sazivača, voditelja konferencije i zapisničara odredite unaprijed: uloga i institucija (roles.{role})",
                 "Nobody is named as {role}. Decide the convener, facilitator and minute-taker beforehand: role and organisation (roles.{role})")
    rationale = tr("Metodika Chrudim, role: svolavatel, facilitátor a zapisovatel se určí před setkáním.",
                   "Češka metodika i analiza (CG): sazivač, voditelj konferencije i zapisničar određuju se prije sastanka.",
                   "CR, roles; ME: convener, facilitator and minute-taker are decided before the meeting.")

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
    message = tr("V záznamu chybí {field}. Záznam setkání uvádí začátek a konec, místo, kdy přišla žádost a kdy odešly pozvánky a z jakého důvodu se svolává ({field})",
                 "U zapisu nedostaje {field}. Zapis sastanka navodi početak i kraj, mjesto, kada je stigao zahtjev i kada su poslati pozivi i osnov sazivanja ({field})",
                 "The record lacks {field}. A meeting record gives start and end, place, when the request came and the invitations went out, and the basis ({field})")
    rationale = tr("Zápis podle černohorského formuláře: místo a čas, kdo svolal a na jakém základě; bez dat nelze doložit lhůty.",
                   "Obrazac zapisnika (CG): mjesto i vrijeme, ko je sazvao i po kom osnovu; bez datuma se rokovi ne mogu dokazati.",
                   "ME minutes form: place and time, who convened, on what basis; without the dates no deadline can be shown.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for key in ("start", "end", "place", "requested", "invited", "basis"):
            if getattr(ctx.record, key) is None:
                yield Hit((key,), {"field": key})


class MinutesApproved(Rule):
    """Minutes not circulated or approved."""

    code, name, family, severity, kinds = "CONF010", "conf.minutes", "CONF", "warning", MEETINGS
    summary = tr("Zápis nebyl rozeslán nebo schválen", "Zapisnik nije poslat ili odobren", "Minutes not circulated or approved")
    message = tr("Zápis zatím nebyl rozeslán nebo schválen ({field} chybí). Rozešlete ho všem pozvaným, i těm, kdo nepřišli, a zapište, kdo ho schválil (minutes.{field})",
                 "Zapisnik još nije poslat ili odobren (nedostaje {field}). Pošaljite ga svim pozvanima, i onima koji nisu došli, i upišite ko ga je odobrio (minutes.{field})",
                 "The minutes have not been sent or approved yet ({field} missing). Send them to everyone invited, those absent too, and note who approved them (minutes.{field})")
    rationale = tr("Černohorská analýza: zápis se někdy vůbec nerozeslal; právo klienta znát výsledek.",
                   "Analiza (CG): zapisnik ponekad nikad nije poslat; pravo korisnika da sazna ishod.",
                   "ME analysis: minutes were sometimes never sent; client right to learn the outcome.")

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
    message = tr("Písemný souhlas klienta se sdílením údajů ({consent}) chybí nebo je až po konferenci. Zapište datum souhlasu, který předcházel setkání (case.yml, consent.data_sharing)",
                 "Pisana saglasnost korisnika za dijeljenje podataka ({consent}) nedostaje ili je data poslije konferencije. Upišite datum saglasnosti date prije sastanka (case.yml, consent.data_sharing)",
                 "The client's written consent to share data ({consent}) is missing or dated after the conference. Record the date of consent given before the meeting (case.yml, consent.data_sharing)")
    rationale = tr("Zásada: údaje sdílíme jen v nutné míře a se souhlasem klienta, pokud zákon nestanoví jinak. Výjimky: konference před návrhem soudu (basis: court_petition, zákon 359/1999 Sb.) a krizová konference.",
                   "Načelo: podaci se dijele samo koliko je potrebno i uz saglasnost korisnika, osim kad zakon kaže drugačije. Izuzeci: konferencija pred predlog sudu i krizna konferencija.",
                   "Principle (CR, DEF): data is shared only as far as needed and with the client's consent, except where the law says otherwise. Exceptions: a conference before a court petition (basis: court_petition, Act 359/1999) and a crisis conference.")

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
    summary = tr("Konec setkání je před začátkem", "Kraj sastanka je prije početka", "Meeting ends before it starts")
    message = tr("Setkání končí ({end}) dřív, než začalo ({start}). Opravte čas začátku nebo konce (start, end)",
                 "Sastanak se završava ({end}) prije nego što je počeo ({start}). Ispravite vrijeme početka ili kraja (start, end)",
                 "The meeting ends ({end}) before it starts ({start}). Fix the start or end time (start, end)")
    rationale = tr("Z časů se počítá délka setkání a statistika.",
                   "Iz vremena se računa trajanje sastanka i statistika.",
                   "Durations and statistics are computed from the times.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        record = ctx.record
        if record.start and record.end and _minutes(record.start, record.end) <= 0:
            yield Hit(("end",), {"start": record.start, "end": record.end})


class Participants(Rule):
    """Record without participants."""

    code, name, family = "CONF013", "conf.participants", "CONF"
    summary = tr("Záznam bez účastníků", "Zapis bez učesnika", "Record without participants")
    message = tr("V záznamu nejsou účastníci. Uveďte všechny pozvané: roli, organizaci a zda přišli (participants)",
                 "U zapisu nema učesnika. Navedite sve pozvane: ulogu, instituciju i da li su došli (participants)",
                 "The record lists no participants. List everyone invited: role, organisation and whether they came (participants)")
    rationale = tr("Černohorský formulář zápisu: zapisují se přítomní, omluvení i pozvaní, kteří se neozvali.",
                   "Obrazac zapisnika (CG): upisuju se prisutni, opravdano odsutni i pozvani koji se nisu odazvali.",
                   "ME minutes form: present, excused and non-responding invitees are all recorded.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.participants:
            yield Hit(("participants",))


FAMILY_MEETINGS = MEETINGS  # a preparatory meeting is professionals only, by definition
AT_MEETING = ("present", "partial")


class FamilyInvited(Rule):
    """Nobody from the family was invited."""

    code, name, family, severity, kinds = "CONF014", "conf.family_invited", "CONF", "warning", FAMILY_MEETINGS
    summary = tr("Na konferenci nebyl pozván nikdo z rodiny", "Na konferenciju nije pozvan niko iz porodice",
                 "Nobody from the family was invited")
    message = tr("Mezi pozvanými není nikdo z rodiny. Rodiče (případně dítě) se zvou vždy, i když přijdou jen na druhou část: doplňte je do participants, i s tím, zda přišli",
                 "Među pozvanima nema nikoga iz porodice. Roditelji (i dijete) se pozivaju uvijek, makar došli samo na drugi dio: dodajte ih u participants, sa podatkom da li su došli",
                 "Nobody from the family is among those invited. Parents (and the child) are always invited, even if they join only the second part: add them to participants, with whether they came")
    rationale = tr("Metodika Chrudim: klient je na konferenci vždy pozván; právo být informován a zúčastnit se. Známé selhání: rodina chybí.",
                   "Češka metodika (Chrudim): klijent se uvijek poziva; pravo da bude obaviješten i da učestvuje. Poznat propust (CG analiza): porodica odsutna.",
                   "CR principle: the client is always invited; client rights to be informed and to attend. Known failure (ME, IQ): the family is absent.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        people = ctx.record.participants
        if people and not any(p.role in FAMILY_ROLES and p.role != "support_person" for p in people):
            yield Hit(("participants",))


class SupportPresent(Rule):
    """Only control-oriented services were at the meeting."""

    code, name, family, severity, kinds = "CONF015", "conf.support_present", "CONF", "warning", MEETINGS
    summary = tr("Na setkání byly jen kontrolní instituce, žádná podpora rodiny",
                 "Na sastanku su bile samo kontrolne institucije, bez podrške porodici",
                 "Only control-oriented services were present")
    message = tr("Z odborníků byli přítomni jen {roles}: nikdo, kdo rodinu podporuje (např. pracovník SAS, NNO, škola, lékař). Pozvěte příště i podporu, nebo uveďte, proč chyběla (participants)",
                 "Od stručnjaka su bili prisutni samo {roles}: niko ko porodici pruža podršku (npr. porodični saradnik, NVO, škola, ljekar). Sljedeći put pozovite i podršku ili navedite zašto je nije bilo (participants)",
                 "The only professionals present were {roles}: nobody who supports the family (e.g. family worker, NGO, school, doctor). Invite support next time, or say why it was missing (participants)")
    rationale = tr("Známé selhání (analýza ČH, pozice IQ): přítomny jen kontrolní služby, rodina bez podpory. Které role jsou kontrolní, určuje profil (vocabulary.control_roles).",
                   "Poznat propust (CG analiza, IQ): prisutne samo kontrolne službe, porodica bez podrške. Koje uloge su kontrolne određuje profil (vocabulary.control_roles).",
                   "Known failure (ME, IQ): only control-oriented services present, no support for the family. The profile says which roles are control-oriented (vocabulary.control_roles).")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        present = [p.role for p in ctx.record.participants
                   if p.attendance.value in AT_MEETING and p.role not in FAMILY_ROLES
                   and p.role not in ("facilitator", "facilitator_assistant", "interpreter")]
        control = ctx.profile.control_roles
        if present and all(role in control for role in present):
            yield Hit(("participants",), {"roles": ", ".join(sorted(set(present)))})


def _explicitly_no(ctx: RecordContext, value: bool | None, key: tuple[str, ...]) -> Iterator[Hit]:
    if value is False:
        yield Hit(key)


class ConfidentialitySigned(Rule):
    """The confidentiality statement was not signed."""

    code, name, family, severity, kinds = "CONF016", "conf.confidentiality", "CONF", "warning", MEETINGS
    summary = tr("Prohlášení o mlčenlivosti nebylo podepsáno", "Izjava o povjerljivosti nije potpisana",
                 "Confidentiality statement not signed")
    message = tr("Účastníci nepodepsali prohlášení o mlčenlivosti (confidentiality_signed: false). Podepisuje se na začátku setkání spolu s prezenční listinou; pokud to nešlo, napište do zápisu proč",
                 "Učesnici nisu potpisali izjavu o povjerljivosti (confidentiality_signed: false). Potpisuje se na početku sastanka uz listu prisutnih; ako nije bilo moguće, navedite u zapisniku zašto",
                 "Participants did not sign the confidentiality statement (confidentiality_signed: false). It is signed at the start with the attendance sheet; if that was not possible, say why in the minutes")
    rationale = tr("Metodika Chrudim, průběh: prezenční listina a prohlášení o mlčenlivosti se podepisují na začátku; zásada důvěrnosti.",
                   "Češka metodika, tok sastanka: lista prisutnih i izjava o povjerljivosti potpisuju se na početku; načelo povjerljivosti.",
                   "CR, the meeting: the attendance sheet and the confidentiality form are signed at the start; principle of confidentiality.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        yield from _explicitly_no(ctx, ctx.record.confidentiality_signed, ("confidentiality_signed",))


class ClientInformed(Rule):
    """The client was not told the outcome."""

    code, name, family, severity, kinds = "CONF017", "conf.client_informed", "CONF", "warning", MEETINGS
    summary = tr("Klient se nedozvěděl výsledek", "Korisnik nije obaviješten o ishodu", "Client not told the outcome")
    message = tr("Klient se nedozvěděl, k čemu setkání dospělo (client_informed_of_outcome: false). Sdělte mu výsledek a plán, i když nepřišel, a zapište, kdy se to stalo",
                 "Korisnik nije saznao do čega se na sastanku došlo (client_informed_of_outcome: false). Saopštite mu ishod i plan, i ako nije došao, i upišite kada je to urađeno",
                 "The client was not told what the meeting reached (client_informed_of_outcome: false). Tell them the outcome and the plan, even if they were absent, and note when")
    rationale = tr("Práva klienta (Chrudim, definice): být informován, i když nebyl přítomen, a dozvědět se výsledek.",
                   "Prava korisnika (češka metodika): da bude obaviješten i kad nije prisutan i da sazna ishod.",
                   "Client rights (CR, DEF): to be informed even when absent, and to learn the outcome.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        yield from _explicitly_no(ctx, ctx.record.client_informed_of_outcome, ("client_informed_of_outcome",))


class SummaryAgreed(Rule):
    """The client did not agree with the case summary."""

    code, name, family, severity, kinds = "CONF018", "conf.summary_agreed", "CONF", "warning", MEETINGS
    summary = tr("Klient nesouhlasil s kazuistikou", "Korisnik se nije složio sa prikazom slučaja",
                 "Client did not agree with the case summary")
    message = tr("Klient s kazuistikou nesouhlasil (case_summary.client_agreed: false). Projděte ji s ním před rozesláním, nebo do zápisu napište, s čím nesouhlasí a jak se to na setkání řešilo",
                 "Korisnik se nije složio sa prikazom slučaja (case_summary.client_agreed: false). Pregledajte ga zajedno sa korisnikom prije slanja ili u zapisnik upišite sa čim se ne slaže i kako je to riješeno",
                 "The client did not agree with the case summary (case_summary.client_agreed: false). Go through it with them before sending it, or note in the minutes what they disagree with and how the meeting handled it")
    rationale = tr("Metodika Chrudim: kazuistiku klient vidí předem a na setkání k ní mluví první; právo reagovat na každé tvrzení a nesouhlasit.",
                   "Češka metodika: korisnik unaprijed vidi prikaz slučaja i prvi govori o njemu; pravo da odgovori na svaku tvrdnju i da se ne složi.",
                   "CR: the client sees the summary beforehand and speaks first on it; client rights to respond to any statement and to disagree.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        summary = ctx.record.case_summary
        if summary is not None:
            yield from _explicitly_no(ctx, summary.client_agreed, ("case_summary", "client_agreed"))


class MinutesNotByCaseManager(Rule):
    """The minute-taker is the case manager."""

    code, name, family, severity, kinds = "CONF019", "conf.minutes_not_case_manager", "CONF", "info", MEETINGS
    summary = tr("Zápis píše case manager", "Zapisnik vodi voditelj slučaja", "The case manager takes the minutes")
    message = tr("Zápis psal sám case manager ({role}). Doporučuje se, aby zapisoval někdo jiný: case manager vede případ a zápis by se snadno stal jeho poznámkou (roles.minutes)",
                 "Zapisnik je vodio sam voditelj slučaja ({role}). Preporučuje se da zapisnik vodi neko drugi: voditelj slučaja vodi slučaj, pa bi zapisnik lako postao njegova bilješka (roles.minutes)",
                 "The case manager ({role}) took the minutes. Someone else should: the case manager runs the case, and the minutes easily become their own note (roles.minutes)")
    rationale = tr("Doporučení černohorské analýzy: zapisovatel není case manager (voditelj slučaja). V českém profilu jen poznámka.",
                   "Preporuka analize (CG): zapisničar nije voditelj slučaja.",
                   "ME recommendation: the minute-taker is not the case manager. Only a note (info) in the Czech profile, where the source is borrowed.")

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
            yield Hit(("roles", "minutes"), {"role": writer.role})


class Indications(Rule):
    """A meeting without any indication."""

    code, name, family, severity, kinds = "CONF020", "conf.indications", "CONF", "warning", MEETINGS
    summary = tr("Není uvedeno, proč se konference koná", "Nije navedeno zašto se konferencija održava",
                 "No indication for the conference")
    message = tr("Není uvedeno, proč je konference potřeba (indications je prázdné). Vyberte aspoň jeden důvod, např. high_risk, coordination, major_decision",
                 "Nije navedeno zašto je konferencija potrebna (indications je prazno). Izaberite bar jedan razlog, npr. high_risk, coordination, major_decision",
                 "The record does not say why a conference was needed (indications is empty). Pick at least one, e.g. high_risk, coordination, major_decision")
    rationale = tr("Metodika a definice facilitace: konference se svolává z určitých důvodů (indikace); kde důvod není, může se hodit jiný nástroj.",
                   "Metodika: konferencija se saziva iz određenih razloga (indikacije); gdje razloga nema, bolji je neki drugi alat.",
                   "CR, DEF, ME: a conference is called for named reasons (indications); where none applies, a more suitable tool may exist.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if not ctx.record.indications:
            yield Hit(("indications",))


class NotInFuture(Rule):
    """A record dated in the future."""

    code, name, family, severity = "CONF021", "conf.future_date", "CONF", "warning"
    summary = tr("Záznam s datem v budoucnosti", "Zapis sa datumom u budućnosti", "Record dated in the future")
    message = tr("Záznam je datován {date}, tedy do budoucnosti. Zápis se píše po setkání: opravte datum (date), nebo záznam uložte až po setkání",
                 "Zapis nosi datum {date}, u budućnosti. Zapisnik se piše nakon sastanka: ispravite datum (date) ili sačuvajte zapis nakon sastanka",
                 "The record is dated {date}, in the future. Minutes are written after the meeting: fix the date (date), or save the record after the meeting")
    rationale = tr("Záznam popisuje, co se stalo; budoucí datum bývá překlep v roce a zkreslí statistiku. Kontrola je jednosměrná: co prošlo včera, projde i dnes.",
                   "Zapis opisuje ono što se desilo; budući datum je obično greška u godini i kvari statistiku.",
                   "A record describes what happened; a future date is usually a typo in the year and skews the statistics. It only ever goes away with time, so what passed yesterday passes today.")

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
