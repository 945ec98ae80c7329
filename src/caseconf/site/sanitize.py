"""Untrusted record text -> safe HTML; untrusted plain text -> escaped HTML.

A record's minutes are written by many hands and pasted from many places, so they are
treated as hostile: they are rendered here with a small, fixed set of python-markdown
extensions (no attr_list, no md_in_html, no raw-HTML features) and the result is passed
through nh3 with an allow-list. MkDocs' own Markdown pipeline never sees the text.

Methodology pages are the team's own Markdown, rendered by MkDocs with the extensions of
mkdocs.yml; their HTML passes the same sanitiser with the markup those extensions make
(admonitions, details, task lists, footnotes, permalinks, images) added to the allow-list.
"""

from __future__ import annotations

import html as html_lib
import re
import xml.etree.ElementTree as etree

import markdown
import nh3
from markupsafe import Markup
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
LINK_REL = "noopener noreferrer nofollow"


# The page owns h1 and h2 (the form's preview pane demotes the same way: site/preview.py)
DEMOTED = {"h1": "h3", "h2": "h3", "h3": "h4", "h4": "h5", "h5": "h6"}


class _DemoteHeadings(Treeprocessor):
    """The page owns h1 and h2; the minutes' own headings start at h3."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            element.tag = DEMOTED.get(element.tag, element.tag)


class _DemoteExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - python-markdown API
        md.treeprocessors.register(_DemoteHeadings(md), "caseconf_demote", 5)


PAGE_TAGS = ALLOWED_TAGS | {"h1", "details", "summary", "input", "label", "img", "figure", "figcaption"}
_PAGE_GENERIC = {"class", "id", "title"}
PAGE_ATTRIBUTES = {
    **{tag: set(_PAGE_GENERIC) for tag in PAGE_TAGS},
    "a": {"href", "title", "class", "id"}, "th": {"colspan", "rowspan", "style", *_PAGE_GENERIC},
    "td": {"colspan", "rowspan", "style", *_PAGE_GENERIC}, "ol": {"start", *_PAGE_GENERIC},
    "img": {"src", "alt", "title", "width", "height", "class"}, "details": {"open", *_PAGE_GENERIC},
    "input": {"checked", "disabled"}, "abbr": {"title"},
}
# An id such as `__search` or `__drawer` would shadow an element the theme's script looks up.
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_:.-]{0,200}\Z")


def _page_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id" and not _SAFE_ID.match(value):
        return None
    return value


def sanitize_page_html(html: str) -> str:
    """A methodology page's HTML as MkDocs rendered it -> the same allow-list as record text,
    plus the markup of the configured Markdown extensions."""
    return nh3.clean(html, tags=set(PAGE_TAGS), attributes={k: set(v) for k, v in PAGE_ATTRIBUTES.items()},
                     attribute_filter=_page_attribute, url_schemes=set(URL_SCHEMES), strip_comments=True,
                     link_rel="noopener noreferrer nofollow", filter_style_properties={"text-align"},
                     tag_attribute_values={"input": {"type": {"checkbox"}}})


def html_text(fragment: str) -> str:
    """The text a piece of HTML shows, tags dropped (a heading's text for a title)."""
    return html_lib.unescape(nh3.clean(fragment, tags=set(), strip_comments=True))


def escape_text(text: object) -> str:
    """Plain text for places MkDocs and its theme print without escaping (titles in the
    navigation, tags, the search index): `<`, `>`, `&` and quotes become entities."""
    return html_lib.escape(str(text), quote=True)


def escape_title(text: object) -> Markup:
    """`escape_text` marked as HTML: printed as it is where the theme prints titles raw,
    and not escaped a second time where it filters them with `| e` (aria-labels)."""
    return Markup(escape_text(text))


def sanitize_html(html: str) -> str:
    return nh3.clean(html, tags=set(ALLOWED_TAGS), attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                     url_schemes=set(URL_SCHEMES), strip_comments=True, link_rel=LINK_REL)


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
