"""`--format json`: the JSON contract (schema in checker/schemas/report.schema.json), written a report
at a time: a batch's whole document is never held.

The text is json.dumps(CheckResult.to_dict(), indent=2) exactly: an indented value nested n levels
deep is its own indented text with each line after the first indented 2n more spaces."""

from __future__ import annotations

import json

from .. import __version__
from ..result import SCHEMA_VERSION, CheckResult, ReportResult, Totals
from .writer import written


def dumps(value: object, depth: int = 0) -> str:
    """`value` as it reads `depth` levels deep in the indented document."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


class Writer:
    def __init__(self, tool_version: str = __version__) -> None:
        self.tool_version = tool_version
        self._reports = 0

    def head(self, totals: Totals) -> str:
        tool = dumps({"name": "esgcheck", "version": self.tool_version}, 1)
        return f'{{\n  "schema_version": {dumps(SCHEMA_VERSION)},\n  "tool": {tool},\n  "reports": ['

    def body(self, report: ReportResult) -> str:
        self._reports += 1
        return ("\n    " if self._reports == 1 else ",\n    ") + dumps(report.to_dict(), 2)

    def tail(self, totals: Totals) -> str:
        end = "\n  ]" if self._reports else "]"
        return f'{end},\n  "summary": {dumps(totals.counts, 1)}\n}}\n'


def render(result: CheckResult) -> str:
    return written(Writer(result.tool_version), result)
