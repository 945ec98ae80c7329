"""Writing finished documents: atomically, never over an existing file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_new(target: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then link it into place: a reader
    never sees half a PDF, and an existing file is never replaced (FileExistsError)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp makes it private; a document is an ordinary file
        os.link(tmp_name, target)
    finally:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
