"""What `caseconf init` writes for a team to read and edit is in the team's language: the
comments of caseconf.yml (the keys stay as the record format names them) and the profile's
sources of every default."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..helpers import run_caseconf
from .leaks import leaks


@pytest.mark.parametrize(("jurisdiction", "lang"), [("cz", "cs"), ("me", "sr-Latn"), ("cz", "sr-Latn")])
def test_the_settings_file_speaks_the_team_language(jurisdiction: str, lang: str, tmp_path: Path) -> None:
    run = run_caseconf("init", "--jurisdiction", jurisdiction, "--language", lang, "--office", "JI=Testovací pracoviště",
                       str(tmp_path / "team"), cwd=tmp_path)
    assert run.code == 0, run.err
    settings = (tmp_path / "team" / "caseconf.yml").read_text(encoding="utf-8")
    # a commented-out setting (`# vocabulary: {…}`) is YAML to uncomment, not wording
    comments = [part for line in settings.splitlines() for part in line.split("#")[1:]
                if not re.match(r"\s*[a-z_]+: ", part)]
    assert len(comments) > 10
    words = leaks("\n".join(comments), lang)
    assert not words, (words, [c for c in comments if any(re.search(rf"\b{w}\b", c) for w in words)][:5])
