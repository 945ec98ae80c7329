"""Personal-data guard benchmark: recall per kind on a labelled synthetic corpus
and false positives per 10 clean records.

    .venv/bin/python benchmarks/pii.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "pii"))

from corpus import ALLOW_WORDS, KINDS, clean_records, planted_records  # noqa: E402

from caseconf.pii import scan_text  # noqa: E402


def evaluate(seed: int = 7, per_kind: int = 40, n_clean: int = 10, verbose: bool = False):
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    for text, planted in planted_records(seed, per_kind):
        findings = scan_text(text, "r.md", allow_words=ALLOW_WORDS)
        at = {(f.line, f.kind) for f in findings}
        for p in planted:
            total[p.kind] += 1
            if (p.line, p.kind) in at:
                found[p.kind] += 1
            else:
                misses.append((p.kind, text.split("\n")[p.line - 1]))
    fps = []
    for text in clean_records(seed + 4, n_clean):
        for f in scan_text(text, "c.md", allow_words=ALLOW_WORDS):
            fps.append((f.kind, text.split("\n")[f.line - 1]))
    recall = {k: found[k] / total[k] for k in KINDS if total[k]}
    return recall, fps, misses, n_clean


def speed(n: int = 1000) -> tuple[float, float]:
    """Seconds to scan_files a 1,000-record repository vs. reading + YAML-parsing it."""
    import tempfile

    import yaml

    from caseconf.pii import scan_files

    records = [t for t, _ in planted_records(3, 100)] + clean_records(5, n)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rels = []
        for i in range(n):
            rel = f"records/JI-2025-{i // 4:03d}/2025-06-{i % 4 + 10}-review.md"
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(records[i % len(records)], encoding="utf-8")
            rels.append(rel)
        t = time.perf_counter()
        for rel in rels:
            text = (root / rel).read_text(encoding="utf-8")
            front = text.split("---", 2)[1]
            yaml.safe_load(front)
        base = time.perf_counter() - t
        t = time.perf_counter()
        scan_files(root, rels, allow_words=ALLOW_WORDS)
        scan = time.perf_counter() - t
    return base, scan


def main() -> None:
    verbose = "-v" in sys.argv
    t = time.perf_counter()
    recall, fps, misses, n_clean = evaluate(verbose=verbose)
    for k, r in recall.items():
        print(f"recall {k:13s} {r:.2f}")
    print(f"false positives per 10 clean records: {len(fps) * 10 / n_clean:.1f}")
    print(f"time {time.perf_counter() - t:.2f}s")
    base, scan = speed()
    print(f"1000 records: read+YAML {base:.2f}s, scan_files {scan:.2f}s, ratio {scan / base:.2f}")
    if verbose:
        for kind, line in misses:
            print("MISS", kind, line)
        for kind, line in fps:
            print("FP", kind, line)


if __name__ == "__main__":
    main()
