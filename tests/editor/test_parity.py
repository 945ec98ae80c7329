"""One source of truth: the form's browser checks (static/checks.js, fed with data generated
from the registries) and `caseconf check` / `caseconf pii` agree on the whole test corpus.

For every code the browser claims (`supported` in the generated data) the findings must be
the same, file by file and line by line: on every rule case of tests/rules (fail and pass
variants), the demo repository, and the personal-data corpus of tests/pii (planted and
clean records). Codes the browser cannot judge are listed as `ci_only` and only compared
for being declared: new codes from the registries land there until someone ports them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseconf.editor.checks import BROWSER_PII_CODES, BROWSER_RULES, browser_checks, registry_codes
from caseconf.pii import scan_text
from caseconf.records.repository import Repository

from ..pii import corpus
from ..rules.apply import materialise
from . import parity

pytestmark = [pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"), pytest.mark.slow]

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
RULE_DIRS = sorted(p for p in (HERE.parent / "rules").iterdir() if (p / "case.yml").is_file())


def rule_variants() -> list[tuple[str, dict]]:
    """Every variant of every rule case, read as the rule tests read them."""
    from ..rules.test_rule_cases import _load

    out: list[tuple[str, dict]] = [("base", {})]
    for folder in RULE_DIRS:
        spec = _load(folder)
        for outcome in ("fail", "pass"):
            out += [(f"{folder.name}-{outcome}-{case['name']}", case) for case in spec.get(outcome) or []]
    return out


def test_every_registry_code_is_either_checked_in_the_browser_or_declared_ci_only() -> None:
    data = browser_checks(Repository.load(PROJECT))
    codes = set(registry_codes("en"))
    assert set(data["supported"]) | set(data["ci_only"]) == codes
    assert not set(data["supported"]) & set(data["ci_only"])
    assert BROWSER_RULES <= set(data["supported"]) | set(data["ci_only"])
    # the form's refusals rest on these; losing one would let such a record reach a branch
    assert {"SCHEMA001", "PLAN001", "PLAN002", "PLAN011", "SUPP002", "PII003", "PII008"} <= set(data["supported"])


def test_browser_and_python_agree_on_every_rule_case_and_the_demo_repository(tmp_path: Path) -> None:
    mismatches = []
    roots = [(name, materialise(tmp_path / name, case.get("edits") or [], case.get("configs"), case.get("base", "cz")))
             for name, case in rule_variants()]
    demo = tmp_path / "demo"
    shutil.copytree(PROJECT / "records", demo / "records")
    shutil.copy(PROJECT / "caseconf.yml", demo / "caseconf.yml")
    roots.append(("demo", demo))
    seen: set[str] = set()
    browser_side = parity.browser_findings_many([root for _, root in roots])
    for (name, root), (data, browser) in zip(roots, browser_side):
        python = parity.python_findings(root)
        claimed = set(data["supported"])
        want, got = parity.keys(python, claimed), parity.keys(browser, claimed)
        seen |= {code for _, _, code in want}
        if want != got:
            mismatches.append((name, sorted(want - got), sorted(got - want)))
    assert not mismatches, "\n".join(f"{n}: python only {a}, browser only {b}" for n, a, b in mismatches)
    # the corpus really exercises every rule the browser claims
    assert BROWSER_RULES - seen == set(), BROWSER_RULES - seen


def test_browser_and_python_agree_on_the_personal_data_corpus() -> None:
    repo = Repository.load(PROJECT)
    data = browser_checks(repo)
    allow = list(corpus.ALLOW_WORDS) + list(repo.config.pii_allow_words())  # type: ignore[union-attr]
    data["pii"]["allow_words"] = allow
    texts = [(p.relative_to(PROJECT).as_posix(), p.read_text(encoding="utf-8"))
             for p in sorted((PROJECT / "records").rglob("*")) if p.is_file() and p.suffix in (".md", ".yml")]
    for seed in (7, 8, 9, 10):
        texts += [(f"planted-{seed}-{i}.md", text) for i, (text, _) in enumerate(corpus.planted_records(seed=seed))]
    texts += [(f"clean-{i}.md", text) for i, text in enumerate(corpus.clean_records())]
    results = parity.run_js({"op": "check", "data": data,
                             "items": [{"schema": None, "text": t, "format": "fm", "pii": True} for _, t in texts]})
    claimed = {c for c in data["supported"] if c.startswith("PII")}
    refusals, kinds, per_code, pairs = [], [], {c: 0 for c in claimed}, 0
    for (name, text), result in zip(texts, results):
        want = {(f.line, f.code) for f in scan_text(text, name, allow_words=allow, lang="cs") if f.code in claimed}
        got = {(f["line"], f["code"]) for f in result["pii"]}
        pairs += len(want | got)
        for _, code in want:
            per_code[code] += 1
        lines = text.split("\n")
        # the save is refused on exactly the lines `caseconf pii` would refuse
        for ln in sorted({ln for ln, _ in want} ^ {ln for ln, _ in got}):
            refusals.append(f"{name}:{ln} {'python' if any(w[0] == ln for w in want) else 'browser'} only: "
                            f"{lines[ln - 1][:100]}")
        kinds += [f"{name}:{ln} {code} {'python' if (ln, code) in want else 'browser'} only: {lines[ln - 1][:80]}"
                  for ln, code in sorted(want ^ got)]
    assert not refusals, "\n".join(refusals[:40])
    # Where two detectors claim one overlapping value (a birth number in brackets, which the
    # phone matcher also takes), the kinds may differ; the refusal does not.
    assert len(kinds) <= 0.02 * pairs, "\n".join(kinds[:40])
    assert all(n >= 20 for code, n in per_code.items() if code not in BROWSER_PII_CODES), per_code


def test_the_form_refuses_every_name_and_address_the_guard_finds_in_the_benchmark_corpus() -> None:
    """benchmarks/pii.py's corpus (other sources than the guard's lexicon, names declined in
    every case, planted and clean records): every line `caseconf pii` refuses for a name or
    an address, the form refuses too. The form may refuse a little more (it has no
    lemmatiser's dictionaries, only the words lexical_facts.txt ships): a bounded share."""
    from . import corpus_parity

    texts = corpus_parity.corpus_texts([21], n_items=800, n_clean=100)
    gaps = corpus_parity.compare(texts)
    for code in ("PII007", "PII008"):
        laxer = gaps.by_kind.get(f"python {code}", [])
        assert not laxer, "\n".join(laxer[:30])
    stricter = gaps.by_kind.get("browser PII008", [])
    assert len(stricter) <= 0.01 * gaps.lines, "\n".join(stricter[:30])


def test_the_shipped_dictionary_answers_are_the_detectors_own() -> None:
    """lexical_facts.txt holds what caseconf.pii.names asks simplemma's dictionaries; a sample
    of it, asked again, answers the same (else: `python -m caseconf.editor.checks`)."""
    import random

    from caseconf.editor.checks import LEXICAL_FILE, lexical_flags

    lines = [ln for ln in LEXICAL_FILE.read_text(encoding="utf-8").splitlines() if ln and ln[0] not in "#~="]
    sample = random.Random(17).sample(lines, 300)
    stale = []
    for line in sample:
        word, _, flags = line.partition("\t")
        if lexical_flags(word) != (flags or "ok"):
            stale.append(f"{word}: file {flags or 'ok'}, now {lexical_flags(word)}")
    assert not stale, "\n".join(stale[:20])


MARKERS = ["caseconf: allow-pii", "caseconf: allow-pii reason=\"veřejné číslo linky\"",
           "caseconf: allow-pii kind=phone reason=linka", "caseconf: allow-pii kinds=name,email reason='jméno úřadu'",
           "caseconf: allow-pii reason=„zveřejněno“", "CASECONF: Allow-PII reason=", "caseconf:allow-pii kind=phone"]
SHAPES = ["{line} <!-- {marker} -->", "{line} # {marker}", "<!-- {marker} -->\n{line}", "# {marker}\n{line}",
          "{marker}\n{line}", "{line}"]
PLANTED = ["Paní Nováková řekla, ať jí zavoláme na 603 123 456.", "Napište na jana.novakova@example.cz.",
           "Linka bezpečí 116 111 je zdarma.", "Otec Petr Dvořák přišel pozdě."]


def test_browser_and_python_agree_on_allow_pii_markers() -> None:
    """An allow-pii marker allows its kinds on its line (and the next, alone); without a
    reason it allows nothing and is itself an error (PII010): both sides alike."""
    data = browser_checks(Repository.load(PROJECT))
    texts = [shape.format(line=line, marker=marker) + "\n" for marker in MARKERS for shape in SHAPES for line in PLANTED]
    results = parity.run_js({"op": "check", "data": data,
                             "items": [{"schema": None, "text": t, "format": "fm", "pii": True} for t in texts]})
    claimed = {c for c in data["supported"] if c.startswith("PII")}
    differ, seen = [], set()
    for i, (text, result) in enumerate(zip(texts, results)):
        want = {(f.line, f.code) for f in scan_text(text, f"m{i}.md", lang="cs") if f.code in claimed}
        got = {(f["line"], f["code"]) for f in result["pii"]}
        seen |= {code for _, code in want}
        if {ln for ln, _ in want} != {ln for ln, _ in got} or {c for _, c in want if c == "PII010"} != {
                c for _, c in got if c == "PII010"}:
            differ.append(f"{text!r}: python {sorted(want)}, browser {sorted(got)}")
    assert not differ, "\n".join(differ[:20])
    assert "PII010" in seen


# Addresses as a record could hold them: every shape the guard's address detector knows,
# built from obviously fictional parts and the gazetteer's own municipalities.
_STREET_WORDS = ["ulice", "ul.", "Ulice", "náměstí", "nám.", "třída", "tř.", "ulica", "Bulevar", "trg", "sídliště"]
_STREET_NAMES = ["Husova", "Masarykova", "Palackého", "Na Příkopě", "U Lesa", "Pod Hájem", "Nerudova", "Njegoševa",
                 "Slovanská", "Jiráskovo náměstí", "Bratří Čapků", "Horní"]
_TOWNS = ["Jihlava", "Třebíč", "Podgorica", "Nikšić", "Havlíčkův Brod", "Pelhřimov", "Kotor"]


def _village() -> st.SearchStrategy[str]:
    from caseconf.pii.names import _gazetteer

    names = sorted(n for n in _gazetteer() if " " not in n)
    return st.sampled_from(names).map(lambda n: n[:1].upper() + n[1:])


_NUMBER = st.one_of(st.integers(1, 2500).map(str), st.tuples(st.integers(1, 3000), st.integers(1, 40)).map(
    lambda t: f"{t[0]}/{t[1]}"), st.just("bb"), st.integers(1, 99).map(lambda n: f"{n}a"))
_ADDRESS = st.one_of(
    st.tuples(st.sampled_from(_STREET_WORDS), st.sampled_from(_STREET_NAMES), _NUMBER).map(" ".join),
    st.tuples(st.sampled_from(_STREET_NAMES), _NUMBER).map(" ".join),
    st.tuples(st.integers(100, 799), st.integers(0, 99), st.sampled_from(_TOWNS)).map(
        lambda t: f"{t[0]} {t[1]:02d} {t[2]}"),
    st.tuples(st.integers(10000, 89999), st.sampled_from(_TOWNS)).map(lambda t: f"{t[0]} {t[1]}"),
    st.tuples(st.sampled_from(["č. p.", "čp.", "č. ev.", "číslo popisné"]), st.integers(1, 999)).map(
        lambda t: f"{t[0]} {t[1]}"),
    st.tuples(_village(), _NUMBER).map(" ".join),
)
_AROUND = st.tuples(st.sampled_from(["", "Bydlí ", "Nová adresa: ", "Rodina se stěhuje na ", "- ", "Matka žije v "]),
                    st.sampled_from(["", ".", ", 2. patro", " (u babičky)", " a je tam spokojená.", "\n"]))


@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(_AROUND, _ADDRESS, st.booleans()), min_size=150, max_size=150))
def test_the_form_refuses_every_address_the_guard_finds(lines: list[tuple[tuple[str, str], str, bool]]) -> None:
    """The address port may be stricter than the guard (it does not ask the dictionaries
    whether "Lhůty" is an ordinary word), never laxer: every line `caseconf pii` refuses,
    the form refuses too (for an address or another finding on that line)."""
    data = browser_checks(Repository.load(PROJECT))
    texts = []
    for (before, after), address, split in lines:
        if split and " " in address:  # the house number on the next line, as in a wrapped text
            head, _, tail = address.rpartition(" ")
            address = f"{head}\n{tail}"
        texts.append(f"{before}{address}{after}\n")
    results = parity.run_js({"op": "check", "data": data,
                             "items": [{"schema": None, "text": t, "format": "fm", "pii": True} for t in texts]})
    laxer, found = [], 0
    for i, (text, result) in enumerate(zip(texts, results)):
        # (the name port is judged by the corpus test above; this one is about addresses)
        want = {f.line for f in scan_text(text, f"a{i}.md", lang="cs") if f.code == "PII007"}
        got = {f["line"] for f in result["pii"] if f["severity"] == "error"}
        found += bool(want)
        if want - got:
            laxer.append(f"{text!r}: python {sorted(want)}, browser {sorted(got)}")
    assert not laxer, "\n".join(laxer[:30])
    assert found >= 50  # the guard found addresses in most of them: the test is not vacuous
