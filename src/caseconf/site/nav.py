"""Where the generated pages sit in the navigation.

Case and record pages stay out of it (the theme renders the navigation into every page,
so a thousand records there would make the build quadratic); index pages link to them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..records.pack_order import ORDER_FILE, FolderOrder, folder_order
from .labels import FOLDER_ORDER, FOLDER_TITLES, Labels
from .views import ACTIONS, ACTIVITIES, CASES, HOME, REVIEWS, RULES, STATS, TAGS

log = logging.getLogger("mkdocs.plugins.caseconf")

GROUPS: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    (None, (HOME,)),
    ("work", (CASES, ACTIONS, REVIEWS)),
    ("reports", (STATS, ACTIVITIES)),
)
TRAILING: tuple[str, tuple[str, ...]] = ("rules", (RULES, TAGS))


def _pages(item: Any) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages(child)]
    return []


def _is_generated(item: Any, generated: set[str]) -> bool:
    pages = _pages(item)
    return bool(pages) and all(page.file.src_uri in generated for page in pages)


def _section(title: str, uris: tuple[str, ...], files: Files) -> Section | None:
    children = [f.page for uri in uris if (f := files.get_file_from_path(uri)) is not None and f.page is not None]
    return Section(title, children) if children else None


def _folder(item: Any) -> str:
    pages = _pages(item)
    return pages[0].file.src_uri.split("/", 1)[0] if isinstance(item, Section) and pages else ""


def _folder_rank(item: Any) -> int:
    folder = _folder(item)
    return FOLDER_ORDER.index(folder) if folder in FOLDER_ORDER else len(FOLDER_ORDER)


def _rename(item: Any) -> None:
    """Pack folders get their proper names (auto-nav would show 'Sablony' for sablony/)."""
    pages = _pages(item)
    if isinstance(item, Section) and pages:
        folder = pages[0].file.src_uri.split("/", 1)[0]
        item.title = FOLDER_TITLES.get(folder, item.title)


def _docs_dir(items: list[Any]) -> Path | None:
    """methodology/ on disk, from any written page (generated pages have no source file)."""
    for item in items:
        for page in _pages(item):
            if page.file.abs_src_path and not page.file.generated_by:
                return Path(page.file.abs_src_path).parents[page.file.src_uri.count("/")]
    return None


def _name(item: Any, depth: int) -> str:
    """The file or folder name an order file lists for `item` at `depth` below methodology/."""
    pages = _pages(item)
    if not pages:
        return ""
    parts = pages[0].file.src_uri.split("/")
    return parts[depth] if len(parts) > depth else ""


def _order(folder: Path) -> FolderOrder:
    order = folder_order(folder)
    if order.problem:
        log.warning("caseconf: %s: %s; the pages of that folder keep file-name order",
                    (folder / ORDER_FILE).as_posix(), order.problem)
    return order


def _pack_order(section: Section, docs_dir: Path, depth: int) -> None:
    """A section's pages in the order of its folder's order file, and its title from it."""
    pages = _pages(section)
    if not pages:
        return
    folder_rel = "/".join(pages[0].file.src_uri.split("/")[:depth])
    order = _order(docs_dir / folder_rel)
    if order.names:
        section.children.sort(key=lambda child: order.rank(_name(child, depth)))
    if order.title:
        section.title = order.title
    for child in section.children:
        if isinstance(child, Section):
            _pack_order(child, docs_dir, depth + 1)


def _written(items: list[Any]) -> list[Any]:
    """The team's own pages: in the pack's order when it has order files, else the known folders first."""
    docs_dir = _docs_dir(items)
    top = _order(docs_dir) if docs_dir is not None else FolderOrder()
    if top.names:
        items.sort(key=lambda item: top.rank(_name(item, 0)))
    else:
        items.sort(key=_folder_rank)  # stable: unknown folders keep their order, after the known ones
    for item in items:
        _rename(item)
        if docs_dir is not None and isinstance(item, Section):
            _pack_order(item, docs_dir, 1)
    return items


def arrange(nav: Navigation, files: Files, labels: Labels, generated: set[str]) -> Navigation:
    items: list[Any] = []
    for key, uris in GROUPS:
        if key is None:
            items.extend(f.page for uri in uris if (f := files.get_file_from_path(uri)) and f.page)
        elif (section := _section(labels.t(key), uris, files)) is not None:
            items.append(section)
    items.extend(_written([item for item in nav.items if not _is_generated(item, generated)]))
    trailing = _section(labels.t(TRAILING[0]), TRAILING[1], files)
    if trailing is not None:
        items.append(trailing)
    _link_parents(items, None)
    pages = [page for item in items for page in _pages(item)]
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None
    return Navigation(items, pages)


def _link_parents(items: list[Any], parent: Section | None) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _link_parents(item.children, item)
