"""ESG502 section-unsupported: the section an index row names says nothing of its disclosure.

The row's section span (from its heading to the next heading the index names) mentions none of
the disclosure's evidence terms, element terms or title words (catalog data), lexically or
fuzzily. When another section of the report does evidence the disclosure, it is named: the
index points to the wrong place. Lenient on purpose: one term anywhere in the section passes. Rows
pointing to pages are ESG403's; rows whose section was not found with confidence are not judged.
A row of an index that names no section at all is judged on the whole report (outside the index,
with the row's own answer), and then the finding says the whole report says nothing of it.

Fails:
    305-4 GHG emissions intensity     Board Diversity     <- the section is about the board
Passes:
    305-4 GHG emissions intensity     Climate Action      <- it gives tCO2e per unit of revenue

Cost: see checker/evidence.py; the search elsewhere is one pass over the named sections per finding.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from .base import entry_finding

CODE = "ESG502"
NAME = "section-unsupported"
KIND = "unsupported"
SEVERITY = "warning"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    for verdict in ctx.evidence.with_status("unsupported"):
        if any(span.pages for span in verdict.spans):
            continue  # pages: ESG403's finding
        entry = verdict.entry
        disclosure = ctx.disclosure_for(entry)
        assert disclosure is not None
        where = "; ".join(span.where for span in verdict.spans)
        shown = ", ".join(f'"{term}"' for term in verdict.missing[:4])
        message = f"{entry.framework} {entry.code} points to {where}, which mentions none of {shown}"
        if any(span.whole for span in verdict.spans):
            message = f"{entry.framework} {entry.code}: {where} mentions none of {shown}"
            fix = "Disclose it, or give the reason for its omission in the index."
        elif verdict.elsewhere:
            message += f"; {verdict.elsewhere.where} does: the row points to the wrong place"
            fix = f"Point the row to {verdict.elsewhere.where.split(' (')[0]}."
        else:
            fix = "Point the row to the section that holds the disclosure, or disclose it there."
        yield entry_finding(
            _rule,
            ctx,
            entry,
            message,
            found=entry.section,
            expected=verdict.elsewhere.where if verdict.elsewhere else f"a section on {disclosure.title}",
            fix=fix,
        )
