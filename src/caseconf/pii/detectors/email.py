"""E-mail addresses; the generic mailboxes of offices (podatelna@, info@ …) are public."""

from __future__ import annotations

import re

from ._base import Detector, Hit

from ...records.catalogue import msg
from ..lazy_re import lazy_compile

_EMAIL = lazy_compile(r"(?<![\w.+\-@])([\w.+\-%]{1,64}@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24})(?![\w\-])")
_GENERIC_MAILBOX = frozenset(
    "info podatelna posta pošta office kontakt contact sekretariat sekretarijat ospod "
    "noreply no-reply postmaster admin webmaster recepce recepcija kancelarija".split()
)


def find_emails(text: str) -> list[Hit]:
    if "@" not in text:
        return []
    hits = []
    for m in _EMAIL.finditer(text):
        value = m.group(1).strip(".")
        local = value.split("@", 1)[0].lower()
        if local in _GENERIC_MAILBOX:
            continue
        hits.append(Hit("email", m.start(), m.start() + len(value), value))
    return hits




class Email(Detector):
    kind = "email"
    code = "PII004"
    priority = 3
    labels = msg("e-mail address")
    mask_style = "email"
    needs_digit = False

    def may_hold(self, text: str) -> bool:
        return "@" in text

    def find(self, text: str, allow: frozenset[str] = frozenset(), lang: str = "cs", taken=()) -> list[Hit]:
        return find_emails(text)
