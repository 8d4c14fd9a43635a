"""The standalone HTML page and the batch summary: both say what the JSON says, for every report,
and a report that could not be read keeps its own row with its error."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from dataclasses import asdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CLEAN, EXAMPLE, FIXTURES, example_defects

from checker import check
from checker.cli import main
from checker.findings import Finding
from checker.render.html import render as render_html
from checker.render.json_out import render as render_json
from checker.render.summary import SEVERITIES
from checker.result import CheckResult, ReportResult

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    """A parsed element: its tag, attributes, classes and the text inside it (children included)."""

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag, self.attrs = tag, attrs
        self.classes = set(attrs.get("class", "").split())
        self.parts: list[str] = []
        self.children: list[Element] = []

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())

    def find(self, tag: str, cls: str | None = None, **attrs: str) -> list[Element]:
        """Descendants with this tag, class and data attributes (data_framework="GRI")."""
        wanted = {key.replace("_", "-"): value for key, value in attrs.items()}
        found = []
        for child in self.children:
            if (
                child.tag == tag
                and (cls is None or cls in child.classes)
                and all(child.attrs.get(k) == v for k, v in wanted.items())
            ):
                found.append(child)
            found.extend(child.find(tag, cls, **attrs))
        return found


class Tree(HTMLParser):
    """Just enough of a DOM for the tests: html.parser from the standard library, no dependency."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {key: value or "" for key, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.parts.append(data)


def run(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


@pytest.fixture(scope="module")
def bundled() -> tuple[dict, Tree, str]:
    """The bundled report checked once, rendered as the JSON and as the page from that one result."""
    result = check(EXAMPLE)
    html = render_html(result)
    return json.loads(render_json(result)), Tree(html), html


def test_html_coverage_numbers_are_the_jsons(bundled):
    data, tree, _ = bundled
    (report,) = data["reports"]
    assert {c["framework"] for c in report["coverage"]} == {"GRI", "HKEX", "SASB"}
    for cover in report["coverage"]:
        (bar,) = tree.root.find("figure", "bar", data_framework=cover["framework"])
        assert bar.attrs["data-required"] == str(cover["required"])
        assert bar.attrs["data-listed"] == str(cover["listed"])
        shown = {span.attrs["data-count"]: span.text for span in bar.find("span", "n")}
        for key in ("required", "listed", "missing"):
            assert shown[key] == str(cover[key]), (cover["framework"], key)
        evidence = cover.get("evidence")  # the evidence rules' verdicts on the listed codes
        assert evidence, cover["framework"]
        for key in ("complete", "partial", "unsupported"):
            assert shown[key] == str(evidence[key]), (cover["framework"], key)
        assert shown["explained"] == str(evidence["explained"] + evidence["omitted"])
        assert shown["other"] == str(evidence["not_checked"])
    sasb = tree.root.find("figure", "bar", data_framework="SASB")[0]
    widths = {sorted(seg.classes - {"seg"})[0]: seg.attrs["style"] for seg in sasb.find("span", "seg")}
    sasb_cover = next(c for c in report["coverage"] if c["framework"] == "SASB")
    total = sum(sasb_cover["evidence"].values()) + sasb_cover["missing"]  # every part of the bar
    assert widths["missing"] == f"width: {round(100 * sasb_cover['missing'] / total, 2)}%"


def test_html_holds_every_finding_with_its_location_found_expected_and_fix(bundled):
    data, tree, _ = bundled
    findings = data["reports"][0]["findings"]
    assert len(findings) == example_defects()
    items = tree.root.find("li", "finding")
    assert len(items) == example_defects()
    for found in findings:
        (item,) = [
            li
            for li in items
            if li.attrs["data-rule"] == found["rule"]
            and li.attrs["data-kind"] == found["kind"]
            and li.attrs["data-code"] == (found["code"] or "")
            and li.attrs["data-line"] == str(found["line"] or "")
            and found["message"] in li.text
        ]
        assert found["severity"] in item.classes
        if found["line"]:
            assert f"line {found['line']}" in item.text
        for field in ("found", "expected", "fix"):
            if found[field] is not None:
                (cell,) = item.find("dd", field)
                assert cell.text == " ".join(found[field].split())
    groups = tree.root.find("section", "group")
    counts = {sev: sum(f["severity"] == sev for f in findings) for sev in ("error", "warning", "info")}
    assert [len(group.find("li", "finding")) for group in groups] == list(counts.values())


def test_html_shows_claims_period_and_catalog_versions_with_the_reason(bundled):
    data, tree, _ = bundled
    (report,) = data["reports"]
    facts = tree.root.find("section", "facts")[0].text
    assert "2023-01-01 to 2023-12-31 (line 93)" in facts
    for claim in report["claims"]:
        assert f"{claim['framework']} {claim['level']} (line {claim['line']})" in facts
    assert "HKEX 2023 — the version in force for the report year beginning 2023-01-01" in facts


def test_html_index_rows_carry_their_status_and_filter_keys(bundled):
    data, tree, _ = bundled
    (report,) = data["reports"]
    rows = tree.root.find("table", "rows")[0].find("tr")[1:]
    unlisted = [f for f in report["findings"] if f["kind"] == "missing"]
    assert len(rows) == len(report["entries"]) + len(unlisted)
    assert {row.attrs["data-framework"] for row in rows} == {"GRI", "HKEX", "SASB"}
    (ghg,) = [row for row in rows if row.attrs["data-framework"] == "GRI" and "305-4" in row.text.split()]
    # its own two findings, and the section it points to ("Key Performance Indicators", line 6314)
    assert set(ghg.attrs["data-kinds"].split()) == {"mislabeled", "duplicate-label", "section-not-found"}
    assert "error" in ghg.classes
    assert sum("unlisted" in row.classes for row in rows) == len(unlisted)
    named = {(f["framework"], f["code"], str(f["line"])) for f in report["findings"] if f["line"]}
    for row in rows:
        framework, code, *_, line, status = [cell.text for cell in row.find("td")]
        if (framework, code, line) in named:
            assert row.attrs["data-kinds"] != "ok" and status != "ok"
        if row.attrs["data-kinds"] == "ok":
            assert status == "ok"
    assert sum(row.attrs["data-kinds"] == "ok" for row in rows) > 100
    options = {opt.text for select in tree.root.find("select") for opt in select.find("option")}
    assert {"all", "GRI", "HKEX", "SASB", "ok", "mislabeled", "missing"} <= options


def test_html_is_self_contained_follows_the_colour_scheme_and_prints(bundled):
    _, tree, html = bundled
    assert not tree.root.find("link") and not [s for s in tree.root.find("script") if "src" in s.attrs]
    assert "http://" not in html and "https://" not in html and "@import" not in html
    assert "prefers-color-scheme: dark" in html and "@media print" in html


def test_html_escapes_report_text():
    """Report text is untrusted: a label holding markup is shown as text, never run."""
    hostile = "<script>alert(1)</script>"
    found = Finding(
        "ESG101",
        "label-mismatch",
        "mislabeled",
        "error",
        f"label {hostile}",
        "GRI",
        "2-1",
        3,
        found=hostile,
        expected="Organizational details",
        fix="x",
    )
    html = render_html(CheckResult([ReportResult(path=f"{hostile}.txt", findings=[found])], "0"))
    assert hostile not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _batch(tmp_path: Path, corpus: bool = False) -> tuple[Path, Path]:
    """examples/ copied beside the clean fixture and a PDF that cannot be read (and, with corpus,
    the index pages of the 23 corpus reports)."""
    folder = tmp_path / "reports"
    shutil.copytree(EXAMPLE.parent, folder / "examples")
    if corpus:
        shutil.copytree(FIXTURES / "corpus", folder / "corpus")
    shutil.copy(CLEAN, folder / "clean.txt")
    broken = folder / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n this is no PDF at all")
    return folder, broken


def test_summary_gives_an_unreadable_report_its_own_row_and_keeps_the_others(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # paths as a user names them: reports/corpus/..., not a long temporary path
    folder, broken = (path.relative_to(tmp_path) for path in _batch(tmp_path, corpus=True))
    result = run(folder, "--format", "summary", "--summary-csv", tmp_path / "s.csv", env={"COLUMNS": "250"})
    assert result.exit_code == 2  # an unreadable input, as before
    lines = result.stdout.splitlines()
    (bad,) = [line for line in lines if "broken.pdf" in line]
    error = result.stderr.strip().split(f"{broken}: ", 1)[1]
    assert error and error in bad
    (good,) = [line for line in lines if "xiaomi-esg-2023.txt" in line]
    cells = [cell.strip() for cell in good.split("│")]
    severities = Counter(f.severity for f in check(EXAMPLE).reports[0].findings)
    by_severity = [str(severities[s]) for s in ("error", "warning", "info")]
    assert cells[2:4] == ["212", "GRI with-reference: 105 listed"] and cells[4:7] == by_severity
    assert (
        "HKEX comply-or-explain: 51/51" in result.stdout
        and "SASB with-reference: 6/12, 6 missing" in result.stdout
    )
    data = json.loads(render_json(check(folder)))
    counts = {
        sev: sum(f["severity"] == sev for r in data["reports"] for f in r["findings"]) for sev in SEVERITIES
    }
    assert len(data["reports"]) == 26  # 23 corpus indexes, the bundled report, the clean one, the broken PDF
    assert (
        f"26 report(s): {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info; "
        "1 could not be read"
    ) in result.stdout
    rows = list(csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8"))))
    assert [row["path"] for row in rows] == [report["path"] for report in data["reports"]]
    assert [row["path"] for row in rows] == [
        line.split("│")[1].strip() for line in lines if line.startswith("│") and line.split("│")[1].strip()
    ]
    for row, report in zip(rows, data["reports"], strict=True):
        if report["error"]:
            assert row["path"] == str(broken) and row["error"] == report["error"]
            assert all(value == "" for key, value in row.items() if key not in ("path", "error"))
            continue
        assert row["error"] == "" and row["frameworks"]
        assert row["rows"] == str(len(report["entries"])) and row["lines"] == str(report["lines"])
        for severity in ("error", "warning", "info"):
            assert row[f"{severity}s"] == str(sum(f["severity"] == severity for f in report["findings"]))
        for cover in report["coverage"]:
            for key in ("required", "listed", "complete", "partial", "missing"):
                assert row[f"{cover['framework']} {key}"] == str(cover[key])
            assert row[f"{cover['framework']} claim"] == cover["claim"]
            assert cover["framework"] in row["frameworks"]


def test_html_of_a_batch_shows_the_summary_table(tmp_path):
    folder, broken = _batch(tmp_path)
    out = tmp_path / "batch.html"
    assert run(folder, "--format", "html", "--output", out).exit_code == 2
    tree = Tree(out.read_text(encoding="utf-8"))
    (table,) = tree.root.find("table", "summary")
    rows = table.find("tr")[1:]
    assert len(rows) == 3
    (bad,) = [row for row in rows if "unreadable" in row.classes]
    assert str(broken) in bad.text and bad.find("td", "err")[0].text
    (good,) = [row for row in rows if "xiaomi" in row.text]
    assert "HKEX 51/51" in good.text and "212" in good.text
    assert len(tree.root.find("article", "report")) == 3


def test_a_single_report_has_no_batch_table(bundled):
    assert not bundled[1].root.find("table", "summary")


def test_no_progress_bar_when_piped(tmp_path, monkeypatch):
    import checker.cli

    seen = []
    real = checker.cli._progress
    monkeypatch.setattr(
        checker.cli, "_progress", lambda enabled, total: seen.append(enabled) or real(enabled, total)
    )
    folder, _ = _batch(tmp_path)
    run(folder, "--format", "summary")
    assert seen == [False]


def test_a_framework_without_a_bundled_catalog_reads_not_checked_not_complete():
    """Rows of an industry no catalog covers are kept, not checked: no bar claims they are covered."""
    from checker.render.summary import coverage_text
    from checker.result import Coverage

    note = "no bundled catalog: rows kept, not checked"
    cover = Coverage("SASB TC-SC", None, "", "", 0, 12, 0, 0, 0, 0, note)
    tree = Tree(render_html(CheckResult([ReportResult(path="r.txt", coverage=[cover])], "0")))
    assert not tree.root.find("figure", "bar")
    (line,) = tree.root.find("p", "unchecked", data_framework="SASB TC-SC")
    assert line.text == f"SASB TC-SC: 12 codes listed, not checked ({note})"
    assert coverage_text(asdict(cover)) == "12 listed, not checked"
