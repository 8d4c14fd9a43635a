"""Page references printed in an index ("48", "pp. 12-15, 20") and the report's printed numbering.

Only a location that is nothing but pages points into the report itself; "Annual Report, p. 25"
or "2022 10-K, p. 1" name another document and are left alone. Printed page numbers differ from
the PDF's page order (covers, unnumbered spreads), so the offset between them is read from the
page numbers the pages print at their top or foot, and nothing is checked without it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .document import Document

_RANGE = r"\d{1,3}(?:\s*[-–~]\s*\d{1,3})?"
_PAGES_ONLY = re.compile(
    rf"(?:(?:pp?\.|pages?)\s*)?({_RANGE}(?:\s*(?:[,;&]|and)\s*{_RANGE})*)\s*f{{0,2}}\.?", re.I
)
_ONE_RANGE = re.compile(r"(\d{1,3})(?:\s*[-–~]\s*(\d{1,3}))?")
_FOLIO = re.compile(r"^(\d{1,3})\b|\b(\d{1,3})$")
"""A page number printed at the start or end of a page's first or last lines."""
MAX_RANGE = 30
"""A "range" wider than this is a figure ("2019-2023"), not pages."""


def own_pages(location: str) -> list[int]:
    """Pages of this report a location cell points to; [] when it names anything else."""
    match = _PAGES_ONLY.fullmatch(location.strip())
    if not match:
        return []
    pages: list[int] = []
    for start, end in _ONE_RANGE.findall(match.group(1)):
        first, last = int(start), int(end or start)
        if last < first or last - first > MAX_RANGE:
            return []
        pages += range(first, last + 1)
    return pages


@dataclass(frozen=True)
class PrintedPages:
    """The report's printed page numbers: PDF page index plus an offset (an unnumbered cover: -1)."""

    offset: int
    count: int

    @property
    def numbers(self) -> range:
        return range(max(1, 1 + self.offset), self.count + self.offset + 1)

    def pdf_page(self, printed: int) -> int:
        return printed - self.offset


def printed_pages(document: Document, edge_lines: int = 3) -> PrintedPages | None:
    """The numbering the pages' own folios agree on, or None when too few pages print one."""
    count = document.page_count
    if not count or count < 4:
        return None
    votes: Counter[int] = Counter()
    for index in range(1, count + 1):
        lines = [text for text in page_text(document, index).split("\n") if text]
        offsets = set()
        for text in lines[:edge_lines] + lines[-edge_lines:]:
            for match in _FOLIO.finditer(text):
                offsets.add(int(match.group(1) or match.group(2)) - index)
        votes.update(offsets)
    if not votes:
        return None
    offset, support = votes.most_common(1)[0]
    return PrintedPages(offset, count) if support >= max(3, count * 0.3) else None


def page_text(document: Document, pdf_page: int) -> str:
    """The cleaned text of one page (1-based PDF order)."""
    starts = document.page_starts
    start = starts[pdf_page - 1]
    end = starts[pdf_page] - 1 if pdf_page < len(starts) else len(document.lines)
    return "\n".join(document.cleaned[start - 1 : end])
