"""Page references in an index, checked against the report's printed pages and what they hold."""

from __future__ import annotations

from pdfmaker import make_pdf

from checker import check
from checker.page_refs import own_pages


def test_only_bare_page_lists_point_into_the_report():
    assert own_pages("48") == [48]
    assert own_pages("pp. 12-14, 20") == [12, 13, 14, 20]
    assert own_pages("page 66") == [66]
    assert own_pages("5~6") == [5, 6]
    assert own_pages("Annual Report, p. 25-40") == []  # another document
    assert own_pages("2019-2023") == []  # years, not pages
    assert own_pages("Climate Action") == own_pages("-") == []


def numbered(pages: list[list[str]]) -> list[list[str]]:
    """Pages that print their number at the foot; the unnumbered cover is PDF page 1."""
    return [["Sustainability Report 2023"]] + [[*lines, str(n)] for n, lines in enumerate(pages, 1)]


def test_pages_out_of_range_and_pages_on_another_topic_are_flagged(tmp_path):
    body = [
        ["Climate Action", "Scope 1 emissions were 1,250 tCO2e; intensity 0.4 tCO2e per unit."],
        ["Our People", "We hired 300 new employees; turnover was 8%."],
        ["Governance", "The board met six times."],
    ]
    index = [
        "GRI Content Index",
        "This report has been prepared with reference to the GRI Standards.",
        "305-1 Direct (Scope 1) GHG emissions 1",
        "305-4 GHG emissions intensity 3",  # page 3 is about the board
        "305-5 Reduction of GHG emissions 1",
        "401-1 New employee hires and employee turnover 2",
        "401-3 Parental leave 9",  # the report has pages 1-4
        "2-9 Governance structure and composition 3",
        "2-11 Chair of the highest governance body 3",
        "2-7 Employees 2",
    ]
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(numbered([*body, index])))
    report = check(path).reports[0]
    assert report.error is None
    flagged = sorted((f.rule, f.kind, f.code) for f in report.findings if f.rule in ("ESG402", "ESG403"))
    assert flagged == [
        ("ESG402", "section-not-found", "401-3"),
        ("ESG403", "unsupported", "305-4"),
    ]
    beyond = next(f for f in report.findings if f.rule == "ESG402")
    assert "printed pages run 1-4" in beyond.message and beyond.page == 5


def test_pages_are_not_checked_without_printed_numbers(tmp_path):
    index = ["GRI Content Index"] + [f"2-{n} Employees 9" for n in range(1, 10)]
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf([["Cover"], ["About us"], ["People"], ["More"], index]))
    report = check(path).reports[0]
    assert not [f for f in report.findings if f.rule in ("ESG402", "ESG403")]


def test_a_disclosure_without_evidence_terms_is_not_judged_by_its_title_words(tmp_path):
    body = [
        ["Corporate Profile", "Example AG is a life science company based in Leverkusen."],
        ["Climate Action", "Scope 1 emissions were 1,250 tCO2e; intensity 0.4 tCO2e per unit."],
        ["Governance", "The board met six times."],
    ]
    index = [
        "GRI Content Index",
        "This report covers the year from 1 January to 31 December 2021 and has been prepared in "
        "accordance with the GRI Standards: Core option.",
        "102-1 Name of the organization 1",  # answered by the company's name, not by these words
        "102-3 Location of headquarters 1",
        "305-1 Direct (Scope 1) GHG emissions 2",
        "305-4 GHG emissions intensity 3",  # page 3 is about the board
        "305-5 Reduction of GHG emissions 2",
        "102-18 Governance structure 3",
        "102-22 Composition of the highest governance body and its committees 3",
        "102-8 Information on employees and other workers 2",
    ]
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(numbered([*body, index])))
    report = check(path).reports[0]
    assert report.error is None
    assert [f.code for f in report.findings if f.rule == "ESG403"] == ["305-4"]
