"""The report as the checker sees it: numbered lines, where pages start, and its headings."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from .text import clean_text


@dataclass(frozen=True)
class Heading:
    """A heading the reader knows for certain (Markdown `#`, Word heading style) or inferred."""

    text: str
    line: int
    level: int = 1


@dataclass
class Document:
    """Lines are 1-based in every public method, as findings report them."""

    path: str
    lines: list[str]
    kind: str = "text"
    page_starts: list[int] = field(default_factory=list)
    """First line of each page, when the source has real pages (PDF, form feeds)."""
    breaks: list[int] = field(default_factory=list)
    """First line of each visual block (page starts, or inferred ones): a table row never spans one."""
    headings: list[Heading] = field(default_factory=list)

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    @cached_property
    def cleaned(self) -> list[str]:
        """Lines with quotes, dashes and spaces unified (computed once, read by every step)."""
        text = clean_text("\n".join(self.lines))
        return [" ".join(line.split()) for line in text.split("\n")]

    @cached_property
    def flat(self) -> str:
        """The cleaned lines joined by spaces: one string for searches that cross line ends."""
        return " ".join(self.cleaned)

    @cached_property
    def flat_lower(self) -> str:
        """`flat` in lower case, for fast literal tests before slow case-insensitive searches."""
        return self.flat.lower()

    @cached_property
    def _line_offsets(self) -> list[int]:
        offsets, position = [], 0
        for text in self.cleaned:
            offsets.append(position)
            position += len(text) + 1
        return offsets

    def line_at(self, position: int) -> int:
        """The line holding a position of `flat`."""
        return bisect_right(self._line_offsets, position)

    def page_of(self, line: int | None) -> int | None:
        if line is None or not self.page_starts:
            return None
        return bisect_right(self.page_starts, line) or None

    @property
    def page_count(self) -> int | None:
        return len(self.page_starts) or None
