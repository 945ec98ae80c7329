"""A seeded generator of realistic team repositories for benchmarks and scale tests.

    python benchmarks/generate.py OUT_DIR --cases N [--seed S] [--commits K]

writes caseconf.yml and records/: N cases with 1-5 records each (initial, review, crisis,
evaluation and the odd preparatory meeting), every plan complete, every open action
evaluated by the next review, crisis or evaluation, plus workshops and supervisions. The
result passes `caseconf check` with no errors and no warnings and holds no personal data:
people are roles and refs only, and minutes are drawn from neutral Czech sentences with
no capitalised word pairs.

`--commits K` makes OUT_DIR a git repository with K commits (records added over time,
some of them modified later), for the history-scan benchmark. Git objects are written
with `git fast-import`, so 2,000 commits take seconds.

As a module: `generate(out, cases, seed) -> Path` (and `generate(..., commits=K)`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

OFFICES = {
    "JI": "OSPOD Jihlava",
    "TR": "OSPOD Třebíč",
    "HB": "OSPOD Havlíčkův Brod",
    "PE": "OSPOD Pelhřimov",
    "ZR": "OSPOD Žďár nad Sázavou",
    "MB": "OSPOD Moravské Budějovice",
}
YEARS = (2021, 2022, 2023, 2024, 2025)

CONFIG = """\
team: Facilitační tým Vysočina (benchmark)
jurisdiction: cz
language: cs
offices:
{offices}
thresholds:
  followup_min_days: 90
  booking_max_days: 14
  invitation_min_days: 5
  duration_minutes: [90, 120]
  evaluation_grace_days: 30
min_cell: 3
"""

# Neutral sentences: no names, no numbers that look like identifiers, and no two
# capitalised words in a row (the name detector's cue).
SENTENCES = [
    "Facilitátorka přivítala účastníky a připomněla pravidla setkání.",
    "Všichni účastníci podepsali prohlášení o mlčenlivosti.",
    "Cíl setkání byl přečten a rodina s ním souhlasila.",
    "Pracovnice sociálně-právní ochrany shrnula, co se od minulého setkání změnilo.",
    "Rodina popsala, co se jí daří a s čím potřebuje pomoc.",
    "Škola uvedla, že docházka se v posledních týdnech zlepšila.",
    "Účastníci se shodli, že největší potíž je ranní režim v rodině.",
    "Pracovnice neziskové organizace nabídla pravidelné návštěvy v rodině.",
    "Matka uvedla, že jí pomáhá mít úkoly napsané na jednom místě.",
    "Otec řekl, že chce být u dalšího setkání přítomen celou dobu.",
    "Dítě předalo své přání prostřednictvím klíčové pracovnice.",
    "Účastníci prošli úkoly z minulého plánu jeden po druhém.",
    "Některé úkoly byly splněny, jiné bude potřeba prodloužit.",
    "Diskuse se soustředila na bezpečí dítěte a na to, co rodina zvládne sama.",
    "Odborníci mluvili o pozorovaném chování dítěte, ne o domněnkách.",
    "Rodina ocenila, že mohla mluvit jako první.",
    "Facilitátorka shrnula dohodnuté kroky a ověřila, že jim všichni rozumějí.",
    "Plán byl přečten nahlas a rodina k němu neměla výhrady.",
    "Pro případ, že se plán nepodaří dodržet, byl dohodnut náhradní postup.",
    "Zápis bude rozeslán všem pozvaným, i těm, kdo nepřišli.",
    "Setkání proběhlo v klidné atmosféře a skončilo včas.",
    "Učitelka ocenila jasné rozdělení úkolů.",
    "Terapeutka doporučila pokračovat v konzultacích jednou za dva týdny.",
    "Rodina požádala, aby se příště mluvilo jednodušeji.",
]
HEADINGS = ["## Úvod a cíl", "## Pohled rodiny", "## Diskuse a návrhy", "## Vyhodnocení úkolů",
            "## Dohody", "## Hodnocení setkání"]
GOALS = [
    "Domluvit se, jak zajistit pravidelnou docházku dítěte do školy a kdo rodině pomůže.",
    "Zhodnotit, co se od minulého setkání podařilo, a upravit plán podpory rodiny.",
    "Dohodnout bezpečné předávání dětí mezi rodiči a pravidla společné péče.",
    "Najít způsob, jak rodina udrží bydlení a splácení dluhů.",
    "Sjednotit pohled odborníků a domluvit jeden společný postup.",
]
ACTIONS = [
    ("zajistí pravidelnou docházku dítěte do školy", "docházka alespoň devadesát procent za měsíc"),
    ("dochází do rodiny jednou týdně a pomáhá s ranním režimem", "záznamy o návštěvách v rodině"),
    ("posílá každý pátek krátký přehled docházky", "týdenní přehledy doručené pracovnici"),
    ("objedná dítě na preventivní prohlídku a doprovodí ho", "zpráva lékaře předaná pracovnici"),
    ("se zúčastní setkání rodičovské skupiny", "potvrzení účasti na setkáních"),
    ("připraví žádost o vyšetření v poradně", "žádost podána a termín vyšetření známý"),
    ("vede s rodinou rozpočet domácnosti", "měsíční přehled příjmů a výdajů"),
    ("ověří stav žádosti o příspěvek na bydlení", "záznam ve spisu a informace předaná rodině"),
]
NOTES = ["úkol splněn podle dohody", "splněno zčásti, rodina potřebuje víc času", "úkol se nepodařilo splnit",
         "úkol už není potřeba", "úkol pokračuje s novým termínem"]
PROFESSIONALS = ["class_teacher", "school_counsellor", "paediatrician", "psychologist", "therapist"]
FAMILIES = [  # (ref, role)
    [("M", "mother"), ("D1", "child")],
    [("M", "mother"), ("F", "father"), ("D1", "child"), ("D2", "child")],
    [("F", "father"), ("D1", "child")],
    [("M", "mother"), ("GM", "grandparent"), ("D1", "child")],
    [("M", "mother"), ("F", "father"), ("D1", "child")],
]
TOPICS = ["Modelová situace: jak připravit rodinu na první konferenci",
          "Jak psát cíl setkání srozumitelně pro rodinu",
          "Jak reagovat, když klíčový účastník opakovaně nepřichází",
          "Plán bezpečí a jeho vyhodnocování"]


@dataclass
class _Action:
    id: str
    do: str
    owner: str
    due: dt.date
    indicator: str


@dataclass
class _Case:
    id: str
    office: str
    opened: dt.date
    family: list[tuple[str, str]]
    files: dict[str, str] = field(default_factory=dict)  # name -> text
    dates: list[dt.date] = field(default_factory=list)


def _d(day: dt.date) -> str:
    return day.isoformat()


def _minutes_body(rng: random.Random, extra: int = 0) -> str:
    parts = []
    for heading in rng.sample(HEADINGS, 3):
        sentences = rng.sample(SENTENCES, rng.randint(2, 4))
        parts.append(heading + "\n\n" + " ".join(sentences))
    for _ in range(extra):
        parts.append(rng.choice(SENTENCES))
    return "\n\n".join(parts) + "\n"


def _participants(rng: random.Random, office: str, family: list[tuple[str, str]], pros: list[str]) -> list[str]:
    rows = []
    for ref, role in family:
        if role == "child":
            continue
        rows.append(f"  - {{ref: {ref}, role: {role}, attendance: present}}")
    rows.append(f"  - {{role: ospod_worker, org: {office}, attendance: present}}")
    rows.append('  - {role: family_worker, org: "NNO", attendance: present}')
    for index, role in enumerate(pros):
        if index == len(pros) - 1 and rng.random() < 0.3:
            reason = rng.choice(["work", "illness", "no_response"])
            rows.append(f"  - {{role: {role}, attendance: excused, reason: {reason}}}")
        else:
            rows.append(f"  - {{role: {role}, attendance: present}}")
    return rows


def _meeting(rng: random.Random, case: _Case, kind: str, date: dt.date, open_actions: list[_Action],
             next_id: int, closes: bool) -> tuple[str, list[_Action], int, dt.date | None]:
    """One initial/review/crisis record. Returns (text, actions still open after, next id, next review)."""
    pros = rng.sample(PROFESSIONALS, rng.randint(1, 3))
    start_h = rng.randint(8, 15)
    start = f"{start_h:02d}:{rng.choice(['00', '15', '30'])}"
    length = rng.choice([90, 100, 105, 110, 120])
    sh, sm = (int(x) for x in start.split(":"))
    end_total = sh * 60 + sm + length
    end = f"{end_total // 60:02d}:{end_total % 60:02d}"
    requested = date - dt.timedelta(days=rng.randint(7, 14))
    invited = date - dt.timedelta(days=rng.randint(5, (date - requested).days))
    lines = [
        "---", f"case: {case.id}", f"kind: {kind}", f"date: {_d(date)}", f'start: "{start}"', f'end: "{end}"',
        f"place: {rng.choice(['ospod_office', 'school', 'ngo', 'family_home'])}",
        f"requested: {_d(requested)}", f"invited: {_d(invited)}",
        f"basis: {rng.choice(['court_petition', 'other', 'other'])}",
        f"indications: [{', '.join(rng.sample(['coordination', 'assessment', 'high_risk', 'major_decision'], 2))}]",
        f'goal: "{rng.choice(GOALS)}"',
        "roles:",
        f"  initiator:   {{role: ospod_worker, org: {case.office}}}",
        f"  convener:    {{role: ospod_worker, org: {case.office}}}",
        f"  coordinator: {{role: ospod_worker, org: {case.office}}}",
        "  facilitator: {role: facilitator, org: FT, independent: true}",
        "  minutes:     {role: facilitator_assistant, org: FT}",
        "case_summary:", f"  circulated: {_d(date - dt.timedelta(days=3))}", "  client_agreed: true",
        "participants:",
        *_participants(rng, case.office, case.family, pros),
        "child:",
        f"  participation: {rng.choice(['represented', 'informed', 'partial', 'present'])}",
        '  views: "Dítě si přeje zůstat doma a chce, aby se doma méně hádalo."',
        "client_informed_of_outcome: true",
        "confidentiality_signed: true",
    ]
    still_open, evaluation = _evaluate(rng, date, open_actions)
    lines += evaluation
    if kind == "crisis":  # a crisis says whether the earlier plan B came into force (REV009)
        triggered = _d(date - dt.timedelta(days=2))
        lines += ["plan_b_triggered:",
                  f'  - {{condition: "plán se nedaří plnit", date: {triggered}, applied: true, '
                  'what_followed: "svolána tato krizová konference"}']
    lines += ['needs: ["pravidelná docházka do školy", "stabilní ranní režim"]',
              "conclusions:", '  - "Rodina dostane podporu podle plánu níže."']
    next_review = None
    present = [role for role in ["ospod_worker", "family_worker"]]
    owners = [ref for ref, role in case.family if role != "child"] + present
    if not closes:
        new = []
        for _ in range(rng.randint(1, 4)):
            what, indicator = rng.choice(ACTIONS)
            new.append(_Action(f"A{next_id}", what, rng.choice(owners),
                               date + dt.timedelta(days=rng.randint(30, 85)), indicator))
            next_id += 1
        gap = rng.randint(20, 60) if kind == "crisis" else rng.randint(91, 150)
        next_review = date + dt.timedelta(days=gap)
        lines += _plan(case, new, next_review)
        still_open += new
    lines += ['feedback: "Rodina ocenila, že mohla mluvit první."',
              "minutes:", f"  circulated: {_d(date + dt.timedelta(days=3))}",
              f"  approved_by: [{', '.join(owners)}]", "---"]
    return "\n".join(lines) + "\n" + _minutes_body(rng), still_open, next_id, next_review


def _plan(case: _Case, actions: list[_Action], next_review: dt.date) -> list[str]:
    lines = ["plan:", "  actions:"]
    for action in actions:
        who = "M" if any(r == "M" for r, _ in case.family) else "F"
        lines += [f"    - id: {action.id}", f'      do: "{action.do}"', f"      owner: {action.owner}",
                  f"      due: {_d(action.due)}", f'      indicator: "{action.indicator}"', "      status: open"]
    lines += ["  plan_b:",
              f'    - {{if: "plán se nedaří plnit", then: "pracovnice do dvou týdnů svolá setkání s {who}"}}',
              '  information_sharing: {how: "krátká zpráva e-mailem", frequency: monthly}',
              f"  case_manager: {{role: ospod_worker, org: {case.office}}}",
              f"  core_group: [{who}, ospod_worker, family_worker]",
              f"  next_review: {_d(next_review)}"]
    return lines


def _evaluate(rng: random.Random, date: dt.date, open_actions: list[_Action]) -> tuple[list[_Action], list[str]]:
    if not open_actions:
        return [], []
    lines = ["evaluation:"]
    still_open = []
    for action in open_actions:
        result = rng.choice(["done", "done", "partly_done", "not_done", "cancelled", "continued"])
        note = NOTES[["done", "partly_done", "not_done", "cancelled", "continued"].index(result)]
        if result == "continued":
            action.due = date + dt.timedelta(days=rng.randint(30, 80))
            lines.append(f'  - {{action: {action.id}, result: continued, due: {_d(action.due)}, note: "{note}"}}')
            still_open.append(action)
        else:
            lines.append(f'  - {{action: {action.id}, result: {result}, note: "{note}"}}')
    return still_open, lines


def _evaluation_record(rng: random.Random, case: _Case, date: dt.date, open_actions: list[_Action]
                       ) -> tuple[str, list[_Action]]:
    still_open, evaluation = _evaluate(rng, date, open_actions)
    lines = ["---", f"case: {case.id}", "kind: evaluation", f"date: {_d(date)}", "participants:",
             f"  - {{role: ospod_worker, org: {case.office}, attendance: present}}",
             f"  - {{role: head_of_service, org: {case.office}, attendance: present}}",
             '  - {role: supervisor, org: "externí supervize", attendance: present}',
             *evaluation, "conclusions:", '  - "Rodina plní většinu úkolů; revizní konference podle plánu."', "---"]
    return "\n".join(lines) + "\n" + _minutes_body(rng), still_open


def _preparatory(rng: random.Random, case: _Case, date: dt.date) -> str:
    requested = date - dt.timedelta(days=10)
    lines = ["---", f"case: {case.id}", "kind: preparatory", f"date: {_d(date)}", 'start: "14:00"', 'end: "15:30"',
             "place: ospod_office", f"requested: {_d(requested)}", f"invited: {_d(date - dt.timedelta(days=7))}",
             "basis: other", "indications: [assessment, coordination]",
             'goal: "Sjednotit informace odborníků a připravit průběh konference s rodinou."',
             "roles:", f"  convener:    {{role: ospod_worker, org: {case.office}}}",
             "  facilitator: {role: facilitator, org: FT, independent: true}",
             "  minutes:     {role: facilitator_assistant, org: FT}",
             "participants:", f"  - {{role: ospod_worker, org: {case.office}, attendance: present}}",
             "  - {role: class_teacher, attendance: present}", "  - {role: therapist, attendance: present}",
             "client_informed_of_outcome: true", "confidentiality_signed: true",
             "conclusions:", '  - "Rodina bude pozvána na konferenci; odborníci přijdou se sladěnými informacemi."',
             "minutes:", f"  circulated: {_d(date + dt.timedelta(days=2))}", "  approved_by: [ospod_worker]", "---"]
    return "\n".join(lines) + "\n" + _minutes_body(rng)


def _make_case(rng: random.Random, case_id: str, office: str, year: int) -> _Case:
    opened = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
    case = _Case(case_id, office, opened, list(rng.choice(FAMILIES)))
    n_records = rng.randint(1, 5)
    date = opened + dt.timedelta(days=rng.randint(15, 30))
    if rng.random() < 0.15:
        case.files[f"{_d(date)}-preparatory.md"] = _preparatory(rng, case, date)
        case.dates.append(date)
        date += dt.timedelta(days=rng.randint(10, 20))
    closed = rng.random() < 0.35 and n_records >= 2
    open_actions: list[_Action] = []
    next_id = 1
    for index in range(n_records):
        last = index == n_records - 1
        if index == 0:
            kind = "initial"
        elif open_actions and rng.random() < 0.25 and not last:
            kind = "evaluation"
        else:
            kind = "crisis" if rng.random() < 0.1 else "review"
        if kind == "evaluation":
            text, open_actions = _evaluation_record(rng, case, date, open_actions)
            next_date = date + dt.timedelta(days=rng.randint(30, 60))
        else:
            text, open_actions, next_id, next_review = _meeting(rng, case, kind, date, open_actions, next_id,
                                                                closes=closed and last)
            next_date = next_review or date
        case.files[f"{_d(date)}-{kind}.md"] = text
        case.dates.append(date)
        date = next_date
    status = ["status: open", "closed: null"]
    if closed:
        reason = rng.choice(["goals_met", "goals_met", "transferred", "family_refused", "moved_away"])
        status = ["status: closed", f"closed: {_d(case.dates[-1])}", f"closure_reason: {reason}"]
    household = [f"  - {{ref: {ref}, role: {role}" + (f", age: {rng.randint(2, 16)}}}" if role == "child" else "}")
                 for ref, role in case.family]
    case.files["case.yml"] = "\n".join([
        f"id: {case.id}", f"office: {office}", f"opened: {_d(opened)}", *status, "household:", *household,
        f"case_manager: {{role: ospod_worker, org: {office}}}",
        'key_worker: {role: family_worker, org: "NNO"}',
        "consent:", f"  data_sharing: {_d(opened + dt.timedelta(days=rng.randint(1, 10)))}",
    ]) + "\n"
    return case


def _activities(rng: random.Random, cases: list[_Case], count: int) -> dict[str, tuple[dt.date, str]]:
    out: dict[str, tuple[dt.date, str]] = {}
    case_ids = [c.id for c in cases]
    while len(out) < count:
        day = dt.date(rng.choice(YEARS), 1, 1) + dt.timedelta(days=rng.randint(0, 360))
        kind = rng.choice(["workshop", "supervision"])
        rel = f"records/activities/{day.year}/{_d(day)}-{kind}.md"
        if rel in out:
            continue
        offices = sorted(rng.sample(sorted(OFFICES), rng.randint(1, 4)))
        about = rng.choice(case_ids) if kind == "supervision" and case_ids and rng.random() < 0.3 else "null"
        text = "\n".join(["---", f"kind: {kind}", f"date: {_d(day)}", f"offices: [{', '.join(offices)}]",
                          f"case: {about}", f'topic: "{rng.choice(TOPICS)}"',
                          f"participants_count: {rng.randint(4, 20)}", "---"]) + "\n" + _minutes_body(rng)
        out[rel] = (day, text)
    return out


def build(cases: int, seed: int = 1) -> dict[str, tuple[dt.date, str]]:
    """Every file of the repository: relative path -> (date it was written, text)."""
    rng = random.Random(seed)
    offices = sorted(OFFICES)
    files: dict[str, tuple[dt.date, str]] = {}
    made: list[_Case] = []
    seq: dict[tuple[str, int], int] = {}
    for _ in range(cases):
        office, year = rng.choice(offices), rng.choice(YEARS)
        seq[office, year] = seq.get((office, year), 0) + 1
        case = _make_case(rng, f"{office}-{year}-{seq[office, year]:03d}", office, year)
        made.append(case)
        for name, text in case.files.items():
            written = case.opened if name == "case.yml" else dt.date.fromisoformat(name[:10])
            files[f"records/{case.id}/{name}"] = (written, text)
    files.update(_activities(rng, made, max(2, cases // 8)))
    config = CONFIG.format(offices="\n".join(f"  {code}: {name}" for code, name in OFFICES.items()))
    files["caseconf.yml"] = (dt.date(YEARS[0], 1, 1), config)
    return files


def generate(out: Path, cases: int, seed: int = 1, commits: int | None = None) -> Path:
    """Write a repository of `cases` cases into `out` (created; must be empty or missing)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = build(cases, seed)
    for rel, (_, text) in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if commits:
        _git_history(out, files, commits, random.Random(seed + 1))
    return out


def _git_history(out: Path, files: dict[str, tuple[dt.date, str]], commits: int, rng: random.Random) -> None:
    """K commits: files appear in date order; some are modified later (an earlier draft first)."""
    rels = sorted(files, key=lambda r: (files[r][0], r))
    # events: (date, order, rel, text). Drafts carry extra sentences that the final version drops.
    modified = max(commits - len(rels), len(rels) // 5)
    versions: dict[str, int] = {}
    for _ in range(modified):
        rel = rng.choice(rels[1:] or rels)
        versions[rel] = versions.get(rel, 0) + 1
    events: list[tuple[dt.date, int, str, str]] = []
    order = 0
    for rel in rels:
        day, text = files[rel]
        drafts = versions.get(rel, 0)
        for step in range(drafts + 1):
            remaining = drafts - step
            body = text if remaining == 0 or not rel.endswith(".md") else \
                text + "\n" + " ".join(SENTENCES[(i + step) % len(SENTENCES)] for i in range(remaining)) + "\n"
            if remaining == 0 and rel.endswith(".yml") and drafts:
                body = text
            elif rel.endswith(".yml") and remaining:
                body = text + "# " + "pracovní verze " * remaining + "\n"
            events.append((day + dt.timedelta(days=step * 7), order, rel, body))
            order += 1
    events.sort(key=lambda e: (e[0], e[1]))
    # split the events into exactly `commits` non-empty commits
    commits = min(commits, len(events))
    bounds = [round(i * len(events) / commits) for i in range(commits + 1)]
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=str(out))
    subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True, env=env)
    stream: list[bytes] = []
    mark = 0
    for index in range(commits):
        chunk = events[bounds[index]:bounds[index + 1]]
        day = chunk[-1][0]
        when = int(dt.datetime(day.year, day.month, day.day, 12, 0, tzinfo=dt.timezone.utc).timestamp()) + index
        message = f"Záznamy ({len(chunk)})".encode()
        mark += 1
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"mark :{mark}\n".encode())
        stream.append(f"committer Facilitation Team <team@example.invalid> {when} +0000\n".encode())
        stream.append(f"data {len(message)}\n".encode() + message + b"\n")
        if index > 0:
            stream.append(f"from :{mark - 1}\n".encode())
        for _, _, rel, text in chunk:
            data = text.encode("utf-8")
            stream.append(f"M 100644 inline {rel}\n".encode())
            stream.append(f"data {len(data)}\n".encode() + data + b"\n")
        stream.append(b"\n")
    subprocess.run(["git", "-C", str(out), "fast-import", "--quiet"], input=b"".join(stream), check=True, env=env)
    # the work tree already holds the final versions; bring the index in line with HEAD
    subprocess.run(["git", "-C", str(out), "reset", "-q"], check=True, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--commits", type=int, default=None)
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"{args.out}: not empty", file=sys.stderr)
        return 2
    generate(args.out, args.cases, args.seed, commits=args.commits)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
