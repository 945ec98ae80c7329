"""The real pre-commit framework in temporary git repositories."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..helpers import PROJECT, git, init_git, write
from ..rules.apply import materialise

BIN = Path(sys.executable).parent
INITIAL = "records/JI-2025-001/2025-03-04-initial.md"
LOCAL_CONFIG = """\
repos:
  - repo: local
    hooks:
      - id: caseconf-check
        name: caseconf check
        entry: caseconf check --no-pii
        language: system
        files: ^(records/.*\\.(md|yml)|caseconf\\.yml)$
        require_serial: true
"""
pytestmark = pytest.mark.slow


def env_with_caseconf(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"), "CASECONF_LANG": "",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.invalid",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.invalid"}


def commit(repo: Path, env: dict[str, str], message: str = "record") -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    return subprocess.run(["git", "-C", str(repo), "commit", "-m", message], capture_output=True, text=True, env=env)


@pytest.fixture
def team_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = materialise(tmp_path / "team", [])
    cfg = repo / "caseconf.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("language: en", "language: cs"), encoding="utf-8")
    write(repo / ".pre-commit-config.yaml", LOCAL_CONFIG)
    init_git(repo)
    env = env_with_caseconf(tmp_path)
    subprocess.run([str(BIN / "pre-commit"), "install"], cwd=repo, check=True, env=env, capture_output=True)
    first = commit(repo, env, "start")
    assert first.returncode == 0, first.stdout + first.stderr
    return repo, env


def test_incomplete_plan_is_rejected_then_fixed(team_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = team_repo
    record = repo / INITIAL
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("      owner: M\n", "").replace("  next_review: 2025-06-10\n", ""), encoding="utf-8")
    result = commit(repo, env)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{INITIAL}:" in output
    assert "PLAN001 chyba: U úkolu A1 není, kdo ho udělá" in output
    assert "PLAN005 chyba" in output
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"
    record.write_text(good.replace("do: \"M walks", "do: \"M calmly walks"), encoding="utf-8")
    result = commit(repo, env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_suppression_with_reason_lets_a_warning_through(team_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = team_repo
    record = repo / INITIAL
    text = record.read_text(encoding="utf-8").replace("requested: 2025-02-21", "requested: 2025-01-02")
    record.write_text(text, encoding="utf-8")
    cfg = repo / "caseconf.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "rules: {CONF003: error}\n", encoding="utf-8")
    result = commit(repo, env)
    assert result.returncode != 0 and "CONF003 chyba" in result.stdout + result.stderr
    record.write_text(text.replace("kind: initial\n", "kind: initial\ncaseconf:\n  ignore:\n"
                                   "    - {code: CONF003, reason: \"family asked to wait until after the holidays\"}\n"),
                      encoding="utf-8")
    result = commit(repo, env)
    assert result.returncode == 0, result.stdout + result.stderr


def snapshot_of_project(target: Path) -> str:
    """A committed copy of this working tree, so pre-commit can clone it as a hook repository."""
    files = subprocess.run(["git", "-C", str(PROJECT), "ls-files", "-co", "--exclude-standard"],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    for rel in filter(None, files):
        source = PROJECT / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    init_git(target)
    git(target, "add", "-A")
    git(target, "commit", "-qm", "snapshot")
    return git(target, "rev-parse", "HEAD").stdout.strip()


def test_hooks_from_a_second_repository_by_path(tmp_path: Path) -> None:
    hook_repo = tmp_path / "caseconf-hooks"
    rev = snapshot_of_project(hook_repo)
    repo = materialise(tmp_path / "team", [])
    write(repo / ".pre-commit-config.yaml",
          f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: caseconf-check\n      - id: caseconf-pii\n")
    init_git(repo)
    env = {**env_with_caseconf(tmp_path), "PATH": os.environ["PATH"]}  # the hook brings its own caseconf
    subprocess.run([str(BIN / "pre-commit"), "install"], cwd=repo, check=True, env=env, capture_output=True)
    result = commit(repo, env, "start")
    assert result.returncode == 0, result.stdout + result.stderr
    record = repo / INITIAL
    record.write_text(record.read_text(encoding="utf-8").replace("      due: 2025-05-30\n", "", 1), encoding="utf-8")
    result = commit(repo, env)
    assert result.returncode != 0
    assert "PLAN002 error: Action A1 has no deadline" in result.stdout + result.stderr


def fictional_birth_number() -> str:
    """A made-up rodné číslo that passes the checksum (10 digits divisible by 11)."""
    from stdnum.cz import rc

    for serial in range(100, 999):
        base = f"155312{serial:03d}"
        for check in range(10):
            candidate = base + str(check)
            if rc.is_valid(candidate):
                return f"{candidate[:6]}/{candidate[6:]}"
    raise AssertionError("no valid number found")


def test_personal_data_is_blocked_with_a_masked_message(team_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = team_repo
    config = repo / ".pre-commit-config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + """\
      - id: caseconf-pii
        name: caseconf pii
        entry: caseconf pii
        language: system
        types: [text]
        require_serial: true
""", encoding="utf-8")
    assert commit(repo, env, "pii hook").returncode == 0
    number = fictional_birth_number()
    record = repo / INITIAL
    record.write_text(record.read_text(encoding="utf-8").replace(
        "The mother described the mornings;", f"The mother (r. č. {number}) described the mornings;"), encoding="utf-8")
    result = commit(repo, env)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "PII001" in output and f"{INITIAL}:" in output
    assert number not in output and number.replace("/", "") not in output
