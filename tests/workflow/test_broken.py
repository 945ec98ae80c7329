"""A record that cannot be read is never silently missing from `actions`, `reviews` or `stats`."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseconf.records.repository import Repository

from ..helpers import run_caseconf
from .builders import action, add_record, evaluation

COMMANDS = (("actions", "--as-of", "2025-11-01"), ("reviews", "--as-of", "2025-11-01"),
            ("stats", "--format", "json"))


def break_yaml(path: Path) -> None:
    """The kind of slip a person makes in an editor: an unclosed list."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nkind:", "\nkind: [", 1), encoding="utf-8")


@pytest.fixture
def broken_repo(history_repo: Path) -> tuple[Path, str]:
    # the last review closes A2 and continues A4: once broken, the answer is incomplete
    path = history_repo / "records" / "JI-2025-001" / "2025-10-01-review.md"
    break_yaml(path)
    return history_repo, "records/JI-2025-001/2025-10-01-review.md"


def test_the_model_keeps_the_broken_record_with_its_finding(broken_repo) -> None:
    root, rel = broken_repo
    repo = Repository.load(root)
    [entry] = repo.broken()
    assert entry.path == rel and entry.case == "JI-2025-001"
    assert entry.finding.severity == "error" and entry.finding.line >= 1
    assert [b.path for b in repo.cases["JI-2025-001"].broken] == [rel]
    assert repo.cases["TR-2025-002"].broken == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_commands_name_the_file_on_stderr_and_exit_1(broken_repo, command) -> None:
    root, rel = broken_repo
    result = run_caseconf(*command, "--root", str(root))
    assert result.code == 1, result.err
    assert rel in result.err and "YAML" in result.err
    assert "--allow-broken" in result.err
    assert rel not in result.out  # stdout stays the (partial) answer, for scripts


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_allow_broken_accepts_the_partial_answer_but_still_says_so(broken_repo, command) -> None:
    root, rel = broken_repo
    result = run_caseconf(*command, "--allow-broken", "--root", str(root))
    assert result.code == 0, result.err
    assert rel in result.err


def test_a_broken_case_file_counts_too(history_repo: Path) -> None:
    case_yml = history_repo / "records" / "TR-2025-002" / "case.yml"
    case_yml.write_text("id: TR-2025-002\nopened: [\n", encoding="utf-8")
    result = run_caseconf("actions", "--as-of", "2025-11-01", "--root", str(history_repo))
    assert result.code == 1 and "records/TR-2025-002/case.yml" in result.err


def test_warnings_alone_do_not_make_a_record_broken(history_repo: Path) -> None:
    add_record(history_repo, "TR-2025-002", "2025-08-01", "review", next_review="2025-12-01",
               evaluations=[evaluation("A1", "done")], actions=[action("A3", "2025-10-30")])
    assert Repository.load(history_repo).broken() == []
    result = run_caseconf("actions", "--as-of", "2025-11-01", "--root", str(history_repo))
    assert result.code == 0, result.err
