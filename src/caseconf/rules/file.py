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
    message = tr("Soubor se má jmenovat {expected}: datum a druh setkání, případně -2, -3 pro další záznam téhož dne. Přejmenujte ho (název souboru)",
                 "Datoteka treba da se zove {expected}: datum i vrsta sastanka, ili -2, -3 za sljedeći zapis istog dana. Preimenujte je (naziv datoteke)",
                 "The file should be named {expected}: the date and kind of the meeting, with -2, -3 for another record of the same day. Rename it (file name)")
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
    summary = tr("Datum v názvu souboru nesouhlasí s datem záznamu", "Datum u nazivu datoteke ne odgovara datumu zapisa",
                 "Date in the file name differs from `date`")
    message = tr("Název souboru říká {name_date}, záznam {date}. Sjednoťte je: přejmenujte soubor, nebo opravte datum (date)",
                 "Naziv datoteke kaže {name_date}, a zapis {date}. Uskladite ih: preimenujte datoteku ili ispravite datum (date)",
                 "The file name says {name_date} but the record says {date}. Make them agree: rename the file or fix the date (date)")
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
    summary = tr("Druh v názvu souboru nesouhlasí s druhem záznamu", "Vrsta u nazivu datoteke ne odgovara vrsti zapisa",
                 "Kind in the file name differs from `kind`")
    message = tr("Název souboru říká „{name_kind}“, záznam „{kind}“. Sjednoťte druh setkání v názvu a v záznamu (kind)",
                 "Naziv datoteke kaže „{name_kind}“, a zapis „{kind}“. Uskladite vrstu sastanka u nazivu i u zapisu (kind)",
                 "The file name says '{name_kind}' but the record says '{kind}'. Make the kind agree in both (kind)")
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
    summary = tr("Kód případu v záznamu nesouhlasí se složkou", "Oznaka slučaja u zapisu ne odgovara fascikli",
                 "`case` differs from the case folder")
    message = tr("Záznam leží ve složce případu {folder}, ale uvádí případ {case}. Přesuňte soubor do správné složky, nebo opravte kód případu (case)",
                 "Zapis se nalazi u fascikli slučaja {folder}, a navodi slučaj {case}. Premjestite datoteku u pravu fasciklu ili ispravite oznaku slučaja (case)",
                 "The record is in the folder of case {folder} but names case {case}. Move the file to the right folder or fix the case id (case)")
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
    summary = tr("Datum v názvu souboru aktivity nesouhlasí s datem aktivity",
                 "Datum u nazivu datoteke aktivnosti ne odgovara datumu aktivnosti",
                 "Activity: date in the file name differs from `date`")


class ActivityKindName(FileKind):
    """Activity: kind in the file name differs from `kind`."""

    code, name, scope = "FILE014", "file.activity_name_kind", "activity"
    summary = tr("Druh v názvu souboru aktivity nesouhlasí s druhem aktivity",
                 "Vrsta u nazivu datoteke aktivnosti ne odgovara vrsti aktivnosti",
                 "Activity: kind in the file name differs from `kind`")


class ActivityYearFolder(Rule):
    """Activity is not in the folder of its year."""

    code, name, family, scope, severity = "FILE015", "file.activity_year", "FILE", "activity", "warning"
    summary = tr("Aktivita neleží ve složce svého roku", "Aktivnost nije u folderu svoje godine",
                 "Activity not in the folder of its year")
    message = tr("Aktivita z roku {year} patří do složky records/activities/{year}/. Přesuňte ji tam (date)",
                 "Aktivnost iz {year}. godine pripada u records/activities/{year}/. Premjestite je tamo (date)",
                 "An activity of {year} belongs in records/activities/{year}/. Move it there (date)")
    rationale = tr("records/activities/RRRR/ drží aktivity jednoho roku pohromadě pro zprávu donorovi.",
                   "records/activities/GGGG/ drži aktivnosti jedne godine zajedno za izvještaj donatoru.",
                   "Record format: records/activities/YYYY/ keeps a year's activities together for the funder report.")

    def check(self, ctx: ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        parts = ctx.doc.path.split("/")
        year = str(ctx.record.date.year)
        if len(parts) != 4 or parts[2] != year:
            yield Hit(("date",), {"year": year})


RULES = [FileName, FileDate, FileKind, FileFolder, ActivityName, ActivityDate, ActivityKindName, ActivityYearFolder]
