"""`caseconf init --ci github|gitlab|forgejo` and `--rollup`: pipelines that pass the hosting
vendors' published schemas (check-jsonschema's built-in copies) and whose commands work."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from caseconf.scaffold import hosting
from caseconf.version import __version__

from ..helpers import git, init_git, run_caseconf, write

BIN = Path(sys.executable).parent
# Forgejo Actions reads GitHub Actions' workflow syntax; it publishes no schema of its own
SCHEMA = {"github": "vendor.github-workflows", "forgejo": "vendor.github-workflows", "gitlab": "vendor.gitlab-ci"}
PIPELINE = {"github": ".github/workflows/caseconf.yml", "gitlab": ".gitlab-ci.yml",
            "forgejo": ".forgejo/workflows/caseconf.yml"}
ROLLUP = {"github": ".github/workflows/rollup.yml", "gitlab": ".gitlab-ci.yml",
          "forgejo": ".forgejo/workflows/rollup.yml"}
CASECONF_GIT = "https://git.example.invalid/ministry/caseconf.git"
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "CASECONF_LANG": "", "NO_COLOR": "1"}


def vendor_schema_errors(path: Path, hosting_name: str) -> str | None:
    proc = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", SCHEMA[hosting_name], str(path)],
                          capture_output=True, text=True)
    return None if proc.returncode == 0 else proc.stdout + proc.stderr


def init(tmp_path: Path, name: str, *args: str) -> Path:
    target = tmp_path / name
    result = run_caseconf("init", str(target), "--office", "JI=OSPOD Jihlava", *args)
    assert result.code == 0, result.err
    return target


@pytest.mark.parametrize("hosting_name", ["github", "gitlab", "forgejo"])
def test_each_pipeline_passes_its_vendor_schema(tmp_path: Path, hosting_name: str) -> None:
    team = init(tmp_path, "team", "--ci", hosting_name, "--caseconf-git", CASECONF_GIT)
    pipeline = team / PIPELINE[hosting_name]
    assert vendor_schema_errors(pipeline, hosting_name) is None, vendor_schema_errors(pipeline, hosting_name)
    others = set(PIPELINE.values()) - {PIPELINE[hosting_name]}
    assert not any((team / other).exists() for other in others)
    # the schema is no rubber stamp: the same file with a misspelt key fails it
    broken = tmp_path / "broken" / pipeline.name
    broken.parent.mkdir()
    broken.write_text(pipeline.read_text(encoding="utf-8").replace("script:", "scripts:").replace("steps:", "stepz:"),
                      encoding="utf-8")
    assert vendor_schema_errors(broken, hosting_name) is not None
    # pinned: .pre-commit-config.yaml and caseconf.yml name the same repository and rev
    hooks = yaml.safe_load((team / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"] == [{"repo": CASECONF_GIT, "rev": f"v{__version__}",
                               "hooks": [{"id": "caseconf-check"}, {"id": "caseconf-pii"}]}]
    config = yaml.safe_load((team / "caseconf.yml").read_text(encoding="utf-8"))
    assert config["caseconf_git"] == CASECONF_GIT and config["format_version"] == 1
    assert run_caseconf("check", "--root", str(team)).code == 0


@pytest.mark.parametrize("hosting_name", ["github", "gitlab", "forgejo"])
def test_each_rollup_pipeline_passes_its_vendor_schema(tmp_path: Path, hosting_name: str) -> None:
    rollup = init(tmp_path, "rollup", "--rollup", "--ci", hosting_name, "--caseconf-git", CASECONF_GIT)
    pipeline = rollup / ROLLUP[hosting_name]
    assert vendor_schema_errors(pipeline, hosting_name) is None, vendor_schema_errors(pipeline, hosting_name)
    config = yaml.safe_load((rollup / "rollup.yml").read_text(encoding="utf-8"))
    assert config == {"caseconf_git": CASECONF_GIT, "caseconf_rev": f"v{__version__}", "teams": []}
    assert not (rollup / "records").exists() and not (rollup / "methodology").exists()


def pipeline_text(team: Path, hosting_name: str) -> str:
    return (team / PIPELINE[hosting_name]).read_text(encoding="utf-8")


def heredoc_python(text: str) -> str:
    """The Python program of the install step (between <<'PY' and PY), de-indented."""
    match = re.search(r"<<'PY'\n(.*?)\n\s*PY\n", text, re.S)
    assert match, "no install program in the pipeline"
    lines = match.group(1).split("\n")
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return "\n".join(line[indent:] for line in lines)


@pytest.mark.parametrize("hosting_name", ["github", "gitlab", "forgejo"])
def test_the_install_step_pins_the_pre_commit_rev(tmp_path: Path, hosting_name: str) -> None:
    team = init(tmp_path, "team", "--ci", hosting_name, "--caseconf-git", CASECONF_GIT)
    program = heredoc_python(pipeline_text(team, hosting_name))

    def install_requirement() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", program], cwd=team, capture_output=True, text=True)

    assert install_requirement().stdout.strip() == f"caseconf @ git+{CASECONF_GIT}@v{__version__}"
    hooks = team / ".pre-commit-config.yaml"
    hooks.write_text(hooks.read_text(encoding="utf-8").replace(f"v{__version__}", "v9.8.7"), encoding="utf-8")
    assert install_requirement().stdout.strip().endswith("@v9.8.7")  # one place to upgrade: the rev
    hooks.write_text(hooks.read_text(encoding="utf-8").replace(CASECONF_GIT, "https://elsewhere.invalid/c.git"),
                     encoding="utf-8")
    mismatch = install_requirement()
    assert mismatch.returncode != 0 and ".pre-commit-config.yaml" in mismatch.stderr and CASECONF_GIT in mismatch.stderr


def caseconf_commands(text: str, hosting_name: str) -> list[str]:
    """Every command line of the pipeline that runs caseconf, as the job's shell gets it."""
    data = yaml.safe_load(text)
    if hosting_name == "gitlab":
        lines = [line for job in data.values() if isinstance(job, dict)
                 for entry in job.get("script", []) for line in entry.split("\n")]
    else:
        lines = [line for job in data["jobs"].values() for step in job["steps"]
                 for line in str(step.get("run", "")).split("\n")]
    commands = [re.sub(r"\s*\|\|\s*(status=1|true)$", "", line.strip()) for line in lines]
    return [c for c in commands if c.startswith("caseconf ") and c != "caseconf --version"]


@pytest.mark.slow
@pytest.mark.parametrize("hosting_name", ["github", "gitlab", "forgejo"])
def test_every_caseconf_command_of_the_pipeline_works(tmp_path: Path, hosting_name: str) -> None:
    team = init(tmp_path, "team", "--ci", hosting_name, "--caseconf-git", CASECONF_GIT)
    new = run_caseconf("new", "case", "--root", str(team), "--office", "JI", "--opened", "2026-01-05")
    assert new.code == 0, new.err
    init_git(team)
    git(team, "add", "-A")
    git(team, "commit", "-qm", "start")
    commands = caseconf_commands(pipeline_text(team, hosting_name), hosting_name)
    assert any("check" in c for c in commands) and any("pii --history" in c for c in commands)
    assert any("site build --strict" in c for c in commands) and any("stats --format json" in c for c in commands)
    for command in commands:
        proc = subprocess.run(["bash", "-c", f"set -e; {command}"], cwd=team, env=ENV, capture_output=True, text=True,
                              timeout=600)
        assert proc.returncode == 0, (command, proc.stdout[-2000:], proc.stderr[-2000:])
    assert (team / "site" / "index.html").is_file()
    stats = json.loads((team / "caseconf-stats.json").read_text(encoding="utf-8"))
    assert "conferences" in stats
    for report in team.glob("*.codequality.json"):
        assert json.loads(report.read_text(encoding="utf-8")) == []
    for report in team.glob("*.junit.xml"):
        assert ET.parse(report).getroot().tag == "testsuites"


def rollup_merge_script(text: str, hosting_name: str) -> str:
    data = yaml.safe_load(text)
    if hosting_name == "gitlab":
        blocks = [entry for entry in data["rollup"]["script"]]
    else:
        blocks = [str(step.get("run", "")) for step in data["jobs"]["rollup"]["steps"]]
    (script,) = [block for block in blocks if "stats --merge" in block]
    return script


@pytest.mark.parametrize("hosting_name", ["github", "gitlab", "forgejo"])
def test_the_rollup_merge_step_adds_the_teams_up(tmp_path: Path, hosting_name: str) -> None:
    rollup = init(tmp_path, "rollup", "--rollup", "--ci", hosting_name, "--caseconf-git", CASECONF_GIT)
    teams = rollup / "teams"
    teams.mkdir()
    from ..helpers import PROJECT
    from ..rules.apply import materialise

    demo = run_caseconf("stats", "--format", "json", "--root", str(PROJECT))
    other = run_caseconf("stats", "--format", "json", "--root", str(materialise(tmp_path / "base", [])))
    assert demo.code == 0 and other.code == 0
    write(teams / "kraj_vysocina.json", demo.out)
    write(teams / "kraj_jihomoravsky.json", other.out)
    script = rollup_merge_script((rollup / ROLLUP[hosting_name]).read_text(encoding="utf-8"), hosting_name)
    proc = subprocess.run(["bash", "-c", f"set -e\n{script}"], cwd=rollup, env=ENV, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    merged = json.loads((rollup / "rollup.json").read_text(encoding="utf-8"))
    expected = json.loads(demo.out)["conferences"]["total"] + json.loads(other.out)["conferences"]["total"]
    assert merged["conferences"]["total"] == expected
    assert (rollup / "rollup.csv").read_text(encoding="utf-8").strip()
    empty = subprocess.run(["bash", "-c", f"set -e\nrm -rf teams\n{script}"], cwd=rollup, env=ENV,
                           capture_output=True, text=True)
    assert empty.returncode != 0 and "no team figures" in empty.stdout + empty.stderr


def test_the_default_hosting_is_read_from_the_clone_s_remote(tmp_path: Path) -> None:
    clone = tmp_path / "zaznamy"
    clone.mkdir()
    init_git(clone)
    git(clone, "remote", "add", "origin", "https://gitlab.example.invalid/ospod/zaznamy.git")
    result = run_caseconf("init", str(clone), "--caseconf-git", CASECONF_GIT)
    assert result.code == 0, result.err
    assert (clone / ".gitlab-ci.yml").is_file() and not (clone / ".github").exists()
    assert (clone / ".gitlab" / "merge_request_templates" / "Default.md").is_file()
    # the clone is still the clone
    assert git(clone, "remote", "get-url", "origin").stdout.strip().endswith("ospod/zaznamy.git")
    assert run_caseconf("init", str(tmp_path / "plain"), "--caseconf-git", CASECONF_GIT).code == 0
    assert (tmp_path / "plain" / PIPELINE["github"]).is_file()


@pytest.mark.parametrize(("url", "expected"), [
    ("https://github.com/ospod/zaznamy.git", "github"),
    ("git@github.com:ospod/zaznamy.git", "github"),
    ("https://gitlab.com/ospod/zaznamy", "gitlab"),
    ("ssh://git@gitlab.mpsv.example.invalid:2222/ospod/zaznamy.git", "gitlab"),
    ("https://codeberg.org/ospod/zaznamy.git", "forgejo"),
    ("https://forgejo.example.invalid/ospod/zaznamy.git", "forgejo"),
    ("https://git.example.invalid/ospod/zaznamy.git", None),
    (None, None),
])
def test_hosting_of_url(url: str | None, expected: str | None) -> None:
    assert hosting.hosting_of_url(url) == expected


class FakeDistribution:
    def __init__(self, direct_url: dict | None) -> None:
        self.direct_url = direct_url

    def read_text(self, name: str) -> str | None:
        return json.dumps(self.direct_url) if name == "direct_url.json" and self.direct_url else None


@pytest.mark.parametrize(("direct_url", "expected"), [
    ({"url": CASECONF_GIT, "vcs_info": {"vcs": "git", "requested_revision": "v1.4.2", "commit_id": "a" * 40}},
     (CASECONF_GIT, "v1.4.2")),
    ({"url": CASECONF_GIT, "vcs_info": {"vcs": "git", "requested_revision": "main", "commit_id": "b" * 40}},
     (CASECONF_GIT, "b" * 40)),  # a branch moves: the exact commit is pinned
    ({"url": "file:///home/admin/caseconf", "dir_info": {"editable": True}}, (None, f"v{__version__}")),
    (None, (None, f"v{__version__}")),
])
def test_the_running_caseconf_s_source(monkeypatch: pytest.MonkeyPatch, direct_url: dict | None,
                                       expected: tuple[str | None, str]) -> None:
    monkeypatch.setattr(hosting.metadata, "distribution", lambda name: FakeDistribution(direct_url))
    source = hosting.running_caseconf()
    assert (source.git, source.rev) == expected
    assert hosting.running_caseconf("https://x.invalid/c.git").git == "https://x.invalid/c.git"


def test_ci_only_adds_the_pipeline_to_an_existing_team_repository(tmp_path: Path) -> None:
    from ..rules.apply import materialise

    team = materialise(tmp_path / "team", [])
    init_git(team)
    git(team, "remote", "add", "origin", "git@codeberg.org:ospod/zaznamy.git")
    before = {p.relative_to(team).as_posix() for p in team.rglob("*") if p.is_file() and ".git" not in p.parts}
    added = run_caseconf("init", str(team), "--ci-only")
    assert added.code == 0, added.err
    after = {p.relative_to(team).as_posix() for p in team.rglob("*") if p.is_file() and ".git" not in p.parts}
    assert after - before == {PIPELINE["forgejo"], ".forgejo/pull_request_template.md"}
    assert vendor_schema_errors(team / PIPELINE["forgejo"], "forgejo") is None
    assert "checklist" in (team / ".forgejo/pull_request_template.md").read_text(encoding="utf-8")  # language: en
    pipeline = (team / PIPELINE["forgejo"]).read_bytes()
    again = run_caseconf("init", str(team), "--ci-only")
    assert again.code == 2 and PIPELINE["forgejo"] in again.err and (team / PIPELINE["forgejo"]).read_bytes() == pipeline
    elsewhere = run_caseconf("init", str(tmp_path / "missing"), "--ci-only", "--ci", "gitlab")
    assert elsewhere.code == 2 and "caseconf.yml" in elsewhere.err and not (tmp_path / "missing").exists()
