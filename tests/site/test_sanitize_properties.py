"""Property tests of the Markdown rendering path: whatever a record says, nothing active survives."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from caseconf.site.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_untrusted

FRAGMENTS = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//evil>", "<svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>", "[x](javascript:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "<!-- hidden -->", "{: onclick=alert(1) }", "\"><script>x</script>", "<style>*{}</style>", "<object data=x>",
    "**bold**", "- item", "# heading", "`code`", "```\n<script>\n```", "> quote", "<b>ok</b>", "&lt;",
    "<a href='https://example.org' onclick='x'>ok</a>", "<details open ontoggle=alert(1)>", "javascript:alert(1)",
])
BODIES = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=12).map("\n".join)
SCHEME = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


@settings(max_examples=200, deadline=None)
@given(BODIES)
def test_rendered_record_text_has_no_active_content(body: str) -> None:
    html = render_untrusted(body)
    parser = Collect()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}, (tag, name)
            assert not name.startswith("on")
            if name in ("href", "src"):
                assert not SCHEME.match(value or ""), value
    assert "<!--" not in html
