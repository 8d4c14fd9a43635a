"""The shape every rule module has, and the one way rules build findings."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Protocol

from ..context import Context
from ..findings import Finding
from ..index_parser import IndexEntry


class Rule(Protocol):
    CODE: str
    NAME: str
    KIND: str
    SEVERITY: str

    def check(self, ctx: Context) -> Iterator[Finding]: ...


def finding(
    rule: ModuleType, ctx: Context, message: str, severity: str | None = None, **fields: object
) -> Finding:
    """A finding stamped with the rule's code, name and kind, and the page of its line."""
    line = fields.get("line")
    return Finding(
        rule=rule.CODE,
        name=rule.NAME,
        kind=rule.KIND,
        severity=severity or rule.SEVERITY,
        message=message,
        page=ctx.page(line if isinstance(line, int) else None),
        **fields,  # type: ignore[arg-type]
    )


def entry_finding(
    rule: ModuleType,
    ctx: Context,
    entry: IndexEntry,
    message: str,
    severity: str | None = None,
    **fields: object,
) -> Finding:
    """A finding on one index row: its framework, code and line."""
    return finding(
        rule, ctx, message, severity, framework=entry.framework, code=entry.code, line=entry.line, **fields
    )
