"""Small YAML text helpers that build real (fictional) team repositories for the workflow tests.

People appear only by role and short ref; nothing here is a real person.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable

from ..helpers import write

CONFIG = """\
team: {team}
jurisdiction: cz
language: {language}
offices:
{offices}
thresholds:
  evaluation_grace_days: {grace}
min_cell: {min_cell}
"""


def make_repo(root: Path, *, team: str = "Testovací tým", offices: Iterable[str] = ("JI", "TR"),
              language: str = "cs", grace: int = 30, min_cell: int = 3) -> Path:
    lines = "\n".join(f"  {code}: OSPOD {code}" for code in offices)
    write(root / "caseconf.yml", CONFIG.format(team=team, offices=lines, language=language, grace=grace,
                                               min_cell=min_cell))
    (root / "records").mkdir(parents=True, exist_ok=True)
    return root


def add_case(root: Path, case_id: str, *, opened: str = "2025-01-10", status: str = "open",
             closed: str | None = None) -> Path:
    office = case_id.split("-")[0]
    text = (f"id: {case_id}\noffice: {office}\nopened: {opened}\nstatus: {status}\n"
            f"closed: {closed or 'null'}\nclosure_reason: {'goals_met' if status == 'closed' else 'null'}\n"
            "household:\n  - {ref: M, role: mother}\n  - {ref: D1, role: child, age: 7}\n"
            f"case_manager: {{role: ospod_worker, org: {office}}}\n")
    return write(root / "records" / case_id / "case.yml", text)


def action(id: str, due: str | None, *, owner: str = "M", status: str = "open", do: str | None = None,
           indicator: str = "zpráva předána") -> str:
    return (f"    - id: {id}\n      do: \"{do or 'úkol ' + id}\"\n      owner: {owner}\n"
            f"      due: {due or 'null'}\n      indicator: \"{indicator}\"\n      status: {status}\n")


def evaluation(id: str, result: str, due: str | None = None) -> str:
    extra = f", due: {due}" if due else ""
    return f"  - {{action: {id}, result: {result}{extra}}}\n"


def add_record(root: Path, case_id: str, date: str, kind: str, *, actions: Iterable[str] = (),
               evaluations: Iterable[str] = (), next_review: str | None = None, plan: bool = True,
               basis: str = "other", requested: str | None = None, invited: str | None = None,
               participants: Iterable[tuple[str, str]] = (("mother", "present"), ("ospod_worker", "present")),
               suffix: str = "") -> Path:
    day = dt.date.fromisoformat(date)
    office = case_id.split("-")[0]
    lines = ["---", f"case: {case_id}", f"kind: {kind}", f"date: {date}"]
    if kind in ("initial", "review", "crisis"):
        lines += ['start: "13:00"', 'end: "14:45"', "place: ospod_office",
                  f"requested: {requested or (day - dt.timedelta(days=10)).isoformat()}",
                  f"invited: {invited or (day - dt.timedelta(days=7)).isoformat()}", f"basis: {basis}"]
    if kind != "evaluation":
        lines.append('goal: "Domluvit, jak D1 bezpečně zůstane doma."')
    lines.append("participants:")
    for role, attendance in participants:
        reason = ", reason: illness" if attendance in ("excused", "absent") else ""
        lines.append(f"  - {{role: {role}, org: {office}, attendance: {attendance}{reason}}}")
    text = "\n".join(lines) + "\n"
    evaluations = list(evaluations)
    if evaluations:
        text += "evaluation:\n" + "".join(evaluations)
    if kind == "evaluation":
        text += "conclusions: [\"plán pokračuje\"]\n"
    if plan:
        text += "plan:\n  actions:\n" + ("".join(actions) if actions else "    []\n")
        text += f"  next_review: {next_review or 'null'}\n"
    text += "---\nAnonymizovaný zápis.\n"
    return write(root / "records" / case_id / f"{date}-{kind}{suffix}.md", text)


def add_activity(root: Path, date: str, kind: str, offices: Iterable[str], count: int, suffix: str = "") -> Path:
    text = (f"---\nkind: {kind}\ndate: {date}\noffices: [{', '.join(offices)}]\ncase: null\n"
            f"topic: \"téma\"\nparticipants_count: {count}\n---\nPoznámky.\n")
    return write(root / "records" / "activities" / date[:4] / f"{date}-{kind}{suffix}.md", text)
