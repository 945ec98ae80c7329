"""The line cache, the cutting of files into segments, and the worker processes must not
change a single finding (nor its line)."""

import random
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseconf.pii import core, fingerprint, scan_files, scan_history, scan_text
from caseconf.pii.normalize import normalize_lines
from corpus import ALLOW_WORDS, birth_number, clean_records, cz_account, iban, jmbg, phone, planted_records

ALLOW = core._allow_set(ALLOW_WORDS)

# fragments that make patterns run over line breaks when glued with "\n"
FRAGMENTS = [
    "ulice", "Nová 12", "12", "let", "Jana", "Marie", "Nováková", "Nováková 12", "datum", "narození 1. 1. 1990",
    "narozena", "(narozena)", "(", "1. 1.", "1990", "1990.", "12.", "ledna", "ledna,", "ledna 1990", "12. ledna",
    "110 00", "Praha", ", Praha", "12000,", "[odkaz](", "http://x", ")", "Petrović", "Ulica slobode", "5", "b.b.",
    "bb", "date", "of", "birth", "date of", "birth 1990-01-01", "dat.", "nar. 3. 4. 1985", "603 123 456", "+420",
    "603", "123 456", "jana@example.cz", "", "   ", "Na Příkopě", "Na", "12a", "km", "Min", "– 5", "- 3", "-", "/",
    ".", "nám.", "náměstí", "Masarykovo", "12.3.", "May", "5th,", "rč", "r.č.", "rodné číslo", "2025-01-25",
    "08:30", "paní", "Nová", "U Lípy", "3", "Pod Lesem 7", "rođen", "15. marta 1987", "godište", "Marko Petrović",
    "K Mostu", "ul.", "Karla Čapka", "12/3", "JI-2025-014/2025-03-02", "<!-- caseconf: allow-pii reason=\"x\" -->",
]
_rng = random.Random(4)
for _ in range(25):
    for _v in (birth_number(_rng), cz_account(_rng), iban(_rng), phone(_rng), jmbg(_rng)):
        FRAGMENTS.append(_v)
        for _sep in ("/", "-", " "):
            if _sep in _v:
                _i = _v.index(_sep)
                FRAGMENTS += [_v[:_i], _v[_i:], _v[:_i + 1], _v[_i + 1:]]
SEPARATORS = ["\n", "\n", "\n\n", "\n  ", " \n", " ", ": "]


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 9))]
        out.append("".join(p + rng.choice(SEPARATORS) for p in parts))
    return out


def _abs(norm: str) -> list:
    return core.detect_whole(norm, ALLOW, "cs")


@pytest.fixture()
def no_cache():
    core.use_cache = False
    yield
    core.use_cache = True


def _scan_all(texts: list[str]) -> list:
    return [[(f.line, f.code, f.message) for f in scan_text(t, "r.md", allow_words=ALLOW_WORDS)] for t in texts]


def test_segmented_detection_equals_whole_text_detection():
    core.clear_caches()
    texts = [t for t, _ in planted_records(7, 15)] + clean_records(3, 10) + _texts(1, 2500)
    crossing = 0
    for text in texts:
        norm = "\n".join(normalize_lines(text))
        whole = _abs(norm)
        assert core.detect(norm, ALLOW, "cs") == whole, text
        assert core.detect(norm, ALLOW, "cs") == whole, text  # now from the cache
        crossing += any("\n" in h.value for h in whole)
    assert crossing > 20  # the fragments do make matches over line breaks


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=12))
def test_segments_never_cut_a_match(parts):
    norm = "\n".join(normalize_lines("".join(a + b for a, b in parts)))
    assert core.detect(norm, ALLOW, "cs") == _abs(norm)


def test_same_findings_with_and_without_cache(no_cache):
    texts = [t for t, _ in planted_records(21, 10)] + _texts(2, 300)
    uncached = _scan_all(texts)
    core.use_cache = True
    core.clear_caches()
    assert _scan_all(texts) == uncached       # cold cache
    assert _scan_all(texts) == uncached       # warm cache
    assert _scan_all(texts[::-1]) == uncached[::-1]


def test_repeated_lines_keep_their_own_line_numbers():
    core.clear_caches()
    pii = "Telefon matky: 603 123 456"
    text = "\n".join(["# Zápis", pii, "", "- bod", pii, "Jiný řádek", pii, "---"])
    lines = [f.line for f in scan_text(text, "a.md") if f.kind == "phone"]
    assert lines == [2, 5, 7]
    moved = "\n".join(["", "", pii, "x", pii])
    assert [f.line for f in scan_text(moved, "b.md") if f.kind == "phone"] == [3, 5]


def test_marker_applies_to_its_occurrence_only():
    core.clear_caches()
    pii = "Telefon matky: 603 123 456"
    text = "\n".join([pii, f"{pii} <!-- caseconf: allow-pii kind=phone reason=\"office\" -->", pii,
                      "<!-- caseconf: allow-pii reason=\"ok\" -->", pii])
    assert [f.line for f in scan_text(text, "a.md") if f.kind == "phone"] == [1, 3]


def test_multi_line_matches_report_their_first_line():
    core.clear_caches()
    text = "Úvod\nBydlí: ulice\nNová 12\nkonec"
    whole = [(f.line, f.kind) for f in scan_text(text, "a.md")]
    core.use_cache = False
    try:
        assert [(f.line, f.kind) for f in scan_text(text, "a.md")] == whole
    finally:
        core.use_cache = True
    assert (2, "address") in whole


def _repo(tmp_path: Path, n: int) -> tuple[Path, list[str]]:
    root = tmp_path / "repo"
    texts = [t for t, _ in planted_records(9, 3)] + clean_records(5, 6)
    rels = []
    for i in range(n):
        rel = f"records/JI-2025-{i // 3:03d}/2025-06-1{i % 3}-review.md"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        extra = "\nTelefon úřadu: 603 123 456\n" if i == n - 1 else ""  # allowed: used in the last chunk only
        (root / rel).write_text(texts[i % len(texts)] + extra, encoding="utf-8")
        rels.append(rel)
    (root / ".caseconf-pii-allow.yml").write_text(
        f"- {{sha256: {fingerprint('603 123 456')}, kind: phone, reason: office}}\n"
        f"- {{sha256: {'b' * 64}, reason: never used}}\n", encoding="utf-8")
    return root, rels


def _key(findings: list) -> list:
    return [(f.path, f.line, f.code, f.message, f.commit) for f in findings]


def test_worker_processes_give_the_same_findings(tmp_path, monkeypatch):
    root, rels = _repo(tmp_path, 40)
    monkeypatch.setenv("CASECONF_PII_JOBS", "1")
    core.clear_caches()
    serial = scan_files(root, rels, allow_words=ALLOW_WORDS, report_stale=True)
    monkeypatch.setenv("CASECONF_PII_JOBS", "2")
    monkeypatch.setattr(core, "MIN_CHUNK", 8)
    core.clear_caches()
    progress = []
    parallel = scan_files(root, rels, allow_words=ALLOW_WORDS, report_stale=True,
                          on_progress=lambda d, t: progress.append((d, t)))
    assert _key(parallel) == _key(serial)
    assert [f.code for f in serial].count("PII011") == 1  # the never used entry, not the office phone
    assert progress[0] == (0, 40) and progress[-1] == (40, 40) and len(progress) > 2


def test_history_in_worker_processes_gives_the_same_findings(tmp_path, monkeypatch):
    root, rels = _repo(tmp_path, 24)
    git = ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    for step in range(3):
        for rel in rels[step::3]:
            path = root / rel
            path.write_text(path.read_text(encoding="utf-8") + f"\nDoplněno {step}.\n", encoding="utf-8")
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-qm", f"step {step}"], check=True)
    monkeypatch.setenv("CASECONF_PII_JOBS", "1")
    core.clear_caches()
    serial = scan_history(root, allow_words=ALLOW_WORDS)
    monkeypatch.setenv("CASECONF_PII_JOBS", "2")
    core.clear_caches()
    assert _key(scan_history(root, allow_words=ALLOW_WORDS)) == _key(serial)
    assert any(f.kind == "name" for f in serial) and all(f.commit for f in serial)


def test_small_inputs_stay_in_process(monkeypatch):
    monkeypatch.delenv("CASECONF_PII_JOBS", raising=False)
    assert core.worker_count(1) == 1
    assert core.worker_count(core.PARALLEL_MIN - 1) == 1
