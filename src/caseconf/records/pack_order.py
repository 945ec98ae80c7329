"""The methodology pack's own order of pages: `.nav.yml` in methodology/ and its folders.

    title: Metodika          # the folder's name in the navigation (optional)
    nav:                     # its pages (or, at the top, its folders) in reading order
      - index.md
      - co-je-pk.md

Names not listed follow in file-name order, so a page a team adds is never lost. MkDocs
skips dotfiles, so the order files are not published. A broken order file is reported
(file and reason) and the folder keeps file-name order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ORDER_FILE = ".nav.yml"


@dataclass(frozen=True, slots=True)
class FolderOrder:
    names: tuple[str, ...] = ()
    title: str | None = None
    problem: str | None = None  # why the order file could not be used (None: fine or absent)

    def rank(self, name: str) -> tuple[int, str]:
        """Sort key: listed names in their order, then the rest by name."""
        try:
            return (self.names.index(name), "")
        except ValueError:
            return (len(self.names), name)


def folder_order(folder: Path) -> FolderOrder:
    path = folder / ORDER_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return FolderOrder()
    return _read(path, stamp)


@lru_cache(maxsize=256)
def _read(path: Path, _stamp: int) -> FolderOrder:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return FolderOrder(problem=f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    if data is None:
        return FolderOrder()
    if not isinstance(data, dict):
        return FolderOrder(problem="expected `nav:` (a list of file names) and optionally `title:`")
    names = data.get("nav") or []
    title = data.get("title")
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        return FolderOrder(problem="`nav:` must be a list of file or folder names")
    if title is not None and not isinstance(title, str):
        return FolderOrder(tuple(names), problem="`title:` must be text")
    return FolderOrder(tuple(name.strip().rstrip("/") for name in names), title.strip() if title else None)
