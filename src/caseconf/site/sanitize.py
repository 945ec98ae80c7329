"""Untrusted record text -> safe HTML.

A record's minutes are written by many hands and pasted from many places, so they are
treated as hostile: they are rendered here with a small, fixed set of python-markdown
extensions (no attr_list, no md_in_html, no raw-HTML features) and the result is passed
through nh3 with an allow-list. MkDocs' own Markdown pipeline never sees the text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins",
    "mark", "small", "sub", "sup", "code", "pre", "kbd", "blockquote", "q", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "abbr", "span", "div",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"colspan", "rowspan"},
                      "td": {"colspan", "rowspan"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
EXTENSIONS = ["tables", "sane_lists", "fenced_code", "def_list", "abbr"]


_DEMOTED = {"h1": "h3", "h2": "h3", "h3": "h4", "h4": "h5", "h5": "h6"}


class _DemoteHeadings(Treeprocessor):
    """The page owns h1 and h2; the minutes' own headings start at h3."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            element.tag = _DEMOTED.get(element.tag, element.tag)


class _DemoteExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - python-markdown API
        md.treeprocessors.register(_DemoteHeadings(md), "caseconf_demote", 5)


def sanitize_html(html: str) -> str:
    return nh3.clean(html, tags=set(ALLOWED_TAGS), attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                     url_schemes=set(URL_SCHEMES), strip_comments=True, link_rel="noopener noreferrer nofollow")


def render_untrusted(text: str) -> str:
    """Markdown minutes -> sanitised HTML fragment (empty text -> empty string)."""
    if not text.strip():
        return ""
    global _MD
    if _MD is None:
        _MD = markdown.Markdown(extensions=[*EXTENSIONS, _DemoteExtension()], output_format="html")
    try:
        html = _MD.convert(text)
    finally:
        _MD.reset()
    return sanitize_html(html)


_MD: markdown.Markdown | None = None
