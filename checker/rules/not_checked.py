"""ESG001 not-checked: an index table whose columns could not be read with confidence.

Before any rule runs, each table of the index is given roles (checker/roles.py): does the
text beside the codes hold official titles, this report's section names, or something else
(answers, descriptions, other documents)? A column that is not clearly titles is not checked
by ESG101-103, and one that is not clearly this report's sections is not checked by ESG401.
This rule says so once per table, as info, instead of a doubtful finding on every row.

Fails (info):
    305-1  Our Scope 1 emissions fell 12% in 2023       <- an answer column, not titles
    305-2  See our CDP response
Passes:
    305-1  Direct (Scope 1) GHG emissions
    305-2  Energy indirect (Scope 2) GHG emissions

Cost: O(T) for T index tables (their notes are made while reading the index).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from .base import finding

CODE = "ESG001"
NAME = "not-checked"
KIND = "not-checked"
SEVERITY = "info"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    for table in ctx.index.tables:
        for note in table.notes:
            yield finding(
                _rule,
                ctx,
                f"index table at lines {table.first_line}-{table.last_line}: {note}",
                line=table.first_line,
                fix="Nothing to fix if the column is meant to hold this; check those rows by hand.",
            )
