"""A team repository with findings of both kinds (rules and personal data), in git."""

from __future__ import annotations

from pathlib import Path

import pytest
from faker import Faker

from ..helpers import git, init_git
from ..rules.apply import materialise

INITIAL = "records/JI-2025-001/2025-03-04-initial.md"


def personal_line(seed: int = 21) -> str:
    """A line of minutes that names an invented person and a phone number (Faker)."""
    fake = Faker("cs_CZ")
    fake.seed_instance(seed)
    return f"Matka {fake.first_name_female()} {fake.last_name_female()} volala z čísla 777 {fake.numerify('### ###')}.\n"


def break_record(repo: Path) -> None:
    record = repo / INITIAL
    text = record.read_text(encoding="utf-8").replace("      owner: M\n", "", 1)
    record.write_text(text + "\n" + personal_line(), encoding="utf-8")


@pytest.fixture
def findings_repo(tmp_path: Path) -> Path:
    """A git repository whose team folder `team/` is not the repository's root, with a
    plan error (PLAN001) and personal data in the minutes, committed."""
    top = tmp_path / "repo"
    top.mkdir()
    repo = materialise(top / "team", [])
    break_record(repo)
    init_git(top)
    git(top, "add", "-A")
    git(top, "commit", "-qm", "records")
    return repo
