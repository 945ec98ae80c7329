"""Where the repository is, and keeping every path inside it."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import OutsideRepository

CONFIG_NAME = "caseconf.yml"
RECORDS_DIR = "records"
ACTIVITIES_DIR = "activities"


def find_root(start: Path | None = None) -> Path:
    """The git work tree containing `start`, else `start` itself (spec: --root default)."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / CONFIG_NAME).is_file() or (candidate / ".git").exists():
            return candidate
    return here


def relative_inside(root: Path, user_path: str | os.PathLike[str]) -> str:
    """POSIX path of `user_path` relative to `root`; refuses `..` escapes and outward links."""
    raw = Path(user_path)
    if ".." in raw.parts:
        raise OutsideRepository(f"{user_path}: paths with '..' are refused",
                                "give the path from inside the repository")
    candidate = raw if raw.is_absolute() else Path.cwd() / raw
    root_resolved = root.resolve()
    try:
        resolved = candidate.resolve()
        resolved.relative_to(root_resolved)
    except (ValueError, OSError, RuntimeError):
        raise OutsideRepository(f"{user_path}: outside the repository {root}",
                                "caseconf reads and writes only inside --root") from None
    return resolved.relative_to(root_resolved).as_posix()


def is_inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def is_regular_file(path: Path) -> bool:
    """A regular file (after links), checked without opening it: a FIFO would block a read
    for ever, a device or socket never ends, and a folder is no file."""
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_special_file(path: Path) -> bool:
    """A FIFO, device or socket (neither a regular file nor a folder), without opening it."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
