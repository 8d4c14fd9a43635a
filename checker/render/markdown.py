"""`--format markdown`: a summary to paste into a review (a pull request comment, an issue)."""

from __future__ import annotations

from ..result import CheckResult, ReportResult, Totals
from .writer import written


def cell(text: str | None) -> str:
    """Table cell text: a pipe or a line break would end the cell or the row."""
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


class Writer:
    """The totals first, then a section per report."""

    def head(self, totals: Totals) -> str:
        return "## esgcheck\n\n" + totals.line() + _unreadable(totals.counts["unreadable"])

    def body(self, report: ReportResult) -> str:
        return f"\n\n### `{report.path}`\n\n" + "\n".join(_report(report))

    def tail(self, totals: Totals) -> str:
        return "\n"


def render(result: CheckResult) -> str:
    return written(Writer(), result)


def _unreadable(count: int) -> str:
    return f"; {count} could not be checked" if count else ""


def _report(report: ReportResult) -> list[str]:
    if report.error:
        return [f"Could not be checked: {cell(report.error)}"]
    lines = []
    if report.coverage:
        lines += [
            "| Framework | Claim | Required | Listed | Missing | Findings |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        for cover in report.coverage:
            name = f"{cover.framework} {cover.version}".strip()
            lines.append(
                f"| {cell(name)} | {cell(cover.claim or 'no bundled catalog')} | {cover.required} | "
                f"{cover.listed} | {cover.missing} | {cover.findings} |"
            )
        lines.append("")
    if not report.findings:
        return [*lines, "No findings."]
    lines += ["| Severity | Rule | Line | Code | Finding | Fix |", "| --- | --- | ---: | --- | --- | --- |"]
    for found in report.findings:
        code = f"{found.framework or ''} {found.code or ''}".strip()
        lines.append(
            f"| {found.severity} | {found.rule} {found.name} | {found.line or ''} | {cell(code)} | "
            f"{cell(found.message)} | {cell(found.fix)} |"
        )
    return lines
