import shutil
import subprocess
from pathlib import Path

import pytest

from caseconf.pii import scan_history

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git missing")


def git(cwd: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "HOME": str(cwd), "PATH": "/usr/bin:/bin:/usr/local/bin",
           "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always", *args],
                          cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


def make_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    return path


def test_empty_repo_and_non_repo(tmp_path):
    from caseconf.errors import NotARepository

    assert scan_history(make_repo(tmp_path / "r")) == []
    (tmp_path / "plain").mkdir()
    with pytest.raises(NotARepository):  # no history is no clean history
        scan_history(tmp_path / "plain")


def test_deleted_item_is_found_with_first_commit(tmp_path):
    repo = make_repo(tmp_path / "r")
    (repo / "records").mkdir()
    (repo / "records" / "a.md").write_text("# Zápis\nnic\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    (repo / "records" / "a.md").write_text("# Zápis\nnic\nVolat 603 123 456.\n")
    git(repo, "commit", "-qam", "leak")
    leak = git(repo, "rev-parse", "HEAD")
    (repo / "records" / "a.md").write_text("# Zápis\nnic\nVolat M.\n")
    git(repo, "commit", "-qam", "fix")
    (repo / "bin.dat").write_bytes(b"\x00\x01binary")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "bin")
    git(repo, "checkout", "-q", "--detach", "HEAD~1")
    out = scan_history(repo)
    phones = [f for f in out if f.code == "PII003"]
    assert [(f.path, f.line, f.commit) for f in phones] == [("records/a.md", 3, leak)]
    assert "603 123 456" not in phones[0].message
    assert any(f.code == "PII009" and f.path == "bin.dat" for f in out)


def test_each_blob_once(tmp_path):
    repo = make_repo(tmp_path / "r")
    (repo / "a.md").write_text("Volat 603 123 456.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    first = git(repo, "rev-parse", "HEAD")
    (repo / "b.md").write_text("nic\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "two")
    git(repo, "branch", "side")
    out = [f for f in scan_history(repo) if f.code == "PII003"]
    assert len(out) == 1 and out[0].commit == first


def test_shallow_clone_and_submodule(tmp_path):
    sub = make_repo(tmp_path / "sub")
    (sub / "s.md").write_text("nic\n")
    git(sub, "add", ".")
    git(sub, "commit", "-qm", "s")
    repo = make_repo(tmp_path / "r")
    for i in range(3):
        (repo / f"f{i}.md").write_text(f"krok {i}\nVolat 60{i + 3} 123 456.\n")
        git(repo, "add", ".")
        git(repo, "commit", "-qm", f"c{i}")
    git(repo, "submodule", "add", "-q", str(sub), "vendor/sub")
    git(repo, "commit", "-qm", "sub")
    out = scan_history(repo)
    assert sorted(f.path for f in out if f.code == "PII003") == ["f0.md", "f1.md", "f2.md"]
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    out2 = scan_history(shallow)
    assert sorted(f.path for f in out2 if f.code == "PII003") == ["f0.md", "f1.md", "f2.md"]
    assert all(f.commit for f in out2 if f.code == "PII003")


def _phone_history(repo: Path) -> dict[str, str]:
    """A history in which personal data comes, moves and goes; returns commit shas by step."""
    steps = {}
    (repo / "records").mkdir()
    (repo / "records" / "a.md").write_text("# Zápis\nnic\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    steps["one"] = git(repo, "rev-parse", "HEAD")
    (repo / "records" / "a.md").write_text("# Zápis\nnic\nVolat 603 123 456.\n")
    git(repo, "commit", "-qam", "leak")
    steps["leak"] = git(repo, "rev-parse", "HEAD")
    git(repo, "mv", "records/a.md", "records/volat 604 123 456.md")  # same content, a new name
    git(repo, "commit", "-qm", "rename")
    steps["rename"] = git(repo, "rev-parse", "HEAD")
    (repo / "records" / "volat 604 123 456.md").write_text("# Zápis\nnic\n")
    git(repo, "commit", "-qam", "fix")
    return steps


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_findings_carry_the_commit_and_path_that_brought_them(tmp_path, monkeypatch, jobs):
    monkeypatch.setenv("CASECONF_PII_JOBS", jobs)
    repo = make_repo(tmp_path / "r")
    steps = _phone_history(repo)
    phones = sorted((f.path, f.line, f.commit, "V názvu souboru" in f.message)
                    for f in scan_history(repo) if f.code == "PII003")
    assert phones == [
        ("records/a.md", 3, steps["leak"], False),  # the leaked line, where and when it came in
        ("records/volat 604 123 456.md", 1, steps["rename"], True),  # a renamed file's new name is scanned too
    ]


def test_a_stopped_git_fails_loudly_instead_of_scanning_less(tmp_path, monkeypatch):
    from caseconf.errors import OperationFailed
    from caseconf.pii import history

    monkeypatch.setenv("CASECONF_PII_JOBS", "1")
    repo = make_repo(tmp_path / "r")
    _phone_history(repo)
    monkeypatch.setattr(history._CatFile, "read_one", lambda self: None)  # git cat-file died
    with pytest.raises(OperationFailed):
        scan_history(repo)
