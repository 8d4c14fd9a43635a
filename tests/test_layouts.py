"""Index layouts and code spellings that real reports use, on small drafts written here."""

from __future__ import annotations

from checker import check

PERIOD = "This report covers the year ended 31 December 2023.\n\n"


def entries(tmp_path, text: str, name: str = "draft.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = check(path).reports[0]
    assert report.error is None, report.error
    return report


def test_code_aliases_name_the_catalog_code(tmp_path):
    report = entries(
        tmp_path,
        "# Report 2023\n\n" + PERIOD + "# Emissions\n\nText.\n\n# Employment\n\nText.\n\n"
        "| Indicator | Description | Section |\n|---|---|---|\n"
        "| Aspect A1 | Emissions | Emissions |\n"
        "| KPI A1.2 | Direct (Scope 1) and energy indirect (Scope 2) greenhouse gas emissions "
        "(in tonnes) and, where appropriate, intensity (e.g. per unit of production volume, "
        "per facility). | Emissions |\n"
        "| B1 General Disclosure | Employment | Employment |\n"
        "| GRI 305-1 | Direct (Scope 1) GHG emissions | Emissions |\n"
        "| Disclosure 305-4 | GHG emissions intensity | Emissions |\n",
    )
    assert [(e.framework, e.code) for e in report.entries] == [
        ("HKEX", "A1"), ("HKEX", "A1.2"), ("HKEX", "B1"), ("GRI", "305-1"), ("GRI", "305-4"),
    ]  # fmt: skip
    assert [e.label for e in report.entries][2:] == [
        "Employment", "Direct (Scope 1) GHG emissions", "GHG emissions intensity",
    ]  # fmt: skip
    assert [f for f in report.findings if f.kind != "missing"] == []


GRI_PAGES = (
    "# Climate\n\nWe report emissions.\n\n# Our People\n\nWe hire.\n\n"
    "This report has been prepared with reference to the GRI Standards.\n\n"
    "GRI Content Index\n"
    "GRI 305: Emissions 2016\n"
    "305-1 Direct (Scope 1) GHG emissions 12\n"
    "305-2 Energy indirect (Scope 2) GHG emissions 12, 14\n"
    "305-3 Other indirect (Scope 3) GHG emissions 13\n"
    "305-4 Other indirect (Scope 3) GHG emissions 13\n"
    "305-5 Reduction of GHG emissions Climate\n"
    "Organizational profile\n"
    "102-1 Name of the organization Example Holdings Ltd.\n"
    "102-3 Location of headquarters Hong Kong\n"
    "GRI 401: Employment 2016\n"
    "401-1 New employee hires and employee turnover Our People\n"
)


def test_title_then_location_on_one_line_is_cut_at_the_title(tmp_path):
    report = entries(tmp_path, GRI_PAGES, "index.txt")
    rows = {(e.code, e.line): (e.label, e.section) for e in report.entries}
    assert sorted(rows.values()) == sorted([
        ("Direct (Scope 1) GHG emissions", "12"),
        ("Energy indirect (Scope 2) GHG emissions", "12, 14"),
        ("Other indirect (Scope 3) GHG emissions", "13"),
        ("Other indirect (Scope 3) GHG emissions", "13"),
        ("Reduction of GHG emissions", "Climate"),
        ("Name of the organization", ""),
        ("Location of headquarters", "Hong Kong"),
        ("New employee hires and employee turnover", "Our People"),
    ])  # fmt: skip
    flagged = sorted((f.kind, f.code) for f in report.findings if f.kind not in ("missing", "outdated-code"))
    assert flagged == [("duplicate-label", "305-4"), ("mislabeled", "305-4")]
    # "GRI 305: Emissions 2016", "Organizational profile": headings of the index, not sections.
    assert "section-not-found" not in {f.kind for f in report.findings}


def test_data_table_rows_are_metrics_not_titles(tmp_path):
    report = entries(
        tmp_path,
        "# Workforce\n\nThis report is prepared in accordance with the GRI Standards.\n\n"
        "ESG Performance Index\n"
        "ESG Metric 2021 2020 2019 GRI Indicator\n"
        "Voluntary Turnover 5.4% 3.6% 4.4% 401-1 -\n"
        "New Hires 11,000 9,500 8,700 401-1 -\n"
        "Involuntary Turnover 4.6% 3.9% 4.5% 401-1 -\n"
        "Total Employees that returned to work after\n"
        "Parental Leave\n"
        "2,328 2,833 1,747 401-3 -\n"
        "Compliance cases reported Fiscal Year No. 416 363 14.6%\n"
        "GRI 205-3,\n"
        "GRI 2-27, WEF\n"
        "Share of renewable energy 51.1% 47.6%4 7.5%\n"
        "GRI 302-1, SASB\n"
        "Energy intensity 0.117 0.136 -13.9%\n"
        "GRI 302-1, SASB\n"
        "Canada(11) 1,200+ 1,100+ 1,000+ 102-8 -\n",
        "data.txt",
    )
    rows = [(e.code, e.label, e.metric) for e in report.entries]
    assert rows == [
        ("401-1", "Voluntary Turnover", True),
        ("401-1", "New Hires", True),
        ("401-1", "Involuntary Turnover", True),
        ("401-3", "Total Employees that returned to work after Parental Leave", True),
        ("205-3", "Compliance cases reported Fiscal Year No.", True),
        ("2-27", "Compliance cases reported Fiscal Year No.", True),
        ("302-1", "Share of renewable energy", True),
        ("302-1", "Energy intensity", True),
        ("102-8", "Canada(11)", True),
    ]
    kinds = {f.kind for f in report.findings}
    assert kinds <= {"missing", "outdated-code"}, kinds  # metric names are not checked as titles


def test_rows_printing_one_part_each_of_a_metric_are_not_inconsistent(tmp_path):
    report = entries(
        tmp_path,
        "# Energy\n\nWe report with reference to the SASB Hardware standard.\n\n"
        "SASB Index\n"
        "TC-HW-410a.1 (1) Percentage of products by revenue Energy\n"
        "TC-HW-410a.1 (2) IEC 62474 declarable substances Energy\n"
        "TC-HW-430a.1 Percentage of Tier 1 supplier facilities audited Energy\n"
        "TC-HW-430a.1 Number of supplier audits Energy\n"
        "TC-HW-000.A Number of units produced by product category Energy\n"
        "TC-HW-000.C Percentage of production from owned facilities Energy\n"
        "TC-HW-410a.2 Percentage of eligible products meeting EPEAT registration Energy\n"
        "TC-HW-410a.4 Weight of end-of-life products and e-waste recovered Energy\n",
        "parts.txt",
    )
    flagged = {(f.kind, f.code) for f in report.findings if f.kind == "inconsistent-label"}
    assert flagged == {("inconsistent-label", "TC-HW-430a.1")}


def test_hkex_wording_without_its_examples_is_the_official_wording(tmp_path):
    report = entries(
        tmp_path,
        "# Report 2023\n\n" + PERIOD + "# Emissions\n\nText.\n\n# Employment\n\nText.\n\n"
        "| Indicator | Description | Section |\n|---|---|---|\n"
        "| KPI A1.2 | Direct (Scope 1) and energy indirect (Scope 2) greenhouse gas emissions "
        "(in tonnes) and, where appropriate, intensity. | Emissions |\n"
        "| KPI B1.1 | Total workforce by gender, employment type, age group and geographical "
        "region. | Employment |\n"
        "| KPI B1.2 | Employee turnover rate by gender. | Employment |\n",
    )
    flagged = [(f.kind, f.code) for f in report.findings if f.kind != "missing"]
    assert flagged == [("mislabeled", "B1.2")]  # dropping "age group and geographical region" is not


def test_one_row_of_several_codes_may_join_their_titles_or_print_the_standard(tmp_path):
    text = GRI_PAGES.replace(
        "305-1 Direct (Scope 1) GHG emissions 12\n305-2 Energy indirect (Scope 2) GHG emissions 12, 14\n",
        "305-1, 305-2 Direct (Scope 1) GHG emissions Energy indirect (Scope 2) GHG emissions 12\n",
    ).replace(
        "305-3 Other indirect (Scope 3) GHG emissions 13\n305-4 Other indirect (Scope 3) GHG emissions 13\n",
        "305-3, 305-4 Emissions 13\n",
    )
    text += "401-3 Parental leave Our People\n302-1 Energy consumption within the organization Climate\n"
    text += "305-6 Emissions of ODS\n"
    report = entries(tmp_path, text, "index.txt")
    joined = {e.code: (e.label, e.section) for e in report.entries if e.code in ("305-1", "305-2")}
    assert set(joined.values()) == {
        ("Direct (Scope 1) GHG emissions Energy indirect (Scope 2) GHG emissions", "12")
    }
    labels = {e.code: e.label for e in report.entries}
    assert (labels["305-3"], labels["305-6"]) == ("Emissions", "Emissions of ODS")  # "of ODS" is no location
    flagged = sorted(
        (f.kind, f.code, f.severity) for f in report.findings if f.code and f.code.startswith("305")
    )
    assert [f for f in flagged if f[1] != "305-6"] == [
        ("mislabeled", c, "warning") for c in ("305-3", "305-4")
    ]
    assert all("name of its standard" in f.message for f in report.findings if f.code in ("305-3", "305-4"))


JOINED = (
    "# Our People\n\nWe hire.\n\nThis report has been prepared with reference to the GRI Standards.\n"
    "Reporting period: 1 January to 31 December 2023.\n\n"
    "GRI Content Index\n"
    "Disclosure Title Status Page Remarks 2-1 Organizational details ● 6 2-2 Entities included in "
    "the organization's sustainability reporting ● 6 2-3 Reporting period, frequency and contact "
    "point ○ -Corporate website 2-4 Restatements of information ● 7\n"
    "Employment 3-3 Management of material topics ● 44 401-1 New employee hires and employee "
    "turnover ● 54~58 401-3 Parental leave ● 60\n"
    "Training and education 404-1 Average hours of training per year per employee ● 61 404-2 "
    "Programs for upgrading employee skills and transition assistance programs ● 62\n"
)


def test_rows_joined_on_one_line_are_split_at_each_code(tmp_path):
    report = entries(tmp_path, JOINED, "joined.txt")
    rows = [(e.code, e.label) for e in report.entries]
    assert rows == [
        ("2-1", "Organizational details"),
        ("2-2", "Entities included in the organization's sustainability reporting"),
        ("2-3", "Reporting period, frequency and contact point"),
        ("2-4", "Restatements of information"),
        ("3-3", "Management of material topics"),
        ("401-1", "New employee hires and employee turnover"),
        ("401-3", "Parental leave"),
        ("404-1", "Average hours of training per year per employee"),
        ("404-2", "Programs for upgrading employee skills and transition assistance programs"),
    ]
    assert [table.label for table in report.tables] == ["title"]
    assert [f for f in report.findings if f.kind not in ("missing", "not-checked")] == []


def test_a_mislabeled_row_inside_a_joined_line_is_caught(tmp_path):
    text = JOINED.replace("401-3 Parental leave", "401-3 Average hours of training per year per employee")
    report = entries(tmp_path, text, "joined.txt")
    flagged = [(f.kind, f.code) for f in report.findings if f.kind not in ("missing", "not-checked")]
    assert ("mislabeled", "401-3") in flagged


def test_compact_sibling_codes_and_a_row_after_the_previous_answer(tmp_path):
    report = entries(
        tmp_path,
        "# Emissions\n\nText.\n\nThis report has been prepared in accordance with the GRI Standards: "
        "Core option.\nReporting period: 1 January to 31 December 2021.\n\n"
        "GRI Content Index\n"
        "Climate action 103-1,2,3 Management approach ● 44 305-1 Direct (Scope 1) GHG emissions ● 66\n"
        "Appendix - Emissions Data 305-2 Energy indirect (Scope 2) GHG emissions\n"
        "Appendix - Emissions Data 305-3 Other indirect (Scope 3) GHG emissions\n"
        "Appendix - Emissions Data 305-4 GHG emissions intensity\n"
        "Emissions 305-5.\n"
        "Reduction of GHG emissions\n"
        "Appendix - Emissions Data 305-6 Emissions of ozone-depleting substances (ODS)\n"
        "Appendix - Emissions Data 305-7 Nitrogen oxides (NOx), sulfur oxides (SOx), and other "
        "significant air emissions\n",
        "compact.txt",
    )
    codes = [e.code for e in report.entries]
    assert codes == ["103-1", "103-2", "103-3", "305-1", "305-2", "305-3", "305-4", "305-5", "305-6", "305-7"]
    assert {e.label for e in report.entries if e.code.startswith("103")} == {"Management approach"}


def test_codes_cited_inside_a_row_do_not_start_rows(tmp_path):
    text = JOINED.replace("● 7\n", "● 7 see also 2-6 and disclosures under 2-7\n").replace(
        "● 6 2-2", "Annual report, pp. 2-5 2-2"
    )
    codes = [e.code for e in entries(tmp_path, text, "cited.txt").entries]
    assert (codes.count("2-5"), codes.count("2-6"), codes.count("2-7")) == (0, 0, 0)
    assert codes[:2] == ["2-1", "2-2"]


def test_a_header_ending_in_pages_does_not_hide_the_first_code(tmp_path):
    header = "Disclosure Description Chapters Pages 2-1"  # a page word, then a code that is no page range
    text = JOINED.replace("Disclosure Title Status Page Remarks 2-1", header)
    assert [e.code for e in entries(tmp_path, text, "pages.txt").entries][:2] == ["2-1", "2-2"]


def test_an_inverted_index_lists_codes_under_report_sections(tmp_path):
    report = entries(
        tmp_path,
        "# Climate commitments and status\n\nWe cut emissions.\n\n# Greening our operations\n\nText.\n\n"
        "# Supporting Our People\n\nText.\n\n"
        "Reporting Framework HKEx ESG Indexing GRI\n"
        "Climate commitments and status A1, A1.2, A1.5, A1.6; A4, A4.1 305-1, 305-2, 305-3.\n"
        "Restoring Our Green Planet 1. Greening our operations A1.6; A2, A2.3, A2.4; A3, A3.1\n"
        "Supporting Our People 1. A diverse work environment B1, B1.1; B4 405-1; 408-1 "
        "2. Fair compensation B1; B4, B4.1 401-1, 401-2, 401-3\n",
        "inverted.txt",
    )
    codes = [e.code for e in report.entries]
    assert codes[:9] == ["A1", "A1.2", "A1.5", "A1.6", "A4", "A4.1", "305-1", "305-2", "305-3"]
    assert len(codes) == 26
    assert {e.label for e in report.entries[:9]} == {""}  # no title column: nothing to check as one
    assert report.entries[0].section == "Climate commitments and status"
    assert report.entries[9].section.endswith("Greening our operations")
    assert [f for f in report.findings if f.kind in ("mislabeled", "inconsistent-label")] == []


def test_a_code_column_at_the_end_of_each_row_holds_no_title(tmp_path):
    report = entries(
        tmp_path,
        "# About us\n\nThis report has been prepared in accordance with the GRI Standards.\n\n"
        "DESCRIPTION FY 2021 FY 2020 GRI\n"
        "Name of the organization Example Holdings Inc. 2-1\n"
        "Location of headquarters Purchase, New York 2-1.\n"
        "Reporting period Calendar year 2021 2-3\n"
        "Total number of employees 24,000 21,000 2-7\n"
        "Markets served Pages 12-14 2-6\n"
        "Code of conduct Code of Conduct; Supplier Code of Conduct 2-23, 2-24\n"
        "Anti-corruption training 100% 100% 205-2\n"
        "Approach to tax Tax Strategy 207-1.\n"
        "Purpose, mission and values Purpose Statement; Who We Are 2-23 Governing purpose.\n"
        "Composition of the highest governance body 2022 Proxy Statement 2-9, 405, 405-1.\n",
        "trailing.txt",
    )
    codes = [e.code for e in report.entries]
    assert codes[:9] == ["2-1", "2-1", "2-3", "2-7", "2-6", "2-23", "2-24", "205-2", "207-1"]
    assert codes[9:] == ["2-23", "2-9", "405-1"]  # a theme after the code; a standard's number skipped
    assert all(e.metric for e in report.entries)  # the description is the row's, not a title to check
    assert [f for f in report.findings if f.kind not in ("missing", "not-checked")] == []


def test_small_sasb_tables_spread_over_the_report_add_up_to_an_index(tmp_path):
    topic = "# {name}\n\nWe discuss {name}.\n" + "Narrative text.\n" * 70
    table = "TOPIC ACCOUNTING METRIC 2020 2021 SASB CODE\n{rows}"
    rows = [
        "Number of units produced 26,196 68,089 TC-HW-000.A\n",
        "Number of data breaches 0 0 TC-HW-230a.1\n",
        "Percentage of products that contain IEC 62474 declarable substances 90% 92% TC-HW-410a.1\n",
        "Percentage of eligible products meeting ENERGY STAR criteria 80% 85% TC-HW-410a.3\n",
    ]
    text = "".join(
        topic.format(name=name) + table.format(rows=row)
        for name, row in zip(["Energy", "Security", "Products", "Efficiency"], rows, strict=True)
    )
    report = entries(tmp_path, text * 2, "spread.txt")  # one code a table, 70 lines apart: 8 in all
    assert len(report.entries) == 8 and all(e.metric for e in report.entries)
    assert [f for f in report.findings if f.severity in ("error", "warning") and f.kind != "missing"] == []


def test_a_column_of_numbers_before_the_code_and_codes_listed_in_brackets(tmp_path):
    report = entries(
        tmp_path,
        "# Climate\n\nText.\n\nThis report has been prepared in accordance with the GRI Standards: "
        "Core option.\nReporting period: 1 January to 31 December 2021.\n\n"
        "UNGC Principles GRI Standards Page and/or link Comment\n"
        " GRI 102-1: Name of the organisation 18\n"
        "6 GRI 102-8: Information on employees and other workers 75/76, 82\n"
        "1-10 GRI 102-14: Statement from senior decision-maker 3\n"
        "1-6, 7, 10 GRI 102-16: Values, principles, standards, and norms of behaviour 18, 20, 22-25\n"
        "7 GRI 103: Management Approach 2016 (including 103-1, 103-2, 103-3) 19, 35/36, 78\n"
        "7, 8 GRI 305-1: Direct (Scope 1) GHG emissions 90\n"
        "7, 8 GRI 305-2: Energy indirect (Scope 2) GHG emissions 90\n"
        "8 GRI 305-4: GHG emissions intensity 90\n",
        "numbers.txt",
    )
    rows = [(e.code, e.label) for e in report.entries]
    assert rows[:4] == [
        ("102-1", "Name of the organisation"),
        ("102-8", "Information on employees and other workers"),
        ("102-14", "Statement from senior decision-maker"),
        ("102-16", "Values, principles, standards, and norms of behaviour"),
    ]
    assert [code for code, _ in rows[4:]] == ["103-1", "103-2", "103-3", "305-1", "305-2", "305-4"]
    assert [f for f in report.findings if f.kind in ("mislabeled", "section-not-found")] == []


def test_a_label_opening_with_a_standards_name_is_the_standard_column(tmp_path):
    text = JOINED.replace("401-3 Parental leave ● 60", "401-3 GRI 3: Material Topics 2021 Our People 06")
    report = entries(tmp_path, text, "standard.txt")
    assert [f for f in report.findings if f.code == "401-3"] == []


def test_an_index_answering_in_long_prose_keeps_its_rows_and_reads_wrapped_titles(tmp_path):
    short = [
        ("2-1", "Organizational details"),
        ("2-2", "Entities included in the organization's sustainability reporting"),
        ("2-3", "Reporting period, frequency and contact point"),
        ("2-4", "Restatements of information"),
        ("2-6", "Activities, value chain and other business relationships"),
        ("2-7", "Employees"),
        ("2-8", "Workers who are not employees"),
        ("2-9", "Governance structure and composition"),
    ]
    long = [
        ("401-1", "New employee hires and employee turnover"),
        ("401-3", "Parental leave"),
        ("404-1", "Average hours of training per year per employee"),
    ]
    answer = "We describe our approach in detail across many lines of prose.\n"
    rows = "".join(f"Reporting Practice {code} {title}\n{answer}" for code, title in short)
    rows += "".join(f"Employment {code} {title}\n{answer * 90}" for code, title in long)
    rows += "Emissions 305-2 Energy indirect\n(Scope 2) GHG\nEmissions (2016)\nSee our Impact Report.\n"
    rows += "Reporting Practice 2-5 External\nassurance of\nSee About this Report.\n"
    rows += "GRI Table 2-7 A: Total number of employees by employment contract, by gender.\n"
    report = entries(tmp_path, "# Report 2023\n\n" + PERIOD + "GRI Content Index\n" + rows, "prose.txt")
    codes = [e.code for e in report.entries]
    assert codes == [code for code, _ in short + long] + ["305-2", "2-5"]
    assert report.entries[-2].label == "Energy indirect (Scope 2) GHG Emissions"
    assert [f for f in report.findings if f.kind not in ("missing", "not-checked")] == []


def test_codes_in_a_bracket_after_the_row_words_and_joined_titles_with_and(tmp_path):
    text = JOINED.replace(
        "Training and education 404-1",
        "Employment - Management approach\n(3-1; 3-2; 3-3)\nBoundary: internal\n"
        "2-5/2-6 External assurance and Activities, value chain and other business relationships ● 9\n"
        "Training and education 404-1",
    )
    report = entries(tmp_path, text, "bracket.txt")
    codes = [e.code for e in report.entries]
    assert codes[7:12] == ["3-1", "3-2", "3-3", "2-5", "2-6"]
    assert [f for f in report.findings if f.kind not in ("missing", "not-checked")] == []


def test_a_title_wrapped_with_its_words_moved_is_read_whole(tmp_path):
    text = GRI_PAGES.replace(
        "305-2 Energy indirect (Scope 2) GHG emissions 12, 14\n",
        "305-2 Energy indirect\nGHG emissions\n(Scope 2)\nNFS pp. 143; 181\n",
    )
    report = entries(tmp_path, text, "wrapped.txt")
    (row,) = [e for e in report.entries if e.code == "305-2"]
    assert row.label == "Energy indirect GHG emissions (Scope 2)"
    assert [f.severity for f in report.findings if f.code == "305-2"] in ([], ["info"])


def test_another_schemes_code_before_the_title_is_no_part_of_it(tmp_path):
    text = GRI_PAGES.replace("305-5 Reduction", "305-5 EN19 Reduction")  # a G4 code beside the GRI one
    report = entries(tmp_path, text, "other.txt")
    (row,) = [e for e in report.entries if e.code == "305-5"]
    assert (row.label, row.remark) == ("Reduction of GHG emissions", "EN19")


def test_a_cell_merged_over_the_code_and_label_columns_is_not_judged_as_a_title(tmp_path):
    """Word and PDF tables converted to Markdown print a merged cell in every column it spans: the
    text beside the code there may be another row's ("206-1 Expand renewable energy usage")."""
    report = entries(
        tmp_path,
        "# Report 2023\n\n" + PERIOD + "# Emissions\n\nText.\n\n"
        "| Standard | Disclosure | Title | Page |\n|---|---|---|---|\n"
        "| GRI 305 | 305-1 | Direct (Scope 1) GHG emissions | 12 |\n"
        "| GRI 305 | 305-2 | Energy indirect (Scope 2) GHG emissions | 12 |\n"
        "| GRI 305 | 305-3 | Other indirect (Scope 3) GHG emissions | 13 |\n"
        "| GRI 206 | | Legal actions for anti-competitive behavior, anti-trust, and monopoly "
        "practices | 40 |\n"
        "| Behavior | 206-1 Expand renewable energy usage | 206-1 Expand renewable energy usage | |\n"
        "| GRI 305 | 305-4 | GHG emissions intensity | 13 |\n",
    )
    labels = {e.code: e.label for e in report.entries}
    assert labels["206-1"] == "" and labels["305-4"] == "GHG emissions intensity"
    assert not [f for f in report.findings if f.code == "206-1" and f.rule.startswith("ESG10")]
