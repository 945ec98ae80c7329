"""Search as people type: the theme's search, told to use caseconf's lunr "language".

Czech and Montenegrin users often type without diacritics (on phones especially) and in
any inflected form. lunr has no stemmer for either language, so the theme's search found
`úkol` but not `ukol`, and `plán` but not `plánu`. The theme's search worker loads
`assets/javascripts/lunr/min/lunr.<lang>.min.js` for each search language; caseconf ships
`lunr.caseconf.min.js` (in its theme folder), which folds diacritics in the index and in
the query and strips common endings of the query, which the theme then matches as a prefix.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.caseconf")

SEARCH_LANGUAGE = "caseconf"
# Team languages whose words carry diacritics and endings (English keeps lunr's own search).
FOLDED_LANGUAGES = frozenset({"cs", "sr-Latn"})
# What a team may have written for such a language ("en": "index words as written").
REPLACEABLE = frozenset({"en", "cs", "sh", "sr", "hr", "bs"})


def use_folding_search(config: MkDocsConfig, team_language: str | None) -> None:
    """Point the search plugin at caseconf's language when the team writes Czech or sr-Latn.

    Runs before the search plugin's own on_config, which keeps a language already set."""
    if team_language not in FOLDED_LANGUAGES:
        return
    plugin = _search_plugin(config)
    if plugin is None:
        return
    languages = list(plugin.config.get("lang") or [])
    if languages and not set(languages) <= REPLACEABLE | {SEARCH_LANGUAGE}:
        log.info("caseconf: search.lang %s kept as the team set it (no folding of diacritics)", languages)
        return
    plugin.config["lang"] = [SEARCH_LANGUAGE]


def _search_plugin(config: MkDocsConfig) -> Any:
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "search" and hasattr(plugin, "config"):
            return plugin
    return None


def search_plugin(config: MkDocsConfig) -> Any:
    """The theme's search plugin of this build, if it has one."""
    return _search_plugin(config)


# ---------------------------------------------------------------- the index, written as it grows
# The theme's search plugin keeps every page's entries (some 30 per case) as dicts until the
# end, then makes the whole index one JSON string, and its offline plugin reads that file
# back whole to write it again as a script: at 10,000 cases that was about 1 GB at once.
# Here each page's entries become JSON text as soon as the page is indexed (in a temporary
# file), and both files are written from that text in pieces. The bytes are the same.
_SEPARATORS = (",", ":")  # as the theme's generate_search_index
_CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")
_CHUNK = 1 << 20
OFFLINE_PREFIX = "var __index = "


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=_SEPARATORS, default=str)


class _Spool:
    """Search entries as the comma-separated JSON of the index's `docs` list."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        self.count = 0

    def add(self, entries: list[Any]) -> None:
        for entry in entries:
            self.file.write("," + _dumps(entry) if self.count else _dumps(entry))
            self.count += 1

    def copy_to(self, out: Any) -> None:
        self.file.flush()
        self.file.seek(0)
        shutil.copyfileobj(self.file, out, _CHUNK)

    def close(self) -> None:
        self.file.close()


def _material(plugin: Any, module: str) -> bool:
    return plugin is not None and type(plugin).__module__ == f"material.plugins.{module}.plugin"


def _replace_event(config: MkDocsConfig, event: str, plugin: Any, handler: Callable[..., Any]) -> bool:
    """Put `handler` where `plugin`'s own method of `event` runs (same place in the order)."""
    methods = config.plugins.events.get(event, [])
    for position, method in enumerate(methods):
        if getattr(method, "__self__", None) is plugin:
            origin = config.plugins._event_origins.get(method)
            handler.mkdocs_priority = getattr(method, "mkdocs_priority", 0)  # type: ignore[attr-defined]
            methods[position] = handler
            if origin is not None:
                config.plugins._event_origins[handler] = origin
            return True
    return False


Produce = Callable[[Page], list[Any]]


def settings_key(config: MkDocsConfig, build: str) -> str:
    """What every page's entries depend on besides the page: the search plugin's options
    and the build's settings and templates (`build`, see the site plugin's `_build_key`)."""
    plugin = _search_plugin(config)
    options = sorted(dict(plugin.config).items()) if plugin is not None else []
    return f"{build}\0{options!r}"


def page_key(page: Page, settings: str) -> str:
    """A digest of everything the theme's indexer reads of `page` (material's
    `SearchIndex.add_entry_from_context`): the same digest, the same entries."""
    import hashlib

    digest = hashlib.sha1(settings.encode("utf-8", "surrogatepass"))
    meta = page.meta
    for part in (page.url, repr(meta.get("title", page.title)), repr(meta.get("tags")),
                 repr(meta.get("search")), page.content or ""):
        digest.update(b"\0" + str(part).encode("utf-8", "surrogatepass"))
    stack = list(page.toc or [])
    while stack:  # an entry's address is its section's toc entry
        item = stack.pop()
        digest.update(f"\0{item.id}\0{item.url}".encode("utf-8", "surrogatepass"))
        stack.extend(item.children)
    return digest.hexdigest()


def write_index_as_it_grows(config: MkDocsConfig, reuse: Callable[[Page, Produce], list[Any]] | None = None) -> bool:
    """Take over writing the theme's search index (and its offline copy) for this build.

    `reuse(page, produce)`: the page's entries, kept from the last build or made by
    `produce(page)` (the rebuild cache under `mkdocs serve`). Not under `serve --dirty`,
    where the theme merges the index of the last build itself. False: left as it was."""
    plugin = _search_plugin(config)
    index = getattr(plugin, "search_index", None)
    if not _material(plugin, "search") or getattr(plugin, "is_dirty", True) or index is None \
            or not isinstance(getattr(index, "entries", None), list) or not hasattr(index, "add_entry_from_context"):
        return False
    spool = _Spool()
    original = index.add_entry_from_context

    def produce(page: Page) -> list[Any]:
        start = len(index.entries)
        original(page)
        made = index.entries[start:]
        del index.entries[start:]
        return made

    def add_entry_from_context(page: Page) -> None:
        spool.add(reuse(page, produce) if reuse is not None else produce(page))

    def on_post_build(*, config: MkDocsConfig) -> None:
        try:
            if not plugin.config.enabled:
                return
            spool.add(index.entries)  # entries another plugin added itself
            index.entries.clear()
            path = os.path.join(config.site_dir, "search", "search_index.json")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            settings = {key: index.config[key] for key in _CONFIG_KEYS}
            with open(path, "w", encoding="utf-8", newline="") as out:
                out.write('{"config":' + _dumps(settings) + ',"docs":[')
                spool.copy_to(out)
                out.write("]}")
        finally:
            spool.close()

    if not _replace_event(config, "post_build", plugin, on_post_build):
        spool.close()
        return False
    index.add_entry_from_context = add_entry_from_context
    offline = next((p for name, p in config.plugins.items() if name.split("/")[-1] == "offline"), None)
    if _material(offline, "offline"):
        _replace_event(config, "post_build", offline, _offline_copy(offline))
    return True


def _offline_copy(offline: Any) -> Callable[..., None]:
    """The theme's offline plugin inlines the index into a script: the same file, copied in
    pieces instead of read whole and formatted into one more string."""

    def on_post_build(*, config: MkDocsConfig) -> None:
        if not offline.config.enabled:
            return
        folder = os.path.join(config.site_dir, "search")
        source = os.path.join(folder, "search_index.json")
        if not os.path.isfile(source):
            return
        with open(source, encoding="utf-8") as data, \
                open(os.path.join(folder, "search_index.js"), "w", encoding="utf-8") as out:
            out.write(OFFLINE_PREFIX)
            shutil.copyfileobj(data, out, _CHUNK)

    return on_post_build
