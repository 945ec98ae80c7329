"""`caseconf check` as a user runs it: the real command in a subprocess."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .helpers import PROJECT, run_caseconf, write


def count_record_files(root: Path) -> int:
    records = root / "records"
    return sum(1 for p in records.rglob("*") if p.is_file() and (p.suffix == ".md" or p.name == "case.yml"))


def test_demo_repository_checks_clean() -> None:
    run = run_caseconf("check", "--format", "json")
    assert run.code == 0, run.out + run.err
    assert run.json() == {"findings": [], "checked": count_record_files(PROJECT)}


def test_text_output_is_compiler_like_and_czech(demo_copy: Path) -> None:
    record = next((demo_copy / "records").glob("*/*-initial.md"))
    text = record.read_text(encoding="utf-8")
    first_owner = text.index("owner:")
    line_no = text[:first_owner].count("\n") + 1
    record.write_text(text[:first_owner] + "owner_x:" + text[first_owner + 6:], encoding="utf-8")
    run = run_caseconf("check", "--root", str(demo_copy), "--no-pii")
    assert run.code == 1
    rel = record.relative_to(demo_copy).as_posix()
    assert any(line.startswith(f"{rel}:") and "PLAN001 chyba: U úkolu" in line for line in run.out.splitlines()), run.out
    assert f"{rel}:{line_no}: SCHEMA004 varování" in run.out
    assert "Traceback" not in run.err


def test_paths_check_only_their_cases(demo_copy: Path) -> None:
    case_dirs = sorted(p for p in (demo_copy / "records").iterdir() if p.name != "activities")
    broken = case_dirs[0] / "case.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("office:", "office: [", 1), encoding="utf-8")
    other = next(case_dirs[1].glob("*.md"))
    run = run_caseconf("check", "--root", str(demo_copy), "--no-pii", "--format", "json", str(other))
    assert run.code == 0 and run.json()["findings"] == []
    assert run.json()["checked"] == len(list(case_dirs[1].glob("*.md"))) + 1
    run = run_caseconf("check", "--root", str(demo_copy), "--no-pii", str(broken))
    assert run.code == 1 and "YAML001" in run.out


def test_english_when_the_team_says_so(demo_copy: Path) -> None:
    run = run_caseconf("check", "--root", str(demo_copy), "--no-pii", env={"CASECONF_LANG": "en"})
    assert "Checked" in run.err


def test_no_config_says_how_to_start(tmp_path: Path) -> None:
    run = run_caseconf("check", "--root", str(tmp_path))
    assert run.code == 2
    assert "caseconf init" in run.err and "Traceback" not in run.err


def test_paths_outside_are_refused(demo_copy: Path, tmp_path: Path) -> None:
    outside = write(tmp_path / "elsewhere.md", "---\nkind: review\n---\n")
    for path in (str(outside), f"{demo_copy}/records/../../elsewhere.md"):
        run = run_caseconf("check", "--root", str(demo_copy), path)
        assert run.code == 2, run.err
        assert "outside" in run.err or "'..'" in run.err
    os.symlink(outside, demo_copy / "records" / "link.md")
    run = run_caseconf("check", "--root", str(demo_copy), "--no-pii", str(demo_copy / "records" / "link.md"))
    assert run.code == 2 and "outside" in run.err


def test_symlinked_record_pointing_out_is_reported(demo_copy: Path, tmp_path: Path) -> None:
    outside = write(tmp_path / "secret.md", "---\ncase: X\n---\n")
    case_dir = next(p for p in (demo_copy / "records").iterdir() if p.name != "activities")
    os.symlink(outside, case_dir / "2025-01-01-crisis.md")
    run = run_caseconf("check", "--root", str(demo_copy), "--no-pii", "--format", "json")
    assert run.code == 1
    assert any(f["code"] == "FILE010" for f in run.json()["findings"])


def test_usage_errors_exit_2() -> None:
    for args in (["check", "--bogus"], ["check", "--format", "xml"], ["nosuchcommand"], ["check", "missing.md"]):
        run = run_caseconf(*args)
        assert run.code == 2, (args, run.err)
        assert "Traceback" not in run.err


def test_help_for_every_command() -> None:
    english = {"CASECONF_LANG": "en"}  # the demo team is Czech; tests/i18n checks the translations
    run = run_caseconf("--help", env=english)
    # a command's line: two spaces, its name, two or more spaces (a wrapped help line has no name)
    commands = [m.group(1) for line in run.out.split("Commands:")[1].splitlines()
                if (m := re.match(r"^  (\S+)\s{2,}", line))]
    assert "check" in commands
    for command in commands:
        sub = run_caseconf(command, "--help", env=english)
        assert sub.code == 0 and "Usage:" in sub.out and len(sub.out) > 80, command
