"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning (schema: checker/schemas/sarif-2.1.0.json).

Each rule carries its `explain` text; each result a `region.startLine` (the index row, or the first
line of the index for a finding on the report as a whole) and a `partialFingerprints` entry that
does not depend on the line, so code scanning keeps tracking a finding when lines move.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..fingerprint import fingerprint
from ..result import CheckResult, ReportResult
from .rule_docs import description, full_text, summary

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "esgcheck/v1"


def render(result: CheckResult) -> str:
    return json.dumps(to_sarif(result), indent=2, ensure_ascii=False)


def to_sarif(result: CheckResult) -> dict[str, Any]:
    from ..rules import RULES

    index = {rule.CODE: number for number, rule in enumerate(RULES)}
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
    results = [_result(report, found, index) for report in result.reports for found in report.findings]
    notifications = [
        {"level": "error", "message": {"text": report.error}} for report in result.reports if report.error
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "esgcheck", "version": result.tool_version, "rules": rules}},
        "results": results,
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


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
