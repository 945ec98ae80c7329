"""The editor page inlines its configuration into a <script>: no text in it can end that
element or open a comment or another script (an open action's `<!--<script>` once
blanked the page)."""

from __future__ import annotations

import json
import re

from caseconf.editor.assets import index_html, inline_json

HOSTILE = ["<!--<script>", "</script><script>alert(1)</script>", "]]>", "\u2028\u2029", "&lt;", "<\\/script>"]


def test_inline_json_is_the_same_data_and_no_markup() -> None:
    value = {"collections": [{"label": text, "hint": text} for text in HOSTILE]}
    inline = inline_json(value)
    assert json.loads(inline) == value
    assert not re.search(r"[<>&\u2028\u2029]", inline)


def test_the_editor_page_keeps_its_inline_data_in_one_script() -> None:
    page = index_html({"backend": {"name": "test-repo"}, "collections": [{"label": t} for t in HOSTILE]},
                      title="<!--<script>", lang="cs")
    body = page.split("<body>", 1)[1]
    assert "<!--" not in body
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", body, flags=re.S)
    inline = [s for s in scripts if "\\u003c!--\\u003cscript\\u003e" in s]
    assert len(inline) == 1  # the data is there, escaped, and no text of it opened another element
    assert not re.search(r"<|>", inline[0])
