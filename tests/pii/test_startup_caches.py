"""What the commit hook keeps between runs so that it starts fast (issue 16): the compiled
patterns, the name lexicon's sets, the dictionaries' word forms. Each must give exactly
what building it afresh gives, and a stale, foreign or broken cache file must be rebuilt."""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import re
from pathlib import Path

import pytest

import caseconf.pii
import caseconf.pii.detectors
from caseconf.pii import build_cache, lazy_re, names


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of its own (platformdirs reads XDG_CACHE_HOME on every call)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "caseconf" / "pii"


def _guard_patterns() -> list[lazy_re.LazyPattern]:
    found = []
    for package in (caseconf.pii, caseconf.pii.detectors):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found += [v for v in vars(module).values() if isinstance(v, lazy_re.LazyPattern)]
    return found


def test_every_guard_pattern_can_come_from_the_store() -> None:
    """On this Python every lazily compiled pattern of the guard is stored (else the hook
    compiles it in every run), and the stored form makes the very pattern re.compile makes
    (Pattern equality compares the matcher's code)."""
    import _sre

    patterns = _guard_patterns()
    assert len(patterns) > 50
    for lp in patterns:
        expected = re.compile(lp._source, lp._flags)
        args = lazy_re._compiled_args(lp._source, lp._flags, expected)
        assert args is not None, lp
        assert _sre.compile(lp._source, *marshal.loads(marshal.dumps(args))) == expected
        assert lp.compiled() == expected


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    lp = lazy_re.lazy_compile(r"(?P<num>\d+)\s*(?i:kč)", re.UNICODE)
    rx = re.compile(r"(?P<num>\d+)\s*(?i:kč)", re.UNICODE)
    text = "celkem 1200 Kč a 30 kč"
    assert [m.span() for m in lp.finditer(text)] == [m.span() for m in rx.finditer(text)]
    assert lp.search(text).group("num") == "1200"
    assert lp.sub("#", text) == rx.sub("#", text) and lp.groupindex == rx.groupindex
    assert lp.pattern == rx.pattern and lp.flags == rx.flags


def test_the_store_round_trips_and_a_broken_file_is_rebuilt(cache_home: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lazy_re, "_store", None)
    monkeypatch.setattr(lazy_re, "_store_grew", True)  # no atexit save from this test
    source = r"(?P<a>ab)+c(?=\s|$)"
    first = lazy_re.compile_stored(source, re.IGNORECASE)
    lazy_re._save_store()
    (stored,) = cache_home.glob("patterns-*.marshal")
    monkeypatch.setattr(lazy_re, "_store", None)
    assert (source, int(re.IGNORECASE)) in lazy_re._load_store()
    again = lazy_re.compile_stored(source, re.IGNORECASE)
    assert again == first == re.compile(source, re.IGNORECASE)
    assert again.match("ABabc").group("a") == "ab"

    stored.write_bytes(b"\x00 not marshal data")
    monkeypatch.setattr(lazy_re, "_store", None)
    assert lazy_re._load_store() == {}
    assert lazy_re.compile_stored(source, re.IGNORECASE) == first


def test_cached_builds_once_per_inputs_and_rebuilds_what_is_broken(cache_home: Path) -> None:
    calls = []

    def build() -> dict[str, frozenset[str]]:
        calls.append(1)
        return {"words": frozenset({"a", "b"})}

    assert build_cache.cached("probe", [b"one"], build) == {"words": frozenset({"a", "b"})}
    assert build_cache.cached("probe", [b"one"], build) == {"words": frozenset({"a", "b"})}
    assert len(calls) == 1
    build_cache.cached("probe", [b"two"], build)  # other inputs: built anew, the old file dropped
    assert len(calls) == 2 and len(list(cache_home.glob("probe-*"))) == 1
    (path,) = cache_home.glob("probe-*")
    path.write_bytes(marshal.dumps(("another digest", {"words": frozenset()})))  # a foreign file
    assert build_cache.cached("probe", [b"two"], build) == {"words": frozenset({"a", "b"})}
    assert len(calls) == 3


def test_the_cached_lexicon_is_the_lexicon_built_from_the_data_files() -> None:
    data = Path(names.__file__).parent / "data"
    fresh = names._build_lexicon({n: (data / n).read_text(encoding="utf-8") for n in names._DATA_FILES})
    assert names._lexicon_sets() == fresh
    assert names._single_places() == frozenset(n for n in names._gazetteer() if " " not in n)
    assert names.place_phrases() == frozenset(n for n in names._gazetteer() if " " in n)


def test_the_word_forms_are_simplemmas_dictionaries() -> None:
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    ours = names._dictionaries()
    assert set(ours) == {"cs", "hbs"}
    for lg in ("cs", "hbs"):
        theirs = TrieDictionaryFactory().get_dictionary(lg)
        sample = [w for i, w in enumerate(theirs) if i % 997 == 0][:400]
        for word in sample + ["diskuse", "sjednotit", "qqxzv", "Nováková", ""]:
            assert (word in ours[lg]) == (word in theirs), word
            assert ours[lg].get(word) == theirs.get(word), word
