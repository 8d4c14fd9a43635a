"""The command line: exit codes, JSON contract validated against the shipped schema, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import CLEAN, EXAMPLE, FIXTURES, example_defects

from checker.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def report_schema():
    return json.loads(resources.files("checker.schemas").joinpath("report.schema.json").read_text())


def test_example_exits_1_and_names_the_known_defects():
    result = run(EXAMPLE, "--no-color")
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert 'GRI 305-4 is printed with the title of 305-3; expected "GHG emissions intensity"' in out
    assert "GRI 2-12 is printed with the title of 2-11" in out
    assert "Sustainable Supply Chai" in out


def test_json_output_validates_and_is_complete(report_schema):
    result = run(EXAMPLE, "--format", "json")
    data = json.loads(result.output)
    jsonschema.validate(data, report_schema)
    (report,) = data["reports"]
    assert len(report["entries"]) == 212
    assert {"framework", "code", "label", "section", "remark", "line", "page"} <= set(report["entries"][0])
    assert data["summary"]["error"] == sum(1 for f in report["findings"] if f["severity"] == "error")
    found = {(f["kind"], f["framework"], f["code"], f["line"]) for f in report["findings"]}
    assert ("mislabeled", "GRI", "305-4", 6383) in found


def test_clean_report_exits_0():
    result = run(CLEAN)
    assert result.exit_code == 0, result.output


def test_fail_on_chooses_the_severity_that_fails(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(CLEAN.read_text().replace("2-30 Collective bargaining agreements\n", ""))
    assert run(path).exit_code == 0  # one info finding
    assert run(path, "--fail-on", "info").exit_code == 1
    assert run(EXAMPLE, "--fail-on", "never").exit_code == 0


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"\x00\x01\x02junk" * 50, "binary data"),
        (b"Just prose.\nNo index here.\n", "no content index found"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    result = run(path)
    assert result.exit_code == 2
    assert problem in result.output and str(path) in result.output
    assert "Traceback" not in result.output


def test_directory_is_refused(tmp_path):
    result = run(tmp_path)
    assert result.exit_code == 2 and "is a directory" in result.output


def test_one_bad_report_does_not_lose_the_others(tmp_path, report_schema):
    missing = tmp_path / "missing.txt"
    result = run(CLEAN, missing, "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    jsonschema.validate(data, report_schema)
    assert [r["error"] is None for r in data["reports"]] == [True, False]
    assert data["summary"]["unreadable"] == 1


def test_claim_override_and_bad_option(tmp_path):
    assert run(CLEAN, "--claim", "GRI").exit_code == 2
    assert run(CLEAN, "--claim", "GRI=in-accordance").exit_code == 0


def test_rules_and_explain():
    listing = run("rules").output
    for code in ("ESG101", "ESG102", "ESG103", "ESG201", "ESG202", "ESG301", "ESG401"):
        assert code in listing
    explained = run("explain", "ESG101")
    assert explained.exit_code == 0 and "Fails:" in explained.output and "Passes:" in explained.output
    assert run("explain", "ESG999").exit_code == 2


def test_python_dash_m_runs_the_cli():
    done = subprocess.run(
        [sys.executable, "-m", "checker", "rules"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "ESG101" in done.stdout


def test_python_m_checker_works_from_a_source_checkout():
    """From the repository root, `python -m checker` imports the checkout, which has no
    checker.frameworks package: the catalogs come from its frameworks/ folder."""
    root = EXAMPLE.parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "checker", "--format", "json", "examples/xiaomi-esg-2023.txt"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert len(json.loads(done.stdout)["reports"][0]["findings"]) == example_defects()


def test_a_checkout_with_no_frameworks_package_reads_its_frameworks_folder():
    """Without the install's import hooks (-S: no .pth file, so no editable finder), the checkout
    run from its root has no checker.frameworks package: the catalogs come from frameworks/."""
    import sysconfig

    root = EXAMPLE.parent.parent
    libraries = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    code = (
        "import sys, checker.catalog as c; print(c._frameworks_folder(), len(c.shipped_catalogs())); "
        "assert 'checker.frameworks' not in sys.modules"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=root,
        env={"PYTHONPATH": os.pathsep.join(sorted(libraries)), "ESGCHECK_NO_CACHE": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    folder, count = done.stdout.split()
    assert folder == str(root / "frameworks") and int(count) > 0


@pytest.mark.parametrize("columns", [None, "", "0", "-5", "abc", "100"])
def test_the_text_width_is_shutils_terminal_width(monkeypatch, columns):
    """The text report's width, read without importing shutil, is the one shutil would give."""
    import shutil

    from checker.output import _terminal_width

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert _terminal_width() == shutil.get_terminal_size((80, 24)).columns


def test_the_default_workers_are_one_for_a_report_and_small_drafts(tmp_path):
    """A process pool costs more than checking a few KB beside the largest report, which no pool checks
    faster; a batch with enough beside it gets one worker per core (at most one per report)."""
    from checker.runs import POOL_MIN_BYTES, default_jobs
    from checker.walk import Source, expand_sources

    pair = expand_sources([EXAMPLE, CLEAN])
    assert default_jobs(pair, cores=8) == 1  # 332 KB beside 2.5 KB
    corpus = expand_sources([FIXTURES / "corpus"])
    assert default_jobs(corpus, cores=8) == 8 and default_jobs(corpus, cores=64) == len(corpus)
    assert default_jobs(expand_sources([EXAMPLE, EXAMPLE]), cores=2) == 2  # 332 KB beside it
    small = [tmp_path / f"{n}.md" for n in range(3)]
    for path in small:
        path.write_bytes(b"x" * (POOL_MIN_BYTES // 3))
    assert default_jobs(expand_sources([EXAMPLE, *small]), cores=4) == 1  # under POOL_MIN_BYTES beside it
    small[0].write_bytes(b"x" * (POOL_MIN_BYTES // 3 + 2))
    assert default_jobs(expand_sources([EXAMPLE, *small]), cores=4) == 4
    assert default_jobs(expand_sources([EXAMPLE, *small]), cores=1) == 1
    assert default_jobs(expand_sources([EXAMPLE]), cores=4) == 1
    unread = [
        Source(str(tmp_path / "gone.txt")),
        Source(str(EXAMPLE), "is a symbolic link loop"),
        Source(str(tmp_path)),
    ]
    assert default_jobs([*unread, *pair], cores=4) == 1  # what cannot be read weighs nothing


@pytest.mark.parametrize(("given", "expected"), [((), 1), (("--jobs", "3"), 3), (("-j", "2"), 2)])
def test_an_explicit_jobs_is_honoured_and_the_default_for_two_small_reports_is_one(
    monkeypatch, given, expected
):
    from checker.runs import Run

    asked = []
    real = Run.reports
    monkeypatch.setattr(Run, "reports", lambda self, jobs, **kw: asked.append(jobs) or real(self, 1, **kw))
    result = run(EXAMPLE, CLEAN, "--format", "json", "--fail-on", "never", *given)
    assert result.exit_code == 0 and asked == [expected]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_keeps_no_report_once_it_is_written(tmp_path, monkeypatch, jobs):
    """Each report is settled and written as it comes: when a report reaches the output, no report
    before it is still alive (its summary row and baseline records are kept, not its result)."""
    import shutil
    import weakref

    from checker.output import Output

    for number in range(5):
        shutil.copy(EXAMPLE, tmp_path / f"report-{number}.txt")
    alive: list[weakref.ref] = []
    held: list[int] = []
    real_add = Output.add

    def add(self, report):
        held.append(sum(ref() is not None for ref in alive))
        alive.append(weakref.ref(report))
        real_add(self, report)

    monkeypatch.setattr(Output, "add", add)
    csv = tmp_path / "summary.csv"
    result = run(tmp_path, "-j", jobs, "--format", "json", "--summary-csv", csv)
    assert result.exit_code == 1 and len(json.loads(result.stdout)["reports"]) == 5
    assert held == [0] * 5 and len(csv.read_text().splitlines()) == 6


def test_a_pool_checks_at_most_a_few_reports_ahead_of_the_one_given(monkeypatch):
    """The pool's results come back in order, so it is kept at most AHEAD reports a worker ahead of
    the one the run waits for: a slow report does not make the run hold the batch behind it."""
    from concurrent import futures

    from checker import engine
    from checker.walk import Source

    submitted = []

    class Pool(futures.ThreadPoolExecutor):  # the pool's interface, in threads
        def __init__(self, max_workers, initializer=None):
            super().__init__(max_workers)

        def submit(self, fn, *args):
            submitted.append(args[0])
            return super().submit(fn, *args)

    monkeypatch.setattr(futures, "ProcessPoolExecutor", Pool)
    tasks = [(Source(str(CLEAN)), engine.checked_options())] * 30
    ahead = [len(submitted) - done for done, _ in enumerate(engine.checked(tasks, jobs=2), 1)]
    assert len(submitted) == 30 and max(ahead) == engine.AHEAD * 2
