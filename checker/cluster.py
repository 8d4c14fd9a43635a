"""A batch checked on a Dask cluster (the `dask` extra): `check(..., dask="tcp://host:8786")`,
`esgcheck --dask tcp://host:8786 filings/`.

One task per report, each running engine._check_path, the function the process pool runs, so a
report's result is the same wherever it is checked; the results come back in the order the reports
were named. A report whose task fails (a worker that dies
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
from collections import deque
from collections.abc import Iterator, Sequence
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


def check_on_dask(dask: Any, tasks: Sequence[tuple[Source, _Options]]) -> Iterator[ReportResult]:
    """The reports checked on the cluster `dask` names (an address, a Client or a cluster), each with
    its settings, yielded in the order given. All are submitted at once; each result is fetched in
    turn, so the ones not yet asked for wait on the workers, not here, and each is forgotten on the
    cluster once it is here."""
    from dataclasses import replace

    from .catalog import read_catalog_bytes

    with connected(dask) as client:
        _same_version(client)
        sent: dict[int, Any] = {}  # per distinct settings: the options with the catalogs' bytes, scattered
        for _, options in tasks:
            if id(options) not in sent:
                files = tuple((name, read_catalog_bytes(name)) for name in options.catalogs)
                sent[id(options)] = _shared(client, replace(options, sent_catalogs=files))
        folder = os.getcwd()
        futures = deque(
            client.submit(_task, source, sent[id(options)], folder, pure=False) for source, options in tasks
        )
        try:
            for source, _ in tasks:
                yield _outcome(futures.popleft(), source)
        except BaseException:  # Ctrl-C, or the caller stopped: the queued reports are dropped
            client.cancel(list(futures))
            raise


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
