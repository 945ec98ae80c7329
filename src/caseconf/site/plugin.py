"""The `caseconf` MkDocs plugin: events only.

Collect early (`on_files`: model, guard, virtual pages), arrange the navigation late
(`on_nav`), render each generated page once MkDocs has processed its stub
(`on_page_content`). What the pages contain lives in `views` and the templates; how
untrusted text becomes HTML lives in `sanitize`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from ..errors import CaseconfError
from ..records.findings import Finding
from ..records.paths import RECORDS_DIR
from ..records.repository import LoadedDoc, Repository, load_config
from . import cache, guard, nav, search
from .config import CaseconfConfig
from .documents import add_documents
from .render import PACKAGED_TEMPLATES, Renderer, template_env, toc_tokens
from .sanitize import escape_text, escape_title, html_text, render_untrusted, sanitize_page_html
from .views import CSV_URI, ICS_URI, TAGS, PageSpec, SiteData

log = logging.getLogger("mkdocs.plugins.caseconf")

THEME_LANGUAGES = {"cs": "cs", "sr-Latn": "sh", "en": "en"}  # material has no sr-Latn; sh is Latin
ASSETS_CSS = ("assets/caseconf/caseconf.css", "assets/caseconf/print.css")
ASSETS_JS = ("assets/caseconf/caseconf.js",)
# Named so that the theme's offline plugin sees an iframe-worker shim and adds no CDN script.
WORKER_SHIM = "assets/caseconf/iframe-worker.js"


class CaseconfPlugin(BasePlugin[CaseconfConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.root: Path | None = None
        self.renderer: Renderer | None = None
        self.specs: dict[str, PageSpec] = {}
        self.pending: guard.PendingScan | None = None
        self.published: list = []  # personal-data findings in the written pages (methodology/)
        self.lang = "en"
        # One model per build: caseconf.yml read once (on_config), the records once (on_files);
        # the editor plugin takes `repo` from here through MkDocs' plugin collection.
        self.config_doc: LoadedDoc | None = None
        self.repo: Repository | None = None
        # The rebuild cache (`mkdocs serve`): each generated page's body, themed page and
        # print-ready documents, kept in the model cache under a digest of what they are made of.
        self.entry: cache.Entry | None = None
        self.digests: dict[str, str] = {}
        self.nav_key = ""
        self.fresh: set[str] = set()  # pages themed in this build (their output is kept)
        self.files: Files | None = None  # this build's files (links of the bodies rendered late)
        self.preview_site: Path | None = None  # the site, when the form's preview files go there

    # ---------------------------------------------------------------- configuration
    @event_priority(100)  # before the theme's own plugins read theme.language
    def editor_preview(self, repo: Repository, *, dirs: list[str], site_dir: Path,
                       extra_css: list[str]) -> dict[str, Any]:
        """For the record form's preview pane (caseconf.editor): the record page's own
        template, the site's words and the case's actions (site/preview.py)."""
        from .preview import preview_data

        return preview_data(repo, dirs=dirs, site_dir=site_dir, extra_css=extra_css)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        _visible_logs()
        base = Path(config.config_file_path or ".").resolve().parent
        self.root = (base / self.config.root).resolve() if self.config.root else base
        self.config_doc = load_config(self.root)
        lang = _team_language(self.config_doc)
        self.lang = lang or "en"
        _refuse("nothing read from outside", guard.outside_config(self.root, config, self.lang))
        if self.config.theme_language and lang:
            config.theme["language"] = THEME_LANGUAGES.get(lang, "en")
        search.use_folding_search(config, lang)  # diacritics and endings as people type them
        if str(PACKAGED_TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(PACKAGED_TEMPLATES))
        for css in ASSETS_CSS:
            if css not in config.extra_css:
                config.extra_css.append(css)
        polyfills = config.extra.get("polyfills") or []
        if not any("iframe-worker" in str(url) for url in polyfills):
            config.extra["polyfills"] = [WORKER_SHIM, *polyfills]
        for js in ASSETS_JS:
            if js not in [str(item) for item in config.extra_javascript]:
                config.extra_javascript.append(js)
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Under serve (this instance then lasts the whole session) each generated page's
        # output is kept for the next rebuild; a single build keeps nothing.
        cache.SERVING = command == "serve"

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled and self.root is not None:
            for path in (self.root / "records", self.root / "caseconf.yml"):
                if path.exists():
                    server.watch(str(path))
        return server

    # ---------------------------------------------------------------- collect
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.root is None:
            return None
        refused = guard.refused_sources(self.root, files, config.docs_dir, self.lang)
        for file, _finding in refused:
            files.remove(file)  # never read, never published
        _refuse("nothing read from there", [finding for _file, finding in refused])
        # A first build of a large repository scans every file in a second process: start
        # that process now, so that its interpreter is up by the time the model has loaded.
        prewarmed = guard.Prewarmed(self.lang) if self.config.pii_guard and cache.stats(self.root) is None \
            and _many_records(self.root) else None
        try:
            entry, changes = cache.load(self.root, self.config_doc)
        except BaseException as exc:
            if prewarmed is not None:
                prewarmed.close()
            if isinstance(exc, CaseconfError):
                raise PluginError(f"caseconf: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")) from None
            raise
        if self.config.pii_guard:
            # the written pages are published as they are: the same guard as the records
            words = entry.repo.config.pii_allow_words() if entry.repo.config else []
            published = guard.published_sources(self.root, files, config.docs_dir)
            self.published = guard.scan_published(self.root, published, words, entry.repo.lang)
            # A large scan runs in a second process while pages render; on_env awaits it
            # before MkDocs writes any page. A small one finishes here.
            self.pending = guard.start_pii(entry, changes, prewarmed)
            if self.pending.future is None:
                self._stop_on_personal_data()
        elif prewarmed is not None:
            prewarmed.close()
        self.repo = entry.repo
        self.entry = entry if cache.SERVING else None
        self.fresh = set()
        build_key = self._build_key(config)
        self.digests = cache.digests(entry.repo, build_key)
        suppressed = guard.update_suppressed(entry, changes)
        data = SiteData(entry.repo, as_of=self._as_of(), suppressed=suppressed,
                        body_html=lambda doc: _body_html(entry, doc))
        # A record that cannot be read stays on the pages as a banner; as a warning it also
        # stops `mkdocs build --strict` (`caseconf site build --strict`, the generated CI).
        for broken in data.broken:
            log.warning("caseconf: %s cannot be read, so the pages that would count it are incomplete: %s",
                        broken.path, broken.finding.to_text())
        templates = template_env(config.theme.dirs)
        cache.share_compiled_templates(templates)
        self.renderer = Renderer(templates, data)
        self.preview_site = Path(config.site_dir) if _has_form(config, entry.repo) else None
        self.specs = {}
        for spec in data.pages():
            self.specs[spec.src_uri] = spec
            _replace(files, File.generated(
                config, spec.src_uri, content=self.renderer.stub(spec),
                inclusion=InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV))
        self._downloads(files, config, data)
        self._documents(files, config, data)
        self._search_entries(config, build_key)
        if self.entry is None:
            _drop_texts(entry.repo)
        return files

    def _search_entries(self, config: MkDocsConfig, build_key: str) -> None:
        """The theme's search index, written page by page (search.py). Under serve, a page's
        entries are kept with a digest of what the theme's indexer reads of the page (its
        HTML, table of contents, address, title, tags and search settings): parsing every
        page's HTML again was the largest part of a rebuild, and most pages, the indexes
        and the methodology included, come out the same after a one-record edit."""
        if self.entry is None:
            search.write_index_as_it_grows(config)
            return
        kept = self.entry.search
        settings = search.settings_key(config, build_key)

        def reuse(page: Page, produce: search.Produce) -> list[Any]:
            key = search.page_key(page, settings)
            cached = kept.get(page.file.src_uri)
            if cached is not None and cached[0] == key:
                return cached[1]
            made = produce(page)
            kept[page.file.src_uri] = (key, made)
            return made

        search.write_index_as_it_grows(config, reuse)

    def _stop_on_personal_data(self) -> None:
        pending, self.pending = self.pending, None
        errors = guard.finish_pii(pending) if pending is not None else []
        errors += [finding for finding in self.published if finding.severity == "error"]
        self.published = []
        if errors:
            lines = "\n".join(f"  {finding.to_text()}" for finding in sorted(set(errors), key=Finding.sort_key))
            raise PluginError(f"caseconf: personal data found, the site is not built:\n{lines}\n"
                              "  -> anonymise these places (roles and short references only), "
                              "then build again; `caseconf pii` lists the same findings")

    @event_priority(100)  # before any page is written
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self._stop_on_personal_data()
        cache.share_compiled_templates(env)  # the theme's templates, compiled once per serve
        return env

    def on_build_error(self, *, error: Exception) -> None:
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None

    def _build_key(self, config: MkDocsConfig) -> str:
        """What every page depends on besides the records: the day, the settings (mkdocs.yml,
        this plugin's options) and every template (the theme's, the team's, the documents')."""
        from ..docs.layout import template_dirs

        try:
            settings = Path(config.config_file_path or "").read_text(encoding="utf-8", errors="replace")
        except OSError:
            settings = ""
        # docs_dir too: the written pages' titles are in every page's navigation
        folders = [*config.theme.dirs, *template_dirs(self.root), config.docs_dir]
        return "\0".join([self._as_of().isoformat(), self.lang, repr(sorted(dict(self.config).items())),
                          settings, cache.tree_stamp(folders)])

    def _key(self, spec: PageSpec) -> str:
        return self.digests.get(spec.depends or cache.ALL) or self.digests[cache.ALL]

    def _as_of(self) -> dt.date:
        if not self.config.as_of:
            return dt.date.today()
        try:
            return dt.date.fromisoformat(self.config.as_of)
        except ValueError:
            raise PluginError(f"caseconf: as_of '{self.config.as_of}' is not a date; write YYYY-MM-DD") from None

    def _downloads(self, files: Files, config: MkDocsConfig, data: SiteData) -> None:
        from ..index.export import actions_csv, calendar_ics

        # in the team's language, as `caseconf actions --format csv|ics` writes them
        _replace(files, File.generated(config, CSV_URI, content=actions_csv(data.actions, bom=True, lang=self.lang)))
        _replace(files, File.generated(config, ICS_URI, content=calendar_ics(data.actions, data.reviews,
                                                                              team=data.team, lang=self.lang)))

    def _documents(self, files: Files, config: MkDocsConfig, data: SiteData) -> None:
        kept = self.entry.documents if self.entry is not None else None  # under serve only
        add_documents(files, config, data, self.digests, kept, _replace)  # type: ignore[arg-type]

    # ---------------------------------------------------------------- arrange
    def on_nav(self, navigation: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return None
        if self.specs and self.renderer is not None and not config.nav:  # a team's own nav is kept
            navigation = nav.arrange(navigation, files, self.renderer.data.labels, set(self.specs))
        _plain_section_titles(navigation.items)  # folder names are file names too
        self.nav_key = _nav_key(navigation.items)
        return navigation

    # ---------------------------------------------------------------- render
    @event_priority(100)  # before the theme's tags plugin collects the tags
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.root is None:
            return None
        tags = page.meta.get("tags")
        if isinstance(tags, list):
            page.meta["tags"] = [escape_text(tag) for tag in tags if isinstance(tag, (str, int, float))]
        if page.file.src_uri not in self.specs:
            _guard_render(page, self.root, self.lang)
        elif page.file.src_uri != TAGS and self.renderer is not None \
                and markdown.strip() == self.renderer.stub_body(self.specs[page.file.src_uri]).strip():
            _ready_html(page, self.renderer.placeholder())  # nothing in the stub for Markdown to do
        return None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        spec = self.specs.get(page.file.src_uri)
        if spec is None or self.renderer is None:
            # a written page (methodology/): its HTML comes from MkDocs' Markdown with raw HTML
            _plain_titles(page, generated=False)
            return sanitize_page_html(html)
        _plain_titles(page, generated=True)
        placeholder = self.renderer.placeholder()
        if placeholder not in html:
            raise PluginError(f"caseconf: the page stub of {spec.src_uri} was changed by another plugin")
        key = self._key(spec)
        self._themed_before(page, key)
        if spec.src_uri == TAGS:
            # The tags plugin marks where its listing goes with a heading of the stub and finds
            # it again in the table of contents: keep that entry, or the tags page stays empty.
            body, toc = self._body(spec, page, files, key)
            toc.items.extend(page.toc)
            page.toc = toc
            return html.replace(placeholder, body, 1)
        # Every other generated page gets its body when it is written (`on_page_context`):
        # MkDocs keeps every page's content from now until the last page is written, and
        # 10,000 cases make some 40,000 pages.
        self.files = files
        return html

    def _body(self, spec: PageSpec, page: Page, files: Files, key: str) -> tuple[str, Any]:
        """The page's body and its table of contents (of our own headings, already escaped)."""

        def url(uri: str, anchor: str | None = None) -> str | None:
            path, _, fragment = uri.partition("#")
            target = files.get_file_from_path(path)
            if target is None:
                return None
            fragment = anchor or fragment
            return get_relative_url(target.url, page.file.url) + (f"#{fragment}" if fragment else "")

        assert self.renderer is not None
        kept = self.entry.pages if self.entry is not None else {}  # under serve only
        cached = kept.get(spec.src_uri)
        spec, unwritten = self._with_preview(spec, key)
        if cached is not None and cached[0] == key:  # made of the same texts as last time
            body, tokens = cached[1], cached[2]
            if unwritten:
                spec.context()
        else:
            body = self.renderer.render(spec, url)
            tokens = toc_tokens(body)
            if self.entry is not None:
                kept[spec.src_uri] = (key, body, tokens)
        return body, get_toc(tokens)

    def _with_preview(self, spec: PageSpec, key: str) -> tuple[PageSpec, bool]:
        """A case page's spec whose context also writes the form's preview file of the case
        (site/preview.py): the case page's data, derived once for both, and let go with the
        page. Under serve the file's text is kept, so an unchanged case is not derived again;
        True when the file is still to be written (by calling the context)."""
        repo = self.repo
        if self.preview_site is None or repo is None or spec.template != "caseconf/case.html" \
                or spec.depends not in repo.cases:
            return spec, False
        from .preview import case_preview_text, write_case_preview

        site, case = self.preview_site, repo.cases[spec.depends]
        kept = self.entry.previews if self.entry is not None else None
        cached = kept.get(case.id) if kept is not None else None
        if kept is not None and cached is not None and cached[0] == key:
            write_case_preview(site, case.id, cached[1])
            return spec, False
        make = spec.context

        def context() -> dict[str, Any]:
            page = make()
            text = case_preview_text(case, page)
            write_case_preview(site, case.id, text)
            if kept is not None:
                kept[case.id] = (key, text)
            return page

        return dataclasses.replace(spec, context=context), True

    def _themed_before(self, page: Page, key: str) -> None:
        """The theme's page, when nothing it is made of changed (this page's inputs, the
        navigation, the settings and templates): written as it was, without rendering the
        theme again. MkDocs picks the template before `on_page_context`, so it is set here."""
        if self.entry is None:
            return
        cached = self.entry.outputs.get(page.file.src_uri)
        if cached is not None and cached[0] == self._output_key(page, key):
            page.meta["template"] = KEPT_TEMPLATE
        else:
            self.fresh.add(page.file.src_uri)

    def _output_key(self, page: Page, key: str) -> str:
        return f"{key}\0{self.nav_key}\0{page.url}"

    @event_priority(100)  # before the search plugin indexes the page's content
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        spec = self.specs.get(page.file.src_uri)
        if spec is None or self.renderer is None or spec.src_uri == TAGS or self.files is None:
            return context
        body, page.toc = self._body(spec, page, self.files, self._key(spec))
        page.content = (page.content or "").replace(self.renderer.placeholder(), body, 1)
        if self.entry is not None and page.meta.get("template") == KEPT_TEMPLATE:
            context["caseconf_kept_page"] = self.entry.outputs[page.file.src_uri][1]
        return context

    @event_priority(100)  # the theme's page as rendered, before other plugins change it (again)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and self.entry is not None and page.file.src_uri in self.fresh:
            self.entry.outputs[page.file.src_uri] = (self._output_key(page, self._key(spec)), output)
        if spec is not None and spec.src_uri != TAGS:
            page.content = ""  # written: the next pages do not need it (see on_page_content)
        return output


KEPT_TEMPLATE = "caseconf/kept_page.html"


def _has_form(config: MkDocsConfig, repo: Repository) -> bool:
    """Whether this build writes the web form (the `caseconf-editor` plugin's admin/)."""
    writes_form = getattr(config.plugins.get("caseconf-editor"), "writes_form", None)
    return writes_form is not None and bool(writes_form(repo.config))


def _nav_key(items: list[Any]) -> str:
    """Every page's navigation shows the whole tree: its titles, links and order."""
    import hashlib

    digest = hashlib.sha1()
    stack = [(0, item) for item in reversed(items)]
    while stack:
        depth, item = stack.pop()
        url = getattr(item, "url", None) or getattr(getattr(item, "file", None), "src_uri", None) or ""
        digest.update(f"{depth}\0{type(item).__name__}\0{getattr(item, 'title', '')}\0{url}\n".encode())
        stack.extend((depth + 1, child) for child in reversed(getattr(item, "children", None) or []))
    return digest.hexdigest()


class _VisibleLog(logging.Filter):
    """MkDocs logs file names and link targets from the pages as they are: control
    characters in them are written out, as in every caseconf command's output."""

    def filter(self, record: logging.LogRecord) -> bool:
        from ..records.findings import visible_lines

        message = record.getMessage()
        shown = visible_lines(message)
        if shown != message:
            record.msg, record.args = shown, ()
        return True


def _visible_logs() -> None:
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(isinstance(f, _VisibleLog) for f in handler.filters):
            handler.addFilter(_VisibleLog())


def _refuse(what: str, findings: list[Finding]) -> None:
    """Stop the build over links out of the repository: nothing refused is ever used."""
    if findings:
        lines = "\n".join(f"  {finding.to_text()}" for finding in findings)
        raise PluginError(f"caseconf: a link or path leads out of the repository, or a special file stands in it; "
                          f"{what}, the site is not built:\n{lines}\n"
                          "  -> replace the link or special file with the file itself (inside the repository)")


def _guard_render(page: Page, root: Path, lang: str) -> None:
    """A crash of the Markdown or HTML parser on one page (`<![><img src="]>` trips an
    assertion in Python's HTML parser) becomes a warning on that file, not a failed build."""
    render = page.render

    def guarded(config: MkDocsConfig, files: Files) -> None:
        try:
            render(config, files)
        except Exception as exc:  # noqa: BLE001 - any third-party parser error on hostile input
            from ..records.i18n import loader_message

            source = Path(page.file.abs_src_path or page.file.src_uri)
            rel = source.relative_to(root).as_posix() if source.is_relative_to(root) else page.file.src_uri
            finding = Finding(rel, 1, "FILE001", "warning",
                              loader_message("page_unreadable", lang, detail=type(exc).__name__))
            log.warning("caseconf: %s", finding.to_text())
            page.content = f"<p>{escape_text(finding.message)}</p>"
            page.toc = get_toc([])

    page.render = guarded  # type: ignore[method-assign]


def _ready_html(page: Page, html: str) -> None:
    """The stub of a generated page is one placeholder paragraph (replaced in on_page_content):
    hand MkDocs that HTML instead of running Markdown with every extension on each page.
    What Markdown would have found in it: no title, no table of contents, no anchors."""

    def ready(config: MkDocsConfig, files: Files) -> None:
        page.content = html
        page.toc = get_toc([])
        page._title_from_render = None
        page.present_anchor_ids = set()

    page.render = ready  # type: ignore[method-assign]


def _plain_titles(page: Page, generated: bool) -> None:
    """Titles as text: MkDocs and the theme print page titles, table-of-contents entries and
    tags without escaping, in every page's navigation and in the search index."""
    if generated or "title" in page.meta:
        title = str(page.meta.get("title") or page.title or "")  # text from front matter
    elif page._title_from_render:  # the first heading, as HTML
        title = html_text(page._title_from_render)
    else:
        title = str(page.title or "")  # from the file name
    page.meta["title"] = escape_title(title)
    stack = list(page.toc or [])
    while stack:
        item = stack.pop()
        item.title = escape_title(html_text(item.title))
        stack.extend(item.children)


def _plain_section_titles(items: list[Any]) -> None:
    for item in items:
        if not isinstance(item, Page) and isinstance(getattr(item, "title", None), str):
            item.title = escape_title(item.title)
        _plain_section_titles(getattr(item, "children", None) or [])


def _replace(files: Files, file: File) -> None:
    existing = files.src_uris.get(file.src_uri)  # already a POSIX path: no PurePath per file
    if existing is not None:
        log.info("caseconf: the generated page %s replaces the file of that name in docs_dir", file.src_uri)
        files.remove(existing)
    files.append(file)


def _drop_texts(repo: Repository) -> None:
    """A single build is done with the files' texts once the guard has them and the rules
    and digests have run (15 MB per 1,000 cases). The record bodies stay: pages show them.
    Under serve they are kept: the next rebuild's digests are made of them."""
    for doc in repo.documents():
        doc.text = ""


def _body_html(entry: cache.Entry, doc: LoadedDoc) -> str:
    cached = entry.bodies.get(doc.path)
    if cached is not None and cached[0] == doc.body:
        return cached[1]
    html = render_untrusted(doc.body)
    if cache.SERVING:  # a single build renders each body once and has no next build
        entry.bodies[doc.path] = (doc.body, html)
    return html


def _many_records(root: Path) -> bool:
    """Enough entries under records/ for the scan to run in the background (a guess: a case
    folder holds its case.yml and at least one record)."""
    try:
        with os.scandir(root / RECORDS_DIR) as entries:
            return sum(1 for _ in entries) * 3 >= guard.BACKGROUND_FROM
    except OSError:
        return False


def _team_language(config_doc: LoadedDoc | None) -> str | None:
    """The team language from caseconf.yml alone (on_config runs before the records load)."""
    from ..records.i18n import pick_language

    config = config_doc.model if config_doc is not None else None
    return pick_language(config.language.value if config is not None else None)
