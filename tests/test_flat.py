"""The chunked flat text answers as the one joined string would, whatever its chunk size."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import document as document_module
from checker import flat as flat_module
from checker.document import Document
from checker.reader import read_document

LINES = [
    "Reporting period: 1 January 2023 to 31 December 2023.",
    "This report was prepared in accordance with the",
    "GRI Standards. 🌱 Climate Action3",
    "",
    "Ünïcode — a wide line 305-4 and 305-4a",
    "GRI 305-4 GHG emissions intensity",
    "Climate Action",
]


@pytest.fixture(params=[1, 7, 40, 1 << 20], ids=lambda size: f"chunk{size}")
def chunked(request, monkeypatch) -> tuple[Document, str]:
    monkeypatch.setattr(flat_module, "CHUNK", request.param)
    document = Document("r.txt", list(LINES))
    return document, " ".join(document.cleaned)


def test_slices_and_length_are_the_joined_text(chunked):
    document, joined = chunked
    flat = document.flat
    assert len(flat) == len(joined) and flat[:] == joined
    for start in range(0, len(joined) + 3, 5):
        for stop in (start - 1, start, start + 1, start + 13, start + 200):
            assert flat[start:stop] == joined[start:stop]
    assert flat[-1:0] == ""


def test_find_and_in_cross_chunk_ends(chunked):
    document, joined = chunked
    flat = document.flat
    for part in ("GRI", "the GRI Standards", "305-4", "Climate Action", "absent", "🌱 Climate", ". G"):
        for start in (0, 10, 100, len(joined)):
            assert flat.find(part, start) == joined.find(part, start), (part, start)
        assert (part in flat) == (part in joined)
    assert flat.rfind(". ", 0, 120) == joined.rfind(". ", 0, 120)


def test_holding_names_the_parts_the_joined_text_holds(chunked):
    document, joined = chunked
    parts = ["305-4", "the GRI Standards", "absent", "", "🌱 Climate", "Action Ünïcode"]
    assert document.flat.holding(parts) == {part for part in parts if part and part in joined}


@pytest.mark.parametrize("size", [1, 7])
def test_only_a_few_chunks_are_kept_joined(monkeypatch, size):
    monkeypatch.setattr(flat_module, "CHUNK", size)
    document = Document("r.txt", list(LINES))
    flat, joined = document.flat, " ".join(document.cleaned)
    assert len(flat._starts) > flat_module.KEPT  # more chunks than are kept
    assert flat[:] == joined and flat.find("Climate Action", 150) == joined.find("Climate Action", 150)
    assert len(flat._kept) <= flat_module.KEPT


def test_finditer_finds_what_the_joined_text_holds(chunked):
    document, joined = chunked
    for pattern in (
        re.compile(r"(?<![\w.-])305-4(?![\w-]|\.\d)"),
        re.compile(r"\bGRI\s+Standards\b", re.I),
        re.compile(r"in accordance with\s+the\s+GRI"),
        re.compile(r"\d+"),
    ):
        expected = [match.span() for match in pattern.finditer(joined)]
        assert list(document.flat.finditer(pattern)) == expected, pattern.pattern


def test_search_is_bounded_by_its_reach(chunked):
    document, joined = chunked
    end = re.compile(r"[.;](?:\s|$)")
    found = end.search(joined, 60)
    assert document.flat.search(end, 60, 1000) == found.span()
    assert document.flat.search(end, 60, 5) is None


def test_the_bundled_report_reads_the_same_in_tiny_chunks(monkeypatch):
    """Every step that searches the flat text (period, claims, section names, printed codes) gives
    the same rows and findings with chunks of one line and no lowered copy kept."""
    from checker import check

    report = str(EXAMPLE)
    whole = check(report).reports[0]
    monkeypatch.setattr(flat_module, "CHUNK", 1)
    monkeypatch.setattr(document_module, "LOWER_WHOLE_MAX", 0)
    chunked = check(report).reports[0]
    assert len(read_document(report).flat._starts) > 6000  # a chunk a line, indeed
    assert whole.findings and chunked.findings == whole.findings
    assert chunked.entries == whole.entries and chunked.coverage == whole.coverage
    assert whole.period and chunked.period == whole.period
    assert whole.claims and chunked.claims == whole.claims


@given(
    st.lists(st.text(alphabet="ab 3-.🌱Ü", max_size=12), max_size=25),
    st.integers(1, 40),
    st.data(),
)
@settings(max_examples=300, deadline=None)
def test_any_lines_at_any_chunk_size_answer_as_the_joined_text(lines, size, data):
    """Parts cut from the joined text itself, so that many of them cross a chunk's end."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flat_module, "CHUNK", size)
        document = Document("r.txt", lines)
        flat, joined = document.flat, " ".join(document.cleaned)
        assert flat[:] == joined and len(flat) == len(joined)
        at = data.draw(st.integers(0, len(joined)))
        part = joined[at : at + data.draw(st.integers(1, 6))] or "a"
        assert [flat.find(part, start) for start in range(len(joined) + 1)] == [
            joined.find(part, start) for start in range(len(joined) + 1)
        ]
        pattern = re.compile(rf"(?<![a\w]){re.escape(part)}")
        assert list(flat.finditer(pattern)) == [match.span() for match in pattern.finditer(joined)]
        assert flat.holding([part, "zz"]) == {p for p in (part, "zz") if p in joined}
