"""`caseconf init DIR`: a complete new team repository, from templates shipped in the package.

Everything is rendered in memory, written into a temporary folder beside DIR and then
renamed into place, so a refused or failed init leaves nothing behind. A non-empty DIR is
refused. The methodology pack of the jurisdiction is copied from
`templates/packs/<cz|me>/` into `methodology/` (`packs/rule_links.yml` is not copied).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

import jinja2
import yaml

from ..errors import CaseconfError, OperationFailed
from ..records.catalogue import msg
from .hosting import PR_TEMPLATE, CaseconfSource, running_caseconf

DEFAULT_LANGUAGE = {"cz": "cs", "me": "sr-Latn"}
# mkdocs-material language codes: "sr" is Cyrillic, "sh" (Serbo-Croatian) is the Latin script.
THEME_LANGUAGE = {"cs": "cs", "sr-Latn": "sh", "en": "en"}
SKIP_IN_PACK = frozenset({"rule_links.yml", "__pycache__", ".DS_Store"})
OFFICE_CODE = re.compile(r"^[A-Z]{2,6}$")

# template -> path in the new repository
FILES = {
    "caseconf.yml.j2": "caseconf.yml",
    "mkdocs.yml.j2": "mkdocs.yml",
    "pre-commit-config.yaml.j2": ".pre-commit-config.yaml",
    "gitignore": ".gitignore",
}
# the pipeline and the pull-request template go where the hosting (--ci) looks: scaffold/ci.py


@dataclass
class InitOptions:
    jurisdiction: str = "cz"
    language: str | None = None
    team: str | None = None
    offices: dict[str, str] = field(default_factory=dict)
    ci: str = "github"  # github | gitlab | forgejo
    caseconf_git: str | None = None  # --caseconf-git; else where pip installed the running caseconf from
    rollup: bool = False  # the ministry's roll-up repository instead of a team repository


# The comments and messages of `caseconf init`, from the catalogue (msgctxt "caseconf init").
INIT_TEXTS = {
    "dark_mode": msg("Dark mode", "caseconf init"),
    "light_mode": msg("Light mode", "caseconf init"),
    "copyright": msg("The team's internal site – anonymised records, do not share outside the team.", "caseconf init"),
    "not_empty": msg("{path} is not an empty folder; caseconf init creates a repository only in an empty or new folder (nothing was written)", "caseconf init"),
    "not_dir": msg("{path} exists and is not a folder (nothing was written)", "caseconf init"),
    "no_pack": msg("the methodology pack for {jurisdiction} is missing from this caseconf installation; methodology/ stays empty", "caseconf init"),
    "bad_office": msg("--office expects CODE=Name, e.g. JI=OSPOD Jihlava (got '{value}')", "caseconf init"),
    "done": msg("The team repository is ready in {path}. Next: cd {path} && git init && pre-commit install && git add -A && git commit", "caseconf init"),
    "not_team_repo": msg("{path} is not a team repository (no caseconf.yml); --ci-only adds a pipeline to an existing repository, caseconf init without --ci-only creates a new one", "caseconf init"),
    "ci_exists": msg("{path} exists already; nothing was written. Delete it, or compare it with what caseconf init --ci … writes into a new folder", "caseconf init"),
    "ci_done": msg("The pipeline is written: {files}. Check caseconf_git in caseconf.yml and repo:/rev: in .pre-commit-config.yaml (HOSTING.md), then commit.", "caseconf init"),
    "rollup_done": msg("The national roll-up repository is ready in {path}. List the teams' repositories in rollup.yml (teams:), then git init && git add -A && git commit (HOSTING.md)", "caseconf init"),
    "no_caseconf_git": msg("Note: where caseconf installs from is not known. Put caseconf's git URL in caseconf.yml (caseconf_git:) and in .pre-commit-config.yaml (repo: and rev:), or CI cannot install it (HOSTING.md). Next time: caseconf init --caseconf-git URL", "caseconf init"),
    # the comments of the caseconf.yml that init writes (its keys stay as the record format names them)
    "cfg_intro": msg("caseconf team settings (see the record format, \"caseconf.yml\").", "caseconf init"),
    "cfg_jurisdiction": msg("vocabularies and methodology pack", "caseconf init"),
    "cfg_language": msg("site and messages", "caseconf init"),
    "cfg_format": msg("the record format of these files; `caseconf migrate` upgrades them", "caseconf init"),
    "cfg_git": msg("where CI and pre-commit install caseconf from (the same URL as repo: in .pre-commit-config.yaml)", "caseconf init"),
    "cfg_offices": msg("offices: codes used in case ids, e.g.  JI: OSPOD Jihlava", "caseconf init"),
    "cfg_profile": msg("The defaults of the {jurisdiction} profile, each with its source; change any value here.", "caseconf init"),
    "cfg_rules": msg("CODE: error | warning | info | off (see `caseconf rules`)", "caseconf init"),
    "cfg_min_cell": msg("statistics: published counts below this are shown as \"<3\"", "caseconf init"),
    "cfg_vocabulary": msg("team extensions of the closed lists", "caseconf init"),
}


def site_texts(lang: str) -> dict[str, str]:
    return {key: message[lang] for key, message in INIT_TEXTS.items()}


def init_message(key: str, lang: str, **params: object) -> str:
    return INIT_TEXTS[key][lang].format(**params)


def parse_office(value: str, lang: str) -> tuple[str, str]:
    code, sep, name = value.partition("=")
    code, name = code.strip(), name.strip()
    if not sep or not OFFICE_CODE.match(code) or not name:
        raise CaseconfError(init_message("bad_office", lang, value=value))
    return code, name


def _yaml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("caseconf", "templates/init"),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    env.filters["yaml_str"] = _yaml_str
    return env


def render_files(options: InitOptions, team: str, source: CaseconfSource | None = None) -> dict[str, str]:
    from .ci import pipeline_files

    source = source or running_caseconf(options.caseconf_git)
    language = options.language or DEFAULT_LANGUAGE[options.jurisdiction]
    context = {"team": team, "jurisdiction": options.jurisdiction, "language": language,
               "theme_language": THEME_LANGUAGE[language], "offices": options.offices,
               "site": site_texts(language), "profile": _profile_defaults(options.jurisdiction, language),
               "caseconf_git": source.git, "caseconf_rev": source.rev}
    out = {target: _env().get_template(template.format(language=language)).render(**context)
           for template, target in FILES.items()}
    out[PR_TEMPLATE[options.ci]] = _env().get_template(f"pull_request_template.{language}.md").render(**context)
    out.update(pipeline_files(options.ci))
    out["records/.gitkeep"] = ""
    return out


def _profile_defaults(jurisdiction: str, language: str = "en") -> dict[str, object]:
    """The jurisdiction profile's thresholds and rule levels, written out in caseconf.yml so
    the team sees (and may change) every default, each with its source."""
    from ..records.profiles import load_profile

    profile = load_profile(jurisdiction)
    def source(text: str) -> str:  # the profile's sources in the team's language (msgctxt "profile source")
        return msg(text, "profile source")[language]

    thresholds = [(name, json.dumps(item.value), source(item.source)) for name, item in profile.thresholds.items()]
    rules = [(code, item.value, source(item.source)) for code, item in sorted(profile.rules.items())]
    return {"thresholds": thresholds, "rules": rules}


def _pack(jurisdiction: str) -> Traversable:
    return resources.files("caseconf").joinpath("templates", "packs", jurisdiction)


def _copy_pack(source: Traversable, target: Path) -> int:
    copied = 0
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        if entry.name in SKIP_IN_PACK or entry.name.endswith((".pyc",)):
            continue
        if entry.is_dir():
            copied += _copy_pack(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())
            copied += 1
    return copied


def _is_empty_dir(path: Path) -> bool:
    """Empty, or a fresh clone of an empty repository made on the hosting (only `.git`)."""
    return path.is_dir() and all(entry.name == ".git" for entry in path.iterdir())


def init_repository(directory: Path, options: InitOptions) -> list[str]:
    """Create the repository; returns the relative paths written. Refuses a non-empty DIR."""
    language = options.language or DEFAULT_LANGUAGE[options.jurisdiction]
    directory = directory.absolute()
    if directory.exists() and not directory.is_dir():
        raise CaseconfError(init_message("not_dir", language, path=directory))
    if directory.exists() and not _is_empty_dir(directory):
        raise CaseconfError(init_message("not_empty", language, path=directory),
                            "caseconf init DIR: choose a new folder name")
    team = (options.team or directory.name).strip() or directory.name
    if options.rollup:
        from .ci import rollup_files

        files = rollup_files(options.ci, running_caseconf(options.caseconf_git))
    else:
        files = render_files(options, team)
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.init-", dir=directory.parent))
    written: list[str] = []
    try:
        for rel, text in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            written.append(rel)
        if not options.rollup:
            methodology = staging / "methodology"
            pack = _pack(options.jurisdiction)
            if pack.is_dir():
                _copy_pack(pack, methodology)
            methodology.mkdir(exist_ok=True)  # the site plugin generates the home page (index.md)
            written.extend(sorted(p.relative_to(staging).as_posix() for p in methodology.rglob("*") if p.is_file()))
        os.chmod(staging, 0o777 & ~_umask())
        if directory.exists():
            if not _is_empty_dir(directory):  # filled while we worked: still never overwrite
                raise CaseconfError(init_message("not_empty", language, path=directory))
            _move_into_place(staging, directory)
        else:
            os.rename(staging, directory)
    except CaseconfError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OperationFailed(f"{directory}: could not create the repository ({exc.strerror}); nothing was written",
                              "check free disk space and permissions") from None
    return written


def _move_into_place(staging: Path, directory: Path) -> None:
    """Replace the empty DIR by the staged tree; a clone's `.git` moves along, and back
    into DIR if the move fails (the staging folder is deleted after a failure)."""
    clone_git = directory / ".git"
    moved = False
    try:
        if clone_git.exists():
            os.rename(clone_git, staging / ".git")
            moved = True
        directory.rmdir()
        os.rename(staging, directory)
    except OSError:
        if moved:
            directory.mkdir(exist_ok=True)
            os.rename(staging / ".git", clone_git)
        raise


def add_ci(directory: Path, options: InitOptions) -> tuple[list[str], str]:
    """`caseconf init --ci-only DIR`: the hosting's pipeline and pull-request template for an
    existing team repository (DIR holds caseconf.yml); nothing is overwritten. Returns the
    paths written and the team's language (for the messages)."""
    from .ci import add_pipeline

    config_file = directory / "caseconf.yml"
    try:
        config = yaml.safe_load(config_file.read_text(encoding="utf-8")) if config_file.is_file() else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        config = {}  # `caseconf check` explains a broken caseconf.yml; the pipeline does not need it
    team_language = config.get("language") if isinstance(config, dict) else None
    language = options.language or (team_language if team_language in THEME_LANGUAGE else None) \
        or DEFAULT_LANGUAGE[options.jurisdiction]
    if config is None:
        raise CaseconfError(init_message("not_team_repo", language, path=directory))
    context = {"site": site_texts(language)}
    template = _env().get_template(f"pull_request_template.{language}.md").render(**context)
    try:
        return add_pipeline(directory, options.ci, (PR_TEMPLATE[options.ci], template)), language
    except FileExistsError as exc:
        raise CaseconfError(init_message("ci_exists", language, path=directory / str(exc))) from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
