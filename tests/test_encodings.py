"""Encodings are sniffed (a BOM, UTF-16/32 without one, a legacy code page) and named when none fits."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import CLEAN
from pdfmaker import make_pdf

from checker import check
from checker.cli import main
from checker.encoding import decode_text

TEXT = CLEAN.read_text(encoding="utf-8")
WESTERN = "The Board’s “ESG” statement — café, naïve.\n"
CHINESE_SIMPLIFIED = "董事会声明：环境、社会及管治报告。温室气体排放范围一及范围二。\n"
CHINESE_TRADITIONAL = "董事會聲明：環境、社會及管治報告。溫室氣體排放範圍一及範圍二。\n"


def findings(path):
    report = check(path).reports[0]
    assert report.error is None, report.error
    return [(f.rule, f.line, f.code) for f in report.findings], len(report.entries)


@pytest.fixture(scope="module")
def expected():
    return findings(CLEAN)


@pytest.mark.parametrize(
    ("encoding", "bom", "sniffed"),
    [
        ("utf-8", b"\xef\xbb\xbf", "utf-8"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-16-be", b"\xfe\xff", "utf-16"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32"),
        ("utf-32-be", b"\x00\x00\xfe\xff", "utf-32"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("utf-32-le", b"", "utf-32-le"),
        ("utf-32-be", b"", "utf-32-be"),
    ],
)
def test_unicode_report_is_read_with_or_without_a_bom(tmp_path, expected, encoding, bom, sniffed):
    data = bom + (WESTERN + TEXT).encode(encoding)
    assert decode_text("r.txt", data) == (WESTERN + TEXT, sniffed)
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    assert findings(path) == expected_shifted(expected)


def expected_shifted(expected):
    """One line of prose is put before the report: every finding moves one line down."""
    rows, count = expected
    return [(rule, line + 1 if line else line, code) for rule, line, code in rows], count


@pytest.mark.parametrize(
    ("encoding", "prose"),
    [("cp1252", WESTERN), ("gb18030", CHINESE_SIMPLIFIED), ("big5", CHINESE_TRADITIONAL)],
)
def test_legacy_code_page_is_sniffed(encoding, prose):
    data = (prose * 5 + TEXT).encode(encoding)
    text, sniffed = decode_text("r.txt", data)
    assert (text, sniffed) == (prose * 5 + TEXT, encoding)


def test_text_in_no_encoding_names_those_tried(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"GRI 2-1 Organizational details \x81\xff\x80\n" * 20)
    result = CliRunner().invoke(main, [str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"esgcheck: {path}: is not text in any encoding tried (UTF-8, UTF-16, UTF-32, cp1252, gb18030, big5)"
    )


def test_a_bom_that_lies_is_named(tmp_path):
    path = tmp_path / "lies.txt"
    path.write_bytes(b"\xef\xbb\xbfGRI 2-1 \xff\xfe\xfd")
    result = CliRunner().invoke(main, [str(path)])
    assert result.exit_code == 2
    assert "starts with a UTF-8 byte order mark but is not UTF-8" in result.stderr


def test_binary_junk_is_still_binary(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 40)
    result = CliRunner().invoke(main, [str(path)])
    assert result.exit_code == 2 and "holds binary data, not text" in result.stderr


def test_a_pdf_of_no_pages_says_so(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(make_pdf([]))
    result = CliRunner().invoke(main, [str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"esgcheck: {path}: is a PDF with no pages"


def test_a_legacy_byte_far_into_a_report_is_still_sniffed(tmp_path, expected):
    """The first 64 KB read as UTF-8; a cp1252 byte after them must not lose the report."""
    filler = "Plain prose of the report, line after line, with nothing but ASCII in it.\n" * 1200
    path = tmp_path / "late.txt"
    path.write_bytes((filler + WESTERN + TEXT).encode("cp1252"))
    assert path.stat().st_size > 65536 + 1000
    report = check(path).reports[0]
    assert report.error is None, report.error
    offset = filler.count("\n") + 1
    rows, count = expected
    got = [(f.rule, f.line, f.code) for f in report.findings]
    assert got == [(rule, line + offset if line else line, code) for rule, line, code in rows]
    assert len(report.entries) == count


def test_a_pdf_of_no_pages_says_so_after_a_damaged_one(tmp_path):
    """PDFium keeps the last error of the thread: a damaged PDF read first must not make the next
    PDF of no pages read as damaged too."""
    damaged, empty = tmp_path / "damaged.pdf", tmp_path / "empty.pdf"
    damaged.write_bytes(make_pdf([["305-1 Direct (Scope 1) GHG emissions"]])[:400])
    empty.write_bytes(make_pdf([]))
    results = check(damaged, empty).reports
    assert "damaged or truncated" in results[0].error
    assert results[1].error.endswith("is a PDF with no pages")
