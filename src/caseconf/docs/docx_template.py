"""Writes the packaged Word template `templates/doc/document.docx` (run it after changing it here).

    python -m caseconf.docs.docx_template

A team copies the file to `site_templates/doc/<kind>.docx` (or `document.docx`), opens it in
Word, puts its letterhead in the header, changes fonts and styles, and keeps the
placeholders: `{{ team }}`, `{{ title }}`, `{{ subtitle }}`, `{{p body }}` (the document's
content, written with the template's styles Heading 2/3, List Bullet and Table Grid) and
`{{ footer }}`.
"""

from __future__ import annotations

from pathlib import Path

from .layout import PACKAGED


def write(target: Path = PACKAGED / "document.docx") -> Path:
    from docx import Document
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(18))
    section.top_margin, section.bottom_margin = Mm(16), Mm(16)
    normal = document.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10.5)
    section.header.paragraphs[0].text = "{{ team }}"
    section.footer.paragraphs[0].text = "{{ footer }}"
    document.add_paragraph("{{ title }}", style="Title")
    document.add_paragraph("{{ subtitle }}", style="Subtitle")
    document.add_paragraph("{{p body }}")
    # the styles the body uses must exist in the file even before anything uses them
    for name in ("Heading 2", "Heading 3", "List Bullet", "Table Grid"):
        assert name in [s.name for s in document.styles], name
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


if __name__ == "__main__":  # pragma: no cover
    print(write())
