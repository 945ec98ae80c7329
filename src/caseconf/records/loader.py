"""Files -> validated models, with the file and line of every problem.

The loader never raises for bad input: every problem becomes a Finding and the
document comes back without a model, so one broken record cannot hide the others.
"""

from __future__ import annotations

import os
import re
import stat
import typing
from dataclasses import dataclass, field
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from . import models, yamlsafe
from .findings import Finding
from .i18n import loader_message, pick_language
from .linemap import LineMap

DocKind = Literal["config", "case", "conference", "activity"]
MAX_FILE_BYTES = 2 * 1024 * 1024
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)
_DATE_ERRORS = {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_type",
                "date_past", "date_future"}
_VOCAB_ERRORS = {"vocabulary", "enum", "literal_error"}
_TYPE_DETAILS = {
    "string_type": "expected_text", "int_parsing": "expected_integer", "int_type": "expected_integer",
    "int_from_float": "expected_integer", "bool_parsing": "expected_bool", "bool_type": "expected_bool",
    "list_type": "expected_list", "dict_type": "expected_mapping", "model_type": "expected_mapping",
    "model_attributes_type": "expected_mapping", "tuple_type": "expected_list",
    "greater_than_equal": "expected_range", "less_than_equal": "expected_range",
    "string_too_short": "expected_text", "string_pattern_mismatch": "expected_pattern",
}
_QUOTED = re.compile(r"'([^']*)'")
_DIGIT_RUN = re.compile(r"\d{5,}")


@dataclass(slots=True)
class LoadedDoc:
    """One file as the loader understood it. `lines` maps a field path to its file line."""

    path: str
    kind: DocKind
    model: Any = None
    body: str = ""
    body_line: int = 1
    text: str = ""
    lines: Mapping[tuple[str | int, ...], int] = field(default_factory=dict)  # a LineMap once parsed
    findings: list[Finding] = field(default_factory=list)

    def line_of(self, *loc: str | int) -> int:
        """Line of the deepest existing prefix of `loc`: a missing key points at its parent."""
        for end in range(len(loc), 0, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        # nothing of it exists: point at the first field rather than at the `---` line
        return min(self.lines.values(), default=1)

    @property
    def ok(self) -> bool:
        return self.model is not None


def _finding(doc: LoadedDoc, line: int, code: str, message: str, severity: str = "error") -> None:
    doc.findings.append(Finding(doc.path, max(1, line), code, severity, message))  # type: ignore[arg-type]


def read_text(doc: LoadedDoc, raw: bytes, lang: str) -> str | None:
    """Bytes -> text, or a finding. Handles BOMs, CRLF and NUL bytes."""
    if len(raw) > MAX_FILE_BYTES:
        _finding(doc, 1, "FILE011", loader_message("file_too_large", lang, size=len(raw), limit=MAX_FILE_BYTES))
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        _finding(doc, 1, "FILE001", loader_message("file_not_utf8", lang, detail="UTF-16"))
        return None
    if b"\x00" in raw:
        _finding(doc, 1, "FILE001", loader_message("file_binary", lang))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        _finding(doc, line, "FILE001", loader_message("file_not_utf8", lang, detail=f"byte {exc.start + 1}"))
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        _finding(doc, 1, "FILE002", loader_message("file_empty", lang))
        return None
    conflict = _CONFLICT.search(text)
    if conflict:
        _finding(doc, text.count("\n", 0, conflict.start()) + 1, "FILE009", loader_message("conflict_markers", lang))
        return None
    return text


def _read_regular(doc: LoadedDoc, path: Path, lang: str) -> bytes | None:
    """The bytes of a regular file, or a finding. A FIFO, device or socket is refused before
    it is opened (a FIFO would block `check` for ever), and so is a file over the size limit."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            _finding(doc, 1, "FILE010", loader_message("not_a_file", lang))
            return None
        if info.st_size > MAX_FILE_BYTES:
            _finding(doc, 1, "FILE011", loader_message("file_too_large", lang, size=info.st_size,
                                                       limit=MAX_FILE_BYTES))
            return None
        # O_NONBLOCK: should the file be swapped for a FIFO after the stat, open() still returns
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                _finding(doc, 1, "FILE010", loader_message("not_a_file", lang))
                return None
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        _finding(doc, 1, "FILE001", loader_message("file_not_utf8", lang, detail=exc.strerror or "unreadable"))
        return None


def split_front_matter(doc: LoadedDoc, text: str, lang: str) -> tuple[str, int] | None:
    """Return (yaml_text, line_offset) and set the body, or add a finding."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        _finding(doc, 1, "FILE003", loader_message("no_front_matter", lang))
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            doc.body = "\n".join(lines[index + 1:])
            doc.body_line = index + 2
            return "\n".join(lines[1:index]), 1
    _finding(doc, 1, "FILE003", loader_message("unclosed_front_matter", lang))
    return None


def parse_yaml(doc: LoadedDoc, yaml_text: str, offset: int, lang: str) -> Any:
    parsed = yamlsafe.parse(yaml_text)
    for problem in parsed.problems:
        _finding(doc, problem.line + offset, problem.code, loader_message(problem.message_id, lang, **problem.params))
    doc.lines = LineMap(parsed.lines, offset)  # compact: the model keeps it as long as the doc
    if parsed.problems:
        return None
    if not isinstance(parsed.data, dict):
        found = type(parsed.data).__name__ if parsed.data is not None else "nothing"
        _finding(doc, 1 + offset, "FILE004", loader_message("not_mapping", lang, found=found))
        return None
    return parsed.data


def load_document(root: Path, rel: str, kind: DocKind, lang: str, context: dict[str, Any] | None,
                  raw: bytes | None = None) -> LoadedDoc:
    doc = LoadedDoc(path=rel, kind=kind)
    if raw is None:
        raw = _read_regular(doc, root / rel, lang)
        if raw is None:
            return doc
    text = read_text(doc, raw, lang)
    if text is None:
        return doc
    doc.text = text
    if kind in ("conference", "activity"):
        split = split_front_matter(doc, text, lang)
        if split is None:
            return doc
        yaml_text, offset = split
    else:
        yaml_text, offset = text, 0
    data = parse_yaml(doc, yaml_text, offset, lang)
    if data is None:
        return doc
    if kind == "config" and isinstance(data, dict) and isinstance(data.get("language"), str):
        # caseconf.yml names the team's language: its own warnings are in it (a file that
        # cannot be parsed is reported in the default language, nothing better is known)
        lang = pick_language(data["language"])
    model_cls = models.SCHEMAS[kind]
    try:
        doc.model = model_cls.model_validate(data, context=context)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            line, code, message = describe_error(doc, error, lang)
            _finding(doc, line, code, message)
        return doc
    report_unknown_keys(doc, doc.model, (), lang)
    return doc


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _show(value: Any) -> str:
    """Echo a bad value only when short and digit-poor: it may be personal data."""
    text = str(value)
    if len(text) > 40 or _DIGIT_RUN.search(text):
        return "…"
    return text


def _hint(value: Any, expected: list[str], lang: str) -> str:
    best = _close_matches(str(value), expected)
    if best:
        return loader_message("did_you_mean", lang, best=best[0])
    if len(expected) <= 12:
        return loader_message("allowed_values", lang, values=", ".join(expected))
    return ""


def describe_error(doc: LoadedDoc, error: Any, lang: str) -> tuple[int, str, str]:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith(("function-", "tuple["))))
    line = doc.line_of(*loc)
    field = _dotted(loc) or "(root)"
    kind, value = error["type"], error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return line, "SCHEMA001", loader_message("missing", lang, field=field)
    if kind in _VOCAB_ERRORS:
        expected = ctx.get("expected")
        if isinstance(expected, str):
            expected = _QUOTED.findall(expected)
        hint = _hint(value, list(expected or []), lang)
        return line, "SCHEMA003", loader_message("vocabulary", lang, value=_show(value), field=field, hint=hint)
    if kind in _DATE_ERRORS:
        return line, "SCHEMA005", loader_message("bad_date", lang, field=field, value=_show(value))
    if kind == "string_pattern_mismatch" and loc and loc[-1] in ("start", "end"):
        return line, "SCHEMA002", loader_message("bad_time", lang, field=field, value=_show(value))
    detail_id = _TYPE_DETAILS.get(kind)
    detail = loader_message(detail_id, lang) if detail_id else error["msg"]
    return line, "SCHEMA002", loader_message("bad_value", lang, field=field, value=_show(value), detail=detail)


def _known_keys(model: BaseModel) -> list[str]:
    keys = []
    for name, info in type(model).model_fields.items():
        keys.append(info.alias or name)
    return keys


def _may_hold_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_models(arg) for arg in typing.get_args(annotation))


_NESTED: dict[type, list[tuple[str, str]]] = {}


def _nested_fields(cls: type[BaseModel]) -> list[tuple[str, str]]:
    """(attribute, key) of the fields whose value can be or contain a model (cached per class)."""
    nested = _NESTED.get(cls)
    if nested is None:
        nested = [(name, info.alias or name) for name, info in cls.model_fields.items()
                  if _may_hold_models(info.annotation)]
        _NESTED[cls] = nested
    return nested


def report_unknown_keys(doc: LoadedDoc, model: BaseModel, loc: tuple[str | int, ...], lang: str) -> None:
    for key in model.model_extra or {}:
        best = _close_matches(key, _known_keys(model))
        hint = loader_message("did_you_mean", lang, best=best[0]) if best else ""
        doc.findings.append(Finding(doc.path, doc.line_of(*loc, key), "SCHEMA004", "warning",
                                    loader_message("unknown_key", lang, key=key, hint=hint)))
    # Only fields whose type can hold a model are walked; scalar fields cannot hide extra keys.
    for name, key in _nested_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            report_unknown_keys(doc, value, loc + (key,), lang)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    report_unknown_keys(doc, item, loc + (key, index), lang)


def _close_matches(word: str, choices: Iterable[str]) -> list[str]:
    """The likeliest intended spelling ("did you mean …"); difflib loads only when a file is wrong."""
    import difflib

    return difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
