"""Messages in the team's language: Czech first, Montenegrin (Latin) and English.

A message is a mapping keyed by language: a catalogue entry `msg("English text")` (see
`catalogue.py`: the texts live in `locale/*/LC_MESSAGES/caseconf.po`) or, in code not yet
converted, a literal dict. `render` falls back to English, then to the message id, so a
missing translation never hides a finding.
"""

from __future__ import annotations

import os
from typing import Any, Mapping

from .catalogue import PluralMessage, msg
from .catalogue import msg

LANGUAGES = ("cs", "sr-Latn", "en")
DEFAULT_LANGUAGE = "cs"

Message = Mapping[str, str]


def pick_language(configured: str | None) -> str:
    """CASECONF_LANG overrides the team setting (useful for a reviewer from abroad)."""
    wanted = os.environ.get("CASECONF_LANG") or configured or DEFAULT_LANGUAGE
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


class _Safe(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(message: Message, lang: str, params: Mapping[str, Any] | None = None) -> str:
    params = params or {}
    if isinstance(message, PluralMessage) and isinstance(params.get(message.count), int):
        template = message.for_count(lang, params[message.count])  # CLDR plural form of the count
    else:
        template = message.get(lang) or message.get("en") or next(iter(message.values()), "")
    return template.format_map(_Safe(params))


LOADER_MESSAGES: dict[str, Message] = {
    "yaml_syntax": msg("YAML cannot be read ({detail}); fix the syntax (indent with spaces, a colon after each key)"),
    "yaml_duplicate_key": msg("key '{key}' appears twice (first on line {first}); keep only one"),
    "yaml_alias": msg("anchors and aliases (&, *) are not allowed in records; write the value out in full"),
    "yaml_tag": msg("tag {tag} is not allowed; a record holds only text, numbers, dates and lists"),
    "yaml_too_deep": msg("the structure is nested deeper than {limit} levels or is too large; simplify it"),
    "yaml_too_long": msg("the value is longer than {limit} characters; text that long belongs in the minutes below the front matter"),
    "yaml_number_too_long": msg("the number has more than {limit} digits; no record field needs a number that long, fix it (or quote it as text)"),
    "yaml_merge_key": msg("the merge key << is not allowed; write the values out directly"),
    "yaml_complex_key": msg("a key must be plain text"),
    "file_not_utf8": msg("the file is not UTF-8 ({detail}); save it from your editor as UTF-8"),
    "file_binary": msg("the file contains binary data (a NUL byte); a record must be a Markdown text file"),
    "file_too_large": msg("the file has {size} bytes, more than the {limit} allowed for a record"),
    "file_empty": msg("the file is empty; start it with `caseconf new`"),
    "no_front_matter": msg("no YAML front matter; the file must start with a line `---`"),
    "unclosed_front_matter": msg("the front matter is not closed; add a line `---` after the last field"),
    "not_mapping": msg("the content must be a mapping of keys to values (key: value), not {found}"),
    "conflict_markers": msg("Git merge-conflict markers (<<<<<<<, =======, >>>>>>>) are left in the file; resolve the conflict"),
    "outside_root": msg("the path leads outside the repository (a link or ..); caseconf reads only files inside it"),
    "not_a_file": msg("a folder or special file stands where a record should be; a record must be a regular file"),
    "missing": msg("required field '{field}' is missing; add it"),
    "vocabulary": msg("'{value}' is not an allowed value of '{field}'{hint}"),
    "did_you_mean": msg("; did you mean '{best}'?"),
    "allowed_values": msg("; allowed: {values}"),
    "bad_date": msg("field '{field}': '{value}' is not a valid date; write YYYY-MM-DD, e.g. 2025-03-04"),
    "bad_time": msg("field '{field}': '{value}' is not a clock time; write HH:MM in quotes, e.g. \"13:00\""),
    "bad_value": msg("field '{field}' has a wrong value '{value}': {detail}"),
    "expected_text": msg("text expected"),
    "expected_integer": msg("a whole number expected"),
    "expected_bool": msg("true or false expected"),
    "expected_list": msg("a list (- item) expected"),
    "expected_mapping": msg("nested fields (key: value) expected"),
    "expected_range": msg("the number is out of range"),
    "expected_pattern": msg("does not have the required form (e.g. A1 for an action, M or D1 for a person ref)"),
    "unknown_key": msg("unknown field '{key}' is ignored{hint}"),
    "page_unreadable": msg("the page cannot be turned into HTML ({detail} error); simplify the HTML in it; the site shows a notice in its place for now"),
}


# PyYAML's own words for what it could not read (`problem` of its MarkedYAMLError), said in
# the team's language; the line number is in the finding already.
YAML_PROBLEMS: tuple[tuple[str, Any], ...] = (
    (r"found a tab character that violates indentation|found character '\\t' that cannot start any token",
     msg("a tab character in the indentation")),
    (r"found character .* that cannot start any token", msg("a character that cannot start a value")),
    (r"mapping values are not allowed here",
     msg("a colon where no key can start (does the value need quotes?)")),
    (r"could not find expected ':'", msg("a key without its colon")),
    (r"did not find expected key", msg("a line indented differently from the keys around it")),
    (r"did not find expected '-' indicator", msg("a list item that does not start with a dash")),
    (r"expected <block end>, but found", msg("indentation that does not match the lines above")),
    (r"found unexpected end of stream", msg("a quote or a bracket that is never closed")),
    (r"expected ',' or '[\]}]', but got", msg("brackets that are not closed properly")),
    (r"found unknown escape character", msg("an unknown escape after a backslash in double quotes")),
)
YAML_PROBLEM_OTHER = msg("a syntax error")


def yaml_problem(detail: str, lang: str) -> str:
    """PyYAML's English `detail` in the team's words (English teams keep PyYAML's own)."""
    import re

    if lang == "en":
        return detail
    for pattern, words in YAML_PROBLEMS:
        if re.search(pattern, detail):
            return render(words, lang)
    return render(YAML_PROBLEM_OTHER, lang)


def loader_message(message_id: str, lang: str, **params: Any) -> str:
    if message_id == "yaml_syntax" and isinstance(params.get("detail"), str):
        params = {**params, "detail": yaml_problem(params["detail"], lang)}
    return render(LOADER_MESSAGES[message_id], lang, params)
