"""Rule tests are data: tests/rules/<CODE>/case.yml holds a failing and a passing variant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from caseconf.cli.main import main
from caseconf.rules.registry import all_rules

from .apply import materialise

HERE = Path(__file__).parent
CASE_DIRS = sorted(p for p in HERE.iterdir() if p.is_dir() and (p / "case.yml").is_file())


def _check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    code = main(["check", "--root", str(root), "--format", "json", "--no-pii"])
    out = json.loads(capsys.readouterr().out)
    return code, out["findings"]


def test_base_repository_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, findings = _check(materialise(tmp_path / "repo", []), capsys)
    assert findings == [] and code == 0


def test_every_rule_has_a_case_folder() -> None:
    codes = {rule.code for rule in all_rules()}
    assert codes == {d.name for d in CASE_DIRS}


@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=lambda p: p.name)
def test_rule_fires_on_fail_and_not_on_pass(case_dir: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = case_dir.name
    spec = yaml.safe_load((case_dir / "case.yml").read_text(encoding="utf-8"))
    status, findings = _check(materialise(tmp_path / "fail", spec["fail"]), capsys)
    hits = [f for f in findings if f["code"] == code]
    assert hits, f"{code} not reported; got {[f['code'] for f in findings]}"
    for finding in findings:
        assert finding["line"] >= 1 and finding["path"] and finding["message"]
    if any(f["severity"] == "error" for f in findings):
        assert status == 1
    status, findings = _check(materialise(tmp_path / "pass", spec["pass"]), capsys)
    assert code not in {f["code"] for f in findings}, findings
