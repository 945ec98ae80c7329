"""`caseconf site serve` says where the site is (else `make demo` looks stuck) and serves it."""

from __future__ import annotations

import os
import selectors
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from ..helpers import CASECONF
from .sites import copy_team

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_prints_the_address_and_serves_there(tmp_path: Path) -> None:
    root = copy_team(tmp_path / "team")
    port = free_port()
    address = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CASECONF_LANG": ""}
    proc = subprocess.Popen([*CASECONF, "site", "serve", "--root", str(root), "-a", f"127.0.0.1:{port}"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    try:
        assert proc.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(proc.stdout, selectors.EVENT_READ)
        output = b""
        deadline = time.monotonic() + 240
        while b"Serving on " + address.encode() not in output and time.monotonic() < deadline:
            if proc.poll() is not None:
                output += proc.stdout.read() or b""
                break
            if selector.select(timeout=1):
                output += os.read(proc.stdout.fileno(), 4096)
        text = output.decode("utf-8", "replace")
        assert address in text.splitlines()[0], text  # said at once, before the first build
        assert f"Serving on {address}" in text, text
        with urllib.request.urlopen(address + "index.html", timeout=30) as response:
            assert response.status == 200 and "caseconf" in response.read().decode("utf-8")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
