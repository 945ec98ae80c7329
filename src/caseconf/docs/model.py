"""The document model: what each paper says, built from the repository model.

A document is a title, a few header fields and a list of blocks (heading, fields, text,
list, table, write-in lines, signatures). The HTML templates (and so the PDF) and the DOCX
writer lay the same blocks out, so the three formats cannot say different things. Values
stay raw text here; the templates escape them (autoescape), the DOCX writer hands them to
Word as text runs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from ..records.models import ConferenceRecord, OrgRole, Participant
from ..records.repository import Case, LoadedDoc, Repository
from ..records.vocab import ConferenceKind
from ..records.vocab_labels import vocab_label
from .texts import PLURALS, TEXTS

KINDS = ("invitation", "attendance", "minutes", "family-plan", "evaluation")
BABEL_LOCALES = {"cs": "cs", "sr-Latn": "sr_Latn_ME", "en": "en_GB"}
FAMILY_ROLES = frozenset({"mother", "father", "parent", "guardian", "foster_parent", "grandparent", "relative",
                          "support_person"})
CHILD_ROLES = frozenset({"child"})
SCHOOL_ROLES = frozenset({"class_teacher", "school_counsellor", "school_head", "preschool_teacher"})
OFFICE_ROLES = frozenset({"ospod_worker", "csr_worker"})
HEALTH_ROLES = frozenset({"paediatrician", "doctor", "psychologist", "psychiatrist", "therapist"})
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
WRITE_IN_ROWS = 3  # blank rows at the end of an attendance sheet, for people nobody expected


class NotApplicable(Exception):
    """This record cannot give this document (e.g. an invitation to an evaluation)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(slots=True)
class Block:
    type: str  # heading | fields | text | list | table | lines | signatures | address
    text: str = ""
    rows: list[Any] = field(default_factory=list)
    head: list[str] = field(default_factory=list)
    css: str = ""  # a class the templates use for layout (e.g. "write-in", "family")


@dataclass(slots=True)
class Document:
    kind: str
    lang: str
    title: str
    subtitle: str
    blocks: list[Block]
    footer: str
    suffix: str = ""  # a file-name part telling several documents of one kind apart
    team: str = ""


# ---------------------------------------------------------------- language helpers
class Words:
    """Texts, vocabulary labels, dates and plural forms in one language."""

    def __init__(self, lang: str, overrides: dict[str, dict[str, str]] | None = None) -> None:
        self.lang = lang
        self.locale = BABEL_LOCALES.get(lang, "en_GB")
        self.overrides = overrides or {}

    def t(self, key: str, **params: Any) -> str:
        packaged = TEXTS.get(key, {})
        entry = self.overrides.get(key) or packaged
        template = entry.get(self.lang) or packaged.get(self.lang) or entry.get("en") or packaged.get("en") or key
        if not params:
            return template
        try:
            text = template.format(**params)
        except (KeyError, IndexError, ValueError):  # a team's rewording with a placeholder we do not fill
            text = (packaged.get(self.lang) or packaged.get("en") or key).format(**params)
        # a date that ends in a full stop (sr-Latn: "7. maj 2025.") before a sentence's own
        return _DOUBLE_STOP.sub(".", text)

    def items(self, key: str) -> list[str]:
        return [item.strip() for item in self.t(key).split("|") if item.strip()]

    def v(self, value: object) -> str:
        return vocab_label(value, self.lang)

    def date(self, value: dt.date | None, fmt: str = "long") -> str:
        return "–" if value is None else _format_date(value, fmt, self.locale)

    def minutes(self, count: int) -> str:
        return _format_minutes(count, self.locale)

    def plural(self, word: str, count: int) -> str:
        forms = PLURALS[word].get(self.lang) or PLURALS[word]["en"]
        return (forms.get(_plural_category(count, self.locale)) or forms["other"]).format(n=count)


# Babel's formatting is the slow part of a document (a site builds thousands): each value once.
@lru_cache(maxsize=4096)
def _format_date(value: dt.date, fmt: str, locale: str) -> str:
    from babel.dates import format_date

    return str(format_date(value, fmt, locale=locale))


@lru_cache(maxsize=512)
def _format_minutes(count: int, locale: str) -> str:
    from babel.units import format_unit

    return str(format_unit(count, "duration-minute", length="long", locale=locale))


@lru_cache(maxsize=512)
def _plural_category(count: int, locale: str) -> str:
    from babel import Locale

    return str(Locale.parse(locale).plural_form(count))


# ---------------------------------------------------------------- people by role
class People:
    """How a role, a reference or an organisation code reads on paper."""

    def __init__(self, repo: Repository, case: Case, record: ConferenceRecord, words: Words) -> None:
        self.words = words
        config = repo.config
        self.offices = dict(config.offices) if config else {}
        self.refs: dict[str, tuple[str, int | None]] = {}
        if case.file is not None:
            for member in case.file.household:
                self.refs[member.ref] = (member.role, member.age)
        for person in record.participants:
            if person.ref and person.ref not in self.refs:
                self.refs[person.ref] = (person.role, None)

    def org(self, code: str | None) -> str:
        if not code:
            return ""
        name = self.offices.get(code)
        return name or code

    def role(self, who: OrgRole | Participant | None, *, with_org: bool = True) -> str:
        if who is None:
            return "–"
        label = who.title or self.words.v(who.role)
        if who.title and who.role != "other":
            label = f"{self.words.v(who.role)} ({who.title})"
        ref = getattr(who, "ref", None)
        if ref:
            label = f"{label} ({ref})"
        org = self.org(who.org)
        return f"{label}, {org}" if with_org and org else label

    def owner(self, owner: str | None) -> str:
        """An action's holder: a reference (M) with its role, or a role."""
        if not owner:
            return "–"
        if owner in self.refs:
            return f"{self.words.v(self.refs[owner][0])} ({owner})"
        label = self.words.v(owner)
        return label

    def plain(self, ref: str) -> str:
        """A reference in words for the family (no codes): "matka", "dítě (12 let)"."""
        role, age = self.refs.get(ref, (ref, None))
        if role in CHILD_ROLES and age is not None:
            return self.words.t("child_age", age=self.words.plural("year", age))
        return self.words.v(role)

    def plain_text(self, text: str | None) -> str:
        """Free text with its references (M, D1) replaced by words, for the family's plan."""
        if not text:
            return ""
        if not self.refs:
            return text
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(r) for r in sorted(self.refs, key=len, reverse=True))
                             + r")(?![\w-])")
        return pattern.sub(lambda m: self.plain(m.group(1)), text)

    def group_of(self, owner: str | None) -> str:
        role = self.refs[owner][0] if owner in self.refs else (owner or "")
        if role in CHILD_ROLES:
            return "child"
        if role in FAMILY_ROLES:
            return "you"
        if role in SCHOOL_ROLES:
            return "school"
        if role in OFFICE_ROLES:
            return "office"
        if role in HEALTH_ROLES:
            return "health"
        if role == "other":
            return "others"
        return f"other:{role}"


# ---------------------------------------------------------------- the documents
@dataclass(slots=True)
class Source:
    repo: Repository
    case: Case
    doc: LoadedDoc
    words: Words

    @property
    def record(self) -> ConferenceRecord:
        return self.doc.model  # type: ignore[no-any-return]


def build(kind: str, repo: Repository, case: Case, doc: LoadedDoc, words: Words, *, to: str | None = None,
          one_letter: bool = False) -> list[Document]:
    """Every document of `kind` for this record: one invitation per invitee, or with
    `one_letter` a single one to copy (the site's print page: the addressee is handwritten anyway)."""
    source = Source(repo, case, doc, words)
    if kind == "invitation" and one_letter:
        return _invitations(source, to, one_letter=True)
    builders = {"invitation": _invitations, "attendance": _attendance, "minutes": _minutes,
                "family-plan": _family_plan, "evaluation": _evaluation}
    if kind not in builders:
        raise NotApplicable("unknown_kind")
    return builders[kind](source, to)


def _header(source: Source, people: People) -> list[tuple[str, str]]:
    record, w = source.record, source.words
    rows = [(w.t("case"), source.case.id), (w.t("meeting"), w.v(record.kind)), (w.t("date"), w.date(record.date, "full"))]
    if record.start:
        rows.append((w.t("time"), _time_range(record, w)))
    if record.place is not None:
        rows.append((w.t("where"), _place(source, people)))
    return rows


def _time_range(record: ConferenceRecord, w: Words) -> str:
    if record.start and record.end:
        return w.t("time_range", start=record.start, end=record.end, length=w.minutes(_length(record.start, record.end)))
    return w.t("time_from", start=record.start or "–")


def _length(start: str, end: str) -> int:
    sh, sm = (int(x) for x in start.split(":"))
    eh, em = (int(x) for x in end.split(":"))
    return max(0, (eh * 60 + em) - (sh * 60 + sm))


def _place(source: Source, people: People) -> str:
    record = source.record
    place = source.words.v(record.place)
    convener = record.roles.convener if record.roles else None
    org = people.org(convener.org) if convener is not None else ""
    if record.place is not None and record.place.value in ("ospod_office", "csr_office") and org:
        # "OSPOD Třebíč" says more than "OSPOD (OSPOD Třebíč)"
        return org if org.startswith(place) else source.words.t("place_of", place=place, org=org)
    return place


def _footer(source: Source) -> str:
    return f"{source.words.t('confidential')} {source.words.t('generated', record=source.doc.path)}"


def _is_meeting(record: ConferenceRecord) -> bool:
    return record.kind is not ConferenceKind.evaluation


def _invitations(source: Source, to: str | None, one_letter: bool = False) -> list[Document]:
    record, w = source.record, source.words
    if not _is_meeting(record):
        raise NotApplicable("no_meeting")
    people = People(source.repo, source.case, record, w)
    invitees = list(record.participants)
    if to is not None:
        invitees = [p for p in invitees if to in (p.ref, p.role)]
        if not invitees:
            raise NotApplicable("no_invitee")
    if not invitees:
        raise NotApplicable("no_participants")
    if one_letter:
        return [_invitation(source, people, None, "")]
    documents = []
    used: dict[str, int] = {}
    for person in invitees:
        key = person.ref or person.role
        used[key] = used.get(key, 0) + 1
        suffix = key if used[key] == 1 else f"{key}-{used[key]}"
        documents.append(_invitation(source, people, person, suffix))
    return documents


def _invitation(source: Source, people: People, person: Participant | None, suffix: str) -> Document:
    """The letter to `person`, or (None) one letter whose invitee is written in by hand too."""
    record, w = source.record, source.words
    roles = record.roles
    convener = people.role(roles.convener) if roles and roles.convener else "–"
    coordinator = roles.coordinator or roles.convener if roles else None
    kind_words = w.t(f"kind_in_sentence_{record.kind.value}")
    family = person is not None and (person.role in FAMILY_ROLES or person.role in CHILD_ROLES)
    invited_as = f"{w.t('invited_as')}: {people.role(person)}" if person is not None else f"{w.t('invited_as')}: " + "_" * 30
    blocks = [
        Block("address", w.t("addressee"), rows=[w.t("addressee_hint"), invited_as]),
        Block("text", w.t("salutation_family" if family else "salutation")),
        Block("text", w.t("invite_lead", kind=kind_words, convener=convener)),
        Block("fields", rows=[(w.t("when"), f"{w.date(record.date, 'full')}, {_time_range(record, w)}"),
                              (w.t("where"), _place(source, people) if record.place else "–")]),
        Block("heading", w.t("goal")),
        Block("text", record.goal or w.t("no_goal"), css="goal"),
    ]
    if record.case_summary and record.case_summary.circulated:
        blocks.append(Block("text", w.t("case_summary_sent", date=w.date(record.case_summary.circulated))))
    else:
        blocks.append(Block("text", w.t("case_summary_follows")))
    others = [p for p in record.participants if p is not person]
    blocks += [Block("heading", w.t("who_else")),
               Block("list", rows=[_invitee_line(people, p) for p in others] or [w.t("nobody")]),
               Block("text", w.t("who_count", count=w.plural("person", len(record.participants))))]
    blocks += [Block("heading", w.t("family_and_child")), Block("text", _family_line(record, people, w)),
               Block("text", _child_line(record, w))]
    blocks += [Block("heading", w.t("principles")), Block("list", rows=w.items("principles_list")),
               Block("heading", w.t("rights")), Block("list", rows=w.items("rights_list"))]
    reply_to = people.role(coordinator) if coordinator else convener
    blocks += [Block("heading", w.t("reply")),
               Block("text", w.t("reply_text", date=w.date(_reply_by(record)), who=reply_to)),
               Block("lines", w.t("contact_line"), rows=[""]),
               Block("text", w.t("closing")),
               Block("signatures", rows=[reply_to])]
    return Document("invitation", w.lang, w.t("title_invitation"), w.v(record.kind), blocks, _footer(source),
                    suffix=suffix, team=_team(source))


def _invitee_line(people: People, person: Participant) -> str:
    line = people.role(person)
    if person.supports:
        line += f" – {people.words.t('supports', who=people.owner(person.supports))}"
    return line


def _family_line(record: ConferenceRecord, people: People, w: Words) -> str:
    family = [people.role(p, with_org=False) for p in record.participants
              if p.role in FAMILY_ROLES and p.role != "support_person"]
    if not family:
        return w.t("family_not_invited")
    return w.t("family_takes_part", who=", ".join(family))


def _child_line(record: ConferenceRecord, w: Words) -> str:
    participation = record.child.participation if record.child else None
    return w.t(f"child_{participation.value}") if participation is not None else w.t("child_unknown")


def _reply_by(record: ConferenceRecord) -> dt.date:
    """Two days before the meeting, so the coordinator can still invite someone else; never
    before the invitations went out."""
    wanted = record.date - dt.timedelta(days=2)
    if record.invited is not None and wanted <= record.invited:
        return min(record.invited + dt.timedelta(days=1), record.date)
    return wanted


def _team(source: Source) -> str:
    config = source.repo.config
    return config.team if config else ""


def _attendance(source: Source, to: str | None) -> list[Document]:
    record, w = source.record, source.words
    if not _is_meeting(record):
        raise NotApplicable("no_meeting")
    people = People(source.repo, source.case, record, w)
    rows = [[people.role(p, with_org=False),
             people.org(p.org) or ("–" if not p.supports else w.t("supports", who=people.owner(p.supports))), "", ""]
            for p in record.participants]
    rows += [["", "", "", ""] for _ in range(WRITE_IN_ROWS)]
    blocks = [Block("fields", rows=_header(source, people)),
              Block("text", w.t("attendance_intro")),
              Block("table", head=[w.t("role"), w.t("organisation"), w.t("from_to"), w.t("signature")], rows=rows,
                    css="write-in"),
              Block("heading", w.t("confidentiality")),
              Block("text", w.t("confidentiality_text"), css="statement")]
    return [Document("attendance", w.lang, w.t("title_attendance"), w.v(record.kind), blocks, _footer(source),
                     team=_team(source))]


def _earlier(source: Source, people: People) -> Block | None:
    record, w = source.record, source.words
    if not record.evaluation:
        return None
    before = source.case.actions_before(source.doc)
    rows = []
    for entry in record.evaluation:
        state = before.get(entry.action)
        result = w.v(entry.result) if entry.result is not None else "–"
        if entry.due is not None:
            result += f" ({w.t('new_deadline', date=w.date(entry.due))})"
        rows.append([entry.action, state.do if state and state.do else "–", people.owner(state.owner if state else None),
                     w.date(state.due) if state else "–", result, entry.note or ""])
    return Block("table", head=[w.t("action_id"), w.t("measure"), w.t("holder"), w.t("deadline"), w.t("result"),
                                w.t("note")], rows=rows, css="evaluation")


def _plan_blocks(source: Source, people: People) -> list[Block]:
    record, w = source.record, source.words
    plan = record.plan
    if plan is None:
        return []
    blocks = [Block("heading", w.t("plan"))]
    if plan.actions:
        blocks.append(Block("table", head=[w.t("action_id"), w.t("measure"), w.t("holder"), w.t("deadline"),
                                           w.t("indicator")],
                            rows=[[a.id, a.do or "–", people.owner(a.owner), w.date(a.due), a.indicator or "–"]
                                  for a in plan.actions], css="plan"))
    else:
        blocks.append(Block("text", w.t("no_actions")))
    if plan.plan_b:
        blocks += [Block("heading", w.t("plan_b"), css="sub"),
                   Block("list", rows=[w.t("if_then", if_=b.if_ or "–", then=b.then or "–") for b in plan.plan_b])]
    fields = []
    if plan.information_sharing is not None:
        sharing = plan.information_sharing
        how = sharing.how or "–"
        fields.append((w.t("information_sharing"), w.t("frequency_label", how=how, frequency=w.v(sharing.frequency))
                       if sharing.frequency else how))
    if plan.case_manager is not None:
        fields.append((w.t("case_manager"), people.role(plan.case_manager)))
    if plan.core_group:
        fields.append((w.t("core_group"), ", ".join(people.owner(g) for g in plan.core_group)))
    fields.append((w.t("next_review"), w.date(plan.next_review) if plan.next_review else w.t("none_planned")))
    blocks.append(Block("fields", rows=fields))
    return blocks


def _body_blocks(body: str) -> list[Block]:
    """The record's Markdown minutes as plain headings and paragraphs (no HTML is passed on)."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("text", " ".join(paragraph)))
            paragraph.clear()

    for line in body.splitlines():
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith("#"):
            flush()
            blocks.append(Block("heading", stripped.lstrip("#").strip(), css="sub"))
        else:
            paragraph.append(stripped.lstrip("-*> ").strip() if stripped[:2] in ("- ", "* ", "> ") else stripped)
    flush()
    return blocks


def _signers(record: ConferenceRecord, people: People) -> list[str]:
    if record.minutes and record.minutes.approved_by:
        return [people.owner(who) for who in record.minutes.approved_by]
    if record.plan and record.plan.core_group:
        return [people.owner(who) for who in record.plan.core_group]
    return [people.role(p, with_org=False) for p in record.participants if p.attendance.value in ("present", "partial")]


def _minutes(source: Source, to: str | None) -> list[Document]:
    record, w = source.record, source.words
    people = People(source.repo, source.case, record, w)
    roles = record.roles
    basic = _header(source, people)
    if roles is not None:
        for key, label in (("convener", "convened_by"), ("coordinator", "coordinator"), ("facilitator", "facilitator"),
                           ("minutes", "minute_taker")):
            who = getattr(roles, key)
            if who is not None:
                basic.append((w.t(label), people.role(who) + (f" ({w.t('independent')})" if who.independent else "")))
    if record.basis:
        basic.append((w.t("basis"), w.v(record.basis)))
    if record.indications:
        basic.append((w.t("indications"), ", ".join(w.v(i) for i in record.indications)))

    def names(states: Iterable[str], reason: str | None = None) -> list[str]:
        found = []
        for p in record.participants:
            if p.attendance.value not in states:
                continue
            if reason == "no_response" and p.reason != "no_response":
                continue
            if reason == "other" and p.reason == "no_response":
                continue
            line = people.role(p)
            if p.attendance.value == "partial":
                line += f" ({w.t('partial_note')})"
            if p.attendance.value in ("excused", "absent") and p.reason and p.reason != "no_response":
                line += f" – {w.v(p.reason)}"
            found.append(line)
        return found

    attendance = [(w.t("present"), names(("present", "partial"))), (w.t("excused"), names(("excused",))),
                  (w.t("no_answer"), names(("absent",), "no_response")),
                  (w.t("absent_other"), names(("absent",), "other"))]
    blocks = [Block("heading", w.t("basic")), Block("fields", rows=basic)]
    for label, found in attendance:
        if found or label in (w.t("present"), w.t("excused"), w.t("no_answer")):
            blocks += [Block("heading", label, css="sub"), Block("list", rows=found or [w.t("nobody")])]
    blocks += [Block("heading", w.t("goal")), Block("text", record.goal or w.t("no_goal"), css="goal")]
    if record.child and (record.child.participation or record.child.views):
        blocks += [Block("heading", w.t("child_views"), css="sub"), Block("text", _child_line(record, w))]
        if record.child.views:
            blocks.append(Block("text", record.child.views))
    earlier = _earlier(source, people)
    if earlier is not None:
        blocks += [Block("heading", w.t("earlier_actions")), earlier]
    if record.needs:
        blocks += [Block("heading", w.t("needs")), Block("list", rows=list(record.needs))]
    body = _body_blocks(source.doc.body or "")
    if body:
        blocks += [Block("heading", w.t("course")), *body]
    blocks += [Block("heading", w.t("conclusions")), Block("list", rows=list(record.conclusions) or ["–"])]
    blocks += _plan_blocks(source, people)
    if record.minutes and record.minutes.circulated:
        blocks.append(Block("fields", rows=[(w.t("circulated"), w.date(record.minutes.circulated))]))
    blocks += [Block("heading", w.t("approval")), Block("text", w.t("approval_text")),
               Block("signatures", rows=_signers(record, people))]
    return [Document("minutes", w.lang, w.t("title_minutes"), w.v(record.kind), blocks, _footer(source),
                     team=_team(source))]


def _family_plan(source: Source, to: str | None) -> list[Document]:
    record, w = source.record, source.words
    plan = record.plan
    if plan is None or not plan.actions:
        raise NotApplicable("no_plan")
    people = People(source.repo, source.case, record, w)
    groups: dict[str, list[list[str]]] = {}
    for action in plan.actions:
        groups.setdefault(people.group_of(action.owner), []).append(
            [people.plain_text(action.do) or "–", w.date(action.due), people.plain_text(action.indicator) or "–"])
    order = ["you", "child", "school", "office", "health", "others"]
    keys = [k for k in order[:-1] if k in groups] + sorted(k for k in groups if k not in order) + \
        [k for k in order[-1:] if k in groups]
    goal = people.plain_text(record.goal)
    intro = w.t("fp_intro", date=w.date(record.date), goal_lead=w.t("fp_goal_lead") if goal else "")
    blocks = [Block("text", intro if goal else intro.rstrip(" :") + ".", css="lead")]
    if goal:
        blocks.append(Block("text", goal, css="goal"))
    for key in keys:
        title = w.t(f"fp_{key}") if not key.startswith("other:") else w.t("fp_other", who=w.v(key.split(":", 1)[1]))
        blocks += [Block("heading", title),
                   Block("table", head=[w.t("measure"), w.t("fp_by"), w.t("fp_know")], rows=groups[key], css="family")]
    blocks.append(Block("text", w.t("fp_tasks", count=w.plural("task", len(plan.actions)))))
    if plan.plan_b:
        blocks += [Block("heading", w.t("fp_plan_b")),
                   Block("list", rows=[w.t("if_then", if_=people.plain_text(b.if_) or "–",
                                           then=people.plain_text(b.then) or "–") for b in plan.plan_b])]
    if plan.information_sharing is not None and plan.information_sharing.how:
        sharing = plan.information_sharing
        text = people.plain_text(sharing.how) + (f" ({w.v(sharing.frequency)})" if sharing.frequency else "")
        blocks += [Block("heading", w.t("fp_sharing")), Block("text", text)]
    blocks += [Block("heading", w.t("fp_next")),
               Block("text", w.t("fp_next_text", date=w.date(plan.next_review, "full")) if plan.next_review
                     else w.t("fp_no_next"))]
    manager = plan.case_manager or (source.case.file.case_manager if source.case.file else None)
    if manager is not None:
        blocks += [Block("heading", w.t("fp_contact")),
                   Block("text", w.t("fp_contact_text", who=people.role(manager))),
                   Block("lines", w.t("contact_line"), rows=[""])]
    blocks.append(Block("text", w.t("fp_rights"), css="note"))
    return [Document("family-plan", w.lang, w.t("title_family-plan"), w.date(record.date), blocks,
                     w.t("confidential"), team=_team(source))]


def _evaluation(source: Source, to: str | None) -> list[Document]:
    record, w = source.record, source.words
    if not record.evaluation:
        raise NotApplicable("no_evaluation")
    people = People(source.repo, source.case, record, w)
    earlier = _earlier(source, people)
    assert earlier is not None
    assessors = [people.role(p) for p in record.participants if p.attendance.value in ("present", "partial")]
    blocks = [Block("fields", rows=[(w.t("case"), source.case.id), (w.t("meeting"), w.v(record.kind)),
                                    (w.t("date"), w.date(record.date))]),
              Block("text", w.t("ev_intro", date=w.date(record.date))),
              Block("heading", w.t("assessed_by")), Block("list", rows=assessors or ["–"]),
              Block("heading", w.t("earlier_actions")), earlier,
              Block("text", w.t("ev_summary", count=w.plural("action", len(record.evaluation)))),
              Block("heading", w.t("conclusion")),
              Block("list", rows=list(record.conclusions) or [w.t("no_conclusion")])]
    if record.plan is not None:
        plan_blocks = _plan_blocks(source, people)
        if plan_blocks:
            plan_blocks[0] = Block("heading", w.t("new_actions"))
        blocks += plan_blocks
    blocks += [Block("heading", w.t("signatures")), Block("signatures", rows=assessors or [""])]
    return [Document("evaluation", w.lang, w.t("title_evaluation"), w.v(record.kind), blocks, _footer(source),
                     team=_team(source))]


def available(record: ConferenceRecord) -> list[str]:
    """The documents this record can give (the site links these)."""
    kinds = []
    if _is_meeting(record) and record.participants:
        kinds += ["invitation", "attendance"]
    kinds.append("minutes")
    if record.plan is not None and record.plan.actions:
        kinds.append("family-plan")
    if record.evaluation:
        kinds.append("evaluation")
    return kinds
