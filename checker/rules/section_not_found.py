"""ESG401 section-not-found: an index row points to a section the report does not have.

Every section name printed in the index must be a heading (or the exact wording) of the
report; the nearest heading is offered as the likely intent of a typo or renamed chapter.
Only tables whose location column holds this report's section names are read (checker/roles.py):
not topics, other documents, answers, nor a standalone index's references to its report.

Fails:
    Sustainable Supply Chai        <- the report's heading is "Sustainable Supply Chain"
Passes:
    Sustainable Supply Chain
    Appendix: ESG Key Performance Metrics   <- short for "Appendix 1: ESG Key Performance Metrics Table"

Cost: O(E + k·n + f·H): a dict lookup per row, one scan of the n-character text per distinct name k
that is no heading (remembered), a fuzzy search of the H headings per finding f.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from .. import thresholds as t
from ..context import Context
from ..findings import Finding
from ..index_parser import IndexEntry, SectionName
from .base import finding, reader_row

CODE = "ESG401"
NAME = "section-not-found"
KIND = "section-not-found"
SEVERITY = "warning"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    for section in ctx.section_names:
        if ctx.headings.exists(section.name) or ctx.headings.shortened(section.name):
            continue  # a heading of the report, or a short form of one
        nearest = ctx.headings.best(section.name, t.SECTION_SUGGEST)
        if nearest:
            message = f'section "{section.name}" is not in the report; did you mean "{nearest.heading}"?'
            expected, fix = nearest.heading, f'Rename it to "{nearest.heading}".'
        else:
            message = f'section "{section.name}" is not in the report and resembles no heading'
            expected, fix = None, "Point the rows to the section that holds them."
        row = reader_row(ctx, _row_of(ctx, section))
        yield finding(
            _rule, ctx, message, line=section.line, found=section.name, expected=expected, fix=fix, row=row
        )


def _row_of(ctx: Context, section: SectionName) -> IndexEntry | None:
    """The row printing the name: of its table, naming it, the nearest to the name's line."""
    rows = [e for e in ctx.index.entries if e.table == section.table and section.name in e.section]
    return min(rows, key=lambda e: (abs(e.line - section.line), e.line), default=None)
