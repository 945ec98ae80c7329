"""Docs are tested too: hooks, commands and rules documented where a user looks."""

from __future__ import annotations

import yaml

from caseconf.cli.main import COMMANDS
from caseconf.rules.registry import all_rules

from .helpers import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def test_every_published_hook_is_in_the_readme() -> None:
    hooks = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks and all(f"`{hook['id']}`" in README for hook in hooks)


def test_every_command_is_in_the_readme() -> None:
    for command in COMMANDS:
        assert f"caseconf {command}" in README, command


def test_security_and_editor_notes_are_linked() -> None:
    assert "(SECURITY.md)" in README and "(EDITOR.md)" in README
    assert (PROJECT / "SECURITY.md").is_file() and (PROJECT / "EDITOR.md").is_file()


def test_every_rule_documents_itself() -> None:
    for rule in all_rules():
        assert (rule.__doc__ or "").strip(), rule.code
        rationale = rule.rationale if isinstance(rule.rationale, str) else rule.rationale["en"]
        assert rationale.strip(), rule.code
        for lang in ("cs", "sr-Latn", "en"):
            assert rule.summary[lang].strip() and rule.message[lang].strip(), (rule.code, lang)
