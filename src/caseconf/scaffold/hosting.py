"""Which git hosting a team repository lives on, and where the running caseconf came from.

`caseconf init --ci` writes the pipeline of one hosting (GitHub Actions, GitLab CI/CD,
Forgejo Actions). Its default is read from the remote of the folder being initialised (a
fresh clone of an empty repository made on the hosting), else GitHub.

The team's `.pre-commit-config.yaml` and its CI pin caseconf by `repo:` + `rev:`. They
are the running caseconf's own when pip installed it from git (`pip install
"caseconf @ git+URL@vX.Y.Z"` records both in the distribution's `direct_url.json`, PEP 610);
otherwise `--caseconf-git URL` names the repository and the release tag of the running
version is the `rev:`.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

from ..version import __version__, release_tag

HOSTINGS = ("github", "gitlab", "forgejo")
RELEASE_REV = re.compile(r"^v\d+\.\d+\.\d+([-+.][0-9A-Za-z.-]+)?$")
COMMIT_REV = re.compile(r"^[0-9a-f]{40}$")

# where each hosting looks for the pipeline and the pull-request template
PIPELINE = {"github": ".github/workflows/caseconf.yml", "gitlab": ".gitlab-ci.yml",
            "forgejo": ".forgejo/workflows/caseconf.yml"}
PR_TEMPLATE = {"github": ".github/pull_request_template.md",
               "gitlab": ".gitlab/merge_request_templates/Default.md",
               "forgejo": ".forgejo/pull_request_template.md"}
ROLLUP_PIPELINE = {"github": ".github/workflows/rollup.yml", "gitlab": ".gitlab-ci.yml",
                   "forgejo": ".forgejo/workflows/rollup.yml"}


@dataclass(frozen=True)
class CaseconfSource:
    """The git repository and revision a team pins: None when they are not known."""

    git: str | None
    rev: str


def hosting_of_url(url: str | None) -> str | None:
    """github / gitlab / forgejo from a remote URL's host, None when the host does not say."""
    if not url:
        return None
    if "://" in url:
        host = (urlsplit(url).hostname or "").lower()
    else:  # scp-like: git@host:owner/repo.git
        host = url.split("@", 1)[-1].split(":", 1)[0].lower()
    if host == "github.com" or host.endswith(".github.com") or "github" in host.split("."):
        return "github"
    if "gitlab" in host:
        return "gitlab"
    if host == "codeberg.org" or any(word in host for word in ("forgejo", "gitea", "codeberg")):
        return "forgejo"
    return None


def origin_url(directory: Path) -> str | None:
    """The `origin` remote of a git folder, or None (no git, no folder, no remote)."""
    if not (directory / ".git").exists():
        return None
    try:
        proc = subprocess.run(["git", "-C", str(directory), "remote", "get-url", "origin"],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.strip() or None if proc.returncode == 0 else None


def default_hosting(directory: Path) -> str:
    return hosting_of_url(origin_url(directory)) or "github"


def running_caseconf(explicit_git: str | None = None) -> CaseconfSource:
    """Repository and `rev:` of the running caseconf (see the module's docstring)."""
    rev = release_tag(__version__)
    if explicit_git:
        return CaseconfSource(explicit_git.strip(), rev)
    try:
        raw = metadata.distribution("caseconf").read_text("direct_url.json")
        info = json.loads(raw) if raw else {}
    except (metadata.PackageNotFoundError, ValueError):
        info = {}
    vcs = info.get("vcs_info") if isinstance(info, dict) else None
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and isinstance(info.get("url"), str):
        requested = str(vcs.get("requested_revision") or "")
        commit = str(vcs.get("commit_id") or "")
        # a release tag as asked for; else the exact commit (a branch name would move)
        pinned = requested if RELEASE_REV.match(requested) else commit if COMMIT_REV.match(commit) else rev
        return CaseconfSource(info["url"], pinned)
    return CaseconfSource(None, rev)
