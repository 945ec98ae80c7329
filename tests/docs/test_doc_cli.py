"""`caseconf doc` as a user runs it: files written once and never overwritten, records with
errors or personal data refused with their findings, every value escaped, team templates
and texts used, WeasyPrint loaded only by this command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ..helpers import run_caseconf, write
from .conftest import docx_text, pdf_text

RECORD = "records/TR-2025-031/2025-05-13-initial.md"
EVALUATION = "records/TR-2025-031/2025-09-16-evaluation.md"


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_minutes_pdf_is_written_once_and_never_overwritten(demo_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "zapis.pdf"
    first = run_caseconf("doc", "minutes", RECORD, "-o", str(out), "--root", str(demo_copy), cwd=demo_copy)
    assert first.code == 0, first.err
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert "Zápis z případové konference" in pdf_text(data)
    again = run_caseconf("doc", "minutes", RECORD, "-o", str(out), "--root", str(demo_copy), cwd=demo_copy)
    assert again.code == 1
    assert "zapis.pdf" in again.err and "nepřepisuje" in again.err
    assert out.read_bytes() == data
    assert sorted(p.name for p in out.parent.iterdir()) == ["zapis.pdf"]  # no temporary file left behind


def test_one_invitation_per_participant_into_a_folder(demo_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "pozvanky"
    result = run_caseconf("doc", "invitation", RECORD, "--format", "docx", "-o", str(out), "--lang", "sr-Latn",
                          "--root", str(demo_copy), cwd=demo_copy)
    assert result.code == 0, result.err
    files = sorted(out.iterdir())
    assert len(files) == 7  # the record's seven participants
    text = docx_text(files[0].read_bytes())
    assert "Poziv na konferenciju slučaja" in text and "Primalac" in text
    assert "utorak, 13. maj 2025" in text and "100 minuta" in text


def test_to_picks_one_invitee_and_an_unknown_one_is_a_usage_error(demo_copy: Path, tmp_path: Path) -> None:
    one = run_caseconf("doc", "invitation", RECORD, "--to", "class_teacher", "--format", "html",
                       "-o", str(tmp_path / "one.html"), "--root", str(demo_copy), cwd=demo_copy)
    assert one.code == 0, one.err
    html = (tmp_path / "one.html").read_text(encoding="utf-8")
    assert html.count('class="sheet"') == 1 and "třídní učitel" in html
    wrong = run_caseconf("doc", "invitation", RECORD, "--to", "judge", "--root", str(demo_copy), cwd=demo_copy)
    assert wrong.code == 2 and "class_teacher" in wrong.err and "Traceback" not in wrong.err
    several = run_caseconf("doc", "invitation", RECORD, "-o", str(tmp_path / "x.pdf"), "--root", str(demo_copy),
                           cwd=demo_copy)
    assert several.code == 2 and "--to" in several.err


def test_a_document_the_record_cannot_give_is_refused(demo_copy: Path) -> None:
    result = run_caseconf("doc", "invitation", EVALUATION, "--root", str(demo_copy), cwd=demo_copy)
    assert result.code == 1 and "vyhodnocení" in result.err
    result = run_caseconf("doc", "evaluation", RECORD, "--root", str(demo_copy), cwd=demo_copy)
    assert result.code == 1 and "nevyhodnocuje" in result.err
    assert not list(demo_copy.glob("*.pdf"))


def test_a_record_with_errors_is_refused_with_its_findings(demo_copy: Path) -> None:
    _edit(demo_copy, RECORD, "place: ospod_office", "place: moon_base")
    result = run_caseconf("doc", "minutes", RECORD, "--root", str(demo_copy), cwd=demo_copy)
    assert result.code == 1
    assert f"{RECORD}:" in result.err and "moon_base" in result.err and "caseconf check" in result.err
    assert not list(demo_copy.glob("*.pdf"))


def test_a_record_with_personal_data_is_refused(demo_copy: Path) -> None:
    _edit(demo_copy, RECORD, "## Úvod\n", "## Úvod\n\nMatku lze zastihnout na čísle +420 601 234 567.\n")
    result = run_caseconf("doc", "minutes", RECORD, "--root", str(demo_copy), cwd=demo_copy)
    assert result.code == 1
    assert "PII" in result.err and "601 234 567" not in result.err  # the finding, masked, never the value
    assert not list(demo_copy.glob("*.pdf"))


def test_every_value_is_escaped(demo_copy: Path, tmp_path: Path) -> None:
    _edit(demo_copy, RECORD, 'goal: "Najít', 'goal: "<script>alert(1)</script> <b>Najít')
    out = tmp_path / "m.html"
    result = run_caseconf("doc", "minutes", RECORD, "--format", "html", "-o", str(out), "--root", str(demo_copy),
                          cwd=demo_copy)
    assert result.code == 0, result.err
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "<b>Najít" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    word = tmp_path / "m.docx"
    assert run_caseconf("doc", "minutes", RECORD, "--format", "docx", "-o", str(word), "--root", str(demo_copy),
                        cwd=demo_copy).code == 0
    assert "<script>alert(1)</script> <b>Najít" in docx_text(word.read_bytes())  # text in Word, not markup


def test_team_templates_and_texts_override_the_packaged_ones(demo_copy: Path, tmp_path: Path) -> None:
    write(demo_copy / "site_templates" / "doc" / "minutes.cs.html",
          '{% extends "_base.html" %}{% block style %}.team-mark{}{% endblock %}'
          '{% block content %}<p class="team-mark">Hlavička týmu</p>{{ b.blocks(d.blocks) }}{% endblock %}')
    write(demo_copy / "site_templates" / "doc" / "texts.yml",
          'title_minutes: {cs: "Zápis z jednání týmu", en: "Team minutes"}\n')
    out = tmp_path / "m.html"
    result = run_caseconf("doc", "minutes", RECORD, "--format", "html", "-o", str(out), "--root", str(demo_copy),
                          cwd=demo_copy)
    assert result.code == 0, result.err
    html = out.read_text(encoding="utf-8")
    assert "Hlavička týmu" in html and "Zápis z jednání týmu" in html and "TR-2025-031" in html


def test_the_packaged_word_template_has_the_placeholders_a_team_keeps() -> None:
    import docx

    from caseconf.docs.layout import PACKAGED

    document = docx.Document(str(PACKAGED / "document.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    for placeholder in ("{{ title }}", "{{ subtitle }}", "{{p body }}"):
        assert placeholder in text
    assert "{{ team }}" in document.sections[0].header.paragraphs[0].text
    assert "{{ footer }}" in document.sections[0].footer.paragraphs[0].text


@pytest.mark.parametrize("module", ["caseconf.cli.main", "caseconf.cli.app", "caseconf.cli.doc_cmd", "caseconf.docs",
                                    "caseconf.site.views"])
def test_weasyprint_and_docxtpl_load_only_when_a_document_is_made(module: str) -> None:
    code = (f"import sys, {module}; heavy = [m for m in ('weasyprint', 'docxtpl', 'docx', 'babel') if m in sys.modules];"
            "print(heavy); sys.exit(1 if heavy else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_commit_hook_check_does_not_load_weasyprint(demo_copy: Path) -> None:
    code = ("import sys; from caseconf.cli.main import main; rc = main(['check', '--no-pii', '--root', sys.argv[1]]);"
            "sys.exit(2 if 'weasyprint' in sys.modules else 0)")
    proc = subprocess.run([sys.executable, "-c", code, str(demo_copy)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_a_broken_team_template_or_text_is_named_not_a_traceback(demo_copy: Path, tmp_path: Path) -> None:
    write(demo_copy / "site_templates" / "doc" / "texts.yml", 'reply_text: {cs: "Odpovězte do {kdy} u {who}."}\n')
    write(demo_copy / "site_templates" / "doc" / "attendance.html", '{% extends "_base.html" %}{% block content %}{{ b.blocks(d.blocks) }\n')
    broken = run_caseconf("doc", "attendance", RECORD, "--format", "html", "-o", str(tmp_path / "a.html"),
                          "--root", str(demo_copy), cwd=demo_copy)
    assert broken.code == 2 and "attendance.html" in broken.err and "Traceback" not in broken.err
    assert not (tmp_path / "a.html").exists()
    letter = run_caseconf("doc", "invitation", RECORD, "--to", "M", "--format", "html", "-o", str(tmp_path / "i.html"),
                          "--root", str(demo_copy), cwd=demo_copy)
    assert letter.code == 0, letter.err  # the unknown {kdy} falls back to the packaged wording
    assert "potvrďte" in (tmp_path / "i.html").read_text(encoding="utf-8")
