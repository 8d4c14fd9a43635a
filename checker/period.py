"""Read the reporting period a report states: its first financial year chooses the catalog version.

HKEX phrases its versions by "financial years commencing on or after" a date, so what matters is
the day the (last) financial year of the report begins, not the day it ends: a year from July 2024
to June 2025 is still under the pre-2025 Guide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .document import Document
from .flat import FlatText

_MONTH_NAMES = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def _date_pattern(tag: str, year_required: bool) -> str:
    """'January 1, 2023', '1st January 2023', 'Jan. 1' (year optional for a range's first date)."""
    year = rf"(?:,?\s(?P<{tag}y>20\d\d))" + ("" if year_required else "?")
    day = r"(?P<{}d{}>\d{{1,2}})(?:st|nd|rd|th)?"
    month = r"(?P<{}m{}>" + _MONTH_NAMES + r")\.?"
    month_day = month.format(tag, 1) + r"\s" + day.format(tag, 1)
    day_month = day.format(tag, 2) + r"\s" + month.format(tag, 2)
    return rf"(?:{month_day}|{day_month})\b{year}"


_RANGE = re.compile(
    _date_pattern("a", year_required=False)
    + r",?\s(?:to|through|till|until|and|[-–—])\s"
    + _date_pattern("b", year_required=True),
    re.I,
)
_YEAR_ENDED = re.compile(
    r"\b(?:year|fiscal\s20\d\d|FY\s?20\d\d),?\s(?:which\s|that\s)?(?:ended|ending)(?:\son)?\s"
    + _date_pattern("b", year_required=True),
    re.I,
)
_CALENDAR_YEAR = re.compile(r"calendar\syear\s(?:of\s)?(?P<year>20\d\d)\b", re.I)
_TRIGGERS = ("cover", "period", "fiscal", "financial year", "year end", "calendar year")
"""Words that introduce the report's period; dates are looked for only just after them (a full
date search over a 6,000-line report costs more than the whole check's budget)."""
WINDOW = 250
"""Characters after a trigger word searched for the dates it introduces."""
SENTENCE = 250
"""Characters after a range searched for the next range of the same statement ('FY23 and FY24')."""


@dataclass(frozen=True)
class ReportingPeriod:
    start: date
    end: date
    line: int
    statement: str

    @property
    def year_start(self) -> date:
        """First day of the period's last financial year: what "years beginning on or after" compares."""
        return max(self.start, _one_year_before(self.end))


def read_period(document: Document) -> ReportingPeriod | None:
    """The first date range or "year ended" date stated after a trigger word; else a "calendar year"."""
    flat = document.flat
    calendar = None
    for position in document.find_lower(_TRIGGERS):  # no lowered copy of a 200 MB text
        window = flat[position : position + WINDOW]
        found = _dated_statement(window)
        if found:
            match, start, end = found
            end = _last_end_of_statement(flat, position + match.end(), end)
            return ReportingPeriod(start, end, document.line_at(position), _statement(flat, position, match))
        calendar = calendar or _calendar_year(window, position)
    if calendar:
        match, position = calendar
        year = int(match.group("year"))
        statement = _statement(flat, position, match)
        return ReportingPeriod(date(year, 1, 1), date(year, 12, 31), document.line_at(position), statement)
    return None


def _dated_statement(window: str) -> tuple[re.Match[str], date, date] | None:
    """The earliest plausible period range, or "year ended" date, in the window."""
    candidates = []
    for match in _RANGE.finditer(window):
        end = _date(match, "b")
        start = _range_start(match, end) if end else None
        if start and end and 27 <= (end - start).days <= 800:
            candidates.append((match, start, end))
    for match in _YEAR_ENDED.finditer(window):
        end = _date(match, "b")
        if end:
            candidates.append((match, _one_year_before(end), end))
    return min(candidates, key=lambda item: item[0].start(), default=None)


def _calendar_year(window: str, position: int) -> tuple[re.Match[str], int] | None:
    match = _CALENDAR_YEAR.match(window)
    return (match, position) if match else None


def _range_start(match: re.Match[str], end: date) -> date | None:
    """The range's first date; without its own year it takes the end's (or the year before)."""
    year = int(match.group("ay")) if match.group("ay") else end.year
    start = _make_date(year, match, "a")
    if start and not match.group("ay") and start > end:
        start = _make_date(year - 1, match, "a")
    return start


def _date(match: re.Match[str], tag: str) -> date | None:
    return _make_date(int(match.group(f"{tag}y")), match, tag)


def _make_date(year: int, match: re.Match[str], tag: str) -> date | None:
    form = 1 if match.group(f"{tag}m1") else 2
    month = _MONTHS[match.group(f"{tag}m{form}")[:3].lower()]
    try:
        return date(year, month, int(match.group(f"{tag}d{form}")))
    except ValueError:
        return None


def _last_end_of_statement(flat: FlatText, after: int, end: date) -> date:
    """A report covering two financial years states both ranges in one sentence: take the later end."""
    for more in _RANGE.finditer(flat[after : after + SENTENCE]):
        later = _date(more, "b")
        if later and later > end:
            end = later
    return end


def _one_year_before(end: date) -> date:
    """The day after the same date a year earlier (29 February falls back to the 28th)."""
    try:
        return end.replace(year=end.year - 1) + timedelta(days=1)
    except ValueError:
        return end.replace(year=end.year - 1, day=28) + timedelta(days=1)


def _statement(flat: FlatText, position: int, match: re.Match[str]) -> str:
    """From the start of the sentence holding the trigger word to the end of the dates."""
    begin = max(flat.rfind(". ", max(0, position - WINDOW - 2), position) + 2, position - WINDOW)
    return " ".join(flat[begin : position + match.end()].split())
