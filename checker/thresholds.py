"""Every similarity threshold and layout limit, in one place, with why it has its value.

Scores are rapidfuzz ratios (0-100) on folded text (lower case, punctuation dropped).
They were set on the bundled real report: correct labels there score 95-100 against their
titles (small misquotes such as a missing "of" score ~97), truncated titles ~80, and labels
copied from another code 20-60 against their own title but 100 against the other.

Modules read them as `thresholds.NAME` when they run (never `from thresholds import NAME`), so a
project's `thresholds` setting (TUNABLE, at the end) reaches every check.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

LABEL_MATCH = 90
"""A label scoring at least this against one of its code's official wordings is correct:
tolerates typos, US/UK spelling and dropped commas, not a dropped or swapped word group."""

LABEL_OTHER_CODE = 90
"""A label scoring at least this against another code's wording, and better than against
its own, is reported as carrying that other code's title."""

LABEL_WRONG = 60
"""Below this against its own wording a label is plainly wrong (error); between this and
LABEL_MATCH it is a shortened or altered title (warning)."""

LABEL_EXTEND = 88
"""The parser adds a wrapped block to a label while label + block still reads as the start
of an official wording at this score; below it the block is a remark."""

SECTION_GROUP = 85
"""Wrapped section-name fragments are grouped into the name that best matches a report
heading at this score or more."""

SECTION_SUGGEST = 70
"""A missing section's nearest heading is offered as the likely intent from this score."""

INDEX_MIN_ROWS = 8
"""A run of code rows listing fewer codes is a stray mention in body text, not an index."""

INDEX_MAX_GAP = 60
"""Lines allowed between two code rows of one index (long compliance remarks run ~30)."""

INDEX_MAX_ANSWER_GAP = 150
"""Within an index already found, a row whose code opens its line may follow a long prose answer
(~100 lines in indexes that answer in the index itself)."""

JOINED_MIN_ROWS = 3
"""A line whose codes each follow text of their own this many times is index rows joined on one
line, whatever text opens it (a table header); fewer could be a sentence citing two codes."""

FURNITURE_MAX_CHARS = 80
FURNITURE_MIN_PAGES = 3
"""A short line printed this often, numbers aside, is a page's running header or footer."""

LAST_ROW_MAX_LINES = 30
"""How far the last row's text may run when no page break ends the index."""

FRAGMENT_MAX_CHARS = 40
"""Section names in index columns wrap at this width or less; longer lines are prose."""

METRIC_NAME_MAX_LINES = 3
"""A data row whose figures start the line takes its metric's name from up to this many lines
above it (a wrapped name: "Total Employees that returned to work after" / "Parental Leave")."""

QUOTE_CHANGED_WORDS = 2
"""A label that is its code's wording with at most this many words dropped (or added), and three or
more kept, quotes its title inexactly (info), however many letters that is: "Indirect (Scope 2) GHG
emissions" is 90 % of its title in letters, "Scope 3 GHG emissions" 70 %."""

TITLE_SEEN_MIN_WORDS = 4
"""A required disclosure whose official title of at least this many words the index prints, beside
no code read, has its row there with its code left out or unreadable: a warning at that line says
so, not an error that it is not listed. Shorter titles ("Supply chain") are words an answer uses."""

EDITION_ADDED_WORDS = 2
"""A label that is an earlier edition's title with at most this many words added ("Total water
withdrawal by source", 303-1 of GRI 303 2016) means that edition, as one within LABEL_MATCH does."""

LOCATION_MAX_WORDS = 4
"""A label that reads as its title even with the words after it ("... emissions 12") is still cut
before at most this many words: a page list or a short location, never a paragraph's text."""

TITLE_WORD_MIN_CHARS = 5
"""Title words this long ("emissions", "intensity") count as evidence that a page is on topic;
shorter ones ("of", "GHG", "the") are too common or too short to tell."""

TITLE_ROLE_SCORE = 75
"""A label scoring at least this against some code's official wording reads as a title (an
altered or misplaced title included); answers, descriptions and section names score lower."""

ROLE_MIN_SHARE = 0.6
"""A column holds titles (or this report's section names) when at least this share of its
cells do; below it the column holds something else and is not checked as such."""

ROLE_MIN_ROWS = 3
"""Fewer cells than this cannot show what a column holds: it is not checked."""

STANDALONE_INDEX_SHARE = 0.3
STANDALONE_LEAD_SHARE = 0.15
"""A document whose index opens it (at most 15 % of its text lines before the first table) and
holds at least 30 % of its text lines is a standalone index: its section references point to a
report that is not in the file. (Standalone indexes seen: 2-7 % before, 35-97 % inside, the tables
found not always covering all of it; reports put their index after the report.)"""

MISSING_MIN_LISTED_SHARE = 1 / 3
"""An index listing less than this share of the disclosures a claim requires is not that
framework's index here (a separately published GRI index, rows that could not be read): ESG301
gives one note instead of a finding per disclosure. Real indexes list nearly all (the bundled
report: HKEX 51 of 51, GRI 2/3 32 of 33)."""

TITLE_MAX_CHARS = 260
"""The longest label still read as a title (HKEX KPI wordings run to ~230 characters); a row's
label must also open with a capital letter and be at least 60 % letters."""

EVIDENCE_FUZZY = 92
"""An evidence term missed word for word still counts when a stretch of the section scores this
against it (partial_ratio): "greenhouse-gas" for "greenhouse gas", a dropped letter; not another word."""

EVIDENCE_FUZZY_MIN_CHARS = 8
"""Shorter terms ("scope 1", "nox") are only matched word for word: fuzzily they match neighbours."""

SPAN_MIN_LINES = 3
"""A section whose next heading follows within this many lines is a list of names (a contents page,
a navigation bar), not the section itself: its rows are not checked."""

SPAN_MIN_WORDS = 80
"""Rows whose text (all their sections or pages together) holds fewer words are not judged: a
heading followed by a line or two is more likely a heading read out of a list, or a summary whose
detail sits elsewhere, than the disclosure's whole answer."""

ROW_MAX_LINES = 12
"""An index row's own text (title wrapped, location, remark) is read up to this many lines below its
code: a long answer beyond it is the row's, but names printed there are no longer its location."""

OMISSION_MAX_WORDS = 8
"""A row is omitted only when its answer is little more than the mark ("Not reported."): a longer
text holding "not reported" is a legend ("○ Not reported") or an answer read into the row."""


# ------------------------------------------------------------------ what a project may change
# The values above are tuned on real reports; a project may change these few in its config
# (`thresholds` in [tool.esgcheck] or .esgcheck.yaml), each by a name of its own and within a range
# where the checker still works. The rest shape how an index is read and stay as they are.

TUNABLE: dict[str, tuple[str, float, float, bool]] = {
    "label-match": ("LABEL_MATCH", 70, 100, False),
    "label-other-code": ("LABEL_OTHER_CODE", 70, 100, False),
    "label-wrong": ("LABEL_WRONG", 0, 100, False),
    "section-suggest": ("SECTION_SUGGEST", 0, 100, False),
    "index-min-rows": ("INDEX_MIN_ROWS", 2, 100, True),
    "evidence-min-words": ("SPAN_MIN_WORDS", 0, 10_000, True),
    "missing-min-share": ("MISSING_MIN_LISTED_SHARE", 0, 1, False),
}
"""name: (the constant it sets, lowest, highest, whether it counts and so takes whole numbers only)."""


def checked(values: Mapping[str, object]) -> dict[str, float]:
    """{name: value} with names in their canonical spelling (`_` as `-`) and values in range;
    ValueError naming the threshold for an unknown name, a non-number or a value out of range."""
    chosen: dict[str, float] = {}
    for key, value in values.items():
        name = str(key).strip().lower().replace("_", "-")
        if name not in TUNABLE:
            raise ValueError(f"no threshold '{key}' (valid: {', '.join(TUNABLE)})")
        _, low, high, whole = TUNABLE[name]
        if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
            kind = "a whole number" if whole else "a number"
            raise ValueError(f"{name}: expected {kind} from {low:g} to {high:g}, got {value!r}")
        if not low <= value <= high:
            raise ValueError(f"{name}: {value:g} is out of range ({low:g} to {high:g})")
        chosen[name] = value
    wrong = chosen.get("label-wrong", LABEL_WRONG)
    match = chosen.get("label-match", LABEL_MATCH)
    if wrong >= match:
        raise ValueError(f"label-wrong ({wrong:g}) must be below label-match ({match:g})")
    return chosen


@contextmanager
def overridden(values: Mapping[str, float]) -> Iterator[None]:
    """The thresholds set to these values (names as in TUNABLE) while the block runs: one report's
    check, in whichever process checks it."""
    module = sys.modules[__name__]
    saved = {TUNABLE[name][0]: getattr(module, TUNABLE[name][0]) for name in values}
    try:
        for name, value in values.items():
            setattr(module, TUNABLE[name][0], value)
        yield
    finally:
        for attribute, value in saved.items():
            setattr(module, attribute, value)
