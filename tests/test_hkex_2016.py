"""The HKEX ESG Reporting Guide before its 2020 amendments (frameworks/hkex_c2_2016.yaml): which
reports it governs, its two levels ("comply or explain" and recommended), and what a report of its
years may print that the Guide of the time did not have (the 2020 wording, Aspect A4)."""

from __future__ import annotations

from functools import cache

from checker import check
from checker.catalog import shipped_catalogs


@cache
def catalog(catalog_id: str):
    return next(c for c in shipped_catalogs() if c.id == catalog_id)


def index_rows(catalog_id: str = "hkex_c2_2016", skip=(), labels=None, extra=()) -> str:
    """An HKEX index of every provision of a catalog, each with its own title (or the label given)."""
    labels = labels or {}
    rows = [
        f"KPI {d.code} {labels.get(d.code, d.title)} Our Environment\n"
        for d in catalog(catalog_id).disclosures.values()
        if d.code not in skip and not d.code.startswith("para")
    ]
    return "ESG Reporting Guide Content Index\n" + "".join(rows) + "".join(f"{row}\n" for row in extra)


def run(tmp_path, period: str, rows: str | None = None, **options):
    path = tmp_path / "esg.txt"
    path.write_text(
        f"ESG Report\n\nThis report covers the period from {period}. It complies with the "
        "ESG Reporting Guide of HKEX.\n\nOur Environment\nWe report our emissions, waste and people.\n\n"
        + (rows if rows is not None else index_rows()),
        encoding="utf-8",
    )
    report = check(path, **options).reports[0]
    assert report.error is None, report.error
    return report


def hkex(report):
    (cover,) = [c for c in report.coverage if c.framework == "HKEX"]
    return cover


def serious(report):
    return [(f.rule, f.code) for f in report.findings if f.severity != "info"]


def test_a_2019_report_is_held_to_the_guide_before_the_2020_amendments(tmp_path):
    report = run(tmp_path, "1 January 2019 to 31 December 2019")
    cover = hkex(report)
    assert (cover.catalog, cover.version) == ("hkex_c2_2016", "2016")
    reason = "HKEX 2016: the version in force for the report year beginning 2019-01-01"
    assert cover.version_reason == reason
    assert (
        next(c for c in report.to_dict()["coverage"] if c["framework"] == "HKEX")["version_reason"] == reason
    )
    assert serious(report) == []
    # 11 General Disclosures and 12 environmental KPIs are "comply or explain"; the social KPIs are not
    assert (cover.required, cover.missing) == (23, 0)


def test_the_header_names_the_version_and_why(tmp_path):
    from click.testing import CliRunner

    from checker.cli import main

    run(tmp_path, "1 January 2019 to 31 December 2019")
    out = CliRunner().invoke(main, [str(tmp_path / "esg.txt"), "--no-color"]).output
    assert "HKEX 2016: the version in force for the report year beginning" in " ".join(out.split())


def test_a_year_begun_in_january_2020_is_held_to_the_guide_before_the_amendments(tmp_path):
    cover = hkex(run(tmp_path, "1 January 2020 to 31 December 2020"))
    assert cover.version == "2016" and "beginning 2020-01-01" in cover.version_reason


def test_a_year_begun_in_july_2020_is_held_to_the_2020_guide(tmp_path):
    report = run(tmp_path, "1 July 2020 to 30 June 2021", index_rows("hkex_c2"))
    cover = hkex(report)
    assert (cover.catalog, cover.version) == ("hkex_c2", "2023")
    assert cover.version_reason == "HKEX 2023: the version in force for the report year beginning 2020-07-01"


def test_a_year_begun_before_2016_is_kept_not_checked(tmp_path):
    report = run(
        tmp_path, "1 January 2015 to 31 December 2015", index_rows(labels={"A1.1": "Something else"})
    )
    assert len(report.entries) == len(catalog("hkex_c2_2016").disclosures) and serious(report) == []
    assert hkex(report).catalog is None and "not checked" in hkex(report).note


def test_the_2020_wording_of_a_reworded_kpi_is_no_mislabel_before_2020(tmp_path):
    """An editor who prints the wording the Guide was about to adopt (A1.5 "emissions target(s)")
    quotes an official wording of that KPI, and says more than the year asks: nothing to flag."""
    reworded = {
        code: catalog("hkex_c2").get(code).title for code in ("A1.2", "A1.5", "A1.6", "A2.3", "A2.4", "B1.1")
    }
    assert all(catalog("hkex_c2_2016").get(code).title != title for code, title in reworded.items())
    report = run(tmp_path, "1 January 2019 to 31 December 2019", index_rows(labels=reworded))
    assert [f for f in report.findings if f.code in reworded] == []


def test_a_label_of_another_kpi_is_still_mislabeled(tmp_path):
    mislabeled = {"A1.1": catalog("hkex_c2_2016").get("A1.2").title}
    report = run(tmp_path, "1 January 2019 to 31 December 2019", index_rows(labels=mislabeled))
    (found,) = [f for f in report.findings if f.code == "A1.1"]
    assert (found.rule, found.severity) == ("ESG101", "error") and "title of A1.2" in found.message


def test_a_label_of_a_kpi_whose_wording_is_unverified_is_never_judged(tmp_path):
    rows = index_rows(extra=["KPI B4.1 Describe measures to review recruitment practices Our Environment"])
    report = run(tmp_path, "1 January 2019 to 31 December 2019", rows)
    assert [f for f in report.findings if f.code == "B4.1"] == []


def test_a_missing_recommended_kpi_is_advice_and_a_missing_environmental_kpi_an_error(tmp_path):
    report = run(tmp_path, "1 January 2019 to 31 December 2019", index_rows(skip={"B1.1", "A2.2"}))
    missing = {f.code: f for f in report.findings if f.kind == "missing"}
    assert set(missing) == {"B1.1", "A2.2"}
    assert missing["A2.2"].severity == "error"
    assert missing["B1.1"].severity == "info" and "recommended-disclosures" in missing["B1.1"].message
    assert hkex(report).missing == 1  # B1.1 is not required at the claim


def test_environmental_kpis_were_recommended_in_a_year_begun_in_2016(tmp_path):
    report = run(tmp_path, "1 January 2016 to 31 December 2016", index_rows(skip={"A2.2", "A1"}))
    missing = {f.code: f.severity for f in report.findings if f.kind == "missing"}
    assert missing == {"A2.2": "info", "A1": "error"}  # General Disclosures: comply or explain from 2016
    assert hkex(report).required == 11


def test_a_report_held_to_the_recommended_disclosures_on_request(tmp_path):
    report = run(
        tmp_path,
        "1 January 2019 to 31 December 2019",
        index_rows(skip={"B1.1"}),
        claims={"HKEX": "recommended-disclosures"},
    )
    assert [(f.code, f.severity) for f in report.findings if f.kind == "missing"] == [("B1.1", "error")]


def test_an_aspect_a4_row_before_2020_is_a_note_naming_the_2020_guide(tmp_path):
    """Aspect A4 came with the 2020 amendments: a 2019 report that adds a climate row says more than
    its year asks. It stays held to the Guide of its year (no B5.3, B5.4, B7.3 asked of it)."""
    a4 = catalog("hkex_c2").get("A4")
    report = run(
        tmp_path, "1 January 2019 to 31 December 2019", index_rows(extra=[f"A4 {a4.title} Our Environment"])
    )
    assert hkex(report).version == "2016" and serious(report) == []
    (note,) = [f for f in report.findings if f.code == "A4"]
    assert (note.rule, note.severity) == ("ESG201", "info")
    assert "HKEX ESG Reporting Guide (Appendix C2) 2023" in note.message and "2020-07-01" in note.message


def test_a_2019_report_that_lists_all_the_2020_guide_adds_has_adopted_it_early(tmp_path):
    report = run(tmp_path, "1 January 2019 to 31 December 2019", index_rows("hkex_c2"))
    cover = hkex(report)
    assert cover.version == "2023" and "adopted early" in cover.version_reason
    assert "held to 2016" in cover.version_reason
    assert serious(report) == []


def test_an_index_that_states_no_date_is_held_to_the_version_whose_titles_it_prints(tmp_path):
    """A standalone index with no reporting period: the 2016 wording tells the Guide of 2016 from
    the later versions, which hold the same codes (without A4, B5.3, B5.4, B7.3 printed)."""
    path = tmp_path / "index.txt"
    path.write_text(index_rows(), encoding="utf-8")
    report = check(path).reports[0]
    cover = hkex(report)
    assert report.period is None
    assert cover.catalog == "hkex_c2_2016"
    assert "its titles are the ones the index prints" in cover.version_reason
    assert serious(report) == []


def test_an_undated_index_of_the_2020_wording_is_held_to_the_2020_guide(tmp_path):
    path = tmp_path / "index.txt"
    path.write_text(index_rows("hkex_c2", skip=("A4", "A4.1", "B5.3", "B5.4", "B7.3")), encoding="utf-8")
    cover = hkex(check(path).reports[0])
    assert (cover.catalog, cover.version) == ("hkex_c2", "2023")
    assert "its titles are the ones the index prints" in cover.version_reason
