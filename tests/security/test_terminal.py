"""What `check` and `pii` write to a real terminal (a pty), byte for byte: no control
character that came from a file, in values, codes or file names; JSON stays valid JSON."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import tty
from pathlib import Path

import pytest

from caseconf.records.findings import CONTROL_CODES, visible

from ..helpers import PROJECT, write
from ..rules.apply import materialise

# ESC sequences that clear the screen, retitle the window, move the cursor; BEL, CR, a
# forged line; C1 CSI; bidi override and isolate; the Unicode line separator.
ATTACK = "\x1b[2J\x1b[H\x1b]0;pwned\x07\rrecords/x.md:1: OK\n\x9b31m\u202eevil\u2066\u2028\x7f\x08"
ATTACK_YAML = "\\e[2J\\e[H\\e]0;pwned\\a\\rrecords/x.md:1: OK\\n\\x9b31m\\u202eevil\\u2066\\u2028\\x7f\\b"
ALLOWED_BYTES = {ord("\n")}  # line ends of our own making; the pty is raw, so no CR is added


def _run_in_pty(args: list[str], cwd: Path) -> bytes:
    """Run `caseconf ARGS` with stdout and stderr on a pseudo-terminal; return all bytes."""
    leader, follower = pty.openpty()
    tty.setraw(follower)  # no CR added to LF: every byte is the program's own
    # CI=1: no progress bar (caseconf's own drawing on a slow run, cursor moves included)
    env = {**os.environ, "CASECONF_LANG": "en", "COLUMNS": "200", "TERM": "xterm-256color", "CI": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "caseconf", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    out = bytearray()
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            proc.kill()
            raise AssertionError("no output for 60 s")
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the follower side closed: the program is done
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(leader)
    return bytes(out)


def _controls(raw: bytes) -> list[str]:
    text = raw.decode("utf-8", "replace")
    return sorted({f"U+{ord(ch):04X}" for ch in text if ord(ch) in CONTROL_CODES and ord(ch) not in ALLOWED_BYTES})


@pytest.fixture
def attacked(tmp_path: Path) -> Path:
    """A repository whose values, unknown keys, codes and file names carry terminal escapes."""
    root = materialise(tmp_path / "repo", [])
    case = root / "records" / "JI-2025-001" / "case.yml"
    text = case.read_text(encoding="utf-8")
    text = text.replace("status: open", f'status: open\n"k{ATTACK_YAML}": 1\nnote: "{ATTACK_YAML}"', 1)
    case.write_text(text, encoding="utf-8")
    record = next((root / "records" / "JI-2025-001").glob("*-review.md"))
    body = record.read_text(encoding="utf-8")
    # a suppression of a code that is itself an attack, and a vocabulary value that is one
    body = body.replace("kind: review", f'kind: review\nbasis: "{ATTACK_YAML}"\n'
                        f'caseconf:\n  ignore:\n    - {{code: "{ATTACK_YAML}", reason: "x"}}', 1)
    record.write_text(body, encoding="utf-8")
    # a file name with escapes (git allows every byte but NUL and /)
    write(root / "records" / "JI-2025-001" / f"2025-07-01-review{ATTACK.replace('/', '').replace(chr(10), '')}.md",
          record.read_text(encoding="utf-8"))
    write(root / "records" / "notes" / f"plan{ATTACK.replace('/', '').replace(chr(10), '')}.md",
          "Kontakt: jan.novak@example.cz, tel. 777 123 456\n")
    return root


@pytest.mark.parametrize("command", [["check"], ["pii"], ["check", "--no-pii"], ["actions"], ["reviews"],
                                     ["stats"]])
def test_text_output_carries_no_raw_control_character(attacked: Path, command: list[str]) -> None:
    raw = _run_in_pty([*command, "--root", str(attacked)], PROJECT)
    assert b"Traceback" not in raw and b"internal error" not in raw, raw[-2000:]
    if command[0] in ("check", "pii"):
        assert raw.strip(), "no findings printed"
        assert b"\\x1b" in raw  # the escapes are shown, written out
    assert _controls(raw) == [] or command[0] in ("actions", "reviews", "stats") and _only_styling(raw), \
        (_controls(raw), raw[:3000])


def _only_styling(raw: bytes) -> bool:
    """rich styles tables on a terminal with SGR sequences (ESC [ … m) of its own; none
    other may appear, and nothing of the attack's."""
    import re

    stripped = re.sub(rb"\x1b\[[0-9;]*m", b"", raw)
    return _controls(stripped) == [] and b"pwned" not in raw.replace(b"\\x1b]0;pwned", b"")


@pytest.mark.parametrize("command", [["check"], ["pii"]])
def test_json_output_is_valid_and_inert(attacked: Path, command: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "caseconf", *command, "--root", str(attacked), "--format", "json"],
                          capture_output=True, env={**os.environ, "CASECONF_LANG": "en"}, timeout=120)
    data = json.loads(proc.stdout)  # complete, valid JSON
    assert data["findings"]
    assert _controls(proc.stdout) == []  # C1, bidi, U+2028 as \u escapes: same JSON, inert bytes
    paths = {finding["path"] for finding in data["findings"]}
    assert any("\x1b" in path for path in paths)  # the value itself survives, escaped as JSON


def test_visible_writes_every_control_character_out() -> None:
    shown = visible(ATTACK + "".join(map(chr, CONTROL_CODES)))
    assert not any(ord(ch) in CONTROL_CODES for ch in shown)
    assert "\\x1b[2J" in shown and "\\n" in shown and "\\u202e" in shown and "\\u009b" in shown
    assert visible("Záznam – běžný text") == "Záznam – běžný text"


@pytest.mark.slow
def test_the_site_build_log_carries_no_raw_control_character(tmp_path: Path) -> None:
    from ..site.sites import copy_team

    root = copy_team(tmp_path / "team")
    target = ATTACK.replace("\n", "").replace(" ", "")
    write(root / "methodology" / "metodika" / "odkaz.md", f"# Odkaz\n\n[tady](b{target}c.md)\n")  # a missing page
    raw = _run_in_pty(["site", "build", "--root", str(root)], root)
    assert b"Traceback" not in raw, raw[-3000:]
    assert b"\\x1b]0;pwned\\x07" in raw  # MkDocs' own message about the link, the link written out
    assert _only_styling(raw), (_controls(raw), raw[-3000:])


@pytest.mark.parametrize("fmt", ["sarif", "gitlab"])
def test_ci_json_formats_stay_valid_and_inert(attacked: Path, fmt: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "caseconf", "check", "--root", str(attacked), "--format", fmt],
                          capture_output=True, env={**os.environ, "CASECONF_LANG": "en"}, timeout=120)
    json.loads(proc.stdout)
    assert _controls(proc.stdout) == []
