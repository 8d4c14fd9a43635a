"""The rules, each a module with CODE, NAME, KIND, SEVERITY, a docstring (`esgcheck explain`) and check()."""

from __future__ import annotations

from types import ModuleType

from ..context import Context
from ..findings import Finding
from . import (
    duplicate_label,
    inconsistent_label,
    mislabeled,
    misprinted_code,
    missing,
    not_checked,
    omission,
    outdated_code,
    page_not_found,
    page_unsupported,
    partial,
    section_not_found,
    unknown_code,
    unsupported_section,
)

RULES: tuple[ModuleType, ...] = (
    not_checked,
    mislabeled,
    duplicate_label,
    inconsistent_label,
    unknown_code,
    misprinted_code,
    outdated_code,
    missing,
    section_not_found,
    page_not_found,
    page_unsupported,
    partial,
    unsupported_section,
    omission,
)


def rule_by_code(code: str) -> ModuleType | None:
    wanted = code.strip().upper()
    for rule in RULES:
        if wanted in (rule.CODE, rule.NAME.upper(), rule.KIND.upper()):
            return rule
    return None


def run_rules(ctx: Context, select: set[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for rule in RULES:
        if select is None or rule.CODE in select:
            findings.extend(rule.check(ctx))
    return sorted(findings, key=Finding.sort_key)
