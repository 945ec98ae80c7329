"""Postal addresses: street and house number (also `č. p.`, `bb`), postal code and town."""

from __future__ import annotations

import re

from ._base import Detector, Hit, fold

from ...records.catalogue import msg
from ..lazy_re import lazy_compile

_DIGIT = lazy_compile(r"\d")
_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽĆĐÄÖÜĹĽŔ"
_LO = "a-záčďéěíňóřšťúůýžćđäöüĺľŕô"
_HOUSE = r"(?P<num>\d{1,4}[a-zA-Z]?(?:\s?/\s?\d{1,4}[a-zA-Z]?)?|bb|b\.b\.)"
# what may follow a house number without it being one ("12 let", "5 km"); core.py also uses it
# to see when a line's end and the next line's start must be scanned together
_NOT_AFTER_ALT = (
    r"(?i:%|\.\s?\d|let\b|roky?\b|roků|rok\b|dn[íy]\b|den\b|min|hod|h\b|x\b|km\b|m\b|kč|"
    r"czk|eur|€|godin|dan[a]?\b|mjesec|měsíc|týdn|tjed|sedmic|years?\b|days?\b|months?\b|weeks?\b|times\b|"
    r"krát|osob|lidí|dět[íi]|children|people|participants|účastn|hours?\b|body\b|bod\b|stran|str\.|"
    r"ks\b|kus|třída\b|razred|bodova|poen|points?|tis|mil|ledna|února|března|dubna|května|června|"
    r"července|srpna|září|října|listopadu|prosince|–|-\s?\d)"
)
# ... and on the next line, where a wrapped sentence goes on in lower case ("12\nlet"): a capital
# there opens a new sentence ("Bulevar Ivana Crnojevića 9\nM popsala…", "… 12\nMinistarstvo…")
_NOT_AFTER_WRAPPED = "(?:" + _NOT_AFTER_ALT[len("(?i:"):].replace("|m\\b|", "|").replace("|h\\b|", "|").replace("|x\\b|", "|")
_NOT_AFTER_NUM = r"(?![\d.:,]\d)(?![ \t]*" + _NOT_AFTER_ALT + r")(?![ \t]*\n\s*" + _NOT_AFTER_WRAPPED + ")"
_STREET_KW = lazy_compile(
    rf"(?P<kw>\b(?i:ulice|ul\.|ulica|nám\.|náměstí|nábřeží|nábř\.|třída|tř\.|sídliště|sídl\.|bulevar|bul\.|"
    rf"trg|obala|put|šetalište|ulici|ulicí|ulicu|ulici)\s+)"
    rf"(?P<name>(?:[{_UP}{_LO}0-9][\w.'’]*\s+){{0,4}}?)" + _HOUSE + r"\b" + _NOT_AFTER_NUM
)
# every keyword of _STREET_KW (after fold) holds one of these
_STREET_KW_PARTS = ("ulic", "ul.", "bul", "nám", "nábř", "tříd", "tř.", "sídl", "trg", "obala", "put", "šetal",
                    "č. p", "č.p", "čp.", "č. ev", "č.ev", "popisn")


def may_hold_street_keyword(low: str) -> bool:
    """Whether folded text holds a part of a street keyword (a cheap test before _STREET_KW):
    a dozen substring searches, which beat one regex alternation of them."""
    return any(map(low.__contains__, _STREET_KW_PARTS))
_STREET_NAMED = lazy_compile(
    rf"(?<![\w.])(?P<name>(?:(?:Na|U|K|Ke|Pod|Nad|Za|V|Ve|Před|Při|Do|Od|Mezi)\s+[{_UP}][{_LO}]+(?:\s+[{_UP}][{_LO}]+)?"
    # a street named after a person: a given name in the genitive or an initial, then the
    # surname ("Karla Vika 156", "Richarda Kloudy 828", "J. Masaryka 1170")
    rf"|(?:[{_UP}][{_LO}]+a|[{_UP}][{_LO}]{{0,3}}\.)\s(?:[{_UP}][{_LO}]+\.?\s)?[{_UP}][{_LO}]+(?=\s+\d{{1,4}}(?!\d))(?!\s+(?:19|20)\d\d\b)"
    rf"|(?:[{_UP}][{_LO}]+\s+){{0,2}}[{_UP}][{_LO}]*"
    rf"(?:[^aáeéěiíoóuúůyý\s\d]ní|[^aáeéěiíoóuúůyý\s\d]ná|ská|cká|čka|ška|ova|ovo|ová|eva|evo|ého|ina|ska|ski|ića|ovića|evića|ského|ská|ćka|ců|ů))"
    rf"(?:\s+(?:nám\.|náměstí|třída|nábřeží|ulica|ul\.))?)\s+" + _HOUSE + r"\b" + _NOT_AFTER_NUM
)
# "bb" (bez broja, no house number) after a capitalised name is a Montenegrin address: "Cvjetna bb"
_NAME_BB = lazy_compile(rf"(?<![\w.])(?:[{_UP}][{_LO}]+[ \t]+){{0,2}}[{_UP}][{_LO}]+[ \t]+(?P<num>bb|b\.b\.)(?!\w)")
# a street with its number, a comma and a town of the gazetteer: "Kolmá 1232, Bílovec"
_STREET_COMMA_TOWN = lazy_compile(
    rf"(?<![\w.])(?P<street>(?:[{_UP}][{_LO}]+[ \t]+){{0,2}}[{_UP}][{_LO}]+)[ \t]+(?P<num>\d{{1,4}}[a-zA-Z]?(?:/\d{{1,4}})?),[ \t]+"
    rf"(?P<town>[{_UP}][{_LO}]+(?:[ \t]+(?:nad|pod|u|v|na|[{_UP}][{_LO}]+)){{0,3}})"
)
# what says that the words after it are an address ("Adresa: Zákoutí 2764", "bydlí na adrese …")
_ADDRESS_LABEL = lazy_compile(r"(?i:adres[ai]?(?:[ \t]+[^\W\d_]+)?|adrese|bydliště|bytem|bydlí(?:[ \t]+(?:v|ve|na))?|v[ \t]+obci|trvalý[ \t]+pobyt|"
                            r"živi[ \t]+(?:u|na)|stanuje[ \t]+(?:u|na))\s*:?,?\s*$")
_LABELLED = lazy_compile(rf"(?P<place>(?:[{_UP}][{_LO}]+[ \t]+){{0,2}}[{_UP}][{_LO}]+)[ \t]+(?P<num>\d{{1,4}}[a-zA-Z]?(?:/\d{{1,4}})?)\b"
                       + r"(?![\d.:,]\d)")
_POSTAL = lazy_compile(
    rf"(?<![\d/.\-:])(?P<code>\d{{3}}\s\d{{2}}|[1-9]\d{{4}})(?![\d/.\-:])\s*,?\s+(?P<town>[{_UP}][{_LO}]{{2,}}(?:[\- ][{_UP}][{_LO}]+)?|(?<=\d\d\d\s\d\d\s)[{_UP}][{_LO}])"
)
_NOT_TOWNS = frozenset(
    "kč czk eur euro eura eur usd din rsd bodů bodova osob lidí ks kusů let roků stran".split()
)
_INSTITUTION_BEFORE = lazy_compile(
    r"(?i:\b(?:zš|mš|sš|zuš|ddm|ospod|úřad|ú[rř]ad|mú|múm|magistr[aá]t|nno|ngo|škola|školy|škole|csr|"
    r"centar|centr[ua]m?|policie|policija|soud|sud|nemocnice|bolnica|dom zdravlja|osnovna škola|gimnazij[ae]|"
    r"charita|diakonie|klinika|poliklinika|sídlo|sídlem|se sídlem|adresa úřadu|ordinace|úřadu|úřadem|městský úřad|"
    r"obecní úřad|kontaktní adresa|podatelna|sjedište|sjedišta|adresa centra|adresa suda)\b[^\n]{0,60})$"
)


_INSTITUTION_AFTER = lazy_compile(
    r"[ ,(–-]{0,4}(?i:ospod|spod|úřad|zš|mš|sš|magistr[aá]t|csr|centar za socijalni rad|policie|policija|"
    r"soud|sud|nemocnice|bolnica|škola|škole|dom zdravlja|sídlo|office)\b"
)


def find_addresses(text: str) -> list[Hit]:
    hits: list[Hit] = []
    if not _DIGIT.search(text) and "bb" not in text and "b.b." not in text:
        return hits
    low = fold(text)
    street_kw = may_hold_street_keyword(low)
    # _STREET_NAMED and _POSTAL need a capital letter; lower-case text can only hold "ulice x 12"
    capitals = not text.islower()
    for rx in ((_STREET_KW,) if street_kw else ()) + ((_STREET_NAMED,) if capitals else ()):
        for m in rx.finditer(text):
            start = m.start()
            if rx is _STREET_KW and not (m.group("kw")[0].isupper() or any(w[:1].isupper() for w in m.group("name").split())
                                         or m.group("num") in ("bb", "b.b.")):
                continue
            ls = text.rfind("\n", 0, start) + 1
            if _INSTITUTION_BEFORE.search(text[ls:start]) or _INSTITUTION_AFTER.match(text, m.end("num")):
                continue
            hits.append(Hit("address", start, m.end("num"), m.group(0)[: m.end("num") - start]))
    for m in _POSTAL.finditer(text) if capitals else ():
        ls = text.rfind("\n", 0, m.start()) + 1
        if _INSTITUTION_BEFORE.search(text[ls:m.start()]):
            continue  # a public body's address
        code = m.group("code")
        if m.group("town").lower() in _NOT_TOWNS:
            continue
        digits = code.replace(" ", "")
        if " " not in code and not (digits[0] in "123456789"):
            continue
        if " " not in code and (digits.startswith("19") or digits.startswith("20")) and len(digits) == 5:
            # 5 digits starting 19/20 are CZ-style codes only with a space; no ME/RS codes start with 19/20
            pass
        hits.append(Hit("address", m.start(), m.end(), m.group(0)))
    if "p" in low or "ev" in low:
        for m in _HOUSE_NO.finditer(text):
            hits.append(Hit("address", m.start(), m.end(), m.group(0)))
    if capitals:
        hits += _village_numbers(text)
        hits += _more_addresses(text)
    return hits


def _more_addresses(text: str) -> list[Hit]:
    """A name with "bb", a street and number before a comma and a town, and capitalised words
    with a number right after an address label."""
    from ..names import is_place

    hits = []
    if "bb" in text or "b.b." in text:
        for m in _NAME_BB.finditer(text):
            ls = text.rfind("\n", 0, m.start()) + 1
            if not _INSTITUTION_BEFORE.search(text[ls:m.start()]):
                hits.append(Hit("address", m.start(), m.end("num"), text[m.start():m.end("num")]))
    if "," in text:
        for m in _STREET_COMMA_TOWN.finditer(text):
            if re.fullmatch(r"(?:19|20)\d\d", m.group("num")):
                continue
            ls = text.rfind("\n", 0, m.start()) + 1
            if _INSTITUTION_BEFORE.search(text[ls:m.start()]):
                continue
            words = m.group("town").split()
            if any(is_place(tuple(words[:k])) for k in range(len(words), 0, -1)):
                hits.append(Hit("address", m.start(), m.end("num"), text[m.start():m.end("num")]))
    for m in _LABELLED.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        if _ADDRESS_LABEL.search(text[max(ls, m.start() - 40):m.start()]) and \
                not re.fullmatch(r"(?:19|20)\d\d", m.group("num")) and not _INSTITUTION_BEFORE.search(text[ls:m.start()]):
            hits.append(Hit("address", m.start(), m.end("num"), text[m.start():m.end("num")]))
    return hits


# "č. p. 94", "čp. 94", "č. ev. 12", "číslo popisné 94": a house number on its own is an address
_HOUSE_NO = lazy_compile(r"(?<![\w.])(?i:č\.\s?p\.|čp\.|č\.\s?ev\.|čísl[oa]\s+popisn[éá]\w*)\s*\d{1,4}(?![\d.,]\d)")
# a municipality or its part, a Roman numeral of a town's part perhaps, and a house number:
# "Horní Ves 312", "Újezd I. 1234" (the place is checked against the gazetteer)
_VILLAGE = lazy_compile(
    rf"(?<![\w.])(?P<place>[{_UP}][{_LO}]+(?:[\- ](?:nad|pod|u|v|na|[{_UP}][{_LO}]+)){{0,3}})"
    rf"(?:\s+(?P<roman>[IVX]{{1,4}}\.))?\s+(?P<num>\d{{1,4}}[a-zA-Z]?(?:\s?/\s?\d{{1,4}})?)\b" + _NOT_AFTER_NUM
)


def _village_numbers(text: str) -> list[Hit]:
    hits = []
    for m in _VILLAGE.finditer(text):
        num = m.group("num")
        if re.fullmatch(r"(?:19|20)\d\d", num) and not m.group("roman"):
            continue  # a year (after a town's part, "Újezd II. 2024", a house number)
        words = m.group("place").replace("-", " ").split()
        if words[0].lower() == "praha" and num.isdigit() and int(num) <= 22 and not m.group("roman"):
            continue  # Praha 1 to Praha 22: the city's districts
        ls = text.rfind("\n", 0, m.start()) + 1
        if _INSTITUTION_BEFORE.search(text[ls:m.start()]) or _INSTITUTION_AFTER.match(text, m.end("num")):
            continue
        from ..names import _context_for, is_place

        if len(words) == 1 and not m.group("roman") and _context_for(frozenset(), "cs").ordinary_word(words[0]):
            continue  # "Lhůty 14 a 5 dní": an ordinary word that a village is also called

        # the longest tail of the capitalised words that names a place ("Bydlí Horní Ves 312")
        for k in range(len(words)):
            if is_place(tuple(words[k:])):
                start = m.start("place") + m.group("place").find(words[k]) if k else m.start()
                hits.append(Hit("address", start, m.end("num"), text[start:m.end("num")]))
                break
    return hits




class Address(Detector):
    kind = "address"
    code = "PII007"
    priority = 6
    labels = msg("address")
    mask_style = "text"
    needs_digit = False

    def may_hold(self, text: str) -> bool:
        return _DIGIT.search(text) is not None or "bb" in text or "b.b." in text

    def find(self, text: str, allow: frozenset[str] = frozenset(), lang: str = "cs", taken=()) -> list[Hit]:
        return find_addresses(text)
