"""Words the site shows: page names, column heads and vocabulary labels in the team's language.

Keys stay English in files (spec: "Vocabularies"); the site translates them here. An
unknown key falls back to English, then to the key itself, so a team's own vocabulary
extension still shows (escaped) rather than disappearing.
"""

from __future__ import annotations

from typing import Mapping

from ..records.vocab_labels import VOCAB_LABELS

UI: dict[str, dict[str, str]] = {
    "home": {"cs": "Přehled", "sr-Latn": "Pregled", "en": "Overview"},
    "cases": {"cs": "Případy", "sr-Latn": "Slučajevi", "en": "Cases"},
    "case": {"cs": "Případ", "sr-Latn": "Slučaj", "en": "Case"},
    "actions": {"cs": "Otevřené úkoly", "sr-Latn": "Otvorene mjere", "en": "Open actions"},
    "reviews": {"cs": "Revize a vyhodnocení", "sr-Latn": "Revizije i evaluacije", "en": "Reviews"},
    "stats": {"cs": "Statistika", "sr-Latn": "Statistika", "en": "Statistics"},
    "activities": {"cs": "Dílny a supervize", "sr-Latn": "Radionice i supervizije", "en": "Activities"},
    "rules": {"cs": "Kontroly", "sr-Latn": "Provjere", "en": "Rules reference"},
    "tags": {"cs": "Štítky", "sr-Latn": "Oznake", "en": "Tags"},
    "records": {"cs": "Záznamy", "sr-Latn": "Zapisi", "en": "Records"},
    "work": {"cs": "Práce s případy", "sr-Latn": "Rad sa slučajevima", "en": "Casework"},
    "reports": {"cs": "Výkazy", "sr-Latn": "Izvještaji", "en": "Reports"},
    "team": {"cs": "Tým", "sr-Latn": "Tim", "en": "Team"},
    "as_of": {"cs": "Stav ke dni", "sr-Latn": "Stanje na dan", "en": "As of"},
    "office": {"cs": "Pracoviště", "sr-Latn": "Centar", "en": "Office"},
    "offices": {"cs": "Pracoviště", "sr-Latn": "Centri", "en": "Offices"},
    "opened": {"cs": "Otevřen", "sr-Latn": "Otvoren", "en": "Opened"},
    "closed": {"cs": "Uzavřen", "sr-Latn": "Zatvoren", "en": "Closed"},
    "status": {"cs": "Stav", "sr-Latn": "Status", "en": "Status"},
    "last_conference": {"cs": "Poslední záznam", "sr-Latn": "Posljednji zapis", "en": "Last record"},
    "next_review": {"cs": "Příští revize", "sr-Latn": "Sljedeća revizija", "en": "Next review"},
    "open_actions": {"cs": "Otevřené úkoly", "sr-Latn": "Otvorene mjere", "en": "Open actions"},
    "overdue_actions": {"cs": "Úkoly po termínu", "sr-Latn": "Mjere sa isteklim rokom", "en": "Overdue actions"},
    "overdue": {"cs": "Po termínu", "sr-Latn": "Istekao rok", "en": "Overdue"},
    "due_soon": {"cs": "Termín do {days} dnů", "sr-Latn": "Rok u narednih {days} dana", "en": "Due within {days} days"},
    "reviews_soon": {"cs": "Revize v příštích {days} dnech", "sr-Latn": "Revizije u narednih {days} dana",
                     "en": "Reviews in the next {days} days"},
    "last_records": {"cs": "Poslední záznamy", "sr-Latn": "Posljednji zapisi", "en": "Latest records"},
    "counts": {"cs": "V číslech", "sr-Latn": "U brojevima", "en": "In numbers"},
    "open_cases": {"cs": "Otevřené případy", "sr-Latn": "Otvoreni slučajevi", "en": "Open cases"},
    "all_cases": {"cs": "Všechny případy", "sr-Latn": "Svi slučajevi", "en": "All cases"},
    "conferences": {"cs": "Konference a vyhodnocení", "sr-Latn": "Konferencije i evaluacije",
                    "en": "Conferences and evaluations"},
    "timeline": {"cs": "Časová osa", "sr-Latn": "Vremenska linija", "en": "Timeline"},
    "plan": {"cs": "Plán a stav úkolů", "sr-Latn": "Plan i status mjera", "en": "Plan and action status"},
    "participants": {"cs": "Účastníci a účast podle role", "sr-Latn": "Učesnici i prisustvo po ulozi",
                     "en": "Participants and attendance by role"},
    "household": {"cs": "Domácnost", "sr-Latn": "Domaćinstvo", "en": "Household"},
    "date": {"cs": "Datum", "sr-Latn": "Datum", "en": "Date"},
    "kind": {"cs": "Druh", "sr-Latn": "Vrsta", "en": "Kind"},
    "goal": {"cs": "Cíl", "sr-Latn": "Cilj", "en": "Goal"},
    "id": {"cs": "Úkol", "sr-Latn": "Mjera", "en": "Action"},
    "do": {"cs": "Co", "sr-Latn": "Šta", "en": "What"},
    "owner": {"cs": "Kdo", "sr-Latn": "Nosilac", "en": "Owner"},
    "due": {"cs": "Termín", "sr-Latn": "Rok", "en": "Due"},
    "indicator": {"cs": "Jak poznáme splnění", "sr-Latn": "Pokazatelj", "en": "Indicator"},
    "history": {"cs": "Historie", "sr-Latn": "Istorija", "en": "History"},
    "created_in": {"cs": "Zadán", "sr-Latn": "Zadata", "en": "Set"},
    "days_overdue": {"cs": "dnů po termínu", "sr-Latn": "dana kašnjenja", "en": "days overdue"},
    "role": {"cs": "Role", "sr-Latn": "Uloga", "en": "Role"},
    "attendance": {"cs": "Účast", "sr-Latn": "Prisustvo", "en": "Attendance"},
    "invited": {"cs": "Pozváno", "sr-Latn": "Pozvano", "en": "Invited"},
    "attended": {"cs": "Přišlo", "sr-Latn": "Prisustvovalo", "en": "Attended"},
    "metadata": {"cs": "Údaje o záznamu", "sr-Latn": "Podaci o zapisu", "en": "Record details"},
    "minutes_body": {"cs": "Zápis", "sr-Latn": "Zapisnik", "en": "Minutes"},
    "time": {"cs": "Čas", "sr-Latn": "Vrijeme", "en": "Time"},
    "place": {"cs": "Místo", "sr-Latn": "Mjesto", "en": "Place"},
    "requested": {"cs": "Žádost", "sr-Latn": "Zahtjev", "en": "Requested"},
    "invited_on": {"cs": "Pozvánky", "sr-Latn": "Pozivi", "en": "Invitations"},
    "basis": {"cs": "Důvod", "sr-Latn": "Nivo", "en": "Basis"},
    "indications": {"cs": "Indikace", "sr-Latn": "Indikacije", "en": "Indications"},
    "roles": {"cs": "Role na konferenci", "sr-Latn": "Uloge na konferenciji", "en": "Conference roles"},
    "child": {"cs": "Účast dítěte", "sr-Latn": "Učešće djeteta", "en": "Child participation"},
    "child_views": {"cs": "Pohled dítěte", "sr-Latn": "Stav djeteta", "en": "Child's views"},
    "needs": {"cs": "Potřeby", "sr-Latn": "Potrebe", "en": "Needs"},
    "conclusions": {"cs": "Závěry", "sr-Latn": "Zaključci", "en": "Conclusions"},
    "evaluation": {"cs": "Vyhodnocení úkolů", "sr-Latn": "Evaluacija mjera", "en": "Evaluation of actions"},
    "result": {"cs": "Výsledek", "sr-Latn": "Rezultat", "en": "Result"},
    "note": {"cs": "Poznámka", "sr-Latn": "Napomena", "en": "Note"},
    "plan_b": {"cs": "Plán B", "sr-Latn": "Rezervni plan", "en": "Plan B"},
    "if": {"cs": "Když", "sr-Latn": "Ako", "en": "If"},
    "then": {"cs": "Pak", "sr-Latn": "Onda", "en": "Then"},
    "information_sharing": {"cs": "Předávání informací", "sr-Latn": "Razmjena informacija",
                            "en": "Information sharing"},
    "core_group": {"cs": "Pracovní skupina", "sr-Latn": "Osnovna grupa", "en": "Core group"},
    "case_manager": {"cs": "Case manager", "sr-Latn": "Voditelj slučaja", "en": "Case manager"},
    "key_worker": {"cs": "Klíčový pracovník", "sr-Latn": "Ključni radnik", "en": "Key worker"},
    "feedback": {"cs": "Hodnocení setkání", "sr-Latn": "Povratna informacija", "en": "Feedback"},
    "minutes_info": {"cs": "Zápis rozeslán / schválili", "sr-Latn": "Zapisnik poslat / odobrili",
                     "en": "Minutes circulated / approved by"},
    "case_summary": {"cs": "Kazuistika rozeslána", "sr-Latn": "Prikaz slučaja poslat", "en": "Case summary circulated"},
    "client_agreed": {"cs": "klient souhlasil", "sr-Latn": "klijent saglasan", "en": "client agreed"},
    "yes": {"cs": "ano", "sr-Latn": "da", "en": "yes"},
    "no": {"cs": "ne", "sr-Latn": "ne", "en": "no"},
    "none": {"cs": "žádné", "sr-Latn": "nema", "en": "none"},
    "suppressed": {"cs": "Vědomé výjimky z kontrol", "sr-Latn": "Svjesni izuzeci od provjera",
                   "en": "Deliberate exceptions to checks"},
    "reason": {"cs": "Důvod", "sr-Latn": "Razlog", "en": "Reason"},
    "code": {"cs": "Kód", "sr-Latn": "Kod", "en": "Code"},
    "filter": {"cs": "Filtr", "sr-Latn": "Filter", "en": "Filter"},
    "filter_all": {"cs": "vše", "sr-Latn": "sve", "en": "all"},
    "only_overdue": {"cs": "jen po termínu", "sr-Latn": "samo sa isteklim rokom", "en": "overdue only"},
    "search_text": {"cs": "Hledat v textu", "sr-Latn": "Traži u tekstu", "en": "Search text"},
    "shown": {"cs": "zobrazeno", "sr-Latn": "prikazano", "en": "shown"},
    "downloads": {"cs": "Ke stažení", "sr-Latn": "Preuzimanje", "en": "Downloads"},
    "csv": {"cs": "Tabulka CSV (Excel)", "sr-Latn": "Tabela CSV (Excel)", "en": "CSV table (Excel)"},
    "ics": {"cs": "Kalendář ICS (termíny a revize)", "sr-Latn": "Kalendar ICS (rokovi i revizije)",
            "en": "ICS calendar (deadlines and reviews)"},
    "by_owner": {"cs": "Podle odpovědné osoby", "sr-Latn": "Po nosiocu", "en": "By owner"},
    "by_office": {"cs": "Podle pracoviště", "sr-Latn": "Po centru", "en": "By office"},
    "planned": {"cs": "Plánováno", "sr-Latn": "Planirano", "en": "Planned"},
    "planned_reviews": {"cs": "Plánované", "sr-Latn": "Planirane", "en": "Planned"},
    "overdue_reviews": {"cs": "Po termínu", "sr-Latn": "Sa isteklim rokom", "en": "Overdue"},
    "record": {"cs": "Záznam", "sr-Latn": "Zapis", "en": "Record"},
    "nothing": {"cs": "Nic k zobrazení.", "sr-Latn": "Nema ništa za prikaz.", "en": "Nothing to show."},
    "period_all": {"cs": "Celé období", "sr-Latn": "Cijeli period", "en": "Whole period"},
    "per_year": {"cs": "Podle roku", "sr-Latn": "Po godini", "en": "Per year"},
    "per_half": {"cs": "Podle pololetí", "sr-Latn": "Po polugodištu", "en": "Per half-year"},
    "total": {"cs": "Celkem", "sr-Latn": "Ukupno", "en": "Total"},
    "by_kind": {"cs": "Podle druhu", "sr-Latn": "Po vrsti", "en": "By kind"},
    "by_basis": {"cs": "Podle důvodu", "sr-Latn": "Po nivou", "en": "By basis"},
    "supervisions": {"cs": "Supervize", "sr-Latn": "Supervizije", "en": "Supervisions"},
    "workshops": {"cs": "Dílny", "sr-Latn": "Radionice", "en": "Workshops"},
    "offices_involved": {"cs": "Zapojená pracoviště", "sr-Latn": "Uključeni centri", "en": "Offices involved"},
    "action_outcomes": {"cs": "Výsledky úkolů", "sr-Latn": "Ishodi mjera", "en": "Action outcomes"},
    "reviews_held": {"cs": "Revize včas", "sr-Latn": "Revizije na vrijeme", "en": "Reviews on time"},
    "held": {"cs": "konáno", "sr-Latn": "održano", "en": "held"},
    "on_time": {"cs": "včas", "sr-Latn": "na vrijeme", "en": "on time"},
    "late": {"cs": "pozdě", "sr-Latn": "kasno", "en": "late"},
    "unplanned": {"cs": "neplánované", "sr-Latn": "neplanirane", "en": "unplanned"},
    "median_days": {"cs": "Medián dnů", "sr-Latn": "Medijana dana", "en": "Median days"},
    "request_to_conference": {"cs": "od žádosti ke konferenci", "sr-Latn": "od zahtjeva do konferencije",
                              "en": "request to conference"},
    "invitation_to_conference": {"cs": "od pozvánek ke konferenci", "sr-Latn": "od poziva do konferencije",
                                 "en": "invitations to conference"},
    "min_cell_note": {"cs": "Počty menší než {n} se zobrazují jako „<{n}“.",
                      "sr-Latn": "Brojevi manji od {n} prikazuju se kao „<{n}“.",
                      "en": "Counts below {n} are shown as '<{n}'."},
    "topic": {"cs": "Téma", "sr-Latn": "Tema", "en": "Topic"},
    "participants_count": {"cs": "Účastníků", "sr-Latn": "Učesnika", "en": "Participants"},
    "severity": {"cs": "Závažnost", "sr-Latn": "Ozbiljnost", "en": "Severity"},
    "scope": {"cs": "Rozsah", "sr-Latn": "Opseg", "en": "Scope"},
    "summary": {"cs": "Co kontroluje", "sr-Latn": "Šta provjerava", "en": "What it checks"},
    "rationale": {"cs": "Proč", "sr-Latn": "Zašto", "en": "Why"},
    "methodology": {"cs": "Metodika", "sr-Latn": "Metodologija", "en": "Methodology"},
    "thresholds": {"cs": "Nastavení", "sr-Latn": "Pragovi", "en": "Thresholds"},
    "load_problems": {"cs": "Soubory, které nejde načíst (spusťte caseconf check)",
                      "sr-Latn": "Datoteke koje se ne mogu učitati (pokrenite caseconf check)",
                      "en": "Files that do not load (run caseconf check)"},
    "broken_title": {"cs": "Některé záznamy nejde načíst – údaje níže jsou bez nich neúplné",
                     "sr-Latn": "Neki zapisi se ne mogu učitati – podaci ispod su bez njih nepotpuni",
                     "en": "Some records cannot be read – the figures below are incomplete without them"},
    "broken_intro": {"cs": "Úkoly, revize a počty z těchto souborů tu chybějí, dokud je neopravíte "
                           "(podrobnosti ukáže caseconf check):",
                     "sr-Latn": "Mjere, revizije i brojevi iz ovih datoteka ovdje nedostaju dok ih ne ispravite "
                                "(detalje pokazuje caseconf check):",
                     "en": "Actions, reviews and counts from these files are missing here until you fix them "
                           "(caseconf check shows the details):"},
    "broken_record": {"cs": "Záznam nejde načíst", "sr-Latn": "Zapis se ne može učitati",
                      "en": "Record cannot be read"},
    "back_to_case": {"cs": "Zpět na případ", "sr-Latn": "Nazad na slučaj", "en": "Back to the case"},
    "closure_reason": {"cs": "Důvod uzavření", "sr-Latn": "Razlog zatvaranja", "en": "Closure reason"},
    "consent": {"cs": "Souhlas se sdílením", "sr-Latn": "Saglasnost za razmjenu", "en": "Consent to share"},
    "internal": {"cs": "Interní – anonymizované záznamy", "sr-Latn": "Interno – anonimizovani zapisi",
                 "en": "Internal – anonymised records"},
    "no_body": {"cs": "Záznam nemá text zápisu.", "sr-Latn": "Zapis nema tekst.", "en": "The record has no minutes text."},
    "tags_intro": {"cs": "Záznamy podle druhu, pracoviště a indikace.",
                   "sr-Latn": "Zapisi po vrsti, centru i indikaciji.",
                   "en": "Records by kind, office and indication."},
}

# Vocabulary values read the same on the site, in the editor form and in tables.
VOCAB = VOCAB_LABELS

# Order of the methodology packs' folders in the navigation (others follow as found).
FOLDER_ORDER: tuple[str, ...] = ("metodika", "metodologija", "sablony", "obrasci", "sabloni", "dilny", "radionice", "en")

# Section names of the methodology packs' folders (the folder's index.md title is often long).
FOLDER_TITLES: dict[str, str] = {
    "metodika": "Metodika", "sablony": "Šablony", "dilny": "Dílny", "en": "English",
    "metodologija": "Metodologija", "obrasci": "Obrasci", "sabloni": "Šabloni", "radionice": "Radionice",
}


def _pick(table: Mapping[str, Mapping[str, str]], key: str, lang: str) -> str | None:
    entry = table.get(key)
    if entry is None:
        return None
    return entry.get(lang) or entry.get("en")


class Labels:
    """`t(key, **params)` for interface words; `v(value)` for vocabulary values."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        # Every page asks for the same few dozen words: look each up once per build.
        self._t: dict[str, str] = {}
        self._v: dict[str, str] = {}

    def t(self, key: str, **params: object) -> str:
        text = self._t.get(key)
        if text is None:
            text = self._t[key] = _pick(UI, key, self.lang) or key
        return text.format(**params) if params else text

    def v(self, value: object) -> str:
        if value is None:
            return ""
        key = str(getattr(value, "value", value))
        label = self._v.get(key)
        if label is None:
            label = self._v[key] = _pick(VOCAB, key, self.lang) or key
        return label
