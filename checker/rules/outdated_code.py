"""ESG202 outdated-code: a code from a superseded version of the framework.

GRI 2016 universal codes (102-x, 103-x) were replaced in 2021 by GRI 2 and GRI 3; the finding
names the successor so the index can be renumbered. Where a later edition reuses the number
(GRI 306-2 "Waste by type and disposal method" of 2016, "Management of significant waste-related
impacts" of 2020), the label printed beside the code says which edition the row means; an edition
the report's year may still use (306 of 2016 in a report published before 2022) is not outdated.

Fails:
    102-14  Statement from senior decision-maker      <- now 2-22
Passes:
    2-22  Statement on sustainable development strategy

Cost: O(E) for E index rows (a dict lookup each).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from .base import earlier_edition, entry_finding

CODE = "ESG202"
NAME = "outdated-code"
KIND = "outdated-code"
SEVERITY = "warning"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    for entry in ctx.index.entries:
        catalog = ctx.catalog_for(entry)
        old = earlier_edition(ctx, entry)
        if catalog is None or old is None or old.allowed or not old.verified:
            continue  # still allowed in the report's year, or a title no source confirmed
        successors = ", ".join(old.successors)
        new = catalog.get(old.successors[0]) if old.successors else None
        by = new.standard if new and new.standard else f"{catalog.name} {catalog.version}"
        replaced = (
            f"{by} replaces it with {successors}" if successors else "withdrawn, with no direct successor"
        )
        titles = "; ".join(
            f"{code} {catalog.get(code).title}" for code in old.successors if catalog.get(code)
        )
        yield entry_finding(
            _rule,
            ctx,
            entry,
            f"{entry.framework} {entry.code} ({old.title}) is from {old.standard or 'a superseded version'}; "
            + replaced,
            found=entry.code,
            expected=titles or None,
            fix=f"Renumber the row to {successors}." if old.successors else "Drop or re-map the row.",
        )
