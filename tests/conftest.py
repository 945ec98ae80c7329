from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .helpers import MINIMAL_CONFIG, PROJECT, write

DATA = Path(__file__).parent / "data"


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A copy of this repository's demo team repository (caseconf.yml + records)."""
    root = tmp_path / "team"
    root.mkdir()
    shutil.copy(PROJECT / "caseconf.yml", root / "caseconf.yml")
    shutil.copytree(PROJECT / "records", root / "records")
    return root


@pytest.fixture
def empty_team(tmp_path: Path) -> Path:
    root = tmp_path / "team"
    write(root / "caseconf.yml", MINIMAL_CONFIG)
    (root / "records").mkdir()
    return root
