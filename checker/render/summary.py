"""The batch summary: one row per report, for an auditor scanning a season of filings at a glance.

Rows are counted from what the JSON form of a report holds, so the terminal table (`--format
summary`), the CSV (`--summary-csv`) and the HTML batch table say what the JSON says.
A report that could not be read keeps its row, with its error and nothing else.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..findings import SEVERITIES

if TYPE_CHECKING:
    from rich.console import Console

    from ..result import ReportResult, Totals

COUNTS = ("required", "listed", "complete", "partial", "unsupported", "explained", "missing")
"""Coverage counts a CSV column may hold, in bar order; only those the result has are written
(unsupported and explained appear once the coverage carries them)."""


@dataclass
class SummaryRow:
    """One report of the batch: what it claims, how much of its index was read, what was found."""

    path: str
    error: str | None = None
    lines: int = 0
    rows: int = 0
    claims: dict[str, str] = field(default_factory=dict)
    coverage: dict[str, dict[str, Any]] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)

    @property
    def frameworks(self) -> str:
        """The frameworks checked and their claim levels: "GRI with-reference; HKEX comply-or-explain"."""
        names = list(dict.fromkeys([*self.coverage, *self.claims]))
        return "; ".join(f"{name} {self.claim_of(name)}".strip() for name in names)

    def claim_of(self, framework: str) -> str:
        return self.claims.get(framework) or str(self.coverage.get(framework, {}).get("claim") or "")


def summary_row(report: ReportResult) -> SummaryRow:
    """A report's row: what its JSON form says, counted (a run keeps the rows, not the reports)."""
    row = SummaryRow(path=report.path, error=report.error)
    if not row.error:
        row.lines = report.lines
        row.rows = len(report.entries)
        row.claims = {claim.framework: claim.level for claim in report.claims.values()}
        row.coverage = {cover.framework: asdict(cover) for cover in report.coverage}
        row.findings = dict.fromkeys(SEVERITIES, 0)
        for found in report.findings:
            row.findings[found.severity] = row.findings.get(found.severity, 0) + 1
    return row


def coverage_text(cover: dict[str, Any]) -> str:
    """Coverage in a few words: "51/51", "6/12, 6 missing", or "105 listed" when none is required."""
    required = cover.get("required") or 0
    if not cover.get("catalog") and cover.get("note"):  # a framework or industry no bundled catalog covers
        return f"{cover.get('listed', 0)} listed, not checked"
    if not required:
        return f"{cover.get('listed', 0)} listed"
    text = f"{cover.get('complete', 0)}/{required}"
    gaps = [f"{cover[key]} {key}" for key in ("partial", "unsupported", "missing") if cover.get(key)]
    return f"{text}, {', '.join(gaps)}" if gaps else text


def _frameworks(rows: list[SummaryRow]) -> list[str]:
    return sorted({name for row in rows for name in row.coverage})


def _counts(rows: list[SummaryRow]) -> list[str]:
    present = {key for row in rows for cover in row.coverage.values() for key in cover}
    return [key for key in COUNTS if key in present]


def csv_text(rows: list[SummaryRow]) -> str:
    """The CSV `--summary-csv` writes: fixed columns, per framework its claim, version and counts, and
    last `error`, the reason a report could not be read (its other cells then empty)."""
    frameworks, counts = _frameworks(rows), _counts(rows)
    header = ["path", "frameworks", "lines", "rows", *(f"{severity}s" for severity in SEVERITIES)]
    for name in frameworks:
        header += [f"{name} claim", f"{name} version", *(f"{name} {key}" for key in counts)]
    header.append("error")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        if row.error:
            writer.writerow([row.path, *[""] * (len(header) - 2), row.error])
            continue
        cells: list[object] = [row.path, row.frameworks, row.lines, row.rows]
        cells += [row.findings.get(severity, 0) for severity in SEVERITIES]
        for name in frameworks:
            cover = row.coverage.get(name)
            if cover is None:
                cells += [""] * (2 + len(counts))
            else:
                cells += [row.claim_of(name), cover.get("version", "")]
                cells += [cover.get(key, "") for key in counts]
        cells.append("")
        writer.writerow(cells)
    return buffer.getvalue()


class Writer:
    """`--format summary`: a rich table, one row per report, and the batch's totals under it."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.rows: list[SummaryRow] = []

    def head(self, totals: Totals) -> str:
        return ""

    def body(self, report: ReportResult) -> str:
        self.rows.append(summary_row(report))
        return ""

    def tail(self, totals: Totals) -> str:
        from .writer import console_text

        _table(self.rows, totals, self.console)
        return console_text(self.console)


def _table(rows: list[SummaryRow], totals: Totals, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    unreadable = any(row.error for row in rows)
    table = Table(title="esgcheck batch summary", title_justify="left")
    table.add_column("report", overflow="fold")
    table.add_column("rows", justify="right")
    table.add_column("framework, claim: coverage", overflow="fold")
    table.add_column("E", justify="right", style="red")
    table.add_column("W", justify="right", style="yellow")
    table.add_column("I", justify="right", style="cyan")
    if unreadable:  # a column only a batch with an unreadable report needs
        table.add_column("could not be read", style="red", overflow="fold")
    for row in rows:
        error = [Text((row.error or "").removeprefix(f"{row.path}: "))] if unreadable else []  # path shown
        if row.error:
            table.add_row(row.path, "", "", "", "", "", *error)
            continue
        coverage = "\n".join(
            f"{name} {row.claim_of(name)}: {coverage_text(cover)}".replace(" : ", ": ")
            for name, cover in row.coverage.items()
        )
        table.add_row(
            row.path,
            str(row.rows),
            Text(coverage or "no framework"),
            *(str(row.findings.get(severity, 0)) for severity in SEVERITIES),
            *error,
        )
    console.print(table)
    counts = totals.counts
    failed = f"; {counts['unreadable']} could not be read" if counts["unreadable"] else ""
    console.print(
        f"{counts['reports']} report(s): {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} info{failed}",
        highlight=False,
    )
