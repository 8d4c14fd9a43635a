"""The reporting period: read from the report's own words, and choosing the HKEX version by the
day its financial year begins ("financial years commencing on or after 1 January 2025")."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import EXAMPLE, FIXTURES, line_of, variant

from checker import check
from checker.catalog import shipped_catalogs
from checker.document import Document
from checker.period import read_period
from checker.reader import read_document


def _period(text: str):
    return read_period(Document("report.txt", text.split("\n")))


@pytest.mark.parametrize(
    ("statement", "start", "end"),
    [
        (
            "This Report covers the period from January 1, 2023,\nto December 31, 2023.",
            "2023-01-01",
            "2023-12-31",
        ),
        ("This report covers our ESG work from January 1 to December 31, 2021.", "2021-01-01", "2021-12-31"),
        ("Reporting period: 1 April 2024 to 31 March 2025.", "2024-04-01", "2025-03-31"),
        ("The period from 1st July 2024 – 30th June 2025 is covered.", "2024-07-01", "2025-06-30"),
        ("Data are for the year ended 31 December 2025.", "2025-01-01", "2025-12-31"),
        ("In fiscal 2023, which ended on September 30, 2023, sales rose.", "2022-10-01", "2023-09-30"),
        ("We report on activities for the calendar year 2021 from our offices.", "2021-01-01", "2021-12-31"),
        (
            "This ESG Report covers two financial reporting periods: September 1, 2022, through August 31,"
            " 2023, and September 1, 2023, through August 31, 2024.",
            "2022-09-01",
            "2024-08-31",
        ),
    ],
)
def test_period_statements_are_read(statement, start, end):
    period = _period("Acme Group\n" + statement)
    assert (str(period.start), str(period.end)) == (start, end)
    assert period.line == 2


def test_dates_not_introduced_as_the_period_are_not_read():
    assert _period("Our campaign ran from 1 March 2022 to 28 February 2023.") is None
    assert _period("The report covers training from 3 March 2023 to 10 March 2023.") is None
    assert _period("No dates here at all.") is None


def test_a_range_stated_before_a_year_ended_date_wins():
    period = _period(
        "This report covers 1 January 2024 to 31 December 2024.\nFor the year ended 31 March 2020."
    )
    assert period.end == date(2024, 12, 31)


def test_the_last_financial_year_of_a_two_year_report_starts_the_versions():
    period = _period(
        "This report covers September 1, 2022, through August 31, 2023, and September 1, 2023,"
        " through August 31, 2024."
    )
    assert period.year_start == date(2023, 9, 1)


def test_period_of_the_real_reports():
    xiaomi = read_period(read_document(EXAMPLE))
    assert (xiaomi.start, xiaomi.end, xiaomi.line) == (date(2023, 1, 1), date(2023, 12, 31), 93)
    brookfield = read_period(read_document(FIXTURES / "corpus" / "brookfield-2021-index.txt"))
    assert (brookfield.start, brookfield.end) == (date(2021, 1, 1), date(2021, 12, 31))
    moncler_path = FIXTURES / "corpus" / "moncler-2023-index.txt"
    moncler = read_period(read_document(moncler_path))
    assert (moncler.start, moncler.end) == (date(2023, 1, 1), date(2023, 12, 31))
    assert moncler.line == line_of(moncler_path, "GRI Standards for the period 1")


@pytest.mark.parametrize(
    ("period", "version", "a1_2"),
    [
        ("from January 1, 2024 to\nDecember 31, 2024", "2023", None),
        ("from 1 July 2024 to\n30 June 2025", "2023", None),
        ("from January 1, 2025 to\nDecember 31, 2025", "2025", "outdated-code"),
    ],
)
def test_hkex_version_follows_the_first_day_of_the_financial_year(tmp_path, period, version, a1_2):
    report = variant(
        tmp_path,
        ("from January 1, 2024 to\nDecember 31, 2024", period),
        ("with reference to the GRI Standards (2021).", "in accordance with the HKEX ESG Reporting Guide."),
    )
    title = next(c for c in shipped_catalogs() if c.id == "hkex_c2").get("A1.2").title
    text = report.read_text(encoding="utf-8") + f"\nHKEX index\nA1.2 {title} Climate Action\n"
    report.write_text(text, encoding="utf-8")
    result = check(report).reports[0]
    assert {c.framework: c.version for c in result.coverage}.get("HKEX") == version
    kinds = {f.kind for f in result.findings if f.code == "A1.2"}
    assert kinds == ({a1_2} if a1_2 else set())
    assert result.to_dict()["period"]["year_start"] == str(result.period.year_start)
