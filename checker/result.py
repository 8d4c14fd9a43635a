"""The typed result of a check, and its JSON form (the contract: checker/schemas/report.schema.json)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from .claims import Claim
from .findings import SEVERITIES, SEVERITY_ORDER, Finding, fail_level
from .index_parser import IndexEntry, IndexTable
from .period import ReportingPeriod

SCHEMA_VERSION = "1.1"
"""1.1: findings may carry `row` (optional, null for text reports); every 1.0 document is valid 1.1."""


@dataclass
class Coverage:
    framework: str
    catalog: str | None
    version: str
    claim: str
    required: int
    listed: int
    complete: int
    partial: int
    missing: int
    findings: int
    note: str = ""
    version_reason: str = ""
    """Why the report is held to this catalog version (its year, the codes its index prints, an option)."""
    evidence: dict[str, int] | None = None
    """Listed codes by what the text behind their rows evidences (checker/evidence.py): complete,
    partial, unsupported, explained, omitted, not_checked. None where no catalog covers the rows."""


@dataclass
class ReportResult:
    path: str
    claims: dict[str, Claim] = field(default_factory=dict)
    entries: list[IndexEntry] = field(default_factory=list)
    tables: list[IndexTable] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    lines: int = 0
    pages: int | None = None
    period: ReportingPeriod | None = None
    no_index: bool = False
    """The error is that the file holds no content index (`--allow-no-index` lets it pass)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "error": self.error,
            "lines": self.lines,
            "pages": self.pages,
            "period": _period(self.period),
            "claims": [asdict(claim) for claim in self.claims.values()],
            "tables": [asdict(table) for table in self.tables],
            "entries": [asdict(entry) for entry in self.entries],
            "coverage": [asdict(cover) for cover in self.coverage],
            "findings": [asdict(found) for found in self.findings],
        }


def _period(period: ReportingPeriod | None) -> dict[str, Any] | None:
    if period is None:
        return None
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "year_start": period.year_start.isoformat(),
        "line": period.line,
        "statement": period.statement,
    }


class Totals:
    """A run's counts, added to report by report: findings per severity, reports, and the ones that
    could not be checked (what `summary` in the JSON holds)."""

    def __init__(self, reports: Iterable[ReportResult] = ()) -> None:
        self.counts = dict.fromkeys(SEVERITY_ORDER, 0)
        self.counts.update(reports=0, unreadable=0)
        for report in reports:
            self.add(report)

    def add(self, report: ReportResult) -> None:
        for found in report.findings:
            self.counts[found.severity] += 1
        self.counts["reports"] += 1
        self.counts["unreadable"] += bool(report.error)

    def line(self) -> str:
        """ "4 errors, 20 warnings, 3 infos in 1 report(s)": the line the text and Markdown end with."""
        counts = self.counts
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES]
        return ", ".join(parts) + f" in {counts['reports']} report(s)"


@dataclass
class CheckResult:
    reports: list[ReportResult]
    tool_version: str = ""

    def findings(self) -> list[Finding]:
        return [found for report in self.reports for found in report.findings]

    def summary(self) -> dict[str, int]:
        return Totals(self.reports).counts

    def exit_code(self, fail_on: str = "warning") -> int:
        """0 clean, 1 findings at or above fail_on, 2 an input could not be checked."""
        fail_on = fail_level(fail_on)
        if any(report.error for report in self.reports):
            return 2
        if fail_on != "never" and any(found.at_least(fail_on) for found in self.findings()):
            return 1
        return 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract's document (`--format json` writes it a report at a time: render/json_out)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "esgcheck", "version": self.tool_version},
            "reports": [report.to_dict() for report in self.reports],
            "summary": self.summary(),
        }
