"""Methodology navigation in the pack's own order (its `.nav.yml` files), not by file name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from caseconf.records.pack_order import folder_order

from .sites import copy_team, mkdocs_build

pytestmark = pytest.mark.slow


def nav_links(html: str, folder: str) -> list[str]:
    nav = html[html.index('class="md-nav md-nav--primary'):html.index('class="md-sidebar md-sidebar--secondary"')]
    links = re.findall(r'href="(?:\.\./)*(?:' + folder + r'/)?([a-z0-9-]+\.html)"', nav)
    ordered: list[str] = []
    for link in links:
        if link not in ordered:
            ordered.append(link)
    return ordered


def test_demo_methodology_follows_its_order_file(demo_site) -> None:
    listed = yaml.safe_load((demo_site.root / "methodology/metodika/.nav.yml").read_text(encoding="utf-8"))["nav"]
    pages = [name.replace(".md", ".html") for name in listed if name != "index.md"]
    shown = [link for link in nav_links(demo_site.html("metodika/index.html"), "metodika") if link in pages]
    assert shown == pages
    assert shown[0] == "co-je-pk.html"  # by file name it was "chyby" (common mistakes) first
    assert not (demo_site.site / "metodika" / ".nav.yml").exists()  # not published


def test_a_team_reorders_and_a_new_page_follows(tmp_path: Path) -> None:
    root = copy_team(tmp_path / "team")
    folder = root / "methodology" / "metodika"
    (folder / ".nav.yml").write_text("title: Naše metodika\nnav:\n  - index.md\n  - slovnik.md\n  - chyby.md\n",
                                     encoding="utf-8")
    (folder / "aaa-nova.md").write_text("# Nová stránka\n\nText.\n", encoding="utf-8")
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (root / "site" / "metodika" / "index.html").read_text(encoding="utf-8")
    shown = nav_links(html, "metodika")
    assert shown.index("slovnik.html") < shown.index("chyby.html") < shown.index("aaa-nova.html")
    assert shown.index("aaa-nova.html") < shown.index("zaznamy.html")  # unlisted pages by file name
    assert "Naše metodika" in html


def test_a_broken_order_file_is_named_and_strict_fails(tmp_path: Path) -> None:
    root = copy_team(tmp_path / "team")
    (root / "methodology" / "sablony" / ".nav.yml").write_text("nav: [zapis.md\n", encoding="utf-8")
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 1
    assert "sablony/.nav.yml" in result.stderr
    assert "Traceback" not in result.stderr


def test_order_file_rules(tmp_path: Path) -> None:
    assert folder_order(tmp_path).names == ()
    (tmp_path / ".nav.yml").write_text("nav: [b.md, a.md]\n", encoding="utf-8")
    order = folder_order(tmp_path)
    assert sorted(["a.md", "c.md", "b.md", "aa.md"], key=order.rank) == ["b.md", "a.md", "aa.md", "c.md"]
    (tmp_path / ".nav.yml").write_text("- just a list\n", encoding="utf-8")
    assert folder_order(tmp_path).problem
