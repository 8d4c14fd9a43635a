"""`--format json`: the JSON contract of DESIGN.md (schema in checker/schemas/report.schema.json)."""

from __future__ import annotations

import json

from ..result import CheckResult


def render(result: CheckResult) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
