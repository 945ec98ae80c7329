"""The site build runs the personal-data guard on everything it publishes, methodology
pages included; one page whose HTML trips a parser is a warning on that page, not a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..helpers import write
from ..site.sites import copy_team, mkdocs_build

pytestmark = pytest.mark.slow

EMAIL = "test.osoba@example.cz"  # fictional


def test_a_methodology_page_with_personal_data_stops_the_build(tmp_path: Path) -> None:
    root = copy_team(tmp_path / "team")
    write(root / "methodology" / "metodika" / "kontakt.md", f"# Kontakt\n\nPište na {EMAIL}, tel. 777 123 456.\n")
    result = mkdocs_build(root, root / "site", strict=False)
    assert result.returncode != 0
    assert "methodology/metodika/kontakt.md" in result.stderr and "PII" in result.stderr, result.stderr[-3000:]
    assert EMAIL not in result.stderr  # masked, as everywhere
    assert not (root / "site" / "metodika" / "kontakt.html").exists()


def test_a_parser_crash_is_a_warning_on_that_page(tmp_path: Path) -> None:
    root = copy_team(tmp_path / "team")
    write(root / "methodology" / "metodika" / "rozbita.md", '# Rozbitá\n\n<![><img src="]><img src=x onerror=alert(1)>//">\n')
    result = mkdocs_build(root, root / "site", strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "methodology/metodika/rozbita.md:1: FILE001 warning" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    page = (root / "site" / "metodika" / "rozbita.html").read_text(encoding="utf-8")
    assert "onerror" not in page
    strict = mkdocs_build(root, root / "site-strict", strict=True)
    assert strict.returncode != 0 and "FILE001" in strict.stderr  # --strict refuses to publish it
