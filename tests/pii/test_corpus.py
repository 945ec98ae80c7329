"""Recall and false-positive targets on the labelled corpus (see corpus.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import pii as bench  # noqa: E402

TARGETS = {"birth_number": 1.0, "jmbg": 1.0, "email": 1.0, "bank_account": 1.0, "phone": 0.95,
           "name": 0.85, "address": 0.80, "birth_date": 0.80}


def test_recall_and_false_positives():
    for seed in (7, 21):
        recall, fps, misses, n_clean = bench.evaluate(seed=seed, per_kind=25, n_clean=10)
        for kind, target in TARGETS.items():
            assert recall[kind] >= target, (kind, recall[kind])
        assert len(fps) <= 2, fps
