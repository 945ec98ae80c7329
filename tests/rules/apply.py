"""Materialise a rule case: copy a base repository, set its configs, then apply the edits."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
BASES = {"cz": HERE / "_base", "me": HERE / "_base_me"}
BASE = BASES["cz"]


def materialise(target: Path, edits: list[dict[str, Any]], configs: dict[str, Any] | None = None,
                base: str = "cz") -> Path:
    shutil.copytree(BASES[base], target)
    if configs:
        _configure(target / "caseconf.yml", configs)
    for edit in edits:
        _apply(target, edit)
    return target


def _configure(path: Path, configs: dict[str, Any]) -> None:
    """Team settings of a case: top-level keys replace, `thresholds`/`rules` merge."""
    settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in configs.items():
        if isinstance(value, dict) and isinstance(settings.get(key), dict):
            settings[key] = {**settings[key], **value}
        else:
            settings[key] = value
    path.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _apply(target: Path, edit: dict[str, Any]) -> None:
    path = target / edit["file"]
    if "replace" in edit:
        pairs = edit["replace"]
        pairs = [pairs] if isinstance(pairs[0], str) else pairs  # one pair, or a list of pairs
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"case edit does not apply: {old!r} not in {edit['file']}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    elif "write" in edit:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(edit["write"], encoding="utf-8")
    elif edit.get("delete"):
        path.unlink()
    elif edit.get("mkdir"):
        path.mkdir(parents=True)
    elif "rename" in edit:
        destination = target / edit["rename"]
        destination.parent.mkdir(parents=True, exist_ok=True)
        path.rename(destination)
    elif edit.get("latin2"):
        path.write_bytes(path.read_text(encoding="utf-8").replace("home", "domů").encode("iso-8859-2"))
    elif edit.get("crlf_bom"):
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    elif "append_bytes" in edit:
        with path.open("a", encoding="utf-8") as handle:
            handle.write("x" * edit["append_bytes"])
    else:  # pragma: no cover - a malformed case file
        raise AssertionError(f"unknown edit {edit}")
