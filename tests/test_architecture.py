"""The layers are a checked contract (import-linter, configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .helpers import PROJECT


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run([str(lint), "--no-cache"], cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_help_imports_stay_light() -> None:
    code = ("import sys, caseconf.cli.main as m; m.main(['--help']); "
            "heavy = [n for n in ('pydantic', 'yaml', 'git', 'mkdocs', 'rich', 'phonenumbers') if n in sys.modules]; "
            "print('HEAVY:' + ','.join(heavy), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY:\n" in proc.stderr, proc.stderr
