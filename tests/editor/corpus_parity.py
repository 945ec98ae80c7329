"""The form's personal-data check against `caseconf pii` on the benchmark corpus
(tests/pii/realworld.py, benchmarks/pii.py's generator): every line exactly one side
refuses, with counts per side and per kind.

    .venv/bin/python -m tests.editor.corpus_parity 16 21 33        # counts
    .venv/bin/python -m tests.editor.corpus_parity 16 -v           # ... and every differing line

test_parity.py runs it on a few seeds; this entry point is for looking at the gaps.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from caseconf.editor.checks import browser_checks
from caseconf.pii import scan_text
from caseconf.records.repository import Repository

from . import parity

PROJECT = Path(__file__).resolve().parents[2]
# the team's own office names, as benchmarks/pii.py scores the guard with them
ALLOW_WORDS = ["OSPOD Jihlava", "Centar za socijalni rad Podgorica"]


@dataclass
class Gaps:
    lines: int = 0
    python_only: list[str] = field(default_factory=list)  # refused by `caseconf pii`, saved by the form
    browser_only: list[str] = field(default_factory=list)  # refused by the form, let through by the hook
    kinds: Counter[str] = field(default_factory=Counter)  # (side, code) of a differing line's findings
    by_kind: dict[str, list[str]] = field(default_factory=dict)  # "python PII008" -> those lines


def corpus_texts(seeds: list[int], n_items: int = 2400, n_clean: int = 300) -> list[tuple[str, str]]:
    """(name, text) of the planted and clean records of benchmarks/pii.py for these seeds."""
    sys.path.insert(0, str(PROJECT / "tests" / "pii"))
    from realworld import clean, planted

    texts: list[tuple[str, str]] = []
    for seed in seeds:
        texts += [(f"planted-{seed}-{i}.md", r.text) for i, r in enumerate(planted(seed, n_items))]
        texts += [(f"clean-{seed}-{i}.md", t) for i, t in enumerate(clean(seed + 45, n_clean))]
    return texts


def compare(texts: list[tuple[str, str]], allow: list[str] | None = None) -> Gaps:
    repo = Repository.load(PROJECT)
    data = browser_checks(repo)
    allow = list(ALLOW_WORDS if allow is None else allow) + list(repo.config.pii_allow_words())  # type: ignore[union-attr]
    data["pii"]["allow_words"] = allow
    results = parity.run_js({"op": "check", "data": data,
                             "items": [{"schema": None, "text": t, "format": "fm", "pii": True} for _, t in texts]})
    claimed = {c for c in data["supported"] if c.startswith("PII")}
    gaps = Gaps()
    for (name, text), result in zip(texts, results):
        want = {(f.line, f.code) for f in scan_text(text, name, allow_words=allow, lang="cs") if f.code in claimed}
        got = {(f["line"], f["code"]) for f in result["pii"]}
        lines = text.split("\n")
        gaps.lines += len(lines)
        want_lines, got_lines = {ln for ln, _ in want}, {ln for ln, _ in got}
        for ln in sorted(want_lines ^ got_lines):
            side = "python" if ln in want_lines else "browser"
            words = sorted({lines[ln - 1][f["start"]:f["end"]] for f in result["pii"] if f["line"] == ln and "start" in f})
            what = f" [{', '.join(words)}]" if side == "browser" else ""
            (gaps.python_only if side == "python" else gaps.browser_only).append(f"{name}:{ln}{what} {lines[ln - 1][:140]}")
            for code in sorted({c for l2, c in (want if side == "python" else got) if l2 == ln}):
                gaps.kinds[f"{side} {code}"] += 1
                gaps.by_kind.setdefault(f"{side} {code}", []).append(f"{name}:{ln} {lines[ln - 1][:140]}")
    return gaps


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    seeds = [int(a) for a in argv if a.isdigit()] or [16, 21, 33]
    texts = corpus_texts(seeds)
    gaps = compare(texts)
    print(f"seeds {seeds}: {len(texts)} records, {gaps.lines} lines; lines refused by one side only: "
          f"python {len(gaps.python_only)}, browser {len(gaps.browser_only)}")
    for key, n in sorted(gaps.kinds.items()):
        print(f"  {key}: {n}")
    if verbose:
        for line in gaps.python_only:
            print("PYTHON ONLY", line)
        for line in gaps.browser_only:
            print("BROWSER ONLY", line)


if __name__ == "__main__":
    main(sys.argv[1:])
