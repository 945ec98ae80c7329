"""`caseconf new`: scaffold a case, a conference record or an activity record.

Scaffolds leave the facts empty (goal, owner, due, participants …) so that `caseconf check`
flags them until someone fills them in. A review, crisis or evaluation lists every action
of the case still open on its date (derived status) under `evaluation`, each with the
action's text as a YAML comment. Files are written atomically and never overwritten: a
second record of the same kind on the same day gets `-2`, `-3` ….
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from ..errors import CaseconfError
from ..records.catalogue import msg
from ..records.i18n import render
from ..records.models import CASE_ID_PATTERN
from ..records.paths import ACTIVITIES_DIR, RECORDS_DIR
from ..records.repository import Case, Repository
from ..records.vocab import (BASIS_BY_JURISDICTION, EVALUATING_KINDS, INDICATIONS_BY_JURISDICTION, MEETING_KINDS,
                             ActivityKind, ConferenceKind, Place)
from .atomic import write_text_atomic

MAX_SUFFIX = 99
_ACTION_ID = re.compile(r"\b(?:id|action):\s*A(\d+)\b")

MESSAGES = {
    "unknown_office": msg("office '{office}' is not in caseconf.yml (offices); known: {known}"),
    "unknown_case": msg("case '{case}' is not in records/; start it with `caseconf new case --office CODE`"),
    "no_offices": msg("caseconf.yml lists no offices; add them first, e.g. `offices: {{JI: OSPOD Jihlava}}`"),
    "closed_case": msg("case {case} is closed{closed}; a record after the closure cannot be added. If the case is reopened, "
              "set `status: open` in {path} and remove `closed` and `closure_reason`"),
    "bad_case_id": msg("'{case}' is not a case id (e.g. JI-2025-014)"),
    "no_free_name": msg("no free file name for {path}"),
}


def message(key: str, lang: str, **params: Any) -> str:
    return render(MESSAGES[key], lang, params)


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("caseconf", "templates/new"),
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                              autoescape=False)


# The comments and messages of `caseconf new`, from the catalogue (msgctxt "caseconf new").
SCAFFOLD_TEXTS = {
    "case_intro": msg("A case: roles and short refs only (M, F, D1), never names, addresses or birth dates.", "caseconf new"),
    "closed_hint": msg("date closed, required when status: closed", "caseconf new"),
    "household_hint": msg("household members by ref and role only, e.g.:", "caseconf new"),
    "key_worker_hint": msg("e.g. {role: family_worker, org: \"…\"}", "caseconf new"),
    "consent_hint": msg("date of the client's written consent to share data", "caseconf new"),
    "fill_in": msg("Fill in the empty fields; `caseconf check` reports them until they are filled. Roles and refs only, no names.", "caseconf new"),
    "requested_hint": msg("when the convener asked for the conference (YYYY-MM-DD)", "caseconf new"),
    "invited_hint": msg("when invitations went out (YYYY-MM-DD)", "caseconf new"),
    "goal_hint": msg("the meeting's goal, in words the family understands", "caseconf new"),
    "summary_hint": msg("when participants received the anonymised case summary", "caseconf new"),
    "participants_hint": msg("everyone invited and their attendance (present | partial | excused | absent), e.g.:", "caseconf new"),
    "evaluation_hint": msg("every open action: result done | partly_done | not_done | cancelled | continued (+ a new due)", "caseconf new"),
    "conclusions_hint": msg("the meeting's conclusions", "caseconf new"),
    "plan_optional": msg("A plan is optional for this kind of record:", "caseconf new"),
    "do_hint": msg("what exactly will be done", "caseconf new"),
    "owner_hint": msg("a participant ref (M, F) or a role present at the meeting", "caseconf new"),
    "indicator_hint": msg("how we will know it is done", "caseconf new"),
    "next_review_hint": msg("date of the next review (YYYY-MM-DD); null only when the case closes", "caseconf new"),
    "body": msg("## Minutes\n\nAnonymised minutes: presentations, discussion, the family's own words. Roles and refs only.\n", "caseconf new"),
    "offices_hint": msg("codes of the offices whose workers took part", "caseconf new"),
    "activity_case_hint": msg("a supervision may name the case it was about", "caseconf new"),
    "topic_hint": msg("topic", "caseconf new"),
    "count_hint": msg("number of participants", "caseconf new"),
    "activity_body": msg("## Notes\n\nA short anonymised description. No names.\n", "caseconf new"),
    "due_hint": msg("YYYY-MM-DD", "caseconf new"),
}


def texts(lang: str) -> dict[str, str]:
    return {key: message[lang] for key, message in SCAFFOLD_TEXTS.items()}


def _jurisdiction(repo: Repository) -> str:
    return repo.config.jurisdiction.value if repo.config is not None else "cz"


def worker_role(repo: Repository) -> str:
    return "csr_worker" if _jurisdiction(repo) == "me" else "ospod_worker"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- case
def next_case_sequence(repo: Repository, office: str, year: int) -> int:
    pattern = re.compile(rf"^{re.escape(office)}-{year}-(\d{{3,4}})$")
    records = repo.root / RECORDS_DIR
    numbers = [int(m.group(1)) for entry in (records.iterdir() if records.is_dir() else [])
               if (m := pattern.match(entry.name))]
    return max(numbers, default=0) + 1


def render_case(repo: Repository, case_id: str, office: str, opened: dt.date) -> str:
    return _env().get_template("case.yml.j2").render(
        case_id=case_id, office=office, opened=opened.isoformat(), worker=worker_role(repo), t=texts(repo.lang))


def new_case(repo: Repository, office: str, opened: dt.date | None = None) -> Path:
    """Create records/<OFFICE-YEAR-SEQ>/case.yml with the next free sequence; returns the path."""
    opened = opened or dt.date.today()
    offices = repo.config.offices if repo.config is not None else {}
    if not offices:  # a case id starts with its office code: an unknown code is a typo
        raise CaseconfError(message("no_offices", repo.lang))
    if office not in offices:
        raise CaseconfError(message("unknown_office", repo.lang, office=office, known=", ".join(sorted(offices))))
    if not re.fullmatch(r"[A-Z]{2,6}", office):
        raise CaseconfError(message("unknown_office", repo.lang, office=office, known=", ".join(sorted(offices))))
    sequence = next_case_sequence(repo, office, opened.year)
    while sequence < 10000:
        case_id = f"{office}-{opened.year}-{sequence:03d}"
        target = repo.root / RECORDS_DIR / case_id / "case.yml"
        if not target.parent.exists():
            try:
                write_text_atomic(target, render_case(repo, case_id, office, opened))
                return target
            except FileExistsError:
                pass  # someone else took this number a moment ago
        sequence += 1
    raise CaseconfError(message("no_free_name", repo.lang, path=f"{office}-{opened.year}"))


# ---------------------------------------------------------------- conference
def next_action_id(case: Case) -> str:
    numbers = [int(m.group(1)) for doc in case.documents for m in _ACTION_ID.finditer(doc.text or "")]
    for doc in case.conferences:
        record = doc.model
        if record.plan is not None:
            numbers.extend(int(action.id[1:]) for action in record.plan.actions)
    return f"A{max(numbers, default=0) + 1}"


def open_actions_on(case: Case, day: dt.date) -> list[dict[str, str]]:
    states = case.actions(as_of=day)
    out = []
    for state in sorted(states.values(), key=lambda s: (int(s.id[1:]), s.id)):
        if not state.is_open:
            continue
        details = ", ".join(part for part in (f"owner {state.owner}" if state.owner else "",
                                              f"due {state.due.isoformat()}" if state.due else "") if part)
        text = _one_line(state.do or "?") + (f" ({details})" if details else "")
        out.append({"id": state.id, "text": text})
    return out


def render_conference(repo: Repository, case: Case, kind: ConferenceKind, day: dt.date) -> str:
    jurisdiction = _jurisdiction(repo)
    office = case.file.office if case.file is not None else case.id.split("-", 1)[0]
    household = [{"ref": m.ref, "role": m.role} for m in case.file.household] if case.file is not None else []
    places = [p.value for p in Place if p.value != ("csr_office" if jurisdiction == "cz" else "ospod_office")]
    return _env().get_template("conference.md.j2").render(
        case_id=case.id, kind=kind.value, date=day.isoformat(), meeting=kind in MEETING_KINDS,
        evaluating=kind in EVALUATING_KINDS, office=office, worker=worker_role(repo), household=household,
        places=" | ".join(places), bases=" | ".join(BASIS_BY_JURISDICTION[jurisdiction]),
        indications=", ".join(INDICATIONS_BY_JURISDICTION[jurisdiction]),
        open_actions=open_actions_on(case, day) if kind in EVALUATING_KINDS else [],
        next_action=next_action_id(case), t=texts(repo.lang))


def write_unique(folder: Path, stem: str, text: str, lang: str) -> Path:
    """`<stem>.md`, else `<stem>-2.md`, `-3` …; atomic and never overwriting (safe when concurrent)."""
    for n in range(1, MAX_SUFFIX + 1):
        target = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
        if target.exists():
            continue
        try:
            write_text_atomic(target, text)
            return target
        except FileExistsError:
            continue
    raise CaseconfError(message("no_free_name", lang, path=folder / stem))


def closed_after(case: Case, day: dt.date) -> str | None:
    """When the case was closed before `day`: the closing date as words for the message
    (" 2025-12-01"), or "" when case.yml gives no date; None when a record may be added.
    A record dated on or before the closing day (written up late) is fine."""
    file = case.file
    if file is None or file.status.value != "closed":
        return None
    if file.closed is None:
        return ""
    return f" {file.closed.isoformat()}" if day > file.closed else None


def new_conference(repo: Repository, case_id: str, kind: str, day: dt.date | None = None) -> Path:
    day = day or dt.date.today()
    if not re.fullmatch(CASE_ID_PATTERN, case_id):
        raise CaseconfError(message("bad_case_id", repo.lang, case=case_id))
    case = repo.cases.get(case_id)
    if case is None:
        raise CaseconfError(message("unknown_case", repo.lang, case=case_id))
    closed = closed_after(case, day)
    if closed is not None:
        raise CaseconfError(message("closed_case", repo.lang, case=case_id, closed=closed,
                                    path=f"{case.folder}/case.yml"))
    conference_kind = ConferenceKind(kind)
    text = render_conference(repo, case, conference_kind, day)
    return write_unique(repo.root / case.folder, f"{day.isoformat()}-{conference_kind.value}", text, repo.lang)


# ---------------------------------------------------------------- activity
def render_activity(repo: Repository, kind: ActivityKind, day: dt.date) -> str:
    offices = repo.config.offices if repo.config is not None else {}
    return _env().get_template("activity.md.j2").render(
        kind=kind.value, date=day.isoformat(), office_codes=", ".join(offices), t=texts(repo.lang))


def new_activity(repo: Repository, kind: str, day: dt.date | None = None) -> Path:
    day = day or dt.date.today()
    activity_kind = ActivityKind(kind)
    folder = repo.root / RECORDS_DIR / ACTIVITIES_DIR / str(day.year)
    return write_unique(folder, f"{day.isoformat()}-{activity_kind.value}", render_activity(repo, activity_kind, day),
                        repo.lang)
