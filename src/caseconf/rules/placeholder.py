"""FILE016: scaffolds and templates mark what is still to be written; the check flags it."""

from __future__ import annotations

import re
from typing import Iterator

from ..records.catalogue import msg
from ..records.loader import LoadedDoc
from .base import ActivityContext, CaseContext, Hit, RecordContext, Rule

# Upper-case on purpose: these words are instructions in a template, not prose.
PLACEHOLDER = re.compile(r"\b(DOPLŇTE|DOPUNITE|FILL IN|TODO)\b")


def placeholder_lines(doc: LoadedDoc | None) -> Iterator[int]:
    if doc is None or not doc.text or PLACEHOLDER.search(doc.text) is None:
        return
    end = doc.body_line - 1 if doc.kind in ("conference", "activity") else None
    for number, line in enumerate(doc.text.split("\n")[:end], start=1):
        if PLACEHOLDER.search(line):
            yield number


class _Placeholder(Rule):
    family = "FILE"
    summary = msg("Unfilled template placeholder")
    message = msg("the line holds an unfilled template placeholder (FILL IN/TODO); replace it with the real text")
    rationale = msg("Scaffolds from `caseconf new` and the printable templates mark what is still to be written.")


class RecordPlaceholder(_Placeholder):
    """Unfilled placeholder in a conference record."""

    code, name, scope = "FILE016", "file.placeholder", "record"
    summary = msg("Unfilled template placeholder in a conference record")

    def check(self, ctx: RecordContext) -> Iterator[Hit]:  # type: ignore[override]
        for line in placeholder_lines(ctx.doc):
            yield Hit((), line=line)


class CasePlaceholder(_Placeholder):
    """Unfilled placeholder in case.yml."""

    code, name, scope = "FILE017", "file.case_placeholder", "case"
    summary = msg("Unfilled template placeholder in case.yml")

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        for line in placeholder_lines(ctx.doc):
            yield Hit((), line=line)


class ActivityPlaceholder(_Placeholder):
    """Unfilled placeholder in an activity record."""

    code, name, scope = "FILE018", "file.activity_placeholder", "activity"
    summary = msg("Unfilled template placeholder in an activity record")

    def check(self, ctx: ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        for line in placeholder_lines(ctx.doc):
            yield Hit((), line=line)


RULES = [RecordPlaceholder, CasePlaceholder, ActivityPlaceholder]
