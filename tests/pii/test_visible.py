"""The scanner reads text as the page shows it, and the allow list is read safely."""

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from caseconf.pii import fingerprint, scan_files, scan_text
from caseconf.pii.visible import visible_text


def kinds(text):
    return [(f.line, f.kind) for f in scan_text(text, "r.md")]


def test_entities_comments_and_tags_are_read_as_shown():
    assert kinds("Telefon 777&#32;123&#32;456") == [(1, "phone")]
    assert kinds("Pište na jan.novak&#64;example.cz") == [(1, "email")]
    assert "name" in {k for _, k in kinds("Podle J<!-- -->an Nov<!-- -->áka je vše v pořádku.")}
    assert kinds("úvod\n<!-- víc\nřádků -->\ntel. 603&nbsp;123&nbsp;456") == [(4, "phone")]


def test_masked_excerpt_never_shows_the_decoded_value():
    finding = scan_text("Telefon 777&#32;123&#32;456", "r.md")[0]
    assert "777 123 456" not in finding.message and "123" not in finding.extra["excerpt"]


def test_allow_marker_inside_a_comment_still_applies():
    assert kinds('<!-- caseconf: allow-pii reason="linka úřadu" -->\nTelefon 603 123 456') == []


def test_autolinks_are_not_tags():
    assert kinds("Kontakt <jana.novakova@example.cz>") == [(1, "email")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>!-&#;x1\n/'\"=")), max_size=80))
def test_visible_text_keeps_every_line_break(text):
    assert visible_text(text).count("\n") == text.count("\n")


def _entry(value):
    return f"- {{sha256: {fingerprint(value)}, kind: phone, reason: \"linka úřadu\"}}\n"


def test_allowlist_symlinked_out_of_the_repository_is_refused_and_not_applied(tmp_path):
    root, outside = tmp_path / "repo", tmp_path / "elsewhere"
    root.mkdir()
    outside.mkdir()
    (root / "a.md").write_text("Telefon 603 123 456\n", encoding="utf-8")
    (outside / "allow.yml").write_text(_entry("603 123 456"), encoding="utf-8")
    os.symlink(outside / "allow.yml", root / ".caseconf-pii-allow.yml")
    found = scan_files(root, ["a.md", ".caseconf-pii-allow.yml"])
    assert any(f.kind == "phone" for f in found)  # not applied
    refused = [f for f in found if f.path == ".caseconf-pii-allow.yml"]
    assert [f.code for f in refused] == ["PII012"]  # reported, once


def test_allowlist_with_anchors_or_aliases_is_refused(tmp_path):
    (tmp_path / "a.md").write_text("Telefon 603 123 456\n", encoding="utf-8")
    sha = fingerprint("603 123 456")
    (tmp_path / ".caseconf-pii-allow.yml").write_text(
        f"- {{sha256: &h {sha}, kind: phone, reason: \"x\"}}\n- {{sha256: *h, kind: phone, reason: \"y\"}}\n",
        encoding="utf-8")
    found = scan_files(tmp_path, ["a.md"])
    assert any(f.kind == "phone" for f in found)
    assert any(f.path == ".caseconf-pii-allow.yml" and f.code == "PII010" for f in found)


def test_allowlist_in_the_repository_still_applies(tmp_path):
    (tmp_path / "a.md").write_text("Telefon 603 123 456\n", encoding="utf-8")
    (tmp_path / ".caseconf-pii-allow.yml").write_text(_entry("603 123 456"), encoding="utf-8")
    assert scan_files(tmp_path, ["a.md"]) == []


def test_scan_reuses_the_text_it_is_given(tmp_path):
    (tmp_path / "a.md").write_text("nic osobního\n", encoding="utf-8")
    found = scan_files(tmp_path, ["a.md"], texts={"a.md": "Telefon 603 123 456\n"})
    assert [f.kind for f in found] == ["phone"]  # the given text, not the file
