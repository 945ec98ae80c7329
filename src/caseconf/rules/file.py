"""FILE: names, folders and front matter agree."""

from __future__ import annotations

from typing import Iterator

from ..records.catalogue import msg
from ..records.repository import RECORD_NAME
from .base import ActivityContext, Hit, RecordContext, Rule


def _name_match(path: str):  # type: ignore[no-untyped-def]
    return RECORD_NAME.match(path.rsplit("/", 1)[-1])


class FileName(Rule):
    """Record file name is not YYYY-MM-DD-<kind>.md."""

    code, name, family, scope = "FILE005", "file.name_pattern", "FILE", "record"
    summary = msg("Record file name is not YYYY-MM-DD-<kind>.md")
    message = msg("The file should be named {expected}: the date and kind of the meeting, with -2, -3 for another record of the same day. Rename it (file name)")
    rationale = msg("Record format: file names sort records in time and say their kind at a glance.")

    def check(self, ctx: RecordContext | ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        if _name_match(ctx.doc.path) is None:
            record = ctx.doc.model
            yield Hit(("date",), {"expected": f"{record.date.isoformat()}-{record.kind.value}.md"})


class FileDate(Rule):
    """Date in the file name differs from the front matter date."""

    code, name, family, scope = "FILE006", "file.name_date", "FILE", "record"
    summary = msg("Date in the file name differs from `date`")
    message = msg("The file name says {name_date} but the record says {date}. Make them agree: rename the file or fix the date (date)")
    rationale = msg("Record format: the file's date and folder must agree with its front matter.")

    def check(self, ctx: RecordContext | ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        match = _name_match(ctx.doc.path)
        record = ctx.doc.model
        if match and match["date"] != record.date.isoformat():
            yield Hit(("date",), {"name_date": match["date"], "date": record.date.isoformat()})


class FileKind(Rule):
    """Kind in the file name differs from the front matter kind."""

    code, name, family, scope = "FILE007", "file.name_kind", "FILE", "record"
    summary = msg("Kind in the file name differs from `kind`")
    message = msg("The file name says '{name_kind}' but the record says '{kind}'. Make the kind agree in both (kind)")
    rationale = msg("Record format: the file's name and its front matter must agree.")

    def check(self, ctx: RecordContext | ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        match = _name_match(ctx.doc.path)
        record = ctx.doc.model
        if match and match["kind"] != record.kind.value:
            yield Hit(("kind",), {"name_kind": match["kind"], "kind": record.kind.value})


class FileFolder(Rule):
    """The record's `case` differs from its folder."""

    code, name, family = "FILE008", "file.case_folder", "FILE"
    summary = msg("`case` differs from the case folder")
    message = msg("The record is in the folder of case {folder} but names case {case}. Move the file to the right folder or fix the case id (case)")
    rationale = msg("Record format: one folder per case; the folder is the case's identity on disk.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.record.case != ctx.case.id:
            yield Hit(("case",), {"folder": ctx.case.id, "case": ctx.record.case})


class ActivityName(FileName):
    """Activity file name is not YYYY-MM-DD-<kind>.md."""

    code, name, scope = "FILE012", "file.activity_name_pattern", "activity"
    summary = msg("Activity file name is not YYYY-MM-DD-<kind>.md")


class ActivityDate(FileDate):
    """Activity: date in the file name differs from `date`."""

    code, name, scope = "FILE013", "file.activity_name_date", "activity"
    summary = msg("Activity: date in the file name differs from `date`")


class ActivityKindName(FileKind):
    """Activity: kind in the file name differs from `kind`."""

    code, name, scope = "FILE014", "file.activity_name_kind", "activity"
    summary = msg("Activity: kind in the file name differs from `kind`")


class ActivityYearFolder(Rule):
    """Activity is not in the folder of its year."""

    code, name, family, scope, severity = "FILE015", "file.activity_year", "FILE", "activity", "warning"
    summary = msg("Activity not in the folder of its year")
    message = msg("An activity of {year} belongs in records/activities/{year}/. Move it there (date)")
    rationale = msg("Record format: records/activities/YYYY/ keeps a year's activities together for the funder report.")

    def check(self, ctx: ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        parts = ctx.doc.path.split("/")
        year = str(ctx.record.date.year)
        if len(parts) != 4 or parts[2] != year:
            yield Hit(("date",), {"year": year})


RULES = [FileName, FileDate, FileKind, FileFolder, ActivityName, ActivityDate, ActivityKindName, ActivityYearFolder]
