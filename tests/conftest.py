"""Shared paths and fixtures: the bundled real report, and small reports with known defects."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "xiaomi-esg-2023.txt"
FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = FIXTURES / "clean-report.txt"


def example_defects() -> int:
    """How many defects the bundled report has, as tests/fixtures/xiaomi-defects.yaml lists them by
    hand: every output format must carry exactly that many findings (test_accuracy matches them)."""
    import yaml

    return len(yaml.safe_load((FIXTURES / "xiaomi-defects.yaml").read_text(encoding="utf-8")))


def pytest_configure(config):
    """The catalog cache (checker/cache.py) of the tests lives in a temporary folder, not the
    user's ~/.cache, from before the first test module is imported; subprocesses inherit it."""
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="esgcheck-cache-")


def pytest_unconfigure(config):
    shutil.rmtree(os.environ.get("XDG_CACHE_HOME", ""), ignore_errors=True)


@pytest.fixture(scope="session")
def xiaomi():
    """The bundled real report, checked once for the whole session."""
    from checker import check

    result = check(EXAMPLE)
    assert result.reports[0].error is None, result.reports[0].error
    return result.reports[0]


def variant(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """The clean report with each (old, new) applied once: a report with known defects."""
    text = CLEAN.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, f"fixture text {old!r} must occur exactly once"
        text = text.replace(old, new)
    path = tmp_path / "variant.txt"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The editor's line number (str.splitlines would also split at form feeds)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")
