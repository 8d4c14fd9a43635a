"""A batch checked on a Dask cluster (the `dask` extra): `check(..., dask="tcp://host:8786")`,
`esgcheck --dask tcp://host:8786 filings/`.

One task per report, each running engine._check_path, the function the process pool runs, so a
report's result is the same wherever it is checked; the results come back in the order the reports
were named, `on_report` called as each one is done. A report whose task fails (a worker that dies
on it, an unexpected error) keeps that as its error: the other reports are kept.

What reaches the workers:
- the reports by their paths: the workers read them where they are, from a file system they share
  with this machine (a cluster's shared or network disk), as Dask workers read their data. Sending
  the files' bytes instead would pass every report, PDFs of tens of megabytes, through this process
  and the scheduler. A relative path is read from this process's working folder, which a worker
  started elsewhere does not share, and keeps its name in the results;
- the user catalogs as their bytes, read here, not their paths: a few kilobytes (at most 1 MB,
  untrusted.MAX_CATALOG_BYTES) that a worker could not otherwise see, sent once per worker
  (scattered) and built and validated there once per worker process. Not the built catalogs: they
  are compared by identity, so copies unpickled for each task would rebuild the index parser
  and label tables (engine._tools) for every report;
- esgcheck itself is not sent: each worker has it installed, the same version (checked first).

Each worker process checks one report at a time (a lock): the thresholds a report is checked with
are set in the process while it runs, and the checks are pure Python, which threads would not run
faster. Start workers as processes, one thread each: `dask worker ADDRESS --nworkers N --nthreads 1`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import InputError

if TYPE_CHECKING:
    from .engine import _Options
    from .result import ReportResult
    from .walk import Source

INSTALL = "pip install 'esg-index-checker[dask]'"


class DaskMissing(InputError, ImportError):
    """The `dask` extra is not installed: a one-line error that says how to install it (exit 2)."""


def check_on_dask(
    dask: Any,
    sources: list[Source],
    options: _Options,
    on_report: Callable[[ReportResult], None] | None,
) -> list[ReportResult]:
    """The reports checked on the cluster `dask` names (an address, a Client or a cluster)."""
    from .engine import _notify

    with connected(dask) as client:
        _same_version(client)
        from distributed import as_completed

        sent = _shared(client, options)
        futures = client.map(_task, sources, options=sent, folder=os.getcwd(), pure=False)
        pending = {future.key: (number, future) for number, future in enumerate(futures)}
        del futures  # each result is forgotten on the cluster once it is here
        reports: list[ReportResult | None] = [None] * len(sources)
        try:
            for future in as_completed([future for _, future in pending.values()], loop=client.loop):
                number, _ = pending.pop(future.key)
                reports[number] = _notify(on_report, _outcome(future, sources[number]))
        except KeyboardInterrupt:  # Ctrl-C: the queued reports are dropped, the caller exits 130
            client.cancel([future for _, future in pending.values()])
            raise
    return [report for report in reports if report is not None]


@contextmanager
def connected(dask: Any) -> Iterator[Any]:
    """A Client for `dask`: the caller's own Client as it is; for an address or a cluster object, one
    connected here and closed after. InputError when Dask is missing or the scheduler cannot be
    reached."""
    try:
        from distributed import Client
    except ImportError as err:
        raise DaskMissing("dask", f"the dask extra is not installed ({err}): {INSTALL}") from None
    if isinstance(dask, Client):
        yield dask
        return
    try:
        if isinstance(dask, str):
            _check_address(dask)
    except ValueError as err:
        raise InputError(dask, f"is not the address of a Dask scheduler ({err})") from None
    try:
        client = Client(dask, set_as_default=False)
    except (OSError, ValueError, TypeError) as err:  # a timeout is an OSError
        raise InputError(str(dask), f"cannot connect to the Dask scheduler ({err})") from None
    try:
        yield client
    finally:
        client.close()


def _shared(client: Any, options: _Options) -> Any:
    """The options (with the user catalogs' bytes) sent once to each worker; in each task when the
    cluster has no worker yet (one still starting): the tasks wait for workers, not this."""
    try:
        return client.scatter(options, broadcast=True, hash=False)
    except OSError:  # TimeoutError: no worker within 2 s
        return options


def _check_address(address: str) -> None:
    """ValueError for an address Client() would refuse (no port, an unknown scheme) only after
    waiting twice the connect timeout (60 s) on its way out, as distributed 2026.8 does."""
    from distributed.comm import get_address_host_port, parse_address
    from distributed.comm.registry import get_backend

    scheme, _ = parse_address(address)
    get_backend(scheme)
    if scheme in ("tcp", "tls", "ws", "wss"):
        get_address_host_port(address)


_ONE_AT_A_TIME = threading.Lock()


def _task(source: Source, options: _Options, folder: str) -> ReportResult:
    """A report checked on a worker, one at a time in its process (see the module's docstring)."""
    from .engine import _check_path

    with _ONE_AT_A_TIME:
        return _check_path(source, options, folder)


def _outcome(future: Any, source: Source) -> ReportResult:
    from .result import ReportResult

    try:
        return future.result()  # type: ignore[no-any-return]
    except Exception as err:  # the task failed or its worker died: this report's error, not the batch's
        problem = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
        return ReportResult(
            path=source.path, error=f"{source.path}: not checked on the Dask cluster ({problem})"
        )


def _version() -> str:
    return __version__


def _same_version(client: Any) -> None:
    """Every worker runs this version of esgcheck: the results are then the ones a run here gives."""
    try:
        found = client.run(_version)
    except Exception as err:  # no esgcheck on a worker: the function cannot be unpickled there
        raise InputError(
            "dask", f"the Dask workers cannot run esgcheck ({type(err).__name__}: {err}): install it there"
        ) from None
    other = sorted({f"{worker} has {version}" for worker, version in found.items() if version != __version__})
    if other:
        raise InputError(
            "dask",
            f"the Dask workers must run esgcheck {__version__}, as here ({', '.join(other[:3])})",
        )
