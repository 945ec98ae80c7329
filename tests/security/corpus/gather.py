"""Regenerate xss-payloads.json from the public collections listed in SOURCES.md.

Not run by the tests (they read the committed JSON, so a fresh clone needs no network).
Run it with local clones of the repositories at the commits SOURCES.md names:

    python tests/security/corpus/gather.py MIRRORS_DIR

where MIRRORS_DIR/<owner>+<name>/repo is a git directory of each source.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

# source id -> (repository, commit, [files])
SOURCES = {
    "payloadbox": ("payloadbox/xss-payload-list", "d473925ebc9aaec0ac8bdb9aa9d26be8d163af04",
                   ["Intruder/xss-payload-list.txt"]),
    "patt": ("swisskyrepo/PayloadsAllTheThings", "f9fa51417886ac11476cb62db2dff21773dc570b",
             [f"XSS Injection/Intruders/{name}" for name in (
                 "IntrudersXSS.txt", "XSS_Polyglots.txt", "RSNAKE_XSS.txt", "MarioXSSVectors.txt",
                 "BRUTELOGIC-XSS-STRINGS.txt", "xss_payloads_quick.txt", "JHADDIX_XSS.txt", "xss_alert.txt",
                 "xss_alert_identifiable.txt", "XSSDetection.txt")]),
    "markdown-it": ("markdown-it/markdown-it", "1e8ab89ca299351879169a79d2627fe3a356ce4a",
                    ["test/fixtures/markdown-it/xss.txt"]),
    "dompurify": ("cure53/DOMPurify", "1fa97e8f0b671ded461adfe6af255f2aab4202d0", ["test/fixtures/expect.mjs"]),
}
MAX_CHARS = 4000  # one payload; longer ones are padding, not new shapes


def _show(git_dir: Path, commit: str, path: str) -> str:
    return subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _markdown_it_inputs(text: str) -> list[str]:
    """The Markdown inputs of a markdown-it fixture file: `.`-fenced input/output pairs."""
    blocks = re.findall(r"^\.\n(.*?)\n^\.\n(.*?)\n^\.$", text, flags=re.S | re.M)
    return [source for source, _expected in blocks]


def _dompurify_payloads(text: str) -> list[str]:
    literals = re.findall(r'"payload"\s*:\s*("(?:[^"\\]|\\.)*")', text)
    out = []
    for literal in literals:
        try:
            out.append(json.loads(literal))
        except json.JSONDecodeError:
            continue
    return out


def gather(mirrors: Path) -> dict:
    seen: set[str] = set()
    payloads: list[list[str]] = []
    for source, (repo, commit, files) in SOURCES.items():
        git_dir = mirrors / repo.replace("/", "+") / "repo"
        for path in files:
            text = _show(git_dir, commit, path)
            if source == "markdown-it":
                found = _markdown_it_inputs(text)
            elif source == "dompurify":
                found = _dompurify_payloads(text)
            else:
                found = _lines(text)
            for payload in found:
                payload = payload.replace("\r\n", "\n").replace("\x00", "")
                if not payload.strip() or len(payload) > MAX_CHARS or payload in seen:
                    continue
                seen.add(payload)
                payloads.append([source, payload])
    return {"sources": {key: {"repository": repo, "commit": commit, "files": files}
                        for key, (repo, commit, files) in SOURCES.items()},
            "payloads": payloads}


if __name__ == "__main__":
    corpus = gather(Path(sys.argv[1]))
    (HERE / "xss-payloads.json").write_text(json.dumps(corpus, ensure_ascii=False, indent=0) + "\n",
                                            encoding="utf-8")
    print(len(corpus["payloads"]), "distinct payloads")
