"""The content-index parser on the bundled real report (counts checked by hand, see README)."""

from __future__ import annotations

from collections import Counter

from conftest import EXAMPLE

# Counted by hand from lines 5491-6498 of the example: every code printed in a row,
# repeats included (B3 is printed in 10 sections, 2-27 in 3, ...).
ROWS_PER_FRAMEWORK = {"HKEX": 78, "GRI": 128, "SASB": 6}


def rows(report, code):
    return [e for e in report.entries if e.code == code]


def test_rows_per_framework(xiaomi):
    assert Counter(e.framework for e in xiaomi.entries) == ROWS_PER_FRAMEWORK


def test_hkex_paragraph_and_kpi_codes(xiaomi):
    codes = {e.code for e in xiaomi.entries if e.framework == "HKEX"}
    assert {"para 13", "para 14", "para 15"} <= codes
    expected_kpis = {f"A1.{n}" for n in range(1, 7)} | {f"B6.{n}" for n in range(1, 6)}
    assert expected_kpis <= codes
    assert len(codes) == 3 + 12 + 36  # every HKEX provision is listed at least once


def test_split_sasb_codes_are_joined_at_the_line_where_they_start(xiaomi):
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    sasb = [e for e in xiaomi.entries if e.framework == "SASB"]
    assert [e.code for e in sasb] == [
        "TC-HW-230a.1",
        "TC-HW-410a.4",
        "TC-HW-440a.1",
        "TC-HW-430a.1",
        "TC-HW-430a.2",
        "TC-HW-330a.1",
    ]
    for entry in sasb:
        assert lines[entry.line - 1].strip() == "TC-HW-"
    assert (
        sasb[0].label
        == "Description of approach to identifying and addressing data security risks in products"
    )


def test_multi_line_labels_are_joined(xiaomi):
    (g4162,) = rows(xiaomi, "416-2")
    assert g4162.label == (
        "Incidents of non-compliance concerning the health and safety impacts of products and services"
    )
    (g4012,) = rows(xiaomi, "401-2")
    assert g4012.label.endswith("not provided to temporary or part-time employees")
    (a12,) = rows(xiaomi, "A1.2")
    assert a12.label.startswith("Direct (Scope 1) and energy indirect (Scope 2)")
    assert a12.label.endswith("per unit of production volume, per facility).")


def test_quoted_hkex_paragraphs_are_one_label(xiaomi):
    (para13,) = rows(xiaomi, "para 13")
    assert para13.label.startswith('Governance Structure "A statement from the board')
    assert "(iii) how the board reviews progress" in para13.label
    assert para13.remark == ""
    b6 = rows(xiaomi, "B6")
    assert len(b6) == 4 and all(e.label.endswith('methods of redress."') for e in b6)


def test_general_disclosure_keeps_its_second_sentence(xiaomi):
    for entry in rows(xiaomi, "B3"):
        assert entry.label.endswith("Description of training activities.")


def test_remarks_are_kept_apart_from_labels(xiaomi):
    (g4162,) = rows(xiaomi, "416-2")
    assert g4162.remark.startswith("This year, Xiaomi experienced no incidents of non-compliance")
    (b1,) = rows(xiaomi, "B1")
    assert b1.label.endswith('and other benefits and welfare."')
    assert b1.remark.startswith("We strictly comply with the Labor Law")
    assert b1.remark.endswith('"Shared Success for Partners."')
    (last,) = rows(xiaomi, "402-1")
    assert last.remark == ""  # the assurance statement after the index is not a remark
    with_remarks = {e.code for e in xiaomi.entries if e.remark}
    assert with_remarks == {"A1", "A4.1", "B1", "B2", "B4", "B7", "416-2", "417-2", "418-1", "A1.1", "304-2"}


def test_section_names_are_kept_apart_from_labels_and_remarks(xiaomi):
    (b1,) = rows(xiaomi, "B1")
    assert b1.section == "Shared Success for Partners > Talent Nurturing"
    assert rows(xiaomi, "2-1")[0].section == "About Xiaomi"
    assert rows(xiaomi, "B5")[0].section == "Shared Success for Partners > Sustainable Supply Chai"
    assert rows(xiaomi, "305-4")[0].section == "Key Performance Indicators > Key Environmental Indicators"
    assert rows(xiaomi, "402-1")[0].section == "Key Performance Indicators > Other relevant indicators"
    for entry in xiaomi.entries:
        assert "Sustainable Supply" not in entry.label and "Sustainable Supply" not in entry.remark


def test_claims_are_read_from_the_statement_of_use(xiaomi):
    levels = {framework: claim.level for framework, claim in xiaomi.claims.items()}
    assert levels == {"HKEX": "comply-or-explain", "GRI": "with-reference", "SASB": "with-reference"}
    assert xiaomi.claims["GRI"].line in range(60, 75)
