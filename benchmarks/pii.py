"""Personal-data guard: span-level recall and precision on a labelled corpus built from
sources other than the guard's lexicon (tests/pii/realworld.py), and its speed.

    .venv/bin/python benchmarks/pii.py            # the table (README) and the speed ratios
    .venv/bin/python benchmarks/pii.py -v         # ... and every miss and false alarm (masked)
    .venv/bin/python benchmarks/pii.py --no-speed

A planted item counts as found when a finding of the same kind overlaps it; precision is the
share of findings on planted records that overlap a planted item; false alarms are findings
on clean records (roles, institutions, towns, laws, reference numbers, amounts, public
numbers), per 10 records.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "pii"))

TARGETS = {"birth_number": 1.00, "jmbg": 1.00, "bank_account": 0.98, "email": 0.98, "phone": 0.97,
           "name": 0.95, "birth_date": 0.95, "address": 0.90}
NAME_FORM_TARGET = 0.90
PRECISION_TARGET = 0.97
FALSE_ALARMS_TARGET = 1.0  # per 10 clean records
# the team's own office numbers and names, as a caseconf.yml would list them
ALLOW_WORDS = ["OSPOD Jihlava", "Centar za socijalni rad Podgorica"]


def evaluate(seed: int = 16, n_items: int = 2400, n_clean: int = 300) -> dict:
    from realworld import clean, planted

    from caseconf.pii.core import _allow_set, scan_spans
    from caseconf.pii.masking import mask

    allow = _allow_set(ALLOW_WORDS)
    found, total = Counter(), Counter()
    by_form: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    lex = {True: [0, 0], False: [0, 0]}
    misses, wrong = [], []
    tp_findings = all_findings = 0
    for rec in planted(seed, n_items):
        hits = scan_spans(rec.text, allow=allow, lang="cs")
        for it in rec.items:
            ok = any(h.kind == it.kind and h.start < it.end and it.start < h.end for h in hits)
            total[it.kind] += 1
            found[it.kind] += ok
            by_form[(it.kind, it.form)][0] += ok
            by_form[(it.kind, it.form)][1] += 1
            if it.kind == "name" and it.in_lexicon is not None:
                lex[it.in_lexicon][0] += ok
                lex[it.in_lexicon][1] += 1
            if not ok:
                misses.append((it.kind, it.form, _context(rec.text, it.start, it.end, mask)))
        for h in hits:
            all_findings += 1
            if any(h.start < it.end and it.start < h.end for it in rec.items):
                tp_findings += 1
            else:
                wrong.append((h.kind, _context(rec.text, h.start, h.end, mask)))
    alarms = []
    for text in clean(seed + 45, n_clean):
        for h in scan_spans(text, allow=allow, lang="cs"):
            alarms.append((h.kind, _context(text, h.start, h.end, mask)))
    return {
        "recall": {k: found[k] / total[k] for k in TARGETS if total[k]}, "total": dict(total),
        "forms": {k: (v[0] / v[1], v[1]) for k, v in sorted(by_form.items())},
        "lexicon": {k: (v[0] / v[1] if v[1] else 0.0, v[1]) for k, v in lex.items()},
        "precision": tp_findings / all_findings if all_findings else 1.0,
        "alarms_per_10": len(alarms) * 10 / n_clean, "misses": misses, "wrong": wrong, "alarms": alarms,
    }


def _context(text: str, start: int, end: int, mask) -> str:
    """The line around an item with the item itself masked (nothing personal printed)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    return (text[ls:start] + "[" + mask(text[start:end], "name") + "]" + text[end:le]).replace("\n", "⏎")


def table(result: dict) -> list[str]:
    ok = lambda good: "met" if good else "NOT MET"  # noqa: E731
    rows = ["| measure | corpus | target | result | |", "| --- | ---: | ---: | ---: | --- |"]
    for kind, target in TARGETS.items():
        r = result["recall"].get(kind, 0.0)
        rows.append(f"| recall {kind} | {result['total'].get(kind, 0)} | {target:.2f} | {r:.3f} | {ok(r >= target)} |")
    for (kind, form), (r, n) in result["forms"].items():
        target = NAME_FORM_TARGET if kind == "name" else TARGETS[kind]
        rows.append(f"| &nbsp;&nbsp;{kind}: {form} | {n} | {target:.2f} | {r:.3f} | {ok(r >= target)} |")
    for in_lex, (r, n) in result["lexicon"].items():
        rows.append(f"| &nbsp;&nbsp;name {'in' if in_lex else 'not in'} the guard's lexicon | {n} | | {r:.3f} | |")
    p = result["precision"]
    rows.append(f"| precision (findings on planted records) | | {PRECISION_TARGET:.2f} | {p:.3f} | {ok(p >= PRECISION_TARGET)} |")
    a = result["alarms_per_10"]
    rows.append(f"| false alarms per 10 clean records | | ≤ {FALSE_ALARMS_TARGET:.0f} | {a:.2f} | {ok(a <= FALSE_ALARMS_TARGET)} |")
    return rows


def main() -> None:
    verbose = "-v" in sys.argv
    t = time.perf_counter()
    result = evaluate()
    print("\n".join(table(result)))
    print(f"\n(scored in {time.perf_counter() - t:.1f} s)")
    if verbose:
        for kind, form, ctx in result["misses"]:
            print("MISS", kind, form, ctx)
        for kind, ctx in result["wrong"]:
            print("WRONG", kind, ctx)
        for kind, ctx in result["alarms"]:
            print("ALARM", kind, ctx)
    if "--no-speed" not in sys.argv:
        import pii_speed

        pii_speed.main()


if __name__ == "__main__":
    main()
