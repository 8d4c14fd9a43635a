"""Reading the statement of use, and the literal test that lets a report skip a framework's scan."""

from __future__ import annotations

import pytest

from checker.catalog import select_catalogs, shipped_catalogs
from checker.claims import _required_literal, read_claims
from checker.document import Document


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"\bGRI\b", "GRI"),
        (
            "Environmental, Social and Governance Reporting Code",
            "Environmental, Social and Governance Reporting Code",
        ),
        (r"refer(?:s|red)? to", "refer"),  # a group is never required text
        ("colou?r", "colo"),  # the character before "?" may be absent
        (r"x{2}yz", "yz"),
        (r"[\]x]abc", "abc"),  # a character class, "]" escaped inside it
        (r"Stock Exchange\.", "Stock Exchange."),
        ("GRI|SASB", ""),  # an alternation at the top: no literal is required
    ],
)
def test_required_literal_is_text_every_match_contains(pattern, literal):
    assert _required_literal(pattern) == literal


def _claims(text: str) -> dict[str, str]:
    document = Document("report.txt", text.split("\n"))
    return {f: c.level for f, c in read_claims(document, select_catalogs(shipped_catalogs())).items()}


def test_claims_are_read_whatever_the_case_and_only_where_a_framework_is_named():
    assert _claims("This report was prepared with reference to the gri standards.") == {
        "GRI": "with-reference"
    }
    esrs = _claims("Prepared in accordance with the\nEuropean Sustainability Reporting Standards.")
    assert esrs == {"ESRS": "with-reference"}  # the ESRS catalog lists codes only, one level
    assert _claims("Nothing here names a framework.") == {}


def test_a_process_done_in_accordance_with_gri_is_no_claim_about_the_report():
    """A materiality sentence ("identify ... impacts ... in accordance with the updated GRI
    Standards") speaks of a process, not of the report: no "in accordance" claim is read from it."""
    process = (
        "In 2023 we updated our materiality assessment to identify the actual and potential impacts "
        "of our business activities in accordance with the updated GRI Standards."
    )
    assert _claims(process).get("GRI") != "in-accordance"
    statement = "This report has been prepared in accordance with the GRI Standards."
    assert _claims(statement)["GRI"] == "in-accordance"
    assert _claims(f"{process}\n{statement}")["GRI"] == "in-accordance"


def test_the_frameworks_own_name_does_not_make_a_process_a_statement_about_the_report():
    """ "we reference the Global Reporting Initiative (GRI) Standards to identify benchmarks" speaks
    of a process; the "Reporting" of GRI's name is no report. The index's own statement, later, is
    the claim."""
    process = (
        "As part of our assessment, we reference the Global Reporting Initiative (GRI) Standards to "
        "identify key sustainability benchmarks."
    )
    claim = (
        "The GRI Content Index provides an overview of our reporting practices, in accordance with "
        "the Global Reporting Initiative (GRI) Standards: Core Option."
    )
    assert "GRI" not in _claims(process)
    assert _claims(f"{process}\n{claim}")["GRI"].startswith("in-accordance")


def test_a_claim_phrase_is_not_given_to_a_framework_named_later_in_the_sentence():
    """ "in accordance with" names the framework it stands before, not one named later in the
    sentence as informing the report."""
    text = "This report was prepared in accordance with the GRI Standards and informed by SASB and TCFD."
    assert _claims(text)["GRI"] == "in-accordance"
    reverse = (
        "This report was prepared in accordance with the SASB Standards and informed by the GRI Standards."
    )
    assert _claims(reverse)["GRI"] == "with-reference"
