"""Documents of the demo records, made once per test run and read back as a person would:
the PDF's text (pdftotext), the DOCX's paragraphs and tables (python-docx)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from ..helpers import PROJECT

LANGS = ("cs", "sr-Latn")


def pdf_text(data: bytes) -> str:
    """The PDF's text as pdftotext reads it, whitespace collapsed (lines break anywhere)."""
    if shutil.which("pdftotext"):
        proc = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
        text = proc.stdout.decode("utf-8")
    else:  # pypdf, where poppler is missing
        from pypdf import PdfReader

        text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return flat(text)


def pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return flat("\n".join(parts))


def flat(text: str) -> str:
    """Whitespace collapsed; a compound broken after its hyphen at a line end joined again."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", re.sub(r"\s+", " ", text)).strip()


@dataclass
class Made:
    path: str
    kind: str
    lang: str
    pdf: str
    docx: str
    pages: int


@pytest.fixture(scope="session")
def demo_repo():  # type: ignore[no-untyped-def]
    from caseconf.records.repository import Repository

    return Repository.load(PROJECT)


class DemoDocuments:
    """Every document every demo conference record gives, in cs and sr-Latn, as PDF and DOCX,
    made the first time a kind is asked for. The invitations of one record go into one PDF
    (one letter per page), as the site prints them."""

    def __init__(self, repo) -> None:  # type: ignore[no-untyped-def]
        self.repo = repo
        self.made: dict[tuple[str, str, str], Made] = {}
        self.kinds: set[str] = set()

    def kind(self, kind: str) -> dict[tuple[str, str, str], Made]:
        from caseconf import docs
        from caseconf.docs import layout

        if kind not in self.kinds:
            for case in self.repo.cases.values():
                for doc in case.conferences:
                    if kind not in docs.available(doc.model):
                        continue
                    for lang in LANGS:
                        documents = docs.documents(kind, self.repo, case, doc, lang=lang)
                        pdf = layout.to_pdf(layout.to_html(documents, self.repo.root), self.repo.root)
                        word = " ".join(docx_text(docs.render(d, "docx", self.repo.root)) for d in documents)
                        self.made[(doc.path, kind, lang)] = Made(doc.path, kind, lang, pdf_text(pdf), word,
                                                                 pdf_pages(pdf))
            self.kinds.add(kind)
        return {key: made for key, made in self.made.items() if key[1] == kind}


@pytest.fixture(scope="session")
def demo_documents(demo_repo) -> DemoDocuments:  # type: ignore[no-untyped-def]
    return DemoDocuments(demo_repo)


def records(repo) -> Iterator[tuple]:  # type: ignore[no-untyped-def]
    for case in repo.cases.values():
        for doc in case.conferences:
            yield case, doc
