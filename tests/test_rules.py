"""Every rule on a small report with one known defect, and a correct report with no finding."""

from __future__ import annotations

from conftest import CLEAN, line_of, variant

from checker import check


def findings(path, **options):
    report = check(path, **options).reports[0]
    assert report.error is None, report.error
    return report.findings


def kinds(found):
    return sorted((f.kind, f.framework, f.code, f.line) for f in found)


def test_correct_index_yields_no_finding():
    report = check(CLEAN).reports[0]
    assert len(report.entries) == 39
    assert report.findings == []
    assert check(CLEAN).exit_code() == 0


def test_label_of_another_code_is_mislabeled_and_shared(tmp_path):
    path = variant(
        tmp_path, ("305-4 GHG emissions intensity", "305-4 Other indirect (Scope 3) GHG emissions")
    )
    line = line_of(path, "305-4 Other")
    found = findings(path)
    assert kinds(found) == [("duplicate-label", "GRI", "305-4", line), ("mislabeled", "GRI", "305-4", line)]
    mislabeled = next(f for f in found if f.kind == "mislabeled")
    assert "title of 305-3" in mislabeled.message
    assert mislabeled.expected == "GHG emissions intensity" and mislabeled.severity == "error"


def test_a_shortened_title_is_no_other_codes_title_however_close_in_letters(tmp_path):
    """ "Indirect (Scope 2) GHG emissions" is 93 % of 305-1's title in letters, but it is 305-2's own
    title with a word dropped: quoted inexactly (info), as a word dropped from a longer title is, not
    the title of 305-1. Two words dropped are still info; three, a shortened title (warning)."""
    path = variant(
        tmp_path,
        ("305-2 Energy indirect (Scope 2) GHG emissions", "305-2 Indirect (Scope 2) GHG emissions"),
    )
    (found,) = findings(path)
    assert (found.kind, found.code, found.severity) == ("mislabeled", "305-2", "info")
    assert "missing 'energy'" in found.message and "305-1" not in found.message
    two = variant(tmp_path, ("305-3 Other indirect (Scope 3) GHG emissions", "305-3 Scope 3 GHG emissions"))
    assert [(f.code, f.severity) for f in findings(two)] == [("305-3", "info")]
    three = variant(tmp_path, ("305-3 Other indirect (Scope 3) GHG emissions", "305-3 Scope 3 emissions"))
    assert [(f.code, f.severity) for f in findings(three)] == [("305-3", "warning")]
    standard = variant(
        tmp_path,
        ("305-4 GHG emissions intensity", "305-4 GHG emissions intensity\n203-2 Indirect economic impacts"),
    )
    (named,) = [f for f in findings(standard) if f.code == "203-2"]  # its standard's name, said so
    assert named.severity == "warning" and "name of its standard" in named.message


def test_a_required_title_printed_with_no_code_is_a_warning_at_its_line_not_a_missing_row(tmp_path):
    """The row is there, its code left out or unreadable ("10254: Reporting period, ..."): a warning
    at the title's line saying so, not "not listed"; with no title there, it is not listed."""
    path = variant(tmp_path, ("2-3 Reporting period", "23: Reporting period"))
    (found,) = findings(path, claims={"GRI": "in-accordance"})
    assert (found.kind, found.code, found.severity) == ("missing", "2-3", "warning")
    assert found.line == line_of(path, "23: Reporting period") and "no code beside it" in found.message
    dropped = variant(tmp_path, ("2-3 Reporting period, frequency and contact point\n", ""))
    (found,) = findings(dropped, claims={"GRI": "in-accordance"})
    assert (found.code, found.severity, found.line) == ("2-3", "error", None)
    assert "is not listed" in found.message


def test_a_required_code_printed_in_no_readable_row_is_said_once_not_called_missing(tmp_path):
    """The coverage counts it as not listed; one note per framework says which codes were not
    checked, and why, instead of an error per code or silence."""
    path = variant(
        tmp_path,
        (
            "2-3 Reporting period, frequency and contact point\n",
            "Contacts, as 2-3 asks, are on our website.\n",
        ),
    )
    (found,) = findings(path, claims={"GRI": "in-accordance"})
    assert (found.rule, found.severity, found.code) == ("ESG301", "info", None)
    assert found.message.startswith("GRI 2-3: required") and "not called missing" in found.message


def test_a_label_of_other_frameworks_tags_is_no_title(tmp_path):
    """ "GRI 305-4 SCM TCFD Mb" (the title on the next line): tags of other frameworks where the title
    would be are not judged as a title, nor as two rows sharing a label."""
    path = variant(
        tmp_path,
        ("305-3 Other indirect (Scope 3) GHG emissions", "305-3 SCM TCFD Mb"),
        ("305-4 GHG emissions intensity", "305-4 SCM TCFD Mb"),
    )
    assert [f for f in findings(path) if f.rule in ("ESG101", "ESG102")] == []
    capitals = variant(tmp_path, ("305-4 GHG emissions intensity", "305-4 EMISSIONS INTENSITY"))
    assert [(f.rule, f.code) for f in findings(capitals)] == [("ESG101", "305-4")]  # capitals are a title


def test_wrong_label_that_is_nobodys_title(tmp_path):
    path = variant(tmp_path, ("2-19 Remuneration policies", "2-19 Supplier social assessment"))
    (found,) = findings(path)
    assert (found.kind, found.code, found.severity) == ("mislabeled", "2-19", "error")
    assert "not its title" in found.message


def test_shortened_title_is_a_warning(tmp_path):
    path = variant(
        tmp_path, ("2-22 Statement on sustainable development strategy", "2-22 Sustainable development")
    )
    (found,) = findings(path)
    assert (found.kind, found.severity) == ("mislabeled", "warning")


def test_misquoted_title_is_info(tmp_path):
    path = variant(
        tmp_path,
        ("2-10 Nomination and selection of the highest", "2-10 Nomination and selection of highest"),
    )
    (found,) = findings(path)
    assert (found.kind, found.severity, found.code) == ("mislabeled", "info", "2-10")
    assert "missing 'the'" in found.message


def test_spelling_variants_and_punctuation_are_not_misquotes(tmp_path):
    path = variant(
        tmp_path,
        (
            "2-3 Reporting period, frequency and contact point",
            "2-3 Reporting period, frequency, and contact point",
        ),
        ("2-2 Entities included in the organization's", "2-2 Entities included in the organisation's"),
    )
    assert findings(path) == []


def test_one_code_with_two_labels_is_inconsistent(tmp_path):
    path = variant(tmp_path, ("Our People\n401-1", "Our People\n2-5 Assurance\n401-1"))
    found = findings(path)
    inconsistent = [f for f in found if f.kind == "inconsistent-label"]
    assert [(f.code, f.line) for f in inconsistent] == [("2-5", line_of(path, "2-5 Assurance"))]
    assert inconsistent[0].expected == "External assurance"


def test_unknown_code(tmp_path):
    path = variant(
        tmp_path, ("401-1 New employee hires", "308-4 New supplier audits\n401-1 New employee hires")
    )
    (found,) = findings(path)
    assert (found.kind, found.framework, found.code, found.line) == (
        "unknown-code",
        "GRI",
        "308-4",
        line_of(path, "308-4"),
    )


def test_outdated_code_names_its_successor(tmp_path):
    path = variant(
        tmp_path,
        ("2-22 Statement on sustainable development strategy", "102-14 Statement from senior decision-maker"),
    )
    found = findings(path)
    outdated = [f for f in found if f.kind == "outdated-code"]
    assert [(f.code, f.line) for f in outdated] == [("102-14", line_of(path, "102-14"))]
    assert "2-22" in outdated[0].message
    # 2-22 is now not listed: advice under "with reference to"
    assert [(f.kind, f.code, f.severity) for f in found if f.kind == "missing"] == [
        ("missing", "2-22", "info")
    ]


def test_missing_follows_the_claim_level(tmp_path):
    path = variant(tmp_path, ("2-30 Collective bargaining agreements\n", ""))
    (advice,) = findings(path)
    assert (advice.kind, advice.code, advice.severity, advice.line) == ("missing", "2-30", "info", None)
    (required,) = findings(path, claims={"GRI": "in-accordance"})
    assert (required.kind, required.severity) == ("missing", "error")
    stated = variant(
        tmp_path,
        ("with reference to the GRI Standards", "in accordance with the GRI Standards"),
        ("2-30 Collective bargaining agreements\n", ""),
    )
    assert [(f.kind, f.severity) for f in findings(stated)] == [("missing", "error")]


def test_missing_sasb_metrics_when_sasb_is_claimed(tmp_path):
    path = variant(
        tmp_path,
        (
            "with reference to the GRI Standards (2021).",
            "with reference to the GRI Standards (2021) and the SASB Hardware Standard.",
        ),
    )
    missing = [f for f in findings(path) if f.kind == "missing"]
    # No SASB row at all: its index is elsewhere or unreadable; one note, not a finding per metric.
    assert [(f.framework, f.code, f.severity) for f in missing] == [("SASB", None, "info")]
    assert "prints no SASB index rows" in missing[0].message


def test_missing_sasb_metrics_when_part_of_the_sasb_index_is_there(tmp_path):
    rows = "".join(
        f"{code} {title}\n"
        for code, title in [
            (
                "TC-HW-230a.1",
                "Description of approach to identifying and addressing data security risks in products",
            ),
            (
                "TC-HW-330a.1",
                "Percentage of gender and racial/ethnic group representation for (1) management, "
                "(2) technical staff, and (3) all other employees",
            ),
            (
                "TC-HW-410a.1",
                "Percentage of products by revenue that contain IEC 62474 declarable substances",
            ),
            (
                "TC-HW-410a.2",
                "Percentage of eligible products, by revenue, that meet the requirements for EPEAT "
                "registration or equivalent",
            ),
        ]
    )
    path = variant(
        tmp_path,
        (
            "with reference to the GRI Standards (2021).",
            "with reference to the GRI Standards (2021) and SASB.",
        ),
        (
            "Our People\n401-1",
            "Our People\n401-1 New employee hires and employee turnover\n" + rows + "401-1",
        ),
    )
    missing = {f.code: f.severity for f in findings(path) if f.kind == "missing" and f.framework == "SASB"}
    assert "TC-HW-430a.1" in missing and "TC-HW-230a.1" not in missing
    assert set(missing.values()) == {"warning"}


def test_misspelt_section_names_the_nearest_heading(tmp_path):
    path = variant(tmp_path, ("Climate Action\n3-3", "Climate Acton\n3-3"))
    (found,) = findings(path)
    assert (found.kind, found.line, found.found, found.expected) == (
        "section-not-found",
        line_of(path, "Climate Acton"),
        "Climate Acton",
        "Climate Action",
    )


def test_a_footnote_mark_after_a_heading_or_a_name_in_the_text_is_ignored(tmp_path):
    heading = variant(tmp_path, ("\nClimate Action\nScope 1", "\nClimate Action2\nScope 1"))
    assert findings(heading) == []
    in_text = variant(
        tmp_path,
        ("Governance\n2-9", "Board Oversight\n2-9"),
        ("The Board oversees sustainability.", "The Board Oversight1 covers sustainability."),
    )
    assert findings(in_text) == []


def test_section_with_no_heading_like_it(tmp_path):
    path = variant(tmp_path, ("Governance\n2-9", "Miscellaneous Items\n2-9"))
    (found,) = findings(path)
    assert (found.kind, found.expected) == ("section-not-found", None)


def test_statements_asked_for_in_the_report_not_the_index_are_info_saying_if_the_report_names_them(tmp_path):
    from checker.catalog import shipped_catalogs

    hkex = next(c for c in shipped_catalogs() if c.id == "hkex_c2")
    listed = [d for d in hkex.disclosures.values() if not d.code.startswith("para")]
    rows = "".join(f"{d.code} {d.title} Environment\n" for d in listed)
    path = tmp_path / "hkex.txt"
    path.write_text(
        "ESG Report 2023\nThis report covers the year ended 31 December 2023 and complies with the "
        "comply or explain provisions of the HKEX ESG Reporting Guide.\n\n"
        "Board Statement\nThe board oversees ESG issues.\n\nReporting Boundary\nAll subsidiaries.\n\n"
        "Environment\nText.\n\nHKEX ESG Reporting Guide Content Index\n" + rows,
        encoding="utf-8",
    )
    paras = {f.code: f for f in findings(path) if f.kind == "missing" and f.code.startswith("para")}
    assert sorted(paras) == ["para 13", "para 14", "para 15"]
    assert {f.severity for f in paras.values()} == {"info"}
    assert '"Board Statement"' in paras["para 13"].message
    assert "does not name it" in paras["para 14"].message


def test_a_title_with_its_words_reordered_or_an_acronym_spelt_out_is_no_altered_title(tmp_path):
    path = variant(
        tmp_path,
        ("305-1 Direct (Scope 1) GHG emissions", "305-1 Direct greenhouse gas (GHG) emissions (Scope 1)"),
        ("305-2 Energy indirect (Scope 2) GHG emissions", "305-2 Energy indirect GHG emissions (Scope 2)"),
    )
    flagged = {(f.code, f.severity) for f in findings(path) if f.kind == "mislabeled"}
    assert flagged == {("305-1", "info"), ("305-2", "info")}


def test_canonical_wording_drops_an_acronyms_spelt_out_words_only():
    from checker.text import canonical

    assert canonical("Emissions of ODS") == canonical("Emissions of ozone-depleting substances (ODS)")
    assert canonical("NOx, SOx and other air emissions") == canonical(
        "Nitrogen oxides (NOx), sulfur oxides (SOx) and other air emissions"
    )
    assert canonical("Energy indirect GHG emissions") != canonical("Indirect GHG emissions")


def test_a_section_named_by_a_short_form_of_its_heading(tmp_path):
    index_name = ("Climate Action\n3-3", "Appendix: Climate Action\n3-3")
    heading = ("\nClimate Action\nScope 1", "\nAppendix 2: Climate Action Table\nScope 1")
    assert findings(variant(tmp_path, index_name, heading)) == []  # its words together, a number left out
    stopped = ("\nClimate Action\nScope 1", "\nAppendix 2: Climate Action Table.\nScope 1")
    assert findings(variant(tmp_path, index_name, stopped)) == []  # a heading extracted with a full stop
    gapped = ("\nClimate Action\nScope 1", "\nAppendix 2: Climate and Nature Action\nScope 1")
    assert [f.kind for f in findings(variant(tmp_path, index_name, gapped))] == ["section-not-found"]


def test_a_disclosure_reported_per_topic_may_name_its_topic(tmp_path):
    path = variant(
        tmp_path,
        ("3-3 Management of material topics\n", "3-3 Management of material climate topics\n"),
        ("305-1 Direct (Scope 1)", "3-3 Management of material topics\n305-1 Direct (Scope 1)"),
    )
    assert [f for f in findings(path) if f.kind in ("mislabeled", "inconsistent-label")] == []
    other = variant(tmp_path, ("3-3 Management of material topics\n", "3-3 Management of climate risks\n"))
    assert [f.kind for f in findings(other)] == ["mislabeled"]  # a word dropped is no topic named


def test_a_misprinted_sasb_code_is_read_as_the_code_meant_and_named(tmp_path):
    from checker.catalog import shipped_catalogs

    sasb = next(c for c in shipped_catalogs() if c.id == "sasb_hw")
    rows = "".join(f"{d.code} {d.title}\n" for d in sasb.disclosures.values())
    rows = rows.replace("TC-HW-000.A", "TC-HW-OOO.A").replace("TC-HW-000.B", "TC-HW 000.B")
    path = tmp_path / "sasb.txt"
    path.write_text("Report 2023\nWe report with reference to the SASB standard.\n\nSASB Index\n" + rows)
    flagged = sorted((f.rule, f.found, f.expected) for f in findings(path) if f.severity != "info")
    assert flagged == [
        ("ESG203", "TC-HW 000.B", "TC-HW-000.B"),
        ("ESG203", "TC-HW-OOO.A", "TC-HW-000.A"),
    ]  # read as the codes meant: no unknown-code, nothing missing


def test_an_altered_title_followed_by_its_answer_is_a_warning_not_an_error(tmp_path):
    title = "305-2 Energy indirect (Scope 2) GHG emissions"
    path = variant(tmp_path, (title, "305-2 Scope 2 GHG emissions Scopes 1 and 2 combined"))
    flagged = [(f.kind, f.code, f.severity) for f in findings(path)]
    assert flagged == [("mislabeled", "305-2", "warning")]
    wrong = variant(tmp_path, (title, "305-2 Parental leave given"))
    assert [(f.kind, f.severity) for f in findings(wrong)] == [("mislabeled", "error")]
