"""Messages in the team's language: Czech first, Montenegrin (Latin) and English.

A message is a dict keyed by language; `render` falls back to English, then to the
message id, so a missing translation never hides a finding.
"""

from __future__ import annotations

import os
from typing import Any, Mapping

LANGUAGES = ("cs", "sr-Latn", "en")
DEFAULT_LANGUAGE = "cs"

Message = Mapping[str, str]


def pick_language(configured: str | None) -> str:
    """CASECONF_LANG overrides the team setting (useful for a reviewer from abroad)."""
    wanted = os.environ.get("CASECONF_LANG") or configured or DEFAULT_LANGUAGE
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


class _Safe(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(message: Message, lang: str, params: Mapping[str, Any] | None = None) -> str:
    template = message.get(lang) or message.get("en") or next(iter(message.values()), "")
    return template.format_map(_Safe(params or {}))


LOADER_MESSAGES: dict[str, Message] = {
    "yaml_syntax": {
        "cs": "YAML nejde přečíst ({detail}); opravte syntaxi (odsazení mezerami, dvojtečka za klíčem)",
        "sr-Latn": "YAML se ne može pročitati ({detail}); ispravite sintaksu (uvlačenje razmacima, dvotačka iza ključa)",
        "en": "YAML cannot be read ({detail}); fix the syntax (indent with spaces, a colon after each key)",
    },
    "yaml_duplicate_key": {
        "cs": "klíč „{key}“ je uveden podruhé (poprvé na řádku {first}); ponechte jen jeden",
        "sr-Latn": "ključ „{key}“ se ponavlja (prvi put u redu {first}); ostavite samo jedan",
        "en": "key '{key}' appears twice (first on line {first}); keep only one",
    },
    "yaml_alias": {
        "cs": "kotvy a odkazy (&, *) záznamy nepoužívají; vypište hodnotu celou",
        "sr-Latn": "sidra i reference (&, *) se ne koriste u zapisima; napišite vrijednost cijelu",
        "en": "anchors and aliases (&, *) are not allowed in records; write the value out in full",
    },
    "yaml_tag": {
        "cs": "značka {tag} není povolena; záznam smí obsahovat jen text, čísla, data a seznamy",
        "sr-Latn": "oznaka {tag} nije dozvoljena; zapis smije sadržati samo tekst, brojeve, datume i liste",
        "en": "tag {tag} is not allowed; a record holds only text, numbers, dates and lists",
    },
    "yaml_too_deep": {
        "cs": "struktura je vnořená hlouběji než {limit} úrovní nebo je příliš velká; zjednodušte ji",
        "sr-Latn": "struktura je ugniježđena dublje od {limit} nivoa ili je prevelika; pojednostavite je",
        "en": "the structure is nested deeper than {limit} levels or is too large; simplify it",
    },
    "yaml_too_long": {
        "cs": "hodnota je delší než {limit} znaků; tak dlouhý text patří do zápisu pod úvodní blok",
        "sr-Latn": "vrijednost je duža od {limit} znakova; tako dug tekst pripada zapisniku ispod uvodnog bloka",
        "en": "the value is longer than {limit} characters; text that long belongs in the minutes below the front matter",
    },
    "yaml_number_too_long": {
        "cs": "číslo má víc než {limit} číslic; žádné pole záznamu tak dlouhé číslo nepotřebuje, opravte ho (nebo ho dejte do uvozovek jako text)",
        "sr-Latn": "broj ima više od {limit} cifara; nijedno polje zapisa ne treba tako dug broj, ispravite ga (ili ga stavite pod navodnike kao tekst)",
        "en": "the number has more than {limit} digits; no record field needs a number that long, fix it (or quote it as text)",
    },
    "yaml_merge_key": {
        "cs": "slučovací klíč << není povolen; vypište hodnoty přímo",
        "sr-Latn": "ključ za spajanje << nije dozvoljen; napišite vrijednosti direktno",
        "en": "the merge key << is not allowed; write the values out directly",
    },
    "yaml_complex_key": {
        "cs": "klíč musí být prostý text",
        "sr-Latn": "ključ mora biti običan tekst",
        "en": "a key must be plain text",
    },
    "file_not_utf8": {
        "cs": "soubor není v kódování UTF-8 ({detail}); uložte ho v editoru jako UTF-8",
        "sr-Latn": "datoteka nije u kodiranju UTF-8 ({detail}); sačuvajte je u editoru kao UTF-8",
        "en": "the file is not UTF-8 ({detail}); save it from your editor as UTF-8",
    },
    "file_binary": {
        "cs": "soubor obsahuje binární data (znak NUL); záznam musí být textový soubor Markdown",
        "sr-Latn": "datoteka sadrži binarne podatke (znak NUL); zapis mora biti tekstualna Markdown datoteka",
        "en": "the file contains binary data (a NUL byte); a record must be a Markdown text file",
    },
    "file_too_large": {
        "cs": "soubor má {size} bajtů, víc než povolených {limit}; záznam takovou velikost nepotřebuje",
        "sr-Latn": "datoteka ima {size} bajtova, više od dozvoljenih {limit}",
        "en": "the file has {size} bytes, more than the {limit} allowed for a record",
    },
    "file_empty": {
        "cs": "soubor je prázdný; začněte příkazem `caseconf new`",
        "sr-Latn": "datoteka je prazna; počnite komandom `caseconf new`",
        "en": "the file is empty; start it with `caseconf new`",
    },
    "no_front_matter": {
        "cs": "chybí úvodní blok YAML; soubor musí začínat řádkem `---`",
        "sr-Latn": "nedostaje uvodni YAML blok; datoteka mora počinjati redom `---`",
        "en": "no YAML front matter; the file must start with a line `---`",
    },
    "unclosed_front_matter": {
        "cs": "úvodní blok YAML není uzavřen; přidejte řádek `---` za poslední pole",
        "sr-Latn": "uvodni YAML blok nije zatvoren; dodajte red `---` iza posljednjeg polja",
        "en": "the front matter is not closed; add a line `---` after the last field",
    },
    "not_mapping": {
        "cs": "obsah musí být mapa klíčů a hodnot (klíč: hodnota), ne {found}",
        "sr-Latn": "sadržaj mora biti mapa ključeva i vrijednosti (ključ: vrijednost), ne {found}",
        "en": "the content must be a mapping of keys to values (key: value), not {found}",
    },
    "conflict_markers": {
        "cs": "v souboru zůstaly značky konfliktu z Gitu (<<<<<<<, =======, >>>>>>>); vyřešte konflikt",
        "sr-Latn": "u datoteci su ostale oznake Git konflikta (<<<<<<<, =======, >>>>>>>); riješite konflikt",
        "en": "Git merge-conflict markers (<<<<<<<, =======, >>>>>>>) are left in the file; resolve the conflict",
    },
    "outside_root": {
        "cs": "cesta vede mimo repozitář (odkaz nebo ..); caseconf čte jen soubory uvnitř",
        "sr-Latn": "putanja vodi izvan repozitorijuma (link ili ..); caseconf čita samo datoteke unutra",
        "en": "the path leads outside the repository (a link or ..); caseconf reads only files inside it",
    },
    "not_a_file": {
        "cs": "na místě záznamu je složka nebo zvláštní soubor; záznam musí být obyčejný soubor",
        "sr-Latn": "na mjestu zapisa je folder ili poseban fajl; zapis mora biti obična datoteka",
        "en": "a folder or special file stands where a record should be; a record must be a regular file",
    },
    "missing": {
        "cs": "chybí povinné pole „{field}“; doplňte ho",
        "sr-Latn": "nedostaje obavezno polje „{field}“; dopunite ga",
        "en": "required field '{field}' is missing; add it",
    },
    "vocabulary": {
        "cs": "„{value}“ není povolená hodnota pole „{field}“{hint}",
        "sr-Latn": "„{value}“ nije dozvoljena vrijednost polja „{field}“{hint}",
        "en": "'{value}' is not an allowed value of '{field}'{hint}",
    },
    "did_you_mean": {"cs": "; měli jste na mysli „{best}“?", "sr-Latn": "; da li ste mislili „{best}“?",
                     "en": "; did you mean '{best}'?"},
    "allowed_values": {"cs": "; povolené: {values}", "sr-Latn": "; dozvoljene: {values}", "en": "; allowed: {values}"},
    "bad_date": {
        "cs": "pole „{field}“: „{value}“ není platné datum; pište RRRR-MM-DD, např. 2025-03-04",
        "sr-Latn": "polje „{field}“: „{value}“ nije ispravan datum; pišite GGGG-MM-DD, npr. 2025-03-04",
        "en": "field '{field}': '{value}' is not a valid date; write YYYY-MM-DD, e.g. 2025-03-04",
    },
    "bad_time": {
        "cs": "pole „{field}“: „{value}“ není čas; pište HH:MM v uvozovkách, např. \"13:00\"",
        "sr-Latn": "polje „{field}“: „{value}“ nije vrijeme; pišite HH:MM pod navodnicima, npr. \"13:00\"",
        "en": "field '{field}': '{value}' is not a clock time; write HH:MM in quotes, e.g. \"13:00\"",
    },
    "bad_value": {
        "cs": "pole „{field}“ má nesprávnou hodnotu „{value}“: {detail}",
        "sr-Latn": "polje „{field}“ ima neispravnu vrijednost „{value}“: {detail}",
        "en": "field '{field}' has a wrong value '{value}': {detail}",
    },
    "expected_text": {"cs": "očekává se text", "sr-Latn": "očekuje se tekst", "en": "text expected"},
    "expected_integer": {"cs": "očekává se celé číslo", "sr-Latn": "očekuje se cijeli broj", "en": "a whole number expected"},
    "expected_bool": {"cs": "očekává se true nebo false", "sr-Latn": "očekuje se true ili false", "en": "true or false expected"},
    "expected_list": {"cs": "očekává se seznam (- položka)", "sr-Latn": "očekuje se lista (- stavka)", "en": "a list (- item) expected"},
    "expected_mapping": {"cs": "očekávají se vnořená pole (klíč: hodnota)", "sr-Latn": "očekuju se ugniježđena polja (ključ: vrijednost)", "en": "nested fields (key: value) expected"},
    "expected_range": {"cs": "číslo je mimo povolený rozsah", "sr-Latn": "broj je van dozvoljenog raspona", "en": "the number is out of range"},
    "expected_pattern": {"cs": "neodpovídá předepsanému tvaru (např. A1 u úkolu, M nebo D1 u zkratky osoby)", "sr-Latn": "ne odgovara propisanom obliku (npr. A1 za mjeru, M ili D1 za oznaku osobe)", "en": "does not have the required form (e.g. A1 for an action, M or D1 for a person ref)"},
    "unknown_key": {
        "cs": "neznámé pole „{key}“ se nepoužije{hint}",
        "sr-Latn": "nepoznato polje „{key}“ se ne koristi{hint}",
        "en": "unknown field '{key}' is ignored{hint}",
    },
}


def loader_message(message_id: str, lang: str, **params: Any) -> str:
    return render(LOADER_MESSAGES[message_id], lang, params)
