"""`caseconf-editor`: a small MkDocs plugin that adds the web form (`admin/`) to the site.

Thin on purpose: the configuration comes from `caseconf.editor.config`, the files from
`caseconf.editor.assets`. It runs after the build, so it never touches the pages of the
`caseconf` plugin; with no `editor:` section in caseconf.yml it does nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from ..records.repository import Repository, load_config
from . import assets
from .config import build_decap_config

log = logging.getLogger("mkdocs.plugins.caseconf-editor")


def write_form(site_dir: Path, repo: Repository, decap: dict[str, Any], *, title: str,
               preview: dict[str, Any] | None = None) -> None:
    """admin/: Decap, the form's code, its checks generated from the registries, and what
    the preview pane needs to show a record as the site's record page does (from the site
    plugin; without it the pane shows Decap's plain preview)."""
    from .checks import browser_checks

    assets.write_admin(site_dir, decap, browser_checks(repo, decap), title=title, lang=repo.lang, preview=preview)


class EditorPluginConfig(Config):
    root = config_options.Optional(config_options.Type(str))  # the team repository (default: mkdocs.yml's folder)
    always = config_options.Type(bool, default=False)  # build admin/ even without an editor: section


class EditorPlugin(BasePlugin[EditorPluginConfig]):
    def writes_form(self, settings: Any) -> bool:
        """Whether this build writes admin/: the team's caseconf.yml has an `editor:` section
        (or the plugin's `always` is on). The site plugin asks this too (its preview files)."""
        return settings is not None and (settings.editor is not None or bool(self.config.always))

    def on_post_build(self, *, config: Any) -> None:
        root = (Path(self.config.root) if self.config.root else Path(config.config_file_path).parent).resolve()
        shared = _site_repository(config, root)
        # settings first: a team without the editor should not pay for loading every record
        config_doc = shared.config_doc if shared is not None else load_config(root)
        settings = config_doc.model if config_doc is not None else None
        if not self.writes_form(settings):
            log.info("caseconf-editor: no `editor:` in caseconf.yml, so no admin/ page")
            return
        repo = shared if shared is not None else Repository.load(root)
        team = repo.config
        assert team is not None  # loaded above
        decap = build_decap_config(repo)
        write_form(Path(config.site_dir), repo, decap, title=f"{team.team} – editor",
                   preview=_site_preview(config, repo))
        log.info("caseconf-editor: admin/ written (%d collections)", len(decap["collections"]))


def _site_repository(config: Any, root: Path) -> Repository | None:
    """The model the `caseconf` site plugin loaded for this build, when it serves the same
    repository: one model per build (each record read and validated once)."""
    plugins = getattr(config, "plugins", None)
    site = plugins.get("caseconf") if plugins is not None else None
    repo = getattr(site, "repo", None)
    if isinstance(repo, Repository) and repo.root == root:
        return repo
    return None


def _site_preview(config: Any, repo: Repository) -> dict[str, Any] | None:
    """The record page's template, words and the case's actions for the preview pane, from
    the `caseconf` site plugin of this build (the site owns its template and words)."""
    plugins = getattr(config, "plugins", None)
    site = plugins.get("caseconf") if plugins is not None else None
    make = getattr(site, "editor_preview", None)
    if make is None:
        return None
    result: dict[str, Any] = make(repo, dirs=list(config.theme.dirs), site_dir=Path(config.site_dir),
                                  extra_css=[str(css) for css in config.extra_css])
    return result
