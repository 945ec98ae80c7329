"""A branch the form makes is checked before it can be merged: every pipeline caseconf
writes (`caseconf init --ci`) runs on pull/merge requests from any branch, the form's
`cms/...` branches included, and runs `caseconf check` and `caseconf pii` there. The browser
test runs those very steps on a branch the form made (test_browser.py); a refused save makes
no branch at all (the refusal tests there)."""

from __future__ import annotations

import yaml

from caseconf.scaffold.ci import pipeline_files


def pipeline(hosting: str) -> dict:
    (text,) = pipeline_files(hosting).values()
    return yaml.safe_load(text)


def check_steps(hosting: str = "github") -> list[str]:
    """The commands of the pipeline's check job that judge the records."""
    steps = pipeline(hosting)["jobs"]["check"]["steps"]
    runs = [s["run"] for s in steps if "run" in s and "pip install" not in s["run"]]
    return [r.strip() for r in runs if r.strip().startswith(("caseconf check", "caseconf pii --format"))]


def test_github_and_forgejo_pipelines_run_on_every_pull_request_branch() -> None:
    for hosting in ("github", "forgejo"):
        triggers = pipeline(hosting)[True]  # YAML 1.1 reads the key `on` as true
        assert "pull_request" in triggers and not (triggers["pull_request"] or {}).get("branches"), hosting
        runs = check_steps(hosting)
        assert any(r.startswith("caseconf check") for r in runs) and any(r.startswith("caseconf pii") for r in runs)


def test_gitlab_pipeline_runs_on_merge_requests() -> None:
    rules = pipeline("gitlab")["workflow"]["rules"]
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in rules
