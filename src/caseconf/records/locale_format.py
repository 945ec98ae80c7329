"""Dates, periods, half-years and counts as a Czech, Montenegrin or English reader writes them.

Formats come from CLDR through Babel (imported only when a date is formatted: the commit
hook never pays for it). Files keep ISO dates; only what people read is localised.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from .catalogue import CLDR_LOCALE, msg

HALF_YEAR = msg("H{half} {year}", "half-year")
QUARTER = msg("Q{quarter} {year}", "quarter")


@lru_cache(maxsize=None)
def babel_locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(CLDR_LOCALE.get(lang, "en_GB"))


def format_day(day: dt.date, lang: str, width: str = "medium") -> str:
    """`2. 12. 2026` (cs), `2. 12. 2026.` (sr-Latn), `2 Dec 2026` (en)."""
    from babel.dates import format_date

    return format_date(day, width, locale=babel_locale(lang))


def format_period(since: dt.date, until: dt.date, lang: str) -> str:
    """A closed period, e.g. `1. 1. 2025 – 30. 6. 2025` (cs): each end in the locale's medium
    date format (CLDR's Czech interval pattern pads to `01.01.2025`, which nobody writes)."""
    return f"{format_day(since, lang)} – {format_day(until, lang)}"


def half_year_name(year: int, half: int, lang: str) -> str:
    """`1. pololetí 2025` (cs), `1. polugodište 2025` (sr-Latn), `H1 2025` (en)."""
    if half not in (1, 2):
        raise ValueError(f"half must be 1 or 2, not {half}")
    return HALF_YEAR[lang].format(half=half, year=year)


def quarter_name(year: int, quarter: int, lang: str) -> str:
    """`1. čtvrtletí 2025`, `1. kvartal 2025`, `Q1 2025`."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1-4, not {quarter}")
    return QUARTER[lang].format(quarter=quarter, year=year)


def month_name(year: int, month: int, lang: str) -> str:
    """`březen 2025`, `mart 2025`, `March 2025` (CLDR stand-alone month names)."""
    from babel.dates import format_date

    return format_date(dt.date(year, month, 1), "LLLL y", locale=babel_locale(lang))


def plural_category(count: int | float, lang: str) -> str:
    """CLDR plural category of a number: `one`, `few`, `many` or `other`."""
    return str(babel_locale(lang).plural_form(count))


def format_number(value: int | float, lang: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale(lang))
