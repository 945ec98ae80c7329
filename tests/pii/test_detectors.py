"""Unit tests for every detector; all personal values are fictional and made
valid only through the checksum libraries (see corpus.py)."""

import random

import pytest

from caseconf.pii import scan_text
from corpus import birth_number, cz_account, iban, jmbg

RNG = random.Random(3)
RC10 = birth_number(RNG, slash=False)
RC_SLASH = birth_number(RNG, slash=True)
RC9 = birth_number(RNG, slash=False, nine=True)
JMBG = jmbg(RNG)
IBAN = iban(RNG)
ACCOUNT = cz_account(RNG)


def kinds(text, **kw):
    return [(f.line, f.kind) for f in scan_text(text, "r.md", **kw)]


def kinds_only(text, **kw):
    return {f.kind for f in scan_text(text, "r.md", **kw)}


# ------------------------------------------------------------- checksum kinds
def test_birth_number_slash_and_plain():
    assert kinds(f"r.č. {RC_SLASH}") == [(1, "birth_number")]
    assert kinds(f"Dítě {RC10} ověřeno") == [(1, "birth_number")]
    assert kinds(f"x {RC10[:6]}/{RC10[6:]}") == [(1, "birth_number")]


def test_birth_number_invalid_checksum_not_reported():
    bad = RC10[:-1] + str((int(RC10[-1]) + 1) % 10)
    assert "birth_number" not in kinds_only(f"Dítě {bad} ověřeno")


def test_nine_digit_birth_number_needs_slash_or_keyword():
    assert kinds(f"rodné číslo {RC9}") == [(1, "birth_number")]
    assert kinds(f"RČ: {RC9}") == [(1, "birth_number")]
    assert kinds(f"x {RC9[:6]}/{RC9[6:]}") == [(1, "birth_number")]
    assert "birth_number" not in kinds_only(f"Počet {RC9} položek")


def test_jmbg_valid_and_invalid():
    assert kinds(f"JMBG: {JMBG}") == [(1, "jmbg")]
    bad = JMBG[:-1] + str((int(JMBG[-1]) + 1) % 10)
    assert "jmbg" not in kinds_only(f"JMBG: {bad}")
    # valid checksum but impossible date (month 13)
    from stdnum.si import emso

    base = "0113990211234"[:12]
    num = base + emso.calc_check_digit(base)
    assert "jmbg" not in kinds_only(f"broj {num}")


def test_bank_accounts():
    assert kinds(f"účet {IBAN}") == [(1, "bank_account")]
    assert kinds(f"účet {IBAN.replace(' ', '')}.") == [(1, "bank_account")]
    assert kinds(f"účet {ACCOUNT}") == [(1, "bank_account")]
    assert "bank_account" not in kinds_only("účet 19-2000145398/0800")  # checksum broken


def test_email():
    assert kinds("napište na jana.novakova@example.cz.") == [(1, "email")]
    assert kinds("x\n<m.petrovic@example.me>") == [(2, "email")]
    assert "email" not in kinds_only("podatelna@jihlava.example.cz")  # an office mailbox


# ------------------------------------------------------------- phone
@pytest.mark.parametrize("text", [
    "Telefon 603 123 456.", "volat 067/123-456", "+382 67 123 456", "+420 603 123 456",
    "tel. 603\u00a0123\u00a0456", "+382\u202f67\u202f123\u202f456", "tel: ６０３ １２３ ４５６",
    "mob. 069 234 567", "+381 64 123 4567",
])
def test_phone_forms(text):
    assert kinds(text) == [(1, "phone")]


@pytest.mark.parametrize("text", [
    "č.j. 603123456/2024", "Č. j. 603 123 456", "case JI-2025-014", "akce 2025-041-07 a 2025-041-08",
    "date: 2025-03-04", "konference 13:00–14:45", "dne 12. 5. 2025", "v roce 2024 bylo 14 osob",
    "A12 a A13", "sp. zn. 12 P 34/2025", "participants_count: 14", "2024-2025", "120 minut",
])
def test_not_phones(text):
    assert "phone" not in kinds_only(text)


# ------------------------------------------------------------- birth date
@pytest.mark.parametrize("text", [
    "D1, narozena 1. 2. 2015, chodí do školy", "nar. 01.02.2015.", "datum narození: 2015-02-01",
    "D1 je rođen 3.4.2012.", "datum rođenja 12. 11. 2010", "DOB: 2015-02-01", "born on 1 February 2015",
    "narozen 5. května 2016",
])
def test_birth_date(text):
    assert "birth_date" in kinds_only(text)


def test_meeting_dates_are_not_birth_dates():
    assert kinds_only("Konference proběhla 1. 2. 2025 a revize 2025-06-10.") == set()


# ------------------------------------------------------------- address
@pytest.mark.parametrize("text", [
    "Bydlí v ulici Nádražní 12.", "adresa: Husova 5/12, Jihlava", "586 01 Jihlava", "81000 Podgorica",
    "Ulica slobode 5", "Bulevar revolucije bb", "Njegoševa 14", "ul. Palackého 3", "Na Letné 97",
])
def test_address(text):
    assert "address" in kinds_only(text)


@pytest.mark.parametrize("text", [
    "ZŠ Nádražní poslala zprávu.", "Kapitola 2 metodiky.", "Sezení 3 proběhlo.", "cena 1200 Kč",
    "Masarykovo náměstí je blízko úřadu.", "D1 (8 let) chodí do 2. třídy.",
])
def test_not_addresses(text):
    assert "address" not in kinds_only(text)


# ------------------------------------------------------------- names
@pytest.mark.parametrize("word", ["Jana", "Jany", "Janě", "Janou", "Marko", "Marka", "Marku", "Markom",
                                  "Nováková", "Novákové", "Novákovou", "Petrović", "Petrovićem", "Petrovića",
                                  "Milicom", "Jiřího", "Tomášovi", "Honza", "Anička", "Míša"])
def test_inflected_names(word):
    assert kinds(f"Na jednání se mluvilo s {word} o plánu.") == [(1, "name")]


@pytest.mark.parametrize("text", [
    "Přišla paní Zelenková.", "Bio je prisutan gospodin Vukotić.", "Mluvil syn Bořek.",
    "Razgovor je vodila kćerka Dragica.", "s Ivou Kratochvílovou",
])
def test_context_and_surname_patterns(text):
    assert "name" in kinds_only(text)


def test_two_capitalised_words_outside_sentence_start():
    assert "name" in kinds_only("Dopis podepsal Zdislav Hromádko včera.")


def test_cyrillic_zero_width_and_nbsp():
    assert kinds("Razgovarali smo sa Петровићем.") == [(1, "name")]
    assert kinds("Mluvili jsme s No\u200bvákovou.") == [(1, "name")]
    assert kinds("Přišla paní\u00a0Nováková.") == [(1, "name")]
    assert kinds("tel. ６０３\u200b１２３４５６") == [(1, "phone")]


@pytest.mark.parametrize("text", [
    "M, F, D1 a D2 se konference zúčastnili.", "OSPOD Jihlava pozvala ZŠ a MŠ.",
    "Centar za socijalni rad Podgorica je poslao izvještaj.", "Úřad práce a Policie ČR nebyli přítomni.",
    "Krajský soud v Brně rozhodl.", "Konference v Jihlavě a v Třebíči.", "Osnovni sud u Nikšiću.",
    "ZŠ Komenského a ZŠ T. G. Masaryka.", "OŠ Vuk Karadžić je poslala izvještaj.",
    "Plán B: krizová konference.", "Agree how D1 can stay at home.", "Konferencija je održana u Podgorici.",
])
def test_not_names(text):
    assert "name" not in kinds_only(text)


def test_allow_words_from_caller():
    text = "Tým Hvězdička Zdislava pomáhá."
    assert "name" in kinds_only(text)
    assert "name" not in kinds_only(text, allow_words=["Tým Hvězdička Zdislava"])


def test_line_numbers_refer_to_original_lines():
    text = "a\u2028b\r\nc\n\nMluvili jsme s Janou.\n"
    assert kinds(text) == [(4, "name")]


def test_messages_are_localised_and_masked():
    for lang, word in (("cs", "Nahraďte"), ("sr-Latn", "Zamijenite"), ("en", "Replace")):
        f = scan_text("Volat 603 123 456.", "r.md", lang=lang)[0]
        assert word in f.message and "603 123 456" not in f.message and f.code == "PII003"
        assert f.severity == "error"
