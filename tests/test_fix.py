"""--fix and --diff: only the label changes; encoding, byte order mark and line endings are kept;
a re-check finds no label problem; PDF and Word files are never touched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CLEAN

from checker import check
from checker.cli import main
from checker.fix import locate

LABEL_RULES = {"ESG101", "ESG102", "ESG103"}
DEFECTS = (
    ("305-4 GHG emissions intensity", "305-4 Other indirect (Scope 3) GHG emissions"),  # 305-3's title
    ("2-4 Restatements of information", "2-4 Restatement of the information"),  # misquoted (info)
    ("2-16 Communication of critical concerns", "2-16 Communication of concerns"),  # altered (warning)
)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def defective() -> str:
    text = CLEAN.read_text(encoding="utf-8")
    for good, bad in DEFECTS:
        text = text.replace(good, bad)
    return text


def as_pipe_table(text: str) -> str:
    """The clean report as Markdown, its index a pipe table with a section column."""
    head, index = text.split("GRI Content Index\n")
    for heading in ("About this Report", "Governance", "Our People", "Climate Action"):
        head = head.replace(f"\n{heading}\n", f"\n## {heading}\n")
    rows, section = [], ""
    for line in index.splitlines():
        match = re.match(r"^(\d+-\d+) (.*)$", line)
        if match:
            rows.append(f"| {match[1]} | {match[2]} | {section} |")
        else:
            section = line
    table = "| Disclosure | Title | Section |\n| --- | --- | --- |\n" + "\n".join(rows)
    return f"# Report\n\n{head}## GRI Content Index\n\n{table}\n"


def label_findings(path: Path) -> list[str]:
    (report,) = check(path).reports
    assert report.error is None, report.error
    return [f"{f.rule} {f.code}" for f in report.findings if f.rule in LABEL_RULES]


@pytest.mark.parametrize("markdown", [False, True])
def test_fix_then_recheck_finds_no_label_problem_and_changes_only_labels(tmp_path, markdown):
    text = as_pipe_table(defective()) if markdown else defective()
    path = tmp_path / ("draft.md" if markdown else "draft.txt")
    path.write_text(text, encoding="utf-8")
    assert len(label_findings(path)) >= 3
    result = run(path, "--fix", "--no-color")
    assert "fixed 3 label(s)" in result.output
    assert label_findings(path) == []
    before, after = text.split("\n"), path.read_text(encoding="utf-8").split("\n")
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    expected = [(bad, good) for good, bad in DEFECTS]
    if markdown:
        expected = [
            (
                f"| {b.split(' ', 1)[0]} | {b.split(' ', 1)[1]} |",
                f"| {g.split(' ', 1)[0]} | {g.split(' ', 1)[1]} |",
            )
            for b, g in expected
        ]
    assert len(changed) == 3
    for (old, new), (bad, good) in zip(sorted(changed), sorted(expected), strict=True):
        assert old.startswith(bad) and new == old.replace(bad, good)  # the section cell is untouched


def test_crlf_file_stays_crlf(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(defective().replace("\n", "\r\n").encode("utf-8"))
    assert run(path, "--fix").exit_code == 0
    data = path.read_bytes()
    assert b"305-4 GHG emissions intensity\r\n" in data
    assert data.count(b"\r\n") == data.count(b"\n") == defective().count("\n")
    assert label_findings(path) == []


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encoding_and_byte_order_mark_are_kept(tmp_path, encoding):
    path = tmp_path / "draft.txt"
    text = defective().replace("About this Report\nThis report", "About this Report\nThis café report")
    path.write_bytes(text.encode(encoding))
    assert run(path, "--fix").exit_code == 0
    fixed = text.replace(DEFECTS[0][1], DEFECTS[0][0]).replace(DEFECTS[1][1], DEFECTS[1][0])
    fixed = fixed.replace(DEFECTS[2][1], DEFECTS[2][0])
    assert path.read_bytes() == fixed.encode(encoding)


def test_diff_shows_the_change_and_writes_nothing(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(defective(), encoding="utf-8")
    result = run(path, "--diff")
    assert result.exit_code == 1
    assert "-305-4 Other indirect (Scope 3) GHG emissions\n+305-4 GHG emissions intensity\n" in result.stdout
    assert result.stdout.startswith(f"--- a/{path}\n+++ b/{path}\n")
    assert path.read_text(encoding="utf-8") == defective()
    path.write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(path, "--diff").exit_code == 0


def test_pdf_and_word_files_are_never_touched(tmp_path):
    path = tmp_path / "draft.pdf"  # text under a PDF name: read by its content, never rewritten
    path.write_text(defective(), encoding="utf-8")
    result = run(path, "--fix")
    assert (
        result.exit_code == 1 and "not fixed (only Markdown and text drafts are rewritten)" in result.output
    )
    assert path.read_text(encoding="utf-8") == defective()


def test_fix_refuses_standard_input():
    result = CliRunner().invoke(main, ["-", "--fix"], input=defective().encode())
    assert result.exit_code == 2 and "not standard input" in result.output


def test_locate_maps_a_cleaned_label_back_to_the_original_characters():
    line = "305-4  Other  indirect (Scope 3) GHG emissions \u2013 see \u201cClimate\u201d"
    start, end = locate(line, "Other indirect (Scope 3) GHG emissions", "305-4")
    assert line[start:end] == "Other  indirect (Scope 3) GHG emissions"
    assert locate("| 305-4 | “Quoted” title |", '"Quoted" title', "305-4") == (10, 24)
    assert locate("305-4 Something else", "Other indirect", "305-4") is None


def test_a_file_that_cannot_be_written_is_one_line_exit_2_and_left_whole(tmp_path, monkeypatch):
    import checker.atomic

    def refuse(path, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(checker.atomic, "write_bytes", refuse)
    path = tmp_path / "draft.txt"
    path.write_text(defective(), encoding="utf-8")
    result = run(path, "--fix")
    assert result.exit_code == 2
    assert f"{path}: not fixed (cannot be written: Permission denied)" in result.output
    assert "Traceback" not in result.output and path.read_text(encoding="utf-8") == defective()
