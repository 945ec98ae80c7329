from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ..helpers import CHROMIUM, PROJECT
from .sites import add_hostile_case, copy_team, mkdocs_build

SCREENSHOTS = PROJECT / "build" / "screenshots"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: browser tests need Debian's chromium package")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


class BuiltSite:
    def __init__(self, root: Path, site: Path, build_day: dt.date) -> None:
        self.root = root
        self.site = site
        self.build_day = build_day

    def url(self, page: str) -> str:
        return (self.site / page).as_uri()

    def html(self, page: str) -> str:
        return (self.site / page).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """This repository's demo team, built once per session with real `mkdocs build --strict`."""
    root = copy_team(tmp_path_factory.mktemp("demo") / "team")
    day = dt.date.today()
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    return BuiltSite(root, root / "site", day)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The demo team plus a case whose record tries every way to get markup onto the page,
    and a team override of one page template in site_templates/."""
    root = copy_team(tmp_path_factory.mktemp("hostile") / "team")
    add_hostile_case(root)
    override = root / "site_templates" / "caseconf" / "tags.html"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text('<h1>{{ title }}</h1>\n<p id="team-override">Štítky podle týmu</p>\n', encoding="utf-8")
    day = dt.date.today()
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    return BuiltSite(root, root / "site", day)




@pytest.fixture
def page(browser):
    """A fresh page that records dialogs and every request that leaves file://."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    tab.dialogs = []  # type: ignore[attr-defined]
    tab.remote = []  # type: ignore[attr-defined]

    def on_dialog(dialog):
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_request(request):
        if not request.url.startswith(("file://", "data:", "blob:", "about:")):
            tab.remote.append(request.url)

    tab.on("dialog", on_dialog)
    tab.on("request", on_request)
    yield tab
    context.close()


def screenshot(tab, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def clean_cache():
    from caseconf.site import cache

    cache.clear()
    yield cache
    cache.clear()


__all__ = ["screenshot", "shutil"]
