"""`--format github`: workflow commands that GitHub Actions shows as annotations on the draft's lines.

Escaping as GitHub's toolkit does: in the message `%`, `\\r` and `\\n`; in properties (file, title)
also `:` and `,`, which would otherwise end a property.
"""

from __future__ import annotations

from ..result import CheckResult, ReportResult, Totals
from .writer import written

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class Writer:
    """A workflow command a line, each report's as it comes."""

    def head(self, totals: Totals) -> str:
        return ""

    def body(self, report: ReportResult) -> str:
        lines = []
        path = escape_property(report.path)
        if report.error:
            lines.append(f"::error file={path},title=esgcheck::{escape_data(report.error)}")
        for found in [] if report.error else report.findings:
            where = f"file={path}" + (f",line={found.line}" if found.line else "")
            title = escape_property(f"{found.rule} {found.name}")
            message = found.message + (f" Fix: {found.fix}" if found.fix else "")
            lines.append(f"::{COMMAND[found.severity]} {where},title={title}::{escape_data(message)}")
        return "".join(line + "\n" for line in lines)

    def tail(self, totals: Totals) -> str:
        return ""


def render(result: CheckResult) -> str:
    return written(Writer(), result)
