"""The report's cleaned lines joined by spaces, read as one text, joined a chunk at a time.

One string of it would sit beside the lines it repeats, at the width of its widest character: a
200 MB report's text takes 200 MB if every character is ASCII, 400 MB with one beyond Latin-1
(a replacement character, a CJK name) and 800 MB with one emoji. Here a chunk of about a
megabyte of whole lines is joined when a search reads it, and only the last few are kept: each
full pass re-joins the lines (about 0.3 s for 200 MB), so the steps ask in as few passes as they
can. Positions are those of the one joined text (`" ".join(lines)`), as `Document.line_at` reads.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence

CHUNK = 1 << 20
"""Characters a chunk holds, at least (whole lines; a longer line makes a longer chunk)."""
KEPT = 4
"""Joined chunks kept: a search reads a chunk and the edges of its neighbours, and a small report
is one chunk, joined once."""
MARGIN = 1000
"""Characters of the neighbouring chunks a search sees: a match is found across a chunk's end, and
a lookbehind sees before its start, when the match (or the lookbehind) is shorter than this. The
patterns searched in the whole text (a framework's name, a code) are tens of characters."""


class FlatText:
    """Slicing, `in`, find and regex finditer, as on the joined text. A chunk is joined when it is
    read and a few are kept (KEPT): the text of a big report is never held whole beside its lines."""

    def __init__(self, lines: Sequence[str], line_starts: Sequence[int]) -> None:
        """`line_starts`: where each line starts in the joined text (Document._line_offsets)."""
        self._lines = lines
        self._bounds: list[tuple[int, int]] = []
        self._starts: list[int] = []
        first = 0
        while first < len(lines):
            # The first line starting at or after CHUNK characters from this chunk's start ends it.
            last = max(first + 1, bisect_left(line_starts, line_starts[first] + CHUNK, first))
            self._bounds.append((first, last))
            self._starts.append(line_starts[first])
            first = last
        self._length = line_starts[-1] + len(lines[-1]) if lines else 0
        self._kept: dict[int, str] = {}

    def _chunk(self, at: int) -> str:
        """Chunk `at`: its lines joined, with the space that joins it to the next chunk."""
        text = self._kept.get(at)
        if text is None:
            first, last = self._bounds[at]
            text = " ".join(self._lines[first:last]) + (" " if last < len(self._lines) else "")
            if len(self._kept) >= KEPT:
                del self._kept[next(iter(self._kept))]  # the one joined first
            self._kept[at] = text
        return text

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, span: slice) -> str:
        start, stop, step = span.indices(self._length)
        assert step == 1, "slices of the flat text have no step"
        parts = []
        at = bisect_right(self._starts, start) - 1
        while start < stop:
            base, chunk = self._starts[at], self._chunk(at)
            parts.append(chunk[start - base : stop - base])
            start = base + len(chunk)
            at += 1
        return "".join(parts)

    def __contains__(self, part: str) -> bool:
        return self.find(part) >= 0

    def chunks(self, margin: int = 0) -> Iterator[tuple[int, str, int]]:
        """(where the text starts, the text, its own length): each chunk followed by the first
        `margin` characters of the next, which an occurrence starting there is not (it is the
        next chunk's)."""
        for at, base in enumerate(self._starts):
            chunk = self._chunk(at)
            ahead = self[base + len(chunk) : base + len(chunk) + margin] if margin else ""
            yield base, chunk + ahead, len(chunk)

    def holding(self, parts: Iterable[str]) -> set[str]:
        """Which of these parts the text holds: one pass for them all, stopped once all are found."""
        wanted = {part for part in parts if part}
        found: set[str] = set()
        if wanted:
            for _, text, _ in self.chunks(max(map(len, wanted)) - 1):
                found.update(part for part in wanted - found if part in text)
                if found == wanted:
                    break
        return found

    def find(self, part: str, start: int = 0) -> int:
        """The first position at or after `start` where `part` begins, or -1."""
        if not part:
            return start if start <= self._length else -1
        for at in range(max(0, bisect_right(self._starts, start) - 1), len(self._starts)):
            base, chunk = self._starts[at], self._chunk(at)
            local = max(0, start - base)
            found = chunk.find(part, local)
            if found >= 0:
                return base + found
            # One across the chunk's end starts in its last len(part) - 1 characters.
            edge_start = max(local, len(chunk) - len(part) + 1)
            end = base + len(chunk)
            found = (chunk[edge_start:] + self[end : end + len(part) - 1]).find(part)
            if found >= 0:
                return base + edge_start + found
        return -1

    def rfind(self, part: str, start: int, end: int) -> int:
        """The last position in [start, end - len(part)] where `part` begins, or -1."""
        found = self[start:end].rfind(part)
        return start + found if found >= 0 else -1

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
        """(start, end) of each match of the pattern, as finditer on the joined text finds them
        (for matches and lookbehinds shorter than MARGIN)."""
        resume = 0  # matches do not overlap: the next may start only where the last one ended
        for at, base in enumerate(self._starts):
            own_end = self._starts[at + 1] if at + 1 < len(self._starts) else self._length
            if resume >= own_end:
                continue
            back = max(0, max(base, resume) - MARGIN)
            text = self[back : own_end + MARGIN]
            for match in pattern.finditer(text, max(base, resume) - back):
                start, end = back + match.start(), back + match.end()
                if start >= own_end:
                    break
                yield start, end
                resume = end

    def search(self, pattern: re.Pattern[str], start: int, reach: int) -> tuple[int, int] | None:
        """The first match starting at or after `start` and ending within `reach` characters of
        it; None when there is none that near (a match cut by the window's end is not taken)."""
        back = max(0, start - MARGIN)
        stop = min(self._length, start + reach)
        text = self[back:stop]
        match = pattern.search(text, start - back)
        if match is None or (back + match.end() == stop and stop < self._length):
            return None
        return back + match.start(), back + match.end()
