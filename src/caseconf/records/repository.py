"""The repository model: loaded once, shared by the CLI, the hooks and the site."""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import NotARepository
from .derive import ActionState, derive_actions
from .findings import Finding
from .i18n import loader_message, pick_language
from .loader import LoadedDoc, load_document
from .models import ActivityRecord, CaseFile, ConferenceRecord, TeamConfig
from .paths import ACTIVITIES_DIR, CONFIG_NAME, RECORDS_DIR, is_inside

__all__ = ["BrokenRecord", "Case", "LoadedDoc", "Repository", "Scope", "WHOLE", "case_id_of", "load_config", "scope_for"]

RECORD_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<kind>[a-z_]+)(?:-(?P<seq>[2-9]|[1-9]\d+))?\.md$")


@dataclass(frozen=True, slots=True)
class BrokenRecord:
    """A file that would have counted but could not be read. It stays in the model, so that
    every view it would have changed (open actions, reviews, figures, the case timeline) can
    say so instead of silently leaving it out."""

    path: str
    case: str | None  # the case folder it belongs to (None: activities, caseconf.yml, strays)
    finding: Finding  # the first error: what a person fixes first

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "case": self.case, **{k: v for k, v in self.finding.to_json().items()
                                                         if k in ("line", "code", "message")}}


def _broken(doc: LoadedDoc, case: str | None) -> BrokenRecord | None:
    """`doc` as a broken record, or None when it loaded (warnings do not make it broken)."""
    if doc.model is not None:
        return None
    errors = sorted((f for f in doc.findings if f.severity == "error"), key=Finding.sort_key)
    if not errors:
        return None
    return BrokenRecord(doc.path, case, errors[0])


@dataclass(slots=True)
class Case:
    id: str  # the folder name
    folder: str
    case_doc: LoadedDoc | None = None
    documents: list[LoadedDoc] = field(default_factory=list)  # every record file, loaded or not
    # Derived once per case and question: the site, the rules, the exports and the figures
    # all ask (a build derived the same states 95 times for 26 records). Records do not
    # change after the load; a reload makes new Case objects.
    _actions: dict[str, ActionState] | None = None
    _actions_as_of: dict[dt.date, dict[str, ActionState]] = field(default_factory=dict)
    _actions_before: dict[str, dict[str, ActionState]] = field(default_factory=dict)

    @property
    def file(self) -> CaseFile | None:
        return self.case_doc.model if self.case_doc is not None else None

    @property
    def conferences(self) -> list[LoadedDoc]:
        """Records that loaded, in date order (file name breaks ties)."""
        return [doc for doc in self.documents if doc.model is not None]

    @property
    def broken(self) -> list[BrokenRecord]:
        """The case's files that could not be read (case.yml first, then records by date)."""
        docs = ([self.case_doc] if self.case_doc is not None else []) + self.documents
        return [entry for doc in docs if (entry := _broken(doc, self.id)) is not None]

    def record(self, doc: LoadedDoc) -> ConferenceRecord:
        return doc.model  # type: ignore[no-any-return]

    def actions(self, as_of: dt.date | None = None) -> dict[str, ActionState]:
        """Every action's derived state (as the case stood on `as_of`). Shared: do not change it."""
        if as_of is not None:
            docs = self.conferences
            if docs and docs[-1].model.date > as_of:  # some record is later: that day's own state
                states = self._actions_as_of.get(as_of)
                if states is None:
                    states = self._actions_as_of[as_of] = derive_actions(self.id, docs, as_of=as_of)
                return states
        if self._actions is None:
            self._actions = derive_actions(self.id, self.conferences)
        return self._actions

    def actions_before(self, doc: LoadedDoc) -> dict[str, ActionState]:
        """The states as they stood when `doc` was written. Shared: do not change it."""
        states = self._actions_before.get(doc.path)
        if states is None:
            states = self._actions_before[doc.path] = derive_actions(self.id, self.conferences, before=doc)
        return states

    def last_conference(self, as_of: dt.date | None = None) -> LoadedDoc | None:
        docs = [d for d in self.conferences if as_of is None or d.model.date <= as_of]
        return docs[-1] if docs else None

    def next_review(self, as_of: dt.date | None = None) -> dt.date | None:
        """The next review planned by the latest record that has a plan."""
        for doc in reversed(self.conferences):
            record = doc.model
            if as_of is not None and record.date > as_of:
                continue
            if record.plan is not None:
                return record.plan.next_review
        return None


@dataclass(slots=True)
class Repository:
    root: Path
    lang: str
    config_doc: LoadedDoc | None
    cases: dict[str, Case] = field(default_factory=dict)
    activities: list[LoadedDoc] = field(default_factory=list)
    stray: list[LoadedDoc] = field(default_factory=list)  # things in records/ that are no record

    @property
    def config(self) -> TeamConfig | None:
        return self.config_doc.model if self.config_doc is not None else None

    def documents(self) -> Iterator[LoadedDoc]:
        if self.config_doc is not None:
            yield self.config_doc
        for case in self.cases.values():
            if case.case_doc is not None:
                yield case.case_doc
            yield from case.documents
        yield from self.activities
        yield from self.stray

    @property
    def checked(self) -> int:
        """Record and case files looked at (caseconf.yml not counted)."""
        return sum(1 for doc in self.documents() if doc.kind != "config")

    def load_findings(self) -> list[Finding]:
        return [finding for doc in self.documents() for finding in doc.findings]

    def broken(self) -> list[BrokenRecord]:
        """Every file that would have counted but could not be read, in repository order."""
        entries: list[BrokenRecord] = []
        if self.config_doc is not None and (entry := _broken(self.config_doc, None)) is not None:
            entries.append(entry)
        for case in self.cases.values():
            entries.extend(case.broken)
        for doc in (*self.activities, *self.stray):
            if (entry := _broken(doc, case_id_of(doc.path))) is not None:
                entries.append(entry)
        return entries

    def activity_records(self) -> list[tuple[LoadedDoc, ActivityRecord]]:
        return [(doc, doc.model) for doc in self.activities if doc.model is not None]

    @classmethod
    def load(cls, root: Path, *, case_ids: Iterable[str] | None = None, activities: bool = True,
             require_config: bool = True, on_progress: Callable[[int, int], None] | None = None,
             config_doc: LoadedDoc | None = None) -> "Repository":
        """Load the whole repository, or only `case_ids` (a one-file commit needs just its case).

        `on_progress(done, total)` is called after each case folder. `config_doc`: caseconf.yml
        as the caller already loaded it (the site plugin reads it for the theme language)."""
        root = root.resolve()
        config_path = root / CONFIG_NAME
        if not config_path.is_file():
            if require_config:
                raise NotARepository(
                    f"{root}: no {CONFIG_NAME} here, so this is not a caseconf team repository",
                    "start one with `caseconf init DIR`, or point --root at your team repository")
        if config_doc is None:
            config_doc = load_config(root)
        config = config_doc.model if config_doc is not None else None
        lang = pick_language(config.language.value if config else None)
        context = config.validation_context() if config else None
        repo = cls(root=root, lang=lang, config_doc=config_doc)
        # The cyclic GC rescans every new pydantic object during bulk loads (7x slower here).
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            repo._load_cases(case_ids, context, on_progress)
            if activities:
                repo._load_activities(context)
        finally:
            if gc_was_enabled:
                gc.enable()
        return repo

    def _refuse_outside(self, rel: str) -> bool:
        if is_inside(self.root, self.root / rel):
            return False
        doc = LoadedDoc(path=rel, kind="conference")
        doc.findings.append(Finding(rel, 1, "FILE010", "error", loader_message("outside_root", self.lang)))
        self.stray.append(doc)
        return True

    def _load_cases(self, case_ids: Iterable[str] | None, context: dict | None,
                    on_progress: Callable[[int, int], None] | None = None) -> None:
        records_dir = self.root / RECORDS_DIR
        if not records_dir.is_dir():
            return
        names = case_folder_names(self.root, case_ids)
        # Only a symbolic link can lead out of a real folder inside the root: entries that are
        # no links need no resolve() of their own (it was a tenth of a large repository's load).
        records_real = is_inside(self.root, records_dir) and not records_dir.is_symlink()
        total = len(names)
        for done, name in enumerate(names, 1):
            folder = records_dir / name
            if not folder.is_dir():
                continue
            rel_folder = f"{RECORDS_DIR}/{name}"
            folder_real = records_real and "/" not in name and name not in (".", "..") and not folder.is_symlink()
            if not folder_real and self._refuse_outside(rel_folder):
                continue
            case = Case(id=name, folder=rel_folder)
            case_yml = folder / "case.yml"
            if case_yml.exists() and (folder_real and not case_yml.is_symlink()
                                      or not self._refuse_outside(f"{rel_folder}/case.yml")):
                case.case_doc = load_document(self.root, f"{rel_folder}/case.yml", "case", self.lang, context)
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if not entry.name.endswith(".md") or entry.name.startswith("."):
                    continue
                rel = f"{rel_folder}/{entry.name}"
                if not (folder_real and not entry.is_symlink()) and self._refuse_outside(rel):
                    continue
                case.documents.append(load_document(self.root, rel, "conference", self.lang, context))
            case.documents.sort(key=_record_order)
            self.cases[name] = case
            if on_progress is not None:
                on_progress(done, total)

    def _load_activities(self, context: dict | None) -> None:
        base = self.root / RECORDS_DIR / ACTIVITIES_DIR
        if not base.is_dir():
            return
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for filename in sorted(filenames):
                if not filename.endswith(".md") or filename.startswith("."):
                    continue
                rel = (Path(dirpath) / filename).relative_to(self.root).as_posix()
                if self._refuse_outside(rel):
                    continue
                self.activities.append(load_document(self.root, rel, "activity", self.lang, context))
            for dirname in dirnames:
                if dirname.endswith(".md"):
                    rel = (Path(dirpath) / dirname).relative_to(self.root).as_posix()
                    self.activities.append(load_document(self.root, rel, "activity", self.lang, context))
        self.activities.sort(key=_record_order)


def case_folder_names(root: Path, case_ids: Iterable[str] | None = None) -> list[str]:
    """The case folders a load looks at: `case_ids` (sorted), or every folder under records/."""
    if case_ids is not None:
        return sorted(set(case_ids))
    records_dir = root / RECORDS_DIR
    if not records_dir.is_dir():
        return []
    return sorted(entry.name for entry in os.scandir(records_dir) if entry.is_dir() and entry.name != ACTIVITIES_DIR)


def load_config(root: Path) -> LoadedDoc | None:
    """caseconf.yml alone (commands that need only the team settings)."""
    if not (root / CONFIG_NAME).is_file():
        return None
    if not is_inside(root, root / CONFIG_NAME):  # a link out of the repository: never read
        doc = LoadedDoc(path=CONFIG_NAME, kind="config")
        doc.findings.append(Finding(CONFIG_NAME, 1, "FILE010", "error",
                                    loader_message("outside_root", pick_language(None))))
        return doc
    return load_document(root, CONFIG_NAME, "config", pick_language(None), None)


def _record_order(doc: LoadedDoc) -> tuple[dt.date, str]:
    model = doc.model
    if model is not None:
        return (model.date, doc.path)
    match = RECORD_NAME.match(doc.path.rsplit("/", 1)[-1])
    if match:
        try:
            return (dt.date.fromisoformat(match["date"]), doc.path)
        except ValueError:
            pass
    return (dt.date.min, doc.path)


def case_id_of(rel_path: str) -> str | None:
    """`records/<case>/...` -> case; activities and other files -> None."""
    parts = rel_path.split("/")
    if len(parts) >= 3 and parts[0] == RECORDS_DIR and parts[1] != ACTIVITIES_DIR:
        return parts[1]
    return None


@dataclass(frozen=True, slots=True)
class Scope:
    """What a check of some paths must load: their whole cases (cross-record rules need them)."""

    case_ids: frozenset[str] | None  # None = every case
    activities: bool
    paths: tuple[str, ...] = ()

    @property
    def whole(self) -> bool:
        return self.case_ids is None


WHOLE = Scope(None, True)


def scope_for(rel_paths: Iterable[str]) -> Scope:
    cases: set[str] = set()
    activities = False
    paths = tuple(rel_paths)
    for rel in paths:
        parts = rel.split("/")
        if rel in (CONFIG_NAME, ".", "") or parts == [RECORDS_DIR]:
            return Scope(None, True, paths)
        case_id = case_id_of(rel) or (parts[1] if len(parts) == 2 and parts[0] == RECORDS_DIR
                                      and parts[1] != ACTIVITIES_DIR else None)
        if case_id:
            cases.add(case_id)
        elif len(parts) >= 2 and parts[0] == RECORDS_DIR and parts[1] == ACTIVITIES_DIR:
            activities = True
    return Scope(frozenset(cases), activities, paths)
