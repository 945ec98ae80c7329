"""caseconf speed and scale benchmark (issue 9): one command, ratios measured in the same run.

    python benchmarks/run.py [--quick] [--repeat R] [--keep DIR]

Every row is a ratio of caseconf's time to a floor measured in the same run on the same
repository (interleaved, median of R rounds), so a noisy machine moves both sides alike.
Prints a table and writes benchmarks/results/<timestamp>.json for comparison across commits.

Floors:
- parse: a fresh Python process that reads every record / yml file and runs
  `yaml.load(front matter, Loader=yaml.CSafeLoader)` on it - nothing else;
- trivial hook: `pre-commit run --files <record>` of a Python hook that only returns 0;
- git: `git log -p --all > /dev/null` on the same history.

`--quick` uses tiny repositories and one round (the smoke test runs it); its ratios say little.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

VENV_BIN = Path(sys.executable).parent
CASECONF = str(VENV_BIN / "caseconf")

FLOOR_SCRIPT = r"""
import os, sys, yaml
root = sys.argv[1]
for dirpath, dirnames, filenames in os.walk(os.path.join(root, "records")):
    for name in filenames:
        with open(os.path.join(dirpath, name), encoding="utf-8") as fh:
            text = fh.read()
        if name.endswith(".md"):
            text = text.split("\n---", 1)[0][4:]
        yaml.load(text, Loader=yaml.CSafeLoader)
with open(os.path.join(root, "caseconf.yml"), encoding="utf-8") as fh:
    yaml.load(fh.read(), Loader=yaml.CSafeLoader)
"""

TRIVIAL_MODULE = "def main():\n    return 0\n\nif __name__ == '__main__':\n    raise SystemExit(main())\n"


def run_timed(cmd: list[str], *, cwd: Path | None = None, stdout=subprocess.DEVNULL, env=None,
              shell: bool = False) -> tuple[float, int, int]:
    """(seconds, exit code, peak RSS in KB of the child and its descendants)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=stdout, stderr=subprocess.DEVNULL, env=env, shell=shell)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # RUSAGE_CHILDREN keeps the largest child ever seen: exact for a new maximum only
    return elapsed, proc.returncode, after if after > before else 0


def rss_of(cmd: list[str], env=None) -> int:
    """Peak RSS (KB) of one command tree, measured in a fresh helper process."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env)
    return int(out.stdout.strip() or 0)


def interleaved(a: list[str], b: list[str], rounds: int, *, cwd: Path | None = None, env=None,
                shell: bool = False) -> tuple[float, float, list[int]]:
    """Median seconds of a and b, run alternately; exit codes of a."""
    ta, tb, codes = [], [], []
    for index in range(rounds):
        order = [(a, ta), (b, tb)] if index % 2 == 0 else [(b, tb), (a, ta)]
        for cmd, sink in order:
            seconds, code, _ = run_timed(cmd if not shell else " ".join(cmd), cwd=cwd, env=env, shell=shell)
            sink.append(seconds)
            if cmd is a:
                codes.append(code)
    return statistics.median(ta), statistics.median(tb), codes


def floor_cmd(repo: Path) -> list[str]:
    return [sys.executable, "-c", FLOOR_SCRIPT, str(repo)]


def row(name: str, size: str, ours: float, floor: float, target: float, note: str = "", **extra) -> dict:
    ratio = ours / floor if floor else float("inf")
    return {"name": name, "size": size, "seconds": round(ours, 3), "floor_seconds": round(floor, 3),
            "ratio": round(ratio, 2), "target": target, "holds": ratio <= target, "note": note, **extra}


def bench_check(repo: Path, size: str, rounds: int, env: dict) -> dict:
    ours, floor, codes = interleaved([CASECONF, "check", "--no-pii", "--root", str(repo)], floor_cmd(repo),
                                     rounds, env=env)
    return row("check --no-pii vs. CSafeLoader parse", size, ours, floor, 2.5,
               note="" if set(codes) == {0} else f"exit codes {sorted(set(codes))}")


def bench_memory(repo: Path, size: str, env: dict) -> dict:
    kb = rss_of([CASECONF, "check", "--no-pii", "--root", str(repo)], env=env)
    mb = kb / 1024
    return {"name": "check --no-pii peak RSS (MB)", "size": size, "seconds": None, "floor_seconds": None,
            "ratio": round(mb, 1), "target": 300, "holds": mb <= 300,
            "note": "largest process (ru_maxrss of children); workers each hold one chunk of cases"}


def bench_pii(repo: Path, size: str, rounds: int, env: dict) -> dict:
    ours, floor, codes = interleaved([CASECONF, "pii", "--root", str(repo)], floor_cmd(repo), rounds, env=env)
    return row("pii vs. CSafeLoader parse", size, ours, floor, 3.0,
               note="" if set(codes) == {0} else f"exit codes {sorted(set(codes))}")


def bench_history(repo: Path, size: str, rounds: int, env: dict) -> dict:
    git = ["git", "-C", str(repo), "log", "-p", "--all"]
    ours, floor, codes = interleaved([CASECONF, "pii", "--history", "--root", str(repo)], git, rounds, env=env)
    return row("pii --history vs. git log -p --all", size, ours, floor, 3.0,
               note="" if set(codes) == {0} else f"exit codes {sorted(set(codes))}")


def _trivial_wheel(folder: Path) -> Path:
    """The tiny package, as a wheel built by hand (no setuptools needed): module `trivial`
    with a console script `trivial-hook` that returns 0."""
    import zipfile

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "trivial.py").write_text(TRIVIAL_MODULE)
    wheel = folder / "trivial_hook-0.1-py3-none-any.whl"
    info = "trivial_hook-0.1.dist-info"
    files = {
        "trivial.py": TRIVIAL_MODULE,
        f"{info}/METADATA": "Metadata-Version: 2.1\nName: trivial-hook\nVersion: 0.1\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: caseconf-bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{info}/entry_points.txt": "[console_scripts]\ntrivial-hook = trivial:main\n",
    }
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
        archive.writestr(f"{info}/RECORD", "".join(f"{name},,\n" for name in files) + f"{info}/RECORD,,\n")
    return wheel


def bench_hook(repo: Path, size: str, rounds: int, work: Path, env: dict) -> dict:
    """pre-commit with caseconf's check hook vs. a trivial Python hook, same repository.

    Fairness: both hooks are `repo: local` and `language: system`, each started through an
    executable in a virtualenv (caseconf's console script in the project venv; the trivial
    hook's console script in a venv of its own, installed from a tiny package in a temp dir).
    So both sides pay pre-commit's start-up, its git calls and one Python interpreter start
    through a console script; the difference is caseconf's own import and check of one case.
    (`language: python` with additional_dependencies would build pre-commit's hook venv on
    first use, and its cache, not the hook, would dominate the first round.)
    """
    venv = work / "trivial-venv"
    if not (venv / "bin" / "trivial-hook").exists():
        wheel = _trivial_wheel(work / "trivial-pkg")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-index", "--no-deps",
                        str(wheel)], check=True, stdout=subprocess.DEVNULL)
    configs = {}
    for name, entry in (("caseconf", f"{CASECONF} check --no-pii"), ("trivial", str(venv / "bin" / "trivial-hook"))):
        config = work / f"pre-commit-{name}.yaml"
        config.write_text(
            "repos:\n- repo: local\n  hooks:\n"
            f"  - id: {name}\n    name: {name}\n    entry: {entry}\n    language: system\n"
            "    files: ^(records/.*\\.(md|yml)|caseconf\\.yml)$\n")
        configs[name] = config
    if not (repo / ".git").exists():
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    record = sorted(p for p in (repo / "records").glob("*/*.md"))[len(list((repo / "records").glob("*/"))) // 2]
    rel = record.relative_to(repo).as_posix()
    precommit = str(VENV_BIN / "pre-commit")
    hook_env = dict(env, PRE_COMMIT_HOME=str(work / "pre-commit-home"))
    ours, floor, codes = interleaved([precommit, "run", "-c", str(configs["caseconf"]), "--files", rel],
                                     [precommit, "run", "-c", str(configs["trivial"]), "--files", rel],
                                     rounds, cwd=repo, env=hook_env)
    return row("pre-commit check hook vs. trivial Python hook", size, ours, floor, 2.0,
               note="" if set(codes) == {0} else f"exit codes {sorted(set(codes))}")


def bench_site(rounds: int, quick: bool) -> dict | None:
    """The site developer's benchmarks/site.py, loaded by path (a module named `site` would
    shadow the standard library's)."""
    import importlib.util

    if not (HERE / "site.py").exists():
        return None
    try:
        spec = importlib.util.spec_from_file_location("caseconf_site_bench", HERE / "site.py")
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001 - another developer's module; report, don't crash
        return {"name": "site build", "size": "-", "seconds": None, "floor_seconds": None, "ratio": None,
                "target": None, "holds": False, "note": f"benchmarks/site.py failed to import: {type(exc).__name__}"}
    # benchmarks/site.py has no one-call function yet: compose its parts (same as its main())
    needed = ("generate_repository", "timed_build", "plain_site")
    if not all(callable(getattr(module, name, None)) for name in needed):
        return None
    if quick:
        return {"name": "site build vs. plain mkdocs-material", "size": "-", "seconds": None, "floor_seconds": None,
                "ratio": None, "target": 1.3, "holds": None, "note": "skipped in --quick (mkdocs builds take long)"}
    size = 1000
    base = Path(tempfile.mkdtemp(prefix="caseconf-site-bench-"))
    try:
        team = module.generate_repository(base / f"team-{size}", size)
        ours = module.timed_build(team / "mkdocs.yml", base / "site-team")
        plain = module.plain_site(team, base / "site-team", base / "plain")
        floor = module.timed_build(plain / "mkdocs.yml", base / "site-plain")
    except BaseException as exc:  # noqa: BLE001 - SystemExit on a failed build included
        return {"name": "site build vs. plain mkdocs-material", "size": f"{size} cases", "seconds": None,
                "floor_seconds": None, "ratio": None, "target": 1.3, "holds": False,
                "note": f"benchmarks/site.py: {type(exc).__name__}"}
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return row("site build vs. plain mkdocs-material", f"{size} cases", ours, floor, 1.3,
               note="one round, from benchmarks/site.py")


class _Rows(list):
    """Rows, each echoed to stderr as soon as it is measured (a full run takes a while)."""

    def append(self, item: dict) -> None:  # type: ignore[override]
        super().append(item)
        print(f"  {item['name']} [{item['size']}]: {item['ratio']} (target {item['target']})", file=sys.stderr)


def print_table(rows: list[dict], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for column in ("benchmark", "size", "caseconf s", "floor s", "ratio", "target", "holds", "note"):
        table.add_column(column, overflow="fold")
    for r in rows:
        holds = "-" if r["target"] is None or r["holds"] is None else "[green]yes[/]" if r["holds"] else "[red]NO[/]"
        fmt = (lambda v: "-" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v))
        ratio = "-" if r["ratio"] is None else (f"{r['ratio']:.1f} MB" if "RSS" in r["name"] else f"{r['ratio']:.2f}×")
        target = "-" if r["target"] is None else (f"≤ {r['target']} MB" if "RSS" in r["name"] else f"≤ {r['target']}×")
        table.add_row(r["name"], r["size"], fmt(r["seconds"]), fmt(r["floor_seconds"]), ratio, target, holds,
                      r.get("note", ""))
    console = Console()
    if not console.is_terminal:
        console = Console(width=170)
    console.print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="caseconf speed and scale benchmark")
    parser.add_argument("--quick", action="store_true", help="tiny repositories, one round (smoke test)")
    parser.add_argument("--repeat", type=int, default=None, help="rounds per measurement (default 5, quick 1)")
    parser.add_argument("--keep", type=Path, default=None, help="generate repositories here and keep them")
    parser.add_argument("--results", type=Path, default=HERE / "results")
    args = parser.parse_args(argv)
    rounds = args.repeat or (1 if args.quick else 5)
    sizes = [20] if args.quick else [1000, 10000]
    hook_size, history = (20, (20, 40)) if args.quick else (1000, (1000, 2000))
    env = dict(os.environ)
    env.pop("CI", None)
    env["CI"] = "1"  # no progress bars in measured runs
    # An installed package has its bytecode compiled (pip does it); an editable checkout in
    # an environment with PYTHONDONTWRITEBYTECODE would otherwise compile caseconf on every
    # start, which is no part of what a user's hook or scan costs.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "caseconf")],
                   stdout=subprocess.DEVNULL, check=False)
    work = args.keep or Path(tempfile.mkdtemp(prefix="caseconf-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = _Rows()
    started = time.perf_counter()
    try:
        repos = {}
        for n in sorted(set(sizes + [hook_size])):
            path = work / f"repo-{n}"
            if not path.exists():
                generate(path, n, seed=1)
            repos[n] = path
        for n in sizes:
            label = f"{n} cases"
            rows.append(bench_check(repos[n], label, rounds if n <= 1000 else max(1, rounds // 2), env))
            if n == max(sizes):
                rows.append(bench_memory(repos[n], label, env))
        # the two shortest measurements get more rounds: their medians move most with machine noise
        rows.append(bench_hook(repos[hook_size], f"{hook_size} cases", max(rounds, 7) if not args.quick else 1,
                               work, env))
        pii_size = sizes[0]
        rows.append(bench_pii(repos[pii_size], f"{pii_size} cases", rounds, env))
        cases, commits = history
        hist = work / f"history-{cases}-{commits}"
        if not hist.exists():
            generate(hist, cases, seed=2, commits=commits)
        rows.append(bench_history(hist, f"{commits} commits", max(rounds, 7) if not args.quick else 1, env))
        site_row = bench_site(rounds, args.quick)
        if site_row is None:
            site_row = {"name": "site build", "size": "-", "seconds": None, "floor_seconds": None, "ratio": None,
                        "target": None, "holds": None,
                        "note": "left out: benchmarks/site.py (the site developer's) is missing or changed"}
        rows.append(site_row)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    report = {"timestamp": stamp, "commit": commit, "quick": args.quick, "rounds": rounds,
              "seconds_total": round(time.perf_counter() - started, 1), "python": sys.version.split()[0],
              "cpus": os.cpu_count(), "load_average": os.getloadavg(), "rows": rows}
    args.results.mkdir(parents=True, exist_ok=True)
    out = args.results / f"{stamp}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print_table(rows, f"caseconf benchmarks ({commit or 'no commit'}, {rounds} round(s), median)")
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
