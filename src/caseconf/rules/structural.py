"""Findings the loader itself reports (parse, encoding, schema). Listed here so the rules
reference documents every code; they run inside the loader, not as rules. Their summaries
and rationales come from the catalogue (msgctxt "loader rule")."""

from __future__ import annotations

from ..records.catalogue import CatalogueMessage, msg
from .base import Rule


def _loader_rule(code: str, name: str, summary: CatalogueMessage, rationale: CatalogueMessage,
                 severity: str = "error", messages: tuple[str, ...] = (), can_disable: bool = True) -> type[Rule]:
    attrs = {
        "code": code, "name": name, "family": code.rstrip("0123456789"), "scope": "loader",
        "severity": severity, "summary": summary, "message": summary, "rationale": rationale,
        "message_ids": messages, "can_disable": can_disable, "__doc__": summary.msgid,
    }
    return type(f"Loader{code}", (Rule,), attrs)


# a rationale of a code that cannot be switched off says so (the same words in each)
RULES = [
    _loader_rule("YAML001", "yaml.syntax", msg("YAML syntax error", "loader rule"),
                 msg("A record that cannot be read cannot be checked. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("yaml_syntax", "yaml_complex_key"), can_disable=False),
    _loader_rule("YAML002", "yaml.duplicate_key", msg("Duplicate key", "loader rule"),
                 msg("YAML would silently keep only the last value; the first one would be lost.", "loader rule"),
                 messages=("yaml_duplicate_key",)),
    _loader_rule("YAML003", "yaml.alias", msg("Anchor or alias (&, *)", "loader rule"),
                 msg("Records hold plain data; anything else is either a typo or an attack on the reader. Alias expansion is the 'billion laughs' attack. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("yaml_alias",), can_disable=False),
    _loader_rule("YAML004", "yaml.custom_tag", msg("Custom YAML tag (!!…)", "loader rule"),
                 msg("Records hold plain data; anything else is either a typo or an attack on the reader. Tags such as !!python/object can run code in careless readers. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("yaml_tag",), can_disable=False),
    _loader_rule("YAML005", "yaml.too_deep", msg("Nesting too deep", "loader rule"),
                 msg("Bounded time and memory for every file. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("yaml_too_deep",), can_disable=False),
    _loader_rule("YAML006", "yaml.merge_key", msg("Merge key <<", "loader rule"),
                 msg("Merged values are invisible where they are used; write them out.", "loader rule"),
                 messages=("yaml_merge_key",)),
    _loader_rule("YAML007", "yaml.too_long", msg("Value too long", "loader rule"),
                 msg("Bounded time and memory for every file; long text belongs in the minutes. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("yaml_too_long",), can_disable=False),
    _loader_rule("YAML008", "yaml.number_too_long", msg("Number too long", "loader rule"),
                 msg("Bounded time and memory: a number of thousands of digits is no count, age or year. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("yaml_number_too_long",), can_disable=False),
    _loader_rule("FILE001", "file.encoding", msg("File is not UTF-8 text", "loader rule"),
                 msg("Records are text in UTF-8 so that git, the site and every editor agree on them. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("file_not_utf8", "file_binary"), can_disable=False),
    _loader_rule("FILE002", "file.empty", msg("Empty file", "loader rule"),
                 msg("An empty record documents nothing; start from `caseconf new`.", "loader rule"),
                 messages=("file_empty",)),
    _loader_rule("FILE003", "file.front_matter", msg("Missing or unclosed front matter", "loader rule"),
                 msg("The structured part of a record lives between two `---` lines. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("no_front_matter", "unclosed_front_matter"), can_disable=False),
    _loader_rule("FILE004", "file.not_mapping", msg("Content is not a mapping", "loader rule"),
                 msg("Every record and case file is a set of named fields. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("not_mapping",), can_disable=False),
    _loader_rule("FILE009", "file.conflict_markers", msg("Merge-conflict markers left", "loader rule"),
                 msg("A half-resolved merge mixes two versions of a record.", "loader rule"),
                 messages=("conflict_markers",)),
    _loader_rule("FILE010", "file.outside_or_not_file", msg("Path outside the repository or not a file", "loader rule"),
                 msg("caseconf reads only the team's own files; a link out of the repository could leak other data. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("outside_root", "not_a_file"), can_disable=False),
    _loader_rule("FILE011", "file.too_large", msg("File too large", "loader rule"),
                 msg("Bounded time and memory; a record never needs megabytes. It cannot be switched off: a record nobody can read would silently drop out of every check.", "loader rule"),
                 messages=("file_too_large",), can_disable=False),
    _loader_rule("SCHEMA001", "schema.missing_field", msg("Required field missing", "loader rule"),
                 msg("Case id, kind and date tie a record to its case and its place in time.", "loader rule"),
                 messages=("missing",)),
    _loader_rule("SCHEMA002", "schema.wrong_value", msg("Value of the wrong type", "loader rule"),
                 msg("Numbers, clock times and yes/no fields must be what they claim to be.", "loader rule"),
                 messages=("bad_value", "bad_time")),
    _loader_rule("SCHEMA003", "schema.vocabulary", msg("Value outside the vocabulary", "loader rule"),
                 msg("Closed lists (kinds, roles, attendance…) make records comparable across the team.", "loader rule"),
                 messages=("vocabulary",)),
    _loader_rule("SCHEMA004", "schema.unknown_key", msg("Unknown field", "loader rule"),
                 msg("A misspelt field is silently ignored otherwise.", "loader rule"),
                 severity="warning", messages=("unknown_key",)),
    _loader_rule("SCHEMA005", "schema.date", msg("Invalid date", "loader rule"),
                 msg("Deadlines and reviews are computed from dates; 2025-02-30 does not exist.", "loader rule"),
                 messages=("bad_date",)),
]
