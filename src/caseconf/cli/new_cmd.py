"""`caseconf new case|conference|activity`: scaffold a record and print its path."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from ..records.catalogue import msg
from ..records.repository import Repository
from ..records.vocab import ActivityKind, ConferenceKind
from ..records.vocab_labels import vocab_key, vocab_label
from .common import DATE, resolve_root, root_option
from .help_i18n import current_language

PROMPTS = {
    "office": msg("Office code"),
    "case": msg("Case id (e.g. JI-2025-014)"),
    "kind": msg("Kind of record"),
}
# Shown on a line of its own above the case prompt: in brackets after the prompt, a list of
# one case looked like a default that Enter would accept.
OPEN_CASES = msg("Open cases: {cases}")
SHOWN_CASES = 30
MISSING = msg("missing {option} (required when not run interactively)")
NOT_A_KIND = msg("'{value}' is not a kind of record; write one of: {names}")


class KindType(click.ParamType):
    """A kind typed in the team's language (`úvodní`, `inicijalna`) or as its key (`initial`);
    the command receives the key."""

    name = "kind"

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys

    def names(self, lang: str) -> list[str]:
        """The short names to offer: the label's first word (`úvodní`), the key in English."""
        if lang == "en":
            return list(self.keys)
        return [vocab_label(key, lang).split(" ", 1)[0].casefold() for key in self.keys]

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:  # type: ignore[override]
        return "[" + "|".join(self.names(current_language())) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        key = vocab_key(str(value), self.keys)
        if key is None:
            from ..records.i18n import render

            lang = current_language()
            self.fail(render(NOT_A_KIND, lang, {"value": value, "names": ", ".join(self.names(lang))}), param, ctx)
        return key


CONFERENCE_KIND = KindType([k.value for k in ConferenceKind])
ACTIVITY_KIND = KindType([k.value for k in ActivityKind])


def interactive() -> bool:
    return sys.stdin.isatty()


def _ask(value: Any, option: str, key: str, lang: str, choices: list[str] | KindType | None = None) -> Any:
    """A missing required flag: prompt in a terminal, a usage error (exit 2) in scripts."""
    if value is not None:
        return value
    if not interactive():
        raise click.UsageError(MISSING.get(lang, MISSING["en"]).format(option=option))
    prompt = PROMPTS[key].get(lang) or PROMPTS[key]["en"]
    if isinstance(choices, KindType):
        return click.prompt(f"{prompt} ({', '.join(choices.names(lang))})", type=choices)
    return click.prompt(prompt, type=click.Choice(choices) if choices else str)


def _ask_case(value: str | None, repo: Repository) -> str:
    """The case of a new record: its flag, or (in a terminal) a prompt listing the open cases
    above it; with a single open case, Enter takes it (shown as a real default)."""
    if value is not None:
        return value
    if not interactive():
        raise click.UsageError(MISSING.get(repo.lang, MISSING["en"]).format(option="--case"))
    open_cases = sorted(case_id for case_id, case in repo.cases.items()
                        if case.file is None or case.file.status.value == "open")
    if len(open_cases) > 1:
        shown = ", ".join(open_cases[-SHOWN_CASES:]) + (" …" if len(open_cases) > SHOWN_CASES else "")
        click.echo((OPEN_CASES.get(repo.lang) or OPEN_CASES["en"]).format(cases=shown), err=True)
    prompt = PROMPTS["case"].get(repo.lang) or PROMPTS["case"]["en"]
    default = open_cases[0] if len(open_cases) == 1 else None
    return click.prompt(prompt, type=click.Choice(sorted(repo.cases)) if repo.cases else str,
                        show_choices=False, default=default, err=True)


def _load(root: Path | None) -> Repository:
    return Repository.load(resolve_root(root))


@click.group()
def new() -> None:
    """Scaffold a new case, conference record or activity record.

    The file gets today's date (or --date), the next free case number or action id, and
    empty placeholders that `caseconf check` reports until they are filled. Nothing is
    ever overwritten: a second record of the same kind on the same day gets -2, -3 ….
    In a terminal, missing options are asked for; in scripts they are required.
    """


@new.command("case")
@click.option("--office", default=None, metavar="CODE", help="Office code from caseconf.yml (e.g. JI).")
@click.option("--opened", type=DATE, default=None, metavar="DATE", help="Date the case was opened (default: today).")
@root_option
def new_case_cmd(office: str | None, opened: dt.date | None, root: Path | None) -> int:
    """Start a case: records/<OFFICE>-<YEAR>-<NNN>/case.yml with the next free number."""
    from ..scaffold.new import new_case

    repo = _load(root)
    offices = sorted(repo.config.offices) if repo.config and repo.config.offices else None
    office = _ask(office, "--office", "office", repo.lang, offices)
    click.echo(str(new_case(repo, office, opened)))
    return 0


@new.command("conference")
@click.option("--case", "case_id", default=None, metavar="ID", help="Case id, e.g. JI-2025-014.")
@click.option("--kind", type=CONFERENCE_KIND, default=None,
              help="Kind of record, in the team's language or as the key (e.g. initial).")
@click.option("--date", "day", type=DATE, default=None, metavar="DATE", help="Date of the record (default: today).")
@root_option
def new_conference_cmd(case_id: str | None, kind: str | None, day: dt.date | None, root: Path | None) -> int:
    """A conference or evaluation record; a review, crisis or evaluation lists every action
    still open on its date under `evaluation`."""
    from ..scaffold.new import new_conference

    repo = _load(root)
    case_id = _ask_case(case_id, repo)
    kind = _ask(kind, "--kind", "kind", repo.lang, CONFERENCE_KIND)
    click.echo(str(new_conference(repo, case_id, kind, day)))
    return 0


@new.command("activity")
@click.option("--kind", type=ACTIVITY_KIND, default=None,
              help="Kind of activity, in the team's language or as the key (e.g. workshop).")
@click.option("--date", "day", type=DATE, default=None, metavar="DATE", help="Date of the activity (default: today).")
@root_option
def new_activity_cmd(kind: str | None, day: dt.date | None, root: Path | None) -> int:
    """A workshop or supervision record under records/activities/<YEAR>/."""
    from ..scaffold.new import new_activity

    repo = _load(root)
    kind = _ask(kind, "--kind", "kind", repo.lang, ACTIVITY_KIND)
    click.echo(str(new_activity(repo, kind, day)))
    return 0
