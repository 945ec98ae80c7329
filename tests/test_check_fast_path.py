"""The commit hook's fast path: a plain `caseconf check` runs without click, and answers
exactly as the click command does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from caseconf.cli.fast import parse_check, parse_pii

from .helpers import PROJECT


def _run(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)


def _both(argv: list[str], cwd: Path) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """(exit code, stdout, stderr) through main() as is, and with the fast path turned off."""
    fast = _run(f"import sys; from caseconf.cli.main import main; sys.exit(main({argv!r}))", cwd)
    slow = _run("import sys, caseconf.cli.fast as fast; fast.parse_check = lambda argv: None; "
                "fast.parse_pii = lambda argv: None; "
                f"from caseconf.cli.main import main; sys.exit(main({argv!r}))", cwd)
    return (fast.returncode, fast.stdout, fast.stderr), (slow.returncode, slow.stdout, slow.stderr)


@pytest.mark.parametrize("argv", [
    ["check"],
    ["check", "--no-pii", "--format", "json"],
    ["check", "--format=json", "--no-pii"],
    ["check", "--no-pii", "BROKEN"],
    ["check", "--no-pii", "--", "BROKEN"],
    ["check", "no/such/file.md"],
])
def test_fast_path_answers_like_the_click_command(demo_copy: Path, argv: list[str]) -> None:
    record = next((demo_copy / "records").glob("*/*-initial.md"))
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("owner:", "owner_x:", 1), encoding="utf-8")  # findings to print
    rel = record.relative_to(demo_copy).as_posix()
    argv = [rel if a == "BROKEN" else a for a in argv]
    assert parse_check(argv) is not None  # these do take the fast path
    fast, slow = _both(argv, demo_copy)
    assert fast == slow
    assert "Traceback" not in fast[2]


@pytest.mark.parametrize("argv", [
    ["check", "--help"], ["check", "--bogus"], ["check", "--format", "xml"], ["check", "--root"],
    ["check", "--root", "/no/such/dir"], ["pii"], ["check", "-h"],
])
def test_anything_unusual_goes_to_click(argv: list[str]) -> None:
    assert parse_check(argv) is None


def test_usage_errors_keep_clicks_message_and_exit_code() -> None:
    # the demo team is Czech: click's message comes in Czech (tests/i18n checks the translations)
    run = _run("import sys; from caseconf.cli.main import main; sys.exit(main(['check', '--bogus']))", PROJECT)
    assert run.returncode == 2 and "neexistuje" in run.stderr and "--bogus" in run.stderr


def test_the_hook_path_never_imports_click(demo_copy: Path) -> None:
    record = next((demo_copy / "records").glob("*/*-initial.md")).relative_to(demo_copy).as_posix()
    run = _run("import sys; from caseconf.cli.main import main; code = main(['check', '--no-pii', "
               f"{record!r}]); print('click' in sys.modules, code)", demo_copy)
    assert run.stdout.split() == ["False", "0"], run.stderr


@pytest.mark.parametrize("argv", [
    ["pii", "RECORD"],
    ["pii", "RECORD", "caseconf.yml"],
    ["pii", "--", "RECORD"],
    ["pii", "no/such/file.md"],
])
def test_pii_fast_path_answers_like_the_click_command(demo_copy: Path, argv: list[str]) -> None:
    """The pii hook (`caseconf pii FILES`) skips click too, and says exactly what click's
    command says: findings (masked), the summary, a missing file's message, the exit code."""
    record = next((demo_copy / "records").glob("*/*-initial.md"))
    text = record.read_text(encoding="utf-8")
    # a fictional phone number, so that there is a finding to print
    record.write_text(text + "\nVolat na 777 123 456 mezi osmou a devátou.\n", encoding="utf-8")
    rel = record.relative_to(demo_copy).as_posix()
    argv = [rel if a == "RECORD" else a for a in argv]
    assert parse_pii(argv) is not None
    fast, slow = _both(argv, demo_copy)
    assert fast == slow
    assert "Traceback" not in fast[2] and "777 123 456" not in fast[1] + fast[2]
    if "no/such" not in argv[-1]:
        assert fast[0] == 1


@pytest.mark.parametrize("argv", [
    ["pii"], ["pii", "--history"], ["pii", "--format", "json", "x.md"], ["pii", "--root", ".", "x.md"],
    ["pii", "--help"], ["pii", "-h"], ["pii", "--fingerprint", "x"], ["check", "x.md"],
])
def test_anything_but_plain_files_goes_to_click_for_pii(argv: list[str]) -> None:
    assert parse_pii(argv) is None


def test_the_pii_hook_starts_without_the_heavy_imports(demo_copy: Path, tmp_path: Path) -> None:
    """`caseconf pii RECORD` as pre-commit runs it, with a cache directory of its own: the first
    run builds the per-machine caches (compiled patterns, lexicon, word forms), the second
    uses them and imports neither click, pydantic nor simplemma, for a record whose sentences
    open with an infinitive ("Sjednotit informace …") and an ordinary word ("Diskuse se …").
    Both runs say the same: the caches change no finding."""
    import os

    record = next((demo_copy / "records").glob("*/*-initial.md"))
    record.write_text(record.read_text(encoding="utf-8") + "\nSjednotit informace odborníků a připravit plán.\n"
                      "Diskuse se soustředila na bezpečí dítěte. Volat na 777 123 456 večer.\n", encoding="utf-8")
    rel = record.relative_to(demo_copy).as_posix()
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    code = ("import sys; from caseconf.cli.main import main; code = main(['pii', " f"{rel!r}" "]); "
            "print(sorted(m for m in ('click', 'pydantic', 'simplemma') if m in sys.modules), code)")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=demo_copy, env=env, capture_output=True, text=True,
                           timeout=120) for _ in range(2)]
    assert (tmp_path / "cache" / "caseconf" / "pii").is_dir()
    assert runs[1].stdout.splitlines()[-1] == "[] 1", runs[1].stderr
    assert runs[0].stdout.splitlines()[:-1] == runs[1].stdout.splitlines()[:-1] and runs[0].stderr == runs[1].stderr
    assert "777 123 456" not in runs[1].stdout + runs[1].stderr
