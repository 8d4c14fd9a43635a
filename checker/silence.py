"""Findings the user silenced on purpose: rules left out by `select` / `ignore`. The coverage counts
follow, so the summary and the table agree with the findings shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .findings import Finding
from .result import CheckResult, ReportResult


def rule_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Rule codes from codes, names or kinds, each value possibly comma-separated; LookupError(part)
    for one that names no rule."""
    from .rules import rule_by_code

    codes = []
    for value in values:
        for part in filter(None, (p.strip() for p in value.split(","))):
            rule = rule_by_code(part)
            if rule is None:
                raise LookupError(part)
            codes.append(rule.CODE)
    return tuple(codes)


def keep_findings(result: CheckResult, keep: Callable[[ReportResult, Finding], bool]) -> None:
    """Drop the findings keep() refuses, in place, and recount each framework's findings."""
    for report in result.reports:
        report.findings = [found for found in report.findings if keep(report, found)]
        for cover in report.coverage:
            if cover.catalog is not None:
                cover.findings = sum(1 for f in report.findings if f.framework == cover.framework)


def filter_rules(result: CheckResult, select: Iterable[str] | None, ignore: Iterable[str]) -> None:
    """Only the selected rules (all when select is None), less the ignored ones."""
    chosen = None if select is None else set(select)
    dropped = set(ignore)
    if chosen is None and not dropped:
        return
    keep_findings(
        result, lambda _report, found: (chosen is None or found.rule in chosen) and found.rule not in dropped
    )
