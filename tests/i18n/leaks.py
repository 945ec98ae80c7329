"""Finds English in text meant for a Czech or Montenegrin reader.

What counts as English is derived, not listed case by case: every vocabulary key and every
field name of the record models (what a file says, which a person should never see raw),
click's placeholders, and a list of common English words. What may stay English is removed
first: quoted values and field names (a message names the field the user must write),
code in backticks, paths and file names, option names, `caseconf <command>`, URLs, and the
few loanwords the team language really uses ("case manager" in Czech).
"""

from __future__ import annotations

import inspect
import re
from functools import lru_cache

COMMON_ENGLISH = frozenset("""
the and of is are was were with for this that these those from not be been being has have had will would
should must can cannot could which what when where who whom how why there their they you your its into only
also than then each every any all none some more less new file files missing error errors warning warnings
usage options option commands command show shows help default value values write written check checked found
open opened closed due overdue owner record records action actions case cases review reviews planned
evaluation evaluations conference conferences meeting workshop supervision days today date team office offices
site page line field key keys allowed required invalid expected unknown directory path exist exists does did
mean try choose given argument arguments total median outcome outcomes invited attended attendance yes
number count counts figures report period since until kind kinds role roles status
""".split())

# Words that these languages use themselves (or that are codes everyone reads the same way).
LEGIT = {
    "cs": frozenset({"caseconf", "plan", "role", "status", "editor", "do", "me", "cs", "cz", "en", "id", "pii", "text", "info",
                     "json", "csv", "ics", "yaml", "git", "hook", "hooky", "web", "pull", "request", "ci"}),
    "sr-Latn": frozenset({"caseconf", "plan", "status", "editor", "do", "me", "cs", "cz", "en", "id", "pii", "info", "json", "csv",
                          "ics", "yaml", "git", "hook", "hookove", "pull", "request", "ci", "minute", "supervizor",
                          "period"}),  # "za cijeli period": the Montenegrin word
}
PHRASES_KEPT = {"cs": ("case manager", "case managera", "case managerem", "case managerovi")}
CLICK_PLACEHOLDERS = frozenset({"OPTIONS", "COMMAND", "ARGS", "PATH", "PATHS", "FILE", "FILES", "DATE", "DAYS",
                                "INTEGER", "DIRECTORY", "VALUE", "CODE", "NAME", "DIR", "KIND", "TEAM"})

_STRIP = [
    re.compile(r"`[^`\n]*`"),  # code
    re.compile(r"„[^“\n]*“"), re.compile(r"'[^'\n]*'"), re.compile(r"\"[^\"\n]*\""),  # quoted values
    re.compile(r"https?://\S+"),
    re.compile(r"\S*[/\\]\S*"),  # paths (records/x/y.md), a/b choices
    re.compile(r"\S+\.(md|yml|yaml|json|csv|ics|html|py|txt|po|mo)\b"),
    re.compile(r"(?<!\w)--?[A-Za-z][\w-]*"),  # options
    re.compile(r"\bcaseconf[ -]\w+"),  # command names (caseconf check, caseconf-pii)
    re.compile(r"\b[\w.+-]+@[\w.-]+\b"),  # e-mail-like ids (UIDs)
    re.compile(r"\[[a-z|-]+\]"), re.compile(r"\{[a-z|\s-]+\}"),  # [table|json|csv], {a|b}: values one types
]
_WORD = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z_]*(?![\w-])")


@lru_cache(maxsize=1)
def english_keys() -> frozenset[str]:
    """Vocabulary keys and model field names: what a file holds, never what a person reads."""
    import pydantic

    from caseconf.records import models, vocab

    keys: set[str] = set()
    for value in vars(vocab).values():
        if inspect.isclass(value) and issubclass(value, str) and hasattr(value, "__members__"):
            keys |= {member.value for member in value}  # type: ignore[attr-defined]
        elif isinstance(value, (tuple, frozenset)) and all(isinstance(item, str) for item in value):
            keys |= set(value)
        elif isinstance(value, dict):
            for item in value.values():
                if isinstance(item, tuple):
                    keys |= set(item)
    for value in vars(models).values():
        if inspect.isclass(value) and issubclass(value, pydantic.BaseModel) and value is not pydantic.BaseModel:
            keys |= {name.rstrip("_") for name in value.model_fields}
    return frozenset(key.casefold() for key in keys if re.fullmatch(r"[a-z][a-z0-9_]*", key))


def leaks(text: str, lang: str, allowed: frozenset[str] = frozenset(), typed: tuple[str, ...] = ()) -> list[str]:
    """English words and keys in `text`, in order of appearance (each once); `allowed` are
    words one types (command names) that may appear as they are; `typed` are the arguments
    of this run (a folder, a file, a case id): a command that names them back quotes the
    user, whatever the words (`pii records`, `pii missing`), so they are not prose."""
    for argument in sorted(typed, key=len, reverse=True):
        if argument and not argument.startswith("-"):
            text = re.sub(rf"(?<![\w/.-]){re.escape(argument)}(?![\w/-])", " ", text)
    for phrase in PHRASES_KEPT.get(lang, ()):
        # a phrase may break across lines of a page's text
        pattern = r"\s+".join(re.escape(word) for word in phrase.split())
        text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
    for pattern in _STRIP:
        text = pattern.sub(" ", text)
    legit = LEGIT.get(lang, frozenset()) | allowed
    found: list[str] = []
    keys = english_keys()
    for match in _WORD.finditer(text):
        word = match.group(0)
        folded = word.casefold()
        if folded in legit:
            continue
        english = (word in CLICK_PLACEHOLDERS
                   or (not word.isupper() and (folded in keys or folded in COMMON_ENGLISH)))
        if english and word not in found:
            found.append(word)
    return found
