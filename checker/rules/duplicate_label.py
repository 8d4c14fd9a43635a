"""ESG102 shared-label (duplicate-label): two different codes carry the same label.

One label belongs to one disclosure. When several codes print it, the codes whose title it
is not are flagged (all but the first, where it is nobody's title). One row listing several codes
under one label ("305-1, 305-2, 305-3 Emissions") is not a duplicate.

Fails:
    2-11  Chair of the highest governance body
    2-12  Chair of the highest governance body         <- flagged
Passes:
    2-12  Role of the highest governance body in overseeing the management of impacts

Cost: O(E) for E index rows (one pass grouping rows by folded label), plus one own-title match per
shared label.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from .. import thresholds as t
from ..context import Context
from ..findings import Finding
from ..index_parser import IndexEntry
from ..text import fold
from .base import entry_finding

CODE = "ESG102"
NAME = "shared-label"
KIND = "duplicate-label"
SEVERITY = "warning"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    groups: dict[tuple[str, str], dict[str, IndexEntry]] = {}
    for entry in ctx.titled_entries:
        label = fold(entry.label)
        if label and ctx.disclosure_for(entry) and not ctx.shares_row(entry):
            groups.setdefault((entry.framework, label), {}).setdefault(entry.code, entry)
    for rows in groups.values():
        if len(rows) < 2:
            continue
        owners = {code for code, entry in rows.items() if _owns(ctx, entry)}
        flagged = [e for code, e in rows.items() if code not in owners]
        if not owners:
            flagged = flagged[1:]
        for entry in flagged:
            disclosure = ctx.disclosure_for(entry)
            yield entry_finding(
                _rule,
                ctx,
                entry,
                f"{entry.framework} {entry.code} shares its label with {_others(rows, entry.code)}",
                found=entry.label,
                expected=disclosure.title if disclosure else None,
                fix="Give each code its own official title.",
            )


def _owns(ctx: Context, entry: IndexEntry) -> bool:
    disclosure = ctx.disclosure_for(entry)
    return bool(disclosure) and ctx.labels.own_score(entry.label, disclosure) >= t.LABEL_MATCH


def _others(rows: dict[str, IndexEntry], code: str) -> str:
    return ", ".join(f"{c} (line {e.line})" for c, e in rows.items() if c != code)
