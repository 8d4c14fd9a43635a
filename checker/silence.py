"""Findings the user silenced on purpose: rules left out by `select` / `ignore`. The coverage counts
follow, so the summary and the table agree with the findings shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .findings import Finding
from .result import CheckResult, ReportResult


def rule_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Rule codes from codes, names or kinds (a kind means every rule of it: section-not-found is
    ESG401 and ESG402), each value possibly comma-separated; LookupError(part) for one naming none."""
    from .rules import RULES

    codes = []
    for value in values:
        for part in filter(None, (p.strip().upper() for p in value.split(","))):
            named = [rule.CODE for rule in RULES if part in (rule.CODE, rule.NAME.upper(), rule.KIND.upper())]
            if not named:
                raise LookupError(part)
            codes.extend(named)
    return tuple(codes)


def rule_option(values: Iterable[str], option: str) -> tuple[str, ...]:
    """rule_codes for a command-line option: a value naming no rule is a usage error (exit 2)."""
    from .errors import OptionError

    try:
        return rule_codes(values)
    except LookupError as err:
        raise OptionError(option, f"no rule '{err.args[0]}' (see `esgcheck rules`)") from None


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


def filter_frameworks(result: CheckResult, frameworks: Iterable[str] | None) -> None:
    """Only findings and coverage of these frameworks (a finding of no framework stays)."""
    if frameworks is None:
        return
    wanted = {name.casefold() for name in frameworks}
    keep_findings(
        result, lambda _report, found: found.framework is None or found.framework.casefold() in wanted
    )
    for report in result.reports:
        report.coverage = [cover for cover in report.coverage if cover.framework.casefold() in wanted]
