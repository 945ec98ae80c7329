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
@click.option("--ci", "ci", type=click.Choice(["github", "gitlab", "forgejo"]), default=None,
              help="The hosting whose pipeline to write (default: from the folder's git remote, else github).")
@click.option("--caseconf-git", "caseconf_git", default=None, metavar="URL",
              help="caseconf's git repository, pinned in .pre-commit-config.yaml and CI (default: where pip "
                   "installed this caseconf from).")
@click.option("--ci-only", "ci_only", is_flag=True,
              help="Add the --ci pipeline to the existing team repository DIR (never overwrites).")
@click.option("--rollup", is_flag=True,
              help="Create the ministry's roll-up repository (scheduled `stats --merge`) instead of a team's.")
def init(directory: Path, jurisdiction: str, language: str | None, team: str | None,
         offices: tuple[str, ...], ci: str | None, caseconf_git: str | None, ci_only: bool, rollup: bool) -> int:
    """Create a new team repository in DIR (new or empty): caseconf.yml, records/, the
    methodology pack, mkdocs.yml, pre-commit hooks, a pull-request checklist, a CI workflow
    and .gitignore. A non-empty DIR is refused and nothing is written."""
    lang = language or DEFAULT_LANGUAGE[jurisdiction]
    parsed = dict(parse_office(value, lang) for value in offices)
    from ..scaffold.hosting import default_hosting, running_caseconf

    hosting = ci or default_hosting(directory)
    if ci_only:
        from ..scaffold.init import add_ci

        options = InitOptions(jurisdiction=jurisdiction, language=language, ci=hosting)
        written, team_lang = add_ci(directory, options)
        echo(init_message("ci_done", team_lang, files=", ".join(written)), err=True)
        return 0
    init_repository(directory, InitOptions(jurisdiction=jurisdiction, language=language, team=team, offices=parsed,
                                           ci=hosting, caseconf_git=caseconf_git, rollup=rollup))
    echo(str(directory))
    if rollup:
        echo(init_message("rollup_done", lang, path=visible(directory)), err=True)
    else:
        echo(init_message("done", lang, path=visible(directory)), err=True)
    if running_caseconf(caseconf_git).git is None:
        echo(init_message("no_caseconf_git", lang), err=True)
    return 0
