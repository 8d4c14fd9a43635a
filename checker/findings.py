"""What a rule reports: one problem, where it sits, what was found and what was expected."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import OptionError

SEVERITY_ORDER = {"error": 3, "warning": 2, "info": 1}
SEVERITIES = tuple(SEVERITY_ORDER)
"""The severities, worst first."""
FAIL_LEVELS = ("error", "warning", "info", "never")


def fail_level(value: str) -> str:
    """The fail level in canonical form ("Error" -> "error"); anything else is an OptionError,
    not the KeyError a severity table lookup would raise."""
    level = str(value).strip().lower()
    if level not in FAIL_LEVELS:
        raise OptionError("fail_on", f"no fail level '{value}' (valid: {', '.join(FAIL_LEVELS)})")
    return level


KINDS = (
    "missing",
    "partial",
    "unsupported",
    "mislabeled",
    "duplicate-label",
    "inconsistent-label",
    "unknown-code",
    "outdated-code",
    "section-not-found",
    "omission-unexplained",
    "not-checked",
)


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    kind: str
    severity: str
    message: str
    framework: str | None = None
    code: str | None = None
    line: int | None = None
    page: int | None = None
    found: str | None = None
    expected: str | None = None
    fix: str | None = None
    row: str | None = None
    """In a PDF or Word report, the index row the finding is on as the reader sees it: its code, label,
    section and remark joined by " | " ("305-4 | GHG emissions intensity | Climate Action"), since
    the line number counts lines of extracted text the reader never sees. None for text and Markdown
    reports (the line is the row in the file) and for findings on no row."""

    def at_least(self, severity: str) -> bool:
        return SEVERITY_ORDER[self.severity] >= SEVERITY_ORDER[severity]

    def sort_key(self) -> tuple[int, int, str, str]:
        return (-SEVERITY_ORDER[self.severity], self.line or 10**9, self.rule, self.code or "")
