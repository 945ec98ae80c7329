"""Tiny helper so each rule states its texts in the three team languages side by side."""

from __future__ import annotations

from ..records.i18n import Message


def tr(cs: str, sr: str, en: str) -> Message:
    return {"cs": cs, "sr-Latn": sr, "en": en}
