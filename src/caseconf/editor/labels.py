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
    "roles": _t("Role při konferenci", "Uloge na konferenciji", "Roles at the conference"),
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
    "audience": _t("Pro koho", "Za koga", "Audience"),
    "hours": _t("Hodin", "Sati", "Hours"),
    # added to the record format later (plan B that came true, outputs, time spent)
    "accepted_in_writing": _t("Převzal písemně po rozeslání zápisu", "Pismeno preuzeo nakon zapisnika",
                              "Accepted in writing after the minutes"),
    "plan_b_triggered": _t("Uplatněný plán B", "Primijenjeni plan B", "Plan B that came into force"),
    "record": _t("Ze záznamu (datum a druh)", "Iz zapisa (datum i vrsta)", "From record (date and kind)"),
    "condition": _t("Co nastalo", "Šta se desilo", "What happened"),
    "applied": _t("Dohodnutý postup se uplatnil", "Dogovoreno je primijenjeno", "The agreed step was taken"),
    "what_followed": _t("Co následovalo", "Šta je uslijedilo", "What followed"),
    "outputs": _t("Výstupy konference", "Ishodi konferencije", "Outputs of the conference"),
    "facilitation_hours": _t("Hodin facilitace (příprava, setkání, zápis)", "Sati facilitacije (priprema, sastanak, zapisnik)",
                             "Facilitation hours (preparation, meeting, minutes)"),
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


# Labels that depend on where a field sits: the same key means different things.
PATH_LABELS: dict[str, dict[str, str]] = {
    "roles.minutes": _t("Zapisovatel", "Zapisničar", "Minute-taker"),
    "minutes": _t("Zápis: rozeslání a schválení", "Zapisnik: slanje i odobrenje", "Minutes: circulated and approved"),
    "caseconf.ignore.reason": _t("Proč se kontrola zde neuplatní", "Zašto se provjera ovdje ne primjenjuje",
                                 "Why the check does not apply here"),
    "caseconf.ignore.code": _t("Kontrola", "Provjera", "Check"),
    "participants.reason": _t("Důvod neúčasti", "Razlog odsustva", "Reason for absence"),
    "evaluation.due": _t("Nový termín (když úkol pokračuje)", "Novi rok (ako se mjera nastavlja)",
                         "New due date (if the action continues)"),
}

# Hints under the fields, written for the person filling in the form (not the checker's
# messages). A field without an entry has no hint.
HINTS: dict[str, dict[str, str]] = {
    "kind": _t("Úvodní konference, následná konference (revize), krizová konference, přípravné setkání nebo vyhodnocení.",
               "Inicijalna, reviziona ili krizna konferencija, pripremni sastanak ili evaluacija.",
               "Initial, review or crisis conference, a preparatory meeting or an evaluation."),
    "date": _t("Den, kdy se setkání konalo.", "Dan kada je sastanak održan.", "The day the meeting took place."),
    "start": _t("Například 13:00.", "Na primjer 13:00.", "For example 13:00."),
    "end": _t("Například 14:30. Konference obvykle trvá hodinu a půl až dvě hodiny.",
              "Na primjer 14:30. Konferencija obično traje sat i po do dva sata.",
              "For example 14:30. A conference usually takes 90 to 120 minutes."),
    "goal": _t("Jednou větou: co má setkání přinést rodině a dítěti.",
               "Jednom rečenicom: šta sastanak treba da donese porodici i djetetu.",
               "In one sentence: what the meeting should bring the family and the child."),
    "requested": _t("Kdy kdo o konferenci požádal.", "Kada je neko zatražio konferenciju.", "When someone asked for the conference."),
    "invited": _t("Kdy odešly pozvánky; účastníci je mají mít několik dní předem.",
                  "Kada su poslati pozivi; učesnici ih trebaju dobiti nekoliko dana ranije.",
                  "When the invitations went out; people need them a few days ahead."),
    "participants": _t("Každý, kdo byl pozván: rodina zkratkou (M, F, D1), odborníci rolí a organizací.",
                       "Svako ko je pozvan: porodica oznakom (M, F, D1), stručnjaci ulogom i organizacijom.",
                       "Everyone invited: family by short ref (M, F, D1), professionals by role and organisation."),
    "participants.ref": _t("Krátká zkratka člena rodiny, nikdy jméno: M, F, D1.",
                           "Kratka oznaka člana porodice, nikad ime: M, F, D1.",
                           "A family member's short ref, never a name: M, F, D1."),
    "participants.reason": _t("Proč nepřišel (např. nemoc); jméno ani diagnózu nepište.",
                              "Zašto nije došao (npr. bolest); ne pišite ime ni dijagnozu.",
                              "Why they did not come (e.g. illness); no names, no diagnoses."),
    "roles.convener": _t("Kdo konferenci svolal. Když vyplníte organizaci, vyberte i roli.",
                         "Ko je sazvao konferenciju. Ako upišete organizaciju, izaberite i ulogu.",
                         "Who called the conference. If you fill in the organisation, choose the role too."),
    "child.views": _t("Co dítě chce a co si myslí, jeho slovy. Bez jmen, telefonů a adres.",
                      "Šta dijete želi i misli, njegovim riječima. Bez imena, telefona i adresa.",
                      "What the child wants and thinks, in its words. No names, phone numbers or addresses."),
    "plan.actions": _t("Každý úkol: co přesně, kdo a do kdy. Bez toho se úkol nedá uložit.",
                       "Svaka mjera: šta tačno, ko i do kada. Bez toga se mjera ne može sačuvati.",
                       "Every action: what exactly, who and by when. Without them the record cannot be saved."),
    "plan.actions.do": _t("Konkrétně, co se udělá.", "Konkretno, šta će se uraditi.", "Concretely, what will be done."),
    "plan.actions.owner": _t("Zkratka člena rodiny (M, F, D1) nebo role někoho, kdo byl na setkání.",
                             "Oznaka člana porodice (M, F, D1) ili uloga nekoga ko je bio na sastanku.",
                             "A family member's ref (M, F, D1) or the role of someone at the meeting."),
    "plan.actions.due": _t("Do kdy; po datu setkání.", "Do kada; poslije datuma sastanka.", "By when; after the meeting."),
    "plan.actions.indicator": _t("Podle čeho poznáme, že je hotovo (např. zpráva lékaře předána).",
                                 "Po čemu ćemo znati da je gotovo (npr. predat izvještaj ljekara).",
                                 "How we will know it is done (e.g. the doctor's note handed over)."),
    "plan.plan_b": _t("Co se stane, když se plán nedodrží: „když … pak …“.",
                      "Šta se dešava ako se plan ne ispoštuje: „ako … onda …“.",
                      "What happens if the plan is not kept: 'if … then …'."),
    "plan.case_manager": _t("Kdo plán mezi setkáními hlídá.", "Ko prati plan između sastanaka.",
                            "Who watches the plan between meetings."),
    "plan.next_review": _t("Kdy se plán znovu projde.", "Kada će se plan ponovo pregledati.", "When the plan will be reviewed."),
    "evaluation": _t("Jen u následné a krizové konference a u vyhodnocení: u každého otevřeného úkolu, jak dopadl.",
                     "Samo kod reviziona i krizne konferencije i evaluacije: za svaku otvorenu mjeru, kakav je ishod.",
                     "Only for review and crisis conferences and evaluations: how each open action turned out."),
    "evaluation.result": _t("Splněno, částečně, nesplněno, zrušeno, nebo pokračuje (pak s novým termínem).",
                            "Izvršeno, djelimično, nije izvršeno, otkazano ili se nastavlja (onda s novim rokom).",
                            "Done, partly done, not done, cancelled, or continued (then with a new due date)."),
    "caseconf.ignore": _t("Jen výjimečně: kontrolu, která zde neplatí, vypněte s vysvětlením pro kolegy.",
                          "Samo izuzetno: provjeru koja ovdje ne važi isključite uz objašnjenje za kolege.",
                          "Rarely: switch off a check that does not apply here, with an explanation for colleagues."),
    "body": _t("Zápis z jednání. Lidé jen zkratkami a rolemi; žádná jména, telefony, adresy ani rodná čísla.",
               "Zapisnik sa sastanka. Ljudi samo oznakama i ulogama; bez imena, telefona, adresa i JMBG.",
               "The minutes. People by ref and role only; no names, phone numbers, addresses or ID numbers."),
}

# Plural forms of list headings ("0 úkolů", "1 úkol", "3 úkoly"), by CLDR category.
PLURALS: dict[str, dict[str, dict[str, str]]] = {
    "actions": {"cs": {"one": "úkol", "few": "úkoly", "many": "úkolu", "other": "úkolů"},
                "sr-Latn": {"one": "mjera", "few": "mjere", "other": "mjera"},
                "en": {"one": "action", "other": "actions"}},
    "participants": {"cs": {"one": "účastník", "few": "účastníci", "many": "účastníka", "other": "účastníků"},
                     "sr-Latn": {"one": "učesnik", "few": "učesnika", "other": "učesnika"},
                     "en": {"one": "participant", "other": "participants"}},
    "evaluation": {"cs": {"one": "vyhodnocený úkol", "few": "vyhodnocené úkoly", "many": "vyhodnoceného úkolu",
                          "other": "vyhodnocených úkolů"},
                   "sr-Latn": {"one": "ocijenjena mjera", "few": "ocijenjene mjere", "other": "ocijenjenih mjera"},
                   "en": {"one": "evaluated action", "other": "evaluated actions"}},
    "plan_b": {"cs": {"one": "plán B", "few": "plány B", "many": "plánu B", "other": "plánů B"},
               "sr-Latn": {"one": "plan B", "few": "plana B", "other": "planova B"},
               "en": {"one": "plan B", "other": "plan Bs"}},
    "household": {"cs": {"one": "člen domácnosti", "few": "členové domácnosti", "many": "člena domácnosti",
                         "other": "členů domácnosti"},
                  "sr-Latn": {"one": "član domaćinstva", "few": "člana domaćinstva", "other": "članova domaćinstva"},
                  "en": {"one": "household member", "other": "household members"}},
    "ignore": {"cs": {"one": "výjimka", "few": "výjimky", "many": "výjimky", "other": "výjimek"},
               "sr-Latn": {"one": "izuzetak", "few": "izuzetka", "other": "izuzetaka"},
               "en": {"one": "exception", "other": "exceptions"}},
}

KIND_NAMES: dict[str, dict[str, str]] = {
    key: VOCAB_LABELS[key] for key in ("initial", "review", "crisis", "preparatory", "evaluation", "workshop",
                                       "supervision") if key in VOCAB_LABELS
}

UI.update({
    "refused": _t("Záznam se neuložil: opravte, prosím, tato místa.", "Zapis nije sačuvan: ispravite, molimo, ova mjesta.",
                  "The record was not saved: please correct these places."),
    "line": _t("řádek", "red", "line"),
    "required_field": _t("Vyplňte, prosím, pole „{label}“.", "Popunite, molimo, polje „{label}“.",
                         "Please fill in “{label}”."),
    "not_saved_yet": _t("Zatím neuloženo", "Još nije sačuvano", "Not saved yet"),
    "optional": _t("nepovinné", "neobavezno", "optional"),
    "required_legend": _t("Pole s hvězdičkou (*) jsou povinná.", "Polja sa zvjezdicom (*) su obavezna.",
                          "Fields with an asterisk (*) are required."),
    "required_if_filled": _t("povinné, když vyplníte tuto část", "obavezno ako popunite ovaj dio",
                             "required once you fill in this part"),
})

PLURALS.update({
    "plan_b_triggered": {"cs": {"one": "uplatněný plán B", "few": "uplatněné plány B", "many": "uplatněného plánu B",
                                "other": "uplatněných plánů B"},
                         "sr-Latn": {"one": "primijenjeni plan B", "few": "primijenjena plana B",
                                     "other": "primijenjenih planova B"},
                         "en": {"one": "plan B in force", "other": "plan Bs in force"}},
    "approved_by": {"cs": {"one": "schválil", "few": "schválili", "many": "schválilo", "other": "schválilo"},
                    "sr-Latn": {"one": "odobrio", "few": "odobrila", "other": "odobrilo"},
                    "en": {"one": "approved", "other": "approved"}},
    "needs": {"cs": {"one": "potřeba", "few": "potřeby", "many": "potřeby", "other": "potřeb"},
              "sr-Latn": {"one": "potreba", "few": "potrebe", "other": "potreba"},
              "en": {"one": "need", "other": "needs"}},
    "conclusions": {"cs": {"one": "závěr", "few": "závěry", "many": "závěru", "other": "závěrů"},
                    "sr-Latn": {"one": "zaključak", "few": "zaključka", "other": "zaključaka"},
                    "en": {"one": "conclusion", "other": "conclusions"}},
    "core_group": {"cs": {"one": "člen užší skupiny", "few": "členové užší skupiny", "many": "člena užší skupiny",
                          "other": "členů užší skupiny"},
                   "sr-Latn": {"one": "član uže grupe", "few": "člana uže grupe", "other": "članova uže grupe"},
                   "en": {"one": "core-group member", "other": "core-group members"}},
})
