"""Catalog loading: shipped catalogs in the wheel, user catalogs validated, versions by period."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from conftest import CLEAN

from checker import check
from checker.catalog import load_catalog_file, select_catalogs, shipped_catalogs, validate_catalog
from checker.cli import main
from checker.errors import InputError

TCFD = """\
schema: esgcheck-catalog/1
id: tcfd_2017
framework: TCFD
name: TCFD Recommendations
version: "2017"
code_pattern: '(?:Governance|Strategy|Risk Management|Metrics and Targets) \\(?[a-c]\\)'
mentions: ['Task Force on Climate-related Financial Disclosures', '\\bTCFD\\b']
claim_levels:
  - {id: aligned, phrases: ['in line with', 'aligned with', 'with reference to'], missing_severity: warning}
default_claim: aligned
disclosures:
  - code: "Governance a)"
    title: "Describe the board's oversight of climate-related risks and opportunities."
    required_at: [aligned]
  - code: "Governance b)"
    title: "Describe management's role in assessing and managing climate-related risks and opportunities."
    required_at: [aligned]
"""


def test_every_shipped_catalog_validates_against_the_schema():
    from importlib import resources

    import yaml

    folder = resources.files("checker.frameworks")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".yaml"))
    assert {"gri_2021.yaml", "hkex_c2.yaml", "sasb_hw.yaml"} <= set(names)
    for name in names:
        validate_catalog(yaml.safe_load(folder.joinpath(name).read_text(encoding="utf-8")), name)
    assert len(shipped_catalogs()) == len(names)


def test_hkex_version_is_chosen_by_reporting_period():
    def version(period):
        return {c.framework: c.version for c in select_catalogs(shipped_catalogs(), period)}["HKEX"]

    assert version(date(2023, 12, 31)) == "2023"
    assert version(date(2025, 12, 31)) == "2025"
    chosen = select_catalogs(shipped_catalogs(), date(2023, 12, 31), {"HKEX": "2025"})
    assert {c.framework: c.version for c in chosen}["HKEX"] == "2025"
    with pytest.raises(InputError, match="no version '1999'"):
        select_catalogs(shipped_catalogs(), None, {"HKEX": "1999"})


def tcfd_report(tmp_path):
    """The TCFD user catalog and the clean report claiming TCFD beside GRI, written to tmp_path."""
    catalog = tmp_path / "tcfd.yaml"
    catalog.write_text(TCFD, encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(
        CLEAN.read_text(encoding="utf-8").replace(
            "with reference to the GRI Standards (2021).",
            "with reference to the GRI Standards (2021) and in line with the TCFD recommendations.",
        ),
        encoding="utf-8",
    )
    return catalog, report


def test_user_catalog_is_loaded_and_used_without_code_change(tmp_path):
    catalog, report = tcfd_report(tmp_path)
    result = check(report, catalogs=[catalog]).reports[0]
    assert result.claims["TCFD"].level == "aligned"
    # Claimed, with no TCFD row in the index: one note (per-disclosure findings need an index).
    assert [(f.kind, f.framework, f.severity) for f in result.findings] == [("missing", "TCFD", "info")]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (TCFD.replace("framework: TCFD\n", ""), "'framework' is a required property"),
        (TCFD.replace('title: "Describe the board', 'titel: "Describe the board'), "disclosures/0"),
        (TCFD.replace("default_claim: aligned", "default_claim: strict"), "default_claim"),
        ("schema: [unclosed", "not valid YAML"),
    ],
)
def test_malformed_user_catalog_is_a_one_line_error_naming_file_and_key(tmp_path, text, problem):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        load_catalog_file(path)
    assert str(path) in str(caught.value)
    result = CliRunner().invoke(main, [str(CLEAN), "--catalog", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(path) in result.stderr and "Traceback" not in result.output


def test_catalog_show_and_list():
    runner = CliRunner()
    shown = runner.invoke(main, ["catalog", "show", "305-4"])
    assert shown.exit_code == 0
    assert "GHG emissions intensity" in shown.output and "GRI 305: Emissions 2016" in shown.output
    listing = runner.invoke(main, ["catalog", "list", "--framework", "hkex"])
    assert listing.exit_code == 0
    codes = [line.split()[0] for line in listing.output.splitlines() if line and not line.startswith("#")]
    assert "A1.2" in codes and "B8.2" in codes and "para 13" not in codes  # "para" then "13"
    assert runner.invoke(main, ["catalog", "show", "999-9"]).exit_code == 2
    outdated = runner.invoke(main, ["catalog", "show", "102-14"])
    assert outdated.exit_code == 0 and "2-22" in outdated.output
