"""Output formats: SARIF valid against the shipped official schema, GitHub workflow commands escaped,
Markdown, --output, standard input, colour switches, and the fix shown in the text output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import CLEAN, EXAMPLE, FIXTURES, example_defects

from checker import check
from checker.cli import main
from checker.findings import Finding
from checker.render.github import escape_data, escape_property
from checker.render.github import render as render_github
from checker.result import CheckResult, ReportResult


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


@pytest.fixture(scope="module")
def sarif_schema():
    return json.loads(resources.files("checker.schemas").joinpath("sarif-2.1.0.json").read_text())


def test_shipped_sarif_schema_is_the_official_one(sarif_schema):
    assert sarif_schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert sarif_schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(sarif_schema)


def test_sarif_is_valid_and_carries_rules_lines_and_fingerprints(sarif_schema):
    result = run(EXAMPLE, "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    mislabeled = next(rule for rule in rules if rule["id"] == "ESG101")
    assert mislabeled["shortDescription"]["text"]
    assert mislabeled["fullDescription"]["text"].startswith("ESG101")
    assert "Fails:" in mislabeled["help"]["text"] and "Passes:" in mislabeled["help"]["text"]
    results = sarif_run["results"]
    assert len(results) == example_defects()
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
    assert all(r["partialFingerprints"]["esgcheck/v1"] for r in results)
    lines = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results}
    assert ("ESG101", 6383) in lines
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(EXAMPLE.name)


def test_sarif_of_an_unreadable_report_is_valid_and_says_so(tmp_path, sarif_schema):
    result = run(tmp_path / "missing.txt", "--format", "sarif")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert not invocation["executionSuccessful"]
    assert "no such file" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_github_annotations_escape_a_comma_and_a_colon():
    finding = Finding(
        rule="ESG101",
        name="label-mismatch",
        kind="mislabeled",
        severity="error",
        message='GRI 305-4: printed as "Scope 3, other", 100%\nsecond line',
        framework="GRI",
        code="305-4",
        line=12,
    )
    report = ReportResult(path="drafts/a,b:c.md", findings=[finding])
    (line,) = render_github(CheckResult([report])).splitlines()
    assert line == (
        "::error file=drafts/a%2Cb%3Ac.md,line=12,title=ESG101 label-mismatch::"
        'GRI 305-4: printed as "Scope 3, other", 100%25%0Asecond line'
    )


def test_github_escaping_rules():
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_github_format_of_the_example_maps_severities():
    out = run(EXAMPLE, "--format", "github").stdout.splitlines()
    assert len(out) == example_defects()
    assert sum(line.startswith("::error ") for line in out) == 4
    assert any(line.startswith("::notice ") for line in out)
    assert any(",line=6383,title=ESG101 label-mismatch::GRI 305-4" in line for line in out)


def test_markdown_summary_lists_findings_with_their_fix():
    out = run(EXAMPLE, "--format", "markdown").stdout
    assert out.startswith("## esgcheck\n")
    counts = Counter(f.severity for f in check(EXAMPLE).reports[0].findings)
    said = f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos in 1 report(s)"
    assert said in out
    row = next(line for line in out.splitlines() if "| 6383 |" in line)
    assert 'Print "GHG emissions intensity" beside 305-4' in row


def test_output_writes_any_format_to_a_file(tmp_path, sarif_schema):
    target = tmp_path / "out.sarif"
    result = run(EXAMPLE, "--format", "sarif", "--output", target)
    assert result.exit_code == 1 and result.stdout == ""
    jsonschema.Draft4Validator(sarif_schema).validate(json.loads(target.read_text()))
    text = tmp_path / "out.txt"
    run(EXAMPLE, "-o", text, "--color")
    assert "GHG emissions intensity" in text.read_text() and "\x1b[" not in text.read_text()


def test_output_to_an_unwritable_place_is_exit_2(tmp_path):
    result = run(CLEAN, "--output", tmp_path / "no-such-folder" / "out.json", "--format", "json")
    assert result.exit_code == 2 and "cannot be written" in result.output


def test_dash_reads_the_report_from_standard_input():
    result = run("-", "--format", "json", input=EXAMPLE.read_bytes())
    assert result.exit_code == 1
    (report,) = json.loads(result.stdout)["reports"]
    assert report["path"] == "<stdin>" and len(report["findings"]) == example_defects()


def test_empty_standard_input_is_exit_2():
    result = run("-", input=b"")
    assert result.exit_code == 2 and "<stdin>: is empty" in result.output


def test_text_output_shows_each_fix():
    out = " ".join(run(EXAMPLE, "--no-color").stdout.split())
    assert 'fix: Print "GHG emissions intensity" beside 305-4' in out


def _on_a_terminal(*args: str, env: dict[str, str], cwd: Path) -> str:
    """The CLI's output when its standard output is a pseudo-terminal. Run outside the checkout, whose
    source folder lacks the installed package's catalogs (checker.frameworks)."""
    primary, secondary = os.openpty()
    done = subprocess.run(
        [sys.executable, "-c", "from checker.cli import main; main()", *args],
        cwd=cwd,
        stdout=secondary,
        stderr=subprocess.DEVNULL,
        env=env,
        check=False,
        timeout=60,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert done.returncode == 0
    return b"".join(chunks).decode()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_color_variable_and_option_turn_colour_off_on_a_terminal(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": "xterm-256color"}
    assert "\x1b[" in _on_a_terminal(str(CLEAN), env=env, cwd=tmp_path)
    assert "\x1b[" not in _on_a_terminal(str(CLEAN), env=env | {"NO_COLOR": "1"}, cwd=tmp_path)
    assert "\x1b[" not in _on_a_terminal(str(CLEAN), "--no-color", env=env, cwd=tmp_path)
    assert "\x1b[" in _on_a_terminal(str(CLEAN), "--color", env=env | {"NO_COLOR": "1"}, cwd=tmp_path)


def test_a_pdf_on_standard_input_is_read_and_named_stdin():
    from pdfmaker import make_pdf

    lines = CLEAN.read_text(encoding="utf-8").splitlines()
    result = run("-", "--format", "json", input=make_pdf([lines[:40], lines[40:]]))
    (report,) = json.loads(result.stdout)["reports"]
    assert report["path"] == "<stdin>" and report["error"] is None and report["pages"] == 2
    broken = run("-", input=b"%PDF-1.4\nnot really a pdf")
    assert broken.exit_code == 2 and "<stdin>:" in broken.output and "esgcheck-stdin-" not in broken.output


def test_quiet_prints_nothing_on_a_pass_but_still_writes_the_output_file(tmp_path):
    assert run(CLEAN, "--quiet").output == ""
    target = tmp_path / "out.json"
    assert run(CLEAN, "--quiet", "--format", "json", "-o", target).exit_code == 0
    assert json.loads(target.read_text())["summary"]["error"] == 0
    assert "ESG101" in run(EXAMPLE, "--quiet", "--no-color").output  # a failing run still prints


@pytest.mark.parametrize("spool", [1 << 30, 1000])
def test_every_format_written_report_by_report_is_the_document_made_at_once(tmp_path, monkeypatch, spool):
    """A run writes each report's part as it comes, through a spool that moves to a temporary file
    past its size: the output is the one made from the whole result at once, and the JSON and
    SARIF are exactly their documents indented by json itself (with and without results)."""
    from checker import check
    from checker import output as output_module
    from checker.output import FORMATS, Output, rendered, write

    monkeypatch.setattr(output_module, "SPOOL_BYTES", spool)
    monkeypatch.setattr(output_module, "BLOCK", 4096)
    batch = check(FIXTURES / "corpus", jobs=1)
    clean = check(CLEAN)
    for result in (batch, clean):
        whole = json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
        assert rendered(result, "json") == whole
        sarif = rendered(result, "sarif")
        assert sarif == json.dumps(json.loads(sarif), indent=2, ensure_ascii=False) + "\n"
        for output_format in FORMATS:
            out = Output(output_format, color=False, width=100)
            for report in result.reports:
                out.add(report)
            pieces = list(out.pieces())
            assert "".join(pieces) == rendered(result, output_format, color=False, width=100), output_format
            if output_format == "json" and result is batch:
                assert len(pieces) > 3 and json.loads("".join(pieces))["summary"]["reports"] == 23
    assert not json.loads(rendered(clean, "sarif"))["runs"][0]["results"]
    out = Output("json")
    for report in batch.reports:
        out.add(report)
    target = tmp_path / "out.json"
    write(out.pieces(), str(target))
    assert target.read_text(encoding="utf-8") == rendered(batch, "json")


def test_a_write_that_fails_midway_leaves_the_old_file_whole(tmp_path):
    from checker.output import write

    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def broken():
        yield "new start"
        raise RuntimeError("the renderer failed")

    with pytest.raises(RuntimeError):
        write(broken(), str(target))
    assert target.read_text(encoding="utf-8") == "old" and sorted(tmp_path.iterdir()) == [target]
