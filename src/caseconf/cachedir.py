"""caseconf's user cache directory: what it builds once per machine (compiled catalogues,
the guard's lexicon and patterns) lives in a folder of it."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_cache(folder: str) -> Path:
    """`<user cache dir>/caseconf/<folder>`, as platformdirs names it."""
    if sys.platform.startswith("linux") and "ANDROID_ROOT" not in os.environ:
        # the XDG rule platformdirs follows on Linux, without importing it (and tempfile
        # behind it: ~8 ms of the commit hook's start)
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):
            home = os.path.expanduser("~")
            if not os.path.isabs(home):
                raise OSError("no home directory")
            base = os.path.join(home, ".cache")
        return Path(base) / "caseconf" / folder
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("caseconf")) / folder
