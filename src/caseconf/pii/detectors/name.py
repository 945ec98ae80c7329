"""Personal names: the given-name and surname lexicon with Czech and BCS inflection,
titles and kinship words, surname shapes (see caseconf.pii.names)."""

from __future__ import annotations

from collections.abc import Iterable

from ._base import Detector, Hit

from ...records.catalogue import msg


class Name(Detector):
    kind = "name"
    code = "PII008"
    priority = 7
    labels = msg("personal name")
    mask_style = "text"
    needs_digit = False
    contextual = True
    runs_last = True

    def may_hold(self, text: str) -> bool:
        return not text.islower()

    def find(self, text: str, allow: frozenset[str] = frozenset(), lang: str = "cs",
             taken: Iterable[tuple[int, int]] = ()) -> list[Hit]:
        from ..names import find_names  # the lexicon loads with the first text that may hold a name

        return find_names(text, allow, lang, list(taken))
