"""ESG402 page-not-found: an index row points to a page the report does not have.

Checked for locations that are only page numbers ("48", "pp. 12-15") in a report whose pages
print their numbers, so that printed numbers can be told from the PDF's page order.

Fails:
    305-4 GHG emissions intensity 148     <- the report's printed pages run 2-96
Passes:
    305-4 GHG emissions intensity 48

Cost: O(E·p) for E index rows of p referenced pages each (set lookups).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from .base import entry_finding

CODE = "ESG402"
NAME = "page-not-found"
KIND = "section-not-found"
SEVERITY = "warning"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    printed = ctx.printed_pages
    if printed is None:
        return
    first, last = printed.numbers[0], printed.numbers[-1]
    for entry, pages in ctx.page_references:
        beyond = [page for page in pages if page not in printed.numbers]
        if beyond:
            yield entry_finding(
                _rule,
                ctx,
                entry,
                f"{entry.framework} {entry.code} points to page {beyond[0]}, "
                f"but the report's printed pages run {first}-{last}",
                found=entry.section,
                expected=f"a page from {first} to {last}",
                fix="Correct the page reference.",
            )
