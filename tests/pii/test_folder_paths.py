"""`caseconf pii FOLDER` scans the files inside the folder (it used to report the folder itself
as an unreadable file and scan nothing)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..helpers import run_caseconf, write


def test_a_folder_argument_scans_the_files_in_it(tmp_path: Path) -> None:
    root = tmp_path / "team"
    write(root / "caseconf.yml", "team: Tým\njurisdiction: cz\nlanguage: cs\noffices: {JI: OSPOD JI}\n")
    write(root / "records" / "JI-2025-001" / "notes.md", "Pracovnice OSPOD zavolá v pondělí.\n")
    write(root / "records" / "JI-2025-002" / "notes.md", "Kontakt na matku: 777 123 456.\n")
    write(root / "methodology" / "index.md", "Telefon 602 555 111.\n")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    run = run_caseconf("pii", "records", "--root", str(root), "--format", "json", cwd=root)
    found = run.json()["findings"]
    assert run.code == 1
    assert {f["path"] for f in found} == {"records/JI-2025-002/notes.md"}  # not methodology, not the folder
    assert run.json()["checked"] == 2
    assert "777 123 456" not in run.out
