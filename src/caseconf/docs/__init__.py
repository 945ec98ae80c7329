"""Conference paperwork made from the records: invitations, the attendance sheet, the
minutes for signature, the family's plan and the evaluation report (`caseconf doc`).

`model` builds what each document says from the repository model; `render` lays it out as
HTML, PDF or DOCX. Nothing here checks a record: the caller refuses records with errors or
personal data first (the checks live beside this layer, not below it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..records.repository import Case, LoadedDoc, Repository
from .model import KINDS, Document, NotApplicable, Words, available, build

__all__ = ["KINDS", "Document", "NotApplicable", "Output", "available", "build", "documents", "links", "make", "render", "words_for"]


@dataclass(frozen=True, slots=True)
class Output:
    suffix: str  # "" or what tells this document from its siblings (an invitee's reference or role)
    data: bytes


def words_for(lang: str, root: Path | None) -> Words:
    from .layout import team_texts

    return Words(lang, team_texts(root))


def links(record: object, lang: str) -> list[tuple[str, str]]:
    """(kind, title in the language) of each document a record gives: what its site page offers."""
    words = Words(lang)
    return [(kind, words.t(f"title_{kind}")) for kind in available(record)]  # type: ignore[arg-type]


def documents(kind: str, repo: Repository, case: Case, doc: LoadedDoc, *, lang: str,
              to: str | None = None, one_letter: bool = False) -> list[Document]:
    """What the documents of `kind` for this record say (several for invitations, unless
    `one_letter`)."""
    return build(kind, repo, case, doc, words_for(lang, repo.root), to=to, one_letter=one_letter)


def render(document: Document, fmt: str, root: Path | None) -> bytes:
    """One document as a finished file: pdf, docx or html."""
    from . import layout

    if fmt == "docx":
        return layout.to_docx(document, root)
    html = layout.to_html([document], root)
    return layout.to_pdf(html, root) if fmt == "pdf" else html.encode("utf-8")


def make(kind: str, repo: Repository, case: Case, doc: LoadedDoc, *, lang: str, fmt: str,
         to: str | None = None) -> list[Output]:
    """The finished files of one document kind for one record."""
    return [Output(d.suffix, render(d, fmt, repo.root))
            for d in documents(kind, repo, case, doc, lang=lang, to=to)]
