"""Sentence openers: when a capitalised word that begins a sentence is a surname.

Every sentence begins with a capital, so the capital says nothing there; these rules ask
for other evidence - the verb right after the word (a surname is the subject of its
sentence: "Tóth se omluvil", "Mrdak smatra…"), the word's ending, what the dictionaries
know of it - or a name called in reported speech („Mrdak, dođi kući.“). names.py asks
them for the words it cannot decide by the lexicon.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from . import names as _n  # names imports this module: its functions are looked up at call time
from .lazy_re import lazy_compile

if TYPE_CHECKING:
    from .names import NameContext


# What follows the subject of a sentence: auxiliaries, clitics and the commonest short verbs
# (cs, sk, BCS); any other verb is recognised by its lemma (an infinitive) or its form.
_PREDICATE_WORDS = frozenset(
    """se si je jsou jsem jsme jste byl byla bylo byli byly bude budou by bych není nejsou nebyl nebyla nebylo
    nebude má mají měl měla měli nemá nemají může mohl mohla musí musel musela chce chtěl chtěla
    su sam smo ste bio bila bilo bili bile će ću ćemo ćete bi nije nisu nisam ima imaju nema treba može mora
    želi hoće neće""".split())
# words that may stand between a subject and its verb ("Nováková také podpořila", "Lekić već zna")
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    """také též taky rovněž už již dnes včera zítra opět znovu ještě nikdy vždy často pak potom prý sám sama
    takođe također isto već danas juče jučer sutra opet ponovo uvijek često onda potom""".split())
_COPULA = frozenset("je jsou byl byla bylo byli byly bude budou by není nejsou nebyl nebyla nebude su bio bila bilo bili će bi nije nisu".split())
_INFINITIVE = lazy_compile(r"(?:[aáěiíuůýr]t|ti|ci|ct|ći)$")  # not -yt, -ot, -et: nouns (pobyt, život, počet)
_L_PARTICIPLE = lazy_compile(r"(?:[aeiyáéíěu]l[aoiy]?|[aeiu]o)$")  # souhlasila, kontaktovala, izvinio, došao
# the infinitive endings of Czech, Slovak and BCS verbs (-ovat, -nout, -it, -et, -ět, -at, -ít,
# -ti, -ći), as a capitalised word opening a sentence ends; a surname outside the lexicon that
# ends so (a Horvat) is still found by the lexicon, a title, an initial or its neighbour
_INFINITIVE_AT_START = lazy_compile(r"(?:ovat|nout|[iyeěaáíuů]t|ti|ci|ći)$")
_NEXT_TWO = lazy_compile(r" ([^\W\d_]+)(?: ([^\W\d_]+))?")
# endings of words a sentence opens with that are no surname: role and agent nouns
# (Facilitátorka, Koordinator, Sazivačica, Zapisničar, Metodik, Pěstoun), abstract nouns
# (Evaluacija, Savjetovalište, Mediace), adverbs (Společně, Ideálně, Zpočátku), verbs
# (Utvrđuje), plurals and pronouns (Některé, Všichni, Účastníci) - the dictionaries miss
# many of them, and a surname in the nominative hardly ever ends so
_NOT_SURNAME_AT_START = lazy_compile(
    r"(?:[aái]tor|[aái]torka|tel|telka|telj|teljka|teljica|[čc]ar|[čc]arka|[aá]č|a[čc]ica|ačice|ik|ník|nik|"
    r"ice|nica|nika|kyně|kinja|inja|istka|ista|log|ložka|ožka|oun|ounka|ent|entka|ant|antka|ér|érka|ař|ařka|ářka|"
    r"ij[aeu]|cij[aeu]|ište|iště|išta|ost|ství|stvo|ení|ání|ně|ě|em|om|uje|uju|ije|aje|ají|ují|ho|ve|ace|ance|ence|[aeě]cí|ící|u|é|i)$")
# a surname's own endings: -ová, -ský (an adjective no dictionary knows), -ić / -ović / -ević,
# -ák / -ek / -ík / -ec / -ček after a consonant, and the adjectival -ý / -á (Veselý, Kožená)
_STRONG_SURNAME = lazy_compile(r"(?:ov[áé]|ovou|[sc]k[ýá]|[iy]ć|[^aeiouyáéíóúůý](?:ák|ek|ík|ec)|ý|á)$")


@lru_cache(maxsize=50_000)
def _verb_form(word: str, lang: str) -> bool:
    """A finite verb or a participle (lower case): its lemma is an infinitive, or no dictionary
    knows it and it has an l-participle's ending."""
    if word in _PREDICATE_WORDS:
        return True
    if len(word) < 3:
        return False
    if _own_lemma(word, lang):  # (asked first: the dictionaries need no lemmatiser)
        return False  # a dictionary's base form itself: a noun ("broj", "cíl") more often than a verb
    lemmas = _n._lemmas(word, lang)
    if any(lemma != word and _INFINITIVE.search(lemma) for lemma in lemmas):
        return True
    return _L_PARTICIPLE.search(word) is not None and all(lemma == word for lemma in lemmas)


def _own_lemma(word: str, lang: str) -> bool:
    """A dictionary holds the (lower-case) word as a form whose lemma is the word itself."""
    dictionaries = _n._dictionaries()
    for lg in _n._LEMMA_LANG.get(lang, ("cs",)):
        table = dictionaries.get(lg)
        if table is not None and table.get(word) == word:  # type: ignore[attr-defined]
            return True
    return False


def predicate_follows(line: str, end: int, lang: str) -> str | None:
    """The verb right after `end` (or after an adverb such as "také"), if there is one: the
    capitalised word that ends at `end` is then the subject of its sentence."""
    m = _NEXT_TWO.match(line, end)
    if m is None:
        return None
    for word in m.groups():
        if word is None or not word.islower():
            return None
        if _verb_form(word, lang):
            return word
        if word not in _BETWEEN_SUBJECT_AND_VERB:
            return None
    return None


_OPENING_QUOTE = frozenset("„“\"'‚«»")


def vocative(line: str, start: int, end: int, word: str, cls: str, ctx: NameContext) -> bool:
    """Someone called by name in reported speech: a quote opens, the word, a comma
    („Mrdak, dođi kući.“, „Kolovratová, pojď domů.“). A word the dictionaries know
    („Mami,“, „Ano,“, „Dobře,“), an institution or a place is no name."""
    if line[end:end + 1] != "," or len(word) < 3 or cls in ("allow", "place"):
        return False
    before = line[:start].rstrip()
    if not before or before[-1] not in _OPENING_QUOTE:
        return False
    low = word.lower()
    if low in _n.COMMON_AT_START or low in _n.NOT_NAMES or low in _n.TITLES_ANY or _n._is_naming(word):
        return False
    if cls in ("name", "shape"):
        return not ctx.ordinary_word(word) or low in ctx.first or low in ctx.last
    if _n._COMMON_SHAPE.search(low) or _INFINITIVE.search(low):
        return False  # an abstract noun, an adjective or a verb ("Zhodnotit, co…"): no dictionary needed
    # (a vocative ends as names do, -e, -i, -o, -u: the endings of _NOT_SURNAME_AT_START do not apply)
    return not ctx.ordinary_word(word) and not ctx.may_be_place(word) and not _n._reads_english(line)


def _feminine_of_role(low: str, lang: str) -> bool:
    """A feminine noun made with -ka from a masculine one that is a role or an ordinary word:
    Ljekarka (ljekar), Metodička (metodik), Svolavatelka (svolavatel)."""
    if not low.endswith("ka") or len(low) < 6:
        return False
    masculine = low[:-2]
    if masculine.endswith("č"):
        masculine = masculine[:-1] + "k"
    return _NOT_SURNAME_AT_START.search(masculine) is not None or _n.known_lower(masculine, lang)


def maybe_subject_surname(word: str, cls: str) -> bool:
    """What _subject_surname can tell without a dictionary: False when it would say False
    whatever the verb (so that a line of ordinary sentences loads no lemmatiser)."""
    low = word.lower()
    if cls in ("allow", "place") or len(low) < 4 or low in _n.COMMON_AT_START or low in _n.NOT_NAMES:
        return False
    if _n._is_naming(word) or low in _n.TITLES_ANY:
        return False
    if cls in ("name", "shape") or low.endswith(("ová", "ovou", "ský", "ská", "cký", "cká")):
        return True
    if _INFINITIVE_AT_START.search(low):
        # a sentence that opens with an infinitive (a goal: "Sjednotit informace …", "Zajistit,
        # aby …") has no subject; asking the dictionaries whether the next word is a verb would
        # load the lemmatiser (a quarter of a second) for a word the lexicon does not hold
        return False
    return not (_NOT_SURNAME_AT_START.search(low) or _n._COMMON_SHAPE.search(low))


def ordinary_opener(word: str, cls: str, lang: str) -> bool:
    """True when subject_surname says False whatever the verb, by the dictionaries alone: the
    word is no surname of the lexicon nor an -ová form, and a dictionary holds it in lower
    case ("Diskuse", "Rodiče"). Asked before looking for the verb, whose forms need the
    lemmatiser (a quarter of a second to load, in a commit hook)."""
    low = word.lower()
    return cls != "name" and not low.endswith(("ová", "ovou")) and _n.known_lower(low, lang)


def subject_surname(word: str, verb: str, cls: str, ctx: NameContext) -> bool:
    """A capitalised word opening a sentence whose verb follows it: is it a surname?

    Sentence start alone proves nothing (every sentence has a capital), so this asks what else
    the word could be, and needs positive evidence that it is a surname. An ordinary word the
    dictionaries know (Škola, Každý, Rodina), an institution, place or role, or a word with
    the ending of a role noun, an abstract noun, an adverb or a verb is no name. A surname of
    the lexicon is (Svoboda souhlasila), and so is a word no dictionary knows that ends as
    surnames do (-ová, -ský, -ić, -ák/-ek/-ík/-ec, -ý/-á before a verb that is no copula:
    "Důležitá je…" is an adjective before its copula)."""
    low = word.lower()
    if cls in ("allow", "place") or len(low) < 4 or low in _n.COMMON_AT_START or low in _n.NOT_NAMES:
        return False
    if _n._is_naming(word) or low in _n.TITLES_ANY:
        return False
    if cls == "name":  # a surname of the lexicon as it stands (Svoboda), or inflected when no ordinary word reads so
        return low in ctx.last or (not ctx.ordinary_word(word) and any(c in ctx.last for c in _n.candidates(low)[:8]))
    if cls != "shape" and _INFINITIVE_AT_START.search(low):
        return False  # an infinitive opens the sentence (see maybe_subject_surname)
    if low.endswith(("ová", "ovou")) and (verb not in _COPULA or not ctx.ordinary_word(word)):
        return True  # "Kuželová souhlasila": an adjective in -ová opens no sentence with its verb right after
    if ctx.ordinary_word(word) or ctx.may_be_place(word):
        return False
    if low.endswith(("ský", "ská", "cký", "cká")):
        return verb not in _COPULA  # no dictionary knows it as an adjective: Čelakovská přišla
    if ctx.adjective(word):
        return False
    if cls == "shape":
        return _NOT_SURNAME_AT_START.search(low) is None or _n.SURNAME_SHAPE.search(low) is not None
    if _NOT_SURNAME_AT_START.search(low) or _n._COMMON_SHAPE.search(low) or _feminine_of_role(low, ctx.lang):
        return False
    if any(lemma != word and lemma[:1].isupper() for lemma in _n.raw_lemmas(word, ctx.lang)):
        return True  # a proper noun of the dictionaries that names no place (Zelenka -> Zelenková)
    if low.endswith(("ý", "á")):
        return verb not in _COPULA
    # a word no dictionary knows, with no ending of a role, an abstract noun, an adverb or a
    # verb, as the subject of its verb: a surname from elsewhere (Tóth, Hrabal, Mrdak)
    return ctx.unknown_word(word)
