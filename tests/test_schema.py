"""`caseconf schema` output validates the demo repository's files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from caseconf.records.yamlsafe import parse

from .helpers import PROJECT, run_caseconf


def front_matter(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("---\n")[1]


def test_schemas_validate_demo(tmp_path: Path) -> None:
    run = run_caseconf("schema", "--out", str(tmp_path))
    assert run.code == 0, run.err
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.json")}
    assert set(schemas) == {"caseconf.schema.json", "case.schema.json", "conference.schema.json", "activity.schema.json"}
    jsonschema.validate(parse((PROJECT / "caseconf.yml").read_text(encoding="utf-8")).data, schemas["caseconf.schema.json"])
    checked = 0
    for path in (PROJECT / "records").rglob("*"):
        if path.name == "case.yml":
            data, schema = parse(path.read_text(encoding="utf-8")).data, schemas["case.schema.json"]
        elif path.suffix == ".md":
            name = "activity" if "activities" in path.parts else "conference"
            data, schema = parse(front_matter(path)).data, schemas[f"{name}.schema.json"]
        else:
            continue
        jsonschema.validate(data, schema)
        checked += 1
    assert checked > 20


def test_schema_rejects_a_bad_kind(tmp_path: Path) -> None:
    run = run_caseconf("schema")
    schema = run.json()["conference"]
    record = {"case": "JI-2025-001", "kind": "meeting", "date": "2025-01-01"}
    try:
        jsonschema.validate(record, schema)
    except jsonschema.ValidationError as exc:
        assert "meeting" in str(exc.message)
    else:
        raise AssertionError("schema accepted kind: meeting")
