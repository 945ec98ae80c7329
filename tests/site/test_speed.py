"""The shortcuts the site build takes for speed give the same results as the slow way."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from caseconf.index.actions import OpenAction
from caseconf.index.export import action_uid, calendar_ics, review_uid
from caseconf.index.reviews import ReviewItem
from caseconf.index.stats import compute_stats, publishable
from caseconf.records.repository import Repository
from caseconf.site import cache, guard
from caseconf.site.labels import Labels
from caseconf.site.render import PACKAGED_TEMPLATES, FastMacros, Renderer, template_env
from caseconf.site.views import SiteData

from ..helpers import write
from .sites import HOSTILE_CASE, add_hostile_case, copy_team

HOSTILE = '<b>"x" & \'y\'</b>'


def _url(uri: str, anchor: str | None = None) -> str | None:
    return None if uri.endswith("missing.md") else f"../{uri}?a=1&b=<2>"


def _macros_and_fast() -> tuple[object, FastMacros]:
    labels = Labels("cs")
    env = template_env([PACKAGED_TEMPLATES])
    env.globals.update({"t": labels.t, "v": labels.v, "url": _url})
    return env.get_template("caseconf/macros.html").module, FastMacros(labels.v, _url)


@pytest.mark.parametrize(("name", "args"), [
    ("link", ("cases/JI-2025-014/index.md", "JI-2025-014")),
    ("link", ("cases/x/missing.md", HOSTILE)),
    ("link", (None, HOSTILE)),
    ("link", ("a.md", dt.date(2025, 1, 2))),
    ("status", ("open",)), ("status", ("done", 0)), ("status", ("continued", 12)), ("status", (HOSTILE, 0)),
    ("date", (dt.date(2025, 3, 4),)), ("date", (None,)), ("date", ("",)),
    ("heading", (2, "plan", "Plán")), ("heading", (3, "x", HOSTILE)),
    ("person", (SimpleNamespace(role="ospod_worker", ref=None, title=None, org="JI"),)),
    ("person", (SimpleNamespace(role="mother", ref="M", title=HOSTILE, org=None),)),
    ("person", ({"role": "facilitator", "ref": "F1", "org": "FT"},)),
])
def test_fast_macros_give_the_markup_of_the_template_macros(name: str, args: tuple) -> None:
    macros, fast = _macros_and_fast()
    assert str(getattr(fast, name)(*args)) == str(getattr(macros, name)(*args))


def test_every_page_renders_the_same_with_the_template_macros(tmp_path: Path) -> None:
    """Pages rendered by the shipped templates equal those of templates that call the
    macros of macros.html (what a team override of macros.html gets)."""
    root = copy_team(tmp_path / "team")
    add_hostile_case(root)
    repo = Repository.load(root)
    data = SiteData(repo, as_of=dt.date(2026, 2, 1), suppressed={}, body_html=lambda doc: "")
    fast = Renderer(template_env([PACKAGED_TEMPLATES]), data)
    # the same templates, with every `h.` call turned back into a macro call
    slow_dir = tmp_path / "slow"
    for source in (PACKAGED_TEMPLATES / "caseconf").glob("*.html"):
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"\bh\.(link|status|date|heading|person)\(",
                      r"\1(" if source.name == "macros.html" else r"m.\1(", text)
        write(slow_dir / "caseconf" / source.name, text)
    slow = Renderer(template_env([slow_dir, PACKAGED_TEMPLATES]), data)
    assert not isinstance(slow.env.globals["h"], FastMacros)  # the override's own macros
    specs = data.pages()
    assert any(spec.src_uri.startswith(f"cases/{HOSTILE_CASE}/") for spec in specs)
    for spec in specs:
        assert fast.render(spec, _url) == slow.render(spec, _url), spec.src_uri


def _icalendar(actions: list[OpenAction], reviews: list[ReviewItem], *, team: str) -> bytes:
    """The calendar as icalendar's component tree writes it (the earlier implementation)."""
    from icalendar import Calendar, Event

    def one_line(text: str | None, limit: int = 200) -> str:
        text = " ".join((text or "").split())
        return text if len(text) <= limit else text[: limit - 1] + "…"

    cal = Calendar()
    cal.add("prodid", "-//caseconf//case conferences//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", one_line(team) or "caseconf")
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    for action in actions:
        if action.due is None:
            continue
        event = Event()
        event.add("uid", action_uid(action, team))
        event.add("dtstamp", stamp)
        event.add("dtstart", action.due)
        event.add("dtend", action.due + dt.timedelta(days=1))
        event.add("summary", one_line(f"{action.case} {action.id}: {action.do or '?'}"))
        event.add("description", "\n".join([f"owner: {action.owner or '?'}",
                                            f"indicator: {one_line(action.indicator) or '?'}",
                                            f"status: {action.status}", f"record: {action.record}"]))
        event.add("categories", ["caseconf-action"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    for item in reviews:
        event = Event()
        event.add("uid", review_uid(item, team))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.planned)
        event.add("dtend", item.planned + dt.timedelta(days=1))
        event.add("summary", f"{item.case}: {item.kind}")
        event.add("description", f"planned by: {item.record}\nstatus: {item.status}")
        event.add("categories", [f"caseconf-{item.kind}"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


def test_calendar_is_byte_for_byte_what_icalendar_writes() -> None:
    texts = ["Úkol; s čárkou, a \\ lomítkem a \"uvozovkami\" " * 3, "řádek\nřádek\r\nkonec \\N ^", "", None,
             "x" * 73, "ž" * 40, "😀" * 30, "a,b;c:d"]
    actions = [OpenAction(case=f"JI-2025-{n:03d}", office="JI", id=f"A{n}", record=f"records/JI-2025-{n:03d}/x.md",
                          created=dt.date(2025, 1, 1), owner=text, do=text, indicator=text, status="open",
                          due=None if n == 3 else dt.date(2025, 1, 1) + dt.timedelta(days=n), overdue_days=0)
               for n, text in enumerate(texts)]
    reviews = [ReviewItem(case=f"TR-2025-{n:03d}", office="TR", kind=kind, planned=dt.date(2025, 12, 31),
                          record=f"records/TR-2025-{n:03d}/2025-01-0{n + 1}-initial.md", overdue_days=n,
                          status="overdue" if n else "planned") for n, kind in enumerate(("review", "evaluation"))]
    for team in ("Facilitační tým Vysočina", "Tým; a, b \\ c", "t" * 90):
        ours = re.sub(rb"DTSTAMP:\d{8}T\d{6}Z", b"DTSTAMP:20260101T000000Z",
                      calendar_ics(actions, reviews, team=team))
        assert ours == _icalendar(actions, reviews, team=team)


def test_stats_of_each_period_equal_those_over_every_case() -> None:
    repo = Repository.load(Path(__file__).resolve().parents[2])
    data = SiteData(repo, as_of=dt.date(2026, 2, 1), suppressed={}, body_html=lambda doc: "")
    page = data.stats_page()
    assert page["periods"]
    for period in page["periods"]:
        since, until = period["since"], period["until"]
        assert period["stats"] == publishable(compute_stats(repo, since=since, until=until), data.min_cell)


def test_background_scan_in_chunks_finds_what_one_scan_finds(tmp_path: Path, monkeypatch, clean_cache) -> None:
    root = copy_team(tmp_path / "team")
    record = next((root / "records" / "JI-2025-014").glob("*-initial.md"))
    record.write_text(record.read_text(encoding="utf-8") + "\nRodné číslo matky je 736028/5163.\n", encoding="utf-8")
    entry, changes = cache.load(root)
    expected = guard.update_pii(entry, changes)
    assert expected
    monkeypatch.setattr(guard, "BACKGROUND_FROM", 1)
    monkeypatch.setattr(guard, "CHUNK", 3)
    cache.clear()
    entry, changes = cache.load(root)
    pending = guard.start_pii(entry, changes, guard.Prewarmed(entry.repo.lang))
    assert pending.future is not None and len(pending.chunks) > 2
    assert guard.finish_pii(pending) == expected
