"""CLDR plurals, dates, periods and half-years as each team language writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from caseconf.records.catalogue import msg, nmsg, ntx, tx
from caseconf.records.i18n import render
from caseconf.records.locale_format import (format_day, format_period, half_year_name, plural_category,
                                            quarter_name)

DAYS = ("{count} day", "{count} days")


@pytest.mark.parametrize("lang,expected", [
    ("cs", ["1 den", "2 dny", "4 dny", "5 dní", "11 dní", "21 dní", "22 dní", "101 dní"]),
    ("sr-Latn", ["1 dan", "2 dana", "4 dana", "5 dana", "11 dana", "21 dan", "22 dana", "101 dan"]),
    ("en", ["1 day", "2 days", "4 days", "5 days", "11 days", "21 days", "22 days", "101 days"]),
])
def test_plural_forms_follow_cldr(lang: str, expected: list[str]) -> None:
    assert [ntx(lang, *DAYS, n) for n in (1, 2, 4, 5, 11, 21, 22, 101)] == expected


def test_a_plural_message_renders_with_its_count() -> None:
    days = nmsg(*DAYS, count="count")
    assert render(days, "cs", {"count": 1}) == "1 den" and render(days, "sr-Latn", {"count": 3}) == "3 dana"


def test_cldr_categories() -> None:
    assert plural_category(1, "cs") == "one" and plural_category(3, "cs") == "few" and plural_category(5, "cs") == "other"
    assert plural_category(21, "sr-Latn") == "one" and plural_category(1.5, "cs") == "many"


def test_half_years_quarters_and_dates() -> None:
    assert half_year_name(2025, 1, "cs") == "1. pololetí 2025"
    assert half_year_name(2025, 2, "sr-Latn") == "2. polugodište 2025"
    assert half_year_name(2025, 1, "en") == "H1 2025"
    assert quarter_name(2026, 4, "cs") == "4. čtvrtletí 2026"
    assert format_day(dt.date(2026, 4, 30), "cs") == "30. 4. 2026"
    assert format_day(dt.date(2026, 4, 30), "sr-Latn") == "30. 4. 2026."
    assert format_period(dt.date(2025, 1, 1), dt.date(2025, 6, 30), "cs") == "1. 1. 2025 – 30. 6. 2025"
    with pytest.raises(ValueError):
        half_year_name(2025, 3, "cs")


def test_a_catalogue_message_is_a_language_mapping() -> None:
    open_label = msg("open")
    assert dict(open_label) == {"cs": "otevřeno", "sr-Latn": "otvoreno", "en": "open"}
    assert open_label.get("de") is None and tx("cs", "Case") == "Případ"
