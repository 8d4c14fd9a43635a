"""`--format html`: one self-contained page for editors to pass to colleagues who never open a terminal.

The page is rendered by Jinja2 templates (autoescaped: report text is untrusted) from the JSON form
of each report (`ReportResult.to_dict()`), so its numbers are the JSON's: no second analysis. Styles and
the small filter script are inline; nothing is fetched, so the file opens offline and from an e-mail.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..findings import SEVERITIES
from ..result import SCHEMA_VERSION
from .summary import SummaryRow, coverage_text, summary_row
from .writer import written

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..result import CheckResult, ReportResult, Totals

SEGMENTS = (
    ("complete", "listed, and nothing found missing"),
    ("partial", "listed, evidence for only some of what it asks"),
    ("unsupported", "listed, no evidence in the section it points to"),
    ("explained", "not listed, with a reason for omission"),
    ("missing", "required, never listed"),
)
"""The stacked bar's parts, in order; a part the coverage does not count yet is named as such."""


class Writer:
    """The page: its head (the totals and the batch table, made last), an article per report as it
    comes, and its tail. What is kept of a run is each report's path and summary row."""

    def __init__(self, tool_version: str = __version__) -> None:
        self.tool_version = tool_version
        self._environment = _environment()
        self._rows: list[SummaryRow] = []

    def head(self, totals: Totals) -> str:
        return self._page("page_head.html.j2", totals)

    def body(self, report: ReportResult) -> str:
        self._rows.append(summary_row(report))
        template = self._environment.get_template("article.html.j2")
        article = template.render(report=_report(report.to_dict()), rid=len(self._rows))
        return article + "\n"  # jinja drops a template's last newline

    def tail(self, totals: Totals) -> str:
        return self._page("page_tail.html.j2", totals)

    def _page(self, name: str, totals: Totals) -> str:
        return self._environment.get_template(name).render(
            version=self.tool_version,
            schema_version=SCHEMA_VERSION,
            paths=[row.path for row in self._rows],
            counts=totals.counts,
            summary=self._rows if len(self._rows) > 1 else [],
            severities=SEVERITIES,
            coverage_text=coverage_text,
        )


def render(result: CheckResult) -> str:
    """The whole page as one string."""
    return written(Writer(result.tool_version), result)


def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    environment = Environment(
        loader=PackageLoader("checker.render", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["without_prefix"] = str.removeprefix  # a reason repeating the name beside it
    return environment


def _report(report: dict[str, Any]) -> dict[str, Any]:
    """What the template shows of one report: its JSON, with bars, findings by severity and row status."""
    findings = report.get("findings") or []
    rows = _rows(report.get("entries") or [], findings)
    return {
        **report,
        "bars": [_bar(cover) for cover in report.get("coverage") or []],
        "by_severity": [(s, [f for f in findings if f["severity"] == s]) for s in SEVERITIES],
        "rows": rows,
        "row_frameworks": sorted({row["entry"]["framework"] for row in rows}),
        "row_kinds": sorted({kind for row in rows for kind in row["kinds"]}, key=lambda k: (k != "ok", k)),
    }


def _bar(cover: dict[str, Any]) -> dict[str, Any]:
    """A stacked bar over the disclosures the claim level requires; widths in percent of that total.
    Where the evidence rules judged the listed codes (`evidence`), the bar shows their verdicts, the
    codes not checked, and the required codes never listed, in percent of all of them."""
    evidence = cover.get("evidence")
    if evidence:
        counts = {**evidence, "explained": evidence["explained"] + evidence["omitted"]}
        counts["missing"] = cover.get("missing") or 0
        parts = [{"key": key, "meaning": meaning, "value": counts[key]} for key, meaning in SEGMENTS]
        unjudged = evidence["not_checked"]
        parts.append(
            {
                "key": "other",
                "label": "not checked",
                "meaning": "listed, its text not checked",
                "value": unjudged,
            }
        )
        total = sum(part["value"] for part in parts)
    else:
        total = cover.get("required") or 0
        parts, counted = [], 0
        for key, meaning in SEGMENTS:
            value = cover.get(key)
            counted += value or 0
            parts.append({"key": key, "meaning": meaning, "value": value})
        other = max(total - counted, 0)
        if other:
            parts.append({"key": "other", "meaning": "required, status not counted", "value": other})
    for part in parts:
        part["width"] = round(100 * (part["value"] or 0) / total, 2) if total else 0
    return {"cover": cover, "parts": parts, "required": total}


def _rows(entries: list[dict[str, Any]], findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every index row with the findings about it, then a row per disclosure the index never lists.

    A finding belongs to a row when it names the row's framework, code and line; a finding about a
    section name (no code) belongs to the rows after it that point to that section."""
    rows = [{"entry": entry, "findings": [], "listed": True} for entry in entries]
    unplaced = []
    for found in findings:
        if found.get("code"):
            owners = [
                row
                for row in rows
                if row["entry"]["framework"] == found.get("framework")
                and row["entry"]["code"] == found["code"]
                and row["entry"]["line"] == found.get("line")
            ]
        elif found.get("found") and found.get("line"):
            owners = [
                row
                for row in rows
                if row["entry"]["line"] >= found["line"] and found["found"] in (row["entry"]["section"] or "")
            ]
        else:
            owners = []
        for row in owners:
            row["findings"].append(found)
        if not owners:
            unplaced.append(found)
    for found in unplaced:
        if found.get("kind") == "missing" and found.get("code"):
            entry = {
                "framework": found.get("framework") or "",
                "code": found["code"],
                "label": found.get("expected") or "",
                "section": "",
                "line": None,
                "page": None,
            }
            rows.append({"entry": entry, "findings": [found], "listed": False})
    for row in rows:
        kinds = list(dict.fromkeys(found["kind"] for found in row["findings"]))
        row["kinds"] = kinds or ["ok"]
        row["statuses"] = [(kind, _worst(f for f in row["findings"] if f["kind"] == kind)) for kind in kinds]
        row["severity"] = _worst(row["findings"])
    return rows


def _worst(findings: Iterable[dict[str, Any]]) -> str:
    """The highest severity among the findings, or "ok" when there are none (a row's colour)."""
    severities = {found["severity"] for found in findings}
    return next((severity for severity in SEVERITIES if severity in severities), "ok")
