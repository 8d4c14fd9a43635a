"""Truthful exits: a misspelt option value is a usage error (2), Ctrl-C is 130, not 1 ("findings")."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CLEAN

from checker import check
from checker.catalog import shipped_catalogs
from checker.cli import main
from checker.errors import InputError, OptionError


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def valid(framework: str, what: str) -> str:
    """The valid values of an option, as the bundled catalogs define them today."""
    found = [c for c in shipped_catalogs() if c.framework == framework]
    if what == "levels":
        return ", ".join(sorted({level.id for c in found for level in c.claim_levels}))
    return ", ".join(sorted({c.version for c in found}))


FRAMEWORKS = ", ".join(sorted({c.framework for c in shipped_catalogs()}))


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        (
            "--claim",
            "GRI=in-accordence",
            f"GRI has no level 'in-accordence' (valid: {valid('GRI', 'levels')})",
        ),
        ("--claim", "GRX=in-accordance", f"no framework 'GRX' (valid: {FRAMEWORKS})"),
        ("--framework-version", "GRX=2021", f"no framework 'GRX' (valid: {FRAMEWORKS})"),
        ("--framework-version", "GRI=1999", f"GRI has no version '1999' (valid: {valid('GRI', 'versions')})"),
    ],
)
def test_misspelt_option_value_is_a_usage_error_listing_the_valid_values(option, value, says):
    result = run(CLEAN, option, value)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"esgcheck: {option}: {says}"
    assert result.stdout == ""  # no report is printed as if the option had been understood


def test_option_values_are_read_in_any_case():
    assert run(CLEAN, "--claim", "gri=In-Accordance").exit_code == 0
    assert run(CLEAN, "--fail-on", "ERROR").exit_code == 0


def test_python_api_refuses_a_misspelt_claim_with_its_own_error():
    with pytest.raises(OptionError, match="in-accordence"):
        check(CLEAN, claims={"GRI": "in-accordence"})


def test_exit_code_takes_a_level_in_any_case_and_refuses_an_unknown_one():
    result = check(CLEAN)
    assert result.exit_code("Error") == result.exit_code("error") == 0
    assert result.exit_code(" NEVER ") == 0
    with pytest.raises(OptionError, match=r"no fail level 'fatal' \(valid: error, warning, info, never\)"):
        result.exit_code("fatal")
    assert issubclass(OptionError, InputError) and issubclass(OptionError, ValueError)


def test_ctrl_c_exits_130(monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("checker.engine.checked", interrupted)
    result = run(CLEAN)
    assert result.exit_code == 130
    assert result.stderr.strip() == "esgcheck: interrupted"


@pytest.mark.skipif(not os.path.exists("/proc/self/wchan"), reason="needs Linux /proc to see the block")
def test_a_real_ctrl_c_in_the_middle_of_a_run_exits_130(tmp_path):
    """The report is a FIFO nobody writes to: the run blocks opening it, then gets SIGINT."""
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", str(fifo)],
        cwd=tmp_path,  # the installed package, not the source folder of a checkout (no checker.frameworks)
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a background shell ignores it
    )
    try:
        wchan = Path(f"/proc/{process.pid}/wchan")
        deadline = time.monotonic() + 30
        while "partner" not in wchan.read_text() and time.monotonic() < deadline:  # wait_for_partner
            assert process.poll() is None, process.stderr.read().decode()[-500:]
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130
    assert err.decode().strip() == "esgcheck: interrupted"
