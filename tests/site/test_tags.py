"""The tags page lists every record under its kind, its office and each indication."""

from __future__ import annotations

import html
import re

import pytest

from caseconf.records.repository import Repository
from caseconf.site.labels import Labels
from caseconf.index.actions import case_office

from .sites import article

pytestmark = pytest.mark.slow


def listings(page_html: str) -> dict[str, set[str]]:
    """tag name -> the links listed under it."""
    body = article(page_html)
    found: dict[str, set[str]] = {}
    for section in re.split(r'(?=<h2 id="tag:)', body)[1:]:
        name = html.unescape(re.search(r'<span class="md-tag">(.*?)</span>', section, re.S).group(1)).strip()
        found[name] = set(re.findall(r'<a href="([^"#]+\.html)"', section))
    return found


def test_every_record_is_listed_by_kind_office_and_indication(demo_site) -> None:
    repo = Repository.load(demo_site.root)
    labels = Labels(repo.lang)
    found = listings(demo_site.html("tags.html"))
    assert found, "the tags page is empty"
    checked = 0
    for case in repo.cases.values():
        for doc in case.conferences:
            link = f"cases/{case.id}/{doc.path.rsplit('/', 1)[-1].replace('.md', '.html')}"
            record = doc.model
            expected = [labels.v(record.kind), case_office(case), *(labels.v(i) for i in record.indications)]
            for tag in expected:
                assert link in found.get(tag, set()), (tag, link)
            checked += 1
    assert checked > 10


def test_record_chips_link_to_their_listing(demo_site) -> None:
    page = demo_site.html("cases/JI-2025-014/2025-06-17-review.html")
    anchors = set(re.findall(r'href="\.\./\.\./tags\.html#([^"]+)"', page))
    assert anchors
    tags_page = demo_site.html("tags.html")
    for anchor in anchors:
        assert f'id="{html.unescape(anchor)}"' in tags_page or f'id="{anchor}"' in tags_page, anchor
