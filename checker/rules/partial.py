"""ESG501 partial: the text an index row points to evidences only some parts of its disclosure.

The catalog lists the parts of a complete answer (`element_terms`: Scope 1, Scope 2, intensity)
with the words any of which evidences each, and for a quantitative disclosure the units its
figures carry. The section span (or pages) behind the row is searched for each; a code listed in
several rows is judged on all their texts together. Only rows whose text was found with confidence
are judged (checker/evidence.py); the others count as not checked in the coverage.

Fails:
    A1.2 Direct (Scope 1) and energy indirect (Scope 2) GHG emissions ... Climate Action
        <- "Climate Action" gives Scope 1 in tCO2e, but neither Scope 2 nor an intensity
    A1.2 ... See www.example.com/esg   <- a KPI whose only answer is a web page: no figures in the report
Passes:
    A1.2 ... Environmental Data   <- Scope 1, Scope 2 and tCO2e per employee, in tCO2e

Cost: see checker/evidence.py: linear in the rows and the length of the sections they point to.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from .base import entry_finding

CODE = "ESG501"
NAME = "partial"
KIND = "partial"
SEVERITY = "warning"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    for verdict in ctx.evidence.with_status("partial"):
        entry = verdict.entry
        where = "; ".join(span.where for span in verdict.spans)
        missing = ", ".join(verdict.missing)
        if verdict.spans[0].link:  # a KPI whose only answer is a web page
            yield entry_finding(
                _rule,
                ctx,
                entry,
                f"{entry.framework} {entry.code}: the row gives only {where}, not its figures in the report",
                found=where,
                expected=missing,
                fix="Give the figures in the report, or point the row to the section that does.",
            )
            continue
        given = ", ".join(verdict.found)
        message = f"{entry.framework} {entry.code}: {where} gives {given} but not {missing}"
        fix = f"Disclose {missing} there, or point the row to where the report does."
        if verdict.elsewhere:
            message += f"; {verdict.elsewhere.where} does"
            fix = f"Point the row to {verdict.elsewhere.where.split(' (')[0]} as well."
        yield entry_finding(_rule, ctx, entry, message, found=given, expected=missing, fix=fix)
