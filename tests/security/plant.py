"""Plant the public XSS corpus into every place of a team repository that the site renders.

Every payload goes into a record's body and its list fields (needs, conclusions); action
texts, participants, scalar fields, case files, caseconf.yml (team, offices, the
vocabulary of indications and roles, so payloads become page tags), methodology page
titles, headings, file names, a folder name and page bodies get shares of it. Payloads are
batched per page so that the browser opens a few hundred pages, not thousands.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..helpers import write
from ..site.sites import copy_team

CORPUS = Path(__file__).parent / "corpus" / "xss-payloads.json"
PER_RECORD = 700  # payloads in one record (its body and lists; actions and participants get a share)
SCALAR_LIMIT = 15_000  # characters packed into one scalar field (the loader's bound is 20,000)
TAG_SHAPES = 240  # distinct short payload shapes that become vocabulary values and tags
TITLE_PAGES = 40  # methodology pages per kind of title (front matter, heading, file name)
ACTIVITIES = 3  # workshop records, each with a third of the corpus in its body
OFFICE = "JI"
# YAML double-quoted scalars take \u escapes for whatever YAML does not allow raw
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def load_payloads() -> list[str]:
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    return [payload for _source, payload in data["payloads"]]


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar holding exactly `text`."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def one_line(text: str) -> str:
    return " ".join(text.split())


def pack(payloads: list[str], start: int, limit: int = SCALAR_LIMIT) -> str:
    """As many payloads from `start` on (cycling) as fit into one scalar."""
    out: list[str] = []
    size = 0
    for index in range(len(payloads)):
        payload = payloads[(start + index) % len(payloads)]
        if size + len(payload) + 1 > limit:
            break
        out.append(payload)
        size += len(payload) + 1
    return " ".join(out)


def tag_shapes(payloads: list[str], count: int = TAG_SHAPES) -> list[str]:
    """Short single-line payloads, one per shape (first tag + first handler): tags are few."""
    seen: set[tuple[str, str]] = set()
    chosen: list[str] = []
    for payload in payloads:
        line = one_line(payload)
        if "<" not in line or len(line) > 120 or line != payload:
            continue
        tag = re.search(r"<\s*/?\s*([a-zA-Z]+)", line)
        handler = re.search(r"\bon[a-z]+", line, re.I)
        shape = ((tag.group(1).lower() if tag else ""), (handler.group().lower() if handler else ""))
        if shape in seen:
            continue
        seen.add(shape)
        chosen.append(line)
        if len(chosen) >= count:
            break
    return chosen


def file_name(payload: str, index: int) -> str:
    """A payload as a methodology file name (no slash or NUL; at most 200 bytes)."""
    name = one_line(payload).replace("/", "⁄").replace("\\", "⧵").strip(". ") or "x"
    while len(name.encode("utf-8")) > 190:
        name = name[:-1]
    return f"{index:03d} {name}.md"


@dataclass
class Planted:
    root: Path
    payloads: list[str]
    tags: list[str]
    cases: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)  # repository paths
    methodology: list[str] = field(default_factory=list)  # docs_dir-relative .md paths


def _case_yml(case_id: str, chunk: list[str]) -> str:
    return f"""\
id: {case_id}
office: {OFFICE}
opened: 2026-01-05
status: open
household:
  - {{ref: M, role: mother, title: {yaml_str(pack(chunk, 1, 2000))}}}
  - {{ref: D1, role: child, age: 7}}
case_manager: {{role: ospod_worker, org: {yaml_str(pack(chunk, 2, 3000))}, title: {yaml_str(pack(chunk, 3, 3000))}}}
key_worker: {{role: ospod_worker, org: {yaml_str(pack(chunk, 4, 3000))}}}
consent:
  data_sharing: 2026-01-06
cooperation_agreement:
  shared_information: {yaml_str(pack(chunk, 5))}
  responsible: {yaml_str(pack(chunk, 6))}
  disagreements: {yaml_str(pack(chunk, 7))}
  ends_when: {yaml_str(pack(chunk, 8))}
"""


def _record(case_id: str, chunk: list[str], tags: list[str], roles: list[str]) -> str:
    items = "\n".join(f"  - {yaml_str(p)}" for p in chunk)
    actions = "\n".join(
        f"    - {{id: A{i + 1}, do: {yaml_str(p)}, owner: M, due: 2026-03-20, indicator: {yaml_str(p)}}}"
        for i, p in enumerate(chunk[:20]))
    participants = "\n".join(
        f"  - {{role: {yaml_str(roles[i % len(roles)])}, org: {yaml_str(p)}, title: {yaml_str(p)}, "
        f"supports: {yaml_str(p)}, attendance: excused, reason: {yaml_str(p)}}}"
        for i, p in enumerate(chunk[:30]))
    indications = ", ".join(yaml_str(t) for t in tags)
    body = "\n\n".join(chunk)
    return f"""\
---
case: {case_id}
kind: initial
date: 2026-01-20
start: "09:00"
end: "10:40"
place: ospod_office
requested: 2026-01-08
invited: 2026-01-12
basis: other
indications: [{indications}]
goal: {yaml_str(pack(chunk, 0))}
roles:
  convener:    {{role: ospod_worker, org: {yaml_str(pack(chunk, 9, 4000))}}}
  facilitator: {{role: facilitator, org: {yaml_str(pack(chunk, 10, 4000))}, title: {yaml_str(pack(chunk, 11, 4000))}, independent: true}}
  minutes:     {{role: facilitator_assistant, org: FT}}
participants:
  - {{ref: M, role: mother, attendance: present}}
  - {{role: ospod_worker, org: JI, attendance: present}}
{participants}
child:
  participation: informed
  views: {yaml_str(pack(chunk, 12))}
needs:
{items}
conclusions:
{items}
plan:
  actions:
{actions}
  plan_b:
    - {{if: {yaml_str(pack(chunk, 13, 5000))}, then: {yaml_str(pack(chunk, 14, 5000))}}}
  information_sharing: {{how: {yaml_str(pack(chunk, 15))}}}
  next_review: 2026-04-20
feedback: {yaml_str(pack(chunk, 16))}
minutes:
  circulated: 2026-01-22
  approved_by: [M]
---
## Zápis

{body}
"""


def plant(dest: Path) -> Planted:
    payloads = load_payloads()
    tags = tag_shapes(payloads)
    root = copy_team(dest)
    planted = Planted(root, payloads, tags)
    roles = tags[:20]
    # caseconf.yml: the team, an office and the team's vocabulary carry payloads too
    config = (root / "caseconf.yml").read_text(encoding="utf-8")
    config = config.replace("team: ", f"team: {yaml_str(tags[0])}\n_old_team: ", 1)
    config = re.sub(r"^_old_team: .*\n", "", config, flags=re.M)
    config = config.replace("offices:\n", f"offices:\n  XS: {yaml_str(tags[1])}\n", 1)
    config += "vocabulary:\n  indications:\n" + "".join(f"    - {yaml_str(t)}\n" for t in tags)
    config += "  role:\n" + "".join(f"    - {yaml_str(r)}\n" for r in roles)
    write(root / "caseconf.yml", config)
    # the site is built without the personal-data guard: payloads are not personal data,
    # and some look like names to it (the guard has tests of its own)
    mkdocs = (root / "mkdocs.yml").read_text(encoding="utf-8")
    write(root / "mkdocs.yml", mkdocs.replace("  - caseconf ", "  - caseconf:\n      pii_guard: false\n   ", 1))
    chunks = [payloads[i:i + PER_RECORD] for i in range(0, len(payloads), PER_RECORD)]
    tags_per_record = -(-len(tags) // len(chunks))
    for index, chunk in enumerate(chunks):
        case_id = f"{OFFICE}-2026-{900 + index}"
        write(root / "records" / case_id / "case.yml", _case_yml(case_id, chunk))
        record = f"records/{case_id}/2026-01-20-initial.md"
        write(root / record, _record(case_id, chunk, tags[index * tags_per_record:(index + 1) * tags_per_record]
                                     or tags[:3], roles))
        planted.cases.append(case_id)
        planted.records.append(record)
    # activity pages: the same renderer as records for the text, a template of their own
    for index in range(ACTIVITIES):
        chunk = payloads[index::ACTIVITIES]
        planted.records.append(f"records/activities/2026-02-0{index + 1}-workshop.md")
        write(root / planted.records[-1],
              f"---\nkind: workshop\ndate: 2026-02-0{index + 1}\noffices: [{OFFICE}]\n"
              f"topic: {yaml_str(pack(chunk, 0))}\nparticipants_count: 5\n---\n\n" + "\n\n".join(chunk) + "\n")
    _methodology(planted, chunks)
    return planted


def _methodology(planted: Planted, chunks: list[list[str]]) -> None:
    docs = planted.root / "methodology" / "xss"
    tags = planted.tags
    for index in range(TITLE_PAGES):
        payload = tags[index % len(tags)]
        # a title in front matter, a tag in front matter, a first heading, a file name
        write(docs / f"title-{index:03d}.md",
              f"---\ntitle: {yaml_str(payload)}\ntags: [{yaml_str(tags[-1 - index])}]\n---\n\nText.\n")
        write(docs / f"heading-{index:03d}.md", f"# {payload}\n\nText.\n\n## {tags[(index + 7) % len(tags)]}\n")
        name = file_name(tags[(index + 13) % len(tags)], index)
        write(docs / name, "Stránka bez nadpisu.\n")
    for index, chunk in enumerate(chunks):
        write(docs / f"body-{index:03d}.md", "# Metodika\n\n" + "\n\n".join(chunk) + "\n")
    # a folder name becomes a section title in the navigation
    folder = planted.root / "methodology" / file_name(tags[2], 0)[4:-3]
    write(folder / "index.md", "Složka.\n")
    planted.methodology = sorted(p.relative_to(planted.root / "methodology").as_posix()
                                 for p in (planted.root / "methodology").rglob("*.md")
                                 if p.is_relative_to(docs) or p.is_relative_to(folder))
