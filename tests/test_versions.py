"""The catalog version a report is held to: its period, and the codes its index prints."""

from __future__ import annotations

import pytest

from checker import check

GRI_2016_ROWS = (
    "GRI Content Index\n"
    "102-1 Name of the organization About us\n"
    "102-3 Location of headquarters About us\n"
    "102-7 Scale of the organization About us\n"
    "102-14 Statement from senior decision-maker CEO Letter\n"
    "102-18 Governance structure Governance\n"
    "102-40 List of stakeholder groups Stakeholders\n"
    "103-1 Explanation of the material topic and its Boundary Climate\n"
    "305-1 Direct (Scope 1) GHG emissions Climate\n"
    "305-4 Other indirect (Scope 3) GHG emissions Climate\n"
)
BODY = (
    "Sustainability Report\n\n"
    "This report covers the period from 1 January {year} to 31 December {year}. It has been prepared "
    "in accordance with the GRI Standards: Core option.\n\n"
    "About us\nWe make bicycles.\n\nCEO Letter\nDear reader.\n\nGovernance\nA board of seven.\n\n"
    "Stakeholders\nCustomers and staff.\n\nClimate\nScope 1: 1,250 tCO2e.\n\n"
)


def run(tmp_path, year: int, rows: str = GRI_2016_ROWS):
    path = tmp_path / f"report-{year}.txt"
    path.write_text(BODY.format(year=year) + rows, encoding="utf-8")
    report = check(path).reports[0]
    assert report.error is None, report.error
    return report


def gri(report):
    return next(c for c in report.coverage if c.framework == "GRI")


def test_2016_codes_in_a_2021_report_are_valid(tmp_path):
    report = run(tmp_path, 2021)
    assert gri(report).version == "2016"
    assert not [f for f in report.findings if f.kind in ("outdated-code", "unknown-code")]
    assert [f.severity for f in report.findings if f.kind == "missing"] == ["info"]  # 7 of 36: no index here
    mislabeled = [(f.code, f.severity) for f in report.findings if f.kind == "mislabeled"]
    assert mislabeled == [("305-4", "error")]  # titles are still checked, against the 2016 set


def test_2016_codes_in_a_2023_report_are_outdated_with_their_successor(tmp_path):
    report = run(tmp_path, 2023)
    assert gri(report).version == "2021"
    outdated = {f.code: f for f in report.findings if f.kind == "outdated-code"}
    assert set(outdated) == {"102-1", "102-3", "102-7", "102-14", "102-18", "102-40", "103-1"}
    assert "2-22" in outdated["102-14"].message


def test_gri_2021_adopted_early_in_a_2021_report(tmp_path):
    rows = GRI_2016_ROWS
    for old, new in [
        ("102-1 Name of the organization", "2-1 Organizational details"),
        (
            "102-3 Location of headquarters",
            "2-2 Entities included in the organization's sustainability reporting",
        ),
        ("102-7 Scale of the organization", "2-6 Activities, value chain and other business relationships"),
        ("102-14 Statement from senior decision-maker", "2-22 Statement on sustainable development strategy"),
        ("102-18 Governance structure", "2-9 Governance structure and composition"),
        ("102-40 List of stakeholder groups", "2-29 Approach to stakeholder engagement"),
        ("103-1 Explanation of the material topic and its Boundary", "3-3 Management of material topics"),
    ]:
        rows = rows.replace(old, new)
    report = run(tmp_path, 2021, rows)
    assert gri(report).version == "2021"
    assert not [f for f in report.findings if f.kind in ("outdated-code", "unknown-code")]


def test_hkex_report_of_a_year_before_the_2016_guide_is_kept_not_checked(tmp_path):
    rows = "ESG Reporting Guide Content Index\n" + "".join(
        f"KPI {code} Description of something else entirely.\n"
        for code in ("A1.1", "A1.2", "A1.3", "A1.4", "A1.5", "A1.6", "A2.1", "A2.2", "A2.3")
    )
    path = tmp_path / "hkex-2015.txt"
    text = (
        "ESG Report {year}\n\nThis report covers the year ended 31 December {year} and complies with the "
        "ESG Reporting Guide of HKEX.\n\n"
    )
    path.write_text(text.format(year=2015) + rows, encoding="utf-8")
    report = check(path).reports[0]
    assert len(report.entries) == 9
    assert [f for f in report.findings if f.severity != "info"] == []
    (cover,) = [c for c in report.coverage if c.framework == "HKEX"]
    assert cover.catalog is None and "not checked" in cover.note
    path.write_text(text.format(year=2019) + rows, encoding="utf-8")  # the Guide before 2020 governs 2019
    report = check(path).reports[0]
    (cover,) = [c for c in report.coverage if c.framework == "HKEX"]
    assert cover.catalog == "hkex_c2_2016"
    missing = {f.code for f in report.findings if f.kind == "missing" and f.severity == "error"}
    assert {"A1", "A2.4", "A3.1"} <= missing and not {c for c in missing if "." in c and c > "B"}


CORE = [f"102-{n}" for n in [*range(1, 15), 16, 18, *range(40, 57)]] + ["103-1", "103-2", "103-3"]


def index_2016(codes) -> str:
    """A GRI 2016 index of these codes, each with its official title (from the catalog)."""
    from checker.catalog import shipped_catalogs

    (catalog,) = [c for c in shipped_catalogs() if c.id == "gri_2016"]
    return "GRI Content Index\n" + "".join(f"{c} {catalog.get(c).title} About us\n" for c in codes)


def test_core_claim_requires_the_core_disclosures(tmp_path):
    rows = index_2016([c for c in CORE if c != "102-14"])
    report = run(tmp_path, 2021, rows)
    assert report.claims["GRI"].level == "in-accordance-core"
    missing = [(f.code, f.severity) for f in report.findings if f.kind == "missing"]
    assert missing == [("102-14", "error")]  # 102-15, 102-17 ... are Comprehensive only: not even advice


def test_comprehensive_claim_requires_all_of_gri_102(tmp_path):
    path = tmp_path / "report.txt"
    body = BODY.format(year=2021).replace("Core option", "Comprehensive option")
    path.write_text(body + index_2016(CORE), encoding="utf-8")
    report = check(path).reports[0]
    assert report.claims["GRI"].level == "in-accordance-comprehensive"
    missing = {f.code for f in report.findings if f.kind == "missing" and f.severity == "error"}
    assert missing == {f"102-{n}" for n in [15, 17, *range(19, 40)]}


def test_gri_2016_claim_without_an_option_is_held_to_core(tmp_path):
    path = tmp_path / "report.txt"
    body = BODY.format(year=2021).replace(": Core option", "")
    path.write_text(body + index_2016([c for c in CORE if c != "102-56"]), encoding="utf-8")
    report = check(path).reports[0]
    assert report.claims["GRI"].level == "in-accordance"
    assert [(f.code, f.severity) for f in report.findings if f.kind == "missing"] == [("102-56", "error")]


def topic_rows(*rows: str) -> str:
    """A GRI 2021 index (so the 2021 set is chosen) with these topic rows."""
    return (
        "GRI Content Index\n2-1 Organizational details About us\n2-9 Governance structure and composition "
        "Governance\n2-22 Statement on sustainable development strategy CEO Letter\n2-29 Approach to "
        "stakeholder engagement Stakeholders\n3-2 List of material topics Climate\n3-3 Management of "
        "material topics Climate\n305-1 Direct (Scope 1) GHG emissions Climate\n"
        + "".join(f"{r}\n" for r in rows)
    )


def kinds(report, code):
    return sorted(f.kind for f in report.findings if f.code == code and f.severity != "info")


def test_a_2016_edition_306_2_in_a_2022_report_is_outdated_not_mislabeled(tmp_path):
    report = run(tmp_path, 2022, topic_rows("306-2 Waste by type and disposal method Climate"))
    (outdated,) = [f for f in report.findings if f.code == "306-2"]
    assert outdated.kind == "outdated-code"
    assert (
        "306-3, 306-4, 306-5" in outdated.message and "GRI 306: Effluents and Waste 2016" in outdated.message
    )


def test_the_2020_edition_of_306_2_is_read_as_such(tmp_path):
    report = run(tmp_path, 2022, topic_rows("306-2 Management of significant waste-related impacts Climate"))
    assert kinds(report, "306-2") == []


def test_a_2016_edition_still_allowed_in_its_year_is_neither_outdated_nor_mislabeled(tmp_path):
    report = run(tmp_path, 2020, GRI_2016_ROWS + "306-2 Waste by type and disposal method Climate\n")
    assert gri(report).version == "2016"
    assert kinds(report, "306-2") == []


def test_gri_303_of_2016_in_a_report_published_from_2021_names_its_2018_successor(tmp_path):
    report = run(tmp_path, 2021, GRI_2016_ROWS + "303-1 Water withdrawal by source Climate\n")
    (outdated,) = [f for f in report.findings if f.code == "303-1"]
    assert outdated.kind == "outdated-code" and "303-3" in outdated.message


@pytest.mark.parametrize(("year", "expected"), [(2019, []), (2021, ["outdated-code"])])
def test_an_earlier_title_with_a_word_added_then_an_answer_is_that_edition(tmp_path, year, expected):
    """ "Total water withdrawal by source" and the row's answer: the 2016 title of 303-1 with a word
    added, allowed in 2019 and outdated from 2021; never a label that is no title at all."""
    row = "303-1 Total water withdrawal by source • Operations section We do not have access to the data.\n"
    report = run(tmp_path, year, GRI_2016_ROWS + row)
    assert kinds(report, "303-1") == expected


@pytest.mark.parametrize(
    ("label", "severities"),
    [
        ("Explanation of the material topics and their boundaries", []),
        ("Explanation of the material topics and their limits", ["warning"]),  # another word: a change
    ],
)
def test_a_title_quoted_in_the_plural_is_its_title(tmp_path, label, severities):
    """ "Explanation of the material topics and their boundaries" quotes "... topic and its Boundary":
    the plural and its agreement ('their' for 'its') change no word of it."""
    row = "103-1 Explanation of the material topic and its Boundary Climate"
    report = run(tmp_path, 2020, GRI_2016_ROWS.replace(row, f"103-1 {label} Climate"))
    assert [f.severity for f in report.findings if f.code == "103-1"] == severities


def test_significant_spills_of_2016_remain_in_effect(tmp_path):
    report = run(tmp_path, 2023, topic_rows("306-3 Significant spills Climate"))
    assert kinds(report, "306-3") == []


def test_an_earlier_title_no_source_confirmed_keeps_its_row_silent(tmp_path):
    label = "Workers representation in formal joint management–worker health and safety committees"
    report = run(tmp_path, 2023, topic_rows(f"403-1 {label} Climate"))
    assert kinds(report, "403-1") == []


def test_an_earlier_title_two_witnesses_confirm_is_outdated(tmp_path):
    label = "Health and safety topics covered in formal agreements with trade unions"
    report = run(tmp_path, 2023, topic_rows(f"403-4 {label} Climate"))
    assert kinds(report, "403-4") == ["outdated-code"]


def test_a_withdrawn_disclosure_with_no_successor_says_so(tmp_path):
    report = run(tmp_path, 2023, topic_rows("306-4 Transport of hazardous waste Climate"))
    (outdated,) = [f for f in report.findings if f.code == "306-4"]
    assert outdated.message.endswith("withdrawn, with no direct successor")


BIODIVERSITY_2016 = (
    "304-1 Operational sites owned, leased, managed in, or adjacent to, protected areas and areas of "
    "high biodiversity value outside protected areas Climate",
    "304-2 Significant impacts of activities, products, and services on biodiversity Climate",
)
BIODIVERSITY_2024 = (
    "101-1 Policies to halt and reverse biodiversity loss Climate",
    "101-4 Identification of biodiversity impacts Climate",
    "101-5 Locations with biodiversity impacts Climate",
)


def test_gri_101_rows_in_a_2026_report_are_fine(tmp_path):
    report = run(tmp_path, 2026, topic_rows(*BIODIVERSITY_2024))
    assert gri(report).version == "2026"
    assert [f for f in report.findings if f.code and f.code.startswith("101-")] == []


def test_gri_101_adopted_early_in_a_2024_report(tmp_path):
    report = run(tmp_path, 2024, topic_rows(*BIODIVERSITY_2024))
    assert gri(report).version == "2026"
    assert [f for f in report.findings if f.kind == "unknown-code"] == []


def test_304_rows_in_a_2027_report_are_outdated_naming_gri_101(tmp_path):
    report = run(tmp_path, 2027, topic_rows(*BIODIVERSITY_2016))
    assert gri(report).version == "2027"
    outdated = {f.code: f.message for f in report.findings if f.kind == "outdated-code"}
    assert set(outdated) == {"304-1", "304-2", "305-1"}  # 305-1 is GRI 102's 102-5 from 2027
    assert "101-5" in outdated["304-1"] and "GRI 101: Biodiversity 2024" in outdated["304-1"]


def test_102_5_in_a_2021_report_is_ownership_and_legal_form(tmp_path):
    report = run(tmp_path, 2021, GRI_2016_ROWS + "102-5 Ownership and legal form About us\n")
    assert gri(report).version == "2016"
    assert kinds(report, "102-5") == []


def test_102_5_in_a_2027_report_is_the_climate_disclosure(tmp_path):
    rows = topic_rows("102-5 Scope 1 GHG emissions Climate", "102-6 Scope 2 GHG emissions Climate")
    report = run(tmp_path, 2027, rows)
    assert gri(report).version == "2027"
    assert kinds(report, "102-5") == [] and kinds(report, "305-1") == ["outdated-code"]
    old = run(tmp_path, 2027, topic_rows("102-5 Ownership and legal form About us"))
    (finding,) = [f for f in old.findings if f.code == "102-5" and f.severity != "info"]
    assert finding.kind == "outdated-code" and "2-1" in finding.message


def test_the_json_says_which_version_was_chosen_and_why(tmp_path):
    report = run(tmp_path, 2021)
    why = gri(report).version_reason
    assert why.startswith("GRI 2016:") and "2016 or 2021" in why and "102-1," in why
    assert report.to_dict()["coverage"][0]["version_reason"] == why
    later = run(tmp_path, 2024, topic_rows(*BIODIVERSITY_2024))
    assert "adopted early" in gri(later).version_reason and "101-1" in gri(later).version_reason
    plain = run(tmp_path, 2023, topic_rows("305-2 Energy indirect (Scope 2) GHG emissions Climate"))
    assert (
        gri(plain).version_reason == "GRI 2021: the version in force for the report year beginning 2023-01-01"
    )


HKEX_ONLY = "ESG Reporting Guide Content Index\n" + "".join(
    f"KPI {code} Description of emissions and resources About us\n"
    for code in ("A1.1", "A1.2", "A1.3", "A1.4", "A1.5", "A1.6", "A2.1", "A2.2")
)


def notes(report, framework):
    return [f for f in report.findings if f.framework == framework and f.kind == "missing"]


def test_a_claim_with_no_index_for_it_gets_one_note(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "ESG Report 2023\n\nThis report covers the year ended 31 December 2023. It complies with the "
        "ESG Reporting Guide of HKEX and was prepared with reference to the GRI Standards.\n\n" + HKEX_ONLY,
        encoding="utf-8",
    )
    report = check(path).reports[0]
    (note,) = notes(report, "GRI")
    assert note.severity == "info" and "prints no GRI index rows" in note.message


def test_an_index_published_elsewhere_is_one_note_quoting_the_statement(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "ESG Report 2023\n\nThis report covers the year ended 31 December 2023. It complies with the "
        "ESG Reporting Guide of HKEX and has been prepared in accordance with the GRI Standards.\n"
        "Our GRI Content Index is available on our website at www.example.com/gri.\n\n" + HKEX_ONLY,
        encoding="utf-8",
    )
    report = check(path).reports[0]
    (note,) = notes(report, "GRI")
    assert note.severity == "info" and note.line == 4
    assert '"Our GRI Content Index is available on our website at www.example.com/gri."' in note.message


def test_a_document_that_holds_its_own_index_is_not_read_as_elsewhere(tmp_path):
    from checker.catalog import shipped_catalogs
    from checker.claims import index_elsewhere
    from checker.document import Document

    (gri_2021,) = [c for c in shipped_catalogs() if c.id == "gri_2021"]
    inside = "This document includes a GRI Content Index listing where each disclosure can be found."
    assert index_elsewhere(Document("r.txt", [inside]), gri_2021) is None
    outside = "The detailed GRI Standard Index 2021 is available on our Sustainability website."
    assert index_elsewhere(Document("r.txt", [outside]), gri_2021) == (outside, 1)


def test_a_required_code_printed_in_a_row_that_could_not_be_read_is_not_called_missing(tmp_path):
    rows = index_2016([c for c in CORE if c not in ("103-1", "103-2", "103-3", "102-14")])
    rows += "Management approach 2016 (including 103-1, 103-2, 103-3) Climate\n"
    report = run(tmp_path, 2021, rows)
    assert [(f.code, f.severity) for f in report.findings if f.kind == "missing"] == [("102-14", "error")]


def test_hkex_2025_part_d_paragraphs_are_recognised_counted_and_never_judged(tmp_path):
    from checker import check
    from checker.catalog import code_key, shipped_catalogs

    hkex = next(c for c in shipped_catalogs() if c.id == "hkex_c2_2025")
    part_c = [d for d in hkex.disclosures.values() if d.wording_verified]
    rows = "".join(f"{d.code} {d.title} Environment\n" for d in part_c)
    rows += "Paragraph 19 How our board oversees climate matters Environment\n"  # free wording
    rows += "para 28 Our Scope 1 and Scope 2 emissions Environment\n"
    path = tmp_path / "hkex2025.txt"
    path.write_text(
        "ESG Report 2025\nThis report covers the year ended 31 December 2025 and complies with the "
        "HKEX ESG Reporting Code.\n\nEnvironment\nText.\n\nHKEX ESG Reporting Code Content Index\n" + rows,
        encoding="utf-8",
    )
    report = check(path).reports[0]
    assert report.error is None, report.error
    assert {"para19", "para28"} <= {code_key(e.code) for e in report.entries}
    part_d = [f for f in report.findings if f.code in {f"para {n}" for n in range(19, 42)}]
    assert {f.kind for f in part_d} == {"missing"} and {f.severity for f in part_d} == {"info"}
    assert {f.code for f in part_d} == {f"para {n}" for n in range(20, 42) if n != 28}
    assert all("not verified" in f.message for f in part_d)


def test_a_code_only_a_version_not_adopted_has_is_a_note_naming_that_version(tmp_path):
    """A 2023 index with GRI 304 rows and one GRI 101 row prints more codes of 2021 than of 2026: it
    stays held to 2021, and its 101-1 row is a disclosure of a later version, not a typo."""
    rows = topic_rows(*BIODIVERSITY_2016, "101-1 Policies to halt and reverse biodiversity loss Climate")
    report = run(tmp_path, 2023, rows)
    assert gri(report).version == "2021"
    (note,) = [f for f in report.findings if f.code == "101-1"]
    assert (note.rule, note.kind, note.severity) == ("ESG201", "unknown-code", "info")
    assert "GRI Standards 2026 (years beginning 2025-01-01 to 2026-12-31)" in note.message
    assert note.expected == "Policies to halt and reverse biodiversity loss"
    typo = run(tmp_path, 2023, topic_rows("308-4 Supplier audits Climate"))
    assert [(f.code, f.severity) for f in typo.findings if f.kind == "unknown-code"] == [("308-4", "error")]
