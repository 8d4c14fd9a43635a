"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning (schema: checker/schemas/sarif-2.1.0.json).

Each rule carries its `explain` text; each result a `region.startLine` (the index row, or the first
line of the index for a finding on the report as a whole) and a `partialFingerprints` entry that
does not depend on the line, so code scanning keeps tracking a finding when lines move.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import __version__
from ..fingerprint import fingerprint
from ..result import CheckResult, ReportResult, Totals
from .json_out import dumps
from .rule_docs import description, full_text, summary
from .writer import written

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "esgcheck/v1"


RESULTS = "@esgcheck-results@"
"""Where the results stand in the document's text, which is made once the run's errors are known."""


class Writer:
    """The SARIF log, its results written a report at a time: what is kept of a run is its errors."""

    def __init__(self, tool_version: str = __version__) -> None:
        from ..rules import RULES

        self.tool_version = tool_version
        self._index = {rule.CODE: number for number, rule in enumerate(RULES)}
        self._results = 0
        self._errors: list[str] = []

    def body(self, report: ReportResult) -> str:
        if report.error:
            self._errors.append(report.error)
        parts = []
        for found in report.findings:
            self._results += 1
            parts.append("" if self._results == 1 else ",\n        ")
            parts.append(dumps(_result(report, found, self._index), 4))
        return "".join(parts)

    def head(self, totals: Totals) -> str:
        return self._split[0]

    def tail(self, totals: Totals) -> str:
        return self._split[1] + "\n"

    @cached_property
    def _split(self) -> tuple[str, str]:
        """The document's text before and after its results (asked once every part is written)."""
        text = dumps(self._document([RESULTS]))
        before, after = text.split(json.dumps(RESULTS))
        if not self._results:  # json writes an empty list as []
            before, after = before.rstrip(), after.lstrip()
        return before, after

    def _document(self, results: list[Any]) -> dict[str, Any]:
        from ..rules import RULES

        rules = [
            {
                "id": rule.CODE,
                "name": rule.NAME,
                "shortDescription": {"text": summary(rule)},
                "fullDescription": {"text": description(rule)},
                "help": {"text": full_text(rule), "markdown": f"```\n{full_text(rule)}\n```"},
                "defaultConfiguration": {"level": LEVEL[rule.SEVERITY]},
                "properties": {"kind": rule.KIND},
            }
            for rule in RULES
        ]
        notifications = [{"level": "error", "message": {"text": error}} for error in self._errors]
        run: dict[str, Any] = {
            "tool": {"driver": {"name": "esgcheck", "version": self.tool_version, "rules": rules}},
            "results": results,
            "invocations": [
                {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
            ],
        }
        return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: CheckResult) -> str:
    return written(Writer(result.tool_version), result)


def _result(report: ReportResult, found: Any, index: dict[str, int]) -> dict[str, Any]:
    line = found.line or (report.tables[0].first_line if report.tables else 1)
    message = found.message + (f" Fix: {found.fix}" if found.fix else "")
    result: dict[str, Any] = {
        "ruleId": found.rule,
        "level": LEVEL[found.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(report.path)},
                    "region": {"startLine": max(line, 1)},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(found)},
    }
    if found.rule in index:
        result["ruleIndex"] = index[found.rule]
    return result


def artifact_uri(path: str) -> str:
    """Relative to the working folder when below it (as code scanning wants), else as given."""
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return candidate.as_posix()
