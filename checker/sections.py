"""The report's headings, and whether a section name printed in the index is one of them."""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, count

from rapidfuzz import fuzz, process

from .document import Document
from .linescan import both, inverted
from .reach import ByLength
from .text import clean, fold

HEADING_MAX = 80
"""Characters from which a line is too long to be a heading, cut or not."""
_FIRST = operator.itemgetter(slice(0, 1))
_FOOTNOTE = re.compile(r"(?<=[A-Za-z])\d{1,3}\b")
_FOOTNOTE_AT = re.compile(r"\d{0,3}")
_TERMINAL = ".,;:!?"
_DROP_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def title_like(text: str, max_chars: int = 70) -> bool:
    """A short line that could be a heading: capitalised, no sentence end, mostly letters.
    (Called on every short line of the body: str methods, not regexes, at half the cost.)"""
    text = text.strip()
    if not (3 <= len(text) <= max_chars) or not text[0].isupper() or text[-1] in _TERMINAL:
        return False
    letters = len(text) - len(text.translate(_DROP_LETTERS))
    return letters >= len(text) * 0.7 and text.count(" ") < 10


def capitals(text: str) -> int:
    return sum(1 for word in text.split() if word[:1].isupper())


@dataclass
class HeadingMatch:
    heading: str
    score: float


class Headings:
    """Heading candidates of the body (outside the index), and names printed in the body text.

    Built in one pass over the lines (O(lines)); `exists` is a dict lookup for a heading, else one
    scan of the document's flat text (str.find, C speed) for each distinct name, remembered: a name
    asked again (every copy of an index row, every column the roles try) costs nothing.
    """

    def __init__(self, document: Document, exclude: list[tuple[int, int]]) -> None:
        cleaned, with_figure = document.cleaned, document.with_figure
        inside = document.marked(exclude)
        candidates: dict[str, tuple[str, int]] = {}

        def add(text: str) -> None:
            """Keep one spelling per folded form: the most capitalised, as headings are."""
            key = fold(text)
            kept = candidates.get(key)
            if kept is None:
                candidates[key] = (text, -1)  # capitals counted only when a second spelling comes
            elif kept[0] != text:
                kept_capitals = kept[1] if kept[1] >= 0 else capitals(kept[0])
                own = capitals(text)
                candidates[key] = (text, own) if own > kept_capitals else (kept[0], kept_capitals)

        for heading in document.headings:
            if not inside[heading.line]:
                add(clean(heading.text))

        def shown(number: int) -> str:
            """A short body line as a heading would print: footnote marks ("Climate Action3") cut
            from a capitalised line with a figure, and a closing full stop (extraction that ends
            every line with ".": "Appendix 1: ... Table.")."""
            line = cleaned[number - 1]
            text = _FOOTNOTE.sub("", line) if line[0].isupper() and with_figure[number - 1] else line
            return text[:-1] if text.endswith(".") and not text.endswith("..") else text

        # Headings start with a capital and are short: only those lines are visited (flags made in
        # C), and after a heading-like line, the next body line, which may continue it.
        body = both(document.lengths_between(1, HEADING_MAX - 1), inverted(inside[1 : len(cleaned) + 1]))
        capitalised = both(body, bytearray(map(str.isupper, map(_FIRST, cleaned))))
        previous, after = None, 0  # the text of line `after` when it could be a heading: one may wrap

        def interrupted(before: int) -> bool:
            """Whether a body line comes between line `after` and line `before` (empty and index
            lines do not count); a short one may be the rest of the heading `previous`."""
            for following in range(after + 1, before):
                line = cleaned[following - 1]
                if not line or inside[following]:
                    continue
                if len(line) < HEADING_MAX:  # in lower case: every capitalised one is visited
                    text = shown(following)
                    capital = text[:1].upper() + text[1:]
                    if capital != text and title_like(capital):
                        add(f"{previous} {text}")
                return True
            return False

        for number in compress(count(1), capitalised):
            if previous is not None and interrupted(number):
                previous = None
            text = shown(number)
            like = title_like(text)
            if previous is not None:
                capital = text[:1].upper() + text[1:]
                if like if capital == text else title_like(capital):
                    add(f"{previous} {text}")
            previous, after = (text if like else None), number
            if like:
                add(text)
        if previous is not None:
            interrupted(len(cleaned) + 1)
        candidates.pop("", None)
        self._candidates = {key: text for key, (text, _capitals) in candidates.items()}
        self._folded = list(candidates)
        self._document = document
        self._inside = inside
        self._seen: dict[str, bool] = {}

    def best(self, name: str, cutoff: float = 0) -> HeadingMatch | None:
        """The heading nearest the name, if it scores `cutoff` or more."""
        if not self._folded:
            return None
        wanted = fold(name)
        choices = self._reach.within_reach(wanted, cutoff)  # only headings whose length can reach it
        found = process.extractOne(wanted, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if found is None:
            return None
        return HeadingMatch(self._candidates[found[0]], found[1])

    @cached_property
    def _reach(self) -> ByLength:
        """The headings by length, made when first asked."""
        return ByLength(self._folded)

    def shortened(self, name: str) -> str | None:
        """A heading the name is a short form of: its words together, the heading's numbers and a
        word or two at either end left out ("Appendix: ESG Key Performance Metrics" for "Appendix 1:
        ESG Key Performance Metrics Table"; not "Key Performance Indicators" for "Key ESG Performance
        Indicators"). O(H) per name; asked only for names that are no heading."""
        words = [word for word in fold(name).split() if not word.isdigit()]
        if len(words) < 2:
            return None
        wanted = f" {' '.join(words)} "
        for key in self._folded:
            if words[0] not in key or words[-1] not in key:
                continue  # a substring test first: most headings hold neither end of the name
            heading = [word for word in key.split() if not word.isdigit()]
            if len(words) < len(heading) <= len(words) + 2 and wanted in f" {' '.join(heading)} ":
                return self._candidates[key]
        return None

    def exists(self, name: str) -> bool:
        """A heading of that name (any case), or the name as printed in the body text."""
        if fold(name) in self._candidates:
            return True
        wanted = clean(name)
        if wanted not in self._seen:
            self._seen[wanted] = self._in_body(wanted)
        return self._seen[wanted]

    def _in_body(self, wanted: str) -> bool:
        """The name at word boundaries in the flat text, outside the index (one scan at most)."""
        if not wanted:
            return False
        document, inside = self._document, self._inside
        body = document.flat
        start = body.find(wanted)
        while start >= 0:  # str.find, then a word-boundary check: a regex scan per name is 10x slower
            end = start + len(wanted)
            if wanted[-1:].isalpha():  # a footnote mark may follow: "Climate Action3"
                end += len(_FOOTNOTE_AT.match(body[end : end + 3])[0])
            if (
                not body[start - 1 : start].isalnum()  # an empty slice at the text's start
                and not body[end : end + 1].isalnum()
                and not inside[document.line_at(start)]
                and not inside[document.line_at(end - 1)]
            ):
                return True
            start = body.find(wanted, start + 1)
        return False
