"""A labelled corpus of case-conference prose written the way people really write, for the
span-level scorer in benchmarks/pii.py.

Built from sources other than the guard's own lexicon (which comes from Faker's person
providers and hand lists): names from mimesis' cs, sk and hr person data and the list of
Serbian, Montenegrin and Bosniak names below, declined here by this module's own rules in
all seven cases; streets and towns from mimesis' address data; identifiers generated and made
valid only through their checksums (python-stdnum); the sentences around them are fictional
prose written for this corpus. Nothing here is a real person's data.

``planted(seed, n)`` -> records with the items' kinds, forms and character spans;
``clean(seed, n)``   -> records with none (roles, institutions, towns, laws, reference
numbers, amounts and public numbers), which must raise nothing.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from mimesis import Address, Person
from mimesis.enums import Gender, Locale
from stdnum import iban as _iban
from stdnum.cz import rc as _rc
from stdnum.si import emso as _emso

from corpus import cz_account, me_account

# Serbian, Montenegrin and Bosniak given names and surnames (common ones, for this corpus only)
SR_FIRST_F = ("Milena Dragana Jovanka Snežana Vesna Biljana Gordana Ljiljana Nevena Teodora Anđela Sanja "
              "Emina Amra Lejla Selma Medina Aida Ajla Merima Dženana Azra Jelena Sofija Katarina").split()
SR_FIRST_M = ("Dragoljub Radoslav Miodrag Vukašin Bogdan Branislav Radovan Đorđe Nenad Slobodan Veselin "
              "Mirza Adnan Haris Kenan Edin Emir Almir Armin Tarik Amel Nikola Aleksa Strahinja Vuk").split()
SR_LAST = ("Radulović Vukotić Lekić Mijatović Pejović Šćekić Dabović Mrdak Bošković Ćetković Garić Jovićević "
           "Hadžić Muratović Kurtović Begović Softić Delić Mujović Ličina Rastoder Kalač Pepić").split()

# what people call each other at home (real Czech hypocoristics, for this corpus only)
DIMINUTIVES = ("Honzík Maruška Anička Pepík Jiřinka Verunka Janička Péťa Míša Terezka Zuzanka Lenička Katka "
               "Kačenka Barunka Evička Petruška Lucinka Šimonek Matýsek Tomášek Kubík Jeníček Vojtíšek Adámek "
               "Martínek Kristýnka Simonka Eliška Aneta Danielka Ondrášek Vašík Marečku Pavlínka Hanička").split()

TITLES = "Bc. Mgr. Ing. PhDr. MUDr. JUDr. Mgr. Bc. PaedDr.".split()


@dataclass
class Item:
    kind: str
    form: str
    start: int
    end: int
    in_lexicon: bool | None = None  # names: whether the guard's lexicon holds it


@dataclass
class Record:
    text: str
    items: list[Item] = field(default_factory=list)


def strip_diacritics(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# ----------------------------------------------------------------- declension (this corpus's own rules)
_SOFT_DAT = {"k": "c", "h": "z", "g": "z", "r": "ř", "ch": "š"}


def cz_feminine(name: str) -> dict[str, str]:
    """Czech feminine first name or surname in the seven cases."""
    if name.endswith("á"):  # Nováková, Malá
        s = name[:-1]
        return {"nom": name, "gen": s + "é", "dat": s + "é", "acc": s + "ou", "voc": name, "loc": s + "é",
                "ins": s + "ou"}
    if name.endswith("ie"):
        s = name[:-1]
        return {"nom": name, "gen": name, "dat": s + "i", "acc": s + "i", "voc": name, "loc": s + "i",
                "ins": s + "í"}
    if name.endswith("a"):
        s = name[:-1]
        soft = s[-1:] in "cjřšžčďťňl" and not s.endswith(("ll",))
        tail2 = s[-2:]
        if tail2 == "ch":
            dat = s[:-2] + "še"
        elif s[-1:] in _SOFT_DAT:
            dat = s[:-1] + _SOFT_DAT[s[-1]] + "e"
        elif s[-1:] in "dtnbpfmv":
            dat = s + "ě"
        else:
            dat = s + "e"
        return {"nom": name, "gen": s + ("e" if soft else "y"), "dat": dat, "acc": s + "u", "voc": s + "o",
                "loc": dat, "ins": s + "ou"}
    return {c: name for c in ("nom", "gen", "dat", "acc", "voc", "loc", "ins")}


def cz_masculine(name: str) -> dict[str, str]:
    """Czech masculine first name or surname in the seven cases."""
    if name.endswith("ý"):  # Novotný
        s = name[:-1]
        return {"nom": name, "gen": s + "ého", "dat": s + "ému", "acc": s + "ého", "voc": name, "loc": s + "ém",
                "ins": s + "ým"}
    if name.endswith("í"):  # Krejčí, Jiří
        return {"nom": name, "gen": name + "ho", "dat": name + "mu", "acc": name + "ho", "voc": name,
                "loc": name + "m", "ins": name + "m"}
    if name.endswith("a"):  # Svoboda, Kuba
        s = name[:-1]
        return {"nom": name, "gen": s + "y", "dat": s + "ovi", "acc": s + "u", "voc": s + "o", "loc": s + "ovi",
                "ins": s + "ou"}
    if name[-1:] in "eěoiuy":
        return {c: name for c in ("nom", "gen", "dat", "acc", "voc", "loc", "ins")}
    s = name
    if name.endswith(("ek", "el", "ec")) and len(name) > 4 and name[-3] not in "aeiouyáéíóúůý":
        s = name[:-2] + name[-1]  # Marek -> Mark-, Pavel -> Pavl-
    soft = s[-1] in "šžčřcjďťň" or s.endswith("ec")
    if s.endswith("c") and name.endswith("ec"):
        s = s  # Němec -> Němc-
    voc = s + ("i" if soft else "u" if s[-1] in "khg" else "e")
    return {"nom": name, "gen": s + ("e" if soft else "a"), "dat": s + "ovi", "acc": s + ("e" if soft else "a"),
            "voc": voc, "loc": s + "ovi", "ins": s + "em"}


def bcs_forms(name: str, female: bool, surname: bool) -> dict[str, str]:
    """Serbian / Montenegrin / Bosniak / Croatian name in the seven cases."""
    if female and surname:
        return {c: name for c in ("nom", "gen", "dat", "acc", "voc", "loc", "ins")}
    if name.endswith("a"):
        s = name[:-1]
        voc = s + ("e" if s.endswith("ic") else "o") if female else name
        return {"nom": name, "gen": s + "e", "dat": s + "i", "acc": s + "u", "voc": voc, "loc": s + "i",
                "ins": s + "om"}
    if name.endswith(("o", "e")):
        s = name[:-1]
        return {"nom": name, "gen": s + "a", "dat": s + "u", "acc": s + "a", "voc": name, "loc": s + "u",
                "ins": s + "om"}
    if female:
        return {c: name for c in ("nom", "gen", "dat", "acc", "voc", "loc", "ins")}
    soft = name[-1] in "ćčđjšž" or name.endswith(("lj", "nj"))
    voc = name + ("u" if name[-1] in "ćčđjšž" else "e")
    return {"nom": name, "gen": name + "a", "dat": name + "u", "acc": name + "a", "voc": voc, "loc": name + "u",
            "ins": name + ("em" if soft else "om")}


CASES = ("nom", "gen", "dat", "acc", "voc", "loc", "ins")
# a Czech sentence for each case, {} where the name goes
CS_CASE = {
    "nom": ["Na jednání přišla i {}.", "Podle zápisu {} souhlasí s plánem.", "Plán podpořil také {}."],
    "gen": ["Dopis pro {} připraví pracovnice.", "Podle {} je doma klid.", "D1 tráví víkendy u {}."],
    "dat": ["Pracovnice zavolá {} v pondělí.", "Zápis pošleme {} domů.", "D1 se svěřil {} ve škole."],
    "acc": ["Na konferenci pozvali {} jako podporu.", "M požádala {} o pomoc.", "Škola kontaktovala {} včera."],
    "voc": ["M řekla: „{}, pojď domů.“", "„Děkuji, {},“ řekla facilitátorka.", "D1 volal: „{}, počkej!“"],
    "loc": ["Mluvili jsme o {} a jeho roli.", "Při {} se D1 cítí bezpečně.", "Zmínka o {} je v minulém zápisu."],
    "ins": ["S {} se D1 vídá každý týden.", "Pracovnice mluvila s {} o plánu.", "Za {} chodí D1 po škole."],
}
SR_CASE = {
    "nom": ["Na sastanak je došla i {}.", "Prema zapisniku, {} se slaže sa planom.", "Plan je podržao i {}."],
    "gen": ["Pismo za {} priprema radnica.", "D1 vikendom boravi kod {}.", "Prema riječima {}, stanje je mirnije."],
    "dat": ["Radnica će se javiti {} u ponedjeljak.", "D1 se povjerio {} u školi.", "Zapisnik šaljemo {}."],
    "acc": ["Na konferenciju su pozvali {} kao podršku.", "M je zamolila {} za pomoć.", "Škola je kontaktirala {}."],
    "voc": ["M je rekla: „{}, dođi kući.“", "„Hvala, {},“ rekla je voditeljka.", "D1 je viknuo: „{}, čekaj!“"],
    "loc": ["Razgovarali smo o {} i njegovoj ulozi.", "O {} piše u prošlom zapisniku.", "Pri {} se D1 osjeća sigurno."],
    "ins": ["Sa {} se D1 viđa svake sedmice.", "Radnica je razgovarala sa {} o planu.", "D1 ide sa {} u park."],
}

# a surname alone opening a sentence, its predicate right after it or after an adverb
SENTENCE_START_CS = ["{} souhlasila s plánem.", "{} se omluvil z jednání.", "{} je se slučajem upoznat.",
                     "{} přišla pozdě, jednání už běželo.", "{} doplnil, že D1 chodí do kroužku.",
                     "{} bude D1 vozit do školy.", "{} také podpořila návrh.", "{} nesouhlasí s termínem.",
                     "{} slíbil, že zavolá škole.", "{} dnes nepřišel."]
SENTENCE_START_SR = ["{} je saglasna sa planom.", "{} se izvinio zbog odsustva.", "{} je rekla da D1 dobro spava.",
                     "{} nije došao na sastanak.", "{} će voziti D1 u školu.", "{} takođe podržava plan.",
                     "{} smatra da je D1 napredovao."]

FILLER_CS = [
    "Konference proběhla v zasedací místnosti úřadu, trvala necelé dvě hodiny.",
    "M popsala, jak se situace doma změnila od jara, a F s ní souhlasil.",
    "D1 chodí do třetí třídy a docházka je od února pravidelná.",
    "Facilitátorka shrnula silné stránky rodiny a obavy školy.",
    "Rodinná pracovnice navrhla, aby se návštěvy konaly každý druhý týden.",
    "Všichni přítomní se shodli, že D1 potřebuje klidné místo na úkoly.",
    "Další setkání bude po prázdninách, termín upřesní koordinátorka.",
    "Škola nabídla doučování dvakrát týdně po vyučování.",
]
FILLER_SR = [
    "Konferencija je održana u sali centra i trajala je skoro dva sata.",
    "M je opisala kako se stanje kod kuće promijenilo od proljeća, a F se složio.",
    "D1 ide u treći razred i od februara redovno dolazi na nastavu.",
    "Voditeljka je sažela snage porodice i brige škole.",
    "Dogovoreno je da se posjete održavaju svake druge sedmice.",
    "Sljedeći sastanak biće poslije ljetnjeg raspusta.",
]


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.people = {loc: Person(loc, seed=seed + i) for i, loc in enumerate((Locale.CS, Locale.SK, Locale.HR))}
        self.addr_cs = Address(Locale.CS, seed=seed)
        self.addr_hr = Address(Locale.HR, seed=seed + 7)
        from caseconf.pii.names import _lexicon

        first, last, _ = _lexicon()
        self.lex = first | last

    # ------------------------------------------------------------- names
    def _person(self) -> tuple[str, str, bool, str]:
        """(first, surname, female, language) from mimesis or the BCS list."""
        rng = self.rng
        female = rng.random() < 0.55
        r = rng.random()
        if r < 0.55:
            loc = Locale.CS if rng.random() < 0.8 else Locale.SK
            p = self.people[loc]
            g = Gender.FEMALE if female else Gender.MALE
            first = p.first_name(gender=g).split(" (")[0]
            last = p.last_name(gender=Gender.MALE)
            if female:
                last = _feminine_surname(last)
            return first, last, female, "cs"
        if r < 0.75:
            p = self.people[Locale.HR]
            g = Gender.FEMALE if female else Gender.MALE
            return p.first_name(gender=g), p.last_name(gender=g), female, "sr"
        first = rng.choice(SR_FIRST_F if female else SR_FIRST_M)
        return first, rng.choice(SR_LAST), female, "sr"

    def name_item(self) -> tuple[str, list[tuple[str, str, str]]]:
        """A sentence holding one name, and [(kind, form, the planted text)]."""
        rng = self.rng
        first, last, female, lang = self._person()
        form = rng.choice(["full", "first", "surname", "case", "case", "initial", "title", "diminutive",
                           "no_diacritics", "caps_surname_first", "sentence_start"])
        if lang == "sr" and form == "diminutive":
            form = "case"
        decl = (lambda n, sur: bcs_forms(n, female, sur)) if lang == "sr" else \
            (lambda n, sur: cz_feminine(n) if female else cz_masculine(n))
        case = rng.choice(CASES) if form in ("case", "initial", "title", "surname", "first") else "nom"
        if form == "case" and lang == "sr":
            case = rng.choice(("loc", "voc", "gen", "dat", "ins", "acc"))
        templates = (SR_CASE if lang == "sr" else CS_CASE)[case]
        tpl = rng.choice(templates)
        if form == "full":
            value = f"{first} {last}"
        elif form == "first":
            value = decl(first, False)[case]
        elif form == "surname":
            value = decl(last, True)[case]
        elif form == "case":
            value = f"{decl(first, False)[case]} {decl(last, True)[case]}"
        elif form == "initial":
            value = f"{first[0]}. {decl(last, True)[case]}"
        elif form == "title":
            value = f"{rng.choice(TITLES)} {decl(last, True)[case]}"
        elif form == "diminutive":
            value = rng.choice(DIMINUTIVES)
            tpl = rng.choice(["Doma mu říkají, že {} je nejlepší.", "M řekla, že {} chodí spát pozdě.",
                              "Babička vzpomněla, jak {} pomáhal na zahradě.", "Na výlet pojede i {}."])
        elif form == "no_diacritics":
            value = strip_diacritics(f"{first} {last}")
        elif form == "caps_surname_first":
            value = f"{last.upper()} {first}"
            tpl = rng.choice(["Účastníci: {}, M, F.", "Prisutni: {}, M i F.", "Zapsal(a): {}"])
        else:  # sentence_start
            value = last
            tpl = rng.choice(SENTENCE_START_CS if lang == "cs" else SENTENCE_START_SR)
        return tpl, [("name", form, value, self._in_lexicon(value))]

    def _in_lexicon(self, value: str) -> bool:
        return any(w.strip(".").lower() in self.lex for w in value.split() if len(w.strip(".")) > 1)

    # ------------------------------------------------------------- numbers
    def birth_number(self) -> tuple[str, list]:
        rng = self.rng
        while True:
            y = rng.randint(1955, 2022)
            mm = rng.randint(1, 12) + (50 if rng.random() < 0.5 else 0)
            base = f"{y % 100:02d}{mm:02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
            num = base + str(int(base) % 11 % 10)
            if _rc.is_valid(num):
                break
        form = rng.choice(["slash", "plain", "spaced", "groups", "wrapped", "slash_spaces"])
        value = {"slash": f"{num[:6]}/{num[6:]}", "plain": num, "spaced": f"{num[:6]} {num[6:]}",
                 "groups": f"{num[:2]} {num[2:4]} {num[4:6]} {num[6:]}", "wrapped": f"{num[:6]}/\n{num[6:]}",
                 "slash_spaces": f"{num[:6]} / {num[6:]}"}[form]
        tpl = rng.choice(["Rodné číslo D1: {}.", "M doložila rodný list D1 (RČ {}).", "Dítě, r. č. {}, je v péči babičky.",
                          "Identifikace otce {} byla ověřena."])
        return tpl, [("birth_number", form, value)]

    def jmbg(self) -> tuple[str, list]:
        rng = self.rng
        while True:
            y = rng.randint(1950, 2020)
            base = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{y % 1000:03d}{rng.choice(['21', '26', '27', '29'])}{rng.randint(0, 999):03d}"
            num = base + _emso.calc_check_digit(base)
            if _emso.is_valid(num):
                break
        form = rng.choice(["plain", "groups_7_2_3_1", "groups_3", "wrapped", "spaced_md_break"])
        value = {"plain": num, "groups_7_2_3_1": f"{num[:7]} {num[7:9]} {num[9:12]} {num[12]}",
                 "groups_3": f"{num[:3]} {num[3:6]} {num[6:9]} {num[9:]}", "wrapped": f"{num[:7]}\n{num[7:]}",
                 "spaced_md_break": f"{num[:6]} {num[6:9]}  \n{num[9:]}"}[form]
        tpl = rng.choice(["JMBG majke: {}.", "Otac (JMBG {}) nije prisustvovao.", "Matični broj djeteta je {}."])
        return tpl, [("jmbg", form, value)]

    def bank_account(self) -> tuple[str, list]:
        rng = self.rng
        form = rng.choice(["iban", "iban_compact", "iban_lower", "iban_odd_split", "cz_domestic", "me_long",
                           "me_short"])
        if form.startswith("iban"):
            cc, bban = rng.choice([("CZ", lambda: rng.choice(["0800", "0100", "2010", "0300"]) + f"{rng.randint(0, 999999):06d}{rng.randint(0, 9999999999):010d}"),
                                   ("ME", lambda: "510" + f"{rng.randint(1, 10**12):013d}" + "00"),
                                   ("SK", lambda: rng.choice(["0200", "1100", "0900"]) + f"{rng.randint(0, 999999):06d}{rng.randint(0, 9999999999):010d}")])
            raw = bban()
            if cc == "ME":
                raw = raw[:-2] + f"{98 - int(raw[:-2] + '00') % 97:02d}"
            value = cc + _iban.calc_check_digits(cc + "00" + raw) + raw
            if form == "iban":
                value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
            elif form == "iban_lower":
                value = " ".join(value[i:i + 4] for i in range(0, len(value), 4)).lower()
            elif form == "iban_odd_split":
                cuts = sorted(rng.sample(range(3, len(value) - 2), 3))
                value = " ".join(value[a:b] for a, b in zip([0, *cuts], [*cuts, len(value)]))
        elif form == "cz_domestic":
            value = cz_account(rng)
        else:
            value = me_account(rng)
            if form == "me_short":
                b, m, c = value.split("-")
                value = f"{b}-{m.lstrip('0')}-{c}"
        tpl = rng.choice(["Příspěvek chodí na účet {}.", "Račun za alimentaciju: {}.", "Dávky se posílají na {}"])
        return tpl, [("bank_account", form, value)]

    def phone(self) -> tuple[str, list]:
        rng = self.rng
        d3 = lambda: rng.randint(100, 999)  # noqa: E731
        form = rng.choice(["cz_mobile", "cz_intl", "me_mobile", "me_slash", "me_intl", "rs_intl", "sk_intl",
                           "wrapped", "md_break", "dashes", "no_spaces"])
        cz_pref = rng.choice(["603", "604", "605", "608", "702", "724", "731", "739", "775", "777"])
        value = {
            "cz_mobile": f"{cz_pref} {d3()} {d3()}", "cz_intl": f"+420 {cz_pref} {d3()} {d3()}",
            "me_mobile": f"0{rng.choice(['67', '68', '69'])} {d3()} {d3()}",
            "me_slash": f"0{rng.choice(['67', '69'])}/{d3()}-{d3()}",
            "me_intl": f"+382 {rng.choice(['67', '68', '69'])} {d3()} {d3()}",
            "rs_intl": f"+381 6{rng.randint(0, 5)} {d3()} {rng.randint(1000, 9999)}",
            "sk_intl": f"+421 9{rng.choice(['01', '05', '10', '15', '44', '48'])} {d3()} {d3()}",
            "wrapped": f"{cz_pref} {d3()}\n{d3()}", "md_break": f"+420 {cz_pref}  \n{d3()} {d3()}",
            "dashes": f"{cz_pref}-{d3()}-{d3()}", "no_spaces": f"{cz_pref}{d3()}{d3()}",
        }[form]
        tpl = rng.choice(["Telefon na M: {}.", "Otac je dostupan na {}", "Babičce volat ({}) po čtvrté hodině.",
                          "tel. {}"])
        return tpl, [("phone", form, value)]

    def email(self) -> tuple[str, list]:
        rng = self.rng
        first, last, _, _ = self._person()
        user = strip_diacritics(rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{last}{rng.randint(1, 99)}"])).lower()
        domain = rng.choice(["seznam.cz", "email.cz", "gmail.com", "t-com.me", "outlook.com", "centrum.cz"])
        form = rng.choice(["plain", "angle", "uppercase"])
        value = f"{user}@{domain}"
        if form == "uppercase":
            value = value.upper()
        tpl = rng.choice(["Kontakt na M: {}", "Zapisnik šaljemo na {}.", "e-mail: <{}>"]) if form == "angle" else \
            rng.choice(["Kontakt na M: {}", "Zapisnik šaljemo na {}.", "Zápis pošleme na {}."])
        return tpl, [("email", form, value)]

    def birth_date(self) -> tuple[str, list]:
        rng = self.rng
        y, m, d = rng.randint(2006, 2022), rng.randint(1, 12), rng.randint(1, 28)
        months = ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
                  "listopadu", "prosince"]
        form = rng.choice(["dotted", "dotted_spaces", "iso", "words", "sr_dotted"])
        value = {"dotted": f"{d:02d}.{m:02d}.{y}", "dotted_spaces": f"{d}. {m}. {y}", "iso": f"{y}-{m:02d}-{d:02d}",
                 "words": f"{d}. {months[m - 1]} {y}", "sr_dotted": f"{d}.{m}.{y}."}[form]
        tpl = rng.choice(["D1, narozena {}, chodí do školy.", "D2 (nar. {}) je v péči M.", "Datum narození: {}",
                          "D1 je rođen {}.", "datum rođenja {}", "DOB: {}"])
        return tpl, [("birth_date", form, value)]

    def address(self) -> tuple[str, list]:
        rng = self.rng
        a = self.addr_cs
        n = rng.randint(1, 2999)
        form = rng.choice(["street", "street_comma_town", "abbrev", "cp", "village", "roman_part", "postal",
                           "me_bb", "me_ulica", "me_bulevar"])
        if form == "street":
            value = f"{a.street_name()} {n}"
        elif form == "street_comma_town":
            value = f"{a.street_name()} {n}, {a.city()}"
        elif form == "abbrev":
            value = rng.choice([f"nám. {a.street_name()} {n % 200 + 1}", f"tř. {a.street_name()} {n}",
                                f"ul. {a.street_name()} {n % 300 + 1}"])
        elif form == "cp":
            value = f"č. p. {n % 400 + 1}"
        elif form == "village":
            value = f"{a.city()} {n % 400 + 1}"
        elif form == "roman_part":
            value = f"{a.city()} {rng.choice(['I.', 'II.', 'III.'])} {n}"
        elif form == "postal":
            code = f"{rng.randint(100, 799)} {rng.randint(0, 9)}{rng.randint(0, 9)}"
            value = f"{code} {a.city()}"
        elif form == "me_bb":
            value = f"{self.addr_hr.street_name()} bb"
        elif form == "me_ulica":
            value = f"ulica {self.addr_hr.street_name()} {n % 150 + 1}"
        else:
            value = f"Bulevar {rng.choice(['Džordža Vašingtona', 'Svetog Petra Cetinjskog', 'revolucije', 'Ivana Crnojevića'])} {n % 120 + 1}"
        if form.startswith("me_"):
            tpl = rng.choice(["Porodica živi na adresi {}.", "Adresa oca: {}", "Baka stanuje u {}."])
        elif form in ("cp", "village", "roman_part"):
            tpl = rng.choice(["Rodina bydlí v obci, {}.", "Adresa babičky: {}", "M se přestěhovala: {}."])
        else:
            tpl = rng.choice(["Rodina bydlí na adrese {}.", "Adresa: {}", "Otec žije v ulici {}."])
        return tpl, [("address", form, value)]


def _feminine_surname(last: str) -> str:
    if last.endswith(("ová", "á")):
        return last
    if last.endswith("ý"):
        return last[:-1] + "á"
    if last.endswith("í"):
        return last
    if last.endswith(("a", "e", "o")):
        return last[:-1] + "ová"
    if last.endswith(("ek", "ec")) and len(last) > 4 and last[-3] not in "aeiouyáéíóúůý":
        return last[:-2] + last[-1] + "ová"
    return last + "ová"


KINDS = ("birth_number", "jmbg", "phone", "email", "bank_account", "birth_date", "address", "name")
WEIGHTS = {"name": 4}


def planted(seed: int = 16, n_items: int = 400) -> list[Record]:
    """Records of ~6 lines each, about half of them carrying one planted item."""
    g = Generator(seed)
    rng = g.rng
    jobs = [k for k in KINDS for _ in range(n_items * WEIGHTS.get(k, 1) // (len(KINDS) + 3))]
    rng.shuffle(jobs)
    records: list[Record] = []
    for start in range(0, len(jobs), 3):
        rec = Record("")
        parts: list[str] = []
        pos = 0
        for kind in jobs[start:start + 3]:
            filler = rng.choice(FILLER_CS + FILLER_SR)
            parts.append(filler + "\n")
            pos += len(filler) + 1
            tpl, items = getattr(g, kind if kind != "name" else "name_item")()
            before, after = tpl.split("{}")
            for it in items:
                value = it[2]
                start_at = pos + len(before)
                rec.items.append(Item(it[0], it[1], start_at, start_at + len(value),
                                      it[3] if len(it) > 3 else None))
            line = before + items[0][2] + after
            parts.append(line + "\n")
            pos += len(line) + 1
        rec.text = "".join(parts)
        records.append(rec)
    return records


# ----------------------------------------------------------------- clean records
CLEAN_CS = [
    "Jednání proběhlo na Městském úřadě v Havlíčkově Brodě, odbor sociálních věcí.",
    "Zprávu zaslala Psychiatrická nemocnice Jihlava; D1 byl v péči Psychiatrické nemocnice od března.",
    "Věc vede Okresní soud v Třebíči pod sp. zn. 12 P 34/2025.",
    "Úřad odpověděl dopisem čj. MUJI 12345/2025 ze dne 3. 4. 2025.",
    "Podle § 10 zákona č. 359/1999 Sb., o sociálně-právní ochraně dětí, se konference koná do 30 dnů.",
    "Rodina pobírá příspěvek na bydlení 3 450 Kč měsíčně, nájem činí 9 800 Kč.",
    "Linka bezpečí (116 111) a Linka pro rodinu a školu (116 000) jsou dostupné nonstop.",
    "Rodičovská linka 800 155 555 nabízí bezplatnou poradnu.",
    "V případě ohrožení volejte 112 nebo 158.",
    "Kontaktní adresa úřadu: Masarykovo náměstí 1, 586 01 Jihlava, podatelna@jihlava.example.cz.",
    "Sociální pracovnice OSPOD Pelhřimov zajistí tlumočníka.",
    "Krajský úřad Kraje Vysočina schválil financování na rok 2025.",
    "Dítě navštěvuje ZŠ Otokara Březiny v Jihlavě, třídní učitelka poslala hodnocení.",
    "Probační a mediační služba nabídla mediaci v Žďáru nad Sázavou.",
    "Facilitátor, koordinátorka a rodinný terapeut se sešli v Telči.",
    "Návrh bude projednán na poradě v Humpolci a v Chotěboři.",
    "Zápis schválila vedoucí oddělení; kopie jde na Úřad práce ČR.",
    "Dávka byla přiznána rozhodnutím č. j. UPCR 4567/2025-12.",
    "D1 (9 let) a D2 (6 let) bydlí s M v pronájmu v Pelhřimově.",
    "Jednání 14. 5. 2025 od 13:00 do 14:45 trvalo 105 minut.",
    "Plán má 5 kroků a revize je za 90 dní.",
    "Dětské centrum Jihlava a Nemocnice Havlíčkův Brod poslaly zprávy.",
    "Diskuse se týkala školní docházky, volného času a bezpečí doma.",
    "Městská policie Třebíč nebyla přizvána, informace poskytne OSPOD.",
    "Před Vánoci a o Velikonocích bude kontakt s F častější.",
    "Rodina se přestěhovala z Ostravy do Brna, škola v Brně dítě přijala.",
    "Schůzka proběhla přes Microsoft Teams, protože M byla v Praze.",
    "Podle Úmluvy o právech dítěte má D1 právo být slyšen.",
    "Pracovnice Charity Jihlava a Diakonie ČCE nabídly odlehčovací službu.",
    "Krajský soud v Brně potvrdil rozsudek Okresního soudu ve Žďáru nad Sázavou.",
    "Romská rodina požádala o asistenta; Romové tvoří v obci menšinu.",
    "Dětská skupina Sluníčko v Humpolci má volné místo od září.",
    "Sociální pracovnice z Kamenice nad Lipou doporučila Poradnu pro rodinu.",
    "Zprávu napíše Pedagogicko-psychologická poradna Vysočina do konce června.",
    "Podle zákona o sociálních službách se plán sociální služby reviduje ročně.",
    "Vyšetření proběhlo ve Fakultní nemocnici Brno a v Nemocnici Jihlava.",
    "V Telči a v Pelhřimově jsou dostupné terapeutické skupiny.",
    "Facilitátorka poděkovala všem, koordinátorka rozešle zápis do pátku.",
    "Úřad práce v Třebíči vyplácí příspěvek na péči od ledna.",
    "Sezení vedla terapeutka z Centra pro rodinu Vysočina.",
]
CLEAN_SR = [
    "Konferencija je održana u Centru za socijalni rad Podgorica, Ulica slobode.",
    "Osnovni sud u Nikšiću vodi predmet pod br. 03-1-2345/25.",
    "Dječija linka 116 111 i policija 122 dostupni su svaki dan.",
    "Hitna pomoć (124) je pozvana, izvještaj je poslao Dom zdravlja Bar.",
    "Prema Zakonu o socijalnoj i dječjoj zaštiti, plan se revidira svakih šest mjeseci.",
    "Porodica prima materijalno obezbjeđenje od 120 eura mjesečno.",
    "Sastanak u Cetinju i u Herceg Novom zakazan je za 2025-10-14.",
    "Voditeljka slučaja iz Centra za socijalni rad Nikšić javila se školi.",
    "Rješenje br. 0501-123/2025 dostavljeno je Upravi policije.",
    "JU Dječji dom Mladost Bijela šalje izvještaj kvartalno.",
    "Savjetovalište u Pljevljima i u Beranama nudi podršku roditeljima.",
    "Dopis je poslat na info@csr.example.me i kopija arhivi.",
    "Porodica se preselila iz Nikšića u Podgoricu, a D1 je upisan u školu u Podgorici.",
    "Prema Konvenciji o pravima djeteta, D1 ima pravo da bude saslušan.",
    "Sastanak je održan preko Vibera jer je M bila u Baru.",
    "Za Božić i Uskrs kontakti sa F biće češći.",
    "Zavod za zapošljavanje u Beranama nudi obuku za roditelje.",
    "Klinički centar Crne Gore poslao je nalaz u martu.",
    "Savjetnica iz Dnevnog centra u Bijelom Polju predložila je grupu podrške.",
    "Voditeljka slučaja je zahvalila svima i poslaće zapisnik do petka.",
    "Ministarstvo rada i socijalnog staranja odobrilo je sredstva za 2025. godinu.",
    "U Herceg Novom i u Kotoru postoje savjetovališta za mlade.",
]


# ------------------------------------------------------------- clean records, made in volume
ROOT = Path(__file__).resolve().parents[2]
# the project's own methodology pages and sample records, Czech and Montenegrin: real prose about roles,
# institutions, laws and the steps of a conference, with every sentence-initial word it has
PROSE_DIRS = ("methodology", "src/caseconf/templates/packs", "records")

# roles and institutions as records name them; the participles agree with the role's gender
ROLES_CS_F = ("Facilitátorka Koordinátorka Sociální_pracovnice Třídní_učitelka Psycholožka Terapeutka Asistentka "
              "Kurátorka Vychovatelka Metodička Zapisovatelka Mediátorka Lékařka Ředitelka_školy Sousedka Babička "
              "Teta Rodinná_pracovnice Vedoucí_oddělení Speciální_pedagožka Svolavatelka Pěstounka Tlumočnice "
              "Pracovnice_OSPOD Dětská_lékařka Školní_psycholožka").split()
ROLES_CS_M = ("Facilitátor Koordinátor Sociální_pracovník Třídní_učitel Psycholog Terapeut Asistent Kurátor "
              "Vychovatel Metodik Zapisovatel Mediátor Lékař Ředitel_školy Soused Dědeček Strýc Svolavatel "
              "Pěstoun Tlumočník Pracovník_OSPOD Probační_úředník Policista Pedagog Dětský_lékař").split()
ROLES_SR_F = ("Voditeljka Socijalna_radnica Nastavnica Pedagoškinja Psihološkinja Savjetnica Koordinatorka "
              "Zapisničarka Ljekarka Direktorka_škole Komšinica Baka Tetka Sazivačica Prevoditeljka "
              "Voditeljka_slučaja Razredna_starješina Medicinska_sestra").split()
ROLES_SR_M = ("Voditelj Socijalni_radnik Nastavnik Pedagog Psiholog Savjetnik Koordinator Zapisničar Ljekar "
              "Direktor_škole Komšija Djed Ujak Sazivač Prevodilac Voditelj_slučaja Policajac Supervizor").split()
DEEDS_CS_F = ["navrhla, aby se další setkání konalo za měsíc.", "shrnula, co se od minula podařilo.",
              "souhlasila s upraveným plánem.", "přišla s novým návrhem.", "uvedla, že D1 chodí do školy rád.",
              "poděkovala všem za účast.", "doplnila informace ze školy.", "se omluvila z části jednání.",
              "slíbila, že zavolá M do pátku.", "bude D1 doprovázet na kroužek.", "také podpořila návrh.",
              "nesouhlasí s termínem revize.", "dnes nepřišla, poslala zprávu."]
DEEDS_CS_M = ["navrhl, aby se další setkání konalo za měsíc.", "shrnul, co se od minula podařilo.",
              "souhlasil s upraveným plánem.", "přišel s novým návrhem.", "uvedl, že D1 chodí do školy rád.",
              "poděkoval všem za účast.", "doplnil informace ze školy.", "se omluvil z části jednání.",
              "slíbil, že zavolá M do pátku.", "bude D1 doprovázet na kroužek.", "také podpořil návrh.",
              "nesouhlasí s termínem revize.", "dnes nepřišel, poslal zprávu."]
DEEDS_SR_F = ["je predložila da se sljedeći sastanak održi za mjesec dana.", "je sažela šta je urađeno.",
              "se složila sa planom.", "je rekla da D1 rado ide u školu.", "je zahvalila svima.",
              "nije došla, poslala je izvještaj.", "će pratiti D1 na treninge.", "takođe podržava plan.",
              "smatra da je D1 napredovao."]
DEEDS_SR_M = ["je predložio da se sljedeći sastanak održi za mjesec dana.", "je sažeo šta je urađeno.",
              "se složio sa planom.", "je rekao da D1 rado ide u školu.", "je zahvalio svima.",
              "nije došao, poslao je izvještaj.", "će pratiti D1 na treninge.", "takođe podržava plan.",
              "smatra da je D1 napredovao."]
# capitalised ordinary words that open sentences in records (nouns with verbs after them too)
OPENERS_CS = ["Škola souhlasila s doučováním.", "Rodina přišla včas.", "Dnes se jednalo o bydlení.",
              "Včera volala škola.", "Každý řekl, co se mu daří.", "Společně jsme prošli plán.",
              "Předem jsme rozeslali kazuistiku.", "Důležité je, aby D1 spal doma.", "Nakonec se všichni shodli.",
              "Bohužel se F nedostavil.", "Zpráva přišla pozdě.", "Návrh podpořili všichni.",
              "Situace se zlepšila.", "Docházka je pravidelná.", "Cíl zůstává stejný.", "Termín se posouvá.",
              "Úkol splnila M.", "Přítomni byli M, F a D1.", "Hodnocení proběhne v červnu.",
              "Podpora rodiny pokračuje.", "Kontakt s F je dvakrát týdně.", "Poradna nabídla termín.",
              "Obava školy trvá.", "Zlepšení je vidět hlavně ve škole.", "Revize plánu proběhne za 90 dní."]
OPENERS_SR = ["Škola se složila sa planom.", "Porodica je došla na vrijeme.", "Danas je bilo riječi o stanovanju.",
              "Juče je zvala škola.", "Svako je rekao šta mu ide dobro.", "Zajedno smo prošli plan.",
              "Zapisnik šaljemo svim učesnicima.", "Evaluacija se radi za 30 dana.", "Nažalost, F nije došao.",
              "Izvještaj je stigao kasno.", "Prijedlog su svi podržali.", "Situacija se popravila.",
              "Cilj ostaje isti.", "Termin se pomjera.", "Zadatak je uradila M.", "Prisutni su bili M, F i D1.",
              "Podrška porodici se nastavlja.", "Kontakt sa F je dva puta sedmično.", "Savjetovalište je ponudilo termin."]
INSTITUTIONS_CS = ["OSPOD", "Městský úřad", "Základní škola", "Mateřská škola", "Pedagogicko-psychologická poradna",
                   "Nemocnice", "Dětský domov", "Azylový dům", "Středisko výchovné péče", "Charita",
                   "Okresní soud", "Úřad práce, kontaktní pracoviště", "Policie ČR, obvodní oddělení",
                   "Krizové centrum", "Dům dětí a mládeže"]
INSTITUTIONS_SR = ["Centar za socijalni rad", "Dom zdravlja", "Osnovna škola", "Osnovni sud", "Opšta bolnica",
                   "Uprava policije, Područna jedinica", "Zavod za zapošljavanje, Biro rada", "Dnevni centar",
                   "Savjetovalište za djecu i mlade", "Vrtić"]
LAWS = ["Podle § {a} odst. {b} zákona č. 359/1999 Sb. je nutné dítě vyslechnout.",
        "Postupuje se podle zákona č. 108/2006 Sb., o sociálních službách, § {a}.",
        "Rozhodnutí vychází z § {a} občanského zákoníku (zákon č. 89/2012 Sb.).",
        "Vyhláška č. 473/2012 Sb. stanoví standardy kvality.",
        "Prema članu {a} Zakona o socijalnoj i dječjoj zaštiti (Službeni list CG, br. 27/13), plan se revidira.",
        "Porodični zakon, član {a} stav {b}, uređuje roditeljsko staranje.",
        "Podle čl. {a} Úmluvy o právech dítěte má D1 právo vyjádřit se."]
REFERENCES = ["Věc vede soud pod sp. zn. {n} P {m}/{y}.", "Dopis čj. {code} {k}/{y} přišel včera.",
              "Rozhodnutí č. j. {code} {k}/{y}-{n} nabylo právní moci.", "Spis čj. {code}-{k}/{y}/OSPOD je uzavřen.",
              "Predmet br. 0{n}-{d}-{k}/{yy} vodi Osnovni sud.", "Rješenje br. {k}-{n}/{yy} je uručeno.",
              "Naše zn. {code}/{k}/{y}, vyřizuje OSPOD.", "Usnesení {n} Nc {m}/{y} bylo doručeno."]
AMOUNTS = ["Rodina pobírá přídavek na dítě {a} Kč měsíčně.", "Nájem činí {b} Kč, zálohy {a} Kč.",
           "Dluh na nájemném je {c},- Kč.", "Porodica prima dodatak od {a2} eura mjesečno.",
           "Alimentacija iznosi {a2} € mjesečno.", "Výživné bylo stanoveno na {a} Kč měsíčně.",
           "Jednorázová dávka {c} Kč byla vyplacena.", "Škola zaplatila výlet za {a} Kč."]
PUBLIC = ["Linka bezpečí {n} je zdarma a nonstop.", "V nouzi volejte {n}.", "Dječija linka {n} radi svaki dan.",
          "Na lince {n} poradí i rodičům.", "Hitni brojevi: {n} i {m}.", "Záchranka ({n}) byla informována."]
TOWN_SENTENCES_CS = ["Jednání proběhlo {v} {loc}.", "Rodina se přestěhovala {z} {gen}.",
                     "D1 chodí do školy {v} {loc}.", "Babička bydlí {v} {loc}, M jezdí za ní.",
                     "OSPOD {nom} převzal případ.", "Obec {nom} nabídla sociální byt.",
                     "Terapie probíhá {v} {loc} každé úterý.", "Cesta {z} {gen} trvá hodinu.",
                     "Škola {v} {loc} poslala hodnocení.", "Městský úřad {nom} vydal rozhodnutí."]
TOWN_SENTENCES_SR = ["Sastanak je održan u {loc}.", "Porodica se preselila iz {gen}.",
                     "Centar za socijalni rad {nom} vodi slučaj.", "D1 ide u školu u {loc}.",
                     "Baka živi u {loc}.", "Opština {nom} je dodijelila stan."]
ME_TOWNS = ("Podgorica Nikšić Pljevlja Bijelo_Polje Cetinje Bar Herceg_Novi Berane Budva Ulcinj Tivat Rožaje Kotor "
            "Danilovgrad Mojkovac Plav Kolašin Žabljak Plužine Šavnik Andrijevica Gusinje Petnjica Tuzi Zeta").split()


def _cz_town_cases(name: str) -> tuple[str, str] | None:
    """(genitive, locative) of a one-word Czech municipality, by the commonest patterns."""
    if name.endswith("ice"):
        return name[:-1], name[:-1] + "ích"
    if name.endswith("ov"):
        return name + "a", name + "ě"
    if name.endswith("ín"):
        return name + "a", name + "ě"
    if name.endswith("a") and len(name) > 3:
        forms = cz_feminine(name)
        return forms["gen"], forms["loc"]
    if name.endswith("o") and name[-2] in "dtnbpfmvlsz":
        return name[:-1] + "a", name[:-1] + ("ě" if name[-2] in "dtnbpfmv" else "e")
    if name[-1] in "dtnbplsmv" and name[-2] in "aeiouyáéíóúůý":
        return name + "a", name + "u"
    return None


class CleanGenerator:
    """Sentences of records that name no person: roles, institutions, towns of the
    gazetteer in their cases, laws, reference numbers, amounts, public numbers and
    capitalised ordinary words at the start of a sentence."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        from caseconf.pii.names import _gazetteer

        towns = [t.title() for t in _gazetteer() if " " not in t and "-" not in t and len(t) > 3 and not t[-1].isdigit()]
        self.towns = [(t, c) for t in towns if (c := _cz_town_cases(t)) is not None]
        self.prose = _prose_paragraphs()

    def _role(self, lang: str) -> tuple[str, list[str]]:
        female = self.rng.random() < 0.6
        pool = {("cs", True): (ROLES_CS_F, DEEDS_CS_F), ("cs", False): (ROLES_CS_M, DEEDS_CS_M),
                ("sr", True): (ROLES_SR_F, DEEDS_SR_F), ("sr", False): (ROLES_SR_M, DEEDS_SR_M)}[(lang, female)]
        return self.rng.choice(pool[0]).replace("_", " "), pool[1]

    def sentence(self) -> str:
        rng = self.rng
        kind = rng.choice(["role", "role", "opener", "town", "town", "institution", "law", "reference", "amount",
                           "public", "prose", "prose", "prose"])
        lang = "cs" if rng.random() < 0.6 else "sr"
        if kind == "role":
            role, deeds = self._role(lang)
            return f"{role} {rng.choice(deeds)}"
        if kind == "opener":
            return rng.choice(OPENERS_CS if lang == "cs" else OPENERS_SR)
        if kind == "town":
            if lang == "cs":
                nom, (gen, loc) = rng.choice(self.towns)
                v = "ve" if nom[0] in "VFvf" or nom[:2].lower() in ("zl", "zn", "st", "sk", "šk", "tř", "kr") else "v"
                z = "ze" if nom[0] in "SZszŠŽšž" else "z"
                return rng.choice(TOWN_SENTENCES_CS).format(nom=nom, gen=gen, loc=loc, v=v, z=z)
            town = rng.choice(ME_TOWNS).replace("_", " ")
            forms = bcs_forms(town.split()[-1], town.endswith("a"), False)
            head = " ".join(town.split()[:-1])
            lead = (head + " ") if head else ""
            if head:  # Bijelo Polje, Herceg Novi: the nominative only
                return rng.choice(["Centar za socijalni rad {nom} vodi slučaj.", "Opština {nom} je dodijelila stan."]).format(nom=town)
            return rng.choice(TOWN_SENTENCES_SR).format(nom=town, gen=lead + forms["gen"], loc=lead + forms["loc"])
        if kind == "institution":
            nom, (gen, loc) = rng.choice(self.towns)
            if lang == "cs":
                return f"{rng.choice(INSTITUTIONS_CS)} {nom} {rng.choice(['poslal zprávu.', 'byl informován.', 'se k plánu vyjádří.', 'nabízí pomoc.'])}"
            town = rng.choice(ME_TOWNS).replace("_", " ")
            return f"{rng.choice(INSTITUTIONS_SR)} {town} {rng.choice(['je poslao izvještaj.', 'je obaviješten.', 'nudi podršku.'])}"
        if kind == "law":
            return rng.choice(LAWS).format(a=rng.randint(1, 999), b=rng.randint(1, 9))
        if kind == "reference":
            code = rng.choice(["MUJI", "MUPE", "MUTR", "KUJIP", "UPCR", "OSPOD", "SOC", "MMB"])
            y = rng.randint(2019, 2026)
            return rng.choice(REFERENCES).format(n=rng.randint(1, 40), m=rng.randint(1, 999), y=y, yy=y % 100,
                                                 code=code, k=rng.randint(100, 99999), d=rng.randint(1, 9))
        if kind == "amount":
            return rng.choice(AMOUNTS).format(a=f"{rng.randint(1, 9)} {rng.randint(0, 999):03d}",
                                              b=f"{rng.randint(10, 25)} {rng.randint(0, 9)}00",
                                              c=f"{rng.randint(1, 99)} {rng.randint(0, 999):03d}",
                                              a2=rng.randint(30, 400))
        if kind == "public":
            nums = ["116 111", "116 000", "116 123", "112", "155", "158", "122", "124", "800 155 555"]
            return rng.choice(PUBLIC).format(n=rng.choice(nums), m=rng.choice(nums))
        return rng.choice(self.prose)


def _prose_paragraphs() -> list[str]:
    """Paragraphs (tables and lists included) of the methodology pages, front matter and code blocks left out."""
    out: dict[str, None] = {}
    for folder in PROSE_DIRS:
        for page in sorted((ROOT / folder).rglob("*.md")):
            text = page.read_text(encoding="utf-8")
            if text.startswith("---\n"):
                text = text[text.find("\n---", 3) + 4:]
            text = re.sub(r"```.*?```", "", text, flags=re.S)
            for para in re.split(r"\n\s*\n", text):
                para = para.strip("\n")
                if len(para.split()) >= 4:
                    out.setdefault(para, None)
    return list(out)


def clean(seed: int = 61, n: int = 40) -> list[str]:
    """Records of about twelve lines that name no one: hand-written sentences, the
    methodology's own prose and generated ones (see CleanGenerator)."""
    rng = random.Random(seed)
    gen = CleanGenerator(seed + 1)
    out = []
    for _ in range(n):
        lines = rng.sample(CLEAN_CS, 2) + rng.sample(CLEAN_SR, 1) + rng.sample(FILLER_CS + FILLER_SR, 2)
        lines += [gen.sentence() for _ in range(7)]
        rng.shuffle(lines)
        out.append("\n".join(lines) + "\n")
    return out
