"""The `caseconf` command. Each subcommand is its own module, imported only when used.

Start-up cost matters: `caseconf check` runs as a pre-commit hook on every commit and must
feel instant, and most of its time is imports. Two measured savings (~50 ms of ~300 ms):
- the cyclic GC is paused while the modules load (pydantic creates many objects while
  building its validators) and resumed, with those objects frozen, as soon as the
  command's modules are imported (`resume_gc`);
- pydantic looks for third-party plugins through importlib.metadata (~30 ms here); the
  CLI uses none, so it gets an empty plugin list. Inside MkDocs or a library user's
  process none of this applies: only the CLI package does it.
"""

from __future__ import annotations

import gc
import sys
import types


def _no_pydantic_plugins() -> None:
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    stub = types.ModuleType(name)
    stub.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[name] = stub


_gc_paused = False


def resume_gc() -> None:
    """Called once a command's modules are imported. What the imports created lives until
    exit, so it is frozen out of the collector's view (saves a full collection, ~8 ms)."""
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.freeze()
        gc.enable()


if gc.isenabled():
    gc.disable()
    _gc_paused = True
_no_pydantic_plugins()
