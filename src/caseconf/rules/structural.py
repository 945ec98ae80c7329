"""Findings the loader itself reports (parse, encoding, schema). Listed here so the rules
reference documents every code; they run inside the loader, not as rules."""

from __future__ import annotations

from ._text import tr
from .base import Rule


def _loader_rule(code: str, name: str, summary: tuple[str, str, str], rationale: str,
                 severity: str = "error") -> type[Rule]:
    attrs = {
        "code": code, "name": name, "family": code.rstrip("0123456789"), "scope": "loader",
        "severity": severity, "summary": tr(*summary), "message": tr(*summary), "rationale": rationale,
        "__doc__": summary[2],
    }
    return type(f"Loader{code}", (Rule,), attrs)


SAFE_YAML = "Records hold plain data; anything else is either a typo or an attack on the reader."
RULES = [
    _loader_rule("YAML001", "yaml.syntax", ("Syntaktická chyba YAML", "Sintaksna greška YAML", "YAML syntax error"),
                 "A record that cannot be read cannot be checked."),
    _loader_rule("YAML002", "yaml.duplicate_key", ("Klíč uvedený dvakrát", "Ključ naveden dva puta", "Duplicate key"),
                 "YAML would silently keep only the last value; the first one would be lost."),
    _loader_rule("YAML003", "yaml.alias", ("Kotva nebo odkaz (&, *)", "Sidro ili referenca (&, *)", "Anchor or alias (&, *)"),
                 SAFE_YAML + " Alias expansion is the 'billion laughs' attack."),
    _loader_rule("YAML004", "yaml.custom_tag", ("Nepovolená značka YAML (!!…)", "Nedozvoljena YAML oznaka (!!…)", "Custom YAML tag (!!…)"),
                 SAFE_YAML + " Tags such as !!python/object can run code in careless readers."),
    _loader_rule("YAML005", "yaml.too_deep", ("Příliš hluboké vnoření", "Preduboko ugniježđenje", "Nesting too deep"),
                 "Bounded time and memory for every file."),
    _loader_rule("YAML006", "yaml.merge_key", ("Slučovací klíč <<", "Ključ za spajanje <<", "Merge key <<"),
                 "Merged values are invisible where they are used; write them out."),
    _loader_rule("YAML007", "yaml.too_long", ("Příliš dlouhá hodnota", "Predugačka vrijednost", "Value too long"),
                 "Bounded time and memory for every file; long text belongs in the minutes."),
    _loader_rule("YAML008", "yaml.number_too_long", ("Příliš dlouhé číslo", "Predugačak broj", "Number too long"),
                 "Bounded time and memory: a number of thousands of digits is no count, age or year."),
    _loader_rule("FILE001", "file.encoding", ("Soubor není text v UTF-8", "Datoteka nije UTF-8 tekst", "File is not UTF-8 text"),
                 "Records are text in UTF-8 so that git, the site and every editor agree on them."),
    _loader_rule("FILE002", "file.empty", ("Prázdný soubor", "Prazna datoteka", "Empty file"),
                 "An empty record documents nothing; start from `caseconf new`."),
    _loader_rule("FILE003", "file.front_matter", ("Chybí nebo není uzavřen blok YAML", "Nedostaje ili nije zatvoren YAML blok", "Missing or unclosed front matter"),
                 "The structured part of a record lives between two `---` lines."),
    _loader_rule("FILE004", "file.not_mapping", ("Obsah není mapa klíčů", "Sadržaj nije mapa ključeva", "Content is not a mapping"),
                 "Every record and case file is a set of named fields."),
    _loader_rule("FILE009", "file.conflict_markers", ("Zbylé značky konfliktu z Gitu", "Zaostale oznake Git konflikta", "Merge-conflict markers left"),
                 "A half-resolved merge mixes two versions of a record."),
    _loader_rule("FILE010", "file.outside_or_not_file", ("Cesta mimo repozitář nebo nejde o soubor", "Putanja izvan repozitorijuma ili nije datoteka", "Path outside the repository or not a file"),
                 "caseconf reads only the team's own files; a link out of the repository could leak other data."),
    _loader_rule("FILE011", "file.too_large", ("Příliš velký soubor", "Prevelika datoteka", "File too large"),
                 "Bounded time and memory; a record never needs megabytes."),
    _loader_rule("SCHEMA001", "schema.missing_field", ("Chybí povinné pole", "Nedostaje obavezno polje", "Required field missing"),
                 "Case id, kind and date tie a record to its case and its place in time."),
    _loader_rule("SCHEMA002", "schema.wrong_value", ("Hodnota nesprávného typu", "Vrijednost pogrešnog tipa", "Value of the wrong type"),
                 "Numbers, clock times and yes/no fields must be what they claim to be."),
    _loader_rule("SCHEMA003", "schema.vocabulary", ("Hodnota mimo slovník", "Vrijednost van rječnika", "Value outside the vocabulary"),
                 "Closed lists (kinds, roles, attendance…) make records comparable across the team."),
    _loader_rule("SCHEMA004", "schema.unknown_key", ("Neznámé pole", "Nepoznato polje", "Unknown field"),
                 "A misspelt field is silently ignored otherwise.", severity="warning"),
    _loader_rule("SCHEMA005", "schema.date", ("Neplatné datum", "Neispravan datum", "Invalid date"),
                 "Deadlines and reviews are computed from dates; 2025-02-30 does not exist."),
]
