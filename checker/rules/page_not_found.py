"""ESG402 page-not-found: an index row points to a page the report does not have.

Checked for locations that are only page numbers ("48", "pp. 12-15") in a report whose pages
print their numbers, so that printed numbers can be told from the PDF's page order.

Fails:
    305-4 GHG emissions intensity 148     <- the report's printed pages run 2-96
Passes:
    305-4 GHG emissions intensity 48
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from ..page_refs import own_pages
from .base import finding

CODE = "ESG402"
NAME = "page-not-found"
KIND = "section-not-found"
SEVERITY = "warning"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    offset, count = ctx.page_offset, ctx.document.page_count
    if offset is None or not count:
        return
    first, last = max(1, 1 + offset), count + offset
    for entry in ctx.index.entries:
        beyond = [page for page in own_pages(entry.section) if not first <= page <= last]
        if beyond:
            yield finding(
                _rule,
                ctx,
                f"{entry.framework} {entry.code} points to page {beyond[0]}, "
                f"but the report's printed pages run {first}-{last}",
                framework=entry.framework,
                code=entry.code,
                line=entry.line,
                found=entry.section,
                expected=f"a page from {first} to {last}",
                fix="Correct the page reference.",
            )
