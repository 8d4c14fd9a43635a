"""The report as the checker sees it: numbered lines, where pages start, and its headings."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, repeat

from .flat import FlatText
from .linescan import digit_flags, length_flags, lines_starting
from .markers import Marker
from .text import clean_text


@dataclass(frozen=True)
class Heading:
    """A heading the reader knows for certain (Markdown `#`, Word heading style) or inferred."""

    text: str
    line: int
    level: int = 1


LOWER_WHOLE_MAX = 16 << 20
"""Up to this many characters the lowered text is kept whole (one copy, reused by every search)."""


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
    markers: dict[int, tuple[Marker, ...]] = field(default_factory=dict)
    """Inline `<!-- esgcheck: ignore ... -->` markers by the line they silence (checker/markers.py)."""
    web_links: frozenset[str] = frozenset()
    """Folded texts of the document's links to web pages (a PDF's URI links, not its jumps within
    the document): a location printed as one ("Committee Composition") names another document."""

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    @cached_property
    def cleaned(self) -> list[str]:
        """Lines with quotes, dashes and spaces unified (computed once, read by every step).

        Line by line, and a line already clean is shared with `lines`, not copied: cleaning the
        joined text made three transient copies of it, ~1 GB for a 200 MB report."""
        return list(map(_clean_line, self.lines))

    @cached_property
    def with_figure(self) -> bytearray:
        """Whether each cleaned line holds a digit (index `number - 1`, 1 or 0): asked of every line
        by the code-line scan, the heading scan, page furniture and the evidence's figures; answered
        once, a byte a line (a list would take 8 bytes a line: 24 MB for a 200 MB report)."""
        return digit_flags(self.cleaned)

    @cached_property
    def flat(self) -> FlatText:
        """The cleaned lines joined by spaces: one text for searches that cross line ends, kept in
        chunks joined when read (checker/flat.py: one string of a 200 MB report takes up to 800 MB)."""
        return FlatText(self.cleaned, self._line_offsets)

    @cached_property
    def flat_lower(self) -> str:
        """`flat` in lower case. Costs a second copy of the text (and a 12-bytes-a-character
        buffer while lowering it at once): the checks use contains_lower and find_lower instead."""
        return "".join(chunk[: len(chunk) - overlap] for _, chunk, overlap in self._lowered(0))

    def contains_lower(self, literals: Iterable[str]) -> bool:
        """Whether any of these lower-case literals is in `flat` in any case. Literals are looked for
        together, in one pass of lowered chunks that stops once all are found, and what was learnt
        is kept: the claims ask once per catalog, and a 200 MB text lowers in about 2 s."""
        wanted = {literal for literal in literals if literal}
        unknown = wanted - self._literals_seen.keys()
        if unknown:
            self.learn_literals(unknown)
        return any(self._literals_seen[literal] for literal in wanted)

    def learn_literals(self, literals: Iterable[str]) -> None:
        """Find out, in one pass, which of these literals `flat` holds in any case (contains_lower
        answers from what this learnt; ask for every literal a step needs at once)."""
        unknown = {literal for literal in literals if literal} - self._literals_seen.keys()
        if not unknown:
            return
        found: set[str] = set()
        for _, chunk, _ in self._lowered(max(map(len, unknown)) - 1):
            found.update(literal for literal in unknown - found if literal in chunk)
            if found == unknown:
                break
        self._literals_seen.update((literal, literal in found) for literal in unknown)

    @cached_property
    def _literals_seen(self) -> dict[str, bool]:
        return {}

    def find_lower(self, words: Iterable[str]) -> Iterator[int]:
        """Positions in `flat` of every occurrence of these lower-case words, in any case, in order.
        Lazily, a chunk at a time: a caller that stops at the first it wants lowers no more."""
        wanted = [word for word in words if word]
        if not wanted:
            return
        for start, chunk, overlap in self._lowered(max(map(len, wanted)) - 1):
            own = len(chunk) - overlap  # an occurrence starting in the overlap is the next chunk's
            positions = []
            for word in wanted:
                found = chunk.find(word)
                while 0 <= found < own:
                    positions.append(start + found)
                    found = chunk.find(word, found + 1)
            yield from sorted(positions)

    @cached_property
    def _lower_whole(self) -> str | None:
        """`flat` lowered at once when it is small enough that one copy costs little: the checks of
        an ordinary report search it several times."""
        if len(self.flat) > LOWER_WHOLE_MAX:
            return None
        # Line by line: most lines are ASCII, which lowers at memory speed; one text holding any
        # other character lowers at a fraction of that speed (the same characters either way).
        return " ".join([line.lower() for line in self.cleaned])

    def _lowered(self, overlap: int) -> Iterator[tuple[int, str, int]]:
        """(start in flat, lowered chunk, characters of the next chunk it repeats at its end).

        A chunk of the flat text at a time (about a megabyte): str.lower() of a text beyond Latin-1
        works in a buffer of 12 bytes a character, 2.4 GB at once for a 200 MB report. Chunks end
        at a line's end (no casing rule spans one), so positions match those of flat.lower()
        wherever lowering keeps lengths."""
        if self._lower_whole is not None:
            yield 0, self._lower_whole, 0
            return
        for start, text, own in self.flat.chunks(overlap):
            yield start, text.lower(), len(text) - own

    @cached_property
    def lengths(self) -> list[int]:
        """The length of each cleaned line (index `number - 1`), counted once for every step."""
        return list(map(len, self.cleaned))

    def lengths_between(self, shortest: int, longest: int) -> bytearray:
        """Whether each cleaned line is `shortest` to `longest` characters long, a byte a line."""
        if longest >= 255:
            return length_flags(self.lengths, shortest, longest)
        return bytearray(self._capped_lengths.translate(bytes(shortest <= n <= longest for n in range(256))))

    @cached_property
    def _capped_lengths(self) -> bytes:
        """Each line's length as a byte, 255 for 255 or more: bytes.translate then answers each
        length question at memory speed (two int comparisons a line cost 0.3 s on a 200 MB report)."""
        return bytes(map(min, self.lengths, repeat(255)))

    @cached_property
    def pipe_lines(self) -> list[int]:
        """The lines starting with "|": rows of Markdown pipe tables, read cell by cell."""
        return lines_starting(self.cleaned, "|")

    @cached_property
    def _line_offsets(self) -> array[int]:
        """Where each cleaned line starts in `flat` (an array: 8 bytes a line, not 36)."""
        offsets = array("q", accumulate(map((1).__add__, self.lengths), initial=0))
        offsets.pop()  # where a line after the last would start
        return offsets

    def marked(self, spans: Iterable[tuple[int, int]]) -> bytearray:
        """A byte a line (index `number`), 1 on the lines of these (first, last) spans: the index's
        lines, which the heading scan and the evidence step leave out of the report's body."""
        marks = bytearray(len(self.lines) + 2)
        for start, end in spans:
            marks[start : end + 1] = b"\x01" * (end + 1 - start)
        return marks

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


def _clean_line(line: str) -> str:
    """clean_text with white space folded; the line itself when that changes nothing (most lines)."""
    if line.isascii():
        if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
            return line
        return " ".join(line.split())
    return " ".join(clean_text(line).split())
