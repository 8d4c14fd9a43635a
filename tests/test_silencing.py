"""Silencing on purpose: inline markers in drafts, --ignore, and baselines that survive moved lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CLEAN

from checker import check
from checker.cli import main

ROW = "305-4 GHG emissions intensity"
WRONG = "305-4 Other indirect (Scope 3) GHG emissions"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def write(tmp_path: Path, text: str, name: str = "draft.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def clean() -> str:
    return CLEAN.read_text(encoding="utf-8")


def rules_of(path: Path) -> list[tuple[str, str | None]]:
    (report,) = check(path).reports
    assert report.error is None, report.error
    return [(f.rule, f.code) for f in report.findings]


@pytest.mark.parametrize("name", ["draft.md", "draft.txt"])
def test_marker_above_the_row_silences_the_named_rule_and_code(tmp_path, name):
    path = write(tmp_path, clean().replace(ROW, f"<!-- esgcheck: ignore ESG101 305-4 -->\n{WRONG}"), name)
    assert rules_of(path) == [("ESG102", "305-4")]
    (report,) = check(path).reports
    assert [e.line for e in report.entries if e.code == "305-4"] == [65]  # the marker is no index row


def test_marker_on_the_row_and_a_bare_marker(tmp_path):
    assert rules_of(write(tmp_path, clean().replace(ROW, f"{WRONG} <!-- esgcheck: ignore ESG102 -->"))) == [
        ("ESG101", "305-4")
    ]
    assert rules_of(write(tmp_path, clean().replace(ROW, f"{WRONG} <!-- esgcheck: ignore -->"))) == []


def test_marker_for_another_code_or_row_silences_nothing(tmp_path):
    other = write(tmp_path, clean().replace(ROW, f"<!-- esgcheck: ignore ESG101 305-3 -->\n{WRONG}"))
    assert rules_of(other) == [("ESG101", "305-4"), ("ESG102", "305-4")]
    far = write(tmp_path, clean().replace(ROW, f"<!-- esgcheck: ignore -->\n305-5x\n{WRONG}"))
    assert ("ESG101", "305-4") in rules_of(far)


def test_ignore_option(tmp_path):
    path = write(tmp_path, clean().replace(ROW, WRONG))
    assert run(path).exit_code == 1
    assert run(path, "--ignore", "ESG101", "--ignore", "shared-label").exit_code == 0
    assert run(path, "--ignore", "ESG101,ESG102").exit_code == 0


def test_baseline_silences_old_findings_survives_inserted_lines_and_lets_a_new_one_fail(tmp_path):
    draft = write(tmp_path, clean().replace(ROW, WRONG), "draft.txt")
    baseline = tmp_path / "esgcheck-baseline.json"
    written = run(draft, "--write-baseline", baseline)
    assert written.exit_code == 0 and "recorded 2 finding(s)" in written.output
    recorded = json.loads(baseline.read_text())
    assert {(row["path"], row["rule"], row["code"]) for row in recorded["findings"]} == {
        ("draft.txt", "ESG101", "305-4"),
        ("draft.txt", "ESG102", "305-4"),
    }
    assert all("line" not in row for row in recorded["findings"])
    assert run(draft, "--baseline", baseline).exit_code == 0

    moved = clean().replace(
        "Our People\nWe employed", "Our People\nA new paragraph.\n\nMore words.\nWe employed"
    )
    draft.write_text(moved.replace(ROW, WRONG), encoding="utf-8")
    assert rules_of(draft) and all(f.line == 67 for f in check(draft).reports[0].findings)  # moved down
    assert run(draft, "--baseline", baseline).exit_code == 0

    new = moved.replace(ROW, WRONG).replace(
        "2-12 Role of the highest", "2-12 Chair of the highest governance body\nX"
    )
    draft.write_text(new, encoding="utf-8")
    result = run(draft, "--baseline", baseline, "--format", "json")
    assert result.exit_code == 1
    (report,) = json.loads(result.stdout)["reports"]
    assert {(f["rule"], f["code"]) for f in report["findings"]} >= {("ESG101", "2-12")}
    assert all(f["code"] != "305-4" for f in report["findings"])


def test_baseline_named_in_the_config(tmp_path):
    draft = write(tmp_path, clean().replace(ROW, WRONG), "draft.txt")
    assert run(draft, "--write-baseline", tmp_path / "base.json").exit_code == 0
    (tmp_path / ".esgcheck.yaml").write_text("baseline: base.json\n")
    assert run(draft).exit_code == 0


def test_a_missing_or_foreign_baseline_is_exit_2(tmp_path):
    draft = write(tmp_path, clean(), "draft.txt")
    missing = run(draft, "--baseline", tmp_path / "none.json")
    assert missing.exit_code == 2 and "no such baseline file" in missing.output
    (tmp_path / "other.json").write_text('{"a": 1}')
    foreign = run(draft, "--baseline", tmp_path / "other.json")
    assert foreign.exit_code == 2 and "is not an esgcheck baseline" in foreign.output


def test_allow_no_index_lets_files_without_an_index_pass_quietly(tmp_path):
    notes = write(tmp_path, "# Notes\n\nNo index here.\n", "notes.md")
    assert run(notes).exit_code == 2
    result = run(notes, CLEAN, "--allow-no-index", "--quiet")
    assert result.exit_code == 0 and result.output == ""
    unreadable = run(notes, tmp_path / "missing.txt", "--allow-no-index")
    assert unreadable.exit_code == 2 and "no such file" in unreadable.output  # only a missing index passes


def test_a_kind_names_every_rule_of_it():
    from checker.silence import rule_codes

    assert rule_codes(["section-not-found", "label-mismatch,esg102"]) == (
        "ESG401",
        "ESG402",
        "ESG101",
        "ESG102",
    )
    with pytest.raises(LookupError):
        rule_codes(["ESG999"])


def test_marker_at_the_end_of_a_markdown_table_row(tmp_path):
    from test_fix import as_pipe_table

    row = "| 305-4 | Other indirect (Scope 3) GHG emissions | Climate Action |"
    text = as_pipe_table(clean().replace(ROW, WRONG))
    assert text.count(row) == 1
    path = write(tmp_path, text.replace(row, row + " <!-- esgcheck: ignore ESG101 -->"))
    assert rules_of(path) == [("ESG102", "305-4")]


def test_a_renamed_or_moved_report_keeps_its_baseline_and_a_new_finding_still_fails(tmp_path):
    draft = write(tmp_path, clean().replace(ROW, WRONG), "esg-report-2024-draft.txt")
    baseline = tmp_path / "esgcheck-baseline.json"
    assert run(draft, "--write-baseline", baseline).exit_code == 0

    renamed = tmp_path / "final" / "esg-report-2024.txt"
    renamed.parent.mkdir()
    draft.rename(renamed)
    result = run(renamed, "--baseline", baseline)
    assert result.exit_code == 0, result.output  # the old findings stay silenced
    assert "is taken as esg-report-2024-draft.txt, renamed or moved" in result.output

    renamed.write_text(
        clean()
        .replace(ROW, WRONG)
        .replace("2-12 Role of the highest", "2-12 Chair of the highest governance body\nX"),
        encoding="utf-8",
    )
    result = run(renamed, "--baseline", baseline, "--format", "json")
    assert result.exit_code == 1
    (report,) = json.loads(result.stdout)["reports"]
    assert {(f["rule"], f["code"]) for f in report["findings"]} == {("ESG101", "2-12"), ("ESG102", "2-12")}


def test_a_report_still_at_its_recorded_path_lends_its_baseline_to_no_other(tmp_path):
    old = write(tmp_path, clean().replace(ROW, WRONG), "old.txt")
    baseline = tmp_path / "esgcheck-baseline.json"
    assert run(old, "--write-baseline", baseline).exit_code == 0
    new = write(tmp_path, clean().replace(ROW, WRONG), "new.txt")  # a second report with the same defect
    assert run(old, new, "--baseline", baseline).exit_code == 1
    result = run(new, "--baseline", baseline, "--format", "json")  # old.txt is not checked, but is there
    assert result.exit_code == 1 and "renamed or moved" not in result.output


def test_a_gone_report_lends_its_baseline_once_to_the_report_sharing_most_with_it(tmp_path):
    first = write(tmp_path, clean().replace(ROW, WRONG), "a.txt")
    baseline = tmp_path / "esgcheck-baseline.json"
    assert run(first, "--write-baseline", baseline).exit_code == 0
    first.unlink()
    moved = write(tmp_path, clean().replace(ROW, WRONG), "b.txt")
    copy = write(tmp_path, clean().replace(ROW, WRONG), "c.txt")
    result = run(moved, copy, "--baseline", baseline, "--format", "json")
    assert result.exit_code == 1
    reports = json.loads(result.stdout)["reports"]
    assert [len(r["findings"]) for r in reports] == [0, 2]  # b.txt takes a.txt's records; c.txt fails
