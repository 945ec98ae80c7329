"""Documents to HTML, PDF (WeasyPrint, from the same HTML) and DOCX (docxtpl).

Templates are looked up in the team's `site_templates/doc/` first, then in the package's
`templates/doc/`: `<kind>.<lang>.html`, then `<kind>.html` (all extend `_base.html`, whose
stylesheet is `doc.css`), and `<kind>.docx` for Word. Autoescape is on for every HTML
template and for the DOCX placeholders. WeasyPrint and docxtpl load only here, and only
when a document is made.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Document

PACKAGED = Path(__file__).resolve().parent.parent / "templates" / "doc"
TEAM_DIR = Path("site_templates") / "doc"
FORMATS = ("pdf", "docx", "html")


def template_dirs(root: Path | None) -> list[Path]:
    dirs = []
    if root is not None and (root / TEAM_DIR).is_dir():
        dirs.append(root / TEAM_DIR)
    dirs.append(PACKAGED)
    return dirs


@lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...]) -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    # The team's templates are trusted as its site_templates are (the site renders those
    # unsandboxed too); what must never run is record text, and autoescape sees to that.
    return Environment(loader=FileSystemLoader([str(d) for d in dirs]), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def team_texts(root: Path | None) -> dict[str, dict[str, str]]:
    """The team's rewording of the texts (`site_templates/doc/texts.yml`: key -> language -> text)."""
    if root is None:
        return {}
    path = root / TEAM_DIR / "texts.yml"
    if not path.is_file():
        return {}
    from ..errors import CaseconfError
    from ..records.yamlsafe import parse

    parsed = parse(path.read_text(encoding="utf-8"))
    data = parsed.data
    if parsed.problems or not isinstance(data, dict) or not all(
            isinstance(v, dict) and all(isinstance(t, str) for t in v.values()) for v in data.values()):
        raise CaseconfError(f"{path}: the document texts cannot be read",
                            "write `key: {cs: text, sr-Latn: text, en: text}` for each text you reword")
    return {str(k): {str(lang): text for lang, text in v.items()} for k, v in data.items()}


def to_html(documents: list[Document], root: Path | None) -> str:
    """One HTML page holding the documents (several invitations print one per page)."""
    from jinja2 import TemplateError, TemplateSyntaxError

    from ..errors import CaseconfError

    env = _environment(tuple(template_dirs(root)))
    first = documents[0]
    try:
        template = env.select_template([f"{first.kind}.{first.lang}.html", f"{first.kind}.html"])
        return str(template.render(documents=documents, doc=first, lang=first.lang))
    except TemplateError as exc:
        # a team's own template that does not work: name it and its line, not a traceback
        where = f"{exc.filename}:{exc.lineno}" if isinstance(exc, TemplateSyntaxError) and exc.filename else \
            f"{TEAM_DIR}/{first.kind}.html"
        raise CaseconfError(f"{where}: the document template cannot be used ({exc.message or type(exc).__name__})",
                            f"fix it, or delete it from {TEAM_DIR}/ to use the packaged one") from None


def to_pdf(html: str, root: Path | None) -> bytes:
    import logging

    from weasyprint import HTML

    # WeasyPrint reports unsupported CSS of a team's stylesheet on its logger; not the user's concern here.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return bytes(HTML(string=html, base_url=str(template_dirs(root)[0])).write_pdf())


def to_docx(document: Document, root: Path | None) -> bytes:
    """The document in the team's Word template: `{{ title }}`, `{{ subtitle }}`, `{{ team }}`,
    `{{ footer }}` and `{{ body }}` (the blocks, laid out with the template's own styles)."""
    from docxtpl import DocxTemplate

    path = next((d / f"{document.kind}.docx" for d in template_dirs(root) if (d / f"{document.kind}.docx").is_file()),
                PACKAGED / "document.docx")
    template = DocxTemplate(str(path))
    body = template.new_subdoc()
    _docx_blocks(body, document)
    template.render({"title": document.title, "subtitle": document.subtitle, "team": document.team,
                     "footer": document.footer, "body": body}, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def _docx_blocks(sub: Any, document: Document) -> None:
    from docx.shared import Mm

    for block in document.blocks:
        if block.type == "heading":
            sub.add_heading(block.text, level=3 if block.css == "sub" else 2)
        elif block.type == "text":
            sub.add_paragraph(block.text)
        elif block.type == "list":
            for item in block.rows:
                sub.add_paragraph(str(item), style="List Bullet")
        elif block.type == "fields":
            table = sub.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for label, value in block.rows:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = str(label), str(value)
                cells[0].paragraphs[0].runs[0].bold = True
            sub.add_paragraph("")
        elif block.type == "table":
            table = sub.add_table(rows=1, cols=len(block.head))
            table.style = "Table Grid"
            for cell, head in zip(table.rows[0].cells, block.head):
                cell.text = head
                cell.paragraphs[0].runs[0].bold = True
            for row in block.rows:
                added = table.add_row()
                if block.css == "write-in":
                    added.height = Mm(10)  # a row to sign in, not a line of text
                for cell, value in zip(added.cells, row):
                    cell.text = str(value)
            sub.add_paragraph("")
        elif block.type == "lines":
            sub.add_paragraph(f"{block.text}: " + "_" * 50)
        elif block.type == "address":
            sub.add_paragraph(f"{block.text}: " + "_" * 50)
            for line in block.rows:
                sub.add_paragraph(str(line))
        elif block.type == "signatures":
            for who in block.rows:
                sub.add_paragraph("")
                sub.add_paragraph("_" * 40 + (f"  {who}" if who else ""))
