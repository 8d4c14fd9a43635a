"""The C-speed line scans give what a plain Python loop over the lines gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import linescan
from checker.linescan import both, digit_flags, either, inverted, length_flags, lines_holding, lines_starting
from checker.markers import take_markers

LINES = [
    "",
    "GRI 305-4 GHG emissions intensity",
    "no figure here",
    "Ünïcode and a figure 7",
    "fullwidth digit ７ and Arabic-Indic ٣",
    "Ünïcode without one",
    "| 305-1 | Direct |",
    "  indented",
    " page mark",
    "a\fform feed",
    "x" * 9,
    "12345678",
]


@pytest.mark.parametrize("chunk", [1, 2, 5, 1 << 16])
def test_digit_flags_are_the_digit_regex_on_each_line_across_chunks(monkeypatch, chunk):
    monkeypatch.setattr(linescan, "CHUNK", chunk)
    lines = LINES * 3
    assert digit_flags(lines) == bytearray(re.search(r"\d", line) is not None for line in lines)
    assert digit_flags([]) == bytearray()


def test_line_numbers_holding_or_starting_with_a_part():
    assert lines_holding(LINES, "\f") == [10]
    assert lines_holding(LINES, "305") == [2, 7]
    assert lines_starting(LINES, " ") == [8, 9]
    assert lines_starting(LINES, "|") == [7]


def test_length_flags_and_their_combinations():
    short = length_flags(list(map(len, LINES)), 1, 8)
    assert short == bytearray(1 <= len(line) <= 8 for line in LINES)
    digits = digit_flags(LINES)
    assert both(short, digits) == bytearray(a & b for a, b in zip(short, digits, strict=True))
    assert either(short, digits) == bytearray(a | b for a, b in zip(short, digits, strict=True))


def test_a_marker_alone_silences_the_next_line_not_blank_and_markers_gather():
    lines = [
        "<!-- esgcheck: ignore ESG101 -->",
        "",
        "<!-- esgcheck: ignore 305-4 -->",
        "",
        "305-4 Some title",
        "305-5 Other <!-- esgcheck: ignore -->",
        "text",
        "<!-- esgcheck: ignore ESG201 -->",
    ]
    markers = take_markers(lines)
    assert sorted(markers) == [5, 6]
    assert [sorted(m.rules) for m in markers[5]] == [["ESG101"], []]
    assert [m.line for m in markers[5]] == [1, 3]
    assert lines[5] == "305-5 Other" and lines[0] == "" and lines[7] == ""


def test_a_marker_left_alone_at_the_end_silences_nothing():
    assert take_markers(["305-4 Title", "<!-- esgcheck: ignore -->", ""]) == {}


def test_inverted_flags():
    assert inverted(bytearray([0, 1, 1, 0])) == bytearray([1, 0, 0, 1]) and inverted(b"") == bytearray()


PIECES = [
    "",
    "Climate Action",
    "Climate Action3",
    "and our planet",
    "Water Stewardship.",
    "(continued)",
    "x" * 90,
    "2023 Highlights",
    "we reduced emissions by 12%.",
    "Appendix 1: Table.",
    "Talent",
    "Development",
]


def _plain_headings(lines: list[str], inside: bytearray) -> set[str]:
    """The heading scan as a plain loop over every line (the definition the C-filtered scan keeps)."""
    from checker.sections import _FOOTNOTE, title_like

    found, previous = set(), None
    for number, line in enumerate(lines, 1):
        if not line or inside[number] or len(line) >= 80:
            previous = None if line and not inside[number] else previous
            continue
        text = _FOOTNOTE.sub("", line) if line[0].isupper() and re.search(r"\d", line) else line
        if text.endswith(".") and not text.endswith(".."):
            text = text[:-1]
        like = title_like(text)
        if previous is not None:
            capital = text[:1].upper() + text[1:]
            if like if capital == text else title_like(capital):
                found.add(f"{previous} {text}")
        previous = text if like else None
        if like:
            found.add(text)
    return found


@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(0, 30), st.integers(0, 6))
@settings(max_examples=200, deadline=None)
def test_the_heading_scan_visits_what_a_plain_loop_visits(lines, first, length):
    from checker.document import Document
    from checker.sections import Headings
    from checker.text import fold

    document = Document("r.txt", lines)
    spans = [(first, first + length)] if first else []
    expected = _plain_headings(document.cleaned, document.marked(spans))
    assert set(Headings(document, spans)._candidates) == {fold(text) for text in expected} - {""}


@pytest.mark.parametrize("shortest, longest", [(1, 8), (0, 0), (9, 254), (1, 255), (200, 300), (256, 1000)])
def test_a_documents_length_flags_count_every_length(shortest, longest):
    from checker.document import Document

    lines = ["", "x", "x" * 8, "x" * 9, "x" * 254, "x" * 255, "x" * 256, "x" * 300, "ü" * 10]
    expected = bytearray(shortest <= len(line) <= longest for line in lines)
    assert Document("r.txt", lines).lengths_between(shortest, longest) == expected
