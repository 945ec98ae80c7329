"""The Decap configuration is generated from the models: every field, every vocabulary."""

from __future__ import annotations

import datetime as dt
import enum
import re
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from caseconf.editor import config as editor_config
from caseconf.editor.assets import config_yaml, index_html
from caseconf.editor.config import build_decap_config, iter_fields, model_fields
from caseconf.records.models import (ACTION_ID_PATTERN, CASE_ID_PATTERN, ActivityRecord, CaseFile, ConferenceRecord,
                                     Strict)
from caseconf.records.repository import Repository
from caseconf.records.vocab import ConferenceKind

from ..helpers import PROJECT
from .conftest import CASE_ID, make_team


def model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path of a model, nested models and lists of models included."""
    paths = set()
    for name, info in model.model_fields.items():
        key = info.alias or name
        path = prefix + key
        paths.add(path)
        tp, _, _ = editor_config._unwrap(info.annotation)
        if typing.get_origin(tp) in (list, tuple):
            tp, _, _ = editor_config._unwrap(typing.get_args(tp)[0])
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            paths |= model_paths(tp, path + ".")
    return paths


def fields_by_path(fields: list[dict]) -> dict[str, dict]:
    return {path: field for path, field in iter_fields(fields) if not path.endswith(".item")}


@pytest.fixture
def team_repo(tmp_path: Path) -> Repository:
    return Repository.load(make_team(tmp_path / "team"))


@pytest.fixture
def demo_repo(demo_copy: Path) -> Repository:
    return Repository.load(demo_copy)


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


@pytest.mark.parametrize("model,name", [(ConferenceRecord, f"records-{CASE_ID.lower()}"),
                                        (CaseFile, "cases"), (ActivityRecord, "activities")])
def test_every_model_field_appears_in_the_form(team_repo: Repository, model: type[BaseModel], name: str) -> None:
    form = fields_by_path(collection(build_decap_config(team_repo), name)["fields"])
    missing = model_paths(model) - set(form)
    assert not missing, f"fields of {model.__name__} missing from the form: {sorted(missing)}"
    assert set(form) - model_paths(model) <= {"body"}  # nothing invented, except the minutes text


def test_every_closed_vocabulary_is_a_select(team_repo: Repository) -> None:
    form = fields_by_path(collection(build_decap_config(team_repo), f"records-{CASE_ID.lower()}")["fields"])
    for path in ("kind", "place", "basis", "indications", "participants.role", "participants.attendance",
                 "child.participation", "plan.actions.status", "plan.information_sharing.frequency",
                 "evaluation.result", "roles.convener.role", "plan.case_manager.role"):
        assert form[path]["widget"] == "select", path
    assert [o["value"] for o in form["kind"]["options"]] == [k.value for k in ConferenceKind]
    roles = [o["value"] for o in form["participants.role"]["options"]]
    assert "ospod_worker" in roles and "csr_worker" not in roles  # the team's jurisdiction (cz)
    bases = [o["value"] for o in form["basis"]["options"]]
    assert bases == ["court_petition", "other"]
    assert form["indications"]["multiple"] is True
    assert next(o["label"] for o in form["kind"]["options"] if o["value"] == "initial") == "Úvodní konference (initial)"


def test_team_vocabulary_extension_reaches_the_form(tmp_path: Path) -> None:
    root = make_team(tmp_path / "team")
    text = (root / "caseconf.yml").read_text() + "vocabulary:\n  role: [mediator]\n"
    (root / "caseconf.yml").write_text(text)
    form = fields_by_path(collection(build_decap_config(Repository.load(root)), "cases")["fields"])
    assert "mediator" in [o["value"] for o in form["household.role"]["options"]]
    assert [o["value"] for o in form["office"]["options"]] == ["JI", "TR", "HB", "PE"]


def test_dates_patterns_and_required_fields(team_repo: Repository) -> None:
    config = build_decap_config(team_repo)
    form = fields_by_path(collection(config, f"records-{CASE_ID.lower()}")["fields"])
    for path in ("date", "requested", "invited", "plan.actions.due", "plan.next_review", "evaluation.due",
                 "minutes.circulated", "case_summary.circulated"):
        # the team's date format whatever the browser's language (form.js's caseconf-date widget)
        assert form[path]["widget"] == "caseconf-date" and form[path]["format"] == "YYYY-MM-DD", path
    assert form["plan.actions.id"]["pattern"][0] == ACTION_ID_PATTERN
    assert form["evaluation.action"]["pattern"][0] == ACTION_ID_PATTERN
    assert re.fullmatch(form["start"]["pattern"][0], "13:00") and not re.fullmatch(form["start"]["pattern"][0], "25:00")
    assert form["participants.ref"]["pattern"][0]
    cases = fields_by_path(collection(config, "cases")["fields"])
    assert cases["id"]["pattern"][0] == CASE_ID_PATTERN
    assert cases["household.age"]["widget"] == "number" and cases["household.age"]["max"] == 30
    # What the model requires, the form requires; plus what, who and by when of an action.
    required = {path for path, field in form.items() if field.get("required")}
    assert {"case", "kind", "date", "participants.role", "participants.attendance", "plan.actions.id",
            "plan.actions.do", "plan.actions.owner", "plan.actions.due", "evaluation.action",
            "caseconf.ignore.code", "caseconf.ignore.reason"} <= required
    # An optional object's keys are not forced by Decap (an untouched roles.initiator stays
    # absent) but marked, and the form's own check refuses the part without them.
    assert not form["roles.initiator.role"]["required"]
    for path in ("roles.initiator.role", "roles.convener.role", "plan.case_manager.role", "participants.role",
                 "evaluation.result", "caseconf.ignore.reason", "kind", "date"):
        assert form[path]["label"].endswith(" *"), path
    for path in ("roles.convener.org", "goal", "plan.actions.indicator"):
        assert not form[path]["label"].endswith("*"), path
    cases = fields_by_path(collection(config, "cases")["fields"])
    assert cases["case_manager.role"]["label"].endswith(" *") and cases["key_worker.role"]["label"].endswith(" *")
    # a suppression names a check from the registries, and says why
    codes = [o["value"] for o in form["caseconf.ignore.code"]["options"]]
    assert form["caseconf.ignore.code"]["widget"] == "select" and {"PLAN006", "CONF009", "PII008"} <= set(codes)
    assert form["caseconf.ignore.reason"]["label"] != form["participants.reason"]["label"]
    assert form["case"]["widget"] == "hidden" and form["case"]["default"] == CASE_ID


def test_hints_and_labels_are_a_persons_words(team_repo: Repository) -> None:
    config = build_decap_config(team_repo)
    keys = {p.rsplit(".", 1)[-1] for m in (ConferenceRecord, CaseFile, ActivityRecord) for p in model_paths(m)}
    yaml_key = re.compile(r"\b(?:%s)\b:|\{" % "|".join(sorted(keys)))
    for coll in config["collections"]:
        for path, field in fields_by_path(coll["fields"]).items():
            for text in (field.get("hint", ""), field["label"]):
                # no message templates, no rule codes, no YAML keys
                assert not yaml_key.search(text) and not re.search(r"\b[A-Z]{3,6}\d{3}\b", text), (path, text)
    form = fields_by_path(collection(config, f"records-{CASE_ID.lower()}")["fields"])
    assert "kdo" in form["plan.actions.owner"]["hint"].lower() or "zkratka" in form["plan.actions.owner"]["hint"]
    assert form["plan.actions.owner"]["label"] == "Kdo *"
    assert form["roles.minutes"]["label"] != form["minutes"]["label"]
    # the team's jurisdiction (cz): its own authority's office, not Montenegro's
    places = [o["value"] for o in form["place"]["options"]]
    assert "ospod_office" in places and "csr_office" not in places
    assert form["date"]["widget"] == "caseconf-date"  # no time, no time zone, no "UTC"
    assert "date('D. M. YYYY')" in collection(config, f"records-{CASE_ID.lower()}")["summary"]


def test_language_follows_caseconf_yml(tmp_path: Path) -> None:
    root = make_team(tmp_path / "team")
    (root / "caseconf.yml").write_text((root / "caseconf.yml").read_text().replace("language: cs", "language: sr-Latn"))
    config = build_decap_config(Repository.load(root))
    assert config["locale"] == "hr"
    form = fields_by_path(collection(config, f"records-{CASE_ID.lower()}")["fields"])
    assert "Oznaka člana porodice" in form["plan.actions.owner"]["hint"]
    assert form["plan.actions.owner"]["label"] == "Nosilac *"


def test_a_model_change_changes_the_form(team_repo: Repository) -> None:
    class Mood(enum.StrEnum):
        calm = "calm"
        tense = "tense"

    class Extended(ConferenceRecord):
        mood: Mood | None = None
        follow_up_call: dt.date | None = None

    ctx = editor_config._Ctx("conference", "cs", team_repo.config)
    form = fields_by_path(model_fields(Extended, ctx))
    assert form["mood"]["widget"] == "select" and [o["value"] for o in form["mood"]["options"]] == ["calm", "tense"]
    assert form["follow_up_call"]["widget"] == "caseconf-date"


def test_review_form_starts_from_the_open_actions(demo_repo: Repository) -> None:
    config = build_decap_config(demo_repo)
    checked = 0
    for case_id, case in demo_repo.cases.items():
        open_ids = [s.id for s in case.actions().values() if s.is_open]
        name = f"records-{case_id.lower()}"
        if case.file is not None and case.file.status.value == "closed":
            assert name not in [c["name"] for c in config["collections"]]
            continue
        form = fields_by_path(collection(config, name)["fields"])
        if open_ids:
            assert form["evaluation"]["default"] == [{"action": i} for i in open_ids]
            checked += 1
        else:
            assert form["evaluation"]["default"] == []
        assert collection(config, name)["folder"] == f"records/{case_id}"
    assert checked, "the demo repository should have a case with open actions"


def test_backend_and_workflow_from_caseconf_yml(team_repo: Repository) -> None:
    config = build_decap_config(team_repo)
    assert config["backend"]["name"] == "github" and config["backend"]["repo"] == "example-team/caseconf-demo"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] is True
    assert config["locale"] == "cs"
    conference = collection(config, f"records-{CASE_ID.lower()}")
    assert conference["slug"] == "{{fields.date}}-{{kind}}"  # the record's own date, not the day of writing
    assert collection(config, "cases")["create"] is False


def test_config_yaml_and_page_are_self_contained(team_repo: Repository) -> None:
    config = build_decap_config(team_repo)
    assert yaml.safe_load(config_yaml(config)) == config
    page = index_html(config, title="T", lang="cs")
    assert "decap/decap-cms.js" in page and "http://" not in page.replace("http://localhost", "")
    assert "https://" not in page  # nothing from a CDN


def test_editor_does_not_import_cli_or_site() -> None:
    source = "\n".join(p.read_text() for p in (PROJECT / "src/caseconf/editor").glob("*.py"))
    assert not re.search(r"(from|import)\s+(caseconf|\.\.)\.?(cli|site)\b", source)


def test_gitea_has_no_editorial_workflow_in_decap(tmp_path: Path) -> None:
    root = make_team(tmp_path / "team")
    text = (root / "caseconf.yml").read_text().replace("backend: github", "backend: gitea").replace(
        "branch: main", "branch: zaznamy\n  api_root: https://git.example.org/api/v1\n  app_id: abc")
    (root / "caseconf.yml").write_text(text)
    config = build_decap_config(Repository.load(root))
    assert config["publish_mode"] == "simple"  # Decap: "The Gitea backend does not support editorial workflow."
    assert config["backend"] == {**config["backend"], "name": "gitea", "branch": "zaznamy",
                                 "api_root": "https://git.example.org/api/v1", "app_id": "abc"}


def test_every_label_hint_and_plural_exists_in_all_three_languages(team_repo: Repository) -> None:
    from caseconf.editor.labels import FIELDS, HINTS, PATH_LABELS, PLURALS, UI

    for table in (FIELDS, HINTS, PATH_LABELS, UI):
        for key, entry in table.items():
            assert set(entry) >= {"cs", "sr-Latn", "en"} and all(entry.values()), key
    # CLDR plural categories of whole numbers: cs one/few/other, sr one/few/other, en one/other
    needed = {"cs": {"one", "few", "other"}, "sr-Latn": {"one", "few", "other"}, "en": {"one", "other"}}
    from caseconf.editor.assets import plural_forms

    for key, entry in PLURALS.items():
        for lang, categories in needed.items():
            forms = plural_forms(entry, lang)  # from the catalogue, by the language's CLDR rule
            assert categories <= set(forms) and all(forms.values()), (key, lang)
    form = build_decap_config(team_repo)
    list_fields = {path.rsplit(".", 1)[-1] for coll in form["collections"]
                   for path, field in fields_by_path(coll["fields"]).items()
                   if field.get("widget") == "list"}
    assert list_fields - set(PLURALS) <= {"indications", "approved_by", "offices", "channels"}, list_fields - set(PLURALS)


@pytest.mark.parametrize("lang,counts", [("cs", {0: "0 úkolů", 1: "1 úkol", 3: "3 úkoly", 5: "5 úkolů"}),
                                         ("sr-Latn", {0: "0 mjera", 1: "1 mjera", 3: "3 mjere", 21: "21 mjera"}),
                                         ("en", {0: "0 actions", 1: "1 action", 2: "2 actions"})])
def test_list_headings_count_with_the_languages_plural_rules(team_repo: Repository, lang: str, counts: dict) -> None:
    """form.js rewrites Decap's "<count> <label>" with the page's forms and the browser's
    CLDR rules (Intl.PluralRules); node has the same rules as Chromium."""
    import json
    import shutil
    import subprocess

    from caseconf.editor.assets import page_data

    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    page = page_data(build_decap_config(team_repo), lang)
    label = {"cs": "úkoly", "sr-Latn": "mjere", "en": "actions"}[lang]
    forms = page["plurals"][label]
    script = ("const forms = %s, rules = new Intl.PluralRules(%s);"
              "console.log(JSON.stringify(%s.map((n) => n + ' ' + (forms[rules.select(n)] || forms.other))))"
              % (json.dumps(forms), json.dumps(lang), json.dumps(list(counts))))
    out = json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)
    assert out == list(counts.values())
