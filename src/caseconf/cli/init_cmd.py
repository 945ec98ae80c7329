"""`caseconf init DIR`: create a new team repository, ready to commit."""

from __future__ import annotations

from pathlib import Path

import click

from ..records.findings import visible
from ..scaffold.init import DEFAULT_LANGUAGE, InitOptions, init_message, init_repository, parse_office
from .output import echo


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--jurisdiction", type=click.Choice(["cz", "me"]), default="cz", show_default=True,
              help="Selects vocabularies and the methodology pack copied into methodology/.")
@click.option("--language", type=click.Choice(["cs", "sr-Latn", "en"]), default=None,
              help="Language of the site, messages and templates (default: cs for cz, sr-Latn for me).")
@click.option("--team", default=None, help="Team name shown on the site (default: the folder name).")
@click.option("--office", "offices", multiple=True, metavar="CODE=NAME",
              help="An office whose code is used in case ids, e.g. JI=\"OSPOD Jihlava\" (repeatable; "
                   "or edit caseconf.yml later).")
def init(directory: Path, jurisdiction: str, language: str | None, team: str | None,
         offices: tuple[str, ...]) -> int:
    """Create a new team repository in DIR (new or empty): caseconf.yml, records/, the
    methodology pack, mkdocs.yml, pre-commit hooks, a pull-request checklist, a CI workflow
    and .gitignore. A non-empty DIR is refused and nothing is written."""
    lang = language or DEFAULT_LANGUAGE[jurisdiction]
    parsed = dict(parse_office(value, lang) for value in offices)
    init_repository(directory, InitOptions(jurisdiction=jurisdiction, language=language, team=team, offices=parsed))
    echo(str(directory))
    echo(init_message("done", lang, path=visible(directory)), err=True)
    return 0
