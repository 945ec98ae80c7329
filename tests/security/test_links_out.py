"""No reader follows a symbolic link out of the repository, and none opens a FIFO: each
is refused with a finding that names the file, and nothing of the outside file is used."""

from __future__ import annotations

import os
import json
from pathlib import Path

import pytest

from ..helpers import run_caseconf, write
from ..rules.apply import materialise
from ..site.sites import copy_team, mkdocs_build

SECRET = "MIMO-REPOZITAR-7f3a"  # text that lives only outside the repository


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    write(folder / "note.md", f"---\ncase: JI-2025-001\nkind: review\ndate: 2025-06-10\n---\n{SECRET}\n")
    write(folder / "case.yml", f"id: JI-2025-001\noffice: JI\nopened: 2025-01-01\nnote: {SECRET}\n")
    write(folder / "page.md", f"# {SECRET}\n")
    write(folder / "main.html", f"{{% extends 'base.html' %}}{{% block content %}}{SECRET}{{% endblock %}}")
    write(folder / "inherit.yml", f"site_description: {SECRET}\n")
    write(folder / "sub" / "page.md", f"# {SECRET}\n")
    return folder


def _check(root: Path) -> tuple[int, list[dict], str]:
    run = run_caseconf("check", "--root", str(root), "--format", "json", "--no-pii")
    assert "Traceback" not in run.err, run.err
    return run.code, run.json()["findings"], run.out + run.err


@pytest.mark.parametrize("link", ["records/JI-2025-001/2025-07-01-review.md", "records/JI-2025-001/case.yml",
                                  "records/JI-2025-009", "records/activities/2025-07-01-workshop.md",
                                  "caseconf.yml"])
def test_check_refuses_a_link_out(tmp_path: Path, outside: Path, link: str) -> None:
    root = materialise(tmp_path / "repo", [])
    target = root / link
    if target.exists():
        target.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    source = {"case.yml": outside / "case.yml", "caseconf.yml": outside / "case.yml"}.get(target.name)
    if link == "records/JI-2025-009":
        source = outside
    target.symlink_to(source or outside / "note.md")
    code, findings, text = _check(root)
    assert code == 1
    assert any(f["code"] == "FILE010" and f["path"].startswith(link) for f in findings), findings
    assert SECRET not in text


def test_check_and_pii_refuse_a_fifo_without_blocking(tmp_path: Path) -> None:
    root = materialise(tmp_path / "repo", [])
    fifo = root / "records" / "JI-2025-001" / "2025-07-01-review.md"
    os.mkfifo(fifo)
    code, findings, _text = _check(root)  # returns at all: the FIFO was never opened
    assert code == 1 and any(f["code"] == "FILE010" and f["path"].endswith("2025-07-01-review.md")
                             for f in findings)
    run = run_caseconf("pii", str(fifo), "--root", str(root))
    assert run.code == 2 and "not a regular file" in run.err


def test_pii_refuses_a_link_out(tmp_path: Path, outside: Path) -> None:
    root = materialise(tmp_path / "repo", [])
    write(outside / "contact.md", "jan.novak@example.cz, 777 123 456\n")
    (root / "records" / "contact.md").symlink_to(outside / "contact.md")
    run = run_caseconf("pii", "--root", str(root), "--format", "json")
    findings = run.json()["findings"]
    refused = [f for f in findings if f["path"] == "records/contact.md"]
    assert refused and all(f["code"] == "PII012" for f in refused), refused


# ---------------------------------------------------------------- the site build
@pytest.fixture
def team(tmp_path: Path) -> Path:
    return copy_team(tmp_path / "team")


def _build_refuses(root: Path, what: str) -> None:
    result = mkdocs_build(root, root / "site", strict=False)
    assert result.returncode != 0, f"{what}: built anyway"
    assert "FILE010" in result.stderr and "Traceback" not in result.stderr, result.stderr[-3000:]
    site = root / "site"
    if site.exists():
        assert not any(SECRET in p.read_text(encoding="utf-8", errors="replace")
                       for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".js"))


@pytest.mark.slow
@pytest.mark.parametrize("reader", ["methodology-file", "methodology-folder", "site-templates", "inherit",
                                    "docs-dir", "record"])
def test_site_build_refuses_a_link_out(team: Path, outside: Path, reader: str) -> None:
    if reader == "methodology-file":
        (team / "methodology" / "metodika" / "venku.md").symlink_to(outside / "page.md")
    elif reader == "methodology-folder":
        (team / "methodology" / "venku").symlink_to(outside / "sub")
    elif reader == "site-templates":
        (team / "site_templates" / "main.html").unlink()
        (team / "site_templates" / "main.html").symlink_to(outside / "main.html")
    elif reader == "inherit":
        mkdocs = team / "mkdocs.yml"
        mkdocs.write_text(f"INHERIT: {os.path.relpath(outside / 'inherit.yml', team)}\n"
                          + mkdocs.read_text(encoding="utf-8"), encoding="utf-8")
    elif reader == "docs-dir":
        mkdocs = team / "mkdocs.yml"
        mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace("docs_dir: methodology",
                                                                     f"docs_dir: {outside / 'sub'}"), encoding="utf-8")
    elif reader == "record":
        case = next(p for p in sorted((team / "records").iterdir()) if p.name != "activities")
        (case / "2025-12-30-review.md").symlink_to(outside / "note.md")
        result = mkdocs_build(team, team / "site", strict=False)
        # a record link is a check finding: the record is left out of the site, the rest builds
        assert "Traceback" not in result.stderr
        assert not any(SECRET in p.read_text(encoding="utf-8", errors="replace")
                       for p in (team / "site").rglob("*.html"))
        return
    _build_refuses(team, reader)


@pytest.mark.slow
def test_site_build_refuses_a_fifo_in_methodology(team: Path) -> None:
    os.mkfifo(team / "methodology" / "metodika" / "roura.md")
    result = mkdocs_build(team, team / "site", strict=False)  # returns: the FIFO is never opened
    assert result.returncode != 0 and "FILE010" in result.stderr, result.stderr[-3000:]


def test_a_template_link_out_is_refused_by_the_loader(tmp_path: Path, outside: Path) -> None:
    import jinja2

    from caseconf.site.render import template_env

    folder = tmp_path / "site_templates"
    folder.mkdir()
    (folder / "page.html").symlink_to(outside / "main.html")
    env = template_env([folder])
    with pytest.raises(jinja2.TemplateNotFound):
        env.get_template("page.html")


def test_json_of_a_refused_file_is_complete(tmp_path: Path, outside: Path) -> None:
    root = materialise(tmp_path / "repo", [])
    (root / "records" / "JI-2025-001" / "2025-07-01-review.md").symlink_to(outside / "note.md")
    run = run_caseconf("check", "--root", str(root), "--format", "json", "--no-pii")
    assert json.loads(run.out)["findings"]
