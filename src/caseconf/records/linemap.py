"""Field path -> file line of one document, kept small.

Every loaded document keeps where each of its fields stands, so that a finding found
later (a rule, the guard) names its line. As a plain dict that map was the largest part
of the model: some 150 paths per record, each a tuple of fresh strings, 7 KB a record,
0.3 GB for 10,000 cases. Records written from the same template have the same paths in
the same order, so the paths (the "layout") are kept once for all documents of one shape
and each document keeps only its line numbers, as an array of integers.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from typing import Any

Path_ = tuple[Any, ...]  # ("plan", "actions", 0, "due")

# A path met before is used again (its strings too), and so is a layout: the paths of
# documents of one shape, in file order. Both bounded (hostile files with many distinct
# keys, a long `mkdocs serve` session): past the bound, new ones are simply not shared.
_PATHS: dict[Path_, Path_] = {}
_LAYOUTS: dict[tuple[Path_, ...], tuple[Path_, ...]] = {}
_MAX_SHARED = 100_000


def _shared(table: dict[Any, Any], key: Any) -> Any:
    found = table.get(key)
    if found is not None:
        return found
    if len(table) < _MAX_SHARED:
        table[key] = key
    return key


def _layout(paths: tuple[Path_, ...]) -> tuple[Path_, ...]:
    found = _LAYOUTS.get(paths)
    if found is not None:
        return found
    return _shared(_LAYOUTS, tuple(_shared(_PATHS, path) for path in paths))


class LineMap(Mapping[Path_, int]):
    """A read-only mapping like the dict it was made from (lines shifted by `offset`)."""

    __slots__ = ("_layout", "_lines")

    def __init__(self, lines: Mapping[Path_, int] | None = None, offset: int = 0) -> None:
        lines = lines or {}
        self._layout = _layout(tuple(lines))
        self._lines = array("I", (line + offset for line in lines.values()))

    @classmethod
    def _of(cls, paths: tuple[Path_, ...], lines: array) -> LineMap:  # type: ignore[type-arg]
        made = cls.__new__(cls)
        made._layout = _layout(paths)
        made._lines = lines
        return made

    def __reduce__(self) -> tuple[Any, ...]:  # pickled (worker processes): shared again when read back
        return (LineMap._of, (self._layout, self._lines))

    # Looked up only to place a finding: a scan of some 150 paths, no index kept per layout.
    def __getitem__(self, path: Path_) -> int:
        try:
            return self._lines[self._layout.index(path)]
        except ValueError:
            raise KeyError(path) from None

    def get(self, path: Path_, default: Any = None) -> Any:
        try:
            return self._lines[self._layout.index(path)]
        except ValueError:
            return default

    def __contains__(self, path: object) -> bool:
        return path in self._layout

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._layout)

    def __len__(self) -> int:
        return len(self._lines)

    def __repr__(self) -> str:
        return f"LineMap({dict(self)!r})"
