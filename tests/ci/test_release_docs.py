"""HOSTING.md and CHANGELOG.md say what the code does: the paths init writes, the commands and
options they tell an admin to type, the version being released."""

from __future__ import annotations

import re

from caseconf.cli.main import COMMANDS
from caseconf.scaffold.hosting import PIPELINE, PR_TEMPLATE, ROLLUP_PIPELINE
from caseconf.version import __version__

from ..helpers import PROJECT, run_caseconf

README = (PROJECT / "README.md").read_text(encoding="utf-8")
HOSTING = (PROJECT / "HOSTING.md").read_text(encoding="utf-8")
CHANGELOG = (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")
SUBCOMMANDS = {"site": 2, "new": 2}  # `caseconf site build`, `caseconf new case`


def test_readme_links_hosting_and_changelog() -> None:
    assert "(HOSTING.md)" in README and "(CHANGELOG.md)" in README


def test_the_changelog_names_the_version_and_the_tag_policy() -> None:
    assert f"## [{__version__}]" in CHANGELOG and "vMAJOR.MINOR.PATCH" in CHANGELOG
    assert f"caseconf, version {__version__}" in run_caseconf("--version").out


def test_hosting_names_the_files_init_writes() -> None:
    for path in [*PIPELINE.values(), *PR_TEMPLATE.values(), *ROLLUP_PIPELINE.values(), "rollup.yml"]:
        assert f"`{path}`" in HOSTING or path in HOSTING, path


def test_every_command_in_hosting_exists_with_its_options() -> None:
    lines = [line.strip() for block in re.findall(r"```sh\n(.*?)```", HOSTING, re.S) for line in block.split("\n")]
    lines += re.findall(r"`(caseconf [^`]+)`", HOSTING)
    commands = {re.split(r"\s+#|\s+&&|\s*\|", line)[0].strip() for line in lines if line.startswith("caseconf ")}
    assert any("--rollup" in c for c in commands) and any("migrate --dry-run" in c for c in commands)
    helps: dict[str, str] = {}
    for command in sorted(commands):
        words = command.split()[1:]
        if words[0].startswith("--"):
            continue  # caseconf --version
        assert words[0] in COMMANDS, command
        name = " ".join(words[:SUBCOMMANDS.get(words[0], 1)])
        if name not in helps:
            result = run_caseconf(*name.split(), "--help")
            assert result.code == 0, (command, result.err)
            helps[name] = result.out
        for option in (w.split("=")[0] for w in words if w.startswith("--")):
            assert option in helps[name], (command, option)
