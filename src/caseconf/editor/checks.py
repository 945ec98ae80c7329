"""The form's own checks, generated from the project's registries at site build (issue 17).

The browser cannot run the Python checker, so the site build hands it *data*: the shape of
every record (from the pydantic models: which keys are required at which depth, closed
vocabularies, patterns, limits), the codes, severities and messages of the checks (from the
rules registry and the personal-data code registry, in the team's language), and what the
personal-data detectors look for (their lexicon of names; the patterns and checksums are
ported once in `static/checks.js`). `static/checks.js` evaluates that data before a save.

Which codes the browser evaluates is declared here (`BROWSER_CODES`); every other code of
the registries is listed as `ci_only`: a warning or note that needs the whole case's
history, the calendar or the file system, or an error the form cannot produce (each with
its reason in `CI_ONLY_WHY`), so only `caseconf check`/`caseconf pii` on the pull request
judges it. `tests/editor/test_properties.py` checks the promise: whatever the browser
accepts passes both. `tests/editor/test_parity.py` runs both sides on the whole test
corpus and compares findings for the codes the browser claims; new codes from the
registries land in `ci_only` automatically until someone ports them.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import AfterValidator, BaseModel

from ..records.models import SCHEMAS, TeamConfig
from .config import _unwrap, _vocabulary_of as vocabulary_of  # one reading of a field's annotation

# Codes `static/checks.js` implements with the same meaning as the Python side. (PLAN004 left
# for CI when issue 22 made it read attendance, the child's part and `accepted_in_writing`.)
BROWSER_RULES = frozenset({
    "SCHEMA001", "SCHEMA002", "SCHEMA003", "SCHEMA004", "SCHEMA005",
    "PLAN001", "PLAN002", "PLAN003", "PLAN005", "PLAN006", "PLAN007", "PLAN008", "PLAN009",
    "PLAN010", "PLAN011", "PLAN004", "REV001", "REV003", "REV004", "REV007", "SUPP002", "CASE005",
    "CONF001", "CONF008", "CONF009", "CONF012", "CONF013",
    "FILE005", "FILE006", "FILE007", "FILE008", "FILE012", "FILE013", "FILE014",
    "FILE016", "FILE017", "FILE018",
    "CASE001", "CASE002", "CASE003", "CASE006", "ACT001", "ACT002",
    "YAML007", "YAML008", "FILE009", "FILE011",
})
# Personal-data codes that are no detector's: an allow-pii marker without a reason.
BROWSER_PII_CODES = frozenset({"PII010"})
# Personal-data kinds the browser looks for (detector ports in checks.js).
BROWSER_PII_KINDS = frozenset({"birth_number", "jmbg", "email", "phone", "bank_account", "name", "birth_date",
                               "address"})

# Why the form does not judge an error of the registries itself: it cannot produce it. Each
# reason is the form's construction (tests/editor/test_properties.py checks the property
# that matters: a record the browser accepts passes `caseconf check` and `caseconf pii`).
CI_ONLY_WHY: dict[str, str] = {
    "CASE004": "The form never creates, moves or deletes case.yml; a case folder without one fails CI "
               "whatever a record saved into it says.",
    "CFG005": "caseconf.yml is not edited by the form.",
    "FILE001": "The form writes JavaScript text, which Decap saves as UTF-8.",
    "FILE002": "Every record the form writes holds its required keys, so the file is never empty.",
    "FILE003": "format.js always writes the front matter between its --- lines; form.js refuses a text "
               "that does not read back (formats.loadable) before the save.",
    "FILE004": "The record is a mapping by construction (a form is a set of fields); loadable() checks it.",
    "FILE010": "The file's path comes from the collection's folder and slug, inside records/.",
    "PII012": "The form does not write the personal-data allowlist file.",
    "YAML001": "format.js writes YAML with the `yaml` library and form.js refuses a text the library "
               "cannot read back (formats.loadable).",
    "YAML002": "A form's record is a JavaScript object: a key cannot occur twice; loadable() refuses a "
               "text with a duplicate key all the same.",
    "YAML003": "The form writes no anchors or aliases; loadable() refuses a text that holds one.",
    "YAML004": "The form writes no tags; loadable() refuses a text that holds one.",
    "YAML005": "The form's fields nest far less deep than the loader's limit (schema depth, see "
               "test_properties.py); loadable() refuses a deeper text.",
    "YAML006": "The form writes no merge keys (<<); loadable() refuses a text that holds one.",
}

SCHEMA_NAMES = ("conference", "case", "activity")


def schema_tree(model: type[BaseModel], context: dict[str, Any]) -> dict[str, Any]:
    """A plain-data description of a model: what checks.js validates against."""
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        node = _type_node(info.annotation, list(getattr(info, "metadata", []) or []), context)
        node["required"] = bool(info.is_required())
        fields[key] = node
    return {"type": "object", "fields": fields}


def _type_node(annotation: Any, meta: list[Any], context: dict[str, Any]) -> dict[str, Any]:
    tp, nullable, more = _unwrap(annotation)
    meta = meta + more
    origin = typing.get_origin(tp)
    node: dict[str, Any]
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        node = schema_tree(tp, context)
    elif origin in (list, set, frozenset):
        (item,) = typing.get_args(tp)[:1] or (str,)
        node = {"type": "list", "item": _type_node(item, [], context)}
    elif origin is tuple:
        node = {"type": "list", "item": _type_node(typing.get_args(tp)[0], [], context)}
    elif origin is dict:
        node = {"type": "map"}
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        node = {"type": "enum", "values": [m.value for m in tp]}
    elif origin is Literal:
        node = {"type": "enum", "values": [str(v) for v in typing.get_args(tp)]}
    elif tp is bool:
        node = {"type": "bool"}
    elif tp is int or tp is float:
        node = {"type": "int" if tp is int else "number"}
        for m in meta:
            if getattr(m, "ge", None) is not None:
                node["min"] = m.ge
            if getattr(m, "le", None) is not None:
                node["max"] = m.le
    elif tp is dt.date:
        node = {"type": "date"}
    else:
        node = {"type": "string"}
        for m in meta:
            if getattr(m, "pattern", None):
                node["pattern"] = m.pattern
            if getattr(m, "min_length", None):
                node["min_length"] = m.min_length
            if isinstance(m, AfterValidator):
                vocab = vocabulary_of(m)
                if vocab is not None:
                    key, everything = vocab
                    allowed = context.get(key) or set(everything)
                    node["vocabulary"] = sorted(allowed)
    node["nullable"] = nullable
    return node


def registry_codes(lang: str) -> dict[str, dict[str, Any]]:
    """Every code of both registries: severity, message template, kinds it applies to."""
    from ..rules.registry import all_rules

    out: dict[str, dict[str, Any]] = {}
    for rule in all_rules():
        out[rule.code] = {
            "severity": rule.severity,
            "message": rule.message.get(lang) or rule.message["en"],
            "summary": rule.summary.get(lang) or rule.summary["en"],
            "kinds": sorted(str(getattr(k, "value", k)) for k in rule.kinds),
            "scope": rule.scope,
        }
    for code in _pii_codes():
        out[code.code] = {"severity": code.severity, "summary": code.summary.get(lang) or code.summary["en"],
                          "message": code.summary.get(lang) or code.summary["en"], "kind": code.kind,
                          "scope": "pii"}
    return out


def _pii_codes() -> tuple[Any, ...]:
    from ..pii import codes

    return tuple(codes.all_codes())


def browser_codes(codes: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(codes the browser evaluates, codes only CI can evaluate)."""
    supported, ci_only = [], []
    for code, entry in sorted(codes.items()):
        if code in BROWSER_RULES or code in BROWSER_PII_CODES or (
                entry.get("scope") == "pii" and entry.get("kind") in BROWSER_PII_KINDS):
            supported.append(code)
        else:
            ci_only.append(code)
    return supported, ci_only


def pii_data(config: TeamConfig | None) -> dict[str, Any]:
    # The guard's own tables, read where they live, so that a change there reaches the form.
    core = _pii_module("core")
    normalize = _pii_module("normalize")

    allow = list(config.pii_allow_words()) if config is not None else []
    return {
        "allow_words": allow,
        "regions": list(_phone_regions()),
        "national_prefix": _national_prefixes(),
        "priority": list(getattr(core, "PRIORITY", ())),
        "cyrillic": dict(getattr(normalize, "_CYR", {})),
        "messages": _pii_messages(config.language.value if config is not None else "cs"),
        "birth_date": _birth_date_patterns(),
        "numbers": _number_patterns(),
        "address": address_data(),
        "name_rules": name_rules(),
    }


# Python's "a letter" ([^\W\d_]: alphanumeric, no decimal digit, no underscore) in JavaScript
_PY_LETTER = "[^\\W\\d_]"
_JS_LETTER = "[\\p{L}\\p{Nl}\\p{No}]"


def _js(rx: re.Pattern[str] | str) -> str:
    pattern = rx if isinstance(rx, str) else rx.pattern
    return js_regex(pattern.replace(_PY_LETTER, _JS_LETTER))


def name_rules() -> dict[str, Any]:
    """PII008: the name detector's word lists and expressions (caseconf.pii.names and
    sentence_start), read where they live, so that checks.js runs the Python detector's
    steps on the Python detector's data. The lemmatiser's dictionaries (simplemma, ~1 M word
    forms) are not handed over; checks.js decides without them, on the stricter side."""
    names = _pii_module("names")
    start = _pii_module("sentence_start")
    if not hasattr(names, "_names_in_line") or not hasattr(start, "subject_surname"):
        return {}
    first, last, places = names._lexicon()
    words = {key: sorted(getattr(mod, attr)) for key, mod, attr in (
        ("titles", names, "TITLES"), ("titles_any", names, "TITLES_ANY"), ("institutions", names, "INSTITUTION_WORDS"),
        ("common_at_start", names, "COMMON_AT_START"), ("not_names", names, "NOT_NAMES"),
        ("naming", names, "NAMING_WORDS"), ("street_after", names, "STREET_AFTER"),
        ("place_prepositions", names, "PLACE_PREPOSITIONS"), ("connectors", names, "_CONNECTORS"),
        ("predicate_words", start, "_PREDICATE_WORDS"), ("between_subject_and_verb", start, "_BETWEEN_SUBJECT_AND_VERB"),
        ("copula", start, "_COPULA"), ("opening_quote", start, "_OPENING_QUOTE"), ("long_suffixes", names, "_LONG_SUFFIXES"))}
    expressions = {key: _js(getattr(mod, attr)) for key, mod, attr in (
        ("surname_shape", names, "SURNAME_SHAPE"), ("common_shape", names, "_COMMON_SHAPE"),
        ("possessive", names, "_POSSESSIVE"), ("surname_ending", names, "_SURNAME_ENDING"),
        ("initial", names, "_INITIAL"), ("slavic_letter", names, "_SLAVIC_LETTER"), ("slavic", names, "_SLAVIC"),
        ("english", names, "_ENGLISH"), ("url", names, "_URL"), ("ic_end", names, "_IC_END"),
        ("infinitive", start, "_INFINITIVE"), ("l_participle", start, "_L_PARTICIPLE"),
        ("not_surname_at_start", start, "_NOT_SURNAME_AT_START"))}
    return {
        **words, **expressions,
        "first": sorted(first), "last": sorted(last), "places": sorted(places),
        "weak_places": sorted(names._weak_places()),
        "starters": names._STARTERS if isinstance(names._STARTERS, str) else "".join(sorted(names._STARTERS)),
        "diminutive_suffixes": list(names.DIMINUTIVE_SUFFIXES), "dim_alternation": dict(names._DIM_ALTERNATION),
        "stems": {"endings": list(names.ENDINGS), "replacements": list(names.REPLACEMENTS),
                  "alternations": list(names.ALTERNATIONS.items())},
        "lexical": lexical_facts(),
    }


# What the name detector asks the lemmatiser's dictionaries about a word, as one letter each
# (checks.js reads them by these letters): unknown to both dictionaries, an ordinary word,
# its lemma a proper noun, an adjective, its lemma a place, known in lower case, a verb
# form, its lemma an institution or a place (classify_deep).
LEXICAL_FLAGS = "uopalkvd"
LEXICAL_FILE = resources.files("caseconf.editor") / "lexical_facts.txt"
_LATIN_WORD = re.compile(r"^[a-záčďéěíňóřšťúůýžćđäöüĺľŕô]+$")


def lexical_words() -> list[str]:
    """The word forms of the dictionaries the browser gets Python's answers for: every base
    form (lemma) of Czech and BCS in Latin letters, the words a sentence mostly opens with,
    every form of a place's name, and every form with a surname's ending (-ák, -ek, -ová,
    -ský, -ić ...). ~60 000 words:
    the whole dictionaries (~610 000 forms, 7 MB) are too big for the form."""
    names = _pii_module("names")
    _, _, places = names._lexicon()
    places = places | names._weak_places()
    out: set[str] = set()

    def place_form(low: str, lemma: str) -> bool:  # a place's form the stemmer does not reduce to the place ("Praze")
        return lemma.lower() in places and not any(c in places for c in names.candidates(low))

    for table in names._dictionaries().values():
        for form in table.keys():  # type: ignore[attr-defined]
            lemma = table[form]  # type: ignore[index]
            if _LATIN_WORD.match(form) and (lemma == form or place_form(form, lemma)
                                            or (len(form) >= 4 and names._SURNAME_ENDING.search(form))):
                out.add(form)
            elif form[:1].isupper() and _LATIN_WORD.match(form.lower()) and place_form(form.lower(), lemma):
                out.add(form.lower())  # the dictionaries spell a place's forms with a capital
    return sorted(out)


def verb_suffixes() -> list[str]:
    """The last four letters (the word, when shorter) of every form the dictionaries give an
    infinitive as its lemma: a word whose ending is none of these is no verb form they hold
    (sentence_start._verb_form then asks only its shape)."""
    names = _pii_module("names")
    start = _pii_module("sentence_start")
    out: set[str] = set()
    for table in names._dictionaries().values():
        for form in table.keys():  # type: ignore[attr-defined]
            lemma = table[form]  # type: ignore[index]
            if len(form) >= 3 and lemma != form and _LATIN_WORD.match(form) and start._INFINITIVE.search(lemma.lower()):
                out.add(form[-4:])
    return sorted(out)


_PARTICIPLE_END = re.compile(r"^(.+?)(l|la|lo|li|ly|le|o)$")


def participles() -> dict[str, list[str]]:
    """Every form of a verb the dictionaries hold that ends as a participle does ("utekl",
    "myslela", "izvinio", "dogovoreno": an ordinary word), as its stem and endings."""
    names = _pii_module("names")
    start = _pii_module("sentence_start")
    out: dict[str, set[str]] = {}
    for table in names._dictionaries().values():
        for form in table.keys():  # type: ignore[attr-defined]
            lemma = table[form]  # type: ignore[index]
            if _LATIN_WORD.match(form) and lemma != form and start._INFINITIVE.search(lemma.lower()) \
                    and (m := _PARTICIPLE_END.match(form)):
                out.setdefault(m.group(1), set()).add(m.group(2))
    return {stem: sorted(ends) for stem, ends in sorted(out.items())}


def lexical_flags(low: str) -> str:
    """The letters of LEXICAL_FLAGS that hold for a lower-case word (asked of its capitalised
    form, as it stands in a text at a sentence's start), by the detector's own functions."""
    names, start = _pii_module("names"), _pii_module("sentence_start")
    ctx = names._context_for(frozenset(), "cs")
    word = low[:1].upper() + low[1:]
    lemmas = names._lemmas(word, "cs")
    facts = {
        "u": ctx.unknown_word(word), "o": ctx.ordinary_word(word),
        "p": any(lemma != word and lemma[:1].isupper() for lemma in names.raw_lemmas(word, "cs")),
        "a": ctx.adjective(word),
        "l": any(lemma in ctx.places or lemma in names._weak_places() for lemma in lemmas),
        "k": names.known_lower(low, "cs"), "v": start._verb_form(low, "cs"),
        "d": ctx.classify(word)[0] == "none" and ctx.classify_deep(word)[0] in ("allow", "place"),
    }
    return "".join(flag for flag in LEXICAL_FLAGS if facts[flag])


_COMMON_FLAGS = "ok"  # most words: an ordinary word, known in lower case (written as the word alone)


def write_lexical_facts(path: Any = None) -> int:
    """Regenerate lexical_facts.txt (`python -m caseconf.editor.checks`): one word a line,
    with its flags after a tab when they are not the common "ok"."""
    lines = ["# generated by `python -m caseconf.editor.checks` from simplemma's dictionaries and "
             "caseconf.pii.names - do not edit by hand"]
    for low in lexical_words():
        flags = lexical_flags(low)
        lines.append(low if flags == _COMMON_FLAGS else f"{low}\t{flags}")
    lines += [f"~{suffix}" for suffix in verb_suffixes()]
    lines += [f"={stem}:{','.join(ends)}" for stem, ends in participles().items()]
    Path(path or str(LEXICAL_FILE)).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


@lru_cache(maxsize=1)
def lexical_facts() -> dict[str, str]:
    """lexical_facts.txt as {flags: "word word ..."}, the verb suffixes under "~", the
    l-participles under "=" (what checks.js decodes)."""
    try:
        text = LEXICAL_FILE.read_text(encoding="utf-8")
    except OSError:  # not generated: checks.js decides without the dictionaries (the stricter way)
        return {}
    groups: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if line[:1] in "~=":  # a verb suffix, an l-participle
            groups.setdefault(line[0], []).append(line[1:])
            continue
        word, _, flags = line.partition("\t")
        groups.setdefault(flags or _COMMON_FLAGS, []).append(word)
    return {flags: " ".join(words) for flags, words in groups.items()}


def address_data() -> dict[str, Any]:
    """PII007: the address detector's own expressions and word lists, and the gazetteer's
    municipality words and phrases it looks places up in (with the stemmer's tables), so that
    checks.js runs the Python detector's steps on the Python detector's data."""
    module = _pii_module("detectors.address")
    names = _pii_module("names")
    if not hasattr(module, "_STREET_KW") or not hasattr(names, "place_phrases"):
        return {}
    first, last, places = names._lexicon()
    expressions = {key: js_regex(getattr(module, attr).pattern) for key, attr in (
        ("street_kw", "_STREET_KW"), ("street_named", "_STREET_NAMED"), ("postal", "_POSTAL"),
        ("house_no", "_HOUSE_NO"), ("village", "_VILLAGE"), ("institution_before", "_INSTITUTION_BEFORE"),
        ("institution_after", "_INSTITUTION_AFTER"), ("name_bb", "_NAME_BB"),
        ("street_comma_town", "_STREET_COMMA_TOWN"), ("labelled", "_LABELLED"), ("address_label", "_ADDRESS_LABEL"))
        if hasattr(module, attr)}
    return {
        **expressions,
        "not_towns": sorted(module._NOT_TOWNS),
        "kw_parts": list(module._STREET_KW_PARTS),
        "place_words": sorted(places | names._single_places() | names._weak_places()),
        "place_phrases": sorted(names.place_phrases()),
        "connectors": sorted(names._CONNECTORS),
        "stems": {"endings": list(names.ENDINGS), "replacements": list(names.REPLACEMENTS),
                  "alternations": list(names.ALTERNATIONS.items())},
    }


# Python's \b and \w are Unicode-aware, JavaScript's ASCII-only even with the `u` flag: spell
# them out. JavaScript (V8 before 12.5, node 20) has no scoped flags `(?i:...)`: their letters
# are spelled in both cases. An identity escape (`\"`) is a syntax error with `u`: dropped.
_JS_WORD_CLASS = r"\p{L}\p{N}_"
_JS_WORD = f"[{_JS_WORD_CLASS}]"
_JS_BOUNDARY = f"(?:(?<={_JS_WORD})(?!{_JS_WORD})|(?<!{_JS_WORD})(?={_JS_WORD}))"
_JS_SYNTAX = set("^$\\.*+?()[]{}|/")
_ESCAPES_KEPT = set("dDsSnrtfv0123456789pPuxck")


def _both_cases(char: str) -> str:
    other = char.swapcase()
    return char if other == char or len(other) != 1 else char + other


def js_regex(pattern: str) -> str:
    """A Python regular expression in the dialect of JavaScript's RegExp with the `u` flag
    (named groups, Unicode \\b and \\w, scoped ignore-case), for the browser's copies of the
    checker's own expressions; the browser adds "i" where Python compiled with IGNORECASE."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    ignore_depth: list[bool] = []  # per open group: whether it is a (?i:...) group
    def ignoring() -> bool:
        return any(ignore_depth)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            e = pattern[i + 1]
            i += 2
            if e == "b" and not in_class:
                out.append(_JS_BOUNDARY)
            elif e == "w":
                out.append(_JS_WORD_CLASS if in_class else _JS_WORD)
            elif e == "W" and not in_class:
                out.append(f"[^{_JS_WORD_CLASS}]")
            elif e == "A":
                out.append("^")
            elif e == "Z":
                out.append("$")
            elif e.isalnum() and e in _ESCAPES_KEPT:
                out.append("\\" + e)
            elif e in _JS_SYNTAX or (e == "-" and in_class):
                out.append("\\" + e)
            else:
                out.append(e)  # an identity escape of a plain character
            continue
        if in_class:
            if c == "]":
                in_class = False
            elif ignoring() and c.isalpha():
                c = _both_cases(c)
                if i + 2 < n and pattern[i + 1] == "-" and pattern[i + 2].isalpha():  # a range a-z
                    hi = pattern[i + 2]
                    out.append(f"{pattern[i]}-{hi}")
                    if pattern[i].swapcase() != pattern[i]:
                        out.append(f"{pattern[i].swapcase()}-{hi.swapcase()}")
                    i += 3
                    continue
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("\\]")
                i += 1
            continue
        if c == "(":
            if pattern.startswith("(?P<", i):
                out.append("(?<")
                ignore_depth.append(False)
                i += 4
                continue
            if pattern.startswith("(?i:", i):
                out.append("(?:")
                ignore_depth.append(True)
                i += 4
                continue
            ignore_depth.append(False)
            out.append(c)
            i += 1
            continue
        if c == ")":
            if ignore_depth:
                ignore_depth.pop()
            out.append(c)
            i += 1
            continue
        if ignoring() and c.isalpha():
            both = _both_cases(c)
            out.append(f"[{both}]" if len(both) > 1 else c)
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _birth_date_patterns() -> dict[str, str]:
    """PII006: the date-of-birth detector's own expressions, handed over as they are in Python
    (keyword then date, date then keyword), so the two sides cannot drift."""
    module = _pii_module("detectors.birth_date")
    before, after = getattr(module, "_BIRTH_DATE", None), getattr(module, "_DATE_THEN_KW", None)
    if before is None or after is None:
        return {}
    return {"keyword_then_date": js_regex(before.pattern), "date_then_keyword": js_regex(after.pattern)}


def _number_patterns() -> dict[str, Any]:
    """PII001, PII002: how the guard reads a number in any grouping (digit groups split by
    spaces, a slash or a line break: detectors._numbers) and the birth-number keyword."""
    numbers, birth = _pii_module("detectors._numbers"), _pii_module("detectors.birth_number")
    if not hasattr(numbers, "_CHAIN") or not hasattr(birth, "_KEYWORD"):
        return {}
    out = {"chain": js_regex(numbers._CHAIN.pattern), "max_groups": numbers.MAX_GROUPS,
           "birth_keyword": js_regex(birth._KEYWORD.pattern)}
    phone = _pii_module("detectors.phone")
    if hasattr(phone, "_PHONE_CAND") and hasattr(phone, "shipped_public_numbers"):  # PII003, read whole too
        out.update({"phone_cand": js_regex(phone._PHONE_CAND.pattern), "reference_tail": js_regex(phone._REFERENCE_TAIL.pattern),
                    "public_numbers": sorted(phone.shipped_public_numbers())})
    bank, base = _pii_module("detectors.bank_account"), _pii_module("detectors._base")
    if hasattr(bank, "_ME_ACCOUNT") and hasattr(base, "_REF_BEFORE"):  # PII005, read whole as well
        from stdnum.cz import bankaccount

        out.update({"iban": js_regex(bank._IBAN.pattern), "cz_account": js_regex(bank._CZ_ACCOUNT.pattern),
                    "me_account": js_regex(bank._ME_ACCOUNT.pattern), "ref_before": js_regex(base._REF_BEFORE.pattern),
                    # the Czech bank codes stdnum's registry knows (an account needs a real bank)
                    "cz_banks": [f"{i:04d}" for i in range(10000) if "bank" in bankaccount._info(f"{i:04d}")]})
    return out


def _pii_module(*names: str) -> Any:
    """A module of the personal-data guard by its current or its newer name (the detectors
    are moving to pii/detectors/<kind>.py); an empty stand-in when none exists, so the site
    still builds and the parity test names what the browser lost."""
    import importlib

    for name in names:
        try:
            return importlib.import_module(f"caseconf.pii.{name}")
        except ImportError:
            continue
    return types.SimpleNamespace()


def _phone_regions() -> tuple[str, ...]:
    for module in (_pii_module("detectors.phone", "detectors"),):
        regions = getattr(module, "PHONE_REGIONS", None)
        if regions:
            return tuple(regions)
    return ("CZ", "SK", "ME", "RS", "BA", "HR")


def _pii_messages(lang: str) -> dict[str, Any]:
    """The guard's own finding message ("Možný osobní údaj (…): …") and kind names."""
    messages = _pii_module("messages")
    templates = getattr(messages, "_T", {}).get("detected", {})
    labels = getattr(messages, "KIND_LABEL", {})
    no_reason = getattr(messages, "msg", lambda key, lang: key)("marker_no_reason", lang)
    return {"detected": templates.get(lang) or templates.get("en") or "{label}: {excerpt}",
            "labels": labels.get(lang) or labels.get("en") or {}, "marker_no_reason": no_reason}


def _national_prefixes() -> dict[str, str]:
    """Each phone region's national prefix ("0" in SK, ME, RS …): Python's matcher (leniency
    VALID) wants it on a number written without the country code; libphonenumber-js skips
    that test, so checks.js makes it from this table."""
    import phonenumbers

    out = {}
    for region in _phone_regions():
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        out[region] = (meta.national_prefix or "") if meta is not None else ""
    return out


def case_contexts(repo: Any) -> dict[str, dict[str, Any]]:
    """Per case what the rules read besides the record: household refs, closed or not, and
    the case's records in the order the checker reads them (date, then file name) with the
    ids of their actions (CASE005: an id is used once in a case)."""
    out: dict[str, dict[str, Any]] = {}
    for case_id, case in repo.cases.items():
        file = case.file
        out[case_id] = {
            "household": [m.ref for m in file.household] if file is not None else [],
            "household_roles": [{"ref": m.ref, "role": m.role} for m in file.household] if file is not None else [],
            "closed": bool(file is not None and file.status.value == "closed"),
            "records": [{"file": doc.path.rsplit("/", 1)[-1],
                         "actions": [a.id for a in (doc.model.plan.actions if doc.model.plan else [])],
                         "before": _action_summary(case.actions_before(doc))}
                        for doc in case.conferences],
            # what a new record (the case's latest) evaluates against: REV001, REV003
            "after_all": _action_summary(case.actions()),
        }
    return out


def _action_summary(states: dict[str, Any]) -> dict[str, Any]:
    """The actions known when a record was written, and those still open (REV001, REV003):
    derived once here by the checker's own `derive_actions`, so the browser only compares."""
    return {"known": list(states),
            "open": [{"id": key, "do": (state.do or "")[:60], "due": str(state.due) if state.due else "-"}
                     for key, state in states.items() if state.is_open]}


def collections_meta(decap: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    """Which record schema (and case) each collection of the Decap configuration edits."""
    out: dict[str, dict[str, Any]] = {}
    for collection in (decap or {}).get("collections", []):
        name = collection["name"]
        if name == "cases":
            out[name] = {"schema": "case"}
        elif name == "activities":
            out[name] = {"schema": "activity"}
        elif name.startswith("records-"):
            out[name] = {"schema": "conference", "case": collection["folder"].split("/", 1)[1]}
    return out


def browser_checks(repo: Any, decap: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything checks.js needs, for this repository, in the team's language."""
    from ..records.vocab import EVALUATING_KINDS

    config = repo.config
    context = config.validation_context() if config is not None else {}
    codes = registry_codes(repo.lang)
    supported, ci_only = browser_codes(codes)
    # severity or `off` per code: the jurisdiction profile's, then the team's `rules:`
    levels = getattr(config, "rule_levels", None)
    overrides = dict(levels() if callable(levels) else config.rules) if config is not None else {}
    return {
        "lang": repo.lang,
        "schemas": {name: schema_tree(SCHEMAS[name], context) for name in SCHEMA_NAMES},
        "codes": codes,
        "severity_overrides": overrides,
        "supported": supported,
        "ci_only": ci_only,
        "ci_only_why": {code: CI_ONLY_WHY[code] for code in ci_only if code in CI_ONLY_WHY},
        "cases": case_contexts(repo),
        "pii": pii_data(config),
        "messages": loader_messages(repo.lang),
        "limits": _loader_limits(),
        "collections": collections_meta(decap),
        "evaluating_kinds": sorted(k.value for k in EVALUATING_KINDS),
        "words": _words(repo.lang),
        "plan004_why": _owner_reasons(repo.lang),
        "has_config": config is not None,
        "offices": list(config.offices) if config is not None else [],
        "case_ids": sorted(repo.cases),
        "patterns": _patterns(),
    }


def _patterns() -> dict[str, str]:
    """The checker's own expressions for case ids, record file names and template
    placeholders (CASE001, FILE005/FILE012, FILE016-018), in JavaScript's dialect."""
    from ..records.models import CASE_ID_PATTERN
    from ..records.repository import RECORD_NAME
    from ..rules.placeholder import PLACEHOLDER

    from ..pii.allowlist import _ARG_KIND, _ARG_REASON, MARKER_RE
    from ..records.loader import _CONFLICT

    return {"case_id": js_regex(CASE_ID_PATTERN), "record_name": js_regex(RECORD_NAME.pattern),
            "placeholder": js_regex(PLACEHOLDER.pattern), "conflict": js_regex(_CONFLICT.pattern),
            # the allow-pii marker (PII010 when it gives no reason), matched without case
            "marker": js_regex(MARKER_RE.pattern), "marker_kind": js_regex(_ARG_KIND.pattern),
            "marker_reason": js_regex(_ARG_REASON.pattern)}


def _owner_reasons(lang: str) -> dict[str, str]:
    """PLAN004's words for why an owner cannot take a task ("absent from the meeting" …)."""
    from ..records.i18n import render
    from ..rules.plan import ActionOwnerKnown

    return {key: render(text, lang) for key, text in ActionOwnerKnown._WHY.items()}


def _loader_limits() -> dict[str, int]:
    """Sizes past which the loader refuses a file (YAML005/007/008, checked only in CI)."""
    from ..records import yamlsafe

    from ..records.loader import MAX_FILE_BYTES

    return {"depth": getattr(yamlsafe, "MAX_DEPTH", 40), "scalar_chars": getattr(yamlsafe, "MAX_SCALAR_CHARS", 20_000),
            "int_digits": getattr(yamlsafe, "MAX_INT_DIGITS", 100), "file_bytes": MAX_FILE_BYTES}


def loader_messages(lang: str) -> dict[str, str]:
    """The loader's message templates (SCHEMA findings), in the team's language."""
    from ..records.i18n import LOADER_MESSAGES

    return {key: entry.get(lang) or entry["en"] for key, entry in LOADER_MESSAGES.items()}


def _words(lang: str) -> dict[str, str]:
    from .labels import UI, pick

    keys = ("refused", "refused_pii", "ci_only_note", "missing_field", "wrong_value", "not_in_list", "bad_date",
            "unknown_key", "pii_found")
    return {key: pick(UI, key, lang) for key in keys}


_SAFE_JSON = re.compile(r"</")


def checks_script(data: dict[str, Any]) -> str:
    """checks-data.js: the data as a script (loaded before checks.js; no fetch needed)."""
    import json

    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return "window.CASECONF_CHECKS = " + _SAFE_JSON.sub("<\\/", body) + ";\n"


if __name__ == "__main__":
    print(write_lexical_facts(), "words")
