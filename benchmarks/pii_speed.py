"""Speed of the personal-data guard, as ratios to floors measured in the same run (issue 16):

- the commit hook: `pre-commit run --files <one record>` with `caseconf pii` as the hook,
  against the same pre-commit run of a trivial Python hook (target ≤ 1.6×);
- a whole-repository `caseconf pii` of records whose body lines are mostly distinct (not
  the repeated lines of benchmarks/generate.py's bodies, which the line cache makes cheap),
  against the C-loader parse floor of benchmarks/run.py (target ≤ 3×).

    .venv/bin/python benchmarks/pii_speed.py [--rounds N] [--cases N]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "pii"))

from generate import generate  # noqa: E402
from run import CASECONF, VENV_BIN, _trivial_wheel, floor_cmd, interleaved, row  # noqa: E402

HOOK_TARGET = 1.6
SCAN_TARGET = 3.0


def distinct_bodies(repo: Path, seed: int = 3, lines: int = 12) -> int:
    """Give every record body `lines` lines of its own: sentences of the corpus's clean prose,
    each made distinct with its own numbers, amounts and dates (nothing personal)."""
    from realworld import CLEAN_CS, CLEAN_SR, FILLER_CS, FILLER_SR

    rng = random.Random(seed)
    pool = CLEAN_CS + CLEAN_SR + FILLER_CS + FILLER_SR
    written = 0
    for path in sorted((repo / "records").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        extra = []
        for _ in range(lines):
            sentence = rng.choice(pool).rstrip(".")
            extra.append(f"{sentence} (bod {rng.randint(1, 999)}, {rng.randint(1, 28)}. {rng.randint(1, 12)}. "
                         f"{rng.randint(2020, 2026)}, {rng.randint(2, 99) * 100} Kč).")
        path.write_text(text.rstrip("\n") + "\n\n" + "\n".join(extra) + "\n", encoding="utf-8")
        written += 1
    return written


def hook_row(repo: Path, work: Path, rounds: int, env: dict) -> dict:
    """pre-commit: caseconf's pii hook vs. a trivial Python hook (both `language: system`
    through a console script in a virtualenv, as in benchmarks/run.py's check-hook row)."""
    venv = work / "trivial-venv"
    if not (venv / "bin" / "trivial-hook").exists():
        wheel = _trivial_wheel(work / "trivial-pkg")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-index", "--no-deps",
                        str(wheel)], check=True, stdout=subprocess.DEVNULL)
    configs = {}
    for name, entry in (("pii", f"{CASECONF} pii"), ("trivial", str(venv / "bin" / "trivial-hook"))):
        config = work / f"pre-commit-{name}.yaml"
        config.write_text("repos:\n- repo: local\n  hooks:\n"
                          f"  - id: {name}\n    name: {name}\n    entry: {entry}\n    language: system\n"
                          "    files: ^(records/.*\\.(md|yml)|caseconf\\.yml)$\n")
        configs[name] = config
    if not (repo / ".git").exists():
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    records = sorted((repo / "records").glob("*/*.md"))
    rel = records[len(records) // 2].relative_to(repo).as_posix()
    precommit = str(VENV_BIN / "pre-commit")
    hook_env = dict(env, PRE_COMMIT_HOME=str(work / "pre-commit-home"))
    ours, floor, codes = interleaved([precommit, "run", "-c", str(configs["pii"]), "--files", rel],
                                     [precommit, "run", "-c", str(configs["trivial"]), "--files", rel],
                                     rounds, cwd=repo, env=hook_env)
    return row("pre-commit pii hook vs. trivial Python hook", "1 record", ours, floor, HOOK_TARGET,
               note="" if set(codes) <= {0, 1} else f"exit codes {sorted(set(codes))}")


def scan_row(repo: Path, rounds: int, env: dict, cases: int) -> dict:
    ours, floor, codes = interleaved([CASECONF, "pii", "--root", str(repo)], floor_cmd(repo), rounds, env=env)
    return row("pii (distinct lines) vs. CSafeLoader parse", f"{cases} cases", ours, floor, SCAN_TARGET,
               note="" if set(codes) <= {0, 1} else f"exit codes {sorted(set(codes))}")


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cases", type=int, default=1000)
    args = parser.parse_args(argv if argv is not None else [a for a in sys.argv[1:] if a.startswith("--r")
                                                              or a.startswith("--c") or a.isdigit()])
    env = dict(os.environ, CI="1")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "src" / "caseconf")],
                   stdout=subprocess.DEVNULL, check=False)
    work = Path(tempfile.mkdtemp(prefix="caseconf-pii-bench-"))
    rows = []
    try:
        small = generate(work / "repo-hook", 20, seed=1)
        rows.append(hook_row(small, work, max(args.rounds, 7), env))
        big = generate(work / "repo-scan", args.cases, seed=1)
        distinct_bodies(big)
        rows.append(scan_row(big, args.rounds, env, args.cases))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n| benchmark | size | caseconf s | floor s | ratio | target | |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        print(f"| {r['name']} | {r['size']} | {r['seconds']:.2f} | {r['floor_seconds']:.2f} | {r['ratio']:.2f}× | "
              f"≤ {r['target']}× | {'met' if r['holds'] else 'NOT MET'} {r['note']} |")
    return rows


if __name__ == "__main__":
    main()
