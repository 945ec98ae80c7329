"""A record the form accepts is a record CI accepts (issue 17).

Hypothesis edits the demo records as a user of the form could (a field changed, emptied,
removed or added, at any depth, with dates, times, codes, template words, personal data,
conflict markers or very long text), the form's own code writes and judges each edit under
node (format.js and `checkSave` of checks.js, as form.js does before a save), and every edit
the form would let through is saved into a copy of the demo repository and run through
`caseconf check` (the personal-data scan included) and `caseconf pii`: neither may report an
error anywhere in the repository."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from caseconf.cli.main import main
from caseconf.editor.checks import CI_ONLY_WHY, browser_checks
from caseconf.records.repository import Repository

from .parity import run_js, schema_of

pytestmark = [pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"), pytest.mark.slow]

PROJECT = Path(__file__).resolve().parents[2]

# Obviously fictional people and places only (the planted values of the personal-data corpus).
VALUES: list[Any] = [
    "", None, "__delete__", "TODO", "DOPLŇTE: cíl", "2026-13-40", "2026-05-26", "2031-01-01", "1999-02-28", "25:00",
    "14:00", "09:30", "8:5", 0, 3, -1, 10**120, True, False, [], {}, "M", "D1", "X9", "ospod_worker", "present",
    "absent", "excused", "review", "initial", "crisis", "evaluation", "preparatory", "done", "continued", "A1", "A9",
    "JI", "XX", "JI-2025-014", "ji-25-1", "closed", "open", "court_petition", "Dohodnout, jak D1 chodí do školy.",
    "Paní Nováková přijde.", "Zavolejte na 603 123 456.", "Bydlí v ulici Husova 12.", "Adresa: 586 01 Jihlava",
    "jana.novakova@example.cz", "<<<<<<< HEAD", "=======", "caseconf: allow-pii", "a" * 20_500,
    {"role": "ospod_worker", "org": "JI"}, {"ref": "M", "role": "mother", "attendance": "present"},
    {"id": "A7", "do": "objedná prohlídku", "owner": "M", "due": "2026-09-01", "indicator": "prohlídka proběhla"},
]
TEXT = st.text(alphabet="abcčdeěfhijklmnoprřsštuvyzž ÁČŠPN0123456789:-./\n", max_size=40)


def demo_copy(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(PROJECT / "records", root / "records")
    shutil.copy(PROJECT / "caseconf.yml", root / "caseconf.yml")
    return root


BASE = demo_copy(Path(__import__("tempfile").mkdtemp(prefix="caseconf-props-")) / "demo")
DATA = browser_checks(Repository.load(BASE))


def editable_files() -> list[str]:
    """The files the form edits: records of open cases, case.yml of open cases, activities."""
    out = []
    for path in sorted((BASE / "records").rglob("*")):
        rel = path.relative_to(BASE).as_posix()
        schema = schema_of(rel)
        if schema is None:
            continue
        case = rel.split("/")[1]
        if schema != "activity" and DATA["cases"].get(case, {}).get("closed"):
            continue  # closed cases have no form
        out.append(rel)
    return out


FILES = editable_files()


def _front(text: str, rel: str) -> Any:
    if rel.endswith(".yml"):
        return yaml.load(text, Loader=yaml.BaseLoader)
    return yaml.load(text.split("---", 2)[1], Loader=yaml.BaseLoader)


def paths(value: Any, node: dict[str, Any] | None, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place a form could write: each existing key and item, each key the model knows
    but the record lacks, the next item of each list."""
    out: list[tuple[Any, ...]] = []
    fields = (node or {}).get("fields", {}) if (node or {}).get("type") == "object" else {}
    if isinstance(value, dict):
        for key, child in value.items():
            out.append(prefix + (key,))
            out += paths(child, fields.get(key), prefix + (key,))
        out += [prefix + (key,) for key in fields if key not in value]
    elif isinstance(value, list):
        item = (node or {}).get("item")
        for i, child in enumerate(value):
            out.append(prefix + (i,))
            out += paths(child, item, prefix + (i,))
        out.append(prefix + (len(value),))
    return out


def _schema(rel: str) -> str:
    return schema_of(rel)  # type: ignore[return-value]


PATHS = {rel: paths(_front((BASE / rel).read_text(encoding="utf-8"), rel), DATA["schemas"][_schema(rel)])
         + ([("body",)] if rel.endswith(".md") else []) for rel in FILES}


def node_at(node: dict[str, Any] | None, path: tuple[Any, ...]) -> dict[str, Any] | None:
    for part in path:
        if node is None:
            return None
        node = node.get("item") if isinstance(part, int) else node.get("fields", {}).get(part)
    return node


SENTENCES = st.sampled_from(["Dohodnout, jak D1 chodí do školy.", "M přijde na schůzku.", "Škola pošle zprávu.",
                             "Paní Nováková přijde.", "Zavolejte na 603 123 456.", "Bydlí v ulici Husova 12.",
                             "Narozen 15. 9. 2015.", "TODO"])


def fitting(node: dict[str, Any] | None) -> st.SearchStrategy[Any]:
    """A value of the field's own type, as its widget would give: most edits a user makes."""
    kind = (node or {}).get("type")
    if kind == "enum":
        return st.sampled_from(node["values"])  # type: ignore[index]
    if kind == "bool":
        return st.booleans()
    if kind in ("int", "number"):
        return st.integers(min_value=-2, max_value=200)
    if kind == "date":
        return st.dates().map(lambda d: d.isoformat())
    if kind == "object" or kind == "list":
        return st.sampled_from(VALUES)
    if node and node.get("vocabulary"):
        return st.sampled_from(node["vocabulary"])
    if node and ":" in (node.get("pattern") or ""):
        return st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"{t[0]:02d}:{t[1]:02d}")
    return st.one_of(SENTENCES, TEXT)


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, list[list[Any]]]:
    rel = draw(st.sampled_from(FILES))
    schema = DATA["schemas"][_schema(rel)]
    sets = []
    for path in draw(st.lists(st.sampled_from(PATHS[rel]), min_size=1, max_size=3)):
        value = draw(st.one_of(fitting(node_at(schema, path)), st.sampled_from(VALUES), TEXT))
        sets.append([list(path), value])
    return rel, sets


def context_of(rel: str) -> dict[str, Any]:
    """What form.js hands checkSave for an existing file of the demo."""
    parts = rel.split("/")
    file = parts[-1]
    if parts[1] == "activities":
        return {"file": file}
    case = parts[1]
    return {**DATA["cases"].get(case, {}), "closes_case": False, "file": file, "any_order": True, "case_id": case}


def python_errors(root: Path, rel: str) -> list[dict[str, Any]]:
    found = []
    for argv in (["check", "--root", str(root), "--format", "json"], ["pii", "--root", str(root), "--format", "json", str(root / rel)]):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            main(argv)
        found += [f for f in json.loads(out.getvalue())["findings"] if f["severity"] == "error"]
    return found


TALLY = {"accepted": 0, "refused": 0}


# a batch of 20 edits per example, judged in one run of node; no shrinking (a leak names
# its file and edits, which is all one needs, and shrinking a batch takes minutes)
@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.generate])
@given(st.lists(edits(), min_size=20, max_size=20))
def test_a_record_the_form_accepts_passes_check_and_pii(tmp_path_factory: pytest.TempPathFactory,
                                                         batch: list[tuple[str, list[list[Any]]]]) -> None:
    items = [{"schema": _schema(rel), "text": (BASE / rel).read_text(encoding="utf-8"), "set": sets,
              "context": context_of(rel)} for rel, sets in batch]
    results = run_js({"op": "save", "data": DATA, "items": items})
    leaks = []
    for (rel, sets), result in zip(batch, results):
        if any(f["severity"] == "error" for f in result["findings"]):
            TALLY["refused"] += 1
            continue
        TALLY["accepted"] += 1
        root = tmp_path_factory.mktemp("saved")
        shutil.copytree(BASE, root, dirs_exist_ok=True)
        (root / rel).write_text(result["text"], encoding="utf-8")
        errors = python_errors(root, rel)
        if errors:
            leaks.append(f"{rel} {sets!r:.300}: {[(e['path'], e['line'], e['code']) for e in errors]}")
    assert not leaks, "\n".join(leaks)


def test_the_property_was_tried_on_both_sides() -> None:
    """Not vacuous: the edits above were both accepted and refused, many times."""
    if not TALLY["accepted"] + TALLY["refused"]:
        pytest.skip("run with the property test")
    print("form accepted / refused:", TALLY)
    assert TALLY["accepted"] >= 10 and TALLY["refused"] >= 10, TALLY


def test_the_form_nests_far_less_deep_than_the_loader_allows() -> None:
    """YAML005 is left to CI because the form cannot reach it (CI_ONLY_WHY)."""
    def depth(node: dict[str, Any]) -> int:
        if node.get("type") == "object":
            return 1 + max((depth(child) for child in node["fields"].values()), default=0)
        if node.get("type") == "list":
            return 1 + depth(node["item"])
        return 0

    assert max(depth(DATA["schemas"][name]) for name in DATA["schemas"]) < DATA["limits"]["depth"] // 4
    assert "YAML005" in CI_ONLY_WHY


def test_every_error_the_form_leaves_to_ci_says_why() -> None:
    errors = {code for code in DATA["ci_only"] if DATA["codes"][code]["severity"] == "error"}
    assert errors <= set(DATA["ci_only_why"]), errors - set(DATA["ci_only_why"])
