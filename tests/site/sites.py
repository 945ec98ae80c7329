"""Sample team repositories for the site tests, and a real `mkdocs build` of them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from ..helpers import PROJECT, write

SITE_PARTS = ("caseconf.yml", "records", "methodology", "mkdocs.yml", "site_templates")

HOSTILE_CASE = "JI-2026-901"
HOSTILE_CASE_YML = f"""\
id: {HOSTILE_CASE}
office: JI
opened: 2026-01-05
status: open
household:
  - {{ref: M, role: mother}}
  - {{ref: D1, role: child, age: 7}}
case_manager: {{role: ospod_worker, org: JI}}
consent:
  data_sharing: 2026-01-06
"""
# Every value a person types could carry markup; none of it may become live on the page.
HOSTILE_RECORD = f"""\
---
case: {HOSTILE_CASE}
kind: initial
date: 2026-01-20
start: "09:00"
end: "10:40"
place: ospod_office
requested: 2026-01-08
invited: 2026-01-12
basis: other
indications: [coordination]
goal: "Cíl <script>alert('goal')</script> a <img src=x onerror=alert('goalimg')>"
roles:
  convener:    {{role: ospod_worker, org: JI}}
  facilitator: {{role: facilitator, org: "FT\\"><script>alert('org')</script>", independent: true}}
  minutes:     {{role: facilitator_assistant, org: FT}}
participants:
  - {{ref: M, role: mother, attendance: present}}
  - {{role: ospod_worker, org: JI, attendance: present}}
child:
  participation: informed
  views: "<iframe src='javascript:alert(1)'></iframe>"
needs: ["<b onmouseover=alert('need')>potřeba</b>"]
conclusions: ["[klik](javascript:alert('concl'))"]
plan:
  actions:
    - id: A1
      do: "M <svg onload=alert('do')></svg> zajistí docházku"
      owner: M
      due: 2026-02-20
      indicator: "\\"><script>alert(1)</script>"
      status: open
  next_review: 2026-04-20
caseconf:
  ignore:
    - {{code: PLAN007, reason: "Tým se s rodinou dohodl jinak; vysvětleno v zápisu."}}
minutes:
  circulated: 2026-01-22
  approved_by: [M]
---
## Zápis

<script>alert('body')</script>
<img src="x" onerror="alert('img')">
<iframe src="https://example.invalid/"></iframe>
<a href="javascript:alert('a')">odkaz HTML</a> a [odkaz Markdown](javascript:alert('md'))
a [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![obr](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
<svg><script>alert('svg')</script><circle r="5" onclick="alert('c')"/></svg>
Odstavec s atributem {{: onclick="alert('attr')" }}
{{: onclick="alert('attr2')" }}

<div markdown="1" onclick="alert('div')">**tučně**</div>

<!-- komentář s alert('comment') -->

Obyčejný text zápisu: rodina souhlasila s plánem.
"""


def copy_team(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        elif source.is_file():
            shutil.copy(source, dest / part)
    return dest


def add_hostile_case(root: Path) -> None:
    write(root / "records" / HOSTILE_CASE / "case.yml", HOSTILE_CASE_YML)
    write(root / "records" / HOSTILE_CASE / "2026-01-20-initial.md", HOSTILE_RECORD)


def mkdocs_build(root: Path, site_dir: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build` in a subprocess, as a team would run it."""
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        args.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CASECONF_LANG": ""}
    return subprocess.run(args, cwd=root, capture_output=True, text=True, env=env, timeout=600)


class _ActiveContent(HTMLParser):
    """Collects every tag or attribute in an HTML fragment that could run code or load something."""

    DANGEROUS_TAGS = frozenset({"script", "iframe", "object", "embed", "style", "svg", "math", "img", "link",
                                "meta", "base", "form", "frame", "frameset", "video", "audio", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            lowered = (value or "").strip().lower()
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src", "action", "xlink:href") and lowered.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"{tag}[{name}={lowered[:20]}]")

    def handle_comment(self, data: str) -> None:
        self.found.append("<!--comment-->")


def active_content(html: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(html)
    parser.close()
    return parser.found


def article(html: str) -> str:
    """The page's content area (the theme's own scripts and icons live outside it)."""
    return html[html.index("<article"):html.index("</article>")]
