"""Decap CMS configuration generated from the record models (issue 11).

Nothing here is written by hand per field: the collections' widgets come from walking the
pydantic models (`caseconf.records.models`), closed vocabularies become selects (enums, and
the team-extensible `role`/`indications`/`basis` lists as the team's caseconf.yml allows
them), `pattern=` constraints become Decap patterns, dates become date pickers, lists of
models become lists of objects. Hints under a field are the messages of the rules that
judge it (`caseconf.rules`), in the team's language. A model change changes the form.

What the form enforces is what the models enforce (types, vocabularies, patterns, required
keys), plus the three facts an action cannot be agreed without (what, who, by when), whose
rules (PLAN011, PLAN001, PLAN002) are errors for every kind. Everything else that depends
on the kind of record is left to `caseconf check`, which runs on the pull request.

Decap writes files under a lower-cased slug, so a folder with an upper-case case id cannot
be created from the form. Conference records are therefore offered per case: one folder
collection per open case (`records/<ID>/`), whose evaluation list starts from the actions
open when the site was built (what `caseconf new conference --kind review` does). Case
files can be edited, not created (`caseconf new case`); activities can be created.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from typing import Any, Iterable, Literal

from pydantic import AfterValidator, BaseModel

from ..records.catalogue import msg, per_language
from ..records.models import (ACTION_ID_PATTERN, CASE_ID_PATTERN, ActivityRecord, CaseFile, ConferenceRecord,
                              EditorSettings, TeamConfig)
from ..records.repository import Repository
from ..records.vocab import ABSENCE_REASONS
from ..rules.registry import rule_by_code
from .labels import FIELDS, HINTS, PATH_LABELS, UI, VOCAB, pick

# Decap's own interface language for the team's language (Decap has no Montenegrin; its
# Croatian is the closest Latin-script one).
DECAP_LOCALE = {"cs": "cs", "sr-Latn": "hr", "en": "en"}

# Which rules judge which field: (schema, dotted path without list indices) -> rule codes.
FIELD_RULES: dict[tuple[str, str], tuple[str, ...]] = {
    ("conference", "goal"): ("CONF001",),
    ("conference", "start"): ("CONF009",),
    ("conference", "end"): ("CONF012", "CONF004"),
    ("conference", "place"): ("CONF009",),
    ("conference", "requested"): ("CONF003",),
    ("conference", "invited"): ("CONF002",),
    ("conference", "basis"): ("CONF009",),
    ("conference", "roles"): ("CONF008",),
    ("conference", "roles.facilitator"): ("CONF006",),
    ("conference", "participants"): ("CONF013",),
    ("conference", "participants.reason"): ("CONF005",),
    ("conference", "child.participation"): ("CONF007",),
    ("conference", "minutes"): ("CONF010",),
    ("conference", "plan"): ("PLAN010",),
    ("conference", "plan.actions.do"): ("PLAN011",),
    ("conference", "plan.actions.owner"): ("PLAN001", "PLAN004"),
    ("conference", "plan.actions.due"): ("PLAN002", "PLAN003"),
    ("conference", "plan.actions.indicator"): ("PLAN006",),
    ("conference", "plan.plan_b"): ("PLAN007",),
    ("conference", "plan.information_sharing"): ("PLAN008",),
    ("conference", "plan.case_manager"): ("PLAN009",),
    ("conference", "plan.next_review"): ("PLAN005", "REV002"),
    ("conference", "evaluation"): ("REV001",),
    ("conference", "evaluation.action"): ("REV003",),
    ("conference", "evaluation.result"): ("REV007",),
    ("conference", "evaluation.due"): ("REV005",),
    ("conference", "conclusions"): ("REV004",),
    ("case", "id"): ("CASE001",),
    ("case", "office"): ("CASE002",),
    ("case", "closed"): ("CASE003",),
    ("case", "closure_reason"): ("CASE003",),
    ("activity", "offices"): ("ACT001",),
    ("activity", "case"): ("ACT002",),
}

# Fields the form requires although the model leaves them optional: an action is not
# agreed without what, who and by when (rules PLAN011, PLAN001, PLAN002 are errors for
# every kind of record). The form's refusal shows the rule's message as the field's hint.
FORM_REQUIRED: dict[tuple[str, str], str] = {
    ("conference", "plan.actions.do"): "PLAN011",
    ("conference", "plan.actions.owner"): "PLAN001",
    ("conference", "plan.actions.due"): "PLAN002",
    ("case", "caseconf.ignore.reason"): "SUPP002",
    ("conference", "caseconf.ignore.reason"): "SUPP002",
    ("activity", "caseconf.ignore.reason"): "SUPP002",
}
# Required only for some kinds of record (the form's own check knows which, static/checks.js):
# marked, but not forced by Decap, so that a preparatory meeting is not asked for results.
MARKED_REQUIRED: dict[tuple[str, str], str] = {
    ("conference", "evaluation.result"): "REV007",
}

# How dates read in the lists of records (Decap's summary `date` filter, moment.js formats).
DATE_DISPLAY = msg("D MMM YYYY")

# static/format.js (registered by static/form.js): edits files in place; new files in model order
FORMATS = {"conference": "caseconf-conference", "case": "caseconf-case", "activity": "caseconf-activity"}
# A key of the entry's data that is never written to the file (format.js leaves out every
# `__caseconf_` key): the year of a new activity's date, for its folder (form.js sets it).
FOLDER_YEAR_KEY = "__caseconf_folder_year"

# Patterns the models leave to rules (CASE001 checks the case id of case.yml).
EXTRA_PATTERNS: dict[tuple[str, str], tuple[str, str]] = {
    ("case", "id"): (CASE_ID_PATTERN, "pattern_case"),
    ("activity", "case"): (CASE_ID_PATTERN, "pattern_case"),
}
PATTERN_MESSAGES = {CASE_ID_PATTERN: "pattern_case", ACTION_ID_PATTERN: "pattern_action"}

LONG_TEXT = frozenset({"goal", "views", "feedback", "shared_information", "disagreements", "ends_when", "topic",
                       "do", "indicator", "note"})
HIDDEN_META = "caseconf"  # per-file suppressions: shown, collapsed, at the end

_PLACEHOLDER = re.compile(r"\{\{?[a-z_]+\}?\}")


class _Ctx:
    def __init__(self, schema: str, lang: str, config: TeamConfig | None,
                 overrides: dict[str, dict[str, Any]] | None = None) -> None:
        self.schema = schema
        self.lang = lang
        self.config = config
        self.vocab_context = (config.validation_context() if config is not None else {})
        self.rules = rule_by_code()
        self.overrides = overrides or {}


# ------------------------------------------------------------------ public
def build_decap_config(repo: Repository, *, local_backend: bool | str | None = None) -> dict[str, Any]:
    """The whole Decap configuration (what admin/config.yml holds) for this repository.

    `local_backend`: True or the proxy's URL to let Decap talk to `decap-server` on this
    machine; None: as caseconf.yml says (`editor.local_backend`).
    """
    config = repo.config
    lang = repo.lang
    editor = (config.editor if config is not None else None) or EditorSettings()
    backend: dict[str, Any] = {"name": editor.backend, "branch": editor.branch}
    for key in ("repo", "api_root", "base_url", "auth_endpoint", "app_id", "auth_type", "site_domain"):
        value = getattr(editor, key, None)
        if value:
            backend[key] = value
    backend["commit_messages"] = _commit_messages(lang)
    if editor.backend == "git-gateway":
        backend.pop("repo", None)
    out: dict[str, Any] = {
        "backend": backend,
        # Draft -> in review -> ready: a branch and a pull request per record. Decap's
        # Gitea/Forgejo backend refuses the workflow; there every save is a commit to
        # `editor.branch` (EDITOR.md: use a drafts branch with one standing pull request).
        "publish_mode": "simple" if editor.backend == "gitea" else "editorial_workflow",
        "locale": DECAP_LOCALE.get(lang, "en"),
        # Records never carry attachments; Decap insists on a media folder all the same.
        "media_folder": "methodology/media",
        "public_folder": "/media",
        "show_preview_links": False,
        "editor": {"preview": False},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [],
    }
    wanted_local = editor.local_backend if local_backend is None else local_backend
    if wanted_local:
        out["local_backend"] = ({"url": wanted_local, "allowed_hosts": ["localhost", "127.0.0.1"]}
                                if isinstance(wanted_local, str) else True)
    collections = out["collections"]
    for case_id, case in sorted(repo.cases.items()):
        case_file = case.file
        if case_file is not None and case_file.status.value == "closed":
            continue
        if not re.match(CASE_ID_PATTERN, case_id):
            continue
        collections.append(conference_collection(repo, case_id))
    collections.append(case_collection(repo))
    collections.append(activity_collection(repo))
    return out


def conference_fields(repo: Repository, case_id: str | None = None) -> list[dict[str, Any]]:
    """The conference form: every field of ConferenceRecord, then the Markdown minutes."""
    config = repo.config
    overrides: dict[str, dict[str, Any]] = {}
    if case_id is not None:
        overrides["case"] = {"widget": "hidden", "default": case_id}
        case = repo.cases.get(case_id)
        if case is not None:
            states = case.actions()
            open_ids = [s.id for s in states.values() if s.is_open]
            if open_ids:
                overrides["evaluation"] = {"default": [{"action": i} for i in open_ids]}
            used = sorted(states, key=_action_number)
            nxt = f"A{max((_action_number(i) for i in used), default=0) + 1}"
            overrides["plan.actions.id"] = {"hint_extra": pick(UI, "next_id", repo.lang).format(
                used=", ".join(used) or pick(UI, "none", repo.lang), next=nxt)}
            if not used:
                overrides["plan.actions.id"]["default"] = None
            refs = [m.ref for m in case.file.household] if case.file is not None else []
            if refs:
                overrides["plan.actions.owner"] = {"hint_extra": ", ".join(refs)}
    ctx = _Ctx("conference", repo.lang, config, overrides)
    fields = model_fields(ConferenceRecord, ctx)
    fields.append({"name": "body", "label": pick(FIELDS, "body", repo.lang), "widget": "markdown",
                   "required": False, "default": "", "buttons": ["bold", "italic", "heading-three", "bulleted-list",
                                                                 "numbered-list"],
                   "editor_components": [], "modes": ["raw", "rich_text"]})
    return fields


def conference_collection(repo: Repository, case_id: str) -> dict[str, Any]:
    lang = repo.lang
    case = repo.cases.get(case_id)
    open_actions = [s for s in case.actions().values() if s.is_open] if case is not None else []
    listing = ", ".join(f"{s.id} ({s.do})" if s.do else s.id for s in open_actions) or pick(UI, "none", lang)
    return {
        "name": "records-" + case_id.lower(),
        "label": pick(UI, "conferences_of", lang).format(case=case_id),
        "label_singular": pick(UI, "record_singular", lang),
        "description": pick(UI, "case_description", lang).format(case=case_id, open=listing) + " "
                       + pick(UI, "required_legend", lang),
        "folder": f"records/{case_id}",
        "extension": "md",
        "format": FORMATS["conference"],
        # the preview pane: the record as its site page shows it (static/preview.js)
        "editor": {"preview": True},
        "create": True,
        "delete": False,
        "identifier_field": "kind",
        # The record's file name: YYYY-MM-DD-<kind>.md, from its own date and kind (named as
        # `fields.date`: Decap's {{year}} is the day of writing unless the date is its own
        # datetime widget, and the form's date field is caseconf's)
        "slug": "{{fields.date}}-{{kind}}",
        "summary": _summary(lang),
        "sortable_fields": ["date", "kind"],
        "fields": conference_fields(repo, case_id),
    }


def case_collection(repo: Repository) -> dict[str, Any]:
    ctx = _Ctx("case", repo.lang, repo.config)
    return {
        "name": "cases",
        "label": pick(UI, "cases", repo.lang),
        "label_singular": pick(UI, "case_singular", repo.lang),
        "description": pick(UI, "cases_description", repo.lang) + " " + pick(UI, "required_legend", repo.lang),
        "folder": "records",
        "path": "{{id}}/case",
        "extension": "yml",
        "format": FORMATS["case"],
        # the preview pane: the case as its site page shows it (static/preview.js)
        "editor": {"preview": True},
        "create": False,
        "delete": False,
        "identifier_field": "id",
        "summary": "{{id}} · {{status}}",
        "fields": model_fields(CaseFile, ctx),
    }


def activity_collection(repo: Repository) -> dict[str, Any]:
    ctx = _Ctx("activity", repo.lang, repo.config)
    return {
        "name": "activities",
        "label": pick(UI, "activities", repo.lang),
        "label_singular": pick(UI, "activity_singular", repo.lang),
        "folder": "records/activities",
        "description": pick(UI, "required_legend", repo.lang),
        # The name from the activity's own date and kind, the folder from its own year
        # (records/activities/YYYY/, rule FILE015). Decap's {{year}} is the day of writing
        # (and, for a date widget of its own, the UTC year of local midnight: 1 January in
        # Prague is still the old year), and a `path` takes no filter (Decap lower-cases it
        # and turns its dots into dashes), so the year is the form's own: form.js puts the
        # date's year under FOLDER_YEAR_KEY just before Decap names a new file.
        "slug": "{{fields.date}}-{{kind}}",
        "path": "{{%s}}/{{slug}}" % FOLDER_YEAR_KEY,
        "extension": "md",
        "format": FORMATS["activity"],
        # the preview pane: the activity as its site page shows it (static/preview.js)
        "editor": {"preview": True},
        "create": True,
        "delete": False,
        "identifier_field": "kind",
        "summary": _summary(repo.lang),
        "fields": model_fields(ActivityRecord, ctx) + [
            {"name": "body", "label": pick(FIELDS, "body", repo.lang), "widget": "markdown", "required": False,
             "default": ""}],
    }


def _summary(lang: str) -> str:
    """A record in a list: its date as the team writes dates, and its kind (form.js puts the
    kind's name in the team's language)."""
    return "{{date | date('%s')}} · {{kind}}" % DATE_DISPLAY.get(lang, DATE_DISPLAY["en"])


def iter_fields(fields: Iterable[dict[str, Any]], prefix: str = "") -> typing.Iterator[tuple[str, dict[str, Any]]]:
    """Every (dotted path, field) of a Decap field list, nested objects and lists included."""
    for field in fields:
        path = f"{prefix}{field['name']}"
        yield path, field
        if "fields" in field:
            yield from iter_fields(field["fields"], path + ".")
        if "field" in field:
            yield from iter_fields([field["field"]], path + ".")


# ------------------------------------------------------------------ the model walk
def model_fields(model: type[BaseModel], ctx: _Ctx, prefix: str = "", in_item: bool = True) -> list[dict[str, Any]]:
    """Decap fields of a pydantic model.

    `in_item`: this object was added on purpose (top level or a list item), so its
    required keys are required in the form; inside an optional object they are not (an
    untouched optional object must stay absent, as the model allows).
    """
    out = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        path = f"{prefix}{key}"
        field = _field(key, path, info.annotation, info, ctx, in_item)
        if field is not None:
            out.append(field)
    return out


def _field(key: str, path: str, annotation: Any, info: Any, ctx: _Ctx, in_item: bool) -> dict[str, Any] | None:
    lang = ctx.lang
    meta = list(getattr(info, "metadata", []) or [])
    tp, optional, more_meta = _unwrap(annotation)
    meta += more_meta
    model_required = bool(info is not None and info.is_required())
    where = (ctx.schema, path)
    label = pick(PATH_LABELS, path, lang, "") or pick(FIELDS, key, lang, key)
    field: dict[str, Any] = {"name": key, "label": label}
    origin = typing.get_origin(tp)

    if isinstance(tp, type) and issubclass(tp, BaseModel):
        field.update(widget="object", collapsed=key == HIDDEN_META,
                     fields=model_fields(tp, ctx, path + ".", in_item=model_required and in_item))
    elif origin in (list, tuple, set, frozenset):
        (item,) = typing.get_args(tp)[:1] or (str,)
        item_tp, _, item_meta = _unwrap(item)
        if isinstance(item_tp, type) and issubclass(item_tp, BaseModel):
            field.update(widget="list", collapsed=False, minimize_collapsed=False,
                         fields=model_fields(item_tp, ctx, path + ".", in_item=True))
            summary = _list_summary(item_tp)
            if summary:
                field["summary"] = summary
        else:
            options = _options(item_tp, item_meta, ctx, path)
            if options is not None:
                field.update(widget="select", multiple=True, options=options)
            else:
                inner = {"name": "item", "label": field["label"], "widget": "string", "required": True}
                field.update(widget="list", field=inner)
        field["default"] = []
    else:
        options = _options(tp, meta, ctx, path)
        if options is not None:
            field.update(widget="select", options=options)
        elif tp is bool:
            field.update(widget="boolean")
        elif tp is int or tp is float:
            field.update(widget="number", value_type="int" if tp is int else "float")
            for m in meta:
                if getattr(m, "ge", None) is not None:
                    field["min"] = m.ge
                if getattr(m, "le", None) is not None:
                    field["max"] = m.le
        elif tp is dt.date:
            # a calendar date, no time and no time zone, shown and typed as the team writes
            # dates (CLDR's pattern, whatever the browser's language: form.js registers the
            # widget); the file gets YYYY-MM-DD
            field.update(widget="caseconf-date", format="YYYY-MM-DD", default="")
        elif tp is dt.datetime:
            field.update(widget="datetime")
        else:
            field.update(widget="text" if key in LONG_TEXT else "string")
            pattern = next((m.pattern for m in meta if getattr(m, "pattern", None)), None)
            message_key = None
            if pattern:
                message_key = PATTERN_MESSAGES.get(pattern) or ("pattern_time" if ":" in pattern else "pattern_ref")
            elif where in EXTRA_PATTERNS:
                pattern, message_key = EXTRA_PATTERNS[where]
            if pattern:
                field["pattern"] = [_js_pattern(pattern), pick(UI, message_key or "pattern_text", lang)]
            if path == "participants.reason":
                field["hint"] = pick(UI, "reason_hint", lang).format(
                    options=", ".join(pick(VOCAB, r, lang, r) for r in ABSENCE_REASONS))
            if key in ("approved_by", "core_group", "supports", "responsible"):
                field["hint"] = pick(UI, "ref_list_hint", lang)

    default = getattr(info, "default", None) if info is not None else None
    if isinstance(default, enum.Enum):
        field["default"] = default.value
    elif isinstance(default, (str, int, bool)) and not isinstance(default, enum.Enum) and default is not None \
            and field.get("widget") not in ("object",):
        field["default"] = default

    required = (model_required and in_item) or where in FORM_REQUIRED
    field["required"] = bool(required)
    # Required at every depth, as the models say: a field of an optional part (the role of
    # the convener) is marked too; the form's check (static/checks.js) refuses the part
    # without it, whatever order the form was filled in.
    marked = model_required or where in FORM_REQUIRED or where in MARKED_REQUIRED
    if marked and field.get("widget") not in ("hidden",):
        field["label"] += " *"

    hints = [field.pop("hint", None), pick(HINTS, path, lang, "") or None]
    if model_required and not in_item:
        hints.append(pick(UI, "required_if_filled", lang))
    override = dict(ctx.overrides.get(path, {}))
    hints.append(override.pop("hint_extra", None))
    hint = " · ".join(h for h in hints if h)
    if hint:
        field["hint"] = hint
    if "default" in override and override["default"] is None:
        override.pop("default")
    if override.get("widget") == "hidden":
        field = {"name": key, "label": field["label"], "widget": "hidden", "required": True}
    field.update(override)
    return field


def _unwrap(annotation: Any) -> tuple[Any, bool, list[Any]]:
    """(type, optional, metadata) of `X | None`, `Optional[Annotated[X, ...]]` and the like."""
    meta: list[Any] = []
    optional = False
    tp = annotation
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            args = typing.get_args(tp)
            tp = args[0]
            for extra in args[1:]:
                meta.append(extra)
                meta.extend(getattr(extra, "metadata", []) or [])
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(tp))
            tp = args[0] if len(args) == 1 else str
            continue
        return tp, optional, meta


def _options(tp: Any, meta: list[Any], ctx: _Ctx, path: str) -> list[dict[str, str]] | None:
    """Select options for a closed vocabulary, or None for a free value."""
    lang = ctx.lang
    values: list[str] | None = None
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        values = [member.value for member in tp]
    elif typing.get_origin(tp) is Literal:
        values = [str(v) for v in typing.get_args(tp)]
    else:
        for m in meta:
            if isinstance(m, AfterValidator):
                vocab = _vocabulary_of(m)
                if vocab is not None:
                    allowed_key, everything = vocab
                    allowed = ctx.vocab_context.get(allowed_key) or set(everything)
                    values = [v for v in everything if v in allowed] + sorted(set(allowed) - set(everything))
    if values is None and path == "caseconf.ignore.code":
        return _code_options(lang)
    if values is None:
        if path.endswith("office") or path == "offices":
            offices = list((ctx.config.offices if ctx.config else {}) or {})
            if offices:
                return [{"label": f"{code} – {name}", "value": code}
                        for code, name in ctx.config.offices.items()]  # type: ignore[union-attr]
        return None
    values = [v for v in values if _in_jurisdiction(v, ctx)]
    return [{"label": _option_label(v, lang), "value": v} for v in values]


def _in_jurisdiction(value: str, ctx: _Ctx) -> bool:
    """A place of one jurisdiction's authority (`ospod_office`, `csr_office`) is offered only
    to teams whose roles include that authority's worker (`ospod_worker`, `csr_worker`)."""
    if not value.endswith("_office"):
        return True
    roles = ctx.vocab_context.get("roles")
    if not roles:
        return True
    return value.replace("_office", "_worker") in roles


def _code_options(lang: str) -> list[dict[str, str]]:
    """Every code of the rule and personal-data registries, with its summary."""
    from .checks import registry_codes

    return [{"label": f"{code} – {entry['summary']}", "value": code} for code, entry in sorted(registry_codes(lang).items())]


def _vocabulary_of(validator: AfterValidator) -> tuple[str, tuple[str, ...]] | None:
    """The (context key, full list) a `models._vocabulary` validator checks against."""
    func = validator.func
    names = getattr(getattr(func, "__code__", None), "co_freevars", ())
    cells = getattr(func, "__closure__", None) or ()
    closure = {name: cell.cell_contents for name, cell in zip(names, cells)}
    if "allowed_key" in closure and "everything" in closure:
        return closure["allowed_key"], tuple(closure["everything"])
    return None


def _option_label(value: str, lang: str) -> str:
    label = pick(VOCAB, value, lang, "")
    return f"{label} ({value})" if label and label != value else value


def _list_summary(model: type[BaseModel]) -> str | None:
    names = [info.alias or name for name, info in model.model_fields.items()]
    picked = [n for n in ("id", "action", "ref", "role", "do", "result", "attendance", "if", "then", "code") if n in names]
    return " · ".join("{{fields.%s}}" % n for n in picked[:3]) or None


def _rule_hint(code: str, ctx: _Ctx) -> str | None:
    rule = ctx.rules.get(code)
    if rule is None:
        return None
    message = rule.message.get(ctx.lang) or rule.message.get("en") or ""
    text = _PLACEHOLDER.sub("…", message)
    return f"{text} ({code})"


def rule_message(code: str, lang: str) -> str:
    """A rule's message as the form shows it (placeholders left as …)."""
    rule = rule_by_code()[code]
    return _PLACEHOLDER.sub("…", rule.message.get(lang) or rule.message["en"])


def _js_pattern(pattern: str) -> str:
    """Python and JavaScript agree on the record patterns (\\d, anchors, classes)."""
    return pattern


def _action_number(action_id: str) -> int:
    match = re.match(r"^A(\d+)$", action_id)
    return int(match.group(1)) if match else 0


def _commit_messages(lang: str) -> dict[str, str]:
    texts = per_language((
        msg("Create {{collection}} record {{path}}"),
        msg("Update {{collection}} record {{path}}"),
        msg("Delete {{collection}} record {{path}}"),
    ))
    create, update, delete = texts.get(lang, texts["en"])
    return {"create": create, "update": update, "delete": delete,
            "uploadMedia": "Upload {{path}}", "deleteMedia": "Delete {{path}}"}
