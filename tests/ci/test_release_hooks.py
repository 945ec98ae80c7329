"""Another team pins caseconf's hook repository at a release tag, as HOSTING.md says: the real
pre-commit clones it from a bare repository (`repo: file://…`, `rev: vX.Y.Z`), installs it
into its own environment and blocks a bad commit. The tag is made here, in a temporary
copy: releases themselves are tagged by hand (CHANGELOG.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from caseconf.version import __version__

from ..helpers import git, init_git, run_caseconf
from ..hooks.test_precommit import BIN, commit, env_with_caseconf, snapshot_of_project
from .conftest import personal_line

pytestmark = pytest.mark.slow


def tagged_bare_clone(tmp_path: Path) -> tuple[str, str]:
    source = tmp_path / "caseconf-source"
    snapshot_of_project(source)
    tag = f"v{__version__}"
    git(source, "tag", "-a", tag, "-m", f"caseconf {tag}")
    bare = tmp_path / "caseconf.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(source), str(bare)], check=True, capture_output=True)
    return bare.as_uri(), tag


def test_the_pipeline_s_requirement_installs_from_the_tag(tmp_path: Path) -> None:
    """What the pipelines' install step hands pip (`caseconf @ git+URL@rev`) builds from the tag."""
    url, tag = tagged_bare_clone(tmp_path)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                            "--wheel-dir", str(tmp_path / "wheels"), f"caseconf @ git+{url}@{tag}"],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    assert [p.name for p in (tmp_path / "wheels").iterdir()] == [f"caseconf-{__version__}-py3-none-any.whl"]


def test_a_pinned_hook_repository_blocks_a_bad_commit(tmp_path: Path) -> None:
    url, tag = tagged_bare_clone(tmp_path)
    team = tmp_path / "team"
    created = run_caseconf("init", str(team), "--office", "JI=OSPOD Jihlava", "--caseconf-git", url)
    assert created.code == 0, created.err
    hooks = yaml.safe_load((team / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["repo"] == url and hooks["repos"][0]["rev"] == tag
    init_git(team)
    # caseconf is not on PATH: the hooks run the caseconf that pre-commit installed from the tag
    env = {**env_with_caseconf(tmp_path), "PATH": os.environ["PATH"]}
    installed = subprocess.run([str(BIN / "pre-commit"), "install"], cwd=team, env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    first = commit(team, env, "Založení repozitáře týmu")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "caseconf check" in first.stdout + first.stderr
    assert git(team, "rev-list", "--count", "HEAD").stdout.strip() == "1"

    new = run_caseconf("new", "case", "--root", str(team), "--office", "JI", "--opened", "2026-11-23")
    case_id = Path(new.out.strip()).parent.name
    run_caseconf("new", "conference", "--root", str(team), "--case", case_id, "--kind", "initial",
                 "--date", "2026-11-23")
    blocked = commit(team, env, "Nová konference")
    assert blocked.returncode != 0 and "CONF001" in blocked.stdout + blocked.stderr
    assert git(team, "rev-list", "--count", "HEAD").stdout.strip() == "1"

    subprocess.run(["git", "-C", str(team), "reset", "-q", "--hard"], check=True, env=env)
    subprocess.run(["git", "-C", str(team), "clean", "-qfd"], check=True, env=env)
    notes = team / "methodology" / "poznamky.md"
    notes.write_text("# Poznámky\n\n" + personal_line(), encoding="utf-8")
    leaked = commit(team, env, "Poznámky")
    output = leaked.stdout + leaked.stderr
    assert leaked.returncode != 0 and "PII" in output
    assert personal_line().split()[2] not in output  # the hook shows masked excerpts only
