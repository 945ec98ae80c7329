"""Regular expressions compiled on first use, from a per-machine store of compiled patterns.

The commit hook scans one record per run, in a fresh process, and compiling the guard's
patterns was a third of its start-up: the detectors' patterns are long alternations
(month names, street keywords, every capital letter) that take milliseconds each to
compile. Two things make that cheap:

* A module-level `lazy_compile(...)` costs nothing until a method is called (a record
  without a birth keyword never runs the birth-date patterns); then the pattern is
  compiled once and its methods are bound to the object, so every later call is an
  ordinary attribute look-up.
* What Python's regex compiler makes of a pattern (the matcher's code, a list of numbers)
  depends only on the pattern, its flags and the Python version. The first run on a machine
  keeps it in the user cache directory (build_cache.py's, with marshal); later runs hand it
  to the matcher directly (`_sre.compile`, what `re.compile` itself ends with) instead of
  parsing and compiling again. That is CPython's internal interface, so an entry is only
  stored after the pattern made from it compared equal to `re.compile`'s (Pattern equality
  compares the code itself), and anything unexpected falls back to `re.compile`.
"""

from __future__ import annotations

import re
import sys
from typing import Any, cast

# the methods and attributes of re.Pattern that callers use; bound on first use
_BOUND = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
          "pattern", "flags", "groups", "groupindex")

# (pattern, flags) -> the arguments of _sre.compile after the pattern; None until loaded
_store: dict[tuple[str, int], tuple[Any, ...]] | None = None
_store_grew = False


class LazyPattern:
    """Stands for `re.compile(pattern, flags)`; compiles it on first attribute access."""

    __slots__ = ("_source", "_flags", "_compiled") + _BOUND

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = int(flags)
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        rx = self._compiled
        if rx is None:
            rx = self._compiled = compile_stored(self._source, self._flags)
            for name in _BOUND:
                setattr(self, name, getattr(rx, name))
        return rx

    def __getattr__(self, name: str) -> Any:
        # only reached while a bound slot is still empty (before the first compile), or for
        # an attribute re.Pattern has and _BOUND does not list
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used (typed as the pattern it
    answers for)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


def compile_stored(source: str, flags: int) -> re.Pattern[str]:
    """re.compile(source, flags), from the store of compiled patterns when it holds them."""
    flags = int(flags)  # a RegexFlag is no plain int to marshal
    store = _load_store()
    entry = store.get((source, flags))
    if entry is not None:
        try:
            import _sre

            return cast("re.Pattern[str]", _sre.compile(source, *entry))
        except Exception:  # noqa: BLE001 - a foreign entry: compile as usual
            pass
    rx = re.compile(source, flags)
    entry = _compiled_args(source, flags, rx)
    if entry is not None:
        global _store_grew
        store[(source, flags)] = entry
        if not _store_grew:
            _store_grew = True
            import atexit

            atexit.register(_save_store)
    return rx


def _compiled_args(source: str, flags: int, expected: re.Pattern[str]) -> tuple[Any, ...] | None:
    """The arguments `re.compile` hands to `_sre.compile` for this pattern, or None when the
    pattern made from them is not the one `re.compile` made (another Python's internals)."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(source, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # the code holds named int constants (OPCODES): plain ints for marshal
        args = (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
                tuple(indexgroup))
        if _sre.compile(source, *args) == expected:
            return args
    except Exception:  # noqa: BLE001 - internals changed: no store, re.compile every time
        pass
    return None


def _store_key() -> list[bytes]:
    import _sre

    return [b"sre", str(getattr(_sre, "MAGIC", "")).encode(), str(getattr(_sre, "CODESIZE", "")).encode(),
            sys.implementation.name.encode()]


def _load_store() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _store
    if _store is None:
        _store = {}
        if sys.implementation.name == "cpython":
            from .build_cache import load

            found = load("patterns", _store_key())
            if isinstance(found, dict):
                _store = found
    return _store


def _save_store() -> None:
    if _store:
        from .build_cache import save

        save("patterns", _store_key(), _store)
