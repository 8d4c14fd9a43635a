"""The pre-commit hook (.pre-commit-hooks.yaml): a good draft passes, a bad one fails with its
findings, files with no content index pass quietly.

`pre-commit try-repo` builds the hook's environment by installing this package and its dependencies
from the package index, which a hermetic test cannot reach. So the suite runs real pre-commit in a
temporary git repository with a local hook carrying the manifest's own entry and file pattern
(`language: system`, the esgcheck under test), and checks the manifest with pre-commit's validator.
`ESGCHECK_NETWORK_TESTS=1` also runs `pre-commit try-repo` against this repository for real.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CLEAN, ROOT

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture(scope="module")
def hook() -> dict:
    (entry,) = yaml.safe_load(MANIFEST.read_text())
    return entry


def drafting_repo(tmp_path: Path, bad: bool) -> Path:
    """A git repository holding a good draft, a note with no index, a script, and maybe a bad draft."""
    repo = tmp_path / "drafts"
    repo.mkdir()
    good = CLEAN.read_text(encoding="utf-8")
    (repo / "report-2024.txt").write_text(good, encoding="utf-8")
    (repo / "notes.md").write_text("# Notes\n\nNothing to check here.\n", encoding="utf-8")
    (repo / "build.py").write_text("print('not a report')\n", encoding="utf-8")
    if bad:
        wrong = good.replace("305-4 GHG emissions intensity", "305-4 Other indirect (Scope 3) GHG emissions")
        (repo / "chapter.md").write_text(wrong, encoding="utf-8")
    env = _env(tmp_path)
    for command in (["git", "init", "-q"], ["git", "add", "."]):
        subprocess.run(command, cwd=repo, check=True, env=env)
    return repo


def _env(tmp_path: Path) -> dict[str, str]:
    """The esgcheck under test first on PATH; pre-commit's cache and git's identity kept in tmp_path."""
    bin_dir = str(Path(sys.executable).parent)
    return os.environ | {
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "HOME": str(tmp_path),
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def test_manifest_is_valid_for_pre_commit(hook):
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert hook["id"] == "esgcheck" and hook["language"] == "python"
    assert "--allow-no-index" in hook["entry"]
    assert "--jobs 1" in hook["entry"]  # pre-commit runs one process per core itself
    pattern = re.compile(hook["files"])
    assert all(pattern.search(name) for name in ("a.md", "b/c.txt", "d.docx"))
    assert not any(pattern.search(name) for name in ("a.py", "b.pdf", "c.yaml"))


def _run_pre_commit(tmp_path: Path, repo: Path, hook: dict) -> subprocess.CompletedProcess[str]:
    local = {
        "repos": [
            {
                "repo": "local",
                "hooks": [
                    {k: hook[k] for k in ("id", "name", "entry", "files", "types")} | {"language": "system"}
                ],
            }
        ]
    }
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(local))
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_hook_passes_a_good_draft_and_files_without_an_index(tmp_path, hook):
    done = _run_pre_commit(tmp_path, drafting_repo(tmp_path, bad=False), hook)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"esgcheck.*Passed", done.stdout)
    assert "no content index" not in done.stdout + done.stderr


def test_hook_fails_a_bad_draft_and_prints_its_findings(tmp_path, hook):
    done = _run_pre_commit(tmp_path, drafting_repo(tmp_path, bad=True), hook)
    assert done.returncode == 1
    out = " ".join(done.stdout.split())
    assert "Failed" in out and "chapter.md" in out
    assert 'GRI 305-4 is printed with the title of 305-3; expected "GHG emissions intensity"' in out


@pytest.mark.skipif(not os.environ.get("ESGCHECK_NETWORK_TESTS"), reason="installs from the package index")
def test_try_repo_against_this_repository(tmp_path):
    repo = drafting_repo(tmp_path, bad=True)
    env = _env(tmp_path)
    run = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "esgcheck", "--color", "never"]
    good = subprocess.run(
        [*run, "--files", "report-2024.txt", "notes.md", "build.py"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert good.returncode == 0, good.stdout + good.stderr
    bad = subprocess.run(
        [*run, "--all-files"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1 and "GRI 305-4 is printed with the title of 305-3" in " ".join(
        bad.stdout.split()
    )
