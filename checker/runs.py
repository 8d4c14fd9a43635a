"""One CLI run over reports that may sit under different configs.

As ruff does, each report is checked with the settings of its own nearest config (`.esgcheck.yaml`,
or a pyproject.toml with `[tool.esgcheck]`, from the report's folder up; parent configs are not
merged in), standard input with the nearest one from the working folder up, and `--config FILE` with that
file for every report. Options given on the command line override every config. All the reports
are checked in one process pool (or on one Dask cluster), each with its own config's settings, and
come back in the order they were named; each is then settled as it comes (its findings filtered,
silenced by its baseline and judged against its fail level, by its own config) and written, so a
run's memory does not grow with its batch.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config, ConfigError, checked_frameworks, find_config, load_config
from .result import CheckResult, ReportResult
from .walk import Source

if TYPE_CHECKING:
    from .baseline import Baseline


@dataclass(frozen=True)
class CommandLine:
    """What the command line sets; None or empty: the config's (or the default)."""

    fail_on: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    """Added to the config's, as `--ignore` always was."""
    claims: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    catalogs: tuple[str, ...] = ()
    """Added to the config's."""
    baseline: str | None = None
    material_topics: tuple[str, ...] | None = None
    """Replaces the config's."""


@dataclass
class Group:
    """Reports checked with one config."""

    config: Config
    sources: list[Source] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    """Where each source stands among all the run's sources."""
    stdin: bool = False
    frameworks: tuple[str, ...] | None = None
    material_topics: tuple[str, ...] = ()


@dataclass
class Run:
    """The run's reports, each checked with its group's settings and settled as it comes: what is kept
    of a report once it is settled and written is its row of the summary and baseline, not its result."""

    groups: list[Group]
    line: CommandLine
    sources: list[Source]
    use_baselines: bool = True
    """False while --write-baseline records the findings."""
    _baselines: dict[str, Baseline] = field(default_factory=dict)

    def reports(
        self, jobs: int, on_report: Callable[[Any], None] | None = None, dask: str | None = None
    ) -> Iterator[tuple[Group, ReportResult]]:
        """Each report with its group, in the order named (standard input first), as soon as it is
        checked: one process pool (or Dask cluster) for all the groups. Every group's settings and
        baseline are read first: InputError, before any report, for a bad catalog, option value or
        baseline (as engine.check); standard input that is empty is one when it is read."""
        from .baseline import Baseline
        from .engine import checked_options

        settings = {}
        for group in self.groups:
            config, line = group.config, self.line
            settings[id(group)] = checked_options(
                self.catalogs(group),
                {**config.claims, **line.claims},
                {**config.versions, **line.versions},
                config.thresholds,
                group.material_topics,
            )
            path = self.baseline(group)
            if path and path not in self._baselines:
                named = [s.path for g in self.groups if self.baseline(g) == path for s in g.sources]
                self._baselines[path] = Baseline(path, named)
        return self._checked(settings, jobs, on_report, dask)

    def _checked(
        self, settings: dict[int, Any], jobs: int, on_report: Callable[[Any], None] | None, dask: str | None
    ) -> Iterator[tuple[Group, ReportResult]]:
        from .engine import _notify, checked
        from .stdin import check_stdin

        for group in self.groups:
            if group.stdin:
                yield group, _notify(on_report, check_stdin(settings[id(group)]))
        placed = {
            n: (group, source)
            for group in self.groups
            for n, source in zip(group.positions, group.sources, strict=True)
        }
        order = [placed[n] for n in sorted(placed)]
        tasks = [(source, settings[id(group)]) for group, source in order]
        for (group, _), report in zip(order, checked(tasks, jobs, on_report, dask), strict=True):
            yield group, report

    def catalogs(self, group: Group) -> tuple[str, ...]:
        return (*group.config.catalogs, *self.line.catalogs)

    def baseline(self, group: Group) -> str | None:
        """--baseline for every report, else its config's."""
        return (self.line.baseline or group.config.baseline) if self.use_baselines else None

    def settle(self, group: Group, report: ReportResult) -> str | None:
        """The report's findings limited to its config's rules and frameworks (the command line's
        --select replaces the config's; its --ignore adds to it), less those its baseline records.
        Returns a note when the report is taken as a renamed or moved one."""
        from .silence import filter_frameworks, filter_rules

        part = CheckResult([report])
        select = self.line.select if self.line.select is not None else group.config.select
        filter_rules(part, select, (*group.config.ignore, *self.line.ignore))
        filter_frameworks(part, group.frameworks)
        path = self.baseline(group)
        if not path:
            return None
        recorded = self._baselines[path].apply(report)
        if recorded is None:
            return None
        return (
            f"{path}: {report.path} is taken as {recorded}, renamed or moved"
            " (--write-baseline records its new path)"
        )

    def exit_code(self, group: Group, report: ReportResult) -> int:
        """2 the report was not checked, 1 a finding at or above its config's fail level, else 0."""
        return CheckResult([report]).exit_code(self.line.fail_on or group.config.fail_on or "warning")


POOL_MIN_BYTES = 32 * 1024
"""The bytes of the reports beside the largest one from which a batch gets a process pool. Starting
one costs a CLI run ~50-100 ms (forking, importing concurrent.futures, each worker's first report
filling its caches), and a pool cannot check the largest report faster, only the others beside it.
Checking takes 0.4-10 ms per KB (prose ~0.5, index tables ~3), so 32 KB is about the pool's cost.
On 2 vCPUs the bundled report beside a report of 6-55 KB was no faster in a pool, and beside one
of 99 KB as fast; real cores gain more from a pool, hence not 100 KB."""


def default_jobs(sources: Sequence[Source], cores: int | None = None) -> int:
    """The workers when --jobs is not given: one per core (at most one per report), but 1 when the
    reports other than the largest hold under POOL_MIN_BYTES (a report and a few small drafts), where
    the pool would cost more than it saves. Sizes are the files' bytes on disk; a source that cannot be
    read counts nothing. Stops stat-ing at the first files that settle it (a walked folder of
    thousands)."""
    cores = cores or os.cpu_count() or 1
    if cores < 2 or len(sources) < 2:
        return 1
    total = largest = 0
    for source in sources:
        if source.problem:
            continue
        try:
            status = os.stat(source.path)
        except (OSError, ValueError):
            continue
        if not stat.S_ISREG(status.st_mode):
            continue
        total += status.st_size
        largest = max(largest, status.st_size)
        if total - largest >= POOL_MIN_BYTES:  # it never shrinks as more files are added
            return min(cores, len(sources))
    return 1


def plan(config_file: str | None, paths: Iterable[str], line: CommandLine) -> Run:
    """The run's sources grouped by the config each one uses. ConfigError (an InputError) for a config
    that cannot be used, naming its file."""
    from .walk import expand_sources

    paths = tuple(paths)
    stdin = "-" in paths
    sources = expand_sources(p for p in paths if p != "-")
    groups: dict[str | None, Group] = {}
    if config_file:
        groups[config_file] = Group(load_config(config_file), sources, list(range(len(sources))), stdin)
    else:
        nearest = _Nearest()
        if stdin:
            _group(groups, nearest(Path("."))).stdin = True
        for position, source in enumerate(sources):
            group = _group(groups, nearest(Path(source.path)))
            group.sources.append(source)
            group.positions.append(position)
    run = Run(list(groups.values()), line, sources)
    for group in run.groups:
        group.frameworks = checked_frameworks(group.config, run.catalogs(group))
        group.material_topics = _topics(group.config, line, run.catalogs(group))
    return run


def _topics(config: Config, line: CommandLine, catalogs: tuple[str, ...]) -> tuple[str, ...]:
    """The material topics, --material-topic's or else the config's, each naming a standard of the
    catalogs; one that names none is an error naming the option, or the config file."""
    topics = line.material_topics if line.material_topics is not None else config.material_topics
    if not topics:
        return ()
    from .engine import load_catalogs
    from .errors import OptionError
    from .options import checked_topics

    if line.material_topics is not None:  # each value may list several: --material-topic 305,403
        parts = [part.strip() for value in topics for part in value.split(",") if part.strip()]
        return checked_topics(load_catalogs(catalogs), parts, "--material-topic")
    try:  # split as the config was read
        return checked_topics(load_catalogs(catalogs), topics, "material-topics")
    except OptionError as err:
        raise ConfigError(config.path or "config", str(err)) from None


def _group(groups: dict[str | None, Group], found: Path | None) -> Group:
    key = str(found) if found else None
    if key not in groups:
        groups[key] = Group(load_config(found) if found else Config())
    return groups[key]


class _Nearest:
    """find_config, asked once per folder: a batch of reports in one folder walks up once."""

    def __init__(self) -> None:
        self._found: dict[Path, Path | None] = {}

    def __call__(self, path: Path) -> Path | None:
        folder = Path(os.path.abspath(path))  # not resolve(): a link loop is the walk's to report
        try:
            if not folder.is_dir():
                folder = folder.parent
        except OSError:
            folder = folder.parent
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        return self._found[folder]
