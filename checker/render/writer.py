"""What every output format is: a writer that turns each report into its part of the output as the
run checks it, and gives the text before and after those parts once the run's totals are known
(a Markdown or HTML page opens with them). A run keeps the parts in a spool (checker/output.py), not
the reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.console import Console

    from ..result import CheckResult, ReportResult, Totals


class Writer(Protocol):
    def head(self, totals: Totals) -> str:
        """What comes before the reports' parts; asked after the last one."""

    def body(self, report: ReportResult) -> str:
        """A report's part, in the order the reports come."""

    def tail(self, totals: Totals) -> str:
        """What comes after the reports' parts."""


def console_text(console: Console) -> str:
    """What a rich writer's console printed since last asked (its file is a StringIO), emptied."""
    buffer = console.file
    text = buffer.getvalue()  # type: ignore[attr-defined]
    buffer.seek(0)
    buffer.truncate()
    return text  # type: ignore[no-any-return]


def written(writer: Writer, result: CheckResult) -> str:
    """The whole output for a result held at once (the Python API's renderers)."""
    from ..result import Totals

    bodies = "".join(writer.body(report) for report in result.reports)
    totals = Totals(result.reports)
    return writer.head(totals) + bodies + writer.tail(totals)
