"""Worker processes for large scans. Standard library only: `caseconf pii --history`
starts git before it imports anything heavy.

A whole-repository scan (many files, or a history) runs in up to two forked worker
processes; small inputs (a pre-commit hook's few files) stay in this process.
CASECONF_PII_JOBS=N sets the number of processes (1: none).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

PARALLEL_MIN = 300   # files or blobs below which forking does not pay
MAX_JOBS = 2


def worker_count(n_items: int | None) -> int:
    """Processes for a scan of n_items files or blobs (None: not known yet, assume many)."""
    env = os.environ.get("CASECONF_PII_JOBS", "").strip()
    if env.isdigit():
        jobs = max(1, int(env))
    elif n_items is not None and n_items < PARALLEL_MIN:
        return 1
    else:
        try:
            cpus = len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - not on Linux
            cpus = os.cpu_count() or 1
        jobs = min(MAX_JOBS, cpus)
    if jobs > 1:
        import multiprocessing

        if "fork" not in multiprocessing.get_all_start_methods():
            return 1
    return jobs


def quiet_worker() -> None:
    # a worker prints nothing; fresh streams so that it never waits on a lock a parent thread held at fork
    import sys

    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker


def run_chunks(func: Callable, chunks: list, jobs: int) -> Iterable:
    """func(chunk) for each chunk, results in chunk order; in `jobs` forked processes when jobs > 1."""
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield func(chunk)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(min(jobs, len(chunks)), initializer=quiet_worker) as pool:
        yield from pool.imap(func, chunks)


class Workers:
    """n processes forked now, each serving one history job later (see history.serve)."""

    def __init__(self, n: int) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self.pipes: list[Any] = []
        self.procs: list[Any] = []
        for _ in range(n):
            parent_end, child_end = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(child_end,), daemon=True)
            proc.start()
            child_end.close()
            self.pipes.append(parent_end)
            self.procs.append(proc)

    def close(self) -> None:
        """Stop the workers (an idle one is told to exit; a busy one is killed)."""
        for conn in self.pipes:
            try:
                conn.send(None)
            except (OSError, ValueError):
                pass
            conn.close()
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
        self.pipes, self.procs = [], []


def _serve(conn: Any) -> None:
    try:
        # A worker lives for one scan and builds millions of small objects that stay alive
        # until it exits (lines, entries): the cyclic collector would only walk them again
        # and again, and what a worker holds is freed with the process.
        import gc

        gc.disable()
        quiet_worker()
        from .history import serve

        serve(conn)
    finally:
        os._exit(0)
