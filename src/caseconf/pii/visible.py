"""The text as a reader of the built page sees it, line for line.

A browser hides HTML comments and tags and shows entities as characters, so
`777&#32;123&#32;456`, `jan.novak&#64;example.cz` and `J<!-- -->an Nov<!-- -->ák` are a
phone, an e-mail and a name on the page. The scanner looks at what the page shows: comments
removed, tags removed (a block-level tag or a line break as a space, an inline one as
nothing), entities decoded. Every line break of the original stays where it was, so line
numbers keep pointing at the file; comments that carry an `allow-pii` marker stay, since the
marker is read from them.
"""

from __future__ import annotations

import html
import re

from .lazy_re import lazy_compile

_COMMENT = lazy_compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_TAG = lazy_compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>|<![A-Za-z][^<>]*>|<\?[^<>]*\?>")
_ENTITY = lazy_compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
# tags that run inside a word on the page (J<b>a</b>n is "Jan"); every other tag parts words
_INLINE = frozenset("a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span strong sub "
                    "sup time u var wbr".split())
_NOT_SHOWN = lazy_compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def visible_text(text: str) -> str:
    if "<" not in text and "&" not in text:
        return text
    if "<" in text:
        text = _COMMENT.sub(_comment, text)
        text = _TAG.sub(_tag, text)
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    return text


def _comment(m: re.Match[str]) -> str:
    body = m.group(0)
    if "allow-pii" in body.lower():
        return body  # an inline allowance: the scanner reads and blanks it itself
    return "\n" * body.count("\n")


def _tag(m: re.Match[str]) -> str:
    name = (m.group(1) or "").lower()
    breaks = "\n" * m.group(0).count("\n")
    return breaks or ("" if name in _INLINE else " ")


def _entity(m: re.Match[str]) -> str:
    decoded = html.unescape(m.group(0))
    if decoded == m.group(0):
        return decoded  # not an entity a browser knows
    return _NOT_SHOWN.sub(" ", decoded)  # a decoded line break or control shows as a space
