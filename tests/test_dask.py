"""A batch on a Dask cluster (the `dask` extra): the same results as `jobs=1`, in the order named.

The cluster is a LocalCluster of two in-process workers (threads of this process, started in a
fraction of a second); a real one is reached the same way, by its scheduler's address. Without
the extra these tests are skipped, except the one on the error that says how to install it.
"""

from __future__ import annotations

import json
import re
import sys
import threading

import pytest
from click.testing import CliRunner
from conftest import CLEAN, EXAMPLE, FIXTURES, ROOT
from test_catalogs import tcfd_report

from checker import __version__, check
from checker.cli import main
from checker.errors import InputError

INSTALL = "pip install 'esg-index-checker[dask]'"
CORPUS = [FIXTURES / "corpus" / "brookfield-2021-index.txt", FIXTURES / "corpus" / "baidu-esg-index.txt"]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The bundled report, fixtures, a file that is no report and one that does not exist."""
    folder = tmp_path_factory.mktemp("batch")
    broken = folder / "broken.txt"
    broken.write_bytes(bytes(range(256)) * 40)
    return [EXAMPLE, CLEAN, *CORPUS, broken, folder / "missing.txt"]


def test_a_batch_on_dask_equals_the_one_checked_here(cluster, batch):
    done = []
    on_dask = check(*batch, dask=cluster, on_report=lambda report: done.append(report.path))
    here = check(*batch, jobs=1)
    assert on_dask.to_dict() == here.to_dict()
    assert [r.path for r in on_dask.reports] == [str(p) for p in batch]  # in the order named
    assert sorted(done) == sorted(str(p) for p in batch)  # once per report, as each is done
    assert [r.findings for r in on_dask.reports] == [r.findings for r in here.reports]
    errors = [r.error for r in on_dask.reports if r.error]
    assert len(errors) == 2 and "binary data" in errors[0] and "missing.txt: no such file" in errors[1]


def test_user_catalogs_reach_the_workers_as_their_bytes(cluster, tmp_path, monkeypatch):
    """The workers never open the catalog's path, which a remote worker may not have: they build
    it from the bytes sent with the tasks."""
    from checker import engine

    catalog, report = tcfd_report(tmp_path)
    here = check(report, CLEAN, catalogs=[catalog])
    opened = engine.load_catalogs

    def here_only(extra=()):
        assert threading.current_thread() is threading.main_thread(), "a worker opened a catalog path"
        return opened(extra)

    monkeypatch.setattr(engine, "load_catalogs", here_only)
    on_dask = check(report, CLEAN, catalogs=[catalog], dask=cluster)
    assert on_dask.to_dict() == here.to_dict()
    assert on_dask.reports[0].claims["TCFD"].level == "aligned"


def test_a_relative_path_is_read_from_the_folder_check_ran_in(tmp_path, monkeypatch):
    """A worker started in another folder reads `examples/...` from the client's folder, and the
    report keeps the name it was given."""
    pytest.importorskip("distributed")
    from checker.cluster import _task
    from checker.engine import _Options
    from checker.walk import Source

    name = str(EXAMPLE.relative_to(ROOT))
    monkeypatch.chdir(tmp_path)  # the worker's own folder
    report = _task(Source(name), _Options((), {}, {}, {}, (), ()), str(ROOT))
    assert report.error is None and report.path == name and report.findings
    monkeypatch.chdir(ROOT)
    assert report.to_dict() == check(name).reports[0].to_dict()


def test_a_report_whose_task_fails_keeps_its_error_and_the_others_are_kept(cluster, monkeypatch):
    from checker import engine

    checked = engine.check_document

    def fails_on_clean(document, *args, **kwargs):
        if document.path.endswith("clean-report.txt"):
            raise RuntimeError("worker lost")
        return checked(document, *args, **kwargs)

    monkeypatch.setattr(engine, "check_document", fails_on_clean)
    result = check(CORPUS[0], CLEAN, CORPUS[1], dask=cluster)
    assert [r.path for r in result.reports] == [str(CORPUS[0]), str(CLEAN), str(CORPUS[1])]
    assert result.reports[1].error == f"{CLEAN}: not checked on the Dask cluster (RuntimeError: worker lost)"
    assert result.reports[0].error is None and result.reports[2].error is None
    assert result.exit_code("warning") == 2


def test_the_cli_checks_on_dask_with_the_same_output(cluster, batch):
    runner = CliRunner()
    args = [str(p) for p in batch[1:]] + ["--format", "json"]
    on_dask = runner.invoke(main, [*args, "--dask", cluster])
    here = runner.invoke(main, [*args, "--jobs", "1"])
    assert on_dask.exit_code == here.exit_code == 2  # the broken and missing files
    assert json.loads(on_dask.stdout) == json.loads(here.stdout)
    both = runner.invoke(main, [*args, "--dask", cluster, "--jobs", "2"])
    assert both.exit_code == 2 and "--jobs and --dask" in both.stderr


def test_workers_of_another_esgcheck_version_are_refused(cluster, monkeypatch):
    from checker import cluster as module

    monkeypatch.setattr(module, "_version", lambda: "0.0.0")
    with pytest.raises(InputError, match=rf"must run esgcheck {re.escape(__version__)}.* has 0\.0\.0"):
        check(CLEAN, dask=cluster)


def test_ctrl_c_stops_the_batch(cluster):
    def interrupt(report):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        check(CLEAN, *CORPUS, dask=cluster, on_report=interrupt)
    assert check(CLEAN, dask=cluster).reports[0].error is None  # the cluster is still usable


def test_an_address_that_is_none_is_one_line_exit_2():
    pytest.importorskip("distributed")
    result = CliRunner().invoke(main, [str(CLEAN), "--dask", "scheduler-without-port"])
    assert result.exit_code == 2
    assert result.stderr == (
        "esgcheck: scheduler-without-port: is not the address of a Dask scheduler "
        "(missing port number in address 'scheduler-without-port')\n"
    )


def test_an_unreachable_scheduler_is_an_input_error():
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "0.5s"}),
        pytest.raises(InputError, match="cannot connect to the Dask scheduler"),
    ):
        check(CLEAN, dask="tcp://127.0.0.1:9")


def test_without_the_extra_the_error_says_how_to_install_it(monkeypatch):
    """Runs with or without Dask installed: `import distributed` is made to fail."""
    from checker.cluster import DaskMissing

    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` raises ImportError
    with pytest.raises(DaskMissing) as caught:
        check(CLEAN, dask="tcp://127.0.0.1:8786")
    assert isinstance(caught.value, ImportError) and INSTALL in str(caught.value)
    result = CliRunner().invoke(main, [str(CLEAN), "--dask", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and INSTALL in result.stderr, result.stderr
    assert check(CLEAN).reports[0].error is None  # without --dask nothing needs it
