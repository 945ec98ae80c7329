"""Words of the editor form in the team's language: field labels and vocabulary labels.

Keys are the record format's field names (spec: record-format.md). A field missing here
still appears in the form, labelled with its own name, so a model change never hides a
field; the generated-config test lists fields that lack a translation.
"""

from __future__ import annotations

from typing import Mapping

from ..records.vocab_labels import VOCAB_LABELS

L = Mapping[str, str]


def _t(cs: str, sr: str, en: str) -> dict[str, str]:
    return {"cs": cs, "sr-Latn": sr, "en": en}


FIELDS: dict[str, dict[str, str]] = {
    # conference record
    "case": _t("Případ", "Slučaj", "Case"),
    "kind": _t("Druh", "Vrsta", "Kind"),
    "date": _t("Datum", "Datum", "Date"),
    "start": _t("Začátek (HH:MM)", "Početak (HH:MM)", "Start (HH:MM)"),
    "end": _t("Konec (HH:MM)", "Kraj (HH:MM)", "End (HH:MM)"),
    "place": _t("Místo", "Mjesto", "Place"),
    "requested": _t("Žádost o konferenci (datum)", "Zahtjev za konferenciju (datum)", "Requested on"),
    "invited": _t("Pozvánky odeslány (datum)", "Pozivi poslati (datum)", "Invitations sent on"),
    "basis": _t("Základ", "Osnov", "Basis"),
    "indications": _t("Indikace", "Indikacije", "Indications"),
    "goal": _t("Cíl setkání", "Cilj sastanka", "Goal"),
    "roles": _t("Role", "Uloge", "Roles"),
    "initiator": _t("Iniciátor", "Inicijator", "Initiator"),
    "convener": _t("Svolavatel", "Sazivač", "Convener"),
    "coordinator": _t("Koordinátor", "Koordinator", "Coordinator"),
    "facilitator": _t("Facilitátor", "Facilitator", "Facilitator"),
    "minutes": _t("Zápis", "Zapisnik", "Minutes"),
    "case_summary": _t("Shrnutí případu", "Sažetak slučaja", "Case summary"),
    "circulated": _t("Rozesláno (datum)", "Poslato (datum)", "Circulated on"),
    "client_agreed": _t("Klient souhlasil", "Klijent se saglasio", "Client agreed"),
    "participants": _t("Účastníci", "Učesnici", "Participants"),
    "ref": _t("Zkratka (M, F, D1)", "Oznaka (M, F, D1)", "Ref (M, F, D1)"),
    "role": _t("Role", "Uloga", "Role"),
    "org": _t("Organizace", "Organizacija", "Organisation"),
    "title": _t("Označení (u role other)", "Naziv (za ulogu other)", "Title (for role other)"),
    "supports": _t("Podporuje (zkratka)", "Podržava (oznaka)", "Supports (ref)"),
    "independent": _t("Nezávislý", "Nezavisan", "Independent"),
    "attendance": _t("Účast", "Prisustvo", "Attendance"),
    "reason": _t("Důvod neúčasti", "Razlog odsustva", "Reason for absence"),
    "child": _t("Dítě", "Dijete", "Child"),
    "participation": _t("Zapojení dítěte", "Učešće djeteta", "Child participation"),
    "views": _t("Přání a názory dítěte", "Želje i mišljenja djeteta", "Child's views"),
    "client_informed_of_outcome": _t("Klient informován o výsledku", "Klijent obaviješten o ishodu",
                                     "Client informed of the outcome"),
    "confidentiality_signed": _t("Mlčenlivost podepsána", "Povjerljivost potpisana", "Confidentiality signed"),
    "needs": _t("Potřeby", "Potrebe", "Needs"),
    "conclusions": _t("Závěry", "Zaključci", "Conclusions"),
    "plan": _t("Plán", "Plan", "Plan"),
    "actions": _t("Úkoly", "Mjere", "Actions"),
    "id": _t("Číslo (A1, A2 …)", "Broj (A1, A2 …)", "Id (A1, A2 …)"),
    "do": _t("Co", "Šta", "What"),
    "owner": _t("Kdo", "Nosilac", "Owner"),
    "due": _t("Termín", "Rok", "Due"),
    "indicator": _t("Jak poznáme splnění", "Pokazatelj", "Indicator"),
    "status": _t("Stav", "Status", "Status"),
    "closed": _t("Uzavřeno (datum)", "Zatvoreno (datum)", "Closed on"),
    "plan_b": _t("Plán B", "Plan B", "Plan B"),
    "if": _t("Když", "Ako", "If"),
    "then": _t("Pak", "Onda", "Then"),
    "information_sharing": _t("Předávání informací", "Razmjena informacija", "Information sharing"),
    "how": _t("Jak", "Kako", "How"),
    "frequency": _t("Jak často", "Koliko često", "How often"),
    "case_manager": _t("Případový koordinátor", "Voditelj slučaja", "Case manager"),
    "core_group": _t("Užší skupina", "Uža grupa", "Core group"),
    "next_review": _t("Příští revize (datum)", "Sljedeća revizija (datum)", "Next review"),
    "evaluation": _t("Vyhodnocení úkolů", "Evaluacija mjera", "Evaluation of actions"),
    "action": _t("Úkol", "Mjera", "Action"),
    "result": _t("Výsledek", "Rezultat", "Result"),
    "note": _t("Poznámka", "Napomena", "Note"),
    "feedback": _t("Zpětná vazba", "Povratna informacija", "Feedback"),
    "approved_by": _t("Schválili", "Odobrili", "Approved by"),
    "caseconf": _t("Výjimky z kontrol", "Izuzeci od provjera", "Check exceptions"),
    "ignore": _t("Potlačené nálezy", "Potisnuti nalazi", "Suppressed findings"),
    "code": _t("Kód kontroly", "Kod provjere", "Rule code"),
    "body": _t("Zápis (anonymizovaný text)", "Zapisnik (anonimizovan tekst)", "Minutes (anonymised text)"),
    # case.yml
    "office": _t("Pracoviště", "Centar", "Office"),
    "opened": _t("Otevřen (datum)", "Otvoren (datum)", "Opened on"),
    "closure_reason": _t("Důvod uzavření", "Razlog zatvaranja", "Closure reason"),
    "household": _t("Domácnost", "Domaćinstvo", "Household"),
    "age": _t("Věk (roky)", "Uzrast (godine)", "Age (years)"),
    "key_worker": _t("Klíčový pracovník", "Ključni radnik", "Key worker"),
    "consent": _t("Souhlas", "Saglasnost", "Consent"),
    "data_sharing": _t("Souhlas se sdílením údajů (datum)", "Saglasnost za razmjenu podataka (datum)",
                       "Data-sharing consent (date)"),
    "cooperation_agreement": _t("Dohoda o spolupráci", "Sporazum o saradnji", "Cooperation agreement"),
    "shared_information": _t("Sdílené informace", "Informacije koje se dijele", "Shared information"),
    "channels": _t("Cesty", "Kanali", "Channels"),
    "responsible": _t("Odpovídá", "Odgovoran", "Responsible"),
    "disagreements": _t("Neshody", "Neslaganja", "Disagreements"),
    "ends_when": _t("Končí, když", "Završava kada", "Ends when"),
    # activity
    "offices": _t("Pracoviště", "Centri", "Offices"),
    "topic": _t("Téma", "Tema", "Topic"),
    "participants_count": _t("Počet účastníků", "Broj učesnika", "Number of participants"),
}

# Shared with the site, so a value reads the same in the form and on the pages.
VOCAB = VOCAB_LABELS

UI: dict[str, dict[str, str]] = {
    "conferences_of": _t("Záznamy případu {case}", "Zapisi slučaja {case}", "Records of case {case}"),
    "cases": _t("Případy (case.yml)", "Slučajevi (case.yml)", "Cases (case.yml)"),
    "case_singular": _t("Případ", "Slučaj", "Case"),
    "record_singular": _t("Záznam", "Zapis", "Record"),
    "activities": _t("Dílny a supervize", "Radionice i supervizije", "Workshops and supervisions"),
    "activity_singular": _t("Aktivita", "Aktivnost", "Activity"),
    "case_description": _t(
        "Nový záznam konference nebo vyhodnocení případu {case}. Vyhodnocení předvyplňuje úkoly otevřené ke dni sestavení webu: {open}.",
        "Novi zapis konferencije ili evaluacije slučaja {case}. Evaluacija je unaprijed popunjena mjerama otvorenim na dan izrade sajta: {open}.",
        "A new conference or evaluation record of case {case}. The evaluation starts from the actions open when the site was built: {open}."),
    "cases_description": _t(
        "Úprava údajů existujících případů. Nový případ založte příkazem `caseconf new case --office KÓD` (editor neumí vytvořit složku s velkými písmeny v kódu případu).",
        "Izmjena podataka postojećih slučajeva. Novi slučaj otvorite komandom `caseconf new case --office KOD`.",
        "Edit the facts of existing cases. Start a new case with `caseconf new case --office CODE` (the editor cannot create a folder with an upper-case case id)."),
    "none": _t("žádné", "nijedna", "none"),
    "next_id": _t("Čísla úkolů jsou jedinečná v celém případu; použitá: {used}; další volné: {next}.",
                  "Brojevi mjera su jedinstveni u cijelom slučaju; korišćeni: {used}; sljedeći slobodan: {next}.",
                  "Action ids are unique across the case; used: {used}; next free: {next}."),
    "pattern_case": _t("kód případu ve tvaru PRACOVIŠTĚ-ROK-POŘADÍ, např. JI-2025-014",
                       "oznaka slučaja u obliku CENTAR-GODINA-BROJ, npr. JI-2025-014",
                       "a case id OFFICE-YEAR-SEQUENCE, e.g. JI-2025-014"),
    "pattern_action": _t("číslo úkolu A1, A2, …", "broj mjere A1, A2, …", "an action id A1, A2, …"),
    "pattern_time": _t("čas ve tvaru HH:MM, např. 13:00", "vrijeme u obliku HH:MM, npr. 13:00", "a time HH:MM, e.g. 13:00"),
    "pattern_ref": _t("krátká zkratka velkými písmeny: M, F, D1", "kratka oznaka velikim slovima: M, F, D1",
                      "a short upper-case ref: M, F, D1"),
    "pattern_text": _t("nesmí být prázdné", "ne smije biti prazno", "must not be empty"),
    "reason_hint": _t("Volný text nebo jedna z hodnot: {options}.", "Slobodan tekst ili jedna od vrijednosti: {options}.",
                      "Free text or one of: {options}."),
    "ref_list_hint": _t("Zkratky (M, F, D1) nebo role.", "Oznake (M, F, D1) ili uloge.", "Refs (M, F, D1) or roles."),
}


def pick(table: Mapping[str, Mapping[str, str]], key: str, lang: str, default: str | None = None) -> str:
    entry = table.get(key)
    if entry is None:
        return default if default is not None else key
    return entry.get(lang) or entry.get("en") or key
