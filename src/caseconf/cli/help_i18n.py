"""`--help`, usage and click's own messages in the team's language.

Click writes its messages through `gettext` (`_` bound in each of its modules at import):
they are pointed at our catalogue for the domain "click" (`locale/<lang>/LC_MESSAGES/click.po`).
The help texts of our commands and options stay English in the code and are looked up in
the "caseconf" catalogue under the msgctxt "help" when a command is loaded, so the modules
that define commands need no change. The language is the team's (caseconf.yml `language:`,
read without a YAML parser: the CLI layer may not parse files) or CASECONF_LANG.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Iterator, Sequence

import click

from ..records.catalogue import LANGUAGES, lookup, translations
from ..records.i18n import pick_language

HELP_CONTEXT = "help"
METAVAR_CONTEXT = "metavar"  # DATE, PATHS, [OPTIONS]: the placeholders of a usage line
CLICK_DOMAIN = "click"
CLICK_MODULES = ("core", "exceptions", "types", "decorators", "parser", "formatting", "termui", "utils",
                 "shell_completion", "_termui_impl")
_LANGUAGE_LINE = re.compile(r"^language:\s*[\"']?([A-Za-z-]+)[\"']?\s*(?:#.*)?$", re.MULTILINE)
_JURISDICTION_LINE = re.compile(r"^jurisdiction:\s*[\"']?([a-z]+)[\"']?\s*(?:#.*)?$", re.MULTILINE)
_DEFAULT_BY_JURISDICTION = {"cz": "cs", "me": "sr-Latn"}


_current = {"lang": "en"}


def current_language() -> str:
    """The language `run_click` chose for this run (English before it ran)."""
    return _current["lang"]


def team_language(args: Sequence[str], cwd: Path | None = None) -> str:
    """The language of the team repository the command will work on (`--root` or the current one)."""
    root = _root_from_args(args)
    if root is None:
        from ..records.paths import find_root

        try:
            root = find_root(cwd)
        except Exception:  # noqa: BLE001 - outside any repository: the default language
            return pick_language(None)
    try:
        text = (root / "caseconf.yml").read_text(encoding="utf-8", errors="replace")[:20000]
    except OSError:
        return pick_language(None)
    found = _LANGUAGE_LINE.search(text)
    if found and found.group(1) in LANGUAGES:
        return pick_language(found.group(1))
    jurisdiction = _JURISDICTION_LINE.search(text)
    return pick_language(_DEFAULT_BY_JURISDICTION.get(jurisdiction.group(1)) if jurisdiction else None)


def _root_from_args(args: Sequence[str]) -> Path | None:
    for index, arg in enumerate(args):
        if arg == "--root" and index + 1 < len(args):
            return Path(args[index + 1])
        if arg.startswith("--root="):
            return Path(arg.split("=", 1)[1])
    return None


def install_click_translations(lang: str) -> None:
    """Point click's `_`/`ngettext` at our "click" catalogue of `lang` (English: click's own)."""
    import importlib

    _current["lang"] = lang
    catalog = translations(lang, CLICK_DOMAIN)
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a module of another click version (or platform)
            continue
        if hasattr(module, "_"):
            module._ = catalog.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = catalog.ngettext  # type: ignore[attr-defined]


def help_text(text: str | None, lang: str) -> str | None:
    if not text:
        return text
    return lookup(lang, inspect.cleandoc(text), HELP_CONTEXT)


def metavar(text: str, lang: str) -> str:
    return lookup(lang, text, METAVAR_CONTEXT)


def _translate_param(param: click.Parameter, lang: str) -> None:
    if isinstance(param, click.Option):
        param.help = help_text(param.help, lang)
        if param.is_flag or param.count:
            return
    if param.metavar is not None:
        param.metavar = metavar(param.metavar, lang)
        return
    if isinstance(param.type, click.Choice) or type(param.type).get_metavar is not click.ParamType.get_metavar:
        return  # [table|json|csv] or a type's own list of names: what the user types
    if isinstance(param, click.Argument):
        name = metavar((param.name or "").upper(), lang)
        name = name if param.required else f"[{name}]"
        param.metavar = name + ("..." if param.nargs != 1 else "")
    elif param.nargs == 1:
        param.metavar = metavar(_type_placeholder(param.type), lang)


def _type_placeholder(kind: click.ParamType) -> str:
    """click's English placeholder of a type (Path names itself through gettext: already translated)."""
    if isinstance(kind, click.Path):
        if kind.file_okay and not kind.dir_okay:
            return "FILE"
        return "DIRECTORY" if kind.dir_okay and not kind.file_okay else "PATH"
    return kind.name.upper()


def translate_command(command: click.Command, lang: str) -> click.Command:
    """Swap the English help of a command, its options and its subcommands for `lang`'s (once)."""
    if getattr(command, "_caseconf_lang", None) == lang or lang == "en":
        return command
    command.help = help_text(command.help, lang)
    command.short_help = help_text(command.short_help, lang)
    command.epilog = help_text(command.epilog, lang)
    command.options_metavar = metavar(command.options_metavar or "[OPTIONS]", lang)
    for param in command.params:
        _translate_param(param, lang)
    if isinstance(command, click.Group):
        command.subcommand_metavar = metavar(command.subcommand_metavar or "COMMAND [ARGS]...", lang)
        for sub in command.commands.values():
            translate_command(sub, lang)
    command._caseconf_lang = lang  # type: ignore[attr-defined]
    return command


def iter_help_texts() -> Iterator[tuple[str, str]]:
    """(English help text, where) of every command and option: what `tools/i18n.py extract` collects."""
    import importlib

    from .app import cli
    from .main import COMMANDS

    yield from _command_texts(cli, "caseconf")
    for name, (module, attribute, one_line) in COMMANDS.items():
        yield one_line, f"caseconf {name}"
        try:
            command = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
        except (ImportError, AttributeError):
            continue
        yield from _command_texts(command, f"caseconf {name}")


def _command_texts(command: click.Command, where: str) -> Iterator[tuple[str, str]]:
    for text in (command.help, command.short_help, command.epilog):
        if text:
            yield inspect.cleandoc(text), where
    for param in command.params:
        if isinstance(param, click.Option) and param.help:
            yield inspect.cleandoc(param.help), f"{where} {param.opts[0]}"
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _command_texts(sub, f"{where} {name}")
