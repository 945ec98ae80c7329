import os
import subprocess
import sys
from pathlib import Path

import pytest

from caseconf.pii import fingerprint, purge_instructions, scan_files

PHONE_LINE = "Volat 603 123 456.\n"


def write(root: Path, rel: str, text: str | bytes) -> None:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")


def codes(findings):
    return [(f.path, f.line, f.code) for f in findings]


def test_scan_files_basic(tmp_path):
    write(tmp_path, "records/a.md", "# Zápis\n" + PHONE_LINE)
    out = scan_files(tmp_path, ["records/a.md"])
    assert codes(out) == [("records/a.md", 2, "PII003")]
    assert out[0].kind == "phone"


def test_file_name_is_scanned(tmp_path):
    write(tmp_path, "records/zapis-novakova.md", "nic\n")
    write(tmp_path, "records/Zapis Jana Nováková.md", "nic\n")
    out = scan_files(tmp_path, ["records/Zapis Jana Nováková.md"])
    assert any(f.kind == "name" for f in out)


def test_fingerprint_is_normalised():
    assert fingerprint("Nováková") == fingerprint("  NOVÁ\u200bKOVÁ ")
    assert len(fingerprint("x")) == 64 and fingerprint("x") != "x"


def test_allowlist_file_suppresses_by_content(tmp_path):
    write(tmp_path, "a.md", "Škola nese jméno Zdislava Hromádky.\n")
    assert any(f.kind == "name" for f in scan_files(tmp_path, ["a.md"]))
    out0 = scan_files(tmp_path, ["a.md"])
    hashes = [f.extra["fingerprint"] for f in out0]
    entries = "".join(f"- {{sha256: {h}, kind: name, reason: \"patron of a public school\"}}\n" for h in hashes)
    write(tmp_path, ".caseconf-pii-allow.yml", entries)
    assert scan_files(tmp_path, ["a.md"]) == []


def test_allowlist_lemma_matches_inflected_forms(tmp_path):
    write(tmp_path, "a.md", "Mluvili jsme o Hromádkovi.\n")
    write(tmp_path, ".caseconf-pii-allow.yml",
          f"- sha256: {fingerprint('hromádka')}\n  kind: name\n  reason: school patron\n")
    assert scan_files(tmp_path, ["a.md"]) == []


def test_allowlist_entry_without_reason_is_error_and_allows_nothing(tmp_path):
    write(tmp_path, "a.md", PHONE_LINE)
    write(tmp_path, ".caseconf-pii-allow.yml", f"- sha256: {fingerprint('603 123 456')}\n  kind: phone\n")
    out = codes(scan_files(tmp_path, ["a.md"]))
    assert (".caseconf-pii-allow.yml", 1, "PII010") in out
    assert ("a.md", 1, "PII003") in out


def test_allowlist_never_needs_clear_value_and_stale_entries(tmp_path):
    write(tmp_path, "a.md", PHONE_LINE)
    write(tmp_path, ".caseconf-pii-allow.yml",
          f"- sha256: {fingerprint('603 123 456')}\n  kind: phone\n  reason: office switchboard\n"
          f"- sha256: {fingerprint('nothing here')}\n  kind: name\n  reason: old\n")
    out = scan_files(tmp_path, ["a.md"], report_stale=True)
    assert codes(out) == [(".caseconf-pii-allow.yml", 4, "PII011")]
    assert out[0].severity == "warning"
    assert codes(scan_files(tmp_path, ["a.md"])) == []  # no stale report unless asked


def test_broken_allowlist_is_a_finding(tmp_path):
    write(tmp_path, "a.md", "nic\n")
    write(tmp_path, ".caseconf-pii-allow.yml", "- [unclosed\n")
    assert [f.code for f in scan_files(tmp_path, ["a.md"])] == ["PII010"]


def test_inline_markers(tmp_path):
    write(tmp_path, "a.md",
          'Škola Zdislava Hromádky <!-- caseconf: allow-pii kind=name reason="name of a public school" -->\n'
          "Volat 603 123 456 <!-- caseconf: allow-pii kind=name reason=\"wrong kind\" -->\n"
          "Volat 604 123 456 <!-- caseconf: allow-pii kind=phone -->\n")
    write(tmp_path, "b.yml", 'goal: "Zdislav Hromádko"  # caseconf: allow-pii kind=name reason="fictional patron"\n')
    out = codes(scan_files(tmp_path, ["a.md", "b.yml"]))
    assert out == [("a.md", 2, "PII003"), ("a.md", 3, "PII003"), ("a.md", 3, "PII010")]


def test_marker_alone_covers_next_line(tmp_path):
    write(tmp_path, "a.md", '<!-- caseconf: allow-pii kind=phone reason="crisis line of the office" -->\n'
                            "Krizová linka 603 123 456.\n")
    assert scan_files(tmp_path, ["a.md"]) == []


def test_bad_input_never_crashes(tmp_path):
    write(tmp_path, "bin.png", b"\x89PNG\x00\x01\x02")
    write(tmp_path, "latin2.md", "Volat 603 123 456, Mluvili s Novákovou\n".encode("cp1250"))
    write(tmp_path, "big.md", b"a" * (5 * 1024 * 1024 + 10))
    out = scan_files(tmp_path, ["bin.png", "latin2.md", "big.md", "missing.md"])
    got = codes(out)
    assert ("bin.png", 1, "PII009") in got
    assert ("big.md", 1, "PII009") in got
    assert ("missing.md", 1, "PII009") in got
    assert ("latin2.md", 1, "PII003") in got
    assert all(f.severity == "info" for f in out if f.code == "PII009")


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_outside_root_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(PHONE_LINE)
    root = tmp_path / "repo"
    root.mkdir()
    os.symlink(outside / "secret.md", root / "link.md")
    out = scan_files(root, ["link.md", "../outside/secret.md", str(outside / "secret.md")])
    assert [f.code for f in out] == ["PII012"] * 3
    assert all(f.severity == "error" for f in out)


def test_purge_instructions_three_languages():
    texts = {lang: purge_instructions(lang) for lang in ("cs", "sr-Latn", "en")}
    assert all("git filter-repo" in t for t in texts.values())
    assert len(set(texts.values())) == 3


def test_import_is_cheap():
    code = ("import sys, caseconf.pii; "
            "print(','.join(m for m in ('phonenumbers','simplemma','stdnum') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
