"""Materialise a rule case: copy the base repository, then apply the case's edits."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

BASE = Path(__file__).parent / "_base"


def materialise(target: Path, edits: list[dict[str, Any]]) -> Path:
    shutil.copytree(BASE, target)
    for edit in edits:
        path = target / edit["file"]
        if "replace" in edit:
            old, new = edit["replace"]
            text = path.read_text(encoding="utf-8")
            assert old in text, f"case edit does not apply: {old!r} not in {edit['file']}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
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
    return target
