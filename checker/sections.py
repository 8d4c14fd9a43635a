"""The report's headings, and whether a section name printed in the index is one of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .document import Document
from .text import clean, fold

_FOOTNOTE = re.compile(r"(?<=[A-Za-z])\d{1,3}\b")
_FOOTNOTE_AT = re.compile(r"\d{0,3}")
_TERMINAL = re.compile(r"[.,;:!?]$")
_NON_LETTER = re.compile(r"[^A-Za-z]")


def title_like(text: str, max_chars: int = 70) -> bool:
    """A short line that could be a heading: capitalised, no sentence end, mostly letters."""
    text = text.strip()
    if not (3 <= len(text) <= max_chars) or not text[0].isupper() or _TERMINAL.search(text):
        return False
    letters = len(_NON_LETTER.sub("", text))
    return letters >= len(text) * 0.7 and text.count(" ") < 10


def _capitals(text: str) -> int:
    return sum(1 for word in text.split() if word[:1].isupper())


@dataclass
class HeadingMatch:
    heading: str
    score: float


class Headings:
    """Heading candidates of the body (outside the index) and the body text itself."""

    def __init__(self, document: Document, exclude: list[tuple[int, int]]) -> None:
        cleaned = document.cleaned
        inside = [False] * (len(cleaned) + 2)
        for start, end in exclude:
            inside[start : end + 1] = [True] * (end + 1 - start)

        body_lines = [line for number, line in enumerate(cleaned, 1) if line and not inside[number]]
        # Footnote marks ("Climate Action3") are cut from short capitalised lines only: one regex
        # pass over the whole body would cost a tenth of the check.
        short = [
            _FOOTNOTE.sub("", line) if len(line) < 80 and line[0].isupper() else line for line in body_lines
        ]
        candidates: dict[str, str] = {}

        def add(text: str) -> None:
            """Keep one spelling per folded form: the most capitalised, as headings are."""
            key = fold(text)
            if key not in candidates or _capitals(text) > _capitals(candidates[key]):
                candidates[key] = text

        for heading in document.headings:
            if not inside[heading.line]:
                add(clean(heading.text))
        for position, text in enumerate(short):
            if not title_like(text):
                continue
            add(text)
            if position + 1 < len(short):
                following = short[position + 1]
                if title_like(following[:1].upper() + following[1:]):
                    add(f"{text} {following}")
        candidates.pop("", None)
        self._candidates = candidates
        self._folded = list(candidates)
        self._body = " ".join(body_lines)

    def best(self, name: str) -> HeadingMatch | None:
        if not self._folded:
            return None
        found = process.extractOne(fold(name), self._folded, scorer=fuzz.ratio)
        if found is None:
            return None
        return HeadingMatch(self._candidates[found[0]], found[1])

    def exists(self, name: str) -> bool:
        """A heading of that name (any case), or the name as printed in the body text."""
        if fold(name) in self._candidates:
            return True
        wanted, body = clean(name), self._body
        start = body.find(wanted)
        while start >= 0:  # str.find, then a word-boundary check: a regex scan per name is 10x slower
            end = start + len(wanted)
            if wanted[-1:].isalpha():  # a footnote mark may follow: "Climate Action3"
                end += len(_FOOTNOTE_AT.match(body, end)[0])
            if (start == 0 or not body[start - 1].isalnum()) and (
                end == len(body) or not body[end].isalnum()
            ):
                return True
            start = body.find(wanted, start + 1)
        return False
