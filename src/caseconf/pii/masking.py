"""Masked excerpts: enough to find the spot, never the whole value."""

from __future__ import annotations

import re

from .lazy_re import lazy_compile

_WORD_RE = lazy_compile(r"\w+", re.UNICODE)


def _mask_word(word: str) -> str:
    if any(ch.isdigit() for ch in word):
        return "".join("*" if ch.isdigit() else ch for ch in word) if not word.isdigit() else "*" * len(word)
    n = len(word)
    if n <= 2:
        return word[0] + "*" * (n - 1) if n == 2 else "*"
    if n <= 4:
        return word[0] + "*" * (n - 1)
    return word[0] + "*" * (n - 2) + word[-1]


def mask_text(value: str) -> str:
    """Each word keeps its first (and, if long enough, last) letter."""
    return _WORD_RE.sub(lambda m: _mask_word(m.group(0)), value)


def mask_digits(value: str, keep_start: int = 2, keep_end: int = 2) -> str:
    """Digits become '*' except the first `keep_start` and last `keep_end`;
    separators are kept, so the shape stays recognisable (``80****/**34``)."""
    positions = [i for i, ch in enumerate(value) if ch.isdigit()]
    n = len(positions)
    if n <= 6:  # too short to reveal both ends
        keep_start, keep_end = min(keep_start, 1), 0
    keep = set(positions[:keep_start]) | set(positions[n - keep_end:] if keep_end else [])
    out = []
    for i, ch in enumerate(value):
        if ch.isdigit():
            out.append(ch if i in keep else "*")
        elif ch.isalpha():
            out.append("*")
        else:
            out.append(ch)
    return "".join(out)


def mask_phone(value: str) -> str:
    """``+382 67 123 456`` -> ``+382 ** *** *56``: the country code and the
    last two digits stay."""
    v = value.strip()
    m = re.match(r"^(\+\d{1,3}|00\d{1,3})([\s\-./()]+)", v)
    prefix = ""
    if m:
        prefix = m.group(0)
        v = v[len(prefix):]
    positions = [i for i, ch in enumerate(v) if ch.isdigit()]
    keep = set(positions[-2:]) if len(positions) >= 6 else set()
    body = "".join(ch if (not ch.isdigit() or i in keep) else "*" for i, ch in enumerate(v))
    return prefix + body


def mask_email(value: str) -> str:
    """``jana@example.cz`` -> ``j***@e******.cz``."""
    local, _, domain = value.partition("@")
    labels = domain.split(".")
    tld = labels[-1] if len(labels) > 1 else ""
    host = ".".join(labels[:-1]) if len(labels) > 1 else domain

    def part(s: str) -> str:
        if len(s) <= 1:
            return "*"
        return s[0] + "*" * (len(s) - 1)

    masked = part(local) + "@" + part(host)
    if tld:
        masked += "." + tld
    return masked


_BY_STYLE = {"email": mask_email, "phone": mask_phone, "digits": mask_digits, "text": mask_text}


def mask(value: str, kind: str) -> str:
    """The masked excerpt of a value, in the mask style its detector names; whitespace
    (a value wrapped over lines) shown as one space, so an excerpt is always one line."""
    from .detectors import by_kind

    value = " ".join(value.replace("\\", " ").split()) if any(c in value for c in "\n\r\t\\") else value
    detector = by_kind().get(kind)
    out = _BY_STYLE[detector.mask_style if detector is not None else "text"](value)
    if out == value or (len(value) >= 3 and value in out):
        out = "*" * len(value)
    return out
