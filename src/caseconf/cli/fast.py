"""The commit hooks' fast path: `caseconf check [--no-pii] [--format F] [--root D] PATHS...`
and `caseconf pii FILES...` without importing click.

pre-commit starts `caseconf check` on every commit, and the start-up is most of its time:
click alone costs ~25 ms of ~200 ms here. This parser accepts only the plain spellings of
the check options; anything else (help, unknown or misspelled options, a bad --root or
--format value) returns None and the click command handles it, with click's usage errors.
Both entries call `check_run.run_check`, and a test compares them on the same arguments.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Sequence



def parse_check(argv: Sequence[str]) -> tuple[Path | None, list[Path], str, bool] | None:
    """(root, paths, format, no_pii) for a plain `check` command line, else None."""
    if not argv or argv[0] != "check":
        return None
    root: Path | None = None
    fmt, no_pii, paths = "text", False, []
    args = list(argv[1:])
    while args:
        arg = args.pop(0)
        if arg == "--":
            paths.extend(Path(a) for a in args)
            break
        name, eq, inline = arg.partition("=")
        if name in ("--format", "--root"):
            if not eq:
                if not args:
                    return None
                inline = args.pop(0)
            if name == "--format":
                from .output import FORMATS

                if inline not in FORMATS:
                    return None
                fmt = inline
            else:
                if not inline or not os.path.isdir(inline):
                    return None
                root = Path(inline)
        elif arg == "--no-pii":
            no_pii = True
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            paths.append(Path(arg))
    return root, paths, fmt, no_pii


def fast_check(argv: Sequence[str], resume_gc: Callable[[], None]) -> int | None:
    """Run a plain `check` command line and return its exit code, or None for click."""
    parsed = parse_check(argv)
    if parsed is None:
        return None
    root, paths, fmt, no_pii = parsed
    from ..records.paths import find_root
    from .check_run import run_check

    resume_gc()
    return run_check(root.resolve() if root is not None else find_root(), paths, fmt, no_pii)


def parse_pii(argv: Sequence[str]) -> list[Path] | None:
    """The files of a plain `caseconf pii FILES...` (what the pii hook runs), else None: any
    option, or no file at all (the whole-repository scan), goes to the click command."""
    if len(argv) < 2 or argv[0] != "pii":
        return None
    args = list(argv[1:])
    if "--" in args:
        cut = args.index("--")
        before, after = args[:cut], args[cut + 1:]
    else:
        before, after = args, []
    if any(arg.startswith("-") and arg != "-" for arg in before):
        return None
    paths = [Path(a) for a in before + after]
    return paths or None


def fast_pii(argv: Sequence[str], resume_gc: Callable[[], None]) -> int | None:
    """Run a plain `pii FILES...` command line and return its exit code, or None for click."""
    paths = parse_pii(argv)
    if paths is None:
        return None
    from ..records.paths import find_root
    from .pii_run import run_pii

    resume_gc()
    return run_pii(tuple(paths), False, "text", None, find_root())
