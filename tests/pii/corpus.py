"""Labelled corpus for the personal-data guard: records with planted items and
clean records full of decoys. Everything personal is Faker-generated or made
valid only through the checksum libraries; no real person's data.

``planted_records(seed, n)`` -> list of (text, [(kind, line, value), ...])
``clean_records(seed, n)``   -> list of texts that must raise no finding
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from faker import Faker
from stdnum import iban as _iban
from stdnum.cz import bankaccount as _cz_account
from stdnum.cz import rc as _rc
from stdnum.si import emso as _emso

OFFICES = ["OSPOD Jihlava", "OSPOD Třebíč", "OSPOD Pelhřimov", "OSPOD Havlíčkův Brod",
           "Centar za socijalni rad Podgorica", "Centar za socijalni rad Nikšić"]
ALLOW_WORDS = OFFICES + ["Facilitační tým Vysočina", "NNO Rodina v centru"]


# ----------------------------------------------------------------- valid numbers
def birth_number(rng: random.Random, slash: bool = True, nine: bool = False) -> str:
    while True:
        if nine:
            y = rng.randint(20, 53)
            mm = rng.randint(1, 12) + (50 if rng.random() < 0.5 else 0)
            d = rng.randint(1, 28)
            base = f"{y:02d}{mm:02d}{d:02d}"
            tail = f"{rng.randint(0, 999):03d}"
            num = base + tail
        else:
            y = rng.randint(1955, 2022)
            mm = rng.randint(1, 12) + (50 if rng.random() < 0.5 else 0)
            d = rng.randint(1, 28)
            base = f"{y % 100:02d}{mm:02d}{d:02d}{rng.randint(0, 999):03d}"
            num = base + str(int(base) % 11 % 10)
        if _rc.is_valid(num):
            return f"{num[:6]}/{num[6:]}" if slash else num


def jmbg(rng: random.Random) -> str:
    while True:
        y = rng.choice([rng.randint(1950, 1999), rng.randint(2000, 2020)])
        base = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{y % 1000:03d}{rng.choice(['21', '26', '29', '71'])}{rng.randint(0, 999):03d}"
        num = base + _emso.calc_check_digit(base)
        if _emso.is_valid(num):
            return num


def iban(rng: random.Random) -> str:
    while True:
        bank = rng.choice(["0800", "0100", "2010", "0300", "5500"])
        bban = bank + f"{rng.randint(0, 999999):06d}" + f"{rng.randint(0, 9999999999):010d}"
        check = _iban.calc_check_digits("CZ00" + bban)
        value = "CZ" + check + bban
        if _iban.is_valid(value):
            return " ".join(value[i:i + 4] for i in range(0, len(value), 4))


def cz_account(rng: random.Random) -> str:
    weights = (6, 3, 7, 9, 10, 5, 8, 4, 2, 1)
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        for last in range(10):
            root = "".join(map(str, digits + [last]))
            if sum(int(c) * w for c, w in zip(root, weights)) % 11 == 0:
                break
        else:
            continue
        root = root.lstrip("0") or "0"
        prefix = rng.choice(["", "19-", "35-", "670100-"])
        value = f"{prefix}{root}/{rng.choice(['0800', '0100', '2010', '0300', '0600'])}"
        if _cz_account.is_valid(value):
            return value


def me_account(rng: random.Random) -> str:
    """A Montenegrin domestic account: bank code, 13 digits, two mod-97 check digits."""
    bank = rng.choice(["505", "510", "520", "530", "535", "540", "550", "555", "560", "565", "570", "575"])
    middle = f"{rng.randint(1, 10 ** rng.randint(5, 12)):013d}"
    check = 98 - int(bank + middle + "00") % 97
    return f"{bank}-{middle}-{check:02d}"


def phone(rng: random.Random) -> str:
    forms = [
        lambda: f"{rng.choice(['603', '604', '605', '606', '608', '702', '731', '777'])} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        lambda: f"+420 {rng.choice(['603', '724', '777'])} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        lambda: f"+382 {rng.choice(['67', '68', '69'])} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        lambda: f"0{rng.choice(['67', '68', '69'])}/{rng.randint(100, 999)}-{rng.randint(100, 999)}",
        lambda: f"0{rng.choice(['67', '68', '69'])} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        lambda: f"+421 9{rng.choice(['01', '02', '05', '10', '11', '15', '44', '48', '49'])} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        lambda: f"+381 6{rng.randint(0, 5)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        lambda: f"{rng.choice(['603', '777'])}\u00a0{rng.randint(100, 999)}\u00a0{rng.randint(100, 999)}",
        lambda: f"+382\u202f67\u202f{rng.randint(100, 999)}\u202f{rng.randint(100, 999)}",
    ]
    return rng.choice(forms)()


# ----------------------------------------------------------------- names and inflection
def _cz_fem_first(name: str) -> list[str]:
    if name.endswith("ie"):
        return [name[:-1] + "i", name[:-1] + "í"]
    if name.endswith("a"):
        stem = name[:-1]
        dat = stem + ("ře" if stem.endswith("r") else "ě" if stem[-1] in "nvbmpdtf" else "e")
        return [stem + "y", dat, stem + "ou", stem + "u"]
    return []


def _cz_masc(name: str) -> list[str]:
    if name.endswith("ek"):
        stem = name[:-2] + "k"
        return [stem + "a", stem + "ovi", stem + "em"]
    if name.endswith("el"):
        stem = name[:-2] + "l"
        return [stem + "a", stem + "ovi", stem + "em"]
    if name[-1] in "šžčřjcď":
        return [name + "e", name + "ovi", name + "em"]
    if name[-1] in "aeiouyý":
        return []
    return [name + "a", name + "ovi", name + "em"]


def _cz_surname_fem(name: str) -> list[str]:
    if name.endswith("ová"):
        return [name[:-1] + "é", name[:-1] + "ou"]
    if name.endswith("á"):
        return [name[:-1] + "é", name[:-1] + "ou"]
    return []


def _bcs(name: str) -> list[str]:
    if name.endswith("a"):
        return [name[:-1] + "e", name[:-1] + "i", name[:-1] + "u", name[:-1] + "om"]
    if name.endswith("o"):
        return [name[:-1] + "a", name[:-1] + "u", name[:-1] + "om"]
    if name.endswith("ć"):
        return [name + "a", name + "u", name + "em"]
    return [name + "a", name + "u", name + "om"]


ME_FIRST_M = ["Marko", "Nikola", "Luka", "Jovan", "Milan", "Petar", "Vuk", "Stefan", "Danilo", "Nemanja", "Filip", "Dušan"]
ME_FIRST_F = ["Milica", "Jelena", "Ana", "Jovana", "Marija", "Ivana", "Tijana", "Sanja", "Danica", "Bojana", "Maja"]
ME_LAST = ["Petrović", "Vujović", "Radović", "Popović", "Bulatović", "Kovačević", "Đurović", "Nikčević",
           "Perović", "Raičević", "Šćepanović", "Vučinić", "Zeković", "Knežević", "Lakić", "Medojević"]
DIMINUTIVES = ["Honza", "Pepa", "Jirka", "Kuba", "Anička", "Maruška", "Péťa", "Míša", "Verča", "Terka", "Zuzka", "Ondra"]

_CYR = {"A": "А", "B": "Б", "V": "В", "G": "Г", "D": "Д", "Đ": "Ђ", "E": "Е", "Ž": "Ж", "Z": "З", "I": "И",
        "J": "Ј", "K": "К", "L": "Л", "M": "М", "N": "Н", "O": "О", "P": "П", "R": "Р", "S": "С", "T": "Т",
        "Ć": "Ћ", "U": "У", "F": "Ф", "H": "Х", "C": "Ц", "Č": "Ч", "Š": "Ш"}


def to_cyrillic(text: str) -> str:
    out = []
    for ch in text:
        up = ch.upper()
        c = _CYR.get(up)
        out.append((c if ch.isupper() else c.lower()) if c else ch)
    return "".join(out)


@dataclass
class Planted:
    kind: str
    line: int
    value: str


CS_NAME_TEMPLATES = [
    "Na konferenci byla přítomna paní {full}.",
    "M uvedla, že {first} pomáhá s hlídáním D1.",
    "Pracovnice OSPOD mluvila s {instr} o plánu.",
    "Podle {gen} je situace doma klidnější.",
    "D1 tráví víkendy u babičky {full}.",
    "Návrh podpořil i soused pan {surname}.",
    "S {instr} se D1 vídá každý týden.",
    "Dopis pro {gen} připraví sociální pracovnice.",
    "Ve škole D1 sedí vedle {gen}.",
    "{full} se omluvila z jednání.",
    "Učitelka {full} popsala, jak D1 zvládá výuku.",
    "Strýc {dim} nabídl odvoz na konferenci.",
]
ME_NAME_TEMPLATES = [
    "Na konferenciji je bila prisutna gospođa {full}.",
    "M je rekla da {first} čuva D1 vikendom.",
    "Socijalna radnica je razgovarala sa {instr} o planu.",
    "Prema riječima {gen}, situacija je mirnija.",
    "D1 provodi vikende kod bake {full}.",
    "Sestra {gen} je ponudila pomoć.",
    "Plan je podržao i komšija {full}.",
    "Razgovor sa {instr} je zakazan za sljedeću sedmicu.",
]


def _cs_person(fk: Faker, rng: random.Random) -> dict[str, str]:
    female = rng.random() < 0.6
    if female:
        first = fk.first_name_female()
        last = fk.last_name_female()
        forms = _cz_fem_first(first) or [first]
        sforms = _cz_surname_fem(last) or [last]
    else:
        first = fk.first_name_male()
        last = fk.last_name_male()
        forms = _cz_masc(first) or [first]
        sforms = _cz_masc(last) or [last]
    return {
        "full": f"{first} {last}", "first": first, "surname": last,
        "gen": rng.choice([forms[0], sforms[0]]),
        "instr": rng.choice([forms[-1], sforms[-1]]),
        "dim": rng.choice(DIMINUTIVES),
    }


def _me_person(rng: random.Random) -> dict[str, str]:
    female = rng.random() < 0.5
    first = rng.choice(ME_FIRST_F if female else ME_FIRST_M)
    last = rng.choice(ME_LAST)
    f_forms = _bcs(first)
    l_forms = _bcs(last)
    return {"full": f"{first} {last}", "first": first, "surname": last,
            "gen": rng.choice([f_forms[0], l_forms[0]]), "instr": rng.choice([f_forms[-1], l_forms[-1]]),
            "dim": first}


def _name_line(rng: random.Random, fk_cs: Faker, fk_sk: Faker) -> tuple[str, str]:
    r = rng.random()
    if r < 0.6:
        fk = fk_cs if rng.random() < 0.8 else fk_sk
        p = _cs_person(fk, rng)
        tpl = rng.choice(CS_NAME_TEMPLATES)
    else:
        p = _me_person(rng)
        tpl = rng.choice(ME_NAME_TEMPLATES)
    line = tpl.format(**p)
    key = next(k for k in ("full", "first", "gen", "instr", "surname", "dim") if "{" + k + "}" in tpl)
    value = p[key]
    trick = rng.random()
    if trick < 0.12 and tpl in ME_NAME_TEMPLATES:
        line = line.replace(value, to_cyrillic(value))
        value = to_cyrillic(value)
    elif trick < 0.16 and len(value) > 3:
        hidden = value[:2] + "\u200b" + value[2:]
        line = line.replace(value, hidden)
        value = hidden
    return line, value


def _line_for(kind: str, rng: random.Random, fk_cs: Faker, fk_sk: Faker) -> tuple[str, str]:
    if kind == "birth_number":
        r = rng.random()
        if r < 0.5:
            v = birth_number(rng, slash=True)
            return rng.choice([f"M předložila rodný list D1, r.č. {v}.", f"Rodné číslo otce: {v}", f"D1 ({v}) je v péči babičky."]), v
        if r < 0.8:
            v = birth_number(rng, slash=False)
            return rng.choice([f"Identifikace dítěte {v} ověřena.", f"RČ: {v}"]), v
        v = birth_number(rng, slash=rng.random() < 0.5, nine=True)
        return rng.choice([f"Babička D1, r. č. {v}, souhlasí.", f"rodné číslo {v}", f"Dědeček ({v}) se omluvil."]) if "/" in v else f"rodné číslo {v}", v
    if kind == "jmbg":
        v = jmbg(rng)
        return rng.choice([f"JMBG majke: {v}.", f"Otac (JMBG {v}) nije prisustvovao.", f"Dijete {v} je upisano u školu."]), v
    if kind == "bank_account":
        v = iban(rng) if rng.random() < 0.5 else cz_account(rng)
        return rng.choice([f"Příspěvek se posílá na účet {v}.", f"Dávky chodí na {v}", f"Račun: {v}"]), v
    if kind == "email":
        fk = rng.choice([fk_cs, fk_sk])
        v = rng.choice([fk.free_email(), fk.email(), f"{fk.user_name()}@{fk.free_email_domain()}"])
        return rng.choice([f"Kontakt na matku: {v}", f"Zápis pošleme na {v}.", f"e-mail: <{v}>"]), v
    if kind == "phone":
        v = phone(rng)
        return rng.choice([f"Telefon na M: {v}.", f"Otac je dostupan na {v}", f"Volat babičce ({v}) po 16. hodině.", f"tel. {v}"]), v
    if kind == "birth_date":
        y, m, d = rng.randint(2006, 2022), rng.randint(1, 12), rng.randint(1, 28)
        v = rng.choice([f"{d}. {m}. {y}", f"{d:02d}.{m:02d}.{y}.", f"{y}-{m:02d}-{d:02d}", f"{d}.{m}.{y}"])
        return rng.choice([f"D1, narozena {v}, chodí do 2. třídy.", f"D2 (nar. {v}) je v péči M.", f"Datum narození: {v}",
                           f"D1 je rođena {v}.", f"datum rođenja {v}", f"D1 was born on {v}.", f"DOB: {v}"]), v
    if kind == "address":
        fk = fk_cs
        r = rng.random()
        if r < 0.35:
            v = f"{fk.street_name()} {rng.randint(1, 120)}"
            return rng.choice([f"Rodina bydlí v ulici {v}.", f"Adresa: {v}, Jihlava", f"M se přestěhovala na {v}."]), v
        if r < 0.55:
            v = f"{rng.choice(['Nádražní', 'Školní', 'Husova', 'Masarykova', 'Palackého', 'Polní', 'Zahradní', 'Lesní'])} {rng.randint(1, 99)}/{rng.randint(1, 20)}"
            return f"Otec žije na adrese {v}.", v
        if r < 0.75:
            v = f"{rng.choice(['586 01 Jihlava', '674 01 Třebíč', '393 01 Pelhřimov', '580 01 Havlíčkův Brod'])}"
            return f"Babička bydlí v obci, PSČ {v}.", v
        v = rng.choice([f"Ulica slobode {rng.randint(1, 60)}", f"Bulevar revolucije {rng.randint(1, 40)}",
                        f"Njegoševa {rng.randint(1, 90)}", "Bulevar Svetog Petra Cetinjskog bb",
                        f"{rng.choice(['81000 Podgorica', '81400 Nikšić', '85000 Bar'])}"])
        return rng.choice([f"Porodica živi u {v}.", f"Adresa oca: {v}", f"Baka stanuje na adresi {v}."]), v
    if kind == "name":
        return _name_line(rng, fk_cs, fk_sk)
    raise ValueError(kind)


KINDS = ("birth_number", "jmbg", "phone", "email", "bank_account", "birth_date", "address", "name")

FRONT = """---
case: {case}
kind: review
date: 2025-06-10
start: "13:00"
end: "14:45"
place: ospod_office
requested: 2025-05-21
invited: 2025-05-26
basis: court_petition
goal: "Agree how D1 can stay at home safely and what the court needs to know."
participants:
  - {{ref: M, role: mother, attendance: present}}
  - {{role: ospod_worker, org: JI, attendance: present}}
  - {{role: family_worker, org: "NNO Rodina v centru", attendance: present}}
plan:
  actions:
    - id: A{a}
      do: "M books a paediatric check-up for D1"
      owner: M
      due: 2025-09-15
      status: open
  next_review: 2025-09-02
---
# Zápis
"""


def planted_records(seed: int = 7, per_kind: int = 40) -> list[tuple[str, list[Planted]]]:
    rng = random.Random(seed)
    fk_cs, fk_sk = Faker("cs_CZ"), Faker("sk_SK")
    fk_cs.seed_instance(seed)
    fk_sk.seed_instance(seed + 1)
    jobs = [k for k in KINDS for _ in range(per_kind * (3 if k == "name" else 1))]
    rng.shuffle(jobs)
    records = []
    for start in range(0, len(jobs), 4):
        body = FRONT.format(case=f"JI-2025-{rng.randint(1, 999):03d}", a=rng.randint(1, 9))
        lines = body.split("\n")[:-1]
        planted = []
        for kind in jobs[start:start + 4]:
            lines.append(rng.choice(CLEAN_SENTENCES))
            text, value = _line_for(kind, rng, fk_cs, fk_sk)
            lines.append(text)
            planted.append(Planted(kind, len(lines), value))
        lines.append(rng.choice(CLEAN_SENTENCES))
        records.append(("\n".join(lines) + "\n", planted))
    return records


CLEAN_SENTENCES = [
    "Konference proběhla na OSPOD Jihlava, Masarykovo náměstí, v zasedací místnosti.",
    "Přítomni: M, F, pracovnice OSPOD Jihlava, rodinná pracovnice NNO Rodina v centru.",
    "D1 (8 let) chodí do 2. třídy ZŠ Nádražní, docházka je od dubna pravidelná.",
    "ZŠ Komenského poslala zprávu o prospěchu; D2 (5 let) navštěvuje MŠ Sluníčko.",
    "Akce A12 byla splněna 2. 4. 2025, akce A13 trvá do 15. 9. 2025.",
    "Případ JI-2025-014 převzala OSPOD Třebíč pod č.j. MMJ/OSPOD/1234/2025.",
    "Soud vede věc pod sp. zn. 12 P 34/2025; jednání je nařízeno na 10. 10. 2025 v 9:30.",
    "Konference trvala 105 minut (13:00–14:45) a zúčastnilo se jí 9 osob.",
    "Krajský soud v Brně rozhodl v roce 2024, Okresní soud v Jihlavě bude informován.",
    "Policie ČR ani Úřad práce nebyly přizvány; kontakt zajistí koordinátor.",
    "Plán B: pokud docházka klesne pod 80 %, do 14 dnů proběhne krizová konference.",
    "Další revize je plánována na 2. 9. 2025, hodnocení akcí A1–A4 proběhne tamtéž.",
    "Rodina žije v pronajatém bytě, nájem je placen včas od března 2025.",
    "M ocenila, že zápis je srozumitelný; F požádal o kratší jednání.",
    "Facilitační tým Vysočina zajistil nezávislého facilitátora (FT).",
    "Pediatr potvrdil očkování; kontrola proběhla 2025-04-02.",
    "Na schůzce 12. 5. 2025 byly dohodnuty kroky 1 až 5.",
    "Zpráva pro soud (č. j. KSBR 45 Nc 1234/2025-12) bude hotova do 30. 6.",
    "Konferencija je održana u Centru za socijalni rad Podgorica, ulica je bila zatvorena.",
    "Prisutni: M, F, voditeljka slučaja iz Centra za socijalni rad Nikšić i razredni starješina.",
    "D1 (12 godina) ide u 6. razred OŠ Njegoš; Dom zdravlja Nikšić je dostavio izvještaj.",
    "Osnovni sud u Podgorici je zakazao ročište za 14. 10. 2025. godine.",
    "Plan je usvojen na nivou 2 (level_2), sljedeća revizija je 2025-11-15.",
    "Uprava policije nije prisustvovala; broj predmeta 0501-123/2025.",
    "Radionica za 14 učesnika održana je 2. 4. 2025 od 10:00 do 13:00.",
    "Participants agreed on actions A1 to A6; the next review is on 2025-09-02.",
    "The OSPOD Jihlava worker will send the summary by 15 June 2025.",
    "Akce 2025-041-07 a 2025-041-08 zůstávají otevřené.",
    "Hodnocení: akce A2 splněna částečně (70 %), akce A3 nesplněna.",
    "Sezení 3 proběhlo ve středu, Setkání 4 bude v pátek.",
    "Dům dětí a mládeže Jihlava nabídl kroužek za 1200 Kč ročně.",
    "Kapitola 2 metodiky popisuje přípravu dítěte na konferenci.",
    "Sociální pracovnice Centra za socijalni rad Bar kontaktirala školu 3 puta.",
    "Od 1. září D1 přejde na ZŠ T. G. Masaryka Třebíč.",
    "Byl dohodnut postup ve 3 krocích; kontrola za 90 dní.",
    "Rodinná pracovnice navštíví rodinu 2x měsíčně, celkem 6 návštěv.",
]

CLEAN_EXTRA = [
    "Diskuse: M popsala, jak se situace změnila od března. F souhlasil s plánem.",
    "Závěry konference byly přečteny nahlas a M s nimi souhlasila.",
    "Zaključci: D1 ostaje kod kuće uz podršku porodice i škole.",
    "Škola poslala hodnocení; D1 má zlepšení v matematice i češtině.",
    "Next steps: the family worker visits fortnightly; OSPOD checks school attendance monthly.",
]


def clean_records(seed: int = 11, n: int = 10) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        body = FRONT.format(case=f"{rng.choice(['JI', 'TR', 'PE', 'PG'])}-2025-{rng.randint(1, 999):03d}",
                            a=rng.randint(1, 20))
        lines = body.split("\n")[:-1]
        sents = rng.sample(CLEAN_SENTENCES, 12) + rng.sample(CLEAN_EXTRA, 2)
        lines += sents
        out.append("\n".join(lines) + "\n")
    return out
