"""Findings where reviewers look: the CI formats of `caseconf check` and `caseconf pii`.

One module per format (`github`, `gitlab`, `sarif`, `junit`), each a `render(report) -> str`.
What they share (paths from the git repository's root, fingerprints that survive moved
lines, control characters written out) is in `located.py`. Imported only when one of
these formats is asked for: the commit hook prints text and never pays for them.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Sequence

from ...records.findings import Finding

CI_FORMATS = ("github", "gitlab", "sarif", "junit")


def render(fmt: str, findings: Sequence[Finding], *, root: Path, tool: str, checked: int | None = None) -> str:
    """The report of `findings` (found under the caseconf root `root`) in format `fmt`."""
    if fmt not in CI_FORMATS:
        raise ValueError(fmt)
    from .located import Report

    module = importlib.import_module(f"{__name__}.{fmt}")
    return module.render(Report.build(findings, root=root, tool=tool, checked=checked))  # type: ignore[no-any-return]
