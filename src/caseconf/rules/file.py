"""FILE: names, folders and front matter agree."""

from __future__ import annotations

from typing import Iterator

from ..records.repository import RECORD_NAME
from ._text import tr
from .base import ActivityContext, Hit, RecordContext, Rule


def _name_match(path: str):  # type: ignore[no-untyped-def]
    return RECORD_NAME.match(path.rsplit("/", 1)[-1])


class FileName(Rule):
    """Record file name is not YYYY-MM-DD-<kind>.md."""

    code, name, family, scope = "FILE005", "file.name_pattern", "FILE", "record"
    summary = tr("Název souboru neodpovídá vzoru RRRR-MM-DD-druh.md",
                 "Naziv datoteke ne odgovara obrascu GGGG-MM-DD-vrsta.md",
                 "Record file name is not YYYY-MM-DD-<kind>.md")
    message = tr("název souboru má být {expected} (datum-druh.md, případně -2, -3 pro další záznam téhož dne)",
                 "naziv datoteke treba da bude {expected} (datum-vrsta.md, ili -2, -3 za sljedeći zapis istog dana)",
                 "the file name should be {expected} (date-kind.md, with -2, -3 for another record of the same day)")
    rationale = tr("Názvy souborů řadí záznamy v čase a na první pohled říkají, o jaký druh jde.",
                   "Nazivi datoteka ređaju zapise po vremenu i odmah kažu koja je vrsta zapisa.",
                   "Record format: file names sort records in time and say their kind at a glance.")

    def check(self, ctx: RecordContext | ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        if _name_match(ctx.doc.path) is None:
            record = ctx.doc.model
            yield Hit(("date",), {"expected": f"{record.date.isoformat()}-{record.kind.value}.md"})


class FileDate(Rule):
    """Date in the file name differs from the front matter date."""

    code, name, family, scope = "FILE006", "file.name_date", "FILE", "record"
    summary = tr("Datum v názvu souboru nesouhlasí s polem date", "Datum u nazivu datoteke ne odgovara polju date",
                 "Date in the file name differs from `date`")
    message = tr("v názvu souboru je {name_date}, v poli date {date}; sjednoťte je (přejmenujte soubor nebo opravte datum)",
                 "u nazivu datoteke je {name_date}, u polju date {date}; uskladite ih",
                 "the file name says {name_date} but date is {date}; make them agree (rename the file or fix the date)")
    rationale = tr("Datum a složka souboru musí souhlasit s údaji v záznamu.",
                   "Datum i fascikla datoteke moraju se slagati sa podacima u zapisu.",
                   "Record format: the file's date and folder must agree with its front matter.")

    def check(self, ctx: RecordContext | ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        match = _name_match(ctx.doc.path)
        record = ctx.doc.model
        if match and match["date"] != record.date.isoformat():
            yield Hit(("date",), {"name_date": match["date"], "date": record.date.isoformat()})


class FileKind(Rule):
    """Kind in the file name differs from the front matter kind."""

    code, name, family, scope = "FILE007", "file.name_kind", "FILE", "record"
    summary = tr("Druh v názvu souboru nesouhlasí s polem kind", "Vrsta u nazivu datoteke ne odgovara polju kind",
                 "Kind in the file name differs from `kind`")
    message = tr("v názvu souboru je druh „{name_kind}“, v poli kind „{kind}“; sjednoťte je",
                 "u nazivu datoteke je vrsta „{name_kind}“, u polju kind „{kind}“; uskladite ih",
                 "the file name says '{name_kind}' but kind is '{kind}'; make them agree")
    rationale = tr("Název souboru a údaje v záznamu musí souhlasit.",
                   "Naziv datoteke i podaci u zapisu moraju se slagati.",
                   "Record format: the file's name and its front matter must agree.")

    def check(self, ctx: RecordContext | ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        match = _name_match(ctx.doc.path)
        record = ctx.doc.model
        if match and match["kind"] != record.kind.value:
            yield Hit(("kind",), {"name_kind": match["kind"], "kind": record.kind.value})


class FileFolder(Rule):
    """The record's `case` differs from its folder."""

    code, name, family = "FILE008", "file.case_folder", "FILE"
    summary = tr("Pole case nesouhlasí se složkou případu", "Polje case ne odgovara folderu slučaja",
                 "`case` differs from the case folder")
    message = tr("záznam leží ve složce {folder}, ale v poli case má {case}; přesuňte soubor nebo opravte case",
                 "zapis je u folderu {folder}, a polje case glasi {case}; premjestite datoteku ili ispravite case",
                 "the record is in folder {folder} but says case {case}; move the file or fix `case`")
    rationale = tr("Jedna složka na případ; složka je totožnost případu.",
                   "Jedna fascikla po slučaju; fascikla je identitet slučaja.",
                   "Record format: one folder per case; the folder is the case's identity on disk.")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.record.case != ctx.case.id:
            yield Hit(("case",), {"folder": ctx.case.id, "case": ctx.record.case})


class ActivityName(FileName):
    """Activity file name is not YYYY-MM-DD-<kind>.md."""

    code, name, scope = "FILE012", "file.activity_name_pattern", "activity"
    summary = tr("Název souboru aktivity neodpovídá vzoru RRRR-MM-DD-druh.md",
                 "Naziv datoteke aktivnosti ne odgovara obrascu GGGG-MM-DD-vrsta.md",
                 "Activity file name is not YYYY-MM-DD-<kind>.md")


class ActivityDate(FileDate):
    """Activity: date in the file name differs from `date`."""

    code, name, scope = "FILE013", "file.activity_name_date", "activity"
    summary = tr("Datum v názvu souboru aktivity nesouhlasí s polem date",
                 "Datum u nazivu datoteke aktivnosti ne odgovara polju date",
                 "Activity: date in the file name differs from `date`")


class ActivityKindName(FileKind):
    """Activity: kind in the file name differs from `kind`."""

    code, name, scope = "FILE014", "file.activity_name_kind", "activity"
    summary = tr("Druh v názvu souboru aktivity nesouhlasí s polem kind",
                 "Vrsta u nazivu datoteke aktivnosti ne odgovara polju kind",
                 "Activity: kind in the file name differs from `kind`")


class ActivityYearFolder(Rule):
    """Activity is not in the folder of its year."""

    code, name, family, scope, severity = "FILE015", "file.activity_year", "FILE", "activity", "warning"
    summary = tr("Aktivita neleží ve složce svého roku", "Aktivnost nije u folderu svoje godine",
                 "Activity not in the folder of its year")
    message = tr("aktivita z roku {year} patří do records/activities/{year}/",
                 "aktivnost iz {year}. godine pripada u records/activities/{year}/",
                 "an activity of {year} belongs in records/activities/{year}/")
    rationale = tr("records/activities/RRRR/ drží aktivity jednoho roku pohromadě pro zprávu donorovi.",
                   "records/activities/GGGG/ drži aktivnosti jedne godine zajedno za izvještaj donatoru.",
                   "Record format: records/activities/YYYY/ keeps a year's activities together for the funder report.")

    def check(self, ctx: ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        parts = ctx.doc.path.split("/")
        year = str(ctx.record.date.year)
        if len(parts) != 4 or parts[2] != year:
            yield Hit(("date",), {"year": year})


RULES = [FileName, FileDate, FileKind, FileFolder, ActivityName, ActivityDate, ActivityKindName, ActivityYearFolder]
