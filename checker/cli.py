"""The esgcheck command: `esgcheck REPORT...` checks; `rules` and `explain CODE` document the rules."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import InputError
from .findings import FAIL_LEVELS
from .output import FORMATS

if TYPE_CHECKING:
    from .render.summary import SummaryRow
    from .result import ReportResult


class DefaultToCheck(click.Group):
    """`esgcheck report.txt` means `esgcheck check report.txt`, as `ruff file.py` once did."""

    def invoke(self, ctx: click.Context) -> object:
        """Ctrl-C exits 130 as shells expect (click's own Abort exits 1, the code for findings)."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("esgcheck: interrupted", err=True)
            ctx.exit(130)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        key, sep, level = value.partition("=")
        if not sep or not key or not level:
            raise click.BadParameter(f"expected FRAMEWORK=VALUE, got '{value}'", param_hint=option)
        pairs[key.strip()] = level.strip()
    return pairs


@click.group(cls=DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="esgcheck")
def main() -> None:
    """Check the content index of ESG reports against the bundled framework catalogs (HKEX C2, GRI,
    SASB, ESRS codes: `esgcheck catalog list`)."""


def run() -> None:
    """The `esgcheck` command and `python -m checker`: main(), and a quick exit, as everything the
    run built (catalogs, the report's lines, its index) is frozen out of the garbage collector first:
    the interpreter's last collections at exit would otherwise walk it all, ~20 ms of a 250 ms run
    for nothing. While it runs, the youngest generation is collected every 100,000 allocations, not
    700 (as mypy does): a check makes few reference cycles, and the ~35 collections of a run walked
    the unpickled catalogs over and over (~12 ms). Tests call main() in-process and keep their
    collector as it is."""
    import gc

    gc.set_threshold(100_000, *gc.get_threshold()[1:])
    try:
        main()
    finally:
        gc.freeze()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text: coloured report; json: the JSON contract; sarif: code scanning; "
    "github: workflow annotations; markdown: a summary for a review; html: a standalone page; "
    "summary: one table row per report.",
)
@click.option(
    "--output",
    "-o",
    "output",
    metavar="FILE",
    help="Write the output to FILE (atomically) instead of standard output.",
)
@click.option(
    "--summary-csv",
    "summary_csv",
    metavar="FILE",
    help="Also write the batch summary (one row per report) to FILE as CSV.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS, case_sensitive=False),
    default=None,
    help="Exit 1 when a finding is at or above this severity.  [default: warning, or the config's]",
)
@click.option(
    "--config",
    "config_file",
    metavar="FILE",
    help="Settings from FILE (pyproject.toml or .esgcheck.yaml), not the one found above the input.",
)
@click.option(
    "--select",
    "select",
    multiple=True,
    metavar="RULE",
    help="Report only these rules (codes or names; repeat or separate with commas).",
)
@click.option(
    "--ignore",
    "ignore",
    multiple=True,
    metavar="RULE",
    help="Do not report these rules (codes or names; repeat or separate with commas).",
)
@click.option(
    "--baseline",
    "baseline",
    metavar="FILE",
    help="Do not report the findings recorded in FILE (written by --write-baseline).",
)
@click.option(
    "--write-baseline",
    "write_baseline_to",
    metavar="FILE",
    help="Record the current findings in FILE and exit 0: later runs with --baseline fail only on new ones.",
)
@click.option(
    "--allow-no-index",
    is_flag=True,
    help="A file with no content index passes silently (for pre-commit hooks on every draft).",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Print nothing when the run passes (exit 0).",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Rewrite labels that are another code's title, or a misquoted one, to the official title "
    "(Markdown and text drafts only), then check again.",
)
@click.option("--diff", is_flag=True, help="Show the --fix changes as a diff; write nothing.")
@click.option(
    "--claim",
    "claims",
    multiple=True,
    metavar="FRAMEWORK=LEVEL",
    help="Override the claim read from the report, e.g. GRI=in-accordance.",
)
@click.option(
    "--catalog",
    "catalogs",
    multiple=True,
    metavar="PATH",
    help="An extra catalog YAML file (validated against the catalog schema).",
)
@click.option(
    "--framework-version",
    "versions",
    multiple=True,
    metavar="FRAMEWORK=VERSION",
    help="Use this catalog version instead of the one chosen from the reporting period.",
)
@click.option(
    "--material-topic",
    "material_topics",
    multiple=True,
    metavar="STANDARD",
    help='A material topic of the report (305, "GRI 305: Emissions"; repeat or separate with commas): '
    'its disclosures are required at the claim levels its catalog marks so (GRI: "in accordance"), '
    "advice where that level advises.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0),
    default=0,
    metavar="N",
    help="Check reports in N parallel processes (0: one per core, or 1 when the reports beside the "
    "largest hold under 32 KB).",
)
@click.option(
    "--dask",
    "dask",
    metavar="ADDRESS",
    help="Check the reports on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), for "
    "thousands of reports on several machines; the workers read them at the same paths. Needs the dask "
    "extra. On one machine --jobs is simpler and faster.",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Force or disable colour (default: on a terminal, unless NO_COLOR is set).",
)
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    summary_csv: str | None,
    fail_on: str | None,
    config_file: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    baseline: str | None,
    write_baseline_to: str | None,
    allow_no_index: bool,
    quiet: bool,
    fix: bool,
    diff: bool,
    claims: tuple[str, ...],
    catalogs: tuple[str, ...],
    versions: tuple[str, ...],
    material_topics: tuple[str, ...],
    jobs: int,
    dask: str | None,
    color: bool | None,
) -> None:
    """Check reports (.txt, .md, .pdf, .docx): files, folders, globs, or - for standard input."""
    from .output import Output, wants_color, write
    from .runs import CommandLine, default_jobs, plan
    from .silence import rule_option

    try:
        line = CommandLine(
            fail_on=fail_on,
            select=rule_option(select, "--select") if select else None,
            ignore=rule_option(ignore, "--ignore"),
            claims=_pairs(claims, "--claim"),
            versions=_pairs(versions, "--framework-version"),
            catalogs=catalogs,
            baseline=baseline,
            material_topics=material_topics or None,
        )
        run = plan(config_file, paths, line)  # each report with its own nearest config
        run.use_baselines = not write_baseline_to  # recording one applies none
    except InputError as err:
        click.echo(f"esgcheck: {err}", err=True)
        sys.exit(2)
    sources = run.sources
    if dask and jobs:
        click.echo("esgcheck: --jobs and --dask: choose one (the Dask workers check the reports)", err=True)
        sys.exit(2)
    if (fix or diff) and "-" in paths:
        click.echo("esgcheck: --fix and --diff rewrite files, not standard input", err=True)
        sys.exit(2)
    jobs = jobs or (1 if dask else default_jobs(sources))  # the Dask workers take no jobs
    show_progress = output_format in ("text", "summary", "html") and len(sources) > 1 and sys.stderr.isatty()
    out = Output(output_format, wants_color(color, bool(output and output != "-")))
    kept = _Kept(summary_csv, write_baseline_to)
    code, changed, failed = 0, False, False
    try:  # each report settled and written as it comes: a batch is never held whole
        with _progress(show_progress, len(sources)) as advance:
            for group, report in run.reports(jobs, on_report=advance, dask=dask):
                if allow_no_index and report.no_index:
                    continue
                if report.error:
                    click.echo(f"esgcheck: {report.error}", err=True)
                note = run.settle(group, report)
                if note and not quiet:
                    click.echo(f"esgcheck: {note}", err=True)
                kept.add(report)
                code = max(code, run.exit_code(group, report))
                if fix or diff:
                    changed, failed = _fix(report, diff, changed, failed)
                out.add(report)
    except InputError as err:  # a bad catalog, option value or baseline (OptionError) concerns every report
        click.echo(f"esgcheck: {err}", err=True)
        sys.exit(2)
    if write_baseline_to:
        kept.write_baseline(code)
    if fix or diff:
        if failed:
            sys.exit(2)
        if diff:  # as ruff --diff: 1 when there is something to fix
            sys.exit(2 if code == 2 else int(changed))
        if changed:
            ctx = click.get_current_context()
            ctx.invoke(check, **{**ctx.params, "fix": False})  # report what is left
    kept.write_summary()
    if quiet and code == 0 and not (output and output != "-"):
        sys.exit(0)
    try:
        write(out.pieces(), output)
    except OSError as err:
        click.echo(f"esgcheck: {output}: cannot be written ({err.strerror or err})", err=True)
        sys.exit(2)
    sys.exit(code)


def _fix(report: ReportResult, diff: bool, changed: bool, failed: bool) -> tuple[bool, bool]:
    """A report's label fixes written (or for --diff shown), its notes on standard error; whether a
    file changed (or would) and whether one could not be read or written, so far."""
    from .fix import fix_reports
    from .result import CheckResult

    fixed, notes, shown, broken = fix_reports(CheckResult([report]), write=not diff)
    for note in notes:
        click.echo(f"esgcheck: {note}", err=True)
    click.echo(shown, nl=False)
    return changed or fixed, failed or broken


class _Kept:
    """What a run keeps of each report for the files it writes at the end: its --summary-csv row and
    its --write-baseline records, not its result."""

    def __init__(self, summary_csv: str | None, baseline: str | None) -> None:
        self.summary_csv, self.baseline = summary_csv, baseline
        self.rows: list[SummaryRow] = []
        self.recorded: list[dict[str, Any]] = []

    def add(self, report: ReportResult) -> None:
        if self.summary_csv:
            from .render.summary import summary_row

            self.rows.append(summary_row(report))
        if self.baseline:
            from .baseline import baseline_rows

            self.recorded += baseline_rows(report, self.baseline)

    def write_summary(self) -> None:
        """The batch summary as CSV, atomically; a file that cannot be written is exit 2, as --output."""
        if not self.summary_csv:
            return
        from .atomic import write_text
        from .render.summary import csv_text

        try:
            write_text(self.summary_csv, csv_text(self.rows), encoding="utf-8")
        except OSError as err:
            click.echo(f"esgcheck: {self.summary_csv}: cannot be written ({err.strerror or err})", err=True)
            sys.exit(2)

    def write_baseline(self, code: int) -> None:
        """Record the findings and stop: exit 0, or 2 when a report could not be checked."""
        from .baseline import write_rows

        assert self.baseline is not None
        try:
            count = write_rows(self.recorded, self.baseline)
        except InputError as err:
            click.echo(f"esgcheck: {err}", err=True)
            sys.exit(2)
        click.echo(f"esgcheck: recorded {count} finding(s) in {self.baseline}", err=True)
        sys.exit(2 if code == 2 else 0)


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[object], None] | None]:
    """A rich progress bar on stderr for batches on a terminal; nothing when piped or JSON."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("checking reports", total=total)
        yield lambda _report: progress.advance(task)


@main.command()
def rules() -> None:
    """List the rules: code, name, kind and default severity."""
    from .render.rule_docs import summary
    from .rules import RULES

    for rule in RULES:
        click.echo(f"{rule.CODE}  {rule.NAME:<20} {rule.KIND:<19} {rule.SEVERITY:<8} {summary(rule)}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a rule (by code, name or kind), with a failing and a passing example."""
    from .render.rule_docs import full_text
    from .rules import rule_by_code

    rule = rule_by_code(code)
    if rule is None:
        click.echo(f"esgcheck: no rule '{code}' (see `esgcheck rules`)", err=True)
        sys.exit(2)
    click.echo(full_text(rule))


@main.group()
def catalog() -> None:
    """Look up the framework catalogs: their disclosures, titles and what an answer holds."""


def _catalogs(extra: tuple[str, ...], framework: str | None, version: str | None) -> list:  # type: ignore[type-arg]
    from .engine import load_catalogs

    try:
        found = load_catalogs(tuple(extra))
    except InputError as err:
        click.echo(f"esgcheck: {err}", err=True)
        sys.exit(2)
    if framework:
        found = [c for c in found if framework.lower() in (c.framework.lower(), c.id.lower())]
    if version:
        found = [c for c in found if version in (c.version, c.id)]
    if not found:
        click.echo(f"esgcheck: no catalog for framework '{framework}'", err=True)
        sys.exit(2)
    return found


_framework_option = click.option(
    "--framework", "framework", metavar="NAME", help="HKEX, GRI, SASB or a catalog id."
)
_version_option = click.option("--framework-version", "version", metavar="VERSION", help="A catalog version.")
_catalog_option = click.option(
    "--catalog", "extra", multiple=True, metavar="PATH", help="An extra catalog file."
)


@catalog.command("list")
@_framework_option
@_version_option
@_catalog_option
def catalog_list(framework: str | None, version: str | None, extra: tuple[str, ...]) -> None:
    """List every disclosure: code, title, and whether the claim levels require it."""
    for found in _catalogs(extra, framework, version):
        click.echo(f"# {found.name} {found.version} ({found.id}): {len(found.disclosures)} disclosures")
        for disclosure in found.disclosures.values():
            required = ",".join(disclosure.required_at) or "-"
            click.echo(f"{disclosure.code:<14} {required:<32} {disclosure.title}")


@catalog.command("show")
@click.argument("code")
@_framework_option
@_version_option
@_catalog_option
def catalog_show(code: str, framework: str | None, version: str | None, extra: tuple[str, ...]) -> None:
    """Show one disclosure: official title, standard, requirement and its elements."""
    shown = 0
    for found in _catalogs(extra, framework, version):
        disclosure = found.get(code)
        old = found.superseded.get(code.replace(" ", "").lower())
        if disclosure:
            shown += 1
            click.echo(f"{found.framework} {disclosure.code}  ({found.name} {found.version})")
            click.echo(f"  title:        {disclosure.title}")
            earlier = ""
            if disclosure.phase_in:
                until, levels = disclosure.phase_in
                earlier = f" (years begun by {until.isoformat()}: {', '.join(levels) or 'no claim level'})"
            for label, value in (
                ("wording", "" if disclosure.wording_verified else "unverified: labels are not judged"),
                ("standard", disclosure.standard),
                ("topic", disclosure.topic),
                ("kind", disclosure.kind),
                ("category", disclosure.category),
                ("required at", (", ".join(disclosure.required_at) or "no claim level") + earlier),
                ("quantitative", "yes" if disclosure.quantitative else "no"),
                ("units", ", ".join(disclosure.units)),
                ("requirement", disclosure.text),
            ):
                if value:
                    click.echo(f"  {label + ':':<13} {value}")
            if disclosure.elements:
                click.echo("  elements:")
            for element in disclosure.elements:
                click.echo(f"    - {element}")
        elif old:
            shown += 1
            click.echo(f"{found.framework} {old.code}  superseded ({old.standard}): {old.title}")
            click.echo(f"  replaced by: {', '.join(old.successors) or 'no direct successor'}")
    if not shown:
        click.echo(f"esgcheck: no disclosure '{code}' in the catalogs", err=True)
        sys.exit(2)
