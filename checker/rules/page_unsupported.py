"""ESG403 page-unsupported: the pages an index row points to say nothing of its disclosure.

A row's page numbers are read on the report's own pages; when none of them mentions any of
the disclosure's evidence terms or title words (catalog data), the pages are likely wrong, or
the disclosure is listed but not made. Lenient on purpose: one term anywhere on the pages passes,
and a disclosure without evidence terms in its catalog is not judged.

Fails:
    305-4 GHG emissions intensity 12      <- page 12 is about board diversity
Passes:
    305-4 GHG emissions intensity 48      <- page 48 reports tCO2e per unit of revenue

Cost: O(E·s) for E index rows and s characters on the pages each row references.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from .. import thresholds as t
from ..catalog import Disclosure
from ..context import Context
from ..findings import Finding
from ..page_refs import page_text
from ..text import fold, fold_text
from .base import entry_finding

CODE = "ESG403"
NAME = "page-unsupported"
KIND = "unsupported"
SEVERITY = "warning"
_rule = sys.modules[__name__]


def terms(disclosure: Disclosure) -> list[str]:
    """What a page answering the disclosure is bound to mention: evidence terms, title words.
    None for a disclosure without evidence terms in the catalog: its title words alone ("Name of
    the organization", "Statement from senior decision-maker") are not what its answer says."""
    if not disclosure.evidence_terms:
        return []
    words = [word for word in fold(disclosure.title).split() if len(word) >= t.TITLE_WORD_MIN_CHARS]
    return sorted({fold(term) for term in disclosure.evidence_terms} | set(words))


def check(ctx: Context) -> Iterator[Finding]:
    printed = ctx.printed_pages
    if printed is None:
        return
    for entry, pages in ctx.page_references:
        disclosure = ctx.disclosure_for(entry)
        if entry.metric or not disclosure or not all(page in printed.numbers for page in pages):
            continue  # a page out of range is ESG402's finding
        wanted = terms(disclosure)
        text = fold_text(" ".join(page_text(ctx.document, printed.pdf_page(page)) for page in pages))
        if not wanted or any(term in text for term in wanted):
            continue
        shown = ", ".join(f'"{term}"' for term in wanted[:4])
        yield entry_finding(
            _rule,
            ctx,
            entry,
            f"{entry.framework} {entry.code} points to page {entry.section}, which mentions none of {shown}",
            found=entry.section,
            expected=f"pages on {disclosure.title}",
            fix="Point the row to the pages that hold the disclosure.",
        )
