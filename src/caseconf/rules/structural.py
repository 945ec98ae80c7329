"""Findings the loader itself reports (parse, encoding, schema). Listed here so the rules
reference documents every code; they run inside the loader, not as rules."""

from __future__ import annotations

from ._text import tr
from .base import Rule


def _loader_rule(code: str, name: str, summary: tuple[str, str, str], rationale: tuple[str, str, str],
                 severity: str = "error", messages: tuple[str, ...] = (), can_disable: bool = True) -> type[Rule]:
    why = rationale if can_disable else tuple(f"{text} {extra}" for text, extra in zip(rationale, UNREADABLE))
    attrs = {
        "code": code, "name": name, "family": code.rstrip("0123456789"), "scope": "loader",
        "severity": severity, "summary": tr(*summary), "message": tr(*summary),
        "rationale": tr(*why),
        "message_ids": messages, "can_disable": can_disable, "__doc__": summary[2],
    }
    return type(f"Loader{code}", (Rule,), attrs)


SAFE_YAML = ("Záznamy obsahují jen prostá data; cokoli jiného je překlep, nebo útok na čtenáře.",
             "Zapisi sadrže samo obične podatke; sve drugo je greška ili napad na čitaoca.",
             "Records hold plain data; anything else is either a typo or an attack on the reader.")
UNREADABLE = ("Tuto kontrolu nelze vypnout: záznam, který nikdo nepřečte, by potichu vypadl ze všech kontrol.",
              "Ova provjera se ne može isključiti: zapis koji niko ne može pročitati tiho bi ispao iz svih provjera.",
              "It cannot be switched off: a record nobody can read would silently drop out of every check.")


def _safe(cs: str, sr: str, en: str) -> tuple[str, str, str]:
    return tuple(f"{base} {extra}" for base, extra in zip(SAFE_YAML, (cs, sr, en)))  # type: ignore[return-value]
RULES = [
    _loader_rule("YAML001", "yaml.syntax", ("Syntaktická chyba YAML", "Sintaksna greška YAML", "YAML syntax error"),
                 ("Záznam, který nejde přečíst, nejde ani zkontrolovat.", "Zapis koji se ne može pročitati ne može se ni provjeriti.", "A record that cannot be read cannot be checked."), messages=("yaml_syntax", "yaml_complex_key"), can_disable=False),
    _loader_rule("YAML002", "yaml.duplicate_key", ("Klíč uvedený dvakrát", "Ključ naveden dva puta", "Duplicate key"),
                 ("YAML by potichu ponechal jen poslední hodnotu a první by se ztratila.", "YAML bi tiho zadržao samo posljednju vrijednost, a prva bi se izgubila.", "YAML would silently keep only the last value; the first one would be lost."), messages=("yaml_duplicate_key",)),
    _loader_rule("YAML003", "yaml.alias", ("Kotva nebo odkaz (&, *)", "Sidro ili referenca (&, *)", "Anchor or alias (&, *)"),
                 _safe("Rozbalování odkazů je útok „miliarda smíchů“.", "Raspakivanje referenci je napad „milijarda smijeha“.", "Alias expansion is the 'billion laughs' attack."), messages=("yaml_alias",), can_disable=False),
    _loader_rule("YAML004", "yaml.custom_tag", ("Nepovolená značka YAML (!!…)", "Nedozvoljena YAML oznaka (!!…)", "Custom YAML tag (!!…)"),
                 _safe("Značky jako !!python/object mohou v neopatrném programu spustit kód.", "Oznake kao !!python/object mogu u neopreznom programu pokrenuti kod.", "Tags such as !!python/object can run code in careless readers."), messages=("yaml_tag",), can_disable=False),
    _loader_rule("YAML005", "yaml.too_deep", ("Příliš hluboké vnoření", "Preduboko ugniježđenje", "Nesting too deep"),
                 ("Každý soubor se přečte v omezeném čase a paměti.", "Svaka datoteka se čita u ograničenom vremenu i memoriji.", "Bounded time and memory for every file."), messages=("yaml_too_deep",), can_disable=False),
    _loader_rule("YAML006", "yaml.merge_key", ("Slučovací klíč <<", "Ključ za spajanje <<", "Merge key <<"),
                 ("Sloučené hodnoty nejsou vidět tam, kde se použijí; vypište je.", "Spojene vrijednosti se ne vide tamo gdje se koriste; napišite ih.", "Merged values are invisible where they are used; write them out."), messages=("yaml_merge_key",)),
    _loader_rule("YAML007", "yaml.too_long", ("Příliš dlouhá hodnota", "Predugačka vrijednost", "Value too long"),
                 ("Každý soubor se přečte v omezeném čase a paměti; dlouhý text patří do zápisu pod blok YAML.", "Svaka datoteka se čita u ograničenom vremenu i memoriji; dug tekst ide u zapisnik ispod YAML bloka.", "Bounded time and memory for every file; long text belongs in the minutes."), messages=("yaml_too_long",), can_disable=False),
    _loader_rule("YAML008", "yaml.number_too_long", ("Příliš dlouhé číslo", "Predugačak broj", "Number too long"),
                 ("Omezený čas a paměť: číslo o tisících číslic není počet, věk ani rok.", "Ograničeno vrijeme i memorija: broj od hiljada cifara nije broj, uzrast ni godina.", "Bounded time and memory: a number of thousands of digits is no count, age or year."), messages=("yaml_number_too_long",), can_disable=False),
    _loader_rule("FILE001", "file.encoding", ("Soubor není text v UTF-8", "Datoteka nije UTF-8 tekst", "File is not UTF-8 text"),
                 ("Záznamy jsou text v UTF-8, aby se na nich shodl git, web i každý editor.", "Zapisi su tekst u UTF-8, da bi se git, sajt i svaki editor slagali.", "Records are text in UTF-8 so that git, the site and every editor agree on them."), messages=("file_not_utf8", "file_binary"), can_disable=False),
    _loader_rule("FILE002", "file.empty", ("Prázdný soubor", "Prazna datoteka", "Empty file"),
                 ("Prázdný záznam nic nedokládá; začněte příkazem `caseconf new`.", "Prazan zapis ništa ne dokumentuje; počnite komandom `caseconf new`.", "An empty record documents nothing; start from `caseconf new`."), messages=("file_empty",)),
    _loader_rule("FILE003", "file.front_matter", ("Chybí nebo není uzavřen blok YAML", "Nedostaje ili nije zatvoren YAML blok", "Missing or unclosed front matter"),
                 ("Strukturovaná část záznamu je mezi dvěma řádky `---`.", "Strukturisani dio zapisa je između dva reda `---`.", "The structured part of a record lives between two `---` lines."), messages=("no_front_matter", "unclosed_front_matter"), can_disable=False),
    _loader_rule("FILE004", "file.not_mapping", ("Obsah není mapa klíčů", "Sadržaj nije mapa ključeva", "Content is not a mapping"),
                 ("Každý záznam i case.yml je sada pojmenovaných polí.", "Svaki zapis i case.yml je skup imenovanih polja.", "Every record and case file is a set of named fields."), messages=("not_mapping",), can_disable=False),
    _loader_rule("FILE009", "file.conflict_markers", ("Zbylé značky konfliktu z Gitu", "Zaostale oznake Git konflikta", "Merge-conflict markers left"),
                 ("Napůl vyřešené sloučení míchá dvě verze záznamu.", "Napola riješeno spajanje miješa dvije verzije zapisa.", "A half-resolved merge mixes two versions of a record."), messages=("conflict_markers",)),
    _loader_rule("FILE010", "file.outside_or_not_file", ("Cesta mimo repozitář nebo nejde o soubor", "Putanja izvan repozitorijuma ili nije datoteka", "Path outside the repository or not a file"),
                 ("caseconf čte jen soubory týmu; odkaz mimo repozitář by mohl vynést jiná data.", "caseconf čita samo datoteke tima; veza izvan repozitorijuma mogla bi iznijeti druge podatke.", "caseconf reads only the team's own files; a link out of the repository could leak other data."), messages=("outside_root", "not_a_file"), can_disable=False),
    _loader_rule("FILE011", "file.too_large", ("Příliš velký soubor", "Prevelika datoteka", "File too large"),
                 ("Omezený čas a paměť; záznam nikdy nepotřebuje megabajty.", "Ograničeno vrijeme i memorija; zapisu nikad ne trebaju megabajti.", "Bounded time and memory; a record never needs megabytes."), messages=("file_too_large",), can_disable=False),
    _loader_rule("SCHEMA001", "schema.missing_field", ("Chybí povinné pole", "Nedostaje obavezno polje", "Required field missing"),
                 ("Kód případu, druh a datum řadí záznam k případu a v čase.", "Oznaka slučaja, vrsta i datum vezuju zapis za slučaj i vrijeme.", "Case id, kind and date tie a record to its case and its place in time."), messages=("missing",)),
    _loader_rule("SCHEMA002", "schema.wrong_value", ("Hodnota nesprávného typu", "Vrijednost pogrešnog tipa", "Value of the wrong type"),
                 ("Čísla, časy a pole ano/ne musí být tím, za co se vydávají.", "Brojevi, vremena i polja da/ne moraju biti ono što tvrde da jesu.", "Numbers, clock times and yes/no fields must be what they claim to be."), messages=("bad_value", "bad_time")),
    _loader_rule("SCHEMA003", "schema.vocabulary", ("Hodnota mimo slovník", "Vrijednost van rječnika", "Value outside the vocabulary"),
                 ("Uzavřené seznamy (druhy, role, účast…) dělají záznamy v týmu srovnatelnými.", "Zatvorene liste (vrste, uloge, prisustvo…) čine zapise u timu uporedivim.", "Closed lists (kinds, roles, attendance…) make records comparable across the team."), messages=("vocabulary",)),
    _loader_rule("SCHEMA004", "schema.unknown_key", ("Neznámé pole", "Nepoznato polje", "Unknown field"),
                 ("Jinak by se pole s překlepem potichu přehlédlo.", "Inače bi se polje sa greškom tiho previdjelo.", "A misspelt field is silently ignored otherwise."), severity="warning", messages=("unknown_key",)),
    _loader_rule("SCHEMA005", "schema.date", ("Neplatné datum", "Neispravan datum", "Invalid date"),
                 ("Z dat se počítají termíny a revize; 2025-02-30 neexistuje.", "Iz datuma se računaju rokovi i revizije; 2025-02-30 ne postoji.", "Deadlines and reviews are computed from dates; 2025-02-30 does not exist."), messages=("bad_date",)),
]
