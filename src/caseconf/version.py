"""caseconf's version: semantic versioning (MAJOR.MINOR.PATCH), tagged `vMAJOR.MINOR.PATCH`.

The installed distribution's metadata is the one source (pyproject.toml `version`), so
`caseconf --version`, the SARIF driver and the `rev:` that `caseconf init` writes agree.
"""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("caseconf")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"


def release_tag(version: str = __version__) -> str:
    """The git tag of a release: `v` + the version (`v0.2.0`)."""
    return f"v{version}"
