"""What the form's preview pane (caseconf.editor, static/preview.js) needs to show a record, a case file or an activity as the site's page of it does.

Single source: the preview renders the site's own `caseconf/record.html`, `case.html` and
`activity.html` (and the `macros.html` they import), read through the site's template
loader, so a team's `custom_dir` override is previewed too. The browser renders them with
the vendored nunjucks, whose Jinja subset the templates keep to; autoescaping is on there as
here. The words are the site's catalogue entries for the team's language
(`caseconf.site.labels`), handed over as data; what a page derives from the other records
(a case's actions, timeline and attendance, as its page shows them) is one small file per
case (`write_case_preview`), written by the site plugin from the data it renders that case's
page with, and fetched by the preview of that case's records and case file: the form's page
stays the same size however many cases the team keeps. The Markdown minutes are rendered as the site renders them
(`caseconf.site.sanitize`): its allow-list of tags, attributes and URL schemes, its heading
demotion and its link `rel` are handed over here and applied in the browser by the vendored
markdown-it and DOMPurify. The editor plugin asks the site plugin for it
(`CaseconfPlugin.editor_preview`): the editor never imports the site.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import os
import re
from pathlib import Path
from typing import Any, Iterable

from ..records.repository import Case, Repository
from .labels import UI, VOCAB, _pick
from .render import PACKAGED_TEMPLATES, template_env
from .sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, DEMOTED, EXTENSIONS, LINK_REL, URL_SCHEMES

TEMPLATES = ("caseconf/record.html", "caseconf/case.html", "caseconf/activity.html", "caseconf/macros.html")


def template_sources(dirs: Iterable[str | Path]) -> dict[str, str]:
    env = template_env(list(dirs) + [PACKAGED_TEMPLATES])
    sources = {}
    for name in TEMPLATES:
        source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
        sources[name] = source
    return sources


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


# One small file per case beside the form (admin/preview/<case id>.json), fetched by the
# preview of that case's record or case file: the form's page stays the same size however
# many cases the team keeps (issue 19), and each file is written as the site's case page is,
# from the same `SiteData.case_page` result (never derived twice).
CASE_FILES = "admin/preview"
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def case_preview(case: Case, page: dict[str, Any]) -> dict[str, Any]:
    """What the preview of one case's record or case file takes from the build: each action's
    text and current state (the record page's "status" column and the evaluation's "what"
    column) and what the case page derives from the records (the case file's own fields come
    from the form): timeline, plan with history, attendance, next review."""
    return plain({
        "actions": {item["id"]: {"do": item["do"], "status": item["status"]} for item in page["plan"]},
        "page": {"row": page["row"], "next_review": case.next_review(), "timeline": page["timeline"],
                 "plan": page["plan"], "attendance": page["attendance"], "broken": page["broken"]},
    })


def case_file_name(case_id: str) -> str | None:
    """The case's file under CASE_FILES, or None for an id that is not a plain file name."""
    return f"{case_id}.json" if _SAFE_ID.match(case_id) else None


def case_preview_text(case: Case, page: dict[str, Any]) -> str:
    return json.dumps(case_preview(case, page), ensure_ascii=False, separators=(",", ":"))


def write_case_preview(site_dir: Path, case_id: str, text: str) -> None:
    """Atomically: a form open while `mkdocs serve` rebuilds never reads half a file."""
    name = case_file_name(case_id)
    if name is None:
        return
    folder = site_dir / CASE_FILES
    folder.mkdir(parents=True, exist_ok=True)
    # not tempfile.mkstemp: its 0600 file would be unreadable to the web server; this one
    # gets the umask's mode, as every other file of the site
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, folder / name)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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
                 extra_css: Iterable[str]) -> dict[str, Any]:
    """The same size whatever the number of cases: each case's part is its own file
    (`case_files`, relative to admin/index.html; see `write_case_preview`)."""
    lang = repo.lang
    config = repo.config
    return {
        "templates": template_sources(dirs),
        "t": {key: _pick(UI, key, lang) or key for key in UI},
        "v": {key: _pick(VOCAB, key, lang) or key for key in VOCAB},
        "case_files": CASE_FILES.removeprefix("admin/") + "/",
        "offices": dict(config.offices) if config is not None and config.offices else {},
        "markdown": markdown_rules(),
        "styles": stylesheets(site_dir, extra_css),
    }
