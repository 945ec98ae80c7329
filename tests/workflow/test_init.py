"""`caseconf init DIR`: a complete team repository that passes its own check and commits with its hooks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ..helpers import PROJECT, git, init_git, run_caseconf

PACKS = PROJECT / "src" / "caseconf" / "templates" / "packs"
EXPECTED = ["caseconf.yml", "mkdocs.yml", ".pre-commit-config.yaml", ".gitignore", "records/.gitkeep",
            ".github/pull_request_template.md", ".github/workflows/caseconf.yml"]


def test_init_writes_a_complete_repository(tmp_path: Path) -> None:
    target = tmp_path / "tym"
    run = run_caseconf("init", str(target), "--team", "Tým Vysočina", "--office", "JI=OSPOD Jihlava")
    assert run.code == 0, run.err
    for rel in EXPECTED:
        assert (target / rel).is_file(), rel
    config = yaml.safe_load((target / "caseconf.yml").read_text(encoding="utf-8"))
    assert config["team"] == "Tým Vysočina" and config["jurisdiction"] == "cz" and config["language"] == "cs"
    assert config["offices"] == {"JI": "OSPOD Jihlava"}
    mkdocs = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    assert mkdocs["docs_dir"] == "methodology" and mkdocs["use_directory_urls"] is False
    assert mkdocs["theme"]["name"] == "material" and mkdocs["theme"]["language"] == "cs"
    assert mkdocs["theme"]["font"] is False  # nothing loads from the internet
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in mkdocs["plugins"]]
    assert plugins[0] == "caseconf" and {"search", "offline", "caseconf-editor"} <= set(plugins)
    hooks = yaml.safe_load((target / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ids = [h["id"] for repo in hooks["repos"] for h in repo["hooks"]]
    assert ids == ["caseconf-check", "caseconf-pii"]
    workflow = yaml.safe_load((target / ".github/workflows/caseconf.yml").read_text(encoding="utf-8"))
    steps = " ".join(str(step.get("run", "")) for step in workflow["jobs"]["check"]["steps"])
    assert "pull_request" in workflow[True] and "caseconf check" in steps and "caseconf pii" in steps
    assert "caseconf site build --strict" in steps  # broken records fail CI
    assert "site/" in (target / ".gitignore").read_text(encoding="utf-8")
    assert "Kontrola" in (target / ".github/pull_request_template.md").read_text(encoding="utf-8")
    # the methodology pack of the jurisdiction, minus rule_links.yml
    pack_files = {p.relative_to(PACKS / "cz").as_posix() for p in (PACKS / "cz").rglob("*") if p.is_file()}
    copied = {p.relative_to(target / "methodology").as_posix() for p in (target / "methodology").rglob("*")
              if p.is_file()}
    assert pack_files - {"rule_links.yml"} <= copied and "rule_links.yml" not in copied
    assert not (target / "methodology" / "index.md").exists()  # the site plugin makes the home page
    check = run_caseconf("check", "--root", str(target))
    assert check.code == 0, check.out + check.err
    new = run_caseconf("new", "case", "--root", str(target), "--office", "JI", "--opened", "2026-11-23")
    assert new.code == 0 and "JI-2026-001" in new.out


@pytest.mark.parametrize(("jurisdiction", "language", "theme"), [("me", None, "sh"), ("me", "en", "en"),
                                                                ("cz", "sr-Latn", "sh")])
def test_languages(tmp_path: Path, jurisdiction: str, language: str | None, theme: str) -> None:
    target = tmp_path / "team"
    args = ["init", str(target), "--jurisdiction", jurisdiction] + (["--language", language] if language else [])
    assert run_caseconf(*args).code == 0
    config = yaml.safe_load((target / "caseconf.yml").read_text(encoding="utf-8"))
    assert config["language"] == (language or "sr-Latn") and config["team"] == "team"
    assert yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["language"] == theme
    template = (target / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert ("checklist" in template) if language == "en" else ("Provjera" in template)
    assert run_caseconf("check", "--root", str(target)).code == 0


def test_refuses_a_non_empty_directory(tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine\n", encoding="utf-8")
    run = run_caseconf("init", str(target))
    assert run.code in (1, 2) and "busy" in run.err
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy"]  # no staging folder left behind
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_caseconf("init", str(empty)).code == 0 and (empty / "caseconf.yml").is_file()
    assert run_caseconf("init", str(tmp_path / "x"), "--office", "nonsense").code == 2


@pytest.mark.slow
def test_git_init_pre_commit_install_and_commit(tmp_path: Path) -> None:
    target = tmp_path / "team"
    assert run_caseconf("init", str(target), "--office", "JI=OSPOD Jihlava").code == 0
    venv_bin = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}",
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"), "CASECONF_LANG": ""}
    init_git(target)
    install = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=target, env=env,
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stdout + install.stderr
    git(target, "add", "-A")
    commit = subprocess.run(["git", "commit", "-q", "-m", "Založení repozitáře týmu"], cwd=target, env=env,
                            capture_output=True, text=True)
    assert commit.returncode == 0, commit.stdout + commit.stderr
    assert "caseconf check" in commit.stdout + commit.stderr  # the hook ran
    # a broken record is stopped by the hook
    new = run_caseconf("new", "case", "--root", str(target), "--office", "JI", "--opened", "2026-11-23")
    case_id = Path(new.out.strip()).parent.name
    run_caseconf("new", "conference", "--root", str(target), "--case", case_id, "--kind", "initial",
                 "--date", "2026-11-23")
    git(target, "add", "-A")
    blocked = subprocess.run(["git", "commit", "-q", "-m", "Nová konference"], cwd=target, env=env,
                             capture_output=True, text=True)
    assert blocked.returncode != 0 and "CONF001" in blocked.stdout + blocked.stderr


@pytest.mark.slow
def test_montenegrin_repository_builds_its_site_with_the_me_pack(tmp_path: Path) -> None:
    target = tmp_path / "tim"
    assert run_caseconf("init", str(target), "--jurisdiction", "me", "--office", "PG=CSR Podgorica").code == 0
    out = tmp_path / "site"
    build = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(out)],
                           cwd=target, capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stdout + build.stderr
    assert (out / "metodologija" / "plan-zastite.html").is_file()
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'lang="sh"' in home and "Metodologija" in home
