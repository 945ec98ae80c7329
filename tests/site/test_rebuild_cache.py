"""Under `mkdocs serve` a one-record edit reuses every generated page it does not touch:
the rebuilt site must be the site a fresh build of the edited repository gives, page for page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .sites import copy_team

pytestmark = pytest.mark.slow

# serve's way: one process, on_startup("serve"), a new configuration for every rebuild.
SERVE = r"""
import os, sys
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.config import load_config
from mkdocs.commands.build import build
root, site, record, command = sys.argv[1:5]
config = load_config(os.path.join(root, "mkdocs.yml"), site_dir=site)
config.plugins.on_startup(command=command, dirty=False)
build(config)
if record != "-":
    with open(os.path.join(root, record), "a", encoding="utf-8") as fh:
        fh.write("\nDoplněno po schválení zápisu: nový odstavec.\n")
    build(load_config(os.path.join(root, "mkdocs.yml"), site_dir=site))
"""


def _build(root: Path, site: Path, record: str, command: str) -> None:
    result = subprocess.run([sys.executable, "-c", SERVE, str(root), str(site), record, command],
                            capture_output=True, text=True, timeout=900, cwd=root,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]


def _pages(site: Path) -> dict[str, bytes]:
    # the sitemap's gzip and the calendar's DTSTAMP carry the time of the build; everything
    # else must be byte for byte the same
    return {p.relative_to(site).as_posix(): re.sub(rb"DTSTAMP:[0-9TZ]+", b"DTSTAMP", p.read_bytes())
            for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}


def test_a_rebuild_under_serve_gives_the_site_a_fresh_build_gives(tmp_path: Path) -> None:
    root = copy_team(tmp_path / "team")
    record = next(p for p in sorted((root / "records").glob("*/*-review*.md")))
    rel = record.relative_to(root).as_posix()
    _build(root, tmp_path / "served", rel, "serve")
    assert "nový odstavec" in record.read_text(encoding="utf-8")
    _build(root, tmp_path / "fresh", "-", "build")
    served, fresh = _pages(tmp_path / "served"), _pages(tmp_path / "fresh")
    assert served.keys() == fresh.keys()
    different = sorted(path for path in fresh if served[path] != fresh[path])
    assert different == []
    page = next(p for p in fresh if p.startswith("cases/") and p.endswith(f"{record.stem}/index.html")
                or p.endswith(f"{record.stem}.html"))
    assert "nový odstavec" in fresh[page].decode("utf-8")


# the form's preview files (admin/preview/<case>.json): which cases' were derived again
PREVIEWS = r"""
import json, os, sys
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.config import load_config
from mkdocs.commands.build import build
from caseconf.site import cache
root, site, record = sys.argv[1:4]
config = load_config(os.path.join(root, "mkdocs.yml"), site_dir=site)
config.plugins.on_startup(command="serve", dirty=False)
build(config)
entry = next(iter(cache._CACHE.values()))
before = dict(entry.previews)
with open(os.path.join(root, record), "a", encoding="utf-8") as fh:
    fh.write("\nDoplněno po schválení zápisu: nový odstavec.\n")
build(load_config(os.path.join(root, "mkdocs.yml"), site_dir=site))
after = entry.previews
print(json.dumps({"cases": sorted(before), "derived": sorted(k for k in after if after[k] is not before.get(k)),
                  "files": sorted(name[:-5] for name in os.listdir(os.path.join(site, "admin", "preview")))}))
"""


def test_a_one_record_edit_under_serve_derives_only_that_cases_preview_file(tmp_path: Path) -> None:
    import json

    root = copy_team(tmp_path / "team")
    record = next(p for p in sorted((root / "records").glob("*/*-review*.md")))
    result = subprocess.run([sys.executable, "-c", PREVIEWS, str(root), str(tmp_path / "served"),
                             record.relative_to(root).as_posix()], capture_output=True, text=True, timeout=900,
                            cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(seen["cases"]) > 3 and seen["files"] == seen["cases"]
    assert seen["derived"] == [record.parent.name]
