"""Inline silencing in Markdown and text drafts: `<!-- esgcheck: ignore ESG101 305-4 -->` on a row, or
alone on the line above it (an HTML comment, so a Markdown draft renders without it).

Tokens name rules (ESG101) and codes (305-4, `GRI 305-4` as one token `GRI-305-4` or `GRI305-4`); a
finding on the row is silenced when it matches one of the rules (if any are named) and one of the
codes (if any are named); a bare `ignore` silences every finding on the row. The comments are cut
from the lines before the index is parsed, so a marker naming a code is never read as an index row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .findings import Finding
from .linescan import lines_holding

_MARKER = re.compile(r"<!--\s*esgcheck:\s*ignore\b(?P<tokens>.*?)-->", re.IGNORECASE)
_RULE = re.compile(r"^ESG\d+$", re.IGNORECASE)


@dataclass(frozen=True)
class Marker:
    line: int
    """The line the comment is on (the row it silences may be the next one)."""
    rules: frozenset[str]
    codes: frozenset[str]

    def silences(self, finding: Finding) -> bool:
        if self.rules and finding.rule not in self.rules:
            return False
        if not self.codes:
            return True
        code = _key(finding.code or "")
        return bool(code) and (code in self.codes or _key(f"{finding.framework}{code}") in self.codes)


def _key(token: str) -> str:
    return re.sub(r"[\s_]+", "", token).casefold()


def take_markers(lines: list[str]) -> dict[int, tuple[Marker, ...]]:
    """Cut the markers out of the lines (in place) and return them by the 1-based line they silence:
    their own line when a row remains on it, else the next line that is not blank. Only the lines
    naming esgcheck, and the lines after a marker left alone, are read."""
    found: dict[int, tuple[Marker, ...]] = {}
    pending: list[Marker] = []
    after = 0  # pending markers silence the first line after this one that is not blank

    def settle(before: int) -> None:
        for number in range(after + 1, before):
            if lines[number - 1].strip():
                found[number] = tuple(pending)
                pending.clear()
                return

    for number in lines_holding(lines, "esgcheck"):
        if pending:
            settle(number)
        line = lines[number - 1]
        markers = []
        for match in _MARKER.finditer(line):
            tokens = re.split(r"[\s,]+", match["tokens"].strip())
            rules = frozenset(t.upper() for t in tokens if _RULE.match(t))
            codes = frozenset(_key(t) for t in tokens if t and not _RULE.match(t))
            markers.append(Marker(number, rules, codes))
        if markers:
            line = lines[number - 1] = _MARKER.sub("", line).rstrip()
        if not line.strip():
            pending.extend(markers)
            after = number
            continue
        if pending or markers:
            found[number] = (*pending, *markers)
            pending.clear()
    if pending:
        settle(len(lines) + 1)
    return found


def unmarked(findings: list[Finding], markers: dict[int, tuple[Marker, ...]]) -> list[Finding]:
    """The findings no marker on their row silences."""
    if not markers:
        return findings
    return [
        found
        for found in findings
        if not (found.line and any(marker.silences(found) for marker in markers.get(found.line, ())))
    ]
