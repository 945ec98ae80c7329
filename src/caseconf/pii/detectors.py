"""Pattern detectors for numbers, contacts, dates and addresses.

Every detector takes the *normalised* text of a whole file (lines joined with
"\\n", see :mod:`caseconf.pii.normalize`) and returns :class:`Hit` objects with
offsets into that text.  Heavy libraries (stdnum, phonenumbers) are imported
lazily, inside the functions that need them.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    start: int
    end: int
    value: str
    bases: tuple[str, ...] = field(default=())  # other canonical forms (e.g. a name's lemma)


# --------------------------------------------------------------------------- helpers
_DIGIT = re.compile(r"\d")  # every pattern below needs one (or "bb" for an address)
_REF_BEFORE = re.compile(
    r"(?<!\w)(?i:č\.\s?j\.?|čj\.?|č\.\s?jedn\.?|sp\.\s?zn\.?|spis\.?\s?zn\.?|zn\.|č\.\s?p\.|ref\.?|reference|"
    r"ref\.\s?no\.?|broj predmeta|predmet(?:\s+br\.?)?|br\.\s?predmeta|case(?:\s+no\.?)?|spis|"
    r"jednací číslo|číslo jednací|action|akce|id|akt|č\.\s?spisu)\s*[:#=]?\s*$"
)


def _ref_context(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_REF_BEFORE.search(text[max(line_start, start - 40):start]))


# --------------------------------------------------------------------------- birth number
_RC_SLASH = re.compile(r"(?<![\d/.\-])(\d{6})\s?/\s?(\d{3,4})(?![\d/])")
_RC_PLAIN = re.compile(r"(?<![\d/.\-+])(\d{9,10})(?![\d/\-])")
_RC_KEYWORD = re.compile(
    r"(?i:r\.\s?č\.?|\brč\b|\brc\b|rodn[éého]+\s+č[íi]s|rodné č\.|birth\s*number|rodni\s+broj|r\.\s?b\.)"
)


def _rc_valid(number: str) -> bool:
    from stdnum.cz import rc

    return rc.is_valid(number)


_SIX_DIGITS = re.compile(r"\d{6}")  # birth numbers and JMBG start with six digits in a row


def find_birth_numbers(text: str) -> list[Hit]:
    hits: list[Hit] = []
    if not _SIX_DIGITS.search(text):
        return hits
    for m in _RC_SLASH.finditer(text):
        num = m.group(1) + m.group(2)
        if _rc_valid(num):
            hits.append(Hit("birth_number", m.start(), m.end(), m.group(0)))
    for m in _RC_PLAIN.finditer(text):
        num = m.group(1)
        if not _rc_valid(num):
            continue
        if len(num) == 9:
            ls = text.rfind("\n", 0, m.start()) + 1
            le = text.find("\n", m.end())
            le = len(text) if le < 0 else le
            window = text[max(ls, m.start() - 40):min(le, m.end() + 20)]
            if not _RC_KEYWORD.search(window):
                continue
        hits.append(Hit("birth_number", m.start(), m.end(), m.group(0)))
    return hits


# --------------------------------------------------------------------------- JMBG
_JMBG = re.compile(r"(?<![\d\-/.])(\d{13})(?![\d\-/])")


def jmbg_valid(number: str) -> bool:
    from stdnum.si import emso

    if len(number) != 13 or number[4] not in "90":
        return False
    try:
        emso.validate(number)
        day, month, yyy = int(number[:2]), int(number[2:4]), int(number[4:7])
        year = 1000 + yyy if yyy >= 800 else 2000 + yyy
        _dt.date(year, month, day)
    except Exception:  # noqa: BLE001 - any invalid component means "not a JMBG"
        return False
    return True


def find_jmbg(text: str) -> list[Hit]:
    if not _SIX_DIGITS.search(text):
        return []
    return [Hit("jmbg", m.start(), m.end(), m.group(1)) for m in _JMBG.finditer(text) if jmbg_valid(m.group(1))]


# --------------------------------------------------------------------------- bank accounts
_IBAN = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)(?![A-Za-z0-9])")
_CZ_ACCOUNT = re.compile(r"(?<![\w/.\-])((?:\d{1,6}\s?-\s?)?\d{2,10}\s?/\s?\d{4})(?![\w/])")


def find_bank_accounts(text: str) -> list[Hit]:
    hits: list[Hit] = []
    # an IBAN needs capitals, a Czech account a slash
    may_iban, may_cz = not text.islower(), "/" in text
    if not (may_iban or may_cz) or not _DIGIT.search(text):
        return hits
    for m in _IBAN.finditer(text) if may_iban else ():
        from stdnum import iban  # python-stdnum loads its registries: only once a candidate turns up

        raw = m.group(1)
        if " " not in raw:
            if iban.is_valid(raw):
                hits.append(Hit("bank_account", m.start(), m.end(), raw))
            continue
        groups = raw.split(" ")
        # the greedy match may have swallowed a following token: shorten until valid
        for n in range(len(groups), 2, -1):
            cand = " ".join(groups[:n])
            if iban.is_valid(cand.replace(" ", "")):
                hits.append(Hit("bank_account", m.start(), m.start() + len(cand), cand))
                break
    for m in _CZ_ACCOUNT.finditer(text) if "/" in text else ():
        from stdnum.cz import bankaccount

        raw = m.group(1)
        compact = re.sub(r"\s", "", raw)
        if bankaccount.is_valid(compact) and not _ref_context(text, m.start()):
            hits.append(Hit("bank_account", m.start(), m.end(), raw))
    return hits


# --------------------------------------------------------------------------- e-mail
_EMAIL = re.compile(r"(?<![\w.+\-@])([\w.+\-%]{1,64}@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24})(?![\w\-])")
_GENERIC_MAILBOX = frozenset(
    "info podatelna posta pošta office kontakt contact sekretariat sekretarijat ospod "
    "noreply no-reply postmaster admin webmaster recepce recepcija kancelarija".split()
)


def find_emails(text: str) -> list[Hit]:
    if "@" not in text:
        return []
    hits = []
    for m in _EMAIL.finditer(text):
        value = m.group(1).strip(".")
        local = value.split("@", 1)[0].lower()
        if local in _GENERIC_MAILBOX:
            continue
        hits.append(Hit("email", m.start(), m.start() + len(value), value))
    return hits


# --------------------------------------------------------------------------- phone
PHONE_REGIONS = ("CZ", "SK", "ME", "RS", "BA", "HR")
_DATEISH = re.compile(
    r"^\s*(?:\d{1,4}[./\-]\s?\d{1,2}[./\-]\s?\d{1,4}\.?|\d{1,2}:\d{2}(?::\d{2})?|(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2})\s*$"
)
_DATE_INSIDE = re.compile(r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}\b|\d{1,2}:\d{2}")


_GLUED = re.compile(r"[\w]-$")


def _glued_before(text: str, start: int) -> bool:
    """A phone cannot start here: glued to letters or ids (JI-2025-014, A12-603123, x603123456, 2024/…)."""
    before = text[max(0, start - 2):start]
    return bool(before[-1:].isalnum() or _GLUED.match(before) or before.endswith("/"))


def _may_start_phone(text: str, start: int, end: int) -> bool:
    """Could a phone that _phone_candidate_ok accepts start inside text[start:end]?  A match
    starts at a digit, "+" or an opening bracket, is not glued to what comes before it
    and holds at least 8 digits."""
    digits_left = sum(map(str.isdigit, text[start:end]))
    glued = start > 0 and text[start - 1].isalnum()  # what _glued_before finds first, known cheaply
    for p in range(start, end):
        if digits_left < 8:
            return False
        ch = text[p]
        if not glued and not _glued_before(text, p):
            return True
        if ch.isdigit():
            digits_left -= 1
        glued = ch.isalnum()
    return False


def _phone_candidate_ok(text: str, start: int, end: int, raw: str) -> bool:
    digits = re.sub(r"\D", "", raw)
    if len(digits) < 8:
        return False
    if _DATEISH.match(raw) or _DATE_INSIDE.search(raw) or re.match(r"^(?:19|20)\d{2}\s?[-/.]", raw):
        return False
    after = text[end:end + 6]
    if _glued_before(text, start):
        return False
    if re.match(r"^(?:[\-/]\d|\w|\.\d)", after):  # 603123456/2024, part of a longer token
        return False
    if _ref_context(text, start):
        return False
    return True


_PHONE_CAND = re.compile(r"(?:\+|\b00)?\(?\d(?:[ \-./()]{0,2}\d){7,15}")
_ONLY_DATES = re.compile(
    r"^(?:\s|[./\-]|(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}|\d{1,2}:\d{2})*$"
)


@lru_cache(maxsize=20_000)
def _match_window(window: str) -> tuple[tuple[int, int, str], ...]:
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberMatcher

    found: dict[tuple[int, int], str] = {}
    for region in PHONE_REGIONS:
        for m in PhoneNumberMatcher(window, region, leniency=Leniency.VALID):
            if (m.start, m.end) not in found and phonenumbers.is_valid_number(m.number):
                found[(m.start, m.end)] = m.raw_string
    return tuple((s, e, raw) for (s, e), raw in found.items())


def find_phones(text: str) -> list[Hit]:
    """phonenumbers' matcher for CZ, SK, ME, RS, BA and HR, run only on
    phone-shaped windows (>= 8 digits that are not just dates or times)."""
    hits: dict[tuple[int, int], Hit] = {}
    for cm in _PHONE_CAND.finditer(text):
        window = cm.group(0)
        if _ONLY_DATES.match(window) or sum(map(str.isdigit, window)) < 8:
            continue
        if not _may_start_phone(text, cm.start(), cm.end()):
            continue  # case ids and dates glued together: JI-2025-014/2025-03-02
        for ws, we, raw in _match_window(window):
            s, e = cm.start() + ws, cm.start() + we
            if (s, e) not in hits and _phone_candidate_ok(text, s, e, raw):
                hits[(s, e)] = Hit("phone", s, e, raw)
    out = sorted(hits.values(), key=lambda h: (h.start, -(h.end - h.start)))
    result: list[Hit] = []
    for h in out:
        if result and h.start < result[-1].end:
            continue
        result.append(h)
    return result


# --------------------------------------------------------------------------- birth date
_MONTHS = (
    "ledna|února|unora|března|brezna|dubna|května|kvetna|června|cervna|července|cervence|srpna|září|zari|"
    "října|rijna|listopadu|prosince|januára|februára|marca|apríla|mája|júna|júla|augusta|septembra|októbra|"
    "novembra|decembra|januar[a]?|februar[a]?|mart[a]?|april[a]?|maj[a]?|jun[a]?|jul[a]?|avgust[a]?|"
    "septemb(?:ar|ra)|oktob(?:ar|ra)|novemb(?:ar|ra)|decemb(?:ar|ra)|siječnja|veljače|ožujka|travnja|"
    "svibnja|lipnja|srpnja|kolovoza|rujna|listopada|studenoga|prosinca|january|february|march|may|june|"
    "july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = (
    r"(?:(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.\s?(?P<y1>(?:19|20)\d{2})\.?"
    r"|(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"
    r"|(?P<d3>\d{1,2})\s?[/\-]\s?(?P<m3>\d{1,2})\s?[/\-]\s?(?P<y3>(?:19|20)\d{2})"
    rf"|(?P<d4>\d{{1,2}})\.?\s+(?P<mn4>{_MONTHS})\.?,?\s+(?P<y4>(?:19|20)\d{{2}})"
    rf"|(?P<mn5>{_MONTHS})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y5>(?:19|20)\d{{2}}))"
)
_BIRTH_KW = (
    r"(?:\bnaro[zď]en[aáéíý]?\b|\bnar\.|\bnarozen[íi]\b|\bdatum\s+naro[zď]en[íi]\b|\bdat\.\s?nar\.|"
    r"\bro[dđ]j?en[aoi]?\b|\brođen[aoi]?\b|\bdatum\s+ro[dđ]j?enja\b|\bd\.?o\.?b\.?\b|\bdate\s+of\s+birth\b|"
    r"\bborn\b|\bbirth[ _\-]?date\b|\bdate_of_birth\b|\bdatum_naro[zď]en[íi]\b|\bdatum_rodjenja\b|"
    r"\bbirthday\b|\bnarozeniny\b|\bro[dđ]endan\b|\bgodi[sš]te\b)"
)
_BIRTH_DATE = re.compile(
    _BIRTH_KW + r"[^\d\n]{0,30}?(?P<date>" + _DATE + r")", re.IGNORECASE
)
_DATE_THEN_KW = re.compile(r"(?P<date>" + _DATE + r")\s*\(?\s*" + _BIRTH_KW, re.IGNORECASE)


def _valid_date(m: re.Match[str]) -> bool:
    g = m.groupdict()
    for i in "12345":
        y = g.get(f"y{i}")
        if y:
            d = g.get(f"d{i}")
            mo = g.get(f"m{i}")
            if mo is None:
                return d is not None and 1 <= int(d) <= 31
            try:
                _dt.date(int(y), int(mo), int(d))
            except ValueError:
                return False
            return True
    return False


_BIRTH_KW_RE = re.compile(_BIRTH_KW, re.IGNORECASE)
# every keyword above contains one of these (after _fold); a cheap test before the regexes
_BIRTH_KW_PARTS = ("naro", "nar.", "roden", "rodjen", "rođen", "rođjen", "dob", "d.o", "do.b", "born", "birth",
                   "godi")
# characters that IGNORECASE matching treats as ASCII letters although str.lower() does not
_FOLD_CHARS = re.compile("[İıſ\u212a]")
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """Lower case, with the few letters that re.IGNORECASE equates with an ASCII letter made ASCII."""
    if text.isascii() or not ("ı" in text or "İ" in text or "ſ" in text or "\u212a" in text):  # _FOLD_CHARS
        return text.lower()
    return text.translate(_FOLD).lower()


def may_hold_birth_keyword(text: str) -> bool:
    low = fold(text) if ("ı" in text or "İ" in text) else text.lower()
    for p in _BIRTH_KW_PARTS:
        if p in low:
            return _BIRTH_KW_RE.search(text) is not None
    return False


def find_birth_dates(text: str) -> list[Hit]:
    hits = []
    if not may_hold_birth_keyword(text):
        return hits
    for rx in (_BIRTH_DATE, _DATE_THEN_KW):
        for m in rx.finditer(text):
            if _valid_date(m):
                hits.append(Hit("birth_date", m.start("date"), m.end("date"), m.group("date")))
    return hits


# --------------------------------------------------------------------------- address
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
_NOT_AFTER_NUM = r"(?![\d.:,]\d)(?!\s*" + _NOT_AFTER_ALT + ")"
_STREET_KW = re.compile(
    rf"(?P<kw>\b(?i:ulice|ul\.|ulica|nám\.|náměstí|nábřeží|nábř\.|třída|tř\.|sídliště|sídl\.|bulevar|bul\.|"
    rf"trg|obala|put|šetalište|ulici|ulicí|ulicu|ulici)\s+)"
    rf"(?P<name>(?:[{_UP}{_LO}0-9][\w.'’]*\s+){{0,4}}?)" + _HOUSE + r"\b" + _NOT_AFTER_NUM
)
# every keyword of _STREET_KW (after fold) holds one of these
_STREET_KW_PARTS = ("ulic", "ul.", "bul", "nám", "nábř", "tříd", "tř.", "sídl", "trg", "obala", "put", "šetal")


def may_hold_street_keyword(low: str) -> bool:
    """Whether folded text holds a part of a street keyword (a cheap test before _STREET_KW):
    a dozen substring searches, which beat one regex alternation of them."""
    return any(map(low.__contains__, _STREET_KW_PARTS))
_STREET_NAMED = re.compile(
    rf"(?<![\w.])(?P<name>(?:(?:Na|U|K|Ke|Pod|Nad|Za|V|Ve|Před|Při)\s+[{_UP}][{_LO}]+"
    rf"|(?:[{_UP}][{_LO}]+\s+){{0,2}}[{_UP}][{_LO}]*"
    rf"(?:[^aáeéěiíoóuúůyý\s\d]ní|[^aáeéěiíoóuúůyý\s\d]ná|ská|cká|čka|ška|ova|ovo|ová|eva|evo|ého|ina|ska|ski|ića|ovića|evića|ského|ská))"
    rf"(?:\s+(?:nám\.|náměstí|třída|nábřeží|ulica|ul\.))?)\s+" + _HOUSE + r"\b" + _NOT_AFTER_NUM
)
_POSTAL = re.compile(
    rf"(?<![\d/.\-:])(?P<code>\d{{3}}\s\d{{2}}|[1-9]\d{{4}})(?![\d/.\-:])\s*,?\s+(?P<town>[{_UP}][{_LO}]{{2,}}(?:[\- ][{_UP}][{_LO}]+)?)"
)
_NOT_TOWNS = frozenset(
    "kč czk eur euro eura eur usd din rsd bodů bodova osob lidí ks kusů let roků stran".split()
)
_INSTITUTION_BEFORE = re.compile(
    r"(?i:\b(?:zš|mš|sš|zuš|ddm|ospod|úřad|ú[rř]ad|mú|múm|magistr[aá]t|nno|ngo|škola|školy|škole|csr|"
    r"centar|centr[ua]m?|policie|policija|soud|sud|nemocnice|bolnica|dom zdravlja|osnovna škola|gimnazij[ae]|"
    r"charita|diakonie|klinika|poliklinika|sídlo|sídlem|se sídlem|adresa úřadu|ordinace)\b[^\n]{0,40})$"
)


_INSTITUTION_AFTER = re.compile(
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
            if rx is _STREET_KW and not (m.group("kw")[0].isupper() or (m.group("name")[:1].isupper())
                                         or m.group("num") in ("bb", "b.b.")):
                continue
            ls = text.rfind("\n", 0, start) + 1
            if _INSTITUTION_BEFORE.search(text[ls:start]) or _INSTITUTION_AFTER.match(text, m.end("num")):
                continue
            hits.append(Hit("address", start, m.end("num"), m.group(0)[: m.end("num") - start]))
    for m in _POSTAL.finditer(text) if capitals else ():
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
    return hits


@lru_cache(maxsize=1)
def _warm() -> None:  # pragma: no cover - convenience for benchmarks
    find_phones("603 123 456")
