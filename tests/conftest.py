from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from typing import Iterator

from .helpers import CHROMIUM, CHROMIUM_ARGS, MINIMAL_CONFIG, PROJECT, write

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


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the whole run (Playwright's sync API allows one loop at a time)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: browser tests need Debian's chromium package")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python package) is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
