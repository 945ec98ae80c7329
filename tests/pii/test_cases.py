"""Every detector in the registry comes with `cases/<kind>.yml`: lines it must find and
lines it must leave alone. Checksum values are generated (fictional) at test time."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from caseconf.pii import scan_text
from caseconf.pii.detectors import registry
from corpus import birth_number, cz_account, iban, jmbg, me_account

CASES = Path(__file__).parent / "cases"


def _values() -> dict[str, str]:
    rng = random.Random(16)
    rc = birth_number(rng, slash=False)
    j = jmbg(rng)
    me = me_account(rng)
    bank, middle, check = me.split("-")
    low = iban(rng).lower().replace(" ", "")
    return {
        "birth_number": rc, "birth_number_slash": birth_number(rng, slash=True),
        "birth_number_9": birth_number(rng, slash=False, nine=True),
        "birth_number_spaced": f"{rc[:2]} {rc[2:4]} {rc[4:6]} {rc[6:]}",
        "birth_number_wrapped": f"{rc[:6]}\n{rc[6:]}",
        "jmbg": j, "jmbg_grouped": f"{j[:7]} {j[7:9]} {j[9:12]} {j[12]}",
        "jmbg_wrapped": f"{j[:3]} {j[3:6]}  \n{j[6:9]} {j[9:]}",
        "iban": iban(rng), "iban_lower": f"{low[:3]} {low[3:9]} {low[9:]}",
        "cz_account": cz_account(rng), "me_account": me,
        "me_account_short": f"{bank}-{middle.lstrip('0')}-{check}",
    }


def test_every_kind_has_a_case_file():
    assert {d.kind for d in registry()} <= {p.stem for p in CASES.glob("*.yml")}


def _cases():
    values = _values()
    for detector in registry():
        data = yaml.safe_load((CASES / f"{detector.kind}.yml").read_text(encoding="utf-8"))
        assert data["positives"] and data["negatives"], detector.kind
        for line in data["positives"]:
            yield pytest.param(detector.kind, line.format(**values), True, id=f"{detector.kind}+{line[:30]}")
        for line in data["negatives"]:
            yield pytest.param(detector.kind, line.format(**values), False, id=f"{detector.kind}-{line[:30]}")


@pytest.mark.parametrize(("kind", "text", "positive"), list(_cases()))
def test_case(kind, text, positive):
    found = {f.kind for f in scan_text(text, "r.md")}
    assert (kind in found) is positive, f"{kind}: {text!r} -> {sorted(found)}"
