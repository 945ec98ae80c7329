"""Files shipped inside the caseconf package (the guard's lists, the jurisdiction profiles).

Read from the installed package's directory: importing importlib.resources (with tempfile,
zipfile, shutil, bz2 and lzma behind it) costs the commit hook ~10 ms, and an installed
package is a directory. importlib.resources stays the way to an install that is not one.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).parent.parent  # caseconf/


def read_bytes(relative: str) -> bytes:
    """The bytes of a package file, by its path inside caseconf/ ("pii/data/names.txt")."""
    try:
        return (_PACKAGE / relative).read_bytes()
    except OSError:
        from importlib import resources

        return resources.files("caseconf").joinpath(*relative.split("/")).read_bytes()


def read_text(relative: str) -> str:
    return read_bytes(relative).decode("utf-8")
