"""`caseconf schema`: JSON Schemas generated from the models, for editors' YAML servers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..records.models import SCHEMAS
from .common import emit_json

FILE_NAMES = {"config": "caseconf.schema.json", "case": "case.schema.json",
              "conference": "conference.schema.json", "activity": "activity.schema.json"}


def build_schemas() -> dict[str, dict]:  # type: ignore[type-arg]
    out = {}
    for key, model in SCHEMAS.items():
        schema = model.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"caseconf {key}"
        out[key] = schema
    return out


@click.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write one <name>.schema.json per file type into this folder (never overwrites "
                   "anything but earlier schema files).")
def schema(out_dir: Path | None) -> int:
    """Print (or write) JSON Schemas of caseconf.yml, case.yml, conference and activity records."""
    schemas = build_schemas()
    if out_dir is None:
        emit_json(schemas)
        return 0
    from ..scaffold.atomic import write_text_atomic

    out_dir.mkdir(parents=True, exist_ok=True)
    for key, data in schemas.items():
        target = out_dir / FILE_NAMES[key]
        write_text_atomic(target, json.dumps(data, ensure_ascii=False, indent=2) + "\n", overwrite=True)
        click.echo(str(target))
    return 0
