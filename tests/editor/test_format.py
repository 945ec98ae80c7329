"""The form's file format keeps the record's text: opening and saving every demo record
and case.yml without a change gives the same bytes, and changing one value changes only
that value's lines, read back by PyYAML (what caseconf reads) as exactly that change.

The format's JavaScript (caseconf/editor/static/format.js with the vendored `yaml`) runs
under node here, for every value of every file; test_browser.py does it through the real
form and decap-server for a few."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
RUNNER = HERE / "js_runner.mjs"
PER_FILE = 12

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


def run_js(payload: dict[str, Any]) -> Any:
    proc = subprocess.run(["node", str(RUNNER)], input=json.dumps(payload, default=str), capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def demo_files() -> list[Path]:
    return sorted(p for p in (PROJECT / "records").rglob("*") if p.is_file() and p.suffix in (".md", ".yml"))


def split(text: str, fmt: str) -> tuple[str, str]:
    if fmt == "yml":
        return text, ""
    _, front, body = text.split("---\n", 2)
    return front, body


def fmt_of(path: Path) -> str:
    return "yml" if path.suffix == ".yml" else "fm"


def leaves(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, path + (index,))
    else:
        yield path, value


def changed(value: Any) -> Any:
    """Another value of the same type, as the form's widget would hold it."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, dt.date):
        return (value + dt.timedelta(days=1)).isoformat()
    if isinstance(value, str):
        if value[:2].isdigit() and ":" in value:  # a clock time
            return "09:15"
        return value + " (upraveno, 09:30)"  # a comma-free change that PyYAML 1.1 could misread if unquoted
    return "x"


def as_python(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def set_in(data: Any, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def test_every_demo_file_is_saved_unchanged_byte_for_byte() -> None:
    files = demo_files()
    assert len(files) > 20
    out = run_js({"op": "roundtrip", "files": [{"text": p.read_text(encoding="utf-8"), "format": fmt_of(p)}
                                              for p in files]})
    for path, result in zip(files, out):
        assert result["text"] == path.read_text(encoding="utf-8"), path


def test_one_changed_value_changes_only_its_lines_in_every_demo_file() -> None:
    jobs, expected = [], []
    for path in demo_files():
        text = path.read_text(encoding="utf-8")
        fmt = fmt_of(path)
        front, body = split(text, fmt)
        data = yaml.safe_load(front)
        values = [(keys, value) for keys, value in leaves(data) if value is not None]
        # every kind of value of every file, spread over the file (all 2300 take a minute)
        for keys, value in values[::max(1, len(values) // PER_FILE)]:
            new = changed(value)
            jobs.append({"text": text, "format": fmt, "set": [[list(keys), new]]})
            want = copy.deepcopy(data)
            set_in(want, keys, as_python(new))
            expected.append((path, keys, front, body, want))
    assert len(jobs) > 300
    out = run_js({"op": "roundtrip", "files": jobs})
    for (path, keys, front, body, want), result in zip(expected, out):
        new_front, new_body = split(result["text"], fmt_of(path))
        where = f"{path.relative_to(PROJECT)} {'.'.join(map(str, keys))}"
        assert new_body == body, where
        assert yaml.safe_load(new_front) == want, f"{where}\n{new_front}"
        old_lines, new_lines = front.splitlines(), new_front.splitlines()
        diff = [d for d in difflib.ndiff(old_lines, new_lines) if d[:1] in "+-"]
        removed = [d for d in diff if d[0] == "-"]
        added = [d for d in diff if d[0] == "+"]
        # one value, one line: the line that holds it is replaced, nothing else moves
        assert len(removed) == 1 and len(added) == 1, f"{where}\n" + "\n".join(diff)


def test_times_stay_quoted_and_null_and_unknown_keys_stay() -> None:
    text = ('---\ncase: JI-2025-014\nkind: review  # a comment\ndate: 2025-06-17\nstart: "14:00"\n'
            'closed: null\nmy_own_note: keep me\nroles:\n  convener:    {role: ospod_worker, org: JI}\n---\nBody\n\n')
    out = run_js({"op": "roundtrip", "files": [
        {"text": text, "format": "fm", "set": [[["start"], "15:30"]]},
        {"text": text, "format": "fm", "set": [[["roles", "convener", "org"], "TR"]]},
        {"text": text, "format": "fm", "set": [[["end"], "16:00"], [["plan"], {"next_review": "2025-10-01"}]]},
    ]})
    assert out[0]["text"] == text.replace('"14:00"', '"15:30"')
    assert out[1]["text"] == text.replace("org: JI}", "org: TR}")
    front = yaml.safe_load(split(out[2]["text"], "fm")[0])
    assert front["end"] == "16:00" and front["plan"] == {"next_review": dt.date(2025, 10, 1)}
    assert front["start"] == "14:00" and "closed" in front and front["my_own_note"] == "keep me"
    assert out[2]["text"].startswith(text.split("---\nBody")[0]) and out[2]["text"].endswith("---\nBody\n\n")


def test_list_items_added_and_removed_touch_only_their_lines() -> None:
    text = ("---\nplan:\n  actions:\n    - id: A1\n      do: x\n      owner: M\n  # plan B\n"
            "  plan_b:\n    - {if: a, then: b}\n  core_group: [M, F]\n---\n")
    out = run_js({"op": "roundtrip", "files": [
        {"text": text, "format": "fm", "set": [[["plan", "plan_b", 1], {"if": "c", "then": "d"}]]},
        {"text": text, "format": "fm", "set": [[["plan", "core_group"], ["M"]]]},
        {"text": text, "format": "fm", "set": [[["plan", "actions", 0, "due"], "2025-05-01"]]},
    ]})
    assert out[0]["text"] == text.replace("then: b}\n", "then: b}\n    - {if: c, then: d}\n")
    assert out[1]["text"] == text.replace("[M, F]", "[M]")
    assert out[2]["text"] == text.replace("owner: M\n", "owner: M\n      due: 2025-05-01\n")


TRICKY = ["a: b", "#not a comment", "- not an item", "it's", 'say "hi"', "yes", "no", "on", "14:00", "1:30:00",
          "null", "~", "012345", "1e3", "0x1F", "2025-13-45", "  leading", "trailing  ", "tab\there", "ä ž ć Ђ",
          "{curly}", "[square]", "a, b", "@at", "`tick`", "!bang", "&amp", "*star", "%percent", "|pipe", ">gt",
          "two\nlines", "ends with colon:", "? question", "=", "<<"]


def test_tricky_text_values_are_read_back_exactly_as_typed() -> None:
    """Whatever a person types into a text field, caseconf reads back exactly that (in block
    and in flow context), and only that value's line changes."""
    import random

    rng = random.Random(17)
    alphabet = list("aá :#-'\"{}[],&*!|>%@`\\\t") + ["14:00", "yes", "ž"]
    values = TRICKY + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(150)]
    values = [v for v in values if v.strip() == v or "\n" in v or "\t" in v or v.startswith("  ") or v.endswith("  ")]
    text = '---\ncase: JI-2025-014\ngoal: "old"\nroles:\n  convener: {role: ospod_worker, org: JI}\n---\nBody\n'
    jobs = []
    for value in values:
        jobs.append({"text": text, "format": "fm", "set": [[["goal"], value]]})
        jobs.append({"text": text, "format": "fm", "set": [[["roles", "convener", "org"], value]]})
    out = run_js({"op": "roundtrip", "files": jobs})
    for index, result in enumerate(out):
        value = values[index // 2]
        front, body = split(result["text"], "fm")
        data = yaml.safe_load(front)
        got = data["goal"] if index % 2 == 0 else data["roles"]["convener"]["org"]
        assert got == value, (value, front)
        assert body == "Body\n"
        assert len([d for d in difflib.ndiff(split(text, "fm")[0].splitlines(), front.splitlines())
                    if d[:1] == "-"]) == 1, (value, front)
