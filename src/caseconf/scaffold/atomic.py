"""Atomic, never-overwriting writes: a failed write leaves no partial file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import OperationFailed


def write_text_atomic(target: Path, text: str, *, overwrite: bool = False) -> None:
    """Write via a temporary file in the same folder, then link/rename it into place.

    Without `overwrite`, an existing target is never replaced (os.link fails if it exists,
    which also makes two concurrent writers pick distinct names safely).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp_name, target)
        else:
            os.link(tmp_name, target)  # raises FileExistsError instead of overwriting
            os.unlink(tmp_name)
    except FileExistsError:
        _discard(tmp_name)
        raise
    except OSError as exc:
        _discard(tmp_name)
        raise OperationFailed(f"{target}: could not write ({exc.strerror}); nothing was changed",
                              "check free disk space and permissions") from None


def _discard(name: str) -> None:
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass
