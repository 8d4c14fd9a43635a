"""ESG501-503 on small reports written here: what the section behind an index row evidences."""

from __future__ import annotations

import pytest

from checker import check

FILLER = (
    "The Group reviews its management approach every year with the operating teams and reports "
    "progress to management, and the figures below were compiled by the sustainability office from "
    "the records of each business unit in line with the reporting principles of the Guide. "
)
"""Text with none of the checked disclosures' words: it makes a section long enough to judge."""

COMPLETE_GHG = (
    "Scope 1 emissions were 1,250 tCO2e and Scope 2 emissions 3,400 tCO2e in 2024. "
    "Our emissions intensity was 0.8 tCO2e per million revenue."
)
SCOPE1_ONLY = "Scope 1 emissions from our boilers and vehicles were 1,250 tCO2e in 2024."
BOARD = (
    "The Board has nine directors, three of them women. Directors are appointed for three years "
    "and the nomination committee reviews the skills and independence of the Board each year."
)
PEOPLE = (
    "We had 1,200 employees at year end, 46% of them women and 54% men. By age group, 30% were "
    "under 30 and 60% between 30 and 50. In the Mainland 80% worked and overseas 20%. Full-time "
    "staff were 1,100 and part-time staff 100. Our employment policy complies with the laws and "
    "regulations on compensation, dismissal, recruitment, working hours, equal opportunity, occupational "
    "health and safety, training and development, and prohibits child labour and forced labour."
)

ROWS = {
    "A1": "Emissions",
    "A1.2": "Direct (Scope 1) and energy indirect (Scope 2) greenhouse gas emissions (in tonnes) and, where "
    "appropriate, intensity (e.g. per unit of production volume, per facility).",
    "A1.3": "Total hazardous waste produced (in tonnes) and, where appropriate, intensity (e.g. per unit of "
    "production volume, per facility).",
    "A2.5": "Total packaging material used for finished products (in tonnes) and, if applicable, with "
    "reference to per unit produced.",
    "B1": "Employment",
    "B1.1": "Total workforce by gender, employment type (for example, full- or part- time), age group and "
    "geographical region.",
    "B2": "Health and Safety",
    "B3": "Development and Training",
    "B4": "Labour Standards",
}


OPENING = (
    "Greenfield Holdings Limited",
    "ESG Report 2024",
    "",
    "About this Report",
    "This report covers the period from January 1, 2024 to December 31, 2024. It has been prepared in",
    "accordance with the Environmental, Social and Governance Reporting Guide (Appendix C2) of the HKEX.",
    FILLER * 2,
    "",
)
"""The report's opening: its period and its HKEX statement of use."""


def report(tmp_path, sections: dict[str, str], index: list[tuple[str, str, str]]) -> object:
    """A report with these sections (each padded to a judgeable length) and an HKEX index of
    (section, code, answer) rows, checked; its one report result."""
    lines = list(OPENING)
    for name, body in sections.items():
        lines += [name, body, FILLER * 3, ""]
    lines += ["HKEX ESG Reporting Guide Content Index"]
    current = None
    for section, code, answer in index:
        if section != current:
            lines.append(section)
            current = section
        lines.append(f"{code} {ROWS[code]}" + (f" {answer}" if answer else ""))
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check(path).reports[0]
    assert result.error is None, result.error
    return result


SECTIONS = {
    "Environmental Data": COMPLETE_GHG,
    "Our People": PEOPLE,
    "Board Diversity": BOARD,
}
BASE = [
    ("Environmental Data", "A1", ""),
    ("Environmental Data", "A1.2", ""),
    ("Our People", "B1", ""),
    ("Our People", "B1.1", ""),
    ("Our People", "B2", ""),
    ("Our People", "B3", ""),
    ("Our People", "B4", ""),
    ("Environmental Data", "A1.3", "Not applicable: an office business with no hazardous waste."),
]


def evidence_findings(result) -> list[tuple[str, str]]:
    return [(f.rule, f.code) for f in result.findings if f.rule.startswith("ESG5")]


def hkex(result):
    return next(cover for cover in result.coverage if cover.framework == "HKEX")


def test_complete_kpi_has_no_evidence_finding(tmp_path):
    result = report(tmp_path, SECTIONS, BASE)
    assert evidence_findings(result) == []
    # A1, A1.2, B1, B1.1, B2, B3 and B4 read and found whole; A1.3 explained (not applicable)
    assert (hkex(result).evidence["complete"], hkex(result).evidence["explained"]) == (7, 1)


def test_kpi_giving_scope_1_only_is_partial_naming_what_is_missing(tmp_path):
    result = report(tmp_path, {**SECTIONS, "Environmental Data": SCOPE1_ONLY}, BASE)
    [found] = [f for f in result.findings if f.rule == "ESG501"]
    assert (found.code, found.kind, found.severity) == ("A1.2", "partial", "warning")
    assert "Scope 2" in found.expected and "intensity" in found.expected
    assert "Scope 1" in found.found
    assert 'section "Environmental Data"' in found.message
    assert hkex(result).evidence["partial"] == 1


def test_section_that_says_nothing_of_the_disclosure_is_unsupported(tmp_path):
    rows = [row if row[1] != "A1.2" else ("Board Diversity", "A1.2", "") for row in BASE]
    result = report(tmp_path, {**SECTIONS, "Environmental Data": FILLER}, rows)
    [found] = [f for f in result.findings if f.rule == "ESG502" and f.code == "A1.2"]
    assert (found.code, found.kind) == ("A1.2", "unsupported")
    assert 'section "Board Diversity"' in found.message
    assert "wrong place" not in found.message  # no other section evidences it either


def test_row_evidenced_in_another_section_names_it(tmp_path):
    rows = [row if row[1] != "A1.2" else ("Board Diversity", "A1.2", "") for row in BASE]
    result = report(tmp_path, SECTIONS, rows)
    [found] = [f for f in result.findings if f.rule == "ESG502"]
    assert found.code == "A1.2"
    assert 'section "Environmental Data"' in found.message and "wrong place" in found.message
    assert found.expected.startswith('section "Environmental Data"')


def test_omission_with_a_reason_is_explained_and_without_one_is_flagged(tmp_path):
    rows = [*BASE, ("Environmental Data", "A2.5", "Not reported.")]
    result = report(tmp_path, SECTIONS, rows)
    omitted = [f for f in result.findings if f.rule == "ESG503"]
    assert [(f.code, f.kind) for f in omitted] == [("A2.5", "omission-unexplained")]
    # A1.3 gives its reason ("Not applicable: ... produces no hazardous waste"): explained, no finding.
    assert all(f.code != "A1.3" for f in result.findings if f.rule.startswith("ESG5"))
    assert hkex(result).evidence["explained"] == 1
    assert hkex(result).evidence["omitted"] == 1


def test_hkex_explain_counts_as_disclosed(tmp_path):
    rows = [*BASE, ("Environmental Data", "A2.5", "Explain: the Group sells software and uses no packaging.")]
    result = report(tmp_path, SECTIONS, rows)
    assert evidence_findings(result) == []
    assert hkex(result).evidence["explained"] == 2  # A1.3 and A2.5


def test_row_whose_section_is_not_found_is_not_checked(tmp_path):
    rows = [row if row[1] != "A1.2" else ("Climate Action", "A1.2", "") for row in BASE]
    result = report(tmp_path, {**SECTIONS, "Environmental Data": SCOPE1_ONLY}, rows)
    assert all(f.code != "A1.2" for f in result.findings if f.rule.startswith("ESG5"))
    assert hkex(result).evidence["not_checked"] >= 1


def test_a_heading_named_in_a_list_of_topics_is_still_resolved_to_its_own_section(tmp_path):
    """A sentence-case mention ("Environmental data") in a list of topics is not the heading."""
    sections = {
        "Our Material Topics": "Environmental data\nOur people\n" + FILLER,
        **SECTIONS,
        "Environmental Data": SCOPE1_ONLY,
    }
    result = report(tmp_path, sections, BASE)
    [found] = [f for f in result.findings if f.rule == "ESG501"]
    assert found.code == "A1.2" and 'section "Environmental Data"' in found.message


def test_not_reported_in_a_legend_or_a_long_answer_is_no_omission(tmp_path):
    legend = "● Fully reported ◐ Partially reported ○ Not reported. The Group sells software only."
    rows = [*BASE, ("Environmental Data", "A2.5", legend)]
    result = report(tmp_path, SECTIONS, rows)
    assert [f for f in result.findings if f.rule == "ESG503"] == []


@pytest.mark.parametrize(
    ("answer", "omitted"),
    [
        ("Not reported.", True),
        ("Not included in this report.", True),
        ("Scope 3 emissions are not reported.", True),  # closing the answer
        ("Entities not included in the report.", False),  # a description's words
    ],
)
def test_an_omission_mark_opens_or_closes_the_answer(tmp_path, answer, omitted):
    rows = [*BASE, ("Environmental Data", "A2.5", answer)]
    result = report(tmp_path, SECTIONS, rows)
    assert bool([f for f in result.findings if f.rule == "ESG503"]) is omitted


def test_a_row_naming_a_second_place_is_not_checked(tmp_path):
    rows = [row if row[1] != "A1.2" else ("Board Diversity", "A1.2", "Annual Report") for row in BASE]
    result = report(tmp_path, {**SECTIONS, "Environmental Data": SCOPE1_ONLY}, rows)
    assert all(f.code != "A1.2" for f in result.findings if f.rule.startswith("ESG5"))


def test_coverage_table_shows_the_evidence_counts(tmp_path):
    from checker.output import rendered
    from checker.result import CheckResult

    rows = [*BASE, ("Environmental Data", "A2.5", "Not reported.")]
    result = report(tmp_path, {**SECTIONS, "Environmental Data": SCOPE1_ONLY}, rows)
    text = rendered(CheckResult([result]), "text", color=False, width=200)
    assert "1 partial" in text and "1 explained" in text and "1 omitted" in text
    [row] = coverage_rows(text)  # wide: the counts in the table, on the framework's one line
    assert "HKEX" in row[0] and "1 partial" in row[0] and "1 omitted" in row[0]
    assert_fits_80_columns(rendered(CheckResult([result]), "text", color=False, width=80), result)


def coverage_rows(text: str) -> list[list[str]]:
    """The coverage table's body, each row as its lines: a row that wraps has more than one (its
    framework cell never wraps, so a further line's is blank)."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("┡"))
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("└"):
            return rows
        if line.split("│")[1].strip():
            rows.append([line])
        else:
            rows[-1].append(line)
    raise AssertionError("the coverage table has no bottom border")


def assert_fits_80_columns(text: str, result) -> None:
    """Each framework's coverage row is one line of at most 80 columns, and so is its evidence."""
    from checker.render.terminal import _evidence

    rows = coverage_rows(text)
    named = [f"{cover.framework} {cover.version}" for cover in result.coverage]
    assert [row[0].split("│")[1].strip() for row in rows] == named
    assert all(len(row) == 1 and len(row[0]) <= 80 for row in rows), text
    lines = text.splitlines()
    for name, cover in zip(named, result.coverage, strict=True):
        counts = _evidence(cover.evidence).plain
        assert counts
        [line] = [line for line in lines if line.startswith(name) and counts in line]
        assert len(line.rstrip()) <= 80


def test_the_bundled_reports_coverage_rows_fit_80_columns():
    """At 80 columns the evidence counts no longer wrap a word a line: each framework's row is one
    line, its counts one line under the table."""
    from click.testing import CliRunner
    from conftest import EXAMPLE

    from checker.cli import main

    text = CliRunner().invoke(main, [str(EXAMPLE), "--no-color"], env={"COLUMNS": "80"}).output
    result = check(EXAMPLE).reports[0]
    assert len(result.coverage) == 3
    assert_fits_80_columns(text, result)
    assert "with-reference" in text  # the claims still show where they fit


def test_pages_with_known_printed_numbers_are_read_for_the_parts_of_a_kpi(tmp_path):
    from pdfmaker import make_pdf
    from test_page_refs import numbered

    filler = [FILLER[i : i + 90] for i in range(0, len(FILLER) * 2, 90)] * 2
    body = [
        ["Climate Action", "Scope 1 emissions were 1,250 tCO2e and Scope 2 emissions 3,400 tCO2e.", *filler],
        ["Our People", "Of our 1,200 employees 46% were women and 54% men at year end.", *filler],
        ["Governance", "The board met six times.", *filler],
    ]
    index = [
        "GRI Content Index",
        "This report has been prepared with reference to the GRI Standards.",
        "305-1 Direct (Scope 1) GHG emissions 1",
        "305-2 Energy indirect (Scope 2) GHG emissions 1",
        "405-1 Diversity of governance bodies and employees 2",  # page 2 says nothing of the board
        "2-9 Governance structure and composition 3",
        "2-11 Chair of the highest governance body 3",
        "2-7 Employees 2",
        "2-10 Nomination and selection of the highest governance body 3",
        "2-12 Role of the highest governance body in overseeing the management of impacts 3",
    ]
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(numbered([*body, index])))
    result = check(path).reports[0]
    assert result.error is None
    partial = {f.code: f for f in result.findings if f.rule == "ESG501"}
    assert sorted(partial) == ["2-7", "405-1"]  # 305-1 and 305-2 are whole on page 1
    assert partial["405-1"].expected == "governance bodies" and "page 2" in partial["405-1"].message
    assert partial["2-7"].expected == "by region"  # page 2 gives no region either


def test_the_column_heading_of_a_continued_page_read_into_a_row_is_no_reason():
    """Chalco 2019: the last row of a page runs on into the next page's heading, '"Comply or explain"
    Provisions': the words of an index heading are not the row's answer."""
    from checker.catalog import shipped_catalogs
    from checker.evidence import omission

    hkex = next(c for c in shipped_catalogs() if c.id == "hkex_c2")
    a25 = hkex.get("A2.5")
    run_on = (
        "5.5 Advocating a. Circular Model 84 Appendix 1 HKEx ESG Guide Content Index (Continued) Subject "
        'Areas, Aspects, General Disclosures and KPIs "Comply or explain" Provisions Section.'
    )
    assert omission(None, a25, hkex, run_on) == ""
    assert (
        omission(None, a25, hkex, "Explain: the Group sells software and uses no packaging.") == "explained"
    )


def titles_only_report(tmp_path, body: str, codes: list[str]) -> object:
    """A report whose HKEX index prints codes and titles only: no column names a section."""
    lines = [
        *OPENING,
        "Our Environment",
        body,
        FILLER * 3,
        "",
        "HKEX ESG Reporting Guide Content Index",
        *(f"{code} {ROWS[code]}" for code in codes),
    ]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check(path).reports[0]
    assert result.error is None, result.error
    return result


CODES = ["A1", "A1.2", "A1.3", "A2.5", "B1", "B1.1", "B2", "B3", "B4"]


def test_a_row_whose_index_names_no_section_is_judged_on_the_whole_report_and_says_so(tmp_path):
    result = titles_only_report(tmp_path, f"{SCOPE1_ONLY} {PEOPLE}", CODES)
    [found] = [f for f in result.findings if f.rule == "ESG501" and f.code == "A1.2"]
    assert "the whole report" in found.message and "Scope 2" in found.expected
    # no packaging anywhere in the report: A2.5 is unsupported by the whole report, and says so
    [packaging] = [f for f in result.findings if f.code == "A2.5"]
    assert packaging.rule == "ESG502" and "the whole report" in packaging.message


def test_the_whole_report_evidencing_a_kpi_is_complete(tmp_path):
    result = titles_only_report(tmp_path, f"{COMPLETE_GHG} {PEOPLE}", CODES)
    assert [code for _, code in evidence_findings(result)] == ["A1.3", "A2.5"]  # no waste, no packaging
    assert (hkex(result).evidence["complete"], hkex(result).evidence["partial"]) == (7, 2)


def test_a_standalone_index_is_not_judged_on_its_own_few_lines(tmp_path):
    path = tmp_path / "index.txt"
    rows = "\n".join(f"{code} {ROWS[code]}" for code in CODES)
    path.write_text(f"HKEX ESG Reporting Guide Content Index\n{rows}\n", encoding="utf-8")
    result = check(path).reports[0]
    assert evidence_findings(result) == []
    assert hkex(result).evidence["complete"] == hkex(result).evidence["partial"] == 0


def test_a_term_is_found_with_other_word_endings():
    from checker.evidence import any_found

    assert any_found(["average training hours"], "the average trained hours were 12")
    assert any_found(["water withdrawal"], "total water withdrawals by source")
    assert not any_found(["scope 1"], "scope 12 of the plan")
    assert not any_found(["average training hours"], "the average salary was raised")


def test_a_kpi_that_points_only_to_a_website_is_at_most_partial(tmp_path):
    rows = [*BASE, ("Environmental Data", "A2.5", "See www.greenfield.com/esg-data")]
    result = report(tmp_path, SECTIONS, rows)
    [found] = [f for f in result.findings if f.code == "A2.5"]
    assert (found.rule, found.kind) == ("ESG501", "partial")
    assert "www.greenfield.com/esg-data" in found.message and found.expected == "its figures in the report"


def test_a_website_beside_a_section_is_read_as_usual(tmp_path):
    rows = [*BASE, ("Environmental Data", "A2.5", "Packaging is reported on www.greenfield.com and here.")]
    result = report(tmp_path, SECTIONS, rows)
    assert [f for f in result.findings if f.code == "A2.5"] == []


def test_a_partial_kpi_whose_missing_parts_are_in_another_section_names_it(tmp_path):
    sections = {
        **SECTIONS,
        "Environmental Data": SCOPE1_ONLY,
        "Carbon Footprint": "Scope 2 emissions were 3,400 tCO2e; our intensity was 0.8 tCO2e per employee.",
    }
    rows = [row if row[1] != "A1" else ("Carbon Footprint", "A1", "") for row in BASE]
    result = report(tmp_path, sections, rows)
    [found] = [f for f in result.findings if f.rule == "ESG501"]
    assert found.code == "A1.2"
    assert 'section "Environmental Data"' in found.message
    assert 'section "Carbon Footprint"' in found.message and found.fix.startswith(
        'Point the row to section "Carbon'
    )


STALE_GHG = (
    "GHG emissions (tCO2e) 2021 2022\n"
    "Scope 1 1,100 1,250\n"
    "Scope 2 3,000 3,400\n"
    "Intensity (tCO2e per employee) 0.9 0.8"
)


def test_a_kpi_whose_tables_give_only_earlier_years_is_partial(tmp_path):
    result = report(tmp_path, {**SECTIONS, "Environmental Data": STALE_GHG}, BASE)
    [found] = [f for f in result.findings if f.rule == "ESG501"]
    assert found.code == "A1.2"
    assert found.expected == "figures for 2024 (its tables give 2021, 2022)"


def test_a_table_of_the_reporting_year_or_a_base_year_mentioned_is_no_stale_figure(tmp_path):
    current = STALE_GHG.replace("2021 2022", "2023 2024")
    baseline = f"{COMPLETE_GHG} Against our 2019 baseline emissions fell by 12%."
    short = STALE_GHG.replace("2021 2022", "FY22 FY23")
    for body in (current, baseline, short):
        result = report(tmp_path, {**SECTIONS, "Environmental Data": body}, BASE)
        assert evidence_findings(result) == [], body


def test_a_coverage_table_too_wide_without_its_counts_drops_its_claims_at_80_columns():
    """A long claim level beside SASB's version still fits 80 columns: the claims (named in the header
    above) leave the table, and a framework no catalog covers says so under it."""
    from rich.console import Console

    from checker.render import terminal
    from checker.result import Coverage, ReportResult

    counts = {"complete": 115, "partial": 12, "unsupported": 20, "explained": 14, "not_checked": 31}
    numbers = {"required": 12, "listed": 6, "complete": 4, "partial": 0, "missing": 6, "findings": 7}
    gri = Coverage("GRI", "gri_2016", "2016", "in-accordance-comprehensive", **numbers, evidence=counts)
    sasb = Coverage("SASB", "sasb_tc_hw", "2023-12", "with-reference", **numbers, evidence={"complete": 4})
    other = Coverage(
        "SASB TC-SC", None, "", "", 0, 5, 0, 0, 0, 0, "no bundled catalog: rows kept, not checked"
    )
    result = ReportResult(path="report.txt", coverage=[gri, sasb, other])
    console = Console(record=True, width=80, color_system=None)
    console.print(terminal._coverage(result, console))
    text = console.export_text()
    rows = coverage_rows(text)
    assert [row[0].split("│")[1].strip() for row in rows] == ["GRI 2016", "SASB 2023-12", "SASB TC-SC"]
    assert all(len(row) == 1 and len(row[0]) <= 80 for row in rows), text
    assert "in-accordance-comprehensive" not in text and "Claim" not in text
    assert any(
        line.startswith("GRI 2016") and "115 complete, 12 partial" in line for line in text.splitlines()
    )
    assert any(line.startswith("SASB TC-SC") and "no bundled catalog" in line for line in text.splitlines())
    wide = Console(record=True, width=200, color_system=None)
    wide.print(terminal._coverage(result, wide))
    text = wide.export_text()
    assert "in-accordance-comprehensive" in text and len(coverage_rows(text)) == 3
