"""No English in a Czech or a Montenegrin document: every document of every demo record, read
as its text, checked with the same word list as the commands and the site (tests/i18n)."""

from __future__ import annotations

import html
import re

import pytest

from caseconf import docs
from caseconf.docs import layout

from ..i18n.leaks import leaks


@pytest.mark.parametrize("lang", ["cs", "sr-Latn"])
def test_documents_are_in_the_chosen_language(demo_repo, lang: str) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, set[str]] = {}
    for case in demo_repo.cases.values():
        for doc in case.conferences:
            for kind in docs.available(doc.model):
                page = layout.to_html(docs.documents(kind, demo_repo, case, doc, lang=lang), demo_repo.root)
                text = html.unescape(re.sub(r"<[^>]+>", " ", page[page.index("<body"):]))
                words = leaks(text, lang)
                if words:
                    found.setdefault(kind, set()).update(words)
    assert not found, found
