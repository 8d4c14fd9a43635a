"""Readers: text, Markdown, PDF (pages), Word (tables as tables); bad files get one-line errors."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import CLEAN, FIXTURES
from pdfmaker import make_pdf

from checker import check
from checker.cli import main
from checker.errors import InputError
from checker.reader import read_document

INDEX_PAGE = [
    "GRI Content Index",
    "Climate Action",
    "305-1 Direct (Scope 1) GHG emissions",
    "305-2 Energy indirect (Scope 2) GHG emissions",
    "305-3 Other indirect (Scope 3) GHG emissions",
    "305-4 Other indirect (Scope 3) GHG emissions",
    "305-5 Reduction of GHG emissions",
    "Our People",
    "401-1 New employee hires and employee turnover",
    "401-2 Benefits provided to full-time employees that are not provided to temporary or part-time",
    "employees",
    "401-3 Parental leave",
]
BODY_PAGE = ["Climate Action", "Scope 1 emissions were 1,250 tCO2e.", "Our People", "We employ 1,200 people."]


def test_pdf_pages_give_each_finding_its_page(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf([BODY_PAGE, ["Intentionally blank page"], INDEX_PAGE]))
    document = read_document(path)
    assert (document.kind, document.page_count) == ("pdf", 3)
    report = check(path).reports[0]
    assert report.error is None
    assert len(report.entries) == 8 and {e.page for e in report.entries} == {3}
    mislabeled = [f for f in report.findings if f.kind == "mislabeled"]
    assert [(f.code, f.page) for f in mislabeled] == [("305-4", 3)]


def test_reader_is_chosen_by_content_not_extension(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(make_pdf([BODY_PAGE, INDEX_PAGE]))
    assert read_document(path).kind == "pdf"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda: make_pdf([[], []]), "no text layer"),
        (lambda: make_pdf([BODY_PAGE, INDEX_PAGE])[:400], "damaged or truncated PDF"),
        (lambda: (FIXTURES / "encrypted.pdf").read_bytes(), "encrypted PDF"),
    ],
    ids=["scanned", "truncated", "encrypted"],
)
def test_unreadable_pdfs_are_one_line_errors_and_the_others_are_checked(tmp_path, make, problem):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(make())
    with pytest.raises(InputError, match=problem):
        read_document(bad)
    result = CliRunner().invoke(main, [str(bad), str(CLEAN), "--no-color"])
    assert result.exit_code == 2
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("esgcheck:")]
    assert error_lines == [f"esgcheck: {bad}: {read_error(bad)}"]
    assert "Traceback" not in result.output
    assert str(CLEAN) in result.stdout  # the good report is still checked and printed


def read_error(path):
    try:
        read_document(path)
    except InputError as err:
        return err.problem
    raise AssertionError("expected an error")


def test_docx_tables_are_read_as_tables(tmp_path):
    import docx

    word = docx.Document()
    word.add_heading("Climate Action", level=1)
    word.add_paragraph("Scope 1 emissions were 1,250 tCO2e.")
    word.add_heading("GRI Content Index", level=1)
    rows = [
        ("Disclosure", "Title", "Location"),
        ("305-1", "Direct (Scope 1) GHG emissions", "Climate Action"),
        ("305-2", "Energy indirect (Scope 2) GHG emissions", "Climate Action"),
        ("305-4", "Other indirect (Scope 3) GHG emissions", "Climate Action"),
    ]
    table = word.add_table(rows=len(rows), cols=3)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "draft.docx"
    word.save(path)
    document = read_document(path)
    assert document.kind == "docx"
    assert [h.text for h in document.headings] == ["Climate Action", "GRI Content Index"]
    report = check(path).reports[0]
    assert [(e.code, e.label, e.section) for e in report.entries] == [
        ("305-1", "Direct (Scope 1) GHG emissions", "Climate Action"),
        ("305-2", "Energy indirect (Scope 2) GHG emissions", "Climate Action"),
        ("305-4", "Other indirect (Scope 3) GHG emissions", "Climate Action"),
    ]
    assert ("mislabeled", "305-4") in {(f.kind, f.code) for f in report.findings}


def test_corrupt_docx_is_an_error(tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a readable Word"):
        read_document(path)


def test_markdown_draft_with_pipe_table(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(
        "# Climate Action\n\nScope 1 emissions were 1,250 tCO2e.\n\n# GRI Content Index\n\n"
        "| GRI Standard | Disclosure | Title | Page | Omission |\n|---|---|---|---|---|\n"
        "| GRI 305: Emissions 2016 | 305-1 | Direct (Scope 1) GHG emissions | 12 | |\n"
        "| | 305-2 | Energy indirect (Scope 2) GHG emissions | 12 | |\n"
        "| | 305-4 | GHG emissions intensity | 13 | |\n"
        "| | 305-7 | Nitrogen oxides (NOx), sulfur oxides (SOx), and other significant air emissions | - | "
        "Not applicable: no combustion on site |\n",
        encoding="utf-8",
    )
    report = check(path).reports[0]
    assert [(e.code, e.section, e.remark) for e in report.entries] == [
        ("305-1", "12", ""),
        ("305-2", "12", ""),
        ("305-4", "13", ""),
        ("305-7", "-", "Not applicable: no combustion on site"),
    ]
    assert [f for f in report.findings if f.kind == "mislabeled"] == []


@pytest.mark.parametrize(
    ("text", "page_starts"),
    [
        ("page one\nmore\n\fpage two\nmore\n\f", [1, 3]),  # pdftotext: a break starts each page's line
        ("page one\nmore\fpage two\nmore", [1, 2]),  # a break inside a line
        ("page one\nmore\f\npage two\nmore", [1, 3]),  # a break ending a line
    ],
)
def test_form_feeds_give_pages_and_keep_the_editors_line_numbers(tmp_path, text, page_starts):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert len(document.lines) == text.rstrip("\f").rstrip("\n").count("\n") + 1
    assert document.page_starts == page_starts
    assert "\f" not in "".join(document.lines)


READER_BODY = ["Board Oversight", "The Board oversees sustainability every quarter.", *BODY_PAGE]
READER_INDEX = [
    "GRI Content Index",
    "Board Oversight",
    "2-9 Governance structure and composition",
    "2-10 Nomination and selection of the highest governance body",
    "2-11 Chair of the highest governance body",
    *INDEX_PAGE[1:7],
    "Our Peple",
    *INDEX_PAGE[8:],
]


def _report_schema():
    return json.loads(resources.files("checker.schemas").joinpath("report.schema.json").read_text())


def _json(path):
    result = CliRunner().invoke(main, [str(path), "--format", "json"])
    data = json.loads(result.stdout)
    jsonschema.validate(data, _report_schema())
    assert data["schema_version"] == "1.1"
    for found in data["reports"][0]["findings"]:  # the field is optional: a 1.0 document still validates
        found.pop("row")
    jsonschema.validate({**data, "schema_version": "1.0"}, _report_schema())
    result = json.loads(result.stdout)
    return {(f["rule"], f["code"]): f for f in result["reports"][0]["findings"]}


def test_pdf_findings_show_the_row_as_the_reader_sees_it(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf([READER_BODY, READER_INDEX]))
    findings = _json(path)
    mislabeled = findings["ESG101", "305-4"]
    assert mislabeled["page"] == 2
    assert mislabeled["row"] == "305-4 | Other indirect (Scope 3) GHG emissions | Climate Action"
    # a section name that is no heading: the first row pointing to it
    assert findings["ESG401", None]["row"] == "401-1 | New employee hires and employee turnover | Our Peple"
    assert findings["ESG301", "2-1"]["row"] is None  # a finding on no row
    text = CliRunner().invoke(main, [str(path), "--no-color"], env={"COLUMNS": "200"}).output
    assert "row:      305-4 | Other indirect (Scope 3) GHG emissions | Climate Action" in text


def test_word_findings_show_the_row_as_the_reader_sees_it(tmp_path):
    import docx

    word = docx.Document()
    word.add_heading("Climate Action", level=1)
    word.add_paragraph("Scope 1 emissions were 1,250 tCO2e.")
    word.add_heading("GRI Content Index", level=1)
    rows = [
        ("Disclosure", "Title", "Location", "Remark"),
        ("305-1", "Direct (Scope 1) GHG emissions", "Climate Action", ""),
        ("305-2", "Energy indirect (Scope 2) GHG emissions", "Climate Action", ""),
        ("305-4", "Other indirect (Scope 3) GHG emissions", "Climate Action", "Scope 3 is estimated"),
    ]
    table = word.add_table(rows=len(rows), cols=4)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "draft.docx"
    word.save(path)
    row = _json(path)["ESG101", "305-4"]["row"]
    assert row.startswith("305-4 | Other indirect (Scope 3) GHG emissions | Climate Action")
    assert "Scope 3 is estimated" in row


def test_text_reports_need_no_row_their_line_is_the_row(tmp_path):
    path = tmp_path / "report.txt"
    text = CLEAN.read_text(encoding="utf-8")
    path.write_text(text.replace("305-4 GHG emissions intensity", INDEX_PAGE[5]), encoding="utf-8")
    assert _json(path)["ESG101", "305-4"]["row"] is None


def _linked_index_pdf(tmp_path, links):
    from pdfmaker import make_pdf

    body = [
        "Sustainability Report 2023",
        "This report covers the year ended 31 December 2023.",
        "Climate Action",
        "Our emissions fell in 2023 across our sites and offices.",
        "Our People",
        "We hired 120 people in 2023 and offer parental leave to all.",
    ]
    index = [
        "GRI Content Index",
        "Climate Action",
        "305-1 Direct (Scope 1) GHG emissions",
        "305-2 Energy indirect (Scope 2) GHG emissions",
        "305-3 Other indirect (Scope 3) GHG emissions",
        "Our People",
        "401-1 New employee hires and employee turnover",
        "401-3 Parental leave",
        "Committee Composition",
        "2-9 Governance structure and composition",
        "2-10 Nomination and selection of the highest governance body",
        "2-11 Chair of the highest governance body",
        "2-12 Role of the highest governance body in overseeing the management of impacts",
    ]
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf([body, index], links))
    return check(path).reports[0]


def test_a_location_printed_as_a_link_to_a_web_page_is_no_section_of_the_report(tmp_path):
    """PDF link annotations: text under a link to a web page names another document; a jump within
    the report leaves its text a section name."""
    plain = _linked_index_pdf(tmp_path, {})
    assert [f.found for f in plain.findings if f.rule == "ESG401"] == ["Committee Composition"]
    linked = _linked_index_pdf(tmp_path, {(1, 8): "https://example.com/committees", (1, 1): "#0"})
    assert [f for f in linked.findings if f.rule == "ESG401"] == []
    jump = _linked_index_pdf(tmp_path, {(1, 8): "#0"})
    assert [f.found for f in jump.findings if f.rule == "ESG401"] == ["Committee Composition"]


def test_word_links_to_web_pages_are_read_as_such(tmp_path):
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    word = docx.Document()
    paragraph = word.add_paragraph("See ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to("https://example.com", RELATIONSHIP_TYPE.HYPERLINK, True))
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "Committee Composition"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    bookmark = OxmlElement("w:hyperlink")  # a jump to a bookmark of the document: no address
    bookmark.set(qn("w:anchor"), "climate")
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "Climate Action"
    run.append(text)
    bookmark.append(run)
    word.add_paragraph()._p.append(bookmark)
    path = tmp_path / "draft.docx"
    word.save(path)
    assert read_document(path).web_links == {"committee composition"}
