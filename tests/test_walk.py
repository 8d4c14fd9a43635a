"""Walking folders: every path that could not be read is reported (exit 2) beside the others'
results; hidden folders, virtual environments and what .gitignore excludes are skipped."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner
from conftest import CLEAN

from checker.cli import main
from checker.walk import Source, expand_sources


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def tree(root, *files):
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CLEAN, path)
    return root


def walked(root):
    return [os.path.relpath(s.path, root) for s in expand_sources([root]) if not s.problem]


def test_hidden_and_virtualenv_folders_are_skipped(tmp_path):
    tree(tmp_path, "a.txt", ".hidden/b.txt", "env/lib/c.txt", "sub/d.md", ".e.txt")
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    assert walked(tmp_path) == ["a.txt", "sub/d.md"]


def test_gitignore_at_and_above_the_walked_root_is_honoured(tmp_path):
    repo = tmp_path / "repo"
    tree(repo, "reports/keep.txt", "reports/draft.txt", "reports/build/out.txt", "reports/sub/x.txt")
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("build/\n")
    (repo / "reports" / ".gitignore").write_text("draft.txt\n")
    (repo / "reports" / "sub" / ".gitignore").write_text("*.txt\n")
    assert walked(repo / "reports") == ["keep.txt"]


def test_gitignore_outside_the_repository_is_not_read(tmp_path):
    (tmp_path / ".gitignore").write_text("*.txt\n")  # above the walked folder, no repository
    tree(tmp_path / "reports", "a.txt")
    assert walked(tmp_path / "reports") == ["a.txt"]


def test_a_named_file_is_read_even_when_ignored(tmp_path):
    tree(tmp_path, ".hidden.txt")
    assert run(tmp_path / ".hidden.txt").exit_code == 0


def test_dangling_and_looping_links_are_reported_and_the_others_still_printed(tmp_path):
    tree(tmp_path, "good.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "back").symlink_to(tmp_path)  # a folder link to the walked folder itself
    result = run(tmp_path, "--format", "json")
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"esgcheck: {tmp_path / 'back'}: is a symbolic link loop (points back to a folder above it)",
        f"esgcheck: {tmp_path / 'gone.txt'}: is a dangling symbolic link (to '{tmp_path / 'nowhere.txt'}',"
        " which does not exist)",
        f"esgcheck: {tmp_path / 'loop.txt'}: is a symbolic link loop",
    ]
    reports = json.loads(result.stdout)["reports"]
    assert [r["path"] for r in reports if r["error"] is None] == [str(tmp_path / "good.txt")]
    assert len(reports) == 4


def test_a_named_dangling_link_is_reported(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run(tmp_path / "gone.txt")
    assert result.exit_code == 2 and "is a dangling symbolic link" in result.stderr


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    """Tests may run as root, who reads any folder: the refusal is simulated at os.scandir."""
    tree(tmp_path, "good.txt", "locked/secret.txt")
    real = os.scandir

    def scandir(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert expand_sources([tmp_path]) == [
        Source(str(tmp_path / "good.txt")),
        Source(str(tmp_path / "locked"), "folder cannot be read (Permission denied)"),
    ]
    result = run(tmp_path)
    assert result.exit_code == 2
    locked = tmp_path / "locked"
    assert result.stderr.strip() == f"esgcheck: {locked}: folder cannot be read (Permission denied)"
    assert str(tmp_path / "good.txt") in " ".join(result.stdout.split())


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_subfolder_is_reported_for_real(tmp_path):
    tree(tmp_path, "good.txt", "locked/secret.txt")
    (tmp_path / "locked").chmod(0)
    try:
        result = run(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert result.exit_code == 2 and "locked: folder cannot be read" in result.stderr


def test_walking_the_current_folder_names_files_as_the_user_would(tmp_path, monkeypatch):
    tree(tmp_path, "a.txt", "sub/b.txt")
    monkeypatch.chdir(tmp_path)
    assert [s.path for s in expand_sources(["."])] == ["a.txt", os.path.join("sub", "b.txt")]
