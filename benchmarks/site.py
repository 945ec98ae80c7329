"""Site build benchmark: the caseconf plugin against plain mkdocs-material.

    .venv/bin/python benchmarks/site.py [--cases 300,1000] [--repeat 3] [--before OLD_SRC] [--keep DIR]

For each size N it generates a team repository with N cases (benchmarks/generate.py),
builds it with the caseconf plugin, then builds plain mkdocs-material over the same
pages as plain Markdown, in the same run. What is compared:

- the same page count and paths, and the same content (each generated page's body, as
  raw HTML in Markdown; the tags page is the tags plugin's own index in both);
- the same front matter (title, tags, `hide: [navigation]`);
- the same mkdocs.yml: the team's own with only `caseconf` and `caseconf-editor` taken
  out (same theme, custom_dir, features, palette, language, Markdown extensions, and the
  same search, tags and offline plugins), with an explicit nav of the same shape as the
  plugin's (index pages in sections, case/record/activity pages out of the nav).

The plain site pays Markdown's raw-HTML handling of that content (about a third of its
build); the plugin pays for loading the records and rendering its templates instead.
That trade is what the comparison measures. caseconf's own costs: loading and checking
the records, the personal-data scan, rendering record text, the CSV/ICS downloads, the
pages' tables of contents, its CSS/JS links, and the `caseconf-editor` plugin.

Builds alternate (before, caseconf, plain) `--repeat` times; the first caseconf build
(which makes the pages the plain site copies) is the first sample. Medians and each
run's ratio are printed (target: <= 1.1 at 1,000 cases; growth 1,000 -> 5,000 <= 5.5).

Also printed (issue 19, "one model per build"), each against a floor of the same run:
- `--rebuild`: a one-record edit under `mkdocs serve` (same process, new configuration,
  as serve's rebuild does it) against the full build of that process (target <= 0.25);
- `--memory N`: the peak memory of a build of N cases (target: 10,000 cases <= 1.5 GB).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import random
import shutil
import subprocess
import sys
import statistics
import tempfile
import time
from html import unescape
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
OFFICES = {"JI": "OSPOD Jihlava", "TR": "OSPOD Třebíč", "HB": "OSPOD Havlíčkův Brod", "PE": "OSPOD Pelhřimov"}
OWNERS = ("M", "F", "family_worker", "ospod_worker", "class_teacher")
MINUTES = """## Průběh

Facilitátorka přivítala účastníky a připomněla pravidla. {ref} popsala, co se od minula změnilo,
a pracovnice OSPOD shrnula, jak se plní úkoly. Škola potvrdila zlepšení docházky.

## Závěr

Účastníci se shodli na dalších krocích, které jsou uvedeny v plánu. Rodina s plánem souhlasí.
"""


def _record(case_id: str, kind: str, day: dt.date, number: int, rng: random.Random, evaluate: list[str]) -> str:
    due = day + dt.timedelta(days=rng.randint(30, 120))
    actions = "\n".join(
        f"""    - id: A{number + i}
      do: "Úkol {number + i}: konkrétní krok rodiny nebo odborníka"
      owner: {rng.choice(OWNERS)}
      due: {due.isoformat()}
      indicator: "doložené potvrzení předané pracovnici OSPOD"
      status: open""" for i in range(3))
    evaluation = "".join(f"\n  - {{action: {a}, result: {rng.choice(['done', 'partly_done', 'continued'])}, "
                         f"due: {due.isoformat()}}}" for a in evaluate)
    return f"""---
case: {case_id}
kind: {kind}
date: {day.isoformat()}
start: "13:00"
end: "14:40"
place: ospod_office
requested: {(day - dt.timedelta(days=12)).isoformat()}
invited: {(day - dt.timedelta(days=8)).isoformat()}
basis: {rng.choice(['court_petition', 'other'])}
indications: [{rng.choice(['coordination', 'high_risk', 'assessment'])}]
goal: "Domluvit, jak D1 bezpečně zůstane doma a kdo rodině s čím pomůže."
roles:
  convener: {{role: ospod_worker, org: {case_id[:2]}}}
  facilitator: {{role: facilitator, org: FT, independent: true}}
  minutes: {{role: facilitator_assistant, org: FT}}
participants:
  - {{ref: M, role: mother, attendance: present}}
  - {{ref: F, role: father, attendance: {rng.choice(['present', 'excused', 'absent'])}, reason: work}}
  - {{role: ospod_worker, org: {case_id[:2]}, attendance: present}}
  - {{role: class_teacher, org: "ZŠ", attendance: partial}}
child: {{participation: represented}}
needs: ["pravidelná docházka", "stabilní bydlení"]
conclusions: ["plán níže"]
evaluation:{evaluation if evaluation else " []"}
plan:
  actions:
{actions}
  plan_b:
    - {{if: "plán se nedaří", then: "krizová konference do 14 dnů"}}
  information_sharing: {{how: "e-mail", frequency: monthly}}
  case_manager: {{role: ospod_worker, org: {case_id[:2]}}}
  core_group: [M, ospod_worker]
  next_review: {(day + dt.timedelta(days=100)).isoformat()}
minutes: {{circulated: {(day + dt.timedelta(days=2)).isoformat()}, approved_by: [M, ospod_worker]}}
---
{MINUTES.format(ref="M")}"""


def generate_repository(root: Path, cases: int, *, seed: int = 7) -> Path:
    """A team repository with `cases` cases, ready for `mkdocs build`.

    Uses the shared generator (benchmarks/generate.py) when it is there, else a small one
    of its own: three records per case (initial, review, review)."""
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from generate import generate  # type: ignore[import-not-found]
    except ImportError:
        generate = None
    finally:
        sys.path.pop(0)
    if generate is not None:
        generate(root, cases, seed)
        _add_site(root)
        return root
    return _own_repository(root, cases, seed=seed)


def _add_site(root: Path) -> None:
    shutil.copytree(PROJECT / "methodology", root / "methodology")
    shutil.copytree(PROJECT / "site_templates", root / "site_templates")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")


def _own_repository(root: Path, cases: int, *, seed: int = 7) -> Path:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    offices = "\n".join(f"  {code}: {name}" for code, name in OFFICES.items())
    (root / "caseconf.yml").write_text(f"team: Benchmark team\njurisdiction: cz\nlanguage: cs\noffices:\n{offices}\n",
                                       encoding="utf-8")
    for n in range(cases):
        office = list(OFFICES)[n % len(OFFICES)]
        year = 2024 + n % 3
        case_id = f"{office}-{year}-{n + 1:04d}"
        folder = root / "records" / case_id
        folder.mkdir(parents=True)
        opened = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 200))
        (folder / "case.yml").write_text(
            f"id: {case_id}\noffice: {office}\nopened: {opened.isoformat()}\nstatus: open\n"
            "household:\n  - {ref: M, role: mother}\n  - {ref: F, role: father}\n  - {ref: D1, role: child, age: 8}\n"
            f"case_manager: {{role: ospod_worker, org: {office}}}\nconsent: {{data_sharing: {opened.isoformat()}}}\n",
            encoding="utf-8")
        day = opened + dt.timedelta(days=14)
        for index, kind in enumerate(("initial", "review", "review")):
            evaluate = [f"A{index * 3 - 2 + i}" for i in range(3)] if index else []
            (folder / f"{day.isoformat()}-{kind}.md").write_text(
                _record(case_id, kind, day, index * 3 + 1, rng, evaluate), encoding="utf-8")
            day += dt.timedelta(days=100)
    activities = root / "records" / "activities" / "2025"
    activities.mkdir(parents=True)
    for n in range(max(4, cases // 50)):
        day = dt.date(2025, 1, 6) + dt.timedelta(days=n * 3 % 360)
        kind = "workshop" if n % 3 == 0 else "supervision"
        name = f"{day.isoformat()}-{kind}{'' if n < 120 else f'-{n // 120 + 1}'}.md"
        if (activities / name).exists():
            continue
        (activities / name).write_text(f"---\nkind: {kind}\ndate: {day.isoformat()}\noffices: [JI]\n"
                                       f"topic: \"Téma {n}\"\nparticipants_count: 9\n---\nPoznámky.\n", encoding="utf-8")
    _add_site(root)
    return root


def plain_config(team: Path, built: Path) -> dict:
    """The team's own mkdocs.yml with only the caseconf plugins taken out.

    Same theme (custom_dir, features, palette, fonts, language as the plugin sets it),
    same Markdown extensions, same search/tags/offline settings, and an explicit nav with
    the shape `caseconf.site.nav.arrange` gives: the overview page, the "work" and
    "reports" sections, the methodology folders, then the "rules" section; case, record
    and activity pages are out of the nav in both builds."""
    import yaml

    sys.path.insert(0, str(PROJECT / "src"))
    from caseconf.site.labels import FOLDER_ORDER, FOLDER_TITLES, Labels
    from caseconf.site.nav import GROUPS, TRAILING
    from caseconf.site.plugin import THEME_LANGUAGES

    config = yaml.safe_load((team / "mkdocs.yml").read_text(encoding="utf-8"))
    team_config = yaml.safe_load((team / "caseconf.yml").read_text(encoding="utf-8")) or {}
    lang = team_config.get("language") or "en"
    labels = Labels(lang)
    config["docs_dir"] = "docs"
    config.pop("site_dir", None)
    config["theme"]["language"] = THEME_LANGUAGES.get(lang, "en")
    config["theme"]["custom_dir"] = str((team / config["theme"].get("custom_dir", "site_templates")).resolve())
    config["plugins"] = [p for p in config.get("plugins", [])
                         if (next(iter(p)) if isinstance(p, dict) else p) not in ("caseconf", "caseconf-editor")]
    methodology = team / config_docs_dir(team)
    nav: list = []
    for key, uris in GROUPS:
        present = [uri for uri in uris if (built / uri).with_suffix(".html").exists()]
        if key is None:
            nav.extend(present)
        elif present:
            nav.append({labels.t(key): present})
    folders = sorted((d for d in methodology.iterdir() if d.is_dir()),
                     key=lambda d: (FOLDER_ORDER.index(d.name) if d.name in FOLDER_ORDER else len(FOLDER_ORDER),
                                    d.name))
    for folder in folders:
        pages = sorted(folder.rglob("*.md"), key=lambda f: (f.name != "index.md", f.as_posix()))
        nav.append({FOLDER_TITLES.get(folder.name, folder.name):
                    [f.relative_to(methodology).as_posix() for f in pages]})
    trailing = [uri for uri in TRAILING[1] if (built / uri).with_suffix(".html").exists()]
    if trailing:
        nav.append({labels.t(TRAILING[0]): trailing})
    config["nav"] = nav
    config["not_in_nav"] = "/cases/*/\n/activities/*/\n"
    return config


def config_docs_dir(team: Path) -> str:
    import yaml

    return yaml.safe_load((team / "mkdocs.yml").read_text(encoding="utf-8")).get("docs_dir", "docs")


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_TITLE = re.compile(r"<title>(.*?) - [^<]*</title>")
_TAG = re.compile(r'class="md-tag[^"]*">([^<]+)<')


def plain_site(team: Path, built: Path, dest: Path) -> Path:
    """Plain Markdown pages holding the same content as the pages the plugin generated
    (the page body as raw HTML), at the same paths and with the same nav shape."""
    import yaml

    docs = dest / "docs"
    methodology = team / config_docs_dir(team)
    shutil.copytree(methodology, docs)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(team, built), allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    written = {p.relative_to(methodology).with_suffix("").as_posix() for p in methodology.rglob("*.md")}
    for page in built.rglob("*.html"):
        rel = page.relative_to(built).with_suffix("").as_posix()
        if rel in written or rel in ("404",) or rel.startswith(("assets/", "search/")):
            continue
        html = page.read_text(encoding="utf-8")
        body = _ARTICLE.search(html)
        if body is None:
            continue
        title = _TITLE.search(html)
        tags = _TAG.findall(html[: body.start()] + body.group(1)[:2000])
        # the same front matter as the plugin's stubs (title, hidden navigation sidebar, tags)
        front = f"title: {json.dumps(unescape(title.group(1)) if title else rel, ensure_ascii=False)}\n"
        front += f"hide: {json.dumps(_hidden(rel))}\n"
        if tags:
            front += f"tags: {json.dumps(tags, ensure_ascii=False)}\n"
        if rel == "tags":  # the tags plugin renders the index into the marker, as in the plugin's build
            content = "<!-- material/tags -->"
        else:
            content = re.sub(r'<nav class="md-tags".*?</nav>', "", body.group(1), flags=re.S)
            content = f"<div>\n{content}\n</div>"
        target = docs / f"{rel}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\n{front}---\n\n{content}\n", encoding="utf-8")
    return dest


def _hidden(rel: str) -> list[str]:
    """What the plugin's stub hides on this page (the widest tables also hide the toc)."""
    sys.path.insert(0, str(PROJECT / "src"))
    from caseconf.site.render import WIDE_PAGES

    return ["navigation", "toc"] if f"{rel}.md" in WIDE_PAGES else ["navigation"]


# A rebuild as `mkdocs serve` does it after a file changed: the same process (caseconf's
# model cache survives), a new configuration, a full (not --dirty) build.
REBUILD = r"""
import json, os, sys, time
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.config import load_config
from mkdocs.commands.build import build
root, site, record = sys.argv[1:4]
def timed(config):
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start
config = load_config(os.path.join(root, "mkdocs.yml"), site_dir=site)
config.plugins.on_startup(command="serve", dirty=False)
full = timed(config)
with open(os.path.join(root, record), "a", encoding="utf-8") as fh:
    fh.write("\nDoplněno po schválení zápisu.\n")
rebuild = timed(load_config(os.path.join(root, "mkdocs.yml"), site_dir=site))
print(json.dumps({"full": full, "rebuild": rebuild}))
"""


def rebuild_ratio(team: Path, site_dir: Path) -> tuple[float, float]:
    """(full build, one-record rebuild) seconds inside one serve-like process."""
    record = next(p for p in sorted((team / "records").glob("*/*.md")) if p.parent.name != "activities")
    backup = record.read_bytes()
    try:
        result = subprocess.run([sys.executable, "-c", REBUILD, str(team), str(site_dir),
                                 record.relative_to(team).as_posix()],
                                capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    finally:
        record.write_bytes(backup)
    if result.returncode != 0:
        raise SystemExit(f"rebuild benchmark failed:\n{result.stderr[-3000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    return data["full"], data["rebuild"]


def peak_memory(config: Path, site_dir: Path) -> tuple[float, float]:
    """(seconds, peak resident memory in MB) of one `mkdocs build` in a child process."""
    import resource

    shutil.rmtree(site_dir, ignore_errors=True)
    script = ("import resource, runpy, sys; sys.argv = ['mkdocs'] + sys.argv[1:]\n"
              "try:\n    runpy.run_module('mkdocs', run_name='__main__')\n"
              "finally:\n    print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
              "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script, "build", "-q", "-f", str(config), "-d", str(site_dir)],
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.perf_counter() - start
    peaks = [line for line in result.stderr.splitlines() if line.startswith("PEAK ")]
    if result.returncode != 0 or not peaks:
        raise SystemExit(f"build of {config} failed:\n{result.stderr[-3000:]}")
    own, children = (int(x) for x in peaks[-1].split()[1:3])
    return elapsed, max(own, children) / 1024  # ru_maxrss is in KiB on Linux


def timed_build(config: Path, site_dir: Path, *, src: Path | None = None) -> float:
    """Wall time of one `mkdocs build` in a fresh interpreter (`src`: import caseconf from there)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), *filter(None, [env.get("PYTHONPATH")])])
    shutil.rmtree(site_dir, ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
                            capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stderr[-3000:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", "--sizes", dest="cases", default="300,1000",
                        help="comma-separated case counts (default 300,1000; the growth target is 1000,5000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="alternate the builds this many times per size; medians are reported (default 1)")
    parser.add_argument("--before", type=Path, default=None, metavar="SRC",
                        help="also build with the caseconf package found in SRC (e.g. an exported older "
                             "src/ folder), in the same run, for a before/after comparison")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the generated repositories here (and reuse them when present)")
    parser.add_argument("--rebuild", action="store_true",
                        help="also time a one-record rebuild under serve against that process's full build")
    parser.add_argument("--memory", type=int, default=None, metavar="N",
                        help="also build N cases once and print the peak memory (target: 10000 within 1.5 GB)")
    args = parser.parse_args(argv)
    sizes = [int(part) for part in args.cases.split(",")]
    base = args.keep or Path(tempfile.mkdtemp(prefix="caseconf-bench-"))
    results: list[tuple[int, float, float]] = []
    try:
        for size in sizes:
            team = base / f"team-{size}"
            if not (team / "mkdocs.yml").exists():
                shutil.rmtree(team, ignore_errors=True)
                generate_repository(team, size)
            built = base / f"site-team-{size}"
            # The first build makes the pages the plain site copies; it is also the first sample.
            first = timed_build(team / "mkdocs.yml", built)
            plain = base / f"plain-{size}"
            shutil.rmtree(plain, ignore_errors=True)
            plain_site(team, built, plain)
            pages = sum(1 for _ in (plain / "docs").rglob("*.md"))
            times: dict[str, list[float]] = {"caseconf": [first], "plain": [], "before": []}
            for run in range(args.repeat):
                if args.before is not None:
                    times["before"].append(timed_build(team / "mkdocs.yml", base / f"site-before-{size}",
                                                       src=args.before))
                if run:
                    times["caseconf"].append(timed_build(team / "mkdocs.yml", built))
                times["plain"].append(timed_build(plain / "mkdocs.yml", base / f"site-plain-{size}"))
            ratios = [c / p for c, p in zip(times["caseconf"], times["plain"])]
            plugin_time, plain_time = statistics.median(times["caseconf"]), statistics.median(times["plain"])
            line = (f"{size:>6} cases, {pages} pages: caseconf {plugin_time:6.1f} s, plain material {plain_time:6.1f} s, "
                    f"ratio {statistics.median(ratios):.2f}")
            if args.repeat > 1:
                line += f" (each run: {', '.join(f'{r:.2f}' for r in ratios)})"
            if times["before"]:
                before = [b / p for b, p in zip(times["before"], times["plain"])]
                line += f"; before {statistics.median(times['before']):6.1f} s, ratio {statistics.median(before):.2f}"
            print(line, flush=True)
            print(f"{'':>6} ratio to plain mkdocs-material {statistics.median(ratios):.2f} "
                  f"(target <= 1.1): {'met' if statistics.median(ratios) <= 1.1 else 'NOT met'}", flush=True)
            results.append((size, plugin_time, plain_time))
            if args.rebuild:
                full, rebuild = rebuild_ratio(team, base / f"site-serve-{size}")
                ratio = rebuild / full
                print(f"{'':>6} one-record rebuild under serve {rebuild:6.1f} s, full build {full:6.1f} s, "
                      f"ratio {ratio:.2f} (target <= 0.25): {'met' if ratio <= 0.25 else 'NOT met'}", flush=True)
        if args.memory:
            team = base / f"team-{args.memory}"
            if not (team / "mkdocs.yml").exists():
                shutil.rmtree(team, ignore_errors=True)
                generate_repository(team, args.memory)
            seconds, megabytes = peak_memory(team / "mkdocs.yml", base / f"site-team-{args.memory}")
            print(f"{args.memory:>6} cases: build {seconds:6.1f} s, peak memory {megabytes:,.0f} MB "
                  f"(target <= 1,536 MB): {'met' if megabytes <= 1536 else 'NOT met'}", flush=True)
        if len(results) > 1:
            (n0, p0, b0), (n1, p1, b1) = results[0], results[-1]
            print(f"growth {n0} -> {n1} cases (x{n1 / n0:.0f}): caseconf x{p1 / p0:.2f}, plain material x{b1 / b0:.2f}")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
