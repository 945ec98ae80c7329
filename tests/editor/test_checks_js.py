"""The form's own checks (static/checks.js under node) on records the form could write:
required at every depth, whatever was filled first; suppressions need a reason; a kind
that does not evaluate is not asked for results. The parity test compares these checks
with Python on the whole corpus; these name the cases the issue reported."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from caseconf.editor.checks import browser_checks
from caseconf.records.repository import Repository

from .parity import run_js

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
PROJECT = Path(__file__).resolve().parents[2]

CONFERENCE = """---
case: JI-2026-022
kind: initial
date: 2026-05-26
{extra}---
Zápis.
"""


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return browser_checks(Repository.load(PROJECT))


def codes(data: dict[str, Any], schema: str, text: str, fmt: str = "fm") -> list[tuple[str, str]]:
    (result,) = run_js({"op": "check", "data": data, "items": [{"schema": schema, "text": text, "format": fmt,
                                                               "context": {"household": ["M", "D1"]}, "pii": True}]})
    return [(f["code"], ".".join(map(str, f["loc"] or [f.get("line")]))) for f in result["findings"] + result["pii"]
            if f["severity"] == "error"]


def test_an_organisation_without_its_role_is_refused_at_every_depth(data: dict[str, Any]) -> None:
    extra = "roles:\n  convener: {org: TR}\nplan:\n  case_manager: {org: JI}\n  next_review: 2026-09-01\n"
    found = codes(data, "conference", CONFERENCE.format(extra=extra))
    assert ("SCHEMA001", "roles.convener.role") in found and ("SCHEMA001", "plan.case_manager.role") in found
    case = "id: JI-2026-022\noffice: JI\nopened: 2026-05-01\ncase_manager: {org: JI}\nkey_worker: {org: NNO}\n"
    found = codes(data, "case", case, "yml")
    assert {("SCHEMA001", "case_manager.role"), ("SCHEMA001", "key_worker.role")} <= set(found)


@pytest.mark.parametrize("order", ["actions first", "plan B first"])
def test_an_action_without_due_is_refused_whatever_was_filled_first(data: dict[str, Any], order: str) -> None:
    actions = "  actions:\n    - {id: A1, do: objedná prohlídku, owner: M}\n"
    plan_b = "  plan_b:\n    - {if: nepřijde, then: návštěva}\n  core_group: [M]\n"
    extra = "plan:\n" + (actions + plan_b if order == "actions first" else plan_b + actions) + "  next_review: 2026-09-01\n"
    assert ("PLAN002", "plan.actions.0.due") in codes(data, "conference", CONFERENCE.format(extra=extra))


def test_a_suppression_needs_a_reason_and_a_known_code(data: dict[str, Any]) -> None:
    extra = "caseconf:\n  ignore:\n    - {code: CONF009}\n"
    assert ("SUPP002", "caseconf.ignore.0") in codes(data, "conference", CONFERENCE.format(extra=extra))
    extra = "caseconf:\n  ignore:\n    - {code: CONF009, reason: konference byla telefonická}\n"
    assert not [c for c in codes(data, "conference", CONFERENCE.format(extra=extra)) if c[0] == "SUPP002"]


def test_personal_data_in_the_views_is_refused(data: dict[str, Any]) -> None:
    extra = 'child:\n  views: "Paní Nováková řekla, ať jí zavoláme na 603 123 456."\n'
    found = {code for code, _ in codes(data, "conference", CONFERENCE.format(extra=extra))}
    assert {"PII003", "PII008"} <= found


@pytest.mark.parametrize("views", ["Rodina bydlí v ulici Husova 12 a chce zůstat.", "Nově na adrese 586 01 Jihlava.",
                                   "Dům č. p. 94 je po babičce.", "Byt je na sídlišti, ulice Husova\n      12."])
def test_an_address_in_the_views_is_refused(data: dict[str, Any], views: str) -> None:
    extra = 'child:\n  views: "' + views.replace("\n", "\\n") + '"\n' if "\n" not in views else (
        "child:\n  views: |-\n    " + views.replace("\n", "\n    ") + "\n")
    assert "PII007" in {code for code, _ in codes(data, "conference", CONFERENCE.format(extra=extra))}
