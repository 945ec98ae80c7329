"""The speed shortcuts of the personal-data scan never change a finding: each is checked
against the plain computation it stands in for."""

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseconf.pii import core, names
from caseconf.pii import detectors as det
from caseconf.pii.normalize import normalize_lines
from corpus import ALLOW_WORDS, clean_records, planted_records

from .test_cache import FRAGMENTS

ALLOW = core._allow_set(ALLOW_WORDS)
JOINERS = [" ", "  ", ": ", ", ", ". ", "", "-", "(", ")", "](", "; "]


def _lines(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = set()
    for text, _ in planted_records(seed, 40):
        out.update(normalize_lines(text))
    for text in clean_records(seed, 20):
        out.update(normalize_lines(text))
    for _ in range(n):
        parts = [rng.choice(FRAGMENTS) + rng.choice(JOINERS) for _ in range(rng.randint(1, 6))]
        out.add("".join(parts).replace("\n", " "))
    return sorted(out)


def test_batched_detection_equals_line_by_line_detection():
    lines = _lines(11, 4000)
    expected = [core.detect_whole(line, ALLOW, "cs") for line in lines]
    assert core.detect_each(lines, ALLOW, "cs") == expected
    assert sum(1 for hits in expected if hits) > 500  # the corpus does hold personal data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(JOINERS)), min_size=1, max_size=8),
       st.lists(st.sampled_from(FRAGMENTS), max_size=6))
def test_batched_detection_property(parts, others):
    line = "".join(a + b for a, b in parts).replace("\n", " ")
    lines = [line, *(o.replace("\n", " ") for o in others), line.upper(), line.lower()]
    assert core.detect_each(lines, ALLOW, "cs") == [core.detect_whole(x, ALLOW, "cs") for x in lines]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="nNrRdDbBgGmMlLkK(%.-–€úÚřŘčČſıİ\u212a aeoi1 .,:", min_size=1, max_size=12),
       st.sampled_from(["", "  ", " "]), st.sampled_from(["", "narozena 1990", "ledna 1990", "let", "12"]))
def test_line_entry_first_letter_gates_hold(text, indent, tail):
    """A pattern _line_entry tests at a line's first character only matches where its gate
    lets it try."""
    line = indent + text + " " + tail
    first = len(line) - len(line.lstrip())
    if first >= len(line):
        return
    folded = det.fold(line)[first]
    if core._KW_AFTER_DATE.match(line, first):
        assert folded in core._KW_FIRST
    if core._MONTH_YEAR.match(line, first) or core._MONTH_ONLY.fullmatch(line, first, len(line.rstrip())):
        assert folded in core._MONTH_FIRST
    if core._NOT_AFTER.match(line, first):
        assert folded in core._NOT_AFTER_FIRST


def test_gate_sets_cover_every_alternative():
    for alternative in det._MONTHS.split("|"):
        assert alternative[0] in core._MONTH_FIRST
    for keyword in re.findall(r"\\b([a-zđ])", det._BIRTH_KW):
        assert keyword in core._KW_FIRST


def test_key_and_date_lines_are_worked_out_once_per_key():
    rng = random.Random(3)
    keys = ["due", "date", "next_review", "birth_date", "narozen", "datum_narozeni", "dob", "born", "godiste",
            "put", "ulice", "output", "bb", "ledna", "mar", "x", "a_b"]
    shortcuts = 0
    for indent in ["", " ", "  ", "      "]:
        for key in keys:
            for _ in range(25):
                date = f"{rng.choice(['19', '20'])}{rng.randint(0, 99):02d}-{rng.randint(0, 19):02d}-{rng.randint(0, 39):02d}"
                line = f"{indent}{key}: {date}"
                entry = core._date_line_entry(line)
                if entry is None:
                    continue
                shortcuts += 1
                assert entry[:core._HITS] == core._line_entry(line)[:core._HITS], line
                assert entry[core._HITS] == () and core.detect_whole(line, ALLOW, "cs") == [], line
    assert core._date_line_entry("  birth_date: 2015-03-04") is None  # a birth date is personal data
    assert shortcuts > 500


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Jana", "Novák", "pan", "Pan", "paní", "Dr", "x", "ab-Cd", "č-Éa",
                                           "Nováková-Svobodová", "Petrović", "Praha", "OSPOD", "Marko",
                                           "učitelka", "Učitelka", "z", "Ab", "syn", "Syn"]),
                          st.sampled_from(["", " ", "  ", ". ", ", ", "-", "(", ": "])), min_size=1, max_size=8))
def test_name_precheck_never_hides_a_name(parts):
    line = "".join(a + b for a, b in parts)
    context = names._context_for(ALLOW, "cs")
    if not names._may_hold_names(line, context):
        assert names._names_in_line(line, 0, context) == []
