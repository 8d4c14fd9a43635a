"""`--format json`: the JSON contract (schema in checker/schemas/report.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..result import CheckResult


def render(result: CheckResult) -> str:
    return "".join(pieces(result))


def pieces(result: CheckResult) -> Iterator[str]:
    """The document in pieces, each report's part made when it is written: a batch's whole document
    is never held at once."""
    return json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(result.to_dict(lazy=True))
