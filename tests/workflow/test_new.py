"""`caseconf new`: scaffolds, next free numbers, evaluation of open actions, never overwriting."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import yaml
from click.testing import CliRunner

from caseconf.index.actions import open_actions
from caseconf.records.repository import Repository

from ..helpers import CASECONF, run_caseconf


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_review_on_the_demo_lists_every_open_action(demo_copy: Path) -> None:
    repo = Repository.load(demo_copy)
    day = dt.date(2026, 11, 23)
    by_case: dict[str, list[str]] = {}
    for item in open_actions(repo, as_of=day):
        by_case.setdefault(item.case, []).append(item.id)
    assert by_case  # the demo has open actions
    for case_id, expected in by_case.items():
        run = run_caseconf("new", "conference", "--root", str(demo_copy), "--case", case_id, "--kind", "review",
                           "--date", day.isoformat())
        assert run.code == 0, run.err
        path = Path(run.out.strip())
        assert path.name == "2026-11-23-review.md" and path.parent.name == case_id
        data = front_matter(path)
        assert sorted(e["action"] for e in data["evaluation"]) == sorted(expected)
        assert all(e["result"] is None for e in data["evaluation"])
        text = path.read_text(encoding="utf-8")
        for item in open_actions(repo, as_of=day):
            if item.case == case_id:
                assert f"# {item.id}: {' '.join((item.do or '').split())[:40]}" in text
    # known by hand: TR-2025-031 has A6 (continued), A9 and A10 open
    assert sorted(by_case["TR-2025-031"]) == ["A10", "A6", "A9"]


def test_scaffold_is_flagged_until_filled(demo_copy: Path) -> None:
    run = run_caseconf("new", "conference", "--root", str(demo_copy), "--case", "HB-2026-015", "--kind", "initial",
                       "--date", "2026-11-23")
    path = Path(run.out.strip())
    data = front_matter(path)
    assert data["goal"] is None and data["plan"]["actions"][0]["owner"] is None
    assert data["plan"]["actions"][0]["id"] == "A9"  # HB-2026-015 used A1..A8
    check = run_caseconf("check", "--root", str(demo_copy), "--no-pii", "--format", "json",
                         str(path.relative_to(demo_copy)), cwd=demo_copy)
    codes = {f["code"] for f in check.json()["findings"] if f["path"].endswith(path.name)}
    assert check.code == 1 and {"CONF001", "PLAN001", "PLAN002", "PLAN005"} <= codes


def test_never_overwrites(demo_copy: Path) -> None:
    target = demo_copy / "records" / "HB-2026-015" / "2026-11-23-crisis.md"
    target.write_text("somebody's unsaved work\n", encoding="utf-8")
    paths = []
    for _ in range(2):
        run = run_caseconf("new", "conference", "--root", str(demo_copy), "--case", "HB-2026-015", "--kind",
                           "crisis", "--date", "2026-11-23")
        assert run.code == 0
        paths.append(Path(run.out.strip()).name)
    assert paths == ["2026-11-23-crisis-2.md", "2026-11-23-crisis-3.md"]
    assert target.read_text(encoding="utf-8") == "somebody's unsaved work\n"
    assert not list(target.parent.glob(".*.tmp"))


def test_two_concurrent_runs_give_distinct_files(demo_copy: Path) -> None:
    def start(*args: str) -> subprocess.Popen[str]:
        return subprocess.Popen([*CASECONF, "new", *args, "--root", str(demo_copy)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)

    for args in (("conference", "--case", "JI-2026-022", "--kind", "evaluation", "--date", "2026-12-01"),
                 ("case", "--office", "PE", "--opened", "2026-12-01"),
                 ("activity", "--kind", "workshop", "--date", "2026-12-01")):
        procs = [start(*args) for _ in range(4)]
        outs = [p.communicate(timeout=120) for p in procs]
        assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
        paths = [o[0].strip() for o in outs]
        assert len(set(paths)) == 4 and all(Path(p).is_file() for p in paths)


def test_new_case_and_activity(demo_copy: Path) -> None:
    run = run_caseconf("new", "case", "--root", str(demo_copy), "--office", "JI", "--opened", "2026-11-23")
    path = Path(run.out.strip())
    assert run.code == 0 and path == demo_copy / "records" / "JI-2026-023" / "case.yml"  # JI-2026-022 exists
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["id"] == "JI-2026-023" and data["office"] == "JI" and str(data["opened"]) == "2026-11-23"
    run = run_caseconf("new", "case", "--root", str(demo_copy), "--office", "TR", "--opened", "2027-01-02")
    assert Path(run.out.strip()).parent.name == "TR-2027-001"
    run = run_caseconf("new", "activity", "--root", str(demo_copy), "--kind", "supervision", "--date", "2027-01-05")
    assert Path(run.out.strip()) == demo_copy / "records" / "activities" / "2027" / "2027-01-05-supervision.md"
    check = run_caseconf("check", "--root", str(demo_copy), "--no-pii", "--format", "json")
    assert not [f for f in check.json()["findings"] if f["severity"] == "error"]


def test_bad_input(demo_copy: Path) -> None:
    missing = run_caseconf("new", "case", "--root", str(demo_copy))
    assert missing.code == 2 and "--office" in missing.err
    assert run_caseconf("new", "conference", "--root", str(demo_copy), "--case", "JI-2026-022").code == 2
    unknown = run_caseconf("new", "conference", "--root", str(demo_copy), "--case", "XX-2020-001", "--kind", "review")
    assert unknown.code == 2 and "XX-2020-001" in unknown.err
    assert run_caseconf("new", "case", "--root", str(demo_copy), "--office", "ZZ").code == 2
    assert run_caseconf("new", "activity", "--root", str(demo_copy), "--kind", "party").code == 2
    assert run_caseconf("new", "activity", "--root", str(demo_copy), "--kind", "workshop",
                        "--date", "yesterday").code == 2


def test_prompts_in_a_terminal(demo_copy: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from caseconf.cli import new_cmd

    monkeypatch.setattr(new_cmd, "interactive", lambda: True)
    result = CliRunner().invoke(new_cmd.new, ["conference", "--root", str(demo_copy), "--date", "2026-11-23"],
                                input="PE-2026-003\nreview\n")
    assert result.exit_code == 0, result.output
    assert (demo_copy / "records" / "PE-2026-003" / "2026-11-23-review.md").is_file()


def test_a_closed_case_gets_no_new_record_after_its_closure(demo_copy: Path) -> None:
    # JI-2025-014 was closed on 2025-10-07 (goals met)
    folder = demo_copy / "records" / "JI-2025-014"
    before = sorted(p.name for p in folder.iterdir())
    run = run_caseconf("new", "conference", "--root", str(demo_copy), "--case", "JI-2025-014", "--kind", "review",
                       "--date", "2026-11-23")
    assert run.code in (1, 2) and "JI-2025-014" in run.err and "status: open" in run.err
    assert "Traceback" not in run.err
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing written
    # a record written up late, dated before the closure, is still fine
    late = run_caseconf("new", "conference", "--root", str(demo_copy), "--case", "JI-2025-014", "--kind",
                        "preparatory", "--date", "2025-09-01")
    assert late.code == 0, late.err


def test_new_case_refuses_an_office_caseconf_yml_does_not_list(demo_copy: Path) -> None:
    config = demo_copy / "caseconf.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["offices"] = {}
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    run = run_caseconf("new", "case", "--root", str(demo_copy), "--office", "JI")
    assert run.code in (1, 2) and "offices" in run.err
    assert not (demo_copy / "records" / "JI-2026-023").exists()


def test_case_prompt_lists_open_cases_apart_and_offers_no_false_default(demo_copy: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from caseconf.cli import new_cmd

    monkeypatch.setattr(new_cmd, "interactive", lambda: True)
    # Enter alone does not pick a case: the prompt asks again, then takes what is typed
    result = CliRunner().invoke(new_cmd.new, ["conference", "--root", str(demo_copy), "--date", "2026-11-23",
                                              "--kind", "review"], input="\nPE-2026-003\n")
    assert result.exit_code == 0, result.output
    prompt_lines = [line for line in result.output.splitlines() if line.startswith("Kód případu")]
    assert prompt_lines and all("(JI-" not in line and "[" not in line for line in prompt_lines), prompt_lines
    assert any(line.startswith("Otevřené případy:") and "PE-2026-003" in line and "JI-2025-014" not in line
               for line in result.output.splitlines())


def test_with_one_open_case_enter_takes_it(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from caseconf.cli import new_cmd

    from .builders import add_case, make_repo

    root = make_repo(tmp_path / "team")
    add_case(root, "JI-2025-001", opened="2025-02-20")
    monkeypatch.setattr(new_cmd, "interactive", lambda: True)
    result = CliRunner().invoke(new_cmd.new, ["conference", "--root", str(root), "--date", "2025-03-04",
                                              "--kind", "initial"], input="\n")
    assert result.exit_code == 0, result.output
    assert "[JI-2025-001]" in result.output
    assert (root / "records" / "JI-2025-001" / "2025-03-04-initial.md").is_file()
