"""One model per build: every record file opened and validated once, caseconf.yml once,
the editor on the site plugin's model, each case's action state derived once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .sites import copy_team

pytestmark = pytest.mark.slow

# Runs a real `mkdocs build` in a fresh interpreter and counts, with an audit hook, every
# open() of the team's files, and every derivation of action state.
PROBE = r"""
import collections, json, os, sys
root = os.path.realpath(sys.argv[1])
opened = collections.Counter()
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if path.startswith(root + os.sep) and (os.sep + "site" + os.sep) not in path[len(root):]:
            opened[os.path.relpath(path, root)] += 1
sys.addaudithook(hook)
import caseconf.records.derive as derive, caseconf.records.repository as repository
derived = collections.Counter()
original = derive.derive_actions
def counting(case_id, *args, **kwargs):
    derived[case_id] += 1
    return original(case_id, *args, **kwargs)
repository.derive_actions = counting
import caseconf.records.loader as loader
validated = collections.Counter()
load_document = repository.load_document
def counting_load(root_, rel, *args, **kwargs):
    validated[rel] += 1
    return load_document(root_, rel, *args, **kwargs)
repository.load_document = counting_load
from mkdocs.config import load_config
from mkdocs.commands.build import build
os.environ["NO_MKDOCS_2_WARNING"] = "1"
build(load_config(os.path.join(root, "mkdocs.yml"), site_dir=os.path.join(root, "site")))
print(json.dumps({"opened": opened, "derived": derived, "validated": validated}))
"""


def test_a_build_reads_each_file_once_and_derives_each_case_once(tmp_path: Path) -> None:
    root = copy_team(tmp_path / "team")
    # The personal-data guard is on: it scans the text the loader read, not the files again.
    assert "\n  - caseconf" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.safe_load((root / "caseconf.yml").read_text(encoding="utf-8"))
    assert config.get("editor"), "the demo team has the editor: its plugin must use the shared model"
    result = subprocess.run([sys.executable, "-c", PROBE, str(root)], capture_output=True, text=True, timeout=600,
                            cwd=root)
    assert result.returncode == 0, result.stderr[-3000:]
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    records = [rel for rel in counts["opened"] if rel.startswith("records/")]
    assert records, counts
    twice = {rel: n for rel, n in counts["opened"].items() if n > 1 and (rel.startswith("records/")
                                                                          or rel == "caseconf.yml")}
    assert twice == {}, twice
    assert counts["validated"].get("caseconf.yml") == 1
    assert all(n == 1 for n in counts["validated"].values()), counts["validated"]
    # actions are derived once a case for the whole state and once per other question
    # asked of it (the state on an earlier day, or before one record); never per page
    cases = [p.name for p in (root / "records").iterdir() if p.is_dir() and p.name != "activities"]
    records_of = {case: len(list((root / "records" / case).glob("*.md"))) for case in cases}
    for case, n in counts["derived"].items():
        assert n <= records_of[case] + 4, (case, n, records_of[case])
