"""Personal-name detection for Czech, Slovak and Montenegrin/BCS text.

Evidence, strongest first:
* a capitalised word whose base form (inflection stripped by suffix rules, or
  reduced by the simplemma lemmatiser) is in the shipped name lexicon;
* a title or kinship word before a capitalised word (paní Nová, gospođa X, syn X);
* a surname shape (-ová, -ský/-ská, -ić/-ović/-ević) outside sentence start;
* two adjacent capitalised words outside sentence start.
Institutions, places, months and the caller's allowed words are never names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .detectors import Hit
from . import sentence_start as _start  # it imports this module too: both look each other up at call time
from .lazy_re import compile_stored, lazy_compile

_TOKEN_TAIL = r"(?:-[^\W\d_]+)?)(?![\w@]|\.[^\W\d_])"  # an optional "-part", and no word right after
_WORD = lazy_compile(r"(?<![\w@/\\.])([^\W\d_]+" + _TOKEN_TAIL, re.UNICODE)
_URL = lazy_compile(r"(?:https?://|www\.)\S+|\]\([^)]*\)|`[^`\n]*`")

ENDINGS = tuple(sorted(
    "ovými ovou ových ovým ového ovému ovi ové ého ému ém ých ými ími ích ým ím ího ímu ou em om ám ách ima ama "
    "u a e ě i í o y é ú".split(), key=len, reverse=True))
REPLACEMENTS = ("", "a", "o", "e", "ie", "ia", "ý", "á", "í", "ová", "i", "ek", "ko")
ALTERNATIONS = {"z": "g", "c": "k", "ř": "r", "š": "ch", "ck": "ck", "č": "k", "ov": "ův", "or": "ůr", "ol": "ůl"}

TITLES = frozenset(
    """pan pana panu panem pane paní slečna slečny slečně slečnou sl. pí. p. ing. mgr. bc. mudr. judr. phdr. paedr.
    gospodin gospodina gospodinu gospodinom gospođa gospođe gospođu gospođom gospođica g. gđa gđa. gđica gdin
    gosp. dr. mr. mrs. ms. miss
    syn syna synovi synem dcera dcery dceři dcerou sin sina sinu sinom kćerka kćerke kćerku kći ćerka ćerke
    ćerku bratr bratra sestra sestry sestře brat brata sestra sestre otec otce otci matka matky matce
    babička babičky dědeček dědy strýc teta tety otac oca majka majke baka djed deda tetka ujak stric
    strýc strýce strýci strýcem učitelka učitelky učitel učitele soused sousedka sousedky kamarád kamarádka
    partner partnerka přítel přítelkyně druh družka komšija komšinica učiteljica nastavnik nastavnica
    son daughter brother sister mother father grandmother grandfather aunt uncle""".split()
)

TITLES |= frozenset("paeddr. rndr. mvdr. thdr. thlic. phd. doc. prof. dis. mba. ing.arch. mgr.art. dipl. mr.sc. dr.sc.".split())
# a title written without its dot ("Mgr Dvořákovi", and the token before a dot: "Mgr." gives "Mgr")
TITLES_ANY = TITLES | frozenset(t.rstrip(".") for t in TITLES if len(t.rstrip(".")) > 1)

# institution and other non-person words (lower case); places come from places.txt
INSTITUTION_WORDS = frozenset(
    """ospod spod zš mš sš zuš dd ddm nno ngo npo ops z.s. o.p.s. centar centra centru centrom za socijalni socijalnog
    socijalnu rad rada úřad úřadu úřadem práce policie policii policií policija policije soud soudu soudem soudce
    nemocnice nemocnici nemocnicí bolnica bolnice bolnici ministerstvo ministarstvo mpsv mšmt magistrát magistrátu
    městský městského obecní obecního krajský krajského krajský kraj kraje kraji okresní okresního odbor odboru
    sociální sociálních sociálně právní ochrany dětí charita charity diakonie diakonii klokánek škola školy škole
    školou základní mateřská střední gymnázium gimnazija gimnazije osnovna osnovne srednja škola dom domu doma
    zdravlja zdravlje kbc kc klinički klinika centar bolnica sud suda sudu osnovni viši vrhovni tužilaštvo
    kč czk eur eura euro usd sb
    uprava upravi zavod zavoda vrtić vrtića vrtiću vrtićem vrtiće unicef unija eu ec romea člověk tísni rodina rodiny rodině centru poradna poradny
    pedagogicko psychologická ppp spc speciálně pedagogické centrum probační mediační služba pms opatrovník
    opatrovnický facilitační tým týmu team tim vysočina vysočiny moravskoslezský jihomoravský praha prahy
    česká republika české republiky čr sr slovenská republika crna gora crne gore crnoj gori cg srbija srbije
    hrvatska bosna hercegovina evropa europe europa czech czechia montenegro serbia montenegrin czechs roma romové
    romský romska romski češtině čeština cs sr en english angličtina crnogorski crnogorskom srpski srpskom jezik
    pondělí úterý středa čtvrtek pátek sobota neděle ponedjeljak utorak srijeda četvrtak petak subota nedjelja
    monday tuesday wednesday thursday friday saturday sunday
    vánoce vánoc vánocích vánocům velikonoce velikonoc silvestr mikuláš dušičky božić božića božiću uskrs uskrsa
    uskrsu bajram bajrama badnjak ramazan christmas easter
    leden únor březen duben květen červenec srpen září říjen listopad prosinec
    ledna února března dubna května června července srpna října listopadu prosince
    januar februar mart septembar oktobar novembar decembar
    januara februara marta aprila avgusta septembra oktobra novembra decembra
    january february march may june july august september october november december
    md pdf excel word teams zoom whatsapp signal viber google microsoft outlook gmail github gitlab mkdocs markdown yaml
    caseconf ok plan plán cíl cíle goal goals summary minutes závěr závěry conclusions needs potřeby zápis zápisu
    hodnocení evaluation review initial crisis preparatory d1 d2 d3 m f
    """.split()
)

# first names that are also frequent ordinary words: not trusted at sentence start alone
COMMON_AT_START = frozenset(
    """rada mora nada vera zora slava sláva dan luka mir vid mila lada bude ale ema jaro mile vlasta nina
    sava dragan mladen mira dobro sreća dobra nova nová malá malý slavko ivo vlada vláda""".split()
)

# ordinary words that a lexicon or a suffix rule would turn into a name; never names
# on their own (a title before them still counts)
NOT_NAMES = frozenset(
    """any run line group tiny rok roku roky roce rokovi rokova rokove rokom samo sama jaké jaká jakou jaký jaký jak mají má mám jasně
    vaše vaša vaš vaši vašem naše naša niko nikdo nikoga želje želja dani dan den ale ano tak tady teď
    více mira mila dobro dobra slava bude bila bilo""".split()
)

SURNAME_SHAPE = lazy_compile(
    r"(?:ov[áé]|ovou|sk[áýé]|ck[áýé]|ského|ckého|ském|ckém|ić|ića|iću|ićem|ićom|ići|ićima|"
    r"ović|ovića|oviću|ovićem|ovićom|ević|evića|eviću|evićem|evićom)$"
)
_STARTERS = frozenset(".!?:;\"„“”'([{*#>|•–—=-+`]")  # "]": a Markdown task list item "- [ ] Word"


def _at_start(line: str, pos: int) -> bool:
    """True when the word at `pos` begins a sentence, list item, cell or value."""
    prefix = line[max(0, pos - 8):pos].rstrip()
    if not prefix:
        return not line[:pos].strip()
    return prefix[-1] in _STARTERS


_DATA_FILES = ("names.txt", "places.txt", "gazetteer.txt")


@lru_cache(maxsize=1)
def _lexicon_sets() -> dict[str, frozenset[str]]:
    """The name lexicon's sets, built from the data files once per machine (build_cache: a
    commit hook would otherwise spend more time building them than scanning its record)."""
    from .build_cache import cached

    from .package_data import read_bytes

    texts = {name: read_bytes(f"pii/data/{name}") for name in _DATA_FILES}
    return cached("lexicon", [*texts.values(), _builder_source()],
                  lambda: _build_lexicon({name: raw.decode("utf-8") for name, raw in texts.items()}))


@lru_cache(maxsize=1)
def _builder_source() -> bytes:
    """This module's source, part of what keys the cached values it builds: an edited builder
    builds them anew."""
    try:
        return Path(__file__).read_bytes()
    except OSError:  # pragma: no cover - a zipped install: the data alone keys the cache
        return b""


def _build_lexicon(texts: dict[str, str]) -> dict[str, frozenset[str]]:
    first: set[str] = set()
    last: set[str] = set()
    for line in texts["names.txt"].splitlines():
        if not line or line.startswith("#"):
            continue
        tag, _, word = line.partition("\t")
        (first if tag == "F" else last).add(word)
    places = {
        ln.strip() for ln in texts["places.txt"].splitlines()
        if ln.strip() and not ln.startswith("#")
    }
    gazetteer = _gazetteer_lines(texts["gazetteer.txt"])
    # Words of the gazetteer's municipality names that name no person of the lexicon. Many
    # Czech villages share a surname's shape (Sluková, Drozdov): such a word counts as a place
    # only where no surname ending or title says otherwise (see NameContext.classify).
    weak: set[str] = set()
    for name in gazetteer:
        weak.update(p for p in name.replace("-", " ").split() if len(p) >= 3 and p not in first and p not in last)
    return {"first": frozenset(first), "last": frozenset(last), "places": frozenset(places),
            "weak": frozenset(weak - {"nad", "pod", "pri", "při"}),
            "single": frozenset(n for n in gazetteer if " " not in n),
            "phrases": frozenset(n for n in gazetteer if " " in n)}


@lru_cache(maxsize=1)  # a C-level look-up: the scan asks for it per word
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Given names, surnames and places (lower case)."""
    sets = _lexicon_sets()
    return sets["first"], sets["last"], sets["places"]


@lru_cache(maxsize=1)  # a C-level look-up: the scan asks for it per word
def _weak_places() -> frozenset[str]:
    """Words of the gazetteer's municipality names that name no person of the lexicon (see
    _build_lexicon)."""
    return _lexicon_sets()["weak"]


def _gazetteer_lines(text: str) -> tuple[str, ...]:
    return tuple(ln for ln in text.splitlines() if ln and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[str, ...]:
    from .package_data import read_text

    return _gazetteer_lines(read_text("pii/data/gazetteer.txt"))


@lru_cache(maxsize=1)  # a C-level look-up: the scan asks for it per word
def place_phrases() -> frozenset[str]:
    """Municipality names of two or more words ("havlíčkův brod", "herceg novi", "žďár nad sázavou")."""
    return _lexicon_sets()["phrases"]


@lru_cache(maxsize=200_000)
def candidates(word: str) -> tuple[str, ...]:
    """Possible base forms of an inflected (lower-case) word, the word first."""
    out = [word]
    n = len(word)
    for end in ("",) + ENDINGS:
        if end and not word.endswith(end):
            continue
        stem = word[: n - len(end)] if end else word
        if len(stem) < 2:
            continue
        stems = [stem]
        for a, b in ALTERNATIONS.items():
            if stem.endswith(a):
                stems.append(stem[: -len(a)] + b)
        if len(stem) >= 3 and stem[-1] not in "aeiouyáéíóúůýě" and stem[-2] not in "aeiouyáéíóúůýě":
            stems.append(stem[:-1] + "e" + stem[-1])  # Marka -> Marek, Pavla -> Pavel
        for st in stems:
            for r in REPLACEMENTS if end else ("",):
                c = st + r
                if c not in out:
                    out.append(c)
    return tuple(out)


# records mix Czech and Montenegrin (a Czech team meets Montenegrin families and back): both
_LEMMA_LANG = {"cs": ("cs", "hbs"), "sr-Latn": ("hbs", "cs"), "en": ("cs", "hbs")}


@lru_cache(maxsize=1)
def lemmatizer() -> Callable[..., str] | None:
    """simplemma's lemmatiser, on its MARISA-trie dictionaries when marisa-trie is installed.

    The default dictionaries are lzma-compressed and take ~0.45 s per language to unpack
    in every process; the trie is built once per machine (simplemma caches it under the
    user cache directory, ~0.7 s the first time) and then loads in milliseconds. Both hold
    the same data, so the lemmas are the same."""
    try:
        from simplemma import lemmatize
    except ImportError:  # pragma: no cover
        return None
    try:
        from simplemma import Lemmatizer
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries import TrieDictionaryFactory

        factory = TrieDictionaryFactory()
    except Exception:  # noqa: BLE001 - no marisa-trie, or an older simplemma: the default dictionaries
        return lemmatize  # type: ignore[no-any-return]
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)).lemmatize


def warm_lemmatizer(lang: str) -> None:
    """Load the dictionaries `_lemmas` uses for lang now."""
    _lemmas("Nováková", lang)


_LOADED: set[str] = set()


def _load_dictionary(lemmatize: Callable[..., str], lg: str) -> None:
    """The first lemmatisation of a language loads (and, once per machine, builds and
    caches) its dictionary. Two worker processes may get there together: a file lock
    keeps them from writing simplemma's cache file at the same time."""
    if lg in _LOADED:
        return
    try:
        import fcntl
        import tempfile

        with open(Path(tempfile.gettempdir()) / "caseconf-simplemma.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            lemmatize("a", lang=lg)
    except (ImportError, OSError):  # no fcntl (not POSIX) or no temp directory: load unguarded
        pass
    _LOADED.add(lg)


@lru_cache(maxsize=1)
def _dictionaries() -> dict[str, object]:
    """The Czech and BCS dictionaries of simplemma (word form -> lemma), for `known_lower`.

    They are read from tries of their own in caseconf's cache directory, which need
    marisa-trie only: importing simplemma loads every language's rules (~0.1 s), and most
    sentence openers a record has ("Diskuse se …") are settled by whether the dictionary
    holds the word, with no lemmatiser. The tries are copied from simplemma's the first time
    (simplemma's data files' size and time key them, so a new simplemma copies them anew)."""
    out: dict[str, object] = {}
    for lg in ("cs", "hbs"):
        try:
            found = _word_forms(lg)
        except Exception:  # noqa: BLE001 - no marisa-trie, no simplemma, a language it lacks
            found = None
        if found is not None:
            out[lg] = found
    return out


class _WordForms:
    """A read-only view of a dictionary trie, as simplemma's trie dictionaries answer: `in`
    and `get` (the lemma)."""

    __slots__ = ("_trie",)

    def __init__(self, trie: object) -> None:
        self._trie = trie

    def __contains__(self, word: object) -> bool:
        return word in self._trie  # type: ignore[operator]

    def get(self, word: str, default: str | None = None) -> str | None:
        value = self._trie.get(word)  # type: ignore[attr-defined]
        return value[0].decode() if value else default


def _word_forms(lg: str) -> _WordForms | None:
    import importlib.util

    import marisa_trie

    spec = importlib.util.find_spec("simplemma")  # where it is, without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(next(iter(spec.submodule_search_locations))) / "strategies" / "dictionaries" / "data" / f"{lg}.plzma"
    st = data.stat()
    from .build_cache import artefact_path, drop_older

    path = artefact_path(f"words-{lg}", [str(data).encode(), f"{st.st_size}:{st.st_mtime_ns}".encode()], ".marisa")
    if not path.is_file():
        _copy_dictionary(lg, path)
        drop_older(f"words-{lg}", path)
    return _WordForms(marisa_trie.BytesTrie().mmap(str(path)))


def _copy_dictionary(lg: str, path: Path) -> None:
    """simplemma's trie of lg's dictionary, saved (atomically) at path."""
    import os

    import marisa_trie
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    lemmatize = lemmatizer()
    if lemmatize is not None:
        _load_dictionary(lemmatize, lg)  # simplemma builds its own tries under a lock, once per machine
    table = TrieDictionaryFactory().get_dictionary(lg)
    trie = getattr(table, "_trie", None)
    if not isinstance(trie, marisa_trie.BytesTrie):  # another layout: the same entries, built anew
        trie = marisa_trie.BytesTrie((word, lemma.encode()) for word, lemma in table.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    trie.save(str(partial))
    os.replace(partial, path)


@lru_cache(maxsize=100_000)
def known_lower(low: str, lang: str) -> bool:
    """A lower-case word form the Czech or BCS dictionary holds: an ordinary word."""
    dictionaries = _dictionaries()
    return any(low in dictionaries[lg] for lg in _LEMMA_LANG.get(lang, ("cs",)) if lg in dictionaries)


@lru_cache(maxsize=50_000)
def raw_lemmas(word: str, lang: str) -> tuple[str, ...]:
    """The lemmatiser's base forms as it spells them: a proper noun keeps its capital
    ("Havlíčkově" -> "Havlíčkův"), a common word is lower case ("Psychiatrické" ->
    "psychiatrický"); an unknown word comes back unchanged."""
    lemmatize = lemmatizer()
    if lemmatize is None:  # pragma: no cover
        return ()
    out = []
    for lg in _LEMMA_LANG.get(lang, ("cs",)):
        _load_dictionary(lemmatize, lg)
        try:
            lemma = lemmatize(word, lang=lg)
        except Exception:  # noqa: BLE001 - an unsupported language must not stop a scan
            continue
        if lemma and lemma not in out:
            out.append(lemma)
    return tuple(out)


@lru_cache(maxsize=50_000)
def _lemmas(word: str, lang: str) -> tuple[str, ...]:
    lemmatize = lemmatizer()
    if lemmatize is None:  # pragma: no cover
        return ()
    out = []
    for lg in _LEMMA_LANG.get(lang, ("cs",)):
        _load_dictionary(lemmatize, lg)
        try:
            lemma = lemmatize(word, lang=lg).lower()
        except Exception:  # noqa: BLE001 - an unsupported language must not stop a scan
            continue
        if lemma and lemma not in out:
            out.append(lemma)
    return tuple(out)


# Czech, Slovak and BCS pet-name suffixes, longest first
DIMINUTIVE_SUFFIXES = tuple(sorted(
    "íček ínek ínka ička inka enka ečka eček uška unka ulka ánek ánka ášek áček íčka ěnka ík ek ka ča ša ďa ťa "
    "ina ica ko ule".split(), key=len, reverse=True))
_LONG_SUFFIXES = frozenset(s for s in DIMINUTIVE_SUFFIXES if len(s) >= 3)
_DIM_ALTERNATION = {"č": "k", "š": "ch", "ž": "h", "c": "k"}  # Anička <- Anna? no: Janička <- Jan-, Terezka


@lru_cache(maxsize=1)
def _first_by_prefix() -> dict[str, str]:
    """Every start (two letters or more) of a given name of the lexicon -> one such name."""
    first = _lexicon()[0]
    out: dict[str, str] = {}
    for name in sorted(first):
        for k in range(2, len(name) + 1):
            out.setdefault(name[:k], name)
    return out


class NameContext:
    def __init__(self, allow_words: frozenset[str], lang: str) -> None:
        self.allow = allow_words
        self.lang = lang
        self.first, self.last, self.places = _lexicon()

    @lru_cache(maxsize=100_000)  # noqa: B019 - one context per scan, bounded
    def classify(self, word: str) -> tuple[str, str]:
        """('name'|'place'|'allow'|'shape'|'none', base) for a capitalised word."""
        low = word.lower()
        if low in self.allow or low in INSTITUTION_WORDS or low in TITLES:
            return "allow", low
        if low in self.first or low in self.last:
            return "name", low
        if low in self.places:
            return "place", low
        if "-" in low:  # double-barrelled: Nováková-Svobodová, Petrović-Njegoš
            parts = [self.classify(p[:1].upper() + p[1:])[0] for p in low.split("-")]
            if "name" in parts or "shape" in parts:
                return "name", low
            return "none", low
        cands = candidates(low)
        for c in cands[1:]:
            if c in self.allow or c in INSTITUTION_WORDS:
                return "allow", c
        for c in cands[1:]:
            if c in self.first or c in self.last:
                return "name", c
        for c in cands[1:]:
            if c in self.places:
                return "place", c
        shaped = SURNAME_SHAPE.search(low) is not None
        if not shaped:
            weak = _weak_places()
            for c in cands:
                if c in weak:
                    return "place", c
            return "none", low
        return "shape", low

    @lru_cache(maxsize=50_000)  # noqa: B019 - one context per scan, bounded
    def unknown_word(self, word: str) -> bool:
        """Neither dictionary of the lemmatiser knows the word (it comes back unchanged from both)."""
        return all(lemma == word for lemma in raw_lemmas(word, self.lang))

    @lru_cache(maxsize=50_000)  # noqa: B019 - one context per scan, bounded
    def common_word(self, word: str) -> bool:
        """The lemmatiser knows the capitalised word as an ordinary lower-case word
        ("Psychiatrické", "Linka", "Krajská"): no name, unless the lexicon says so."""
        low = word.lower()
        if low in self.first:
            return False
        if _COMMON_SHAPE.search(low) and not any(c in self.last for c in candidates(low)[:8]):
            return True  # "Třídní", "Pracovnice", "Sociální": the ending says so, no dictionary needed
        return self.ordinary_word(word)

    @lru_cache(maxsize=50_000)  # noqa: B019 - one context per scan, bounded
    def ordinary_word(self, word: str) -> bool:
        """The dictionaries know the word in lower case (no guess by its ending)."""
        return known_lower(word.lower(), self.lang) or any(lemma[:1].islower() for lemma in raw_lemmas(word, self.lang))

    @lru_cache(maxsize=50_000)  # noqa: B019 - one context per scan, bounded
    def adjective(self, word: str) -> bool:
        """An adjective made from an ordinary word (Modelová, Případová, Krajský), not a
        surname made from a name or an unknown stem (Nováková, Hanzlíková)."""
        low = word.lower()
        if re.search(r"[sc]k(?:ý|á|é|ého|ému|ém|ou|ých|ými)$", low):
            return True  # -ský / -cký: an adjective unless the lexicon holds the surname (checked first)
        if low.endswith("á") and known_lower(low[:-1] + "at", self.lang):
            return True  # a verb: "Uschová koordinátor" (uschovat)
        for ending in ("ového", "ovému", "ových", "ovými", "ovou", "ová", "ové", "ový", "ovým", "ském", "ská", "ský",
                       "ské", "cká", "cký", "cké", "ní", "ný", "ná"):
            if low.endswith(ending) and len(low) > len(ending) + 2:
                stem = low[: -len(ending)]
                return any(known_lower(c, self.lang) for c in (stem, stem + "a", stem + "o", stem + "e"))
        return False

    @lru_cache(maxsize=50_000)  # noqa: B019 - one context per scan, bounded
    def diminutive(self, word: str) -> str | None:
        """The given name a pet form comes from, by the Czech and Slavic diminutive suffixes
        (Honzík, Maruška, Aničku, Terka, Šimonek): the word, its case ending stripped, is a
        suffix added to the start of a name of the lexicon."""
        for cand in candidates(word.lower())[:12]:
            for suffix in DIMINUTIVE_SUFFIXES:
                if not cand.endswith(suffix):
                    continue
                stem = cand[: -len(suffix)]
                if len(stem) < 2:
                    continue
                for variant in (stem, stem[:-1] + _DIM_ALTERNATION.get(stem[-1], stem[-1])):
                    hit = _first_by_prefix().get(variant)
                    if hit is not None and (len(variant) >= 3 or suffix in _LONG_SUFFIXES):
                        return hit
        return None

    @lru_cache(maxsize=50_000)  # noqa: B019 - one context per scan, bounded
    def may_be_place(self, word: str) -> bool:
        """Some reading of the word (an inflected form stripped) is a place of the gazetteer."""
        weak = _weak_places()
        low = word.lower()
        if any(c in self.places or c in weak for c in candidates(low)):
            return True
        return not _COMMON_SHAPE.search(low) and any(lemma in self.places or lemma in weak
                                                     for lemma in _lemmas(word, self.lang))

    def classify_deep(self, word: str) -> tuple[str, str]:
        """Like classify, but also asks the lemmatiser (slower; used when context suggests a name)."""
        cls, base = self.classify(word)
        if cls != "none" or _COMMON_SHAPE.search(word.lower()):
            return cls, base
        for lemma in _lemmas(word, self.lang):
            if lemma in self.allow or lemma in INSTITUTION_WORDS:
                return "allow", lemma
            if lemma in self.places:
                return "place", lemma
            if lemma in self.first or lemma in self.last:
                return "name", lemma
        return "none", base


# words after which capitalised words name the institution or street, not a person
NAMING_WORDS = frozenset(
    """zš mš sš zuš oš jpu ošsa gymnázium gymnázia gimnazija gimnazije škola školy škole školu škole osnovna
    srednja ulice ulici ulicí ul ulica ulicu ulici nám náměstí náměstí třída tř nábřeží bulevar bul trg
    nemocnice bolnica centar dom domov klub fond nadace fondacija udruženje spolek sdružení jasle vrtić
    vrtic úřad úřadu úřadem univerzita univerzitet fakulta fakultet ppp spc ddm nno ngo ju nvo svp středisko stanica zavod
    poradna nadace azylový dům""".split()
)


STREET_AFTER = frozenset("náměstí nám třída tř nábřeží ulice ulica sad park most univerzita univerzitet "
                         "gymnázium škola škole školy nemocnice bolnica centar".split())


def _is_naming(word: str) -> bool:
    return any(c in NAMING_WORDS for c in candidates(word.lower())[:8])


def _named_after(tokens: list[tuple[int, int, str]], i: int, line: str) -> bool:
    """True when token i follows (closely) a naming word: ZŠ Komenského, ulica Njegoševa, OŠ Vuk Karadžić."""
    for back in (1, 2, 3, 4):
        j = i - back
        if j < 0:
            return False
        w = tokens[j][2]
        if _is_naming(w):
            gap = line[tokens[j][1]:tokens[i][0]]
            return not any(ch in gap for ch in ",;:()")
        if not (w[:1].isupper() or len(w) == 1):
            return False
    return False


_SLAVIC_LETTER = lazy_compile("[ěščřžýáíéůúťďňćđĚŠČŘŽÝÁÍÉŮÚŤĎŇĆĐ]")
_SLAVIC = lazy_compile(r"\b(?:u|v|s|z|k|na|se|si|je|jsme|jsou|do|od|pro|za|po|sa|kod|iz|ili|ali|da|ne|nije|"
                     r"ve|ze|ale|jako|kao|jeho|jsem|bude|bila|bilo|byl|byla|ide|sam|smo|su)\b")
_ENGLISH = lazy_compile(r"\w['’]s\b|\b(?:the|and|of|with|will|was|were|is|are|for|to|by|on|in|or|not|no|but|an|your|this|that|it|be)\b")


def _reads_english(line: str) -> bool:
    """The line reads as English, or at least not as Czech or BCS (no letter or short word of theirs)."""
    return _ENGLISH.search(line) is not None or not (_SLAVIC_LETTER.search(line) or _SLAVIC.search(line))


def _is_cap(word: str) -> bool:
    if len(word) < 2 or not word[0].isupper():
        return False
    parts = word.split("-")
    return all(p[:1].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts if p)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(s, min(e, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def find_names(text: str, allow_words: frozenset[str], lang: str = "cs",
               skip_spans: list[tuple[int, int]] | None = None) -> list[Hit]:
    if text.islower():  # no capital letter anywhere: no name
        return []
    spans = list(skip_spans or [])
    if "://" in text or "www." in text or "](" in text or "`" in text:  # what _URL can match needs one
        spans += [(m.start(), m.end()) for m in _URL.finditer(text)]
    text = _blank(text, spans)
    ctx = _context_for(allow_words, lang)
    hits: list[Hit] = []
    offset = 0
    for line in text.split("\n"):
        if not line.islower() and _may_hold_names(line, ctx):
            hits.extend(_names_in_line(line, offset, ctx))
        offset += len(line) + 1
    return hits


@lru_cache(maxsize=1)
def _cap_word() -> re.Pattern[str]:
    """A `_WORD` token that begins with an upper-case letter (every BMP letter for which
    str.isupper() holds; any non-BMP letter counts, to stay on the safe side). The pattern
    opens with that character class and checks the character before afterwards, so that
    the regex engine skips from capital to capital instead of trying every position."""
    from .build_cache import cached

    # ~65,000 characters to test: once per machine (the Python version keys the cache, and
    # with it the Unicode data that says what is upper case)
    upper = cached("capitals", [_builder_source()],
                   lambda: "".join(c for c in map(chr, range(0x10000)) if c.isupper() and c.isalpha()))
    # a capital (and a letter), not after a word character, "@", "/", "\\" or "." - as _WORD
    first = "[" + re.escape(upper) + r"\U00010000-\U0010ffff](?<=[^\W\d_])(?<![\w@/\\.].)"
    return compile_stored("(" + first + r"[^\W\d_]*" + _TOKEN_TAIL, 0)


def _may_hold_names(line: str, ctx: NameContext) -> bool:
    """False only when `_names_in_line` would find nothing: every capitalised word begins a
    sentence (or item, cell, value), is no title's object and is not a known name or surname
    shape. Such a word is never flagged on its own, and with no word flagged no neighbour is;
    the two-unknown-words rule needs a word that does not begin a sentence. Prose lines are
    mostly like this, and the check skips tokenising every word of them."""
    for m in _cap_word().finditer(line):
        start = m.start()
        if start and line[start - 1] == "-":
            return True  # inside a hyphenated word that began lower-case: let the tokeniser decide
        word = m.group(1)
        cls = ctx.classify(word)[0]
        if cls in ("name", "shape"):
            return True
        if cls == "allow":
            continue  # an institution's word (or the caller's): never flagged, nor a neighbour
        at_start = _at_start(line, start)
        if not at_start and not (cls == "place" and ctx.diminutive(word) is None):
            return True
        # a place is never flagged, nor a neighbour, unless a title or an initial stands before it (Mgr. Sluková)
        if _title_before(line, start) or _initial_before(line, start):
            return True
        if not at_start:
            continue
        if len(word) >= 4 and _SURNAME_ENDING.search(word.lower()) and ctx.unknown_word(word):
            return True  # a sentence may open with a surname no list holds
        if _start.vocative(line, start, m.end(), word, cls, ctx):
            return True  # „Mrdak, dođi kući.“
        if _start.maybe_subject_surname(word, cls) and not _start.ordinary_opener(word, cls, ctx.lang) \
                and (verb := _start.predicate_follows(line, m.end(), ctx.lang)) is not None \
                and _start.subject_surname(word, verb, cls, ctx) and not _reads_english(line):
            return True  # ... or with a surname that is its subject ("Tóth bude…")
    return False


# endings of ordinary words that no given name or surname outside the lexicon has
_COMMON_SHAPE = lazy_compile(r"(?:[čćšž]n[aeio]|[^aeiouy]ní|[^aeiouy]ný|[^aeiouy]ná|[^aeiouy]né|ost|ení|ání|ice|tel|ství|ismus|ita|"
                           r"[sc]k[áéý]|utka|átka|istka|ložka)$")


# a possessive adjective made from a surname names a street or a school ("Masarykova", "Husovo")
_POSSESSIVE = lazy_compile(r"(?:ov|in)[aouy]$|ův$")
_SURNAME_ENDING = lazy_compile(r"(?:[^aeiouyáéíóúůý](?:ák|ek|ík|ec)|ová|ský|cký|[iy]ć|ović|ević)$")
_INITIAL = lazy_compile(r"(?<![\w.])[^\W\d_]\.\s{1,2}$")


def _initial_before(line: str, start: int) -> bool:
    return start >= 3 and line[start - 4:start].rstrip()[-2:-1].isupper() and _INITIAL.search(line, max(0, start - 5), start) is not None


def _title_before(line: str, start: int) -> bool:
    """Whether the word before `start` is a title (as `_names_in_line` tests it: the two
    separated by an optional dot and one or two spaces). A token never follows a word
    character, so the letters right before the gap are that token (or, for a hyphenated
    one, its last part: never a title, while the part may be one - a harmless extra check)."""
    head = line[max(0, start - 40):start]
    word_end = len(head.rstrip())
    if not 1 <= len(head) - word_end <= 2:
        return False
    if word_end and head[word_end - 1] == ".":
        word_end -= 1
    word = _LETTERS.match(head[word_end - 1::-1]) if word_end else None  # the letters before, reversed
    return word is not None and word.group()[::-1].lower() in TITLES_ANY


_LETTERS = lazy_compile(r"[^\W\d_]+")  # as in _WORD, so the same word as the token before


@lru_cache(maxsize=32)
def _context_for(allow_words: frozenset[str], lang: str) -> NameContext:
    return NameContext(allow_words, lang)


PLACE_PREPOSITIONS = frozenset("v ve u na do z ze k ke od po při pri nad pod iz kod prema oko".split())
_CONNECTORS = frozenset("nad pod u v na".split())


def _place_tokens(tokens: list[tuple[int, int, str]], capset: set[int], line: str) -> set[int]:
    """Tokens that together name a municipality of the gazetteer in some case: "Havlíčkově
    Brodě", "Herceg Novom", "Žďáru nad Sázavou"."""
    out: set[int] = set()
    for i in sorted(capset):
        if i + 1 in capset and line[tokens[i][1]:tokens[i + 1][0]] == " ":
            if _is_phrase((tokens[i][2], tokens[i + 1][2])):
                out.update((i, i + 1))
        elif (i + 2 in capset and i + 1 < len(tokens) and tokens[i + 1][2] in _CONNECTORS
              and _is_phrase((tokens[i][2], tokens[i + 1][2], tokens[i + 2][2]))):
            out.update((i, i + 1, i + 2))
    return out


@lru_cache(maxsize=20_000)
def is_place(words: tuple[str, ...]) -> bool:
    """Whether these words name a municipality of the gazetteer (or its part), in some case."""
    if len(words) == 1:
        first, last, places = _lexicon()
        low = words[0].lower()
        cands = candidates(low)[:40]
        if len(low) == 3 and low[1] not in "aeiouyáéíóúůý" and low[0] not in "aeiouyáéíóúůý":
            cands += (low[0] + "e" + low[1],)  # the e that comes and goes: Vsi <- Ves, Psa
        return any(c in places or c in _single_places() or c in _weak_places() for c in cands)
    if len(words) == 2 or (len(words) == 3 and words[1] in _CONNECTORS):
        return _is_phrase(words)
    return False


@lru_cache(maxsize=1)  # a C-level look-up: the scan asks for it per word
def _single_places() -> frozenset[str]:
    """One-word municipalities of the gazetteer, names of people included (a village "Beneš")."""
    return _lexicon_sets()["single"]


@lru_cache(maxsize=20_000)
def _is_phrase(words: tuple[str, ...]) -> bool:
    phrases = place_phrases()
    options = [candidates(w.lower())[:40] if w[:1].isupper() else (w,) for w in words]
    if len(options) == 2:
        return any(f"{a} {b}" in phrases for a in options[0] for b in options[1])
    return any(f"{a} {options[1][0]} {c}" in phrases for a in options[0] for c in options[2])


_GAP = lazy_compile(r"\s{1,2}")
_TITLE_GAP = lazy_compile(r"\.?\s{1,2}")
_IC_END = lazy_compile(r"i[ćc]\w*$")


def _names_in_line(line: str, offset: int, ctx: NameContext) -> list[Hit]:
    words = _WORD.findall(line)
    caps = [i for i, w in enumerate(words) if w[0].isupper() and _is_cap(w)]  # only these can be names
    if not caps:
        return []
    tokens = [(*m.span(), w) for m, w in zip(_WORD.finditer(line), words)]
    capset = set(caps)
    n = len(tokens)
    flagged: dict[int, str | tuple[str, ...]] = {}
    english: bool | None = None
    in_place = _place_tokens(tokens, capset, line)
    for i in caps:
        if i in in_place:
            continue
        s, e, w = tokens[i]
        prev = tokens[i - 1] if i else None
        between = line[prev[1]:s] if prev else line[:s]
        at_start = _at_start(line, s)
        titled = prev is not None and prev[2].lower() in TITLES_ANY and _TITLE_GAP.fullmatch(between or " ") is not None
        # an initial: "J. Nováková", "M. Svobodovou" (one capital letter and a dot right before)
        # (M, F and D are also the records' role codes: "… řekla M. Škola …" needs a word that is no common one)
        initialled = (prev is not None and len(prev[2]) == 1 and prev[2].isupper() and between in (". ", ".  ")
                      and (prev[2] not in "MFD" or not ctx.common_word(w)))
        cls, base = ctx.classify(w)
        if cls == "allow" or (cls == "place" and not (titled or initialled)):
            continue  # after a title or an initial a village's name is a surname (Mgr. Sluková)
        if prev is not None and prev[2] in PLACE_PREPOSITIONS and ctx.may_be_place(w):
            continue  # "v Jihlavě", "u Beranama": the place reading wins after a preposition of place
        if w.lower() in NOT_NAMES and not (prev is not None and prev[2].lower() in TITLES_ANY):
            continue
        if _named_after(tokens, i, line):
            continue
        nxt0 = tokens[i + 1][2].lower() if i + 1 < n else ""
        if nxt0 in STREET_AFTER and _GAP.fullmatch(line[e:tokens[i + 1][0]]):
            continue  # Masarykovo náměstí, Husova třída
        nxt = tokens[i + 1] if i + 1 < n else None
        next_cap = nxt is not None and (i + 1) in capset and _GAP.fullmatch(line[e:nxt[0]]) is not None
        prev_cap = prev is not None and (i - 1) in capset and _GAP.fullmatch(between) is not None
        if cls == "none" and not at_start:
            if not (titled or initialled or next_cap or prev_cap) and _COMMON_SHAPE.search(w.lower()):
                continue  # "Třídní", "Pracovnice": an adjective or a role noun by its ending
            cls, base = ctx.classify_deep(w)
            if cls in ("allow", "place"):
                continue
        if cls == "none" and ctx.diminutive(w) is not None and not ctx.common_word(w):
            cls, base = "dim", ctx.diminutive(w)
        low = w.lower()
        is_name = False
        if titled or initialled:
            is_name = True
        elif cls == "name":
            if not at_start:
                is_name = True
            else:
                # sentence start: trust first names unless they double as common words, and
                # surnames when a capitalised neighbour backs them up or no ordinary word reads so
                is_name = (base in ctx.first and low not in COMMON_AT_START) or (
                    next_cap and ctx.classify(nxt[2])[0] in ("name", "shape")) or (
                    base in ctx.last and not ctx.common_word(w) and low not in COMMON_AT_START
                    and not _POSSESSIVE.search(low))
        elif cls == "dim":
            is_name = not at_start or (next_cap and ctx.classify(nxt[2])[0] in ("name", "shape"))
        elif cls == "shape":
            if _IC_END.search(low) and ("ić" in low):
                is_name = True
            else:
                is_name = not at_start or (next_cap and ctx.classify(nxt[2])[0] in ("name", "shape")) or (
                    not ctx.adjective(w) and not ctx.common_word(w))
        elif cls == "none" and at_start:
            # a sentence that opens with a word no dictionary knows, shaped like a Czech or BCS
            # surname, nor a place or institution: a name ("Hanzlík se omluvil"); a role noun
            # the dictionaries miss ("Facilitátorka", "Voditeljka") has no surname ending
            is_name = (len(w) >= 4 and _SURNAME_ENDING.search(low) is not None and ctx.unknown_word(w)
                       and not ctx.adjective(w) and not ctx.may_be_place(w) and not _is_naming(w))
        elif cls == "none" and not at_start:
            if prev_cap and i in flagged:
                is_name = True
            elif len(w) >= 3 and not ctx.common_word(w) and not _is_naming(w) and not ctx.adjective(w):
                # a capital inside a sentence that no dictionary knows as an ordinary word,
                # place or institution: a name the lexicon does not hold (Izolda, Ludivoj,
                # "Oskarovi"). An ASCII word counts only in a line that reads as Czech or BCS
                # and not as English (product names in English text: "Vendored Decap CMS")
                if english is None:
                    english = _ENGLISH.search(line) is not None or not (_SLAVIC_LETTER.search(line)
                                                                        or _SLAVIC.search(line))
                is_name = not (english and w.isascii())
                # the allow list may name any base form: the lemma or a form the endings give
                base = tuple(dict.fromkeys((*_lemmas(w, ctx.lang), *candidates(low)[:16])))
        if not is_name and at_start and _start.vocative(line, s, e, w, cls, ctx):
            is_name = True
            if cls == "none":
                base = tuple(dict.fromkeys((*_lemmas(w, ctx.lang), *candidates(low)[:16])))
        if not is_name and at_start and _start.maybe_subject_surname(w, cls) and not _start.ordinary_opener(w, cls, ctx.lang) \
                and (verb := _start.predicate_follows(line, e, ctx.lang)) is not None \
                and _start.subject_surname(w, verb, cls, ctx) and not _reads_english(line):  # no verb test for English
            is_name = True
            if cls == "none":  # the allow list may name any base form: the lemma or a form the endings give
                base = tuple(dict.fromkeys((*_lemmas(w, ctx.lang), *candidates(low)[:16])))
        if is_name:
            flagged[i] = base
            # a capitalised neighbour of a name that is not an institution/place is a name too
            if prev_cap and (i - 1) not in flagged:
                prev_start = _at_start(line, prev[0])
                pcls, pbase = (ctx.classify if prev_start else ctx.classify_deep)(prev[2])
                if pcls in ("name", "shape", "none") and prev[2].lower() not in TITLES_ANY:
                    if pcls != "none" or not prev_start:
                        flagged[i - 1] = pbase
    _surname_in_capitals(tokens, capset, line, ctx, flagged)
    # two adjacent capitalised unknown words outside sentence start
    for i in caps:
        if i + 1 not in capset or i in flagged or i + 1 in flagged or i in in_place or i + 1 in in_place:
            continue
        s, e, w = tokens[i]
        s2, e2, w2 = tokens[i + 1]
        if line[e:s2] != " ":
            continue
        if _at_start(line, s) or _named_after(tokens, i, line) or _is_naming(w):
            continue
        c1 = ctx.classify_deep(w)
        c2 = ctx.classify_deep(w2)
        if c1[0] in ("allow", "place") or c2[0] in ("allow", "place"):
            continue
        if len(w) < 3 or len(w2) < 3:
            continue
        if english is None:
            english = _ENGLISH.search(line) is not None
        if english and (w + w2).isascii():
            continue  # English title case: "Family Group Conference", "Case Manager"
        flagged[i] = c1[1]
        flagged[i + 1] = c2[1]
    hits = []
    for i in sorted(flagged):
        s, e, w = tokens[i]
        base = flagged[i]
        hits.append(Hit("name", offset + s, offset + e, w, base if isinstance(base, tuple) else (base,)))
    return hits


def _surname_in_capitals(tokens: list[tuple[int, int, str]], capset: set[int], line: str, ctx: NameContext,
                         flagged: dict[int, str | tuple[str, ...]]) -> None:
    """Registers and lists of attendees: "MARKOVIĆ Luka", "NOVÁKOVÁ Jana" (surname first, in capitals)."""
    for i, (_s, e, w) in enumerate(tokens[:-1]):
        if len(w) < 3 or not w.isupper() or i + 1 not in capset or line[e:tokens[i + 1][0]] != " ":
            continue
        low = w.lower()
        if low in ctx.allow or low in INSTITUTION_WORDS or _is_naming(w):
            continue
        title = w[0] + low[1:]
        given = tokens[i + 1][2]
        if ctx.classify(title)[0] in ("name", "shape") or ctx.classify(given)[0] == "name" \
                or ctx.diminutive(given) is not None:
            flagged.setdefault(i, low)
            flagged.setdefault(i + 1, given.lower())
