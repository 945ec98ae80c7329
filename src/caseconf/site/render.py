"""Turns page specs into Markdown stubs (for MkDocs) and HTML (for the page body).

MkDocs only ever sees a stub: safe front matter (title, tags) and a random placeholder.
The real body is rendered here from Jinja templates with autoescaping on, and swapped
in after MkDocs' Markdown step, so no record text passes through MkDocs' Markdown.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
from html import unescape
from pathlib import Path
from typing import Any, Callable, Iterable

import jinja2
from markupsafe import Markup, escape

from .charts import bar_chart
from .views import ACTIONS, CASES, STATS, TAGS, PageSpec, SiteData

PACKAGED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "site"
_HEADING = re.compile(r'<h([23]) id="([a-z0-9-]+)"[^>]*>(.*?)</h\1>', re.S)
_TAGS_MARKER = "<!-- material/tags -->"
# Between adjacent table cells and rows: the search index takes the page's text without
# tags, and "PřípadPracoviště" (cells run together) is neither found nor readable.
_CELL_GAP = re.compile(r"(</t[dhr]>)(?=<t[dhr][\s>])")
MACROS = "caseconf/macros.html"
# Pages whose tables have many columns: without the table of contents beside them they fit
# a 1280 px screen whole (the status and record columns were cut off).
WIDE_PAGES = frozenset({ACTIONS, CASES, STATS})


class InsideLoader(jinja2.FileSystemLoader):
    """A template is read only if it really lies inside the folder it was found in: a
    symbolic link in site_templates/ that leads out of it is refused, never rendered."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename)
        if not any(Path(real).is_relative_to(os.path.realpath(folder)) for folder in self.searchpath):
            raise jinja2.TemplateNotFound(f"{template}: a link leads outside its folder; refused")
        return source, filename, uptodate


def template_env(dirs: Iterable[str | Path]) -> jinja2.Environment:
    """Jinja environment for the page templates: the team's custom_dir first, then the defaults."""
    env = jinja2.Environment(
        loader=InsideLoader([str(d) for d in dirs]),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.ChainableUndefined,
        auto_reload=False)
    env.filters["iso"] = _iso
    env.filters["code_spans"] = code_spans
    return env


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def code_spans(text: object) -> Markup:
    """Our own prose (a rule's rationale) with `key` set as code, as in the methodology
    pages: escaped first, so only the backticks turn into markup."""
    return Markup(_CODE_SPAN.sub(lambda m: f"<code>{m.group(1)}</code>", str(escape(text))))


class Renderer:
    def __init__(self, env: jinja2.Environment, data: SiteData) -> None:
        self.env = env
        self.data = data
        self.token = f"CASECONF{secrets.token_hex(12)}"
        self._url: Callable[..., str | None] = lambda uri, anchor=None: None
        labels = data.labels
        # Globals, so that imported macro modules are compiled once, not once per page;
        # `url` follows the page being rendered.
        env.globals.update({
            "t": labels.t, "v": labels.v, "url": lambda uri, anchor=None: self._url(uri, anchor),
            "team": data.team, "as_of": data.as_of, "lang": data.repo.lang,
            "office_label": data.office_label, "owner_label": data.owner_label,
            "chart": lambda rows, title: Markup(bar_chart(rows, title=title)),
        })
        # `h`: the small macros of caseconf/macros.html that every page calls many times
        # (link, status, date, heading, person), done in Python: a Jinja macro call costs
        # more than the markup it makes. A team that overrides macros.html gets its own.
        env.globals["h"] = FastMacros(labels.v, self._link_url)
        if not _packaged(env, MACROS):
            env.globals["h"] = env.get_template(MACROS).module

    def _link_url(self, uri: str) -> str | None:
        return self._url(uri)

    def stub(self, spec: PageSpec) -> str:
        # JSON is YAML: the title and tags are quoted safely without a YAML dump per page.
        # generated pages are mostly wide tables: give them the left sidebar's width too
        hide = '["navigation", "toc"]' if spec.src_uri in WIDE_PAGES else '["navigation"]'
        lines = [f"title: {json.dumps(spec.title, ensure_ascii=False)}", f"hide: {hide}"]
        if spec.tags:
            lines.append(f"tags: {json.dumps(spec.tags, ensure_ascii=False)}")
        return "---\n" + "\n".join(lines) + f"\n---\n\n{self.stub_body(spec)}"

    def stub_body(self, spec: PageSpec) -> str:
        """The Markdown of a stub below its front matter (what on_page_markdown is given)."""
        body = f"{self.token}\n"
        if spec.src_uri == TAGS:
            body += f"\n{_TAGS_MARKER}\n"
        return body

    def placeholder(self) -> str:
        return f"<p>{self.token}</p>"

    def render(self, spec: PageSpec, url: Callable[..., str | None]) -> str:
        self._url = url
        context = {"title": spec.title, "page_uri": spec.src_uri, **spec.context()}
        return _CELL_GAP.sub(r"\1 ", self.env.get_template(spec.template).render(**context))


def _packaged(env: jinja2.Environment, name: str) -> bool:
    """Whether `name` comes from the templates shipped with caseconf (not a team override)."""
    try:
        _source, filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
    except jinja2.TemplateNotFound:
        return True
    return filename is not None and Path(filename).resolve().is_relative_to(PACKAGED_TEMPLATES)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else (value or "")


class FastMacros:
    """The same markup as the macros of the same names in caseconf/macros.html (keep them in
    step: tests/site compare the two), escaped the way Jinja's autoescape does."""

    __slots__ = ("_v", "_url")

    def __init__(self, v: Callable[[Any], str], url: Callable[[str], str | None]) -> None:
        self._v = v
        self._url = url

    def link(self, uri: Any, text: Any) -> Markup:
        href = self._url(uri) if uri else None
        if href:
            return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')
        return escape(text)

    def status(self, value: Any, overdue_days: Any = 0) -> Markup:
        if overdue_days and overdue_days > 0:
            return Markup(f'<span class="caseconf-status caseconf-status--overdue">{escape(self._v("overdue"))} '
                          f'({escape(overdue_days)})</span>')
        return Markup(f'<span class="caseconf-status caseconf-status--{escape(value)}">{escape(self._v(value))}</span>')

    def date(self, value: Any) -> Markup:
        if value:
            iso = escape(_iso(value))
            return Markup(f'<time datetime="{iso}">{iso}</time>')
        return Markup("–")

    def heading(self, level: Any, anchor: Any, text: Any) -> Markup:
        level = escape(level)
        return Markup(f'<h{level} id="{escape(anchor)}">{escape(text)}</h{level}>')

    def person(self, p: Any) -> Markup:
        get = p.get if isinstance(p, dict) else lambda name: getattr(p, name, None)
        parts = [escape(self._v(get("role")))]
        ref, title, org = get("ref"), get("title"), get("org")
        if ref:
            parts.append(f" <strong>{escape(ref)}</strong>")
        if title:
            parts.append(f" ({escape(title)})")
        if org:
            parts.append(f", {escape(org)}")
        return Markup("".join(parts))


def toc_tokens(html: str) -> list[dict[str, Any]]:
    """Table-of-contents entries of our own h2/h3 headings (their text is ours, already escaped)."""
    tokens: list[dict[str, Any]] = []
    for level, anchor, inner in _HEADING.findall(html):
        text = re.sub(r"<[^>]+>", "", inner).strip()
        token = {"level": int(level), "id": anchor, "name": text, "html": text, "data-toc-label": unescape(text),
                 "children": []}
        if level == "3" and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens
