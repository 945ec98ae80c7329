"""Helpers shared by the tests: run the real `caseconf` command, make real git repositories."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; `make test` installs it
# Without the background-networking flags Chromium keeps dialling out of a closed network.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CASECONF = [sys.executable, "-m", "caseconf"]
MINIMAL_CONFIG = """\
team: Testovací tým
jurisdiction: cz
language: cs
offices:
  JI: OSPOD Jihlava
  TR: OSPOD Třebíč
"""


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run_caseconf(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
                 input: str | None = None) -> Run:
    """Run the installed command in a subprocess, exactly as a user would."""
    full_env = {**os.environ, "CASECONF_LANG": "", "NO_COLOR": "1", **(env or {})}
    proc = subprocess.run([*CASECONF, *args], cwd=cwd or PROJECT, capture_output=True, text=True,
                          env=full_env, input=input, timeout=300)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test Facilitator", "GIT_AUTHOR_EMAIL": "facilitator@example.invalid",
           "GIT_COMMITTER_NAME": "Test Facilitator", "GIT_COMMITTER_EMAIL": "facilitator@example.invalid"}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=check, env=env)


def init_git(repo: Path) -> None:
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test Facilitator")
    git(repo, "config", "user.email", "facilitator@example.invalid")
    git(repo, "config", "commit.gpgsign", "false")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, dirs_exist_ok=True)
    return dst
