"""Detector plug-ins, one module per kind of personal data.

Each module defines one :class:`Detector` subclass (kind, code, priority, labels in three
languages, mask style, a cheap ``may_hold`` test and ``find``). :func:`registry` finds them
in this package; the scanner, the allow list, the masking, the messages, `caseconf rules`
and the docs all read it. Adding a kind is one module here plus `tests/pii/cases/<kind>.yml`.

The module-level names below are what the scanner's fast paths use directly.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from ._base import _DIGIT, Detector, Hit, fold, ref_context
from .address import _NOT_AFTER_ALT, find_addresses, may_hold_street_keyword
from .birth_date import _BIRTH_KW, _MONTHS, find_birth_dates, may_hold_birth_keyword
from .email import find_emails

__all__ = ["Detector", "Hit", "registry", "by_kind", "kinds", "fold", "ref_context", "find_addresses",
           "find_birth_dates", "find_emails", "may_hold_birth_keyword", "may_hold_street_keyword",
           "_DIGIT", "_BIRTH_KW", "_MONTHS", "_NOT_AFTER_ALT"]


@lru_cache(maxsize=1)
def registry() -> tuple[Detector, ...]:
    """One instance of every detector in this package, in priority order (overlaps: first wins)."""
    found: list[Detector] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Detector) and value is not Detector \
                    and value.__module__ == module.__name__:
                found.append(value())
    found.sort(key=lambda d: (d.priority, d.kind))
    return tuple(found)


@lru_cache(maxsize=1)
def by_kind() -> dict[str, Detector]:
    return {d.kind: d for d in registry()}


def kinds() -> tuple[str, ...]:
    return tuple(d.kind for d in registry())
