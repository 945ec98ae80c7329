"""On the site: each record page links its print-ready documents; the printable templates
print without the record skeleton, the navigation or the worker's note on the family
leaflet, with write-in cells a hand can write in and tables inside the page. Printed with
headless Chromium (print media, A4) and read back with pdftotext, as a team member would."""

from __future__ import annotations

import html as htmlmod
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ..helpers import CHROMIUM
from ..site.sites import add_hostile_case, copy_team, mkdocs_build
from .conftest import flat, pdf_pages, pdf_text

pytestmark = pytest.mark.slow
TEMPLATES = ["akcni-plan", "zapis", "pozvanka", "prezencni-listina", "informace-pro-rodinu", "vyhodnoceni",
             "kazuistika", "dohoda-o-spolupraci", "mlcenlivost", "zadost", "dotaznik"]
MM = 96 / 25.4  # CSS pixels per millimetre


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_team(tmp_path_factory.mktemp("docsite") / "team")
    add_hostile_case(root)
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    return root / "site"


def test_each_record_page_links_its_documents(site: Path) -> None:
    page = (site / "cases" / "TR-2025-031" / "2025-05-13-initial.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(\.\./\.\./documents/TR-2025-031/[^"]+)"', page)
    assert {Path(link).name for link in links} == {
        "2025-05-13-initial-invitation.html", "2025-05-13-initial-attendance.html",
        "2025-05-13-initial-minutes.html", "2025-05-13-initial-family-plan.html"}
    for link in links:
        target = (site / "cases" / "TR-2025-031" / link).resolve()
        assert target.is_file(), link
    minutes = (site / "documents" / "TR-2025-031" / "2025-05-13-initial-minutes.html").read_text(encoding="utf-8")
    assert "Zápis z případové konference" in minutes and "@page" in minutes  # its own print stylesheet
    evaluation = (site / "cases" / "TR-2025-031" / "2025-09-16-evaluation.html").read_text(encoding="utf-8")
    assert "2025-09-16-evaluation-evaluation.html" in evaluation and "2025-09-16-evaluation-invitation" not in evaluation


def test_document_pages_escape_hostile_records(site: Path) -> None:
    pages = sorted((site / "documents").rglob("*.html"))
    assert len(pages) > 50
    for page in pages:  # the demo's and the hostile case's (tests/site/sites.py)
        tags = _Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        assert tags.active == [], (page, tags.active)
        assert tags.styles == 1, page  # the template's own stylesheet, nothing from a record


class _Tags(HTMLParser):
    """Every tag or attribute that could run code or load something, and the <style> count."""

    def __init__(self) -> None:
        super().__init__()
        self.active: list[str] = []
        self.styles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self.styles += 1
        elif tag in ("script", "iframe", "object", "embed", "svg", "img", "link", "base", "form", "math"):
            self.active.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.active.append(f"{tag}[{name}]")


@pytest.fixture(scope="module")
def printer(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


def _print(printer, url: str) -> bytes:  # type: ignore[no-untyped-def]
    printer.goto(url)
    printer.emulate_media(media="print")
    return printer.pdf(format="A4")  # type: ignore[no-any-return]


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is missing")
@pytest.mark.parametrize("name", TEMPLATES)
def test_printed_templates_have_no_skeleton_and_no_navigation(site: Path, printer, name: str) -> None:  # type: ignore[no-untyped-def]
    page = site / "sablony" / f"{name}.html"
    source = page.read_text(encoding="utf-8")
    text = pdf_text(_print(printer, page.as_uri()))
    title = htmlmod.unescape(re.search(r"<h1[^>]*>(.*?)<", source, re.S).group(1)).strip()  # type: ignore[union-attr]
    assert flat(title) in text
    for yaml_line in ("case: JI-2026", "kind: initial", "participants:", "DOPLŇTE", "Kostra záznamu"):
        assert yaml_line not in text, f"{name}: the record skeleton prints ({yaml_line!r})"
    for chrome in ("Hledat", "Metodika Šablony"):  # the search box, the navigation tabs
        assert chrome not in text, f"{name}: site navigation prints ({chrome!r})"


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is missing")
def test_the_action_plan_prints_on_two_pages_and_the_leaflet_without_the_worker_note(site: Path, printer) -> None:  # type: ignore[no-untyped-def]
    plan = _print(printer, (site / "sablony" / "akcni-plan.html").as_uri())
    assert pdf_pages(plan) <= 2
    leaflet = pdf_text(_print(printer, (site / "sablony" / "informace-pro-rodinu.html").as_uri()))
    assert "Proč se scházíme" in leaflet
    assert "Leták předá rodině" not in leaflet


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is missing")
@pytest.mark.parametrize("name", ["akcni-plan", "zapis", "prezencni-listina", "vyhodnoceni"])
def test_write_in_cells_have_room_and_tables_stay_on_the_page(site: Path, printer, name: str) -> None:  # type: ignore[no-untyped-def]
    printer.set_viewport_size({"width": round(180 * MM), "height": 1000})  # A4 less the margins
    printer.goto((site / "sablony" / f"{name}.html").as_uri())
    printer.emulate_media(media="print")
    measured = printer.evaluate("""() => {
        const empty = [...document.querySelectorAll('article table td')].filter(td => !td.textContent.trim());
        const tables = [...document.querySelectorAll('article table')];
        const page = document.querySelector('article').getBoundingClientRect().width;
        return {heights: empty.map(td => td.getBoundingClientRect().height),
                widths: tables.map(t => t.getBoundingClientRect().width), page};
    }""")
    assert measured["heights"], f"{name}: no write-in cells found"
    assert min(measured["heights"]) >= 8 * MM, f"{name}: a write-in cell is {min(measured['heights']) / MM:.1f} mm high"
    assert max(measured["widths"]) <= measured["page"] + 1, f"{name}: a table is wider than the page"


PACKS = Path(__file__).resolve().parents[2] / "src" / "caseconf" / "templates" / "packs"
PRINT_CSS = Path(__file__).resolve().parents[2] / "src" / "caseconf" / "templates" / "site" / "assets" / "caseconf" / "print.css"


@pytest.mark.parametrize("pack", ["cz/sablony", "me/obrasci"])
def test_every_skeleton_of_every_pack_is_the_last_section_the_print_stylesheet_hides(pack: str) -> None:
    """The print stylesheet hides the skeleton heading (#kostra, #kostur) and all after it: so in
    every template of both packs the skeleton comes last, under such a heading."""
    css = PRINT_CSS.read_text(encoding="utf-8")
    pages = [p for p in sorted((PACKS / pack).glob("*.md")) if "<!-- caseconf:skeleton" in p.read_text(encoding="utf-8")]
    assert len(pages) >= 6
    for page in pages:
        text = page.read_text(encoding="utf-8")
        headings = re.findall(r"^## .*\{#([\w-]+)[^}]*\}\s*$", text, re.MULTILINE)
        skeleton_at = text.index("<!-- caseconf:skeleton")
        last_heading = text.rfind("\n## ", 0, skeleton_at)
        anchor = re.search(r"\{#([\w-]+)", text[last_heading:skeleton_at]).group(1)  # type: ignore[union-attr]
        assert anchor == headings[-1], f"{page.name}: a section follows the skeleton"
        assert f"h2#{anchor} ~ *" in css, f"{page.name}: the print stylesheet does not hide #{anchor}"


@pytest.mark.parametrize("page", ["cz/sablony/informace-pro-rodinu.md", "me/obrasci/informacija-za-porodicu.md"])
def test_the_family_leaflets_mark_the_worker_note(page: str) -> None:
    text = (PACKS / page).read_text(encoding="utf-8")
    first_paragraph = text.split("\n\n")[1]
    assert first_paragraph.startswith("*") and first_paragraph.endswith("{: .caseconf-worker-note }")
    assert ".caseconf-worker-note" in PRINT_CSS.read_text(encoding="utf-8")
