"""The typed result of a check, and its JSON form (the contract: checker/schemas/report.schema.json)."""

from __future__ import annotations

from collections.abc import Iterator
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


@dataclass
class CheckResult:
    reports: list[ReportResult]
    tool_version: str = ""

    def findings(self) -> list[Finding]:
        return [found for report in self.reports for found in report.findings]

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITY_ORDER, 0)
        for found in self.findings():
            counts[found.severity] += 1
        counts["reports"] = len(self.reports)
        counts["unreadable"] = sum(1 for report in self.reports if report.error)
        return counts

    def totals(self) -> str:
        """ "4 errors, 20 warnings, 3 infos in 1 report(s)": the line the text and Markdown end with."""
        counts = self.summary()
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES]
        return ", ".join(parts) + f" in {counts['reports']} report(s)"

    def exit_code(self, fail_on: str = "warning") -> int:
        """0 clean, 1 findings at or above fail_on, 2 an input could not be checked."""
        fail_on = fail_level(fail_on)
        if any(report.error for report in self.reports):
            return 2
        if fail_on != "never" and any(found.at_least(fail_on) for found in self.findings()):
            return 1
        return 0

    def to_dict(self, lazy: bool = False) -> dict[str, Any]:
        """The JSON contract's document. `lazy`: each report's dict is made as the list of reports is
        read, and dropped after (a batch's dicts, about 0.5 MB a report, are never held at once)."""
        reports = _ReportDicts(self.reports) if lazy else [report.to_dict() for report in self.reports]
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "esgcheck", "version": self.tool_version},
            "reports": reports,
            "summary": self.summary(),
        }


class _ReportDicts(list):  # type: ignore[type-arg]
    """The reports, which a reader takes for a list of their dicts: each is made as it is read (read
    it by iterating; an index gives the report itself). An indented json encoder (json's own Python
    one) iterates the list as given."""

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (report.to_dict() for report in super().__iter__())
