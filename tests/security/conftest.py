from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..site.sites import mkdocs_build
from .plant import Planted, plant


@dataclass
class PlantedSite:
    planted: Planted
    site: Path
    build_log: str


@pytest.fixture(scope="session")
def planted_site(tmp_path_factory: pytest.TempPathFactory) -> PlantedSite:
    """The demo team with the whole public corpus planted, built once with real mkdocs
    (not --strict: the pages whose HTML trips a parser are meant to end as warnings)."""
    planted = plant(tmp_path_factory.mktemp("xss") / "team")
    site = planted.root / "site"
    result = mkdocs_build(planted.root, site, strict=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return PlantedSite(planted, site, result.stderr)


@pytest.fixture(scope="session")
def served(planted_site: PlantedSite) -> Iterator[str]:
    """The built site over http://127.0.0.1 (as a team's hosting serves it)."""
    handler = functools.partial(_QuietHandler, directory=str(planted_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass
