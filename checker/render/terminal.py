"""The coloured terminal report: header and claims, coverage per framework, findings by severity."""

from __future__ import annotations

import sys

from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..findings import SEVERITY_ORDER, Finding
from ..result import ReportResult, Totals
from .writer import console_text

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class Writer:
    """Each report printed to the console as it comes (its text taken from the console's buffer), the
    totals last."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def head(self, totals: Totals) -> str:
        return ""

    def body(self, report: ReportResult) -> str:
        console = self.console
        if report.error:
            console.print(Text(f"✗ {report.error}", style="bold red"))
        else:
            console.print(_header(report))
            console.print(_coverage(report, console))
            _findings(report, console)
        return console_text(console)

    def tail(self, totals: Totals) -> str:
        text = Text("\n" + totals.line(), style="bold")
        if totals.counts["unreadable"]:
            text.append(f"; {totals.counts['unreadable']} could not be checked", style="bold red")
        self.console.print(text)
        return console_text(self.console)


def _header(report: ReportResult) -> Panel:
    lines = [Text(report.path, style="bold")]
    size = f"{report.lines} lines" + (f", {report.pages} pages" if report.pages else "")
    lines.append(Text(f"{size}, {len(report.entries)} index rows", style="dim"))
    if report.period:
        span = f"{report.period.start} to {report.period.end} (line {report.period.line})"
        lines.append(Text.assemble(("period ", "dim"), span))
    for claim in report.claims.values():
        where = f" (line {claim.line})" if claim.line else ""
        source = {"user": " (set by --claim)", "default": " (assumed)"}.get(claim.source, where)
        lines.append(Text.assemble(("claims ", "dim"), (claim.framework, "bold"), f" {claim.level}{source}"))
    for cover in report.coverage:
        if cover.version_reason:
            lines.append(Text.assemble(("version ", "dim"), cover.version_reason))
    return Panel(Group(*lines), title="esgcheck", title_align="left", border_style="blue")


def _coverage(report: ReportResult, console: Console) -> RenderableType:
    """The coverage table, its evidence column in it when every row fits on one line. Otherwise (80
    columns: the counts wrapped a word a line) the evidence goes under the table, a line per framework,
    and if the table is still too wide its claim column goes too: the header above names each claim."""
    table = _coverage_table(report, claim=True, evidence=True)
    if _fits(table, console):
        return table
    table = _coverage_table(report, claim=True, evidence=False)
    claim = _fits(table, console)
    if not claim:
        table = _coverage_table(report, claim=False, evidence=False)
    below = Table(
        title="Evidence (listed codes)",
        title_justify="left",
        box=None,
        show_header=False,
        padding=(0, 2, 0, 0),
        pad_edge=False,
    )
    below.add_column("framework", no_wrap=True)
    below.add_column("evidence")
    for cover in report.coverage:
        if cover.catalog is None and not claim:
            below.add_row(cover.framework, Text("no bundled catalog", style="dim"))
        elif cover.evidence and any(cover.evidence.values()):
            below.add_row(f"{cover.framework} {cover.version}", _evidence(cover.evidence))
    if not below.row_count:
        return table
    return Group(table, below)


def _fits(table: Table, console: Console) -> bool:
    """Whether the table with no cell wrapped is within the console's width. It is measured without
    a width limit: within one, rich gives the width it would take by wrapping cells."""
    unbounded = console.options.update_width(sys.maxsize)
    return Measurement.get(console, unbounded, table).maximum <= console.width


def _coverage_table(report: ReportResult, claim: bool, evidence: bool) -> Table:
    table = Table(title="Coverage", title_justify="left", header_style="bold")
    table.add_column("Framework", no_wrap=True)
    if claim:
        table.add_column("Claim", no_wrap=True)
    for column in ("Required", "Listed", "Missing", "Findings"):
        table.add_column(column, justify="right", min_width=len(column))
    if evidence:
        table.add_column("Evidence (listed codes)")
    for cover in report.coverage:
        if cover.catalog is None:
            name, level = cover.framework, Text("no bundled catalog", style="dim")
            counts: list[RenderableType] = ["", str(cover.listed), "", ""]
        else:
            name, level = f"{cover.framework} {cover.version}", Text(cover.claim)
            counts = [
                str(cover.required),
                str(cover.listed),
                Text(str(cover.missing), style="red" if cover.missing else "green"),
                Text(str(cover.findings), style="yellow" if cover.findings else "green"),
            ]
        cells = [name, *([level] if claim else []), *counts]
        if evidence:
            cells.append(_evidence(cover.evidence))
        table.add_row(*cells)
    return table


def _evidence(counts: dict[str, int] | None) -> Text:
    """What the sections behind the rows evidence, in a few words: "40 complete, 2 partial, ..."."""
    if not counts:
        return Text("")
    shown = [f"{count} {name.replace('_', ' ')}" for name, count in counts.items() if count]
    return Text(", ".join(shown), style="dim")


def _findings(report: ReportResult, console: Console) -> None:
    if not report.findings:
        console.print(Text("No findings.", style="green"))
        return
    for severity in sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__, reverse=True):
        chosen = [f for f in report.findings if f.severity == severity]
        if not chosen:
            continue
        table = Table(
            box=None,
            show_header=False,
            padding=(0, 1),
            title_justify="left",
            title=Text(f"{severity.upper()}S ({len(chosen)})", style=STYLE[severity]),
        )
        table.add_column("rule", style=STYLE[severity], no_wrap=True)
        table.add_column("where", style="dim", no_wrap=True)
        table.add_column("finding", ratio=1)
        for found in chosen:
            table.add_row(found.rule, _where(found), _detail(found))
        console.print(table)


def _where(found: Finding) -> str:
    where = f"line {found.line}" if found.line else "index"
    return f"{where}, p. {found.page}" if found.page else where


def _detail(found: Finding) -> Text:
    text = Text.assemble((found.kind, "bold"), "  ", found.message)
    if found.row:
        text.append(f"\nrow:      {found.row}", style="dim")
    if found.found and found.found not in found.message:
        text.append(f"\nfound:    {found.found}", style="dim")
    if found.expected and found.expected not in found.message:
        text.append(f"\nexpected: {found.expected}", style="green")
    if found.fix:
        text.append(f"\nfix:      {found.fix}", style="italic")
    return text
