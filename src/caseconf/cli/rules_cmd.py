"""`caseconf rules`: every code (loader, rules, PII, config), generated from the registry."""

from __future__ import annotations

from pathlib import Path

import click

from ..index.rules_ref import code_table, rules_reference
from ..records.catalogue import msg
from ..records.i18n import pick_language
from .common import emit_json, resolve_root, root_option


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["cs", "sr-Latn", "en"]), default=None,
              help="Language of summaries (default: the team's, CASECONF_LANG or Czech).")
@click.option("--jurisdiction", type=click.Choice(["cz", "me"]), default=None,
              help="Show the defaults of this profile instead of the team's own levels.")
@root_option
def rules(fmt: str, lang: str | None, jurisdiction: str | None, root: Path | None) -> int:
    """List every code with the severity this team gets (its profile, then its `rules:`)."""
    config = None if jurisdiction else _team_config(root)
    language = pick_language(lang or (config.language.value if config else None))
    if fmt == "md":
        click.echo(code_table(jurisdiction or (config.jurisdiction.value if config else "cz"), lang or "en"))
        return 0
    entries = rules_reference(language, config, jurisdiction)
    if fmt == "json":
        emit_json(entries)
    else:
        import sys

        from ..records.vocab_labels import vocab_label
        from .fit_table import Column, render_table

        # fitted like the other tables: at 80 columns a summary wraps between words, never mid-word
        columns = [Column("code", COLUMNS["code"][language]), Column("severity", COLUMNS["severity"][language]),
                   Column("summary", COLUMNS["summary"][language], text=True, keep=9)]
        rows = [(str(e["code"]), vocab_label(e["severity"], language), str(e["summary"])) for e in entries]
        sys.stdout.write(render_table(COLUMNS["title"][language], columns, rows))
    return 0


COLUMNS = {"title": msg("Checks, with the severity this team gets", "caseconf rules"),
           "code": msg("Code", "caseconf rules"), "severity": msg("Severity", "caseconf rules"),
           "summary": msg("What it checks", "caseconf rules")}


def _team_config(root: Path | None):  # type: ignore[no-untyped-def]
    """The team's settings when run inside a readable team repository, else None."""
    from ..records.repository import load_config

    try:
        doc = load_config(resolve_root(root))
    except Exception:  # noqa: BLE001 - outside a repository the registry defaults are the answer
        return None
    return doc.model if doc is not None else None
