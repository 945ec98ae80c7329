"""`caseconf migrate`: the record format version in caseconf.yml and the in-place upgrade."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from caseconf.errors import OperationFailed
from caseconf.scaffold import migrate

from ..helpers import run_caseconf
from ..rules.apply import materialise

RECORDS = ("records/*/*.md",)


def rename_circulated(rel: str, text: str) -> str:
    """A stand-in for a future format change: `minutes: circulated:` becomes `sent:`."""
    return re.sub(r"^(  )circulated:", r"\1sent:", text.split("\n---", 1)[0], flags=re.M) + \
        ("\n---" + text.split("\n---", 1)[1] if "\n---" in text else "")


FUTURE = [migrate.Step(2, "minutes.circulated is called sent", RECORDS, rename_circulated)]


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def team(tmp_path: Path) -> Path:
    return materialise(tmp_path / "team", [])


def test_dry_run_shows_the_diff_and_writes_nothing(team: Path) -> None:
    before = snapshot(team)
    result = run_caseconf("migrate", "--dry-run", "--root", str(team))
    assert result.code == 0, result.err
    assert "+++ b/caseconf.yml" in result.out and "+format_version: 1" in result.out
    assert "Nothing was written" in result.err
    assert snapshot(team) == before
    assert run_caseconf("migrate", "--root", str(team)).code == 0
    assert "format_version: 1" in (team / "caseconf.yml").read_text(encoding="utf-8")
    again = run_caseconf("migrate", "--root", str(team))
    assert again.code == 0 and "nothing to change" in again.err
    assert run_caseconf("check", "--root", str(team)).code == 0


def test_a_newer_format_is_refused_not_rewritten(team: Path) -> None:
    config = team / "caseconf.yml"
    config.write_text(config.read_text(encoding="utf-8") + "format_version: 3\n", encoding="utf-8")
    before = snapshot(team)
    result = run_caseconf("migrate", "--root", str(team))
    assert result.code == 2 and "format_version 3" in result.err and "rev:" in result.err
    assert "Traceback" not in result.err and snapshot(team) == before
    config.write_text(config.read_text(encoding="utf-8").replace("format_version: 3", "format_version: two"),
                      encoding="utf-8")
    bad = run_caseconf("migrate", "--root", str(team))
    assert bad.code == 2 and "caseconf.yml" in bad.err and "whole number" in bad.err


def test_a_format_step_rewrites_only_what_it_concerns(team: Path) -> None:
    initial = team / "records/JI-2025-001/2025-03-04-initial.md"
    initial.write_bytes(initial.read_bytes().replace(b"\n", b"\r\n"))  # a file saved on Windows
    config = team / "caseconf.yml"
    config.write_text("# our settings\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    before = snapshot(team)
    result = migrate.plan(team, steps=FUTURE, current=2)
    assert result.found == 1 and set(result.changes) == {
        "caseconf.yml", "records/JI-2025-001/2025-03-04-initial.md", "records/JI-2025-001/2025-06-10-review.md"}
    diff = result.diff()
    assert "-  circulated: 2025-03-06" in diff and "+  sent: 2025-03-06" in diff and "+format_version: 2" in diff
    migrate.apply(result)
    after = snapshot(team)
    changed = {rel for rel in before if before[rel] != after[rel]}
    assert changed == set(result.changes)
    assert after["records/JI-2025-001/2025-03-04-initial.md"].count(b"\r\n") == before[
        "records/JI-2025-001/2025-03-04-initial.md"].count(b"\r\n")  # line ends kept
    assert b"  sent: 2025-03-06" in after["records/JI-2025-001/2025-03-04-initial.md"]
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# our settings\n") and "format_version: 2" in text
    assert not migrate.plan(team, steps=FUTURE, current=2).changes  # idempotent
    assert not list(team.rglob("*.migrate"))


def test_a_failed_write_changes_nothing(team: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(team)
    result = migrate.plan(team, steps=FUTURE, current=2)
    calls = {"n": 0}
    real_fsync = migrate.os.fsync

    def full_disk(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(migrate.os, "fsync", full_disk)
    with pytest.raises(OperationFailed):
        migrate.apply(result)
    assert snapshot(team) == before and not list(team.rglob("*.migrate"))


def test_an_interrupted_run_keeps_the_old_version_and_runs_again(team: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = migrate.plan(team, steps=FUTURE, current=2)
    real_replace = migrate.os.replace

    def fail_on_config(src: str, dst: Path) -> None:
        if Path(dst).name == "caseconf.yml":
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(migrate.os, "replace", fail_on_config)
    with pytest.raises(OperationFailed):
        migrate.apply(result)
    monkeypatch.setattr(migrate.os, "replace", real_replace)
    assert "format_version" not in (team / "caseconf.yml").read_text(encoding="utf-8")
    rerun = migrate.plan(team, steps=FUTURE, current=2)
    assert set(rerun.changes) == {"caseconf.yml"}  # the records are done; the version follows
    migrate.apply(rerun)
    assert "format_version: 2" in (team / "caseconf.yml").read_text(encoding="utf-8")
    assert not list(team.rglob("*.migrate"))
