"""A bounded mutation fuzz of the loader: whatever bytes a record file holds, loading it
never raises, every problem is a finding on that file with a line, the findings' text
carries no raw control character and their JSON is complete."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseconf.records.findings import CONTROL_CODES
from caseconf.records.loader import load_document

BASE = (Path(__file__).parent.parent / "rules" / "_base" / "records" / "JI-2025-001")
SEEDS = [path.read_bytes() for path in sorted(BASE.iterdir()) if path.suffix in (".md", ".yml")]
CONTEXT = {"roles": {"mother", "father", "child", "ospod_worker", "facilitator", "facilitator_assistant",
                     "teacher"}, "indications": {"coordination"}, "bases": {"other"}}

# Fragments the earlier fuzzer found or YAML readers trip on: huge numbers, deep nesting,
# aliases, tags, control characters, BOMs, conflict markers, bidi controls.
SPLICES = [b"9" * 4301, b"-" + b"1" * 5000, b"[" * 70, b"{a: " * 50, b"&a x", b"*a", b"!!python/object:os.system",
           b"<<: {a: 1}", b"\x1b]0;t\x07", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\r", b"\t", b"<<<<<<< HEAD\n",
           b"\xe2\x80\xae", b"\xc2\x9b", b"'", b'"', b": ", b"\n- ", b"---\n", b"...\n", b"%YAML 1.1\n", b"? ",
           b"0x1F", b"1e400", b".inf", b"~", "č".encode(), b"\\u0000", b"\"\\x1b\""]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.integers(0, 3))
        at = draw(st.integers(0, len(data)))
        if action == 0:
            data[at:at] = draw(st.sampled_from(SPLICES))
        elif action == 1:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == 2 and data:
            end = min(len(data), at + draw(st.integers(1, 40)))
            del data[at:end]
        else:
            chunk = bytes(data[at:at + draw(st.integers(1, 60))])
            data[at:at] = chunk * draw(st.integers(1, 20))
    return bytes(data)


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(raw=mutated(), kind=st.sampled_from(["conference", "case", "config", "activity"]))
def test_any_bytes_load_to_findings_never_to_an_exception(raw: bytes, kind: str) -> None:
    path = "records/JI-2025-001/2025-07-01-review.md" if kind != "case" else "records/JI-2025-001/case.yml"
    doc = load_document(Path("."), path, kind, "en", CONTEXT, raw=raw)  # type: ignore[arg-type]
    for finding in doc.findings:
        assert finding.path == path and finding.line >= 1 and finding.code[:4] in ("YAML", "FILE", "SCHE")
        text = finding.to_text()
        assert not any(ord(ch) in CONTROL_CODES for ch in text), text
    json.dumps([finding.to_json() for finding in doc.findings], ensure_ascii=False)
    assert doc.model is not None or any(f.severity == "error" for f in doc.findings)
