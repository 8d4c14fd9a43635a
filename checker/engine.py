"""check(): read each report, parse its index, run the rules. The CLI is a thin layer over this."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from . import __version__
from . import thresholds as t
from .catalog import (
    Catalog,
    code_key,
    for_year,
    load_catalog_file,
    resolve_extends,
    select_catalogs,
    shipped_catalogs,
    user_catalog,
    with_material_topics,
)
from .claims import Claim, read_claims
from .context import Context
from .document import Document
from .errors import InputError, NoIndexError, OptionError
from .findings import Finding
from .index_parser import IndexEntry, IndexParser
from .labels import LabelMatcher, label_score
from .markers import unmarked
from .options import checked_claims, checked_topics, checked_versions
from .period import read_period
from .reader import read_document, text_document
from .result import CheckResult, Coverage, ReportResult
from .roles import decide_roles
from .rules import run_rules
from .text import fold
from .walk import Source, expand_sources


@lru_cache(maxsize=8)
def _tools(catalogs: tuple[Catalog, ...]) -> tuple[IndexParser, LabelMatcher]:
    """Parser and label tables depend only on the catalogs: build them once per set."""
    return IndexParser(list(catalogs)), LabelMatcher(list(catalogs))


@lru_cache(maxsize=4)
def load_catalogs(extra: tuple[str, ...] = ()) -> list[Catalog]:
    """Shipped catalogs plus user catalogs (validated); a user catalog of the same id replaces one."""
    return _with_user(load_catalog_file(path, validate=True) for path in extra)


@lru_cache(maxsize=4)
def _sent_catalogs(files: tuple[tuple[str, bytes], ...]) -> list[Catalog]:
    """load_catalogs on a Dask worker: the user catalogs from the bytes read where check() ran, each
    named by its path there; built once per worker process, as load_catalogs builds them once."""
    return _with_user(user_catalog(name, data) for name, data in files)


def _with_user(user: Iterable[Catalog]) -> list[Catalog]:
    catalogs = {catalog.id: catalog for catalog in shipped_catalogs()}
    for catalog in user:
        catalogs[catalog.id] = catalog
    return resolve_extends(list(catalogs.values()))


def check_document(
    document: Document,
    catalogs: list[Catalog],
    claims: dict[str, str] | None = None,
    versions: dict[str, str] | None = None,
    material_topics: tuple[str, ...] = (),
) -> ReportResult:
    period = read_period(document)
    year_start = period.year_start if period else None
    selected = tuple(select_catalogs(catalogs, year_start, versions))
    parser, labels = _tools(selected)
    index = parser.parse(document)
    printed = _versions_printed(catalogs, selected, index.entries, year_start, versions or {})
    if printed != selected:  # an older set still allowed, or a newer one adopted early
        selected = printed
        parser, labels = _tools(selected)
        index = parser.parse(document)
    if not index.entries:
        raise NoIndexError(
            document.path,
            "no content index found (no run of framework codes such as 2-1, A1.2, TC-HW-230a.1)",
        )
    by_framework = {
        catalog.framework: with_material_topics(for_year(catalog, year_start), material_topics)
        for catalog in selected
        if not catalog.recognise_only
    }
    found_claims = read_claims(document, list(selected), claims, exclude=index.spans)
    frameworks = [f for f, c in by_framework.items() if _applies(c, index.entries, found_claims)]
    assert index.headings is not None
    labels = labels.for_report()
    every = {f: tuple(c for c in catalogs if c.framework == f) for f in by_framework}
    ctx = Context(
        document, index, by_framework, found_claims, index.headings, labels, frameworks, every, period
    )
    decide_roles(ctx)
    findings = unmarked(run_rules(ctx), document.markers)
    return ReportResult(
        path=document.path,
        claims=found_claims,
        entries=index.entries,
        tables=index.tables,
        coverage=[
            _coverage(
                ctx, framework, findings, _why(ctx.catalogs[framework], catalogs, ctx, year_start, versions)
            )
            for framework in frameworks
        ]
        + _uncatalogued(ctx),
        findings=findings,
        lines=len(document.lines),
        pages=document.page_count,
        period=period,
    )


def _versions_printed(
    catalogs: list[Catalog],
    selected: tuple[Catalog, ...],
    entries: list[IndexEntry],
    year_start: date | None,
    versions: dict[str, str],
) -> tuple[Catalog, ...]:
    """Where several versions of a framework govern the report's year (GRI 2016 and 2021 for a
    year begun in 2021), the one whose codes the index prints; a version asked for stays."""
    asked = {framework.lower() for framework in versions}
    chosen = []
    for current in selected:
        if current.framework.lower() in asked:
            chosen.append(current)
            continue
        rows = [e for e in entries if e.framework == current.framework]
        codes = {code_key(e.code) for e in rows}
        same = [c for c in catalogs if c.framework == current.framework]
        allowed = [c for c in same if c.covers(year_start)]
        known = {c.id: c.known(codes) for c in [current, *allowed]}
        tied = [c for c in [current, *allowed] if known[c.id] == max(known.values())]
        if year_start is None and len({c.id for c in tied}) > 1:  # no date to go by: the wording printed
            best = max(tied, key=lambda c: (_titles_printed(c, rows), c is current))
        else:
            best = max(tied, key=lambda c: c is current)
        chosen.append(_adopted_early(best, same, codes, year_start))
    return tuple(chosen)


def _titles_printed(catalog: Catalog, rows: list[IndexEntry]) -> int:
    """How many rows print their code's title as this version words it: what tells versions of the
    same codes apart (the HKEX Guide of 2016, 2020, 2025) in an index that states no date."""
    return sum(
        1
        for entry in rows
        if (disclosure := catalog.get(entry.code)) is not None
        and any(
            label_score(fold(entry.label), fold(form)) >= t.LABEL_MATCH for form in disclosure.label_forms
        )
    )


def _adopted_early(best: Catalog, same: list[Catalog], codes: set[str], year_start: date | None) -> Catalog:
    """A later version the index adopts early (GRI 101 rows before 2026): one whose codes the index
    prints and the chosen version does not know at all; a number the chosen version knows, even as
    superseded (102-5), never moves a report to a later meaning. A later version that asks for more
    than the chosen one (HKEX's 2020 Guide: Aspect A4, KPIs B5.3, B5.4, B7.3) is adopted only by an
    index that lists all it adds: one A4 row in a 2019 report does not hold it to the 2020 Guide."""
    if year_start is None:
        return best
    for later in sorted(same, key=lambda c: c.applies_from or date.min):
        if not (later.applies_from and later.applies_from > year_start):
            continue
        new = [
            code for code in codes if later.get(code) and not best.get(code) and code not in best.superseded
        ]
        if new and later.known(codes) >= best.known(codes) and not _asks_more(later, best, codes):
            best = later
    return best


def _asks_more(later: Catalog, best: Catalog, codes: set[str]) -> bool:
    """Whether the later version requires, as index rows at its default claim, a disclosure the
    chosen version does not have and the index does not list."""
    return any(
        code_key(d.code) not in codes
        for d in later.required(later.default_claim)
        if not d.index_row_optional and d.wording_verified and not best.get(d.code)
    )


def _applies(catalog: Catalog, entries: list[IndexEntry], claims: dict[str, Claim]) -> bool:
    """A framework the report claims or lists; an industry standard only when its industry is
    listed (a TC-HW row) or named in the claim ("SASB Hardware"), not for any SASB claim."""
    if any(e.framework == catalog.framework and catalog.in_scope(e.code) for e in entries):
        return True
    claim = claims.get(catalog.framework)
    if claim is None:
        return False
    industry = catalog.name.replace(catalog.framework, "").strip()
    return not catalog.scope or claim.source == "user" or industry.lower() in claim.statement.lower()


def _uncatalogued(ctx: Context) -> list[Coverage]:
    """Rows of a framework or industry no bundled catalog covers (SASB TC-SC, ...): kept, not checked."""
    counts: dict[str, set[str]] = {}
    for entry in ctx.index.entries:
        if ctx.catalog_for(entry) is None:
            scope = (
                entry.framework
                if entry.framework not in ctx.catalogs
                else f"{entry.framework} {entry.code[:5]}"
            )
            counts.setdefault(scope, set()).add(code_key(entry.code))
    return [
        Coverage(scope, None, "", "", 0, len(codes), 0, 0, 0, 0, "no bundled catalog: rows kept, not checked")
        for scope, codes in counts.items()
    ]


def _why(
    chosen: Catalog,
    catalogs: list[Catalog],
    ctx: Context,
    year_start: date | None,
    versions: dict[str, str] | None,
) -> str:
    """Why the report is held to this version: asked for, the only one of its year, the one whose
    codes the index prints among those its year may use, or a later one adopted early."""
    label = f"{chosen.framework} {chosen.version}"
    if chosen.framework.lower() in {k.lower() for k in versions or {}}:
        return f"{label}: set by --framework-version"
    same = [c for c in catalogs if c.framework == chosen.framework]
    if year_start is None:
        newest = max(same, key=lambda c: (c.applies_from or date.min, c.applies_until or date.max))
        if newest.id == chosen.id:
            return f"{label}: no reporting period found, so the newest version"
        codes = {code_key(e.code) for e in ctx.index.entries if e.framework == chosen.framework}
        known = {c.id: c.known(codes) for c in same}
        alike = [c.version for c in same if c.id != chosen.id and known[c.id] == known[chosen.id]]
        if alike:
            return (
                f"{label}: no reporting period found; its titles are the ones the index prints, of the "
                f"versions holding its codes ({' and '.join(alike)} too)"
            )
        return (
            f"{label}: no reporting period found, and the index prints more of its codes than of the newest"
        )
    allowed = [c for c in same if c.covers(year_start)]
    year = f"the report year beginning {year_start.isoformat()}"
    codes = sorted({e.code for e in ctx.index.entries if e.framework == chosen.framework}, key=_code_order)
    rivals = [c for c in allowed if c.id != chosen.id]
    own = [c for c in codes if chosen.get(c) and not any(o.get(c) for o in rivals)]
    printed = f"the index prints codes only {chosen.version} has ({', '.join(own[:3])})" if own else ""
    if all(c.id != chosen.id for c in allowed):
        governed = " or ".join(c.version for c in allowed) or "no bundled version"
        return (
            f"{label}: adopted early: {printed or 'the index prints its codes'}; {year} is held to {governed}"
        )
    if len(allowed) > 1:
        others = " or ".join(c.version for c in allowed)
        return (
            f"{label}: {year} may use {others}, and {printed or 'the index prints no code only another has'}"
        )
    return f"{label}: the version in force for {year}"


def _code_order(code: str) -> list[tuple[int, int, str]]:
    """Codes in their printed order (2-9 before 2-10); a number part sorts before a word part, so a
    catalog whose codes mix them in one place ("TC-1", "3-1") still sorts."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in code.replace(".", "-").split("-")
    ]


def _coverage(ctx: Context, framework: str, findings: list[Finding], why: str = "") -> Coverage:
    catalog = ctx.catalogs[framework]
    level = ctx.claim_level(framework)
    listed = {code_key(e.code) for e in ctx.index.entries if e.framework == framework and catalog.get(e.code)}
    required = {code_key(d.code) for d in catalog.required(level)}
    own = [f for f in findings if f.framework == framework]
    partial = {code_key(f.code) for f in own if f.kind in ("partial", "unsupported") and f.code}
    return Coverage(
        framework=framework,
        catalog=catalog.id,
        version=catalog.version,
        claim=level,
        required=len(required),
        listed=len(listed),
        complete=len((required & listed) - partial),
        partial=len(partial & required),
        missing=len(required - listed),
        findings=len(own),
        version_reason=why,
        evidence=ctx.evidence.counts(framework),
    )


def check(
    *sources: str | Path | Source,
    text: str | None = None,
    name: str = "<text>",
    catalogs: Iterable[str | Path] = (),
    claims: dict[str, str] | None = None,
    versions: dict[str, str] | None = None,
    jobs: int = 1,
    on_report: Callable[[ReportResult], None] | None = None,
    thresholds: Mapping[str, object] | None = None,
    material_topics: Iterable[str] = (),
    dask: object | None = None,
) -> CheckResult:
    """Check report files, folders, globs (or `text`); a report that cannot be read keeps its error.

    `claims` overrides the claim level per framework ({"GRI": "in-accordance"}); `versions`
    picks a catalog version per framework ({"HKEX": "2025"}); `catalogs` adds user catalogs
    (an invalid one raises InputError: it concerns every report). `jobs` > 1 checks reports
    in parallel processes; `on_report` is called as each report is done (progress bars).
    `thresholds` sets the tunable ones ({"label-match": 85}; names in thresholds.TUNABLE).
    `material_topics` names the report's material topics (["305", "GRI 403: Occupational Health and
    Safety"]): their disclosures become required where the claim level requires them (GRI "in
    accordance"), advice where it advises.
    `dask` checks the reports on a Dask cluster, one task per report (the `dask` extra): the
    scheduler's address ("tcp://host:8786"), or a distributed.Client or cluster object; `jobs` is
    then not used. The workers read the reports at the paths given here (a shared file system);
    the user catalogs are sent to them. See checker/cluster.py.
    """
    options = checked_options(catalogs, claims, versions, thresholds, material_topics)
    reports = []
    if text is not None:
        reports.append(_check_one(lambda: text_document(name, text), name, options))
    tasks = [(source, options) for source in expand_sources(sources)]
    reports += checked(tasks, jobs, on_report, dask)
    return CheckResult(reports, __version__)


def checked_options(
    catalogs: Iterable[str | Path] = (),
    claims: dict[str, str] | None = None,
    versions: dict[str, str] | None = None,
    thresholds: Mapping[str, object] | None = None,
    material_topics: Iterable[str] = (),
) -> _Options:
    """check()'s settings, validated once before any report: InputError for a bad catalog (it concerns
    every report), OptionError for a bad claim, version, threshold or material topic."""
    loaded = load_catalogs(tuple(map(str, catalogs)))
    try:
        tuned = t.checked(thresholds or {})
    except ValueError as err:
        raise OptionError("thresholds", str(err)) from None
    return _Options(
        tuple(map(str, catalogs)),
        checked_claims(loaded, claims or {}),
        checked_versions(loaded, versions or {}),
        tuned,
        checked_topics(loaded, material_topics, "material_topics"),
    )


AHEAD = 4
"""Reports a pool worker may have checked beyond the one the caller waits for. The results come
back in order, so a slow report holds the ones after it here: at most AHEAD x workers of them
(memory flat in the size of the batch), while each worker still finds its next report queued."""


def checked(
    tasks: Sequence[tuple[Source, _Options]],
    jobs: int = 1,
    on_report: Callable[[ReportResult], None] | None = None,
    dask: object | None = None,
) -> Iterator[ReportResult]:
    """Each (report, settings) checked, yielded in the order given as soon as it and those before it
    are done: a batch is never held whole. `jobs` > 1: in that many processes, one pool for all the
    tasks whatever their settings; `dask`: on a Dask cluster (a Client or an address)."""
    if dask is not None and tasks:
        from .cluster import check_on_dask

        outcomes: Iterable[ReportResult] = check_on_dask(dask, tasks)
    elif jobs > 1 and len(tasks) > 1:
        outcomes = _in_pool(tasks, min(jobs, len(tasks)))
    else:
        outcomes = (_check_path(source, options) for source, options in tasks)
    for report in outcomes:
        yield _notify(on_report, report)


def _in_pool(tasks: Sequence[tuple[Source, _Options]], workers: int) -> Iterator[ReportResult]:
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor  # ~30 ms of imports one report never needs

    with ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupt) as pool:
        ahead: deque[Future[ReportResult]] = deque()
        try:
            for source, options in tasks:
                ahead.append(pool.submit(_check_path, source, options))
                if len(ahead) > AHEAD * workers:
                    yield ahead.popleft().result()
            while ahead:
                yield ahead.popleft().result()
        except BaseException:  # Ctrl-C, or the caller stopped: drop the queued reports, let it exit 130
            for worker in list(getattr(pool, "_processes", {}).values()):
                worker.terminate()  # they ignore SIGINT; a big report would finish first
            pool.shutdown(wait=False, cancel_futures=True)
            raise


@dataclass(frozen=True)
class _Options:
    catalogs: tuple[str, ...]
    claims: dict[str, str]
    versions: dict[str, str]
    thresholds: dict[str, float]
    material_topics: tuple[str, ...] = ()
    sent_catalogs: tuple[tuple[str, bytes], ...] | None = None
    """The user catalogs' bytes, for a Dask worker, which may not see their paths."""


def _notify(on_report: Callable[[ReportResult], None] | None, report: ReportResult) -> ReportResult:
    if on_report:
        on_report(report)
    return report


def _ignore_interrupt() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch (no traceback per worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_path(source: Source, options: _Options, folder: str | None = None) -> ReportResult:
    """One report: what the process pool and a Dask worker run. A relative path is read from
    `folder` when given (the folder check() ran in, not a worker's), and keeps its name."""
    if source.problem:
        return ReportResult(path=source.path, error=f"{source.path}: {source.problem}")
    where = os.path.join(folder, source.path) if folder else source.path
    return _check_one(lambda: read_document(where, source.path), source.path, options)


def _check_one(read: Callable[[], Document], name: str, options: _Options) -> ReportResult:
    try:
        if options.sent_catalogs is None:
            catalogs = load_catalogs(options.catalogs)
        else:
            catalogs = _sent_catalogs(options.sent_catalogs)
        with t.overridden(options.thresholds):
            return check_document(read(), catalogs, options.claims, options.versions, options.material_topics)
    except InputError as err:
        return ReportResult(path=name, error=str(err), no_index=isinstance(err, NoIndexError))
