"""Strings searched by similarity ratio with a cutoff: only the ones whose length can reach it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import itemgetter


class ByLength:
    """A fixed list of strings, and the part of it a `fuzz.ratio` search with a cutoff can match.

    A ratio of 2·common/(a+b) needs the shorter string at least x/(2-x) of the longer (x the
    cutoff as a share). rapidfuzz converts each choice it is given on every search, so a search
    given only the strings within reach costs a fraction: the lengths are bisected, O(log n + k).
    """

    def __init__(self, strings: Sequence[str]) -> None:
        self.strings = list(strings)
        self._order = sorted(range(len(self.strings)), key=lambda at: len(self.strings[at]))
        self._lengths = [len(self.strings[at]) for at in self._order]

    def within_reach(self, wanted: str, cutoff: float) -> Sequence[str]:
        """The strings that may score `cutoff` or more against `wanted`, in their own order (so a
        search breaks ties as it would on the whole list)."""
        if cutoff <= 0:
            return self.strings
        share = cutoff / 100 / (2 - cutoff / 100)
        first = bisect_left(self._lengths, int(len(wanted) * share))
        last = bisect_right(self._lengths, int(len(wanted) / share) + 1)
        reach = sorted(self._order[first:last])
        if len(reach) < 2:
            return [self.strings[at] for at in reach]
        return itemgetter(*reach)(self.strings)
