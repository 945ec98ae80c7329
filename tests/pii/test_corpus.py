"""The issue's targets on the labelled corpus (tests/pii/realworld.py, scored span by span
by benchmarks/pii.py), on a smaller draw than the README's table."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import pii as bench  # noqa: E402


def test_recall_precision_and_false_alarms():
    result = bench.evaluate(seed=5, n_items=500, n_clean=100)
    for kind, target in bench.TARGETS.items():
        assert result["recall"][kind] >= target, (kind, result["recall"][kind], result["misses"][:5])
    assert result["precision"] >= bench.PRECISION_TARGET, result["wrong"][:5]
    assert result["alarms_per_10"] <= bench.FALSE_ALARMS_TARGET, result["alarms"][:5]
