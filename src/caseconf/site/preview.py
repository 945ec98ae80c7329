"""What the record form's preview pane (caseconf.editor, static/preview.js) needs to show a record as the site's record page does.

Single source: the preview renders the site's own `caseconf/record.html` (and the
`macros.html` it imports), read through the site's template loader, so a team's
`custom_dir` override is previewed too. The browser renders it with the vendored nunjucks,
whose Jinja subset the template keeps to; autoescaping is on there as here. The words are
the site's catalogue entries for the team's language (`caseconf.site.labels`), handed over
as data, and the case's derived actions (their text and current state, as the record page
shows them) come from the repository model of this build. The editor plugin asks the
site plugin for it (`CaseconfPlugin.editor_preview`): the editor never imports the site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from ..records.repository import Repository
from .labels import UI, VOCAB, _pick
from .render import PACKAGED_TEMPLATES, template_env

TEMPLATES = ("caseconf/record.html", "caseconf/macros.html")


def template_sources(dirs: Iterable[str | Path]) -> dict[str, str]:
    env = template_env(list(dirs) + [PACKAGED_TEMPLATES])
    sources = {}
    for name in TEMPLATES:
        source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
        sources[name] = source
    return sources


def case_actions(repo: Repository) -> dict[str, dict[str, dict[str, Any]]]:
    """Per case, each action's text and current state (the record page's "status" column
    and the evaluation's "what" column)."""
    cases: dict[str, dict[str, dict[str, Any]]] = {}
    for case_id, case in repo.cases.items():
        cases[case_id] = {state.id: {"do": state.do, "status": state.status} for state in case.actions().values()}
    return cases


def stylesheets(site_dir: Path, extra_css: Iterable[str]) -> list[str]:
    """The site's own CSS (the theme's generated main and palette sheets, then the extra
    sheets), as paths relative to admin/index.html; files of the built site only."""
    theme = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "assets" / "stylesheets").glob("*.css"))
    extra = [css for css in extra_css if not css.startswith(("http:", "https:", "//")) and (site_dir / css).is_file()]
    return [f"../{path}" for path in theme + [c for c in extra if c not in theme]]


def preview_data(repo: Repository, *, dirs: Iterable[str | Path], site_dir: Path,
                 extra_css: Iterable[str]) -> dict[str, Any]:
    lang = repo.lang
    return {
        "templates": template_sources(dirs),
        "t": {key: _pick(UI, key, lang) or key for key in UI},
        "v": {key: _pick(VOCAB, key, lang) or key for key in VOCAB},
        "cases": case_actions(repo),
        "styles": stylesheets(site_dir, extra_css),
    }
