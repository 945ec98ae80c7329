"""Every finding of every rule reads in the team's language: each rule's failing cases
(tests/rules/<CODE>/case.yml) are checked for a Czech and a Montenegrin reader, and the
rendered messages must hold no English word and no raw vocabulary key (a role named in a
message is the team's word, `pracovník OSPOD`, not `ospod_worker`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from caseconf.cli.main import main

from ..rules.apply import materialise
from .leaks import leaks

RULES = Path(__file__).resolve().parents[1] / "rules"


def _fail_cases() -> list[Any]:
    cases = []
    for folder in sorted(p for p in RULES.iterdir() if (p / "case.yml").is_file()):
        spec = yaml.safe_load((folder / "case.yml").read_text(encoding="utf-8"))
        failing = spec.get("fail") or []
        if failing and "name" not in failing[0]:  # the first format: one list of edits
            failing = [{"name": "base", "edits": failing}]
        cases.extend(pytest.param(folder.name, case, id=f"{folder.name}-{case['name']}") for case in failing)
    return cases


@pytest.mark.parametrize("lang", ["cs", "sr-Latn"])
@pytest.mark.parametrize(("code", "case"), _fail_cases())
def test_a_finding_reads_in_the_team_language(code: str, case: dict[str, Any], lang: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = materialise(tmp_path / "repo", case.get("edits") or [], case.get("configs"), case.get("base", "cz"))
    monkeypatch.setenv("CASECONF_LANG", lang)
    main(["check", "--root", str(root), "--format", "json", "--no-pii"])
    findings = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == code]
    assert findings, f"{code} not reported"
    found = {f["message"]: words for f in findings if (words := leaks(f["message"], lang))}
    assert not found, found


@pytest.mark.parametrize(("lang", "forms"), [("cs", ("1 den", "2 dny", "5 dní")),
                                             ("sr-Latn", ("1 dan", "2 dana", "5 dana")),
                                             ("en", ("1 day", "2 days", "5 days"))])
def test_a_count_in_a_finding_takes_the_cldr_plural(lang: str, forms: tuple[str, ...]) -> None:
    """"Pozvánky odešly jen 1 dní" was the bug: every rule message with a count of days or
    tasks picks the plural form of its count (Babel's CLDR rules through the catalogue)."""
    from caseconf.records.catalogue import PluralMessage
    from caseconf.records.i18n import render
    from caseconf.rules.registry import all_rules

    counted = {rule.code: rule.message for rule in all_rules() if isinstance(rule.message, PluralMessage)}
    assert {"CONF002", "CONF003", "PLAN012", "REV002", "REV008"} <= set(counted), counted
    for code, message in counted.items():
        params = {"days": 0, "count": 0, "limit": 9, "next_review": "-", "previous": "-", "requested": "-"}
        texts = [render(message, lang, {**params, message.count: n}) for n in (1, 2, 5)]
        if message.count == "days":
            assert all(form in text for form, text in zip(forms, texts)), (code, texts)
        else:
            assert len(set(texts)) >= 2, (code, texts)  # tasks: úkol / úkoly / úkolů
