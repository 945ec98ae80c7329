"""A progress bar for long runs (whole-repository check, personal-data scans, history scans).

Shown on stderr only when stderr is a terminal, the environment is not CI (`CI` set) and
the output is not JSON; otherwise every helper here is a no-op. The layers below the CLI
take a plain `on_progress(done, total)` callable and never import rich.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator

ProgressCallback = Callable[[int, int], None]
SHOW_AFTER_SECONDS = 0.5  # a run that ends sooner never draws a bar (the commit hook stays quiet)


def wanted(fmt: str | None = None) -> bool:
    """Whether a bar may be drawn: stderr is a terminal, not CI, not machine-readable output."""
    if fmt == "json" or os.environ.get("CI"):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress(label: str, *, fmt: str | None = None, enabled: bool | None = None) -> Iterator[ProgressCallback | None]:
    """`with progress("Kontrola", fmt=fmt) as on_progress:` yields a callback or None.

    The bar appears only once the run has taken SHOW_AFTER_SECONDS, so short runs print
    nothing extra."""
    if enabled is None:
        enabled = wanted(fmt)
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.monotonic()
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)
    task = None

    def on_progress(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            if time.monotonic() - started < SHOW_AFTER_SECONDS and done < total:
                return
            if done >= total:
                return  # finished before the bar was worth showing
            bar.start()
            task = bar.add_task(label, total=total)
        bar.update(task, completed=done, total=total)

    try:
        yield on_progress
    finally:
        if task is not None:
            bar.stop()
