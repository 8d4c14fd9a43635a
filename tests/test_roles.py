"""What each column of an index holds is decided per table, and rules read only what they can.

Small indexes written here, one per kind of column: titles, answers, section names of this
report, topics and other documents, and a standalone index whose references point elsewhere.
"""

from __future__ import annotations

from checker import check

BODY = (
    "Annual Sustainability Report 2023\n\n"
    "This report covers the year ended 31 December 2023. "
    "It is prepared with reference to the GRI Standards.\n\n"
    + "".join(
        f"{name}\n{text}\n\n"
        for name, text in [
            ("Our Company", "We make bicycles in Utrecht and sell them across Europe." * 3),
            ("Climate Action", "Scope 1 emissions were 1,250 tCO2e; Scope 2 emissions 3,400 tCO2e." * 3),
            ("Our People", "We employ 412 people, 38% of them women, in four countries." * 3),
            ("Governance", "The board of seven directors oversees sustainability." * 3),
            ("Waste and Water", "We recycled 84% of our waste and withdrew 12 ML of water." * 3),
        ]
    )
    + "GRI Content Index\n"
)


def run(tmp_path, index: str, body: str = BODY):
    path = tmp_path / "report.txt"
    path.write_text(body + index, encoding="utf-8")
    report = check(path).reports[0]
    assert report.error is None, report.error
    return report


def not_missing(report):
    return sorted((f.rule, f.code) for f in report.findings if f.kind != "missing")


def test_title_column_is_checked(tmp_path):
    report = run(
        tmp_path,
        "2-1 Organizational details Our Company\n"
        "2-7 Employees Our People\n"
        "2-9 Governance structure and composition Governance\n"
        "305-1 Direct (Scope 1) GHG emissions Climate Action\n"
        "305-2 Energy indirect (Scope 2) GHG emissions Climate Action\n"
        "305-4 Other indirect (Scope 3) GHG emissions Climate Action\n"
        "306-3 Waste generated Waste and Water\n"
        "303-3 Water withdrawal Waste and Water\n",
    )
    assert len(report.entries) == 8
    (table,) = report.tables
    assert (table.label, table.notes) == ("title", [])
    assert ("ESG101", "305-4") in not_missing(report)


def test_answer_column_is_not_checked_as_titles(tmp_path):
    report = run(
        tmp_path,
        "2-1 Utrecht, the Netherlands; a private limited company\n"
        "2-7 412 employees, 38% women, see Our People\n"
        "2-9 A board of seven directors, see Governance\n"
        "305-1 1,250 tCO2e in 2023, down 6% from 2022\n"
        "305-2 3,400 tCO2e (location-based)\n"
        "305-4 0.8 tCO2e per million euros of revenue\n"
        "306-3 84% of our waste was recycled\n"
        "303-3 12 ML withdrawn, all from municipal supply\n",
    )
    assert len(report.entries) == 8
    (table,) = report.tables
    assert table.label == "text"
    assert not_missing(report) == [("ESG001", None)]  # one note for the table, no row findings
    (note,) = [f for f in report.findings if f.rule == "ESG001"]
    assert note.severity == "info" and "labels not checked" in note.message


def test_topic_and_document_column_is_not_checked_as_sections(tmp_path):
    report = run(
        tmp_path,
        "Economic Performance\n"
        "201-1 Direct economic value generated and distributed Annual Report 2023, p. 12\n"
        "Procurement Practices\n204-1 Proportion of spending on local suppliers CDP Climate Response\n"
        "Anti-corruption\n205-1 Operations assessed for risks related to corruption Code of Conduct\n"
        "Energy Performance\n302-1 Energy consumption within the organization Proxy Statement\n"
        "Water Stewardship\n303-3 Water withdrawal Water Policy\n"
        "Supplier Screening\n"
        "308-1 New suppliers that were screened using environmental criteria Supplier Code\n"
        "Employment Practices\n401-1 New employee hires and employee turnover Form 10-K\n"
        "Training Programmes\n404-1 Average hours of training per year per employee HR Policy\n",
    )
    assert len(report.entries) == 8
    (table,) = report.tables
    assert table.label == "title"
    assert table.location == "unresolved"
    assert not [f for f in report.findings if f.rule == "ESG401"]
    assert [f.rule for f in report.findings if f.rule == "ESG001"] == ["ESG001"]


def test_section_column_names_a_missing_section(tmp_path):
    report = run(
        tmp_path,
        "Our Company\n2-1 Organizational details\n"
        "Our People\n2-7 Employees\n"
        "Governance\n2-9 Governance structure and composition\n"
        "Climate Action\n305-1 Direct (Scope 1) GHG emissions\n"
        "305-2 Energy indirect (Scope 2) GHG emissions\n"
        "305-4 GHG emissions intensity\n"
        "Waste and Watr\n306-3 Waste generated\n"
        "303-3 Water withdrawal\n",
    )
    (table,) = report.tables
    assert table.location == "section"
    flagged = [f for f in report.findings if f.rule == "ESG401"]
    assert [(f.found, f.expected) for f in flagged] == [("Waste and Watr", "Waste and Water")]


def test_standalone_index_references_point_to_the_main_report(tmp_path):
    index = "".join(
        f"{section}\n{code} {title}\n"
        for section, code, title in [
            ("Company Profile", "2-1", "Organizational details"),
            ("Our Workforce", "2-7", "Employees"),
            ("Board of Directors", "2-9", "Governance structure and composition"),
            ("Our Company", "2-6", "Activities, value chain and other business relationships"),
            ("Climate Strategy", "305-1", "Direct (Scope 1) GHG emissions"),
            ("Climate Strategy", "305-2", "Energy indirect (Scope 2) GHG emissions"),
            ("Circularity", "306-3", "Waste generated"),
            ("Water Stewardship", "303-3", "Water withdrawal"),
        ]
    )
    body = "GRI Content Index 2023\nThis index accompanies our Sustainability Report 2023.\n\n"
    report = run(tmp_path, index * 2, body=body)
    assert {table.location for table in report.tables} == {"main-report"}
    assert not [f for f in report.findings if f.rule == "ESG401"]
    assert any("standalone index" in f.message for f in report.findings if f.rule == "ESG001")


def test_a_stray_fragment_in_a_title_column_is_not_judged_as_a_title(tmp_path):
    report = run(
        tmp_path,
        "2-1 Organizational details Our Company\n"
        "2-7 Employees Our People\n"
        "2-9 Governance structure and composition Governance\n"
        "305-1 Direct (Scope 1) GHG emissions Climate Action\n"
        "305-2 (2016)\n"
        "305-4 table for more detail.\n"
        "306-3 Waste generated Waste and Water\n"
        "303-3 Water withdrawal Waste and Water\n",
    )
    (table,) = report.tables
    assert table.label == "title"
    assert not [f for f in report.findings if f.code in ("305-2", "305-4") and f.kind != "missing"]


def test_another_frameworks_index_title_starts_a_table_with_roles_of_its_own(tmp_path):
    report = run(
        tmp_path,
        "Our Company\n2-1 Organizational details\n2-7 Employees\n2-9 Governance structure and composition\n"
        "Climate Action\n305-1 Direct (Scope 1) GHG emissions\n"
        "305-2 Energy indirect (Scope 2) GHG emissions\n"
        "Waste and Water\n306-3 Waste generated\n303-3 Water withdrawal\n303-4 Water discharge\n"
        "SASB Index\n"
        "TOPIC SASB CODE ACCOUNTING METRIC\n"
        "Product Security\nTC-HW-230a.1 Description of approach to identifying and addressing data security\n"
        "risks in products\nProduct Lifecycle Management\n"
        "TC-HW-410a.1 Percentage of products by revenue that contain IEC 62474 declarable substances\n"
        "Percentage of eligible products by revenue certified\n"
        "TC-HW-410a.2 Percentage of eligible products by revenue meeting EPEAT criteria\n"
        "Supply Chain Management\nTC-HW-430a.1 Percentage of Tier 1 supplier facilities audited\n",
    )
    gri, sasb = report.tables
    assert (gri.location, sasb.location) == ("section", "unresolved")
    assert [f for f in report.findings if f.kind == "section-not-found"] == []


def test_a_running_footer_inside_the_index_is_no_section_name(tmp_path):
    footer = "Annual Sustainability Report 2023 {page}\n"
    body = BODY.replace("Our People\n", footer.format(page=3) + "Our People\n").replace(
        "Governance\n", footer.format(page=4) + "Governance\n"
    )
    report = run(
        tmp_path,
        "Our Company\n2-1 Organizational details\n"
        "Our People\n2-7 Employees\n" + footer.format(page=41) + "Governance\n"
        "2-9 Governance structure and composition\n"
        "Climate Action\n305-1 Direct (Scope 1) GHG emissions\n"
        "305-2 Energy indirect (Scope 2) GHG emissions\n"
        "305-4 GHG emissions intensity\n"
        "Waste and Water\n306-3 Waste generated\n"
        "303-3 Water withdrawal\n",
        body=body,
    )
    assert report.tables[0].location == "section"
    assert [f.found for f in report.findings if f.rule == "ESG401"] == []


def test_a_disclosure_title_or_a_wrapped_topic_over_rows_is_no_section_name(tmp_path):
    report = run(
        tmp_path,
        "Our Company\n2-1 Organizational details\n"
        "Our People\n2-7 Employees\n"
        "Governance structure and composition\n2-9 Governance structure and composition Governance\n"
        "Climate Action\n305-1 Direct (Scope 1) GHG emissions\n"
        "305-2 Energy indirect (Scope 2) GHG emissions\n"
        "Product\nLifecycle\nManagement\n"
        "TC-HW-410a.1 Percentage of products by revenue that contain IEC 62474 declarable substances\n"
        "Waste and Water\n306-3 Waste generated\n"
        "303-3 Water withdrawal\n",
    )
    assert report.tables[0].location == "section"
    assert [f.found for f in report.findings if f.rule == "ESG401"] == []


def test_a_sasb_block_naming_topics_in_a_table_whose_gri_block_names_sections(tmp_path):
    report = run(
        tmp_path,
        "Our Company\n2-1 Organizational details\n"
        "Our People\n2-7 Employees\n"
        "Governance\n2-9 Governance structure and composition\n"
        "Climate Action\n305-1 Direct (Scope 1) GHG emissions\n"
        "Waste and Water\n306-3 Waste generated\n"
        "Business Ethics\nFN-AC-510a.1 Total amount of monetary losses as a result of legal proceedings\n"
        "Fair Advice for Customers\nFN-AC-270a.2 Total amount of monetary losses from marketing\n"
        "Transparent Information\nFN-AC-270a.3 Description of approach to informing customers\n",
    )
    (table,) = report.tables
    assert (table.location, table.located) == ("section", ["GRI"])
    assert [f.found for f in report.findings if f.rule == "ESG401"] == []
    assert any("SASB" in note for note in table.notes)


def test_an_answer_between_rows_is_no_section_name(tmp_path):
    report = run(
        tmp_path,
        "Our Company\n2-1 Organizational details\n2-2 Entities included in the organization's "
        "sustainability reporting\n2-3 Reporting period, frequency and contact point\n"
        "Our People\n2-7 Employees\n"
        "Governance\n2-9 Governance structure and composition\n"
        "Climate Action\n305-1 Direct (Scope 1) GHG emissions\n"
        "305-7 Nitrogen oxides (NOx), sulfur oxides (SOx), and other\nsignificant air emissions\n"
        "Stack Emissions not applicable\n"
        "Waste and Water\n306-3 Waste generated\n",
    )
    assert [f.found for f in report.findings if f.rule == "ESG401"] == []
