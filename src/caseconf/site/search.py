"""Search as people type: the theme's search, told to use caseconf's lunr "language".

Czech and Montenegrin users often type without diacritics (on phones especially) and in
any inflected form. lunr has no stemmer for either language, so the theme's search found
`úkol` but not `ukol`, and `plán` but not `plánu`. The theme's search worker loads
`assets/javascripts/lunr/min/lunr.<lang>.min.js` for each search language; caseconf ships
`lunr.caseconf.min.js` (in its theme folder), which folds diacritics in the index and in
the query and strips common endings of the query, which the theme then matches as a prefix.
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

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
