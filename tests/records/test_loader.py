"""The loader turns every broken or hostile input into a finding with a line, never a traceback."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseconf.records.loader import load_document
from caseconf.records.yamlsafe import parse

DATA = Path(__file__).parent / "data"
EXPECTED: dict[str, list[str]] = yaml.safe_load((DATA / "expected.yml").read_text(encoding="utf-8"))


def load(name: str, root: Path = DATA):  # type: ignore[no-untyped-def]
    return load_document(root, name, "conference", "en", None)


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_hostile_and_broken_files(name: str) -> None:
    doc = load(name)
    codes = sorted({f.code for f in doc.findings if f.severity == "error"})
    assert codes == sorted(EXPECTED[name]), [f.to_text() for f in doc.findings]
    for finding in doc.findings:
        assert finding.line >= 1 and finding.path == name and finding.message


def test_alias_bomb_stays_small() -> None:
    tracemalloc.start()
    doc = load("billion-laughs.md")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert doc.model is None
    assert peak < 50 * 1024 * 1024


def test_ten_megabyte_front_matter_is_refused_cheaply(tmp_path: Path) -> None:
    big = "---\ncase: JI-2025-001\nkind: crisis\ndate: 2025-07-01\nnote: \"" + "x" * (10 * 1024 * 1024) + "\"\n---\n"
    (tmp_path / "big.md").write_text(big, encoding="utf-8")
    tracemalloc.start()
    doc = load("big.md", tmp_path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [f.code for f in doc.findings] == ["FILE011"]
    assert peak < 200 * 1024 * 1024


def test_deep_block_nesting(tmp_path: Path) -> None:
    lines = ["---", "case: JI-2025-001"] + [" " * i + f"k{i}:" for i in range(200)] + ["---"]
    (tmp_path / "deep.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = load("deep.md", tmp_path)
    assert {f.code for f in doc.findings} == {"YAML005"}


def test_yaml_12_habits() -> None:
    data = parse('start: 13:00\nreason: no\nref: 012345\nflag: true\ncount: 14\nx: 1e3\nnothing: ~\n').data
    assert data == {"start": "13:00", "reason": "no", "ref": "012345", "flag": True, "count": 14,
                    "x": "1e3", "nothing": None}


def test_crlf_and_bom_load_with_right_lines() -> None:
    for name in ("crlf.md", "bom.md"):
        doc = load(name)
        assert doc.model is not None and doc.line_of("kind") == 3


def test_duplicate_key_line_points_at_second() -> None:
    parsed = parse("goal: a\nkind: review\ngoal: b\n")
    assert [(p.code, p.line) for p in parsed.problems] == [("YAML002", 3)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    doc = load_document(root, "2025-01-01-review.md", "conference", "cs", None, raw=b"---\n" + raw)
    assert all(f.line >= 1 for f in doc.findings)
    assert doc.model is not None or doc.findings


YAML_SCALARS = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(),
                         st.dates().map(str), st.sampled_from(["13:00", "no", "1e3", "2025-02-30", "~", "&a x", "*a"]))
YAML_VALUES = st.recursive(YAML_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["case", "kind", "date", "plan", "actions", "owner", "due", "goal", "participants", "role", "x"]),
        inner, max_size=5)), max_leaves=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_VALUES)
def test_arbitrary_yaml_never_raises(value: object) -> None:
    text = "---\n" + yaml.safe_dump(value, allow_unicode=True) + "---\n"
    for kind in ("conference", "case", "activity", "config"):
        raw = text.encode() if kind in ("conference", "activity") else text[4:-4].encode()
        doc = load_document(Path("."), "x.md", kind, "en", None, raw=raw)  # type: ignore[arg-type]
        assert all(f.line >= 1 and f.code for f in doc.findings)


def test_values_that_yaml_11_would_mangle_stay_text() -> None:
    record = load("number-where-text.md").model
    assert record.goal == "1e3"
    assert record.participants[0].reason == "no"
    assert record.roles.convener.org == "012345"
    assert record.start == "13:00"
