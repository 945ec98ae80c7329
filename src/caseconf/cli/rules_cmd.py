"""`caseconf rules`: the rules reference, generated from the registry."""

from __future__ import annotations

import click

from ..index.rules_ref import rules_reference
from ..records.i18n import pick_language
from .common import emit_json


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["cs", "sr-Latn", "en"]), default=None,
              help="Language of summaries (default: CASECONF_LANG or Czech).")
def rules(fmt: str, lang: str | None) -> int:
    """List every rule: code, default severity, summary, thresholds, rationale."""
    entries = rules_reference(pick_language(lang))
    if fmt == "json":
        emit_json(entries)
    elif fmt == "md":
        click.echo("| code | severity | summary | rationale |\n|---|---|---|---|")
        for e in entries:
            click.echo(f"| `{e['code']}` | {e['severity']} | {e['summary']} | {e['rationale']} |")
    else:
        for e in entries:
            click.echo(f"{e['code']:<10} {e['severity']:<8} {e['summary']}")
    return 0
