"""What a rule is, and the contexts rules read.

A rule is one small class: stable code, family, default severity, the thresholds it
reads, a summary and message in cs / sr-Latn / en, and a rationale naming the
methodology it enforces. It yields `Hit`s; the engine turns them into findings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Iterator, Literal

from ..records.derive import ActionState
from ..records.i18n import Message
from ..records.loader import LoadedDoc
from ..records.models import ActivityRecord, CaseFile, ConferenceRecord, TeamConfig, Thresholds
from ..records.profiles import Profile, load_profile
from ..records.repository import Case, Repository
from ..records.vocab import ConferenceKind

Scope = Literal["record", "case", "activity", "config", "loader"]
Severity = Literal["error", "warning", "info"]
ALL_KINDS = frozenset(ConferenceKind)
MEETINGS = frozenset({ConferenceKind.initial, ConferenceKind.review, ConferenceKind.crisis})


@dataclass(frozen=True, slots=True)
class Words:
    """Vocabulary keys a message names (roles, kinds), written in the team's words when the
    engine renders the finding: `Hit(loc, {"roles": Words(("ospod_worker",))})` reads
    "pracovník OSPOD" to a Czech team, never the key."""

    keys: tuple[str, ...]

    def text(self, lang: str) -> str:
        from ..records.vocab_labels import vocab_label

        return ", ".join(vocab_label(key, lang) for key in self.keys)


def localized(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """A hit's parameters as the team reads them: Words in its words, a catalogue message in
    its language; anything else (dates, ids, the record's own text) as it is."""
    from ..records.catalogue import CatalogueMessage

    def one(value: Any) -> Any:
        if isinstance(value, Words):
            return value.text(lang)
        if isinstance(value, CatalogueMessage):
            return value[lang]
        return value

    return {name: one(value) for name, value in params.items()}


@dataclass(frozen=True, slots=True)
class Hit:
    loc: tuple[str | int, ...]
    params: dict[str, Any] = field(default_factory=dict)
    doc: LoadedDoc | None = None  # where, when not the context's own document
    line: int | None = None  # an exact line, when the problem is not tied to one key


class Rule:
    """Base class: subclasses set the class attributes and implement `check`."""

    code: ClassVar[str]
    name: ClassVar[str]  # dotted, e.g. "plan.action_owner"
    family: ClassVar[str]
    severity: ClassVar[Severity] = "error"
    scope: ClassVar[Scope] = "record"
    kinds: ClassVar[frozenset[ConferenceKind]] = ALL_KINDS
    thresholds: ClassVar[tuple[str, ...]] = ()
    summary: ClassVar[Message]
    message: ClassVar[Message]
    rationale: ClassVar[str | Message] = ""  # why, naming the source; a Message where translated
    can_disable: ClassVar[bool] = True  # False: `rules: {CODE: off}` is refused with CFG003
    message_ids: ClassVar[tuple[str, ...]] = ()  # loader codes: the catalogue ids they render

    def check(self, ctx: Any) -> Iterator[Hit]:  # pragma: no cover - overridden
        return iter(())


def _profile(repo: Repository) -> Profile:
    return repo.config.profile() if repo.config is not None else load_profile("cz")


@dataclass(slots=True)
class RepoContext:
    repo: Repository

    @property
    def profile(self) -> Profile:
        return _profile(self.repo)

    @property
    def config(self) -> TeamConfig | None:
        return self.repo.config

    @property
    def thresholds(self) -> Thresholds:
        return self.repo.config.thresholds if self.repo.config else Thresholds()


@dataclass
class CaseContext:
    repo: Repository
    case: Case

    @property
    def config(self) -> TeamConfig | None:
        return self.repo.config

    @property
    def doc(self) -> LoadedDoc | None:
        return self.case.case_doc

    @property
    def profile(self) -> Profile:
        return _profile(self.repo)

    @property
    def file(self) -> CaseFile | None:
        return self.case.file


@dataclass
class ActivityContext:
    repo: Repository
    doc: LoadedDoc

    @property
    def record(self) -> ActivityRecord:
        return self.doc.model  # type: ignore[no-any-return]

    @property
    def config(self) -> TeamConfig | None:
        return self.repo.config


@dataclass
class RecordContext:
    repo: Repository
    case: Case
    doc: LoadedDoc

    @property
    def record(self) -> ConferenceRecord:
        return self.doc.model  # type: ignore[no-any-return]

    @property
    def config(self) -> TeamConfig | None:
        return self.repo.config

    @property
    def thresholds(self) -> Thresholds:
        return self.repo.config.thresholds if self.repo.config else Thresholds()

    @property
    def profile(self) -> Profile:
        return _profile(self.repo)

    @cached_property
    def previous_meetings(self) -> list[LoadedDoc]:
        """The case's earlier meetings (initial, review, crisis), oldest first."""
        out = []
        for doc in self.case.conferences:
            if doc is self.doc:
                break
            if doc.model.kind in MEETINGS and doc.model.date <= self.date:
                out.append(doc)
        return out

    @cached_property
    def actions_before(self) -> dict[str, ActionState]:
        return self.case.actions_before(self.doc)

    @cached_property
    def open_before(self) -> dict[str, ActionState]:
        return {key: state for key, state in self.actions_before.items() if state.is_open}

    @cached_property
    def refs(self) -> set[str]:
        refs = {p.ref for p in self.record.participants if p.ref}
        if self.case.file is not None:
            refs |= {member.ref for member in self.case.file.household}
        return refs

    @cached_property
    def present_roles(self) -> set[str]:
        return {p.role for p in self.record.participants if p.attendance.value in ("present", "partial")}

    @cached_property
    def closes_case(self) -> bool:
        """The case is closed and this is its last record: no plan or review is owed."""
        case_file = self.case.file
        if case_file is None or case_file.status.value != "closed":
            return False
        conferences = self.case.conferences
        return bool(conferences) and conferences[-1] is self.doc

    @property
    def date(self) -> dt.date:
        return self.record.date
