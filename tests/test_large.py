"""What keeps big reports linear and flat in memory: headings indexed once, each name searched at
most once, lines shared rather than copied, text files read line by line."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE

from checker.document import Document
from checker.reader import read_document, text_document
from checker.sections import Headings

BODY = [
    "Climate Action",
    "Our emissions fell, as the chapter on Climate Action3 explains in more detail than before.",
    "Sustainable Supply",
    "Chain",
    "",
    "Index",
    "2-1 Organizational details  Responsible Sourcing",
    "",
    "We report on Responsible Sourcingx here, which ends at no word boundary.",
]


def headings(lines=BODY, exclude=((6, 7),)):
    return Headings(Document("r.txt", list(lines)), list(exclude))


def test_a_heading_is_found_without_a_text_search(monkeypatch):
    found = headings()
    monkeypatch.setattr(found, "_in_body", lambda name: pytest.fail(f"searched the text for {name}"))
    assert found.exists("climate action") and found.exists("Sustainable Supply Chain")


def test_each_distinct_name_is_searched_at_most_once(monkeypatch):
    found = headings()
    calls = []
    search = found._in_body
    monkeypatch.setattr(found, "_in_body", lambda name: calls.append(name) or search(name))
    for _ in range(50):
        assert not found.exists("Responsible Sourcing")
        assert found.exists("chapter on Climate Action")
    assert calls == ["Responsible Sourcing", "chapter on Climate Action"]


def test_a_name_printed_only_inside_the_index_is_not_a_section():
    assert not headings().exists("Responsible Sourcing")
    assert headings(exclude=()).exists("Responsible Sourcing")


def test_a_name_in_the_body_counts_at_word_boundaries_with_a_footnote_mark():
    found = headings()
    assert found.exists("the chapter on Climate Action")  # "Climate Action3": a footnote mark
    assert not found.exists("Our emission")  # "emissions": no word boundary


def test_clean_lines_are_shared_not_copied():
    document = Document("r.txt", ["Plain line", "Two  spaces", "Curly ’quote’", "  lead", ""])
    assert document.cleaned == ["Plain line", "Two spaces", "Curly 'quote'", "lead", ""]
    assert document.cleaned[0] is document.lines[0] and document.cleaned[4] is document.lines[4]


@pytest.mark.parametrize(
    "text",
    [
        "a\nb\n",
        "a\r\nb\r\n\r\n",
        "a\rb\rc",
        "title \nbody text  \t\n",
        "page one\n\fpage two\nmore\n\f",
        "\ufeffbom first\nline\n",
        "x" * 70000 + "\nafter the first read\n",
    ],
)
def test_a_file_read_line_by_line_is_the_text_read_whole(tmp_path, text):
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("utf-8"))
    streamed = read_document(path)
    whole = text_document(str(path), text.removeprefix("\ufeff"))
    assert (streamed.lines, streamed.page_starts, streamed.breaks) == (
        whole.lines,
        whole.page_starts,
        whole.breaks,
    )


def test_case_blind_searches_match_a_lowered_copy_without_making_one(monkeypatch):
    import checker.document as module
    import checker.flat as flat_module

    monkeypatch.setattr(flat_module, "CHUNK", 16)  # many chunks, words across their ends
    monkeypatch.setattr(module, "LOWER_WHOLE_MAX", 0)  # lowered a chunk at a time
    lines = ["The Report COVERS the Period", "from 1 January to 31 December.", "Fiscal YEAR END."] * 5
    document = Document("r.txt", lines)
    lower = document.flat[:].lower()
    words = ("cover", "period", "year end", "r")
    expected = sorted(p for w in words for p in range(len(lower)) if lower.startswith(w, p))
    assert list(document.find_lower(words)) == expected
    assert document.contains_lower(["december.", "absent"]) and not document.contains_lower(["absent"])
    assert "flat_lower" not in document.__dict__  # no lowered copy of the whole text was kept
    assert document.flat_lower == lower


def test_a_check_leaves_no_reference_cycle_behind():
    """Each report's document is freed when its check ends, by reference counting alone: the CLI
    puts the cycle collector off (a raised threshold), and a cycle through the context kept every
    report of a batch in memory (221 MB for 200 copies of the bundled report, 79 MB without)."""
    import gc

    from checker import check

    check(EXAMPLE)  # catalogs and caches built once, outside the count
    gc.collect()
    gc.disable()
    try:
        report = check(EXAMPLE).reports[0]
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert report.findings and unreachable == 0
