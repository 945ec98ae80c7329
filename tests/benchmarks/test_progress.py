"""The progress helper: quiet in CI, off a terminal and with JSON; draws only for long runs."""

from __future__ import annotations

import time

from caseconf.cli import progress as prog


def test_quiet_when_not_wanted(monkeypatch):
    monkeypatch.setenv("CI", "1")
    assert prog.wanted("text") is False
    monkeypatch.delenv("CI")
    assert prog.wanted("json") is False
    with prog.progress("x", fmt="text") as on_progress:  # pytest's stderr is no terminal
        assert on_progress is None


def test_bar_only_after_a_while(monkeypatch):
    monkeypatch.setattr(prog, "SHOW_AFTER_SECONDS", 0.0)
    with prog.progress("x", enabled=True) as on_progress:
        assert on_progress is not None
        time.sleep(0.01)
        for done in range(0, 11):
            on_progress(done, 10)
