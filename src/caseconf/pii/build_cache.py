"""Values built from the guard's data files, kept per machine between runs.

The commit hook starts a fresh process for every commit, and building the name lexicon's
sets from the shipped lists (names, places, the gazetteer's ~11,000 municipalities and the
words of their names) took longer than scanning the record. `cached` builds such a value
once, writes it with marshal (plain strings, tuples, sets and dicts: nothing to execute) to
the user cache directory, and later runs load it in a few milliseconds. The file's name and
its first field are a digest of everything the value is made from (the data files' bytes,
the source of the module that builds it, the Python version), so an edited list, an edited
builder or another Python builds it anew; a missing, unreadable or foreign file is rebuilt.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def _cache_dir() -> Path:
    from ..cachedir import user_cache

    return user_cache("pii")


def digest_of(inputs: Iterable[bytes]) -> str:
    h = hashlib.sha256(f"{sys.version}\0{marshal.version}\0".encode())
    for part in inputs:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def cached(name: str, inputs: Iterable[bytes], build: Callable[[], T]) -> T:
    """build(), or what it returned last time for the same inputs (see the module's text)."""
    inputs = list(inputs)
    found = load(name, inputs)
    if found is not None:
        return found  # type: ignore[no-any-return]
    value = build()
    save(name, inputs, value)
    return value


def _path(name: str, digest: str, suffix: str = ".marshal") -> Path:
    return _cache_dir() / f"{name}-{digest[:24]}{suffix}"


def artefact_path(name: str, inputs: Iterable[bytes], suffix: str) -> Path:
    """Where a file built from these inputs is kept (for values that are files of their own)."""
    return _path(name, digest_of(inputs), suffix)


def drop_older(name: str, keep: Path) -> None:
    """Remove what older inputs built under this name (all but `keep`)."""
    try:
        for old in keep.parent.glob(f"{name}-*"):
            if old != keep and not old.name.endswith(".tmp"):
                old.unlink(missing_ok=True)
    except OSError:
        pass


def load(name: str, inputs: Iterable[bytes]) -> Any:
    """What `save` kept for the same name and inputs, or None."""
    digest = digest_of(inputs)
    try:
        stored = marshal.loads(_path(name, digest).read_bytes())
    except Exception:  # noqa: BLE001 - missing, unreadable, no home directory, not marshal data
        return None
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == digest:
        return stored[1]
    return None


def save(name: str, inputs: Iterable[bytes], value: Any) -> None:
    """Keep value for `load` (quietly nothing when the cache directory cannot be written)."""
    digest = digest_of(inputs)
    try:
        path = _path(name, digest)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = marshal.dumps((digest, value))
        # atomically: commit hooks run in parallel and must never read half a file
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, path)
        drop_older(name, path)  # what older data or code built
    except Exception:  # noqa: BLE001 - a read-only home, no home, or a value marshal cannot hold
        pass
