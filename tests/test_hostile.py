"""Hostile and broken input at the command line: clear messages, no tracebacks, nothing leaked."""

from __future__ import annotations

import shutil
from pathlib import Path

from .helpers import git, init_git, run_caseconf, write
from .hooks.test_precommit import fictional_birth_number


def first_case(root: Path) -> Path:
    return next(p for p in sorted((root / "records").iterdir()) if p.name != "activities")


def test_file_names_with_spaces_and_non_ascii(demo_copy: Path) -> None:
    case = first_case(demo_copy)
    source = next(case.glob("*-initial.md"))
    shutil.copy(source, case / "2025-07-01 initial.md")
    shutil.copy(source, case / "2025-07-01-krizová.md")
    run = run_caseconf("check", "--root", str(demo_copy), "--format", "json")
    assert run.code == 1 and "Traceback" not in run.err
    names = {f["path"].rsplit("/", 1)[-1] for f in run.json()["findings"] if f["code"] == "FILE005"}
    assert names == {"2025-07-01 initial.md", "2025-07-01-krizová.md"}


def test_personal_data_in_a_wrong_field_is_not_echoed(demo_copy: Path) -> None:
    number = fictional_birth_number()
    case_file = first_case(demo_copy) / "case.yml"
    text = case_file.read_text(encoding="utf-8")
    case_file.write_text(text.replace("age: ", f"age: {number.replace('/', '')}  # ", 1), encoding="utf-8")
    run = run_caseconf("check", "--root", str(demo_copy))
    assert run.code == 1
    assert number.replace("/", "") not in run.out + run.err
    assert "PII001" in run.out  # the guard inside check still names it, masked


def test_history_scan_of_a_detached_head_and_a_large_blob(tmp_path: Path) -> None:
    repo = tmp_path / "team"
    write(repo / "caseconf.yml", "team: Tým\njurisdiction: cz\noffices: {JI: OSPOD Jihlava}\n")
    init_git(repo)
    number = fictional_birth_number()
    write(repo / "records" / "note.md", f"r. č. {number}\n")
    (repo / "big.bin").write_bytes(b"x" * (6 * 1024 * 1024))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "oops")
    (repo / "records" / "note.md").unlink()
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "remove")
    git(repo, "checkout", "-q", "--detach", "HEAD")
    run = run_caseconf("pii", "--history", "--root", str(repo), "--format", "json")
    assert run.code == 1, run.err
    findings = run.json()["findings"]
    assert any(f["code"] == "PII001" and f["path"] == "records/note.md" and f.get("commit") for f in findings)
    assert any(f["severity"] == "info" and f["path"] == "big.bin" for f in findings)
    text = run_caseconf("pii", "--history", "--root", str(repo))
    assert number not in text.out + text.err
    assert "filter-repo" in text.err  # how to purge, never done by caseconf itself


def test_history_of_a_repository_without_commits(tmp_path: Path) -> None:
    repo = tmp_path / "team"
    write(repo / "caseconf.yml", "team: Tým\njurisdiction: cz\n")
    init_git(repo)
    run = run_caseconf("pii", "--history", "--root", str(repo), "--format", "json")
    assert run.code == 0 and run.json()["findings"] == []


def test_bad_dates_and_unknown_options_everywhere() -> None:
    for args in (["actions", "--as-of", "2025-02-30"], ["reviews", "--as-of", "yesterday"],
                 ["stats", "--since", "2025-13-01"], ["actions", "--bogus"], ["new"], ["new", "case"]):
        run = run_caseconf(*args)
        assert run.code == 2, (args, run.out, run.err)
        assert "Traceback" not in run.err and ("Použití" in run.err or "Chyba" in run.err or "caseconf:" in run.err)
