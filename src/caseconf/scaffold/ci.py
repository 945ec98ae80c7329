"""The pipeline files `caseconf init --ci HOSTING` writes (templates/init/ci/).

The CI templates are full of the hostings' own `${{ ... }}` expressions, so they use
`[= ... =]` for caseconf's values instead of Jinja's `{{ ... }}`. The install and merge
snippets are shared by the three hostings, so the commands are the same everywhere.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2

from .hosting import PIPELINE, ROLLUP_PIPELINE, CaseconfSource

DEFAULT_BRANCH = "main"  # `git init -b main` in HOSTING.md; the pipelines run their default-branch jobs there


def _snippet(name: str) -> str:
    return resources.files("caseconf").joinpath("templates/init/ci", name).read_text(encoding="utf-8").rstrip("\n")


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("caseconf", "templates/init/ci"),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False,
                             variable_start_string="[=", variable_end_string="=]",
                             block_start_string="[%", block_end_string="%]",
                             comment_start_string="[#", comment_end_string="#]")
    env.filters["yaml_str"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env


def pipeline_files(hosting: str) -> dict[str, str]:
    """The team repository's pipeline: {path: text}."""
    text = _env().get_template(f"{hosting}.yml.j2").render(install=_snippet("install.sh"),
                                                           default_branch=DEFAULT_BRANCH)
    return {PIPELINE[hosting]: text}


def rollup_files(hosting: str, source: CaseconfSource) -> dict[str, str]:
    """The ministry's roll-up repository: its scheduled pipeline and rollup.yml."""
    pipeline = _env().get_template(f"rollup-{hosting}.yml.j2").render(
        install=_snippet("rollup_install.sh"), merge=_snippet("rollup_merge.sh"), default_branch=DEFAULT_BRANCH)
    config = _env().get_template("rollup.yml.j2").render(caseconf_git=source.git or "", caseconf_rev=source.rev)
    return {ROLLUP_PIPELINE[hosting]: pipeline, "rollup.yml": config,
            ".gitignore": "# downloaded and merged on every run, never committed\nteams/\nteams.txt\nrollup.json\nrollup.csv\n"}


def add_pipeline(directory: Path, hosting: str, pr_template: tuple[str, str] | None = None) -> list[str]:
    """Write the hosting's pipeline (and pull-request template) into an existing team
    repository; never overwrites. Returns the relative paths written. `pr_template` is
    (path, text). Raises FileExistsError naming the pipeline when it is there already."""
    from .atomic import write_text_atomic

    files = pipeline_files(hosting)
    if pr_template is not None and not (directory / pr_template[0]).exists():
        files[pr_template[0]] = pr_template[1]
    for rel in files:
        if (directory / rel).exists():
            raise FileExistsError(rel)
    for rel, text in files.items():
        write_text_atomic(directory / rel, text)
    return sorted(files)
