"""Fixtures of the editor tests: a team repository in git, its built site, Decap's local
backend (`decap-server`, installed from tests/editor/package.json) and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
PROXY_PORT = 8081  # Decap's local backend looks for decap-server here
CASE_ID = "JI-2025-101"

CASE_YML = f"""\
id: {CASE_ID}
office: JI
opened: 2025-02-20
status: open
household:
  - {{ref: M, role: mother}}
  - {{ref: D1, role: child, age: 8}}
case_manager: {{role: ospod_worker, org: JI}}
consent:
  data_sharing: 2025-02-25
"""


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True, env=env).stdout


def make_team(root: Path) -> Path:
    """A copy of this repository's demo team (its site, its editor settings) plus one new case."""
    for part in ("caseconf.yml", "records", "methodology", "mkdocs.yml", "site_templates"):
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, root / part)
        else:
            root.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, root / part)
    assert "local_backend: true" in (root / "caseconf.yml").read_text(encoding="utf-8")
    (root / "records" / CASE_ID).mkdir(parents=True)
    (root / "records" / CASE_ID / "case.yml").write_text(CASE_YML, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "team repository")
    return root


def build_site(root: Path, site_dir: Path) -> Path:
    from importlib.metadata import entry_points
    if not any(ep.name == "caseconf-editor" for ep in entry_points(group="mkdocs.plugins")):
        pytest.fail("the mkdocs plugin entry point caseconf-editor is not installed: add it to pyproject.toml "
                    "and run `pip install -e .`")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"),
                           "-d", str(site_dir)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (site_dir / "admin" / "index.html").is_file(), proc.stderr
    return site_dir


def _node_tools() -> tuple[str, str] | None:
    node, npm = shutil.which("node"), shutil.which("npm")
    return (node, npm) if node and npm else None


@pytest.fixture(scope="session")
def decap_server_js() -> Path:
    tools = _node_tools()
    if tools is None:
        pytest.skip("node and npm are not installed: the editor's browser test needs decap-server from npm")
    script = HERE / "node_modules" / "decap-server" / "dist" / "index.js"
    if not script.is_file():
        proc = subprocess.run([tools[1], "ci", "--prefix", str(HERE), "--no-audit", "--no-fund"],
                              capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, f"npm ci --prefix tests/editor failed:\n{proc.stderr[-3000:]}"
    assert script.is_file()
    return script


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture
def team(tmp_path: Path) -> Path:
    return make_team(tmp_path / "team")


@pytest.fixture
def site(team: Path, tmp_path: Path) -> Path:
    return build_site(team, tmp_path / "site")


@pytest.fixture
def decap_server(decap_server_js: Path, team: Path, tmp_path: Path) -> Iterator[str]:
    """decap-server in git mode (the editorial workflow: a branch per draft) on localhost only."""
    if not _port_free(PROXY_PORT):
        pytest.skip(f"port {PROXY_PORT} is taken; Decap's local backend needs it for decap-server")
    log = (tmp_path / "decap-server.log").open("w")
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(team), "PORT": str(PROXY_PORT),
           "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "info",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    proc = subprocess.Popen([shutil.which("node") or "node", str(decap_server_js)], env=env, stdout=log,
                            stderr=subprocess.STDOUT, cwd=tmp_path)
    url = f"http://127.0.0.1:{PROXY_PORT}/api/v1"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                request = urllib.request.Request(url, data=json.dumps({"action": "info"}).encode(),
                                                 headers={"Content-Type": "application/json"})
                urllib.request.urlopen(request, timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((tmp_path / "decap-server.log").read_text())
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture
def site_url(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


