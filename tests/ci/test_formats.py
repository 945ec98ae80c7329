"""`caseconf check|pii --format github|gitlab|sarif|junit`, validated as the hostings read them."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseconf.cli.formats import CI_FORMATS, render
from caseconf.records.findings import Finding

from ..helpers import PROJECT, git, run_caseconf
from .conftest import INITIAL, personal_line

SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
GITHUB_LINE = re.compile(r"^::(error|warning|notice) file=([^,:]+),line=(\d+),title=([A-Z]+\d+)::(.+)$")
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def validate_sarif(text: str) -> dict:
    log = json.loads(text)
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    assert log["$schema"] == SARIF_SCHEMA["id"] and log["version"] == "2.1.0"
    return log


def validate_gitlab(text: str) -> list:
    issues = json.loads(text)
    assert isinstance(issues, list)
    for issue in issues:  # the fields GitLab's Code Quality documentation requires
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert issue["severity"] in GITLAB_SEVERITIES
        assert isinstance(issue["location"]["path"], str) and not issue["location"]["path"].startswith("/")
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues), "GitLab merges issues with one fingerprint"
    return issues


def validate_junit(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    assert int(suite.get("tests", "-1")) == len(suite.findall("testcase"))
    assert int(suite.get("failures", "-1")) == len(suite.findall("testcase/failure"))
    return root


def validate_github(text: str) -> list[re.Match[str]]:
    lines = [line for line in text.splitlines() if line]
    matches = [GITHUB_LINE.match(line) for line in lines]
    assert all(matches), lines
    return matches  # type: ignore[return-value]


def demo_team_files() -> list[str]:
    """The demo team repository's own files (not caseconf's source), and the pages of this work."""
    listed = git(PROJECT, "ls-files", "--", "caseconf.yml", "mkdocs.yml", "records", "methodology").stdout.split()
    return listed + ["HOSTING.md", "CHANGELOG.md"]


@pytest.mark.parametrize("command", ["check", "pii"])
def test_the_demo_has_no_findings_in_any_format(command: str) -> None:
    paths = demo_team_files() if command == "pii" else []
    for fmt in CI_FORMATS:
        result = run_caseconf(command, "--format", fmt, *paths, cwd=PROJECT)
        assert result.code == 0, (fmt, result.out[-2000:], result.err[-2000:])
        {"github": validate_github, "gitlab": validate_gitlab, "sarif": validate_sarif,
         "junit": validate_junit}[fmt](result.out)


def test_findings_in_every_format_with_paths_from_the_repository_root(findings_repo: Path) -> None:
    outputs = {}
    for fmt in CI_FORMATS:
        result = run_caseconf("check", "--format", fmt, cwd=findings_repo)
        assert result.code == 1, (fmt, result.err)
        outputs[fmt] = result.out
    secret = personal_line().split("Matka ")[1].split(" volala")[0]
    phone = personal_line().split("čísla ")[1].rstrip(".\n")
    for fmt, text in outputs.items():  # masked excerpts only, whatever the format
        assert secret.split()[1] not in text and phone not in text, fmt
    path = f"team/{INITIAL}"

    log = validate_sarif(outputs["sarif"])
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"PLAN001", "PII003", "PII008"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {path}
    rule_ids = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in results)

    issues = validate_gitlab(outputs["gitlab"])
    assert {i["location"]["path"] for i in issues} == {path}
    assert {i["check_name"] for i in issues} == {r["ruleId"] for r in results}
    assert {i["severity"] for i in issues if i["check_name"].startswith("PII")} == {"critical"}

    junit = validate_junit(outputs["junit"])
    failures = junit.findall("testsuite/testcase/failure")
    assert len(failures) == len(results) and {f.get("type") for f in failures} == {r["ruleId"] for r in results}

    annotations = validate_github(outputs["github"])
    assert {m.group(2) for m in annotations} == {path} and {m.group(1) for m in annotations} == {"error"}

    # one fingerprint across the formats for one finding
    assert [i["fingerprint"] for i in issues] == [r["partialFingerprints"]["caseconf/v1"] for r in results]


def test_fingerprints_survive_moved_lines(findings_repo: Path) -> None:
    before = validate_gitlab(run_caseconf("check", "--format", "gitlab", cwd=findings_repo).out)
    record = findings_repo / INITIAL
    text = record.read_text(encoding="utf-8")
    # lines added above every finding: in the front matter and in the minutes
    text = text.replace("---\n", "---\n# a comment line\n", 1).replace(personal_line(), "\n\n" + personal_line())
    record.write_text(text, encoding="utf-8")
    after = validate_gitlab(run_caseconf("check", "--format", "gitlab", cwd=findings_repo).out)
    assert [i["location"]["lines"]["begin"] for i in after] != [i["location"]["lines"]["begin"] for i in before]
    assert sorted(i["fingerprint"] for i in after) == sorted(i["fingerprint"] for i in before)


def test_a_changed_line_changes_its_fingerprint(findings_repo: Path) -> None:
    before = {i["check_name"]: i["fingerprint"] for i in validate_gitlab(
        run_caseconf("check", "--format", "gitlab", "--no-pii", cwd=findings_repo).out)}
    record = findings_repo / INITIAL
    text = record.read_text(encoding="utf-8")
    # PLAN001 points at the action's id line; renumbering the action is a different finding
    record.write_text(text.replace("- id: A1", "- id: A3", 1).replace("{action: A1", "{action: A3"), encoding="utf-8")
    after = {i["check_name"]: i["fingerprint"] for i in validate_gitlab(
        run_caseconf("check", "--format", "gitlab", "--no-pii", cwd=findings_repo).out)}
    assert "PLAN001" in after and after["PLAN001"] != before["PLAN001"]


def test_pii_history_in_sarif_names_the_commit(findings_repo: Path) -> None:
    top = findings_repo.parent
    record = findings_repo / INITIAL
    record.write_text(record.read_text(encoding="utf-8").replace(personal_line(), ""), encoding="utf-8")
    git(top, "commit", "-qam", "personal data removed")
    assert run_caseconf("pii", "--format", "sarif", cwd=findings_repo).code == 0
    result = run_caseconf("pii", "--history", "--format", "sarif", cwd=findings_repo)
    assert result.code == 1, result.err
    results = validate_sarif(result.out)["runs"][0]["results"]
    first = git(top, "rev-list", "--max-parents=0", "HEAD").stdout.strip()
    assert results and {r["properties"]["commit"] for r in results} == {first}
    gitlab = validate_gitlab(run_caseconf("pii", "--history", "--format", "gitlab", cwd=findings_repo).out)
    assert len(gitlab) == len(results)
    validate_junit(run_caseconf("pii", "--history", "--format", "junit", cwd=findings_repo).out)


HOSTILE = "line\x1b[2J\r\n::error file=records/x.md,line=1::all clear\x00\u202e\ufffe"


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_control_characters_cannot_forge_output(fmt: str, tmp_path: Path) -> None:
    findings = [Finding("records/a\x1bb.md", 3, "SCHEMA001", "error", HOSTILE),
                Finding("records/a.md", 4, "SCHEMA001", "warning", HOSTILE)]
    text = render(fmt, findings, root=tmp_path, tool="check", checked=2)
    assert "\x1b" not in text and "\x00" not in text and "\r" not in text and "\u202e" not in text
    if fmt == "github":
        assert len(text.splitlines()) == 2 and len(validate_github(text)) == 2
    elif fmt == "junit":
        validate_junit(text)
    elif fmt == "sarif":
        validate_sarif(text)
    else:
        validate_gitlab(text)


def test_identical_findings_on_identical_lines_keep_apart(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("same\nsame\n", encoding="utf-8")
    findings = [Finding("a.md", 1, "SCHEMA001", "error", "m"), Finding("a.md", 2, "SCHEMA001", "error", "m")]
    issues = validate_gitlab(render("gitlab", findings, root=tmp_path, tool="check"))
    assert len({i["fingerprint"] for i in issues}) == 2


def test_a_personal_data_fingerprint_follows_the_value_not_the_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("first wording\nsecond wording\n", encoding="utf-8")

    def fingerprint_at(line: int, value_hash: str) -> str:
        finding = Finding("a.md", line, "PII008", "error", "masked", kind="name", extra={"fingerprint": value_hash})
        return validate_gitlab(render("gitlab", [finding], root=tmp_path, tool="pii"))[0]["fingerprint"]

    assert fingerprint_at(1, "ab" * 32) == fingerprint_at(2, "ab" * 32)  # the line was reworded around it
    assert fingerprint_at(1, "ab" * 32) != fingerprint_at(1, "cd" * 32)


lines_of_text = st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
                                 max_size=30), min_size=1, max_size=20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=lines_of_text, inserted=lines_of_text, data=st.data())
def test_fingerprints_ignore_lines_inserted_above(tmp_path: Path, lines: list[str], inserted: list[str],
                                                  data: st.DataObject) -> None:
    target = data.draw(st.integers(min_value=1, max_value=len(lines)))
    path = tmp_path / "r.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = render("gitlab", [Finding("r.md", target, "PLAN001", "error", "m")], root=tmp_path, tool="check")
    at = data.draw(st.integers(min_value=0, max_value=target - 1))
    path.write_text("\n".join(lines[:at] + inserted + lines[at:]) + "\n", encoding="utf-8")
    moved = Finding("r.md", target + len(inserted), "PLAN001", "error", "m")
    after = render("gitlab", [moved], root=tmp_path, tool="check")
    assert json.loads(after)[0]["fingerprint"] == json.loads(before)[0]["fingerprint"]
