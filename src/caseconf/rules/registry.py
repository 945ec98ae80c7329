"""The rule registry: plain data, checked when built.

It refuses duplicate codes and malformed names, so the rules reference (generated from
here) can never list two rules under one code.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

from .base import Rule

FAMILY_MODULES = ("structural", "config", "file", "placeholder", "case", "plan", "conf", "rev", "activity", "suppression")
CODE_PATTERN = re.compile(r"^[A-Z]{2,6}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z]+(\.[a-z0-9_]+)+$")
LANGS = ("cs", "sr-Latn", "en")


class RegistryError(Exception):
    pass


def validate(rules: list[type[Rule]]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        where = f"{rule.__module__}.{rule.__qualname__}"
        if not CODE_PATTERN.match(rule.code):
            raise RegistryError(f"{where}: malformed code {rule.code!r}")
        if not NAME_PATTERN.match(rule.name):
            raise RegistryError(f"{where}: malformed name {rule.name!r}")
        if rule.code in seen:
            raise RegistryError(f"{where}: code {rule.code} already used by {seen[rule.code]}")
        for attr in ("summary", "message"):
            missing = [lang for lang in LANGS if lang not in getattr(rule, attr)]
            if missing:
                raise RegistryError(f"{where}: {attr} lacks {missing}")
        seen[rule.code] = where


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    found: list[type[Rule]] = []
    for family in FAMILY_MODULES:
        module = importlib.import_module(f"{__package__}.{family}")
        found.extend(module.RULES)
    validate(found)
    return tuple(sorted(found, key=lambda r: r.code))


def rule_by_code() -> dict[str, type[Rule]]:
    return {rule.code: rule for rule in all_rules()}
