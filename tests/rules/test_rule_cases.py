"""Rule tests are data, in the sqlfluff manner: tests/rules/<CODE>/case.yml holds named
`fail:` and `pass:` cases. Each case edits a base repository (`base: cz` by default, or
`me`), may set team `configs:` (jurisdiction, thresholds, rules) and may name the `line`
the finding must be on. Every threshold rule has a near miss on each side of its limit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from caseconf.cli.main import main
from caseconf.rules.registry import all_rules

from .apply import BASES, materialise

HERE = Path(__file__).parent
CASE_DIRS = sorted(p for p in HERE.iterdir() if p.is_dir() and (p / "case.yml").is_file())


def _load(case_dir: Path) -> dict[str, list[dict[str, Any]]]:
    spec = yaml.safe_load((case_dir / "case.yml").read_text(encoding="utf-8"))
    for outcome in ("fail", "pass"):  # the first format: one list of edits per outcome
        cases = spec.get(outcome)
        if cases == [] or (cases and "name" not in cases[0]):
            spec[outcome] = [{"name": "base" if outcome == "fail" else "near_miss", "edits": cases or []}]
    return spec


def _cases() -> list[Any]:
    out = []
    for case_dir in CASE_DIRS:
        spec = _load(case_dir)
        for outcome in ("fail", "pass"):
            for case in spec.get(outcome) or []:
                out.append(pytest.param(case_dir.name, outcome, case, id=f"{case_dir.name}-{outcome}-{case['name']}"))
    return out


def _check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    code = main(["check", "--root", str(root), "--format", "json", "--no-pii"])
    out = json.loads(capsys.readouterr().out)
    return code, out["findings"]


@pytest.mark.parametrize("base", sorted(BASES))
def test_base_repository_is_clean(base: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, findings = _check(materialise(tmp_path / "repo", [], base=base), capsys)
    assert findings == [] and code == 0


def test_every_rule_has_a_case_folder() -> None:
    codes = {rule.code for rule in all_rules()}
    assert codes == {d.name for d in CASE_DIRS}


@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=lambda p: p.name)
def test_every_code_has_named_fail_and_pass_cases(case_dir: Path) -> None:
    spec = _load(case_dir)
    for outcome in ("fail", "pass"):
        cases = spec.get(outcome) or []
        assert cases, f"{case_dir.name}: no {outcome} case"
        names = [c.get("name") for c in cases]
        assert all(names) and len(set(names)) == len(names), f"{case_dir.name}: unnamed or repeated {outcome} cases"


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.thresholds], ids=lambda r: r.code)
def test_threshold_rules_have_near_misses_on_both_sides(rule: type) -> None:
    spec = _load(HERE / rule.code)
    near = [c["name"] for o in ("fail", "pass") for c in spec[o] if c["name"].startswith("near_miss")]
    assert any(n for n in near if n in {c["name"] for c in spec["fail"]}), f"{rule.code}: no failing near miss"
    assert any(n for n in near if n in {c["name"] for c in spec["pass"]}), f"{rule.code}: no passing near miss"


@pytest.mark.parametrize(("code", "outcome", "case"), _cases())
def test_rule_case(code: str, outcome: str, case: dict[str, Any], tmp_path: Path,
                   capsys: pytest.CaptureFixture[str]) -> None:
    root = materialise(tmp_path / "repo", case.get("edits") or [], case.get("configs"), case.get("base", "cz"))
    status, findings = _check(root, capsys)
    hits = [f for f in findings if f["code"] == code]
    if outcome == "pass":
        assert not hits, hits
        return
    assert hits, f"{code} not reported; got {[(f['code'], f['message']) for f in findings]}"
    for finding in findings:
        assert finding["line"] >= 1 and finding["path"] and finding["message"]
    if "line" in case:
        assert case["line"] in [h["line"] for h in hits], hits
    if "severity" in case:
        assert case["severity"] in [h["severity"] for h in hits], hits
    if any(f["severity"] == "error" for f in findings):
        assert status == 1
