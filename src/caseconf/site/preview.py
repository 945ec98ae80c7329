"""What the form's preview pane (caseconf.editor, static/preview.js) needs to show a record, a case file or an activity as the site's page of it does.

Single source: the preview renders the site's own `caseconf/record.html`, `case.html` and
`activity.html` (and the `macros.html` they import), read through the site's template
loader, so a team's `custom_dir` override is previewed too. The browser renders them with
the vendored nunjucks, whose Jinja subset the templates keep to; autoescaping is on there as
here. The words are the site's catalogue entries for the team's language
(`caseconf.site.labels`), handed over as data; what a page derives from the other records
(a case's actions, timeline and attendance, as its page shows them) comes from this build's
`SiteData`. The Markdown minutes are rendered as the site renders them
(`caseconf.site.sanitize`): its allow-list of tags, attributes and URL schemes, its heading
demotion and its link `rel` are handed over here and applied in the browser by the vendored
markdown-it and DOMPurify. The editor plugin asks the site plugin for it
(`CaseconfPlugin.editor_preview`): the editor never imports the site.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from pathlib import Path
from typing import Any, Iterable

from ..records.repository import Repository
from .labels import UI, VOCAB, _pick
from .render import PACKAGED_TEMPLATES, template_env
from .sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, DEMOTED, EXTENSIONS, LINK_REL, URL_SCHEMES
from .views import SiteData

TEMPLATES = ("caseconf/record.html", "caseconf/case.html", "caseconf/activity.html", "caseconf/macros.html")


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


def markdown_rules() -> dict[str, Any]:
    """How the site turns minutes into HTML (site/sanitize.py), for the browser's renderer."""
    return {
        "tags": sorted(ALLOWED_TAGS),
        "attributes": {tag: sorted(names) for tag, names in sorted(ALLOWED_ATTRIBUTES.items())},
        "schemes": sorted(URL_SCHEMES),
        "demote": dict(DEMOTED),
        "rel": LINK_REL,
        "extensions": list(EXTENSIONS),
    }


def case_pages(data: SiteData) -> dict[str, dict[str, Any]]:
    """Per case with a site page, what its page derives from the records (the case file's
    own fields come from the form): timeline, plan with history, attendance, next review."""
    pages: dict[str, dict[str, Any]] = {}
    for case in data.cases:
        page = data.case_page(case)
        pages[case.id] = plain({
            "row": page["row"], "next_review": case.next_review(), "timeline": page["timeline"],
            "plan": page["plan"], "attendance": page["attendance"], "broken": page["broken"],
        })
    return pages


def plain(value: Any, key: str = "") -> Any:
    """JSON for the browser: dates as ISO text, enums as their value, no links (the preview
    is not the site: every `*uri` is left out, and the templates then print the text)."""
    if key.endswith("uri"):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): plain(v, str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "model_dump"):
        return plain(value.model_dump(mode="json"))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return plain(dataclasses.asdict(value))
    return str(value)


def preview_data(repo: Repository, *, dirs: Iterable[str | Path], site_dir: Path,
                 extra_css: Iterable[str], data: SiteData | None = None) -> dict[str, Any]:
    """`data`: the build's SiteData (the site plugin's); without it, one for today."""
    lang = repo.lang
    if data is None:
        data = SiteData(repo, as_of=dt.date.today(), suppressed={}, body_html=lambda doc: "")
    config = repo.config
    return {
        "templates": template_sources(dirs),
        "t": {key: _pick(UI, key, lang) or key for key in UI},
        "v": {key: _pick(VOCAB, key, lang) or key for key in VOCAB},
        "cases": case_actions(repo),
        "case_pages": case_pages(data),
        "case_ids": sorted(case.id for case in data.cases),
        "offices": dict(config.offices) if config is not None and config.offices else {},
        "markdown": markdown_rules(),
        "styles": stylesheets(site_dir, extra_css),
    }
