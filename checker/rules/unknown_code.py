"""ESG201 unknown-code: a code that no catalog of its framework holds.

A typo, a code of another framework version, or a disclosure that does not exist. Codes of
a superseded version are left to ESG202, which names the successor. A code that another version
of the framework holds, and the report's version does not (HKEX A4, added by the 2020 amendments,
in a report of 2019), is a note naming that version: a report may say more than its year asks.

Fails:
    308-4  (GRI 308 has only 308-1 and 308-2)
Passes:
    308-2  Negative environmental impacts in the supply chain and actions taken

Cost: O(E) for E index rows (a dict lookup each).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..catalog import Catalog, code_key
from ..context import Context
from ..findings import Finding
from .base import entry_finding

CODE = "ESG201"
NAME = "unknown-code"
KIND = "unknown-code"
SEVERITY = "error"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    reported: set[tuple[str, str]] = set()
    for entry in ctx.index.entries:
        catalog = ctx.catalog_for(entry)
        if catalog is None or catalog.get(entry.code) or code_key(entry.code) in catalog.superseded:
            continue
        key = (entry.framework, entry.code)
        if key in reported:
            continue
        reported.add(key)
        other = ctx.other_version(entry)  # a version that holds the code, if any
        if other is not None:
            theirs = other.get(entry.code)
            assert theirs is not None
            yield entry_finding(
                _rule,
                ctx,
                entry,
                f"{entry.framework} {entry.code} is not a disclosure of {catalog.name} {catalog.version}, "
                f"the version the report is held to; it is a disclosure of {other.name} {other.version}"
                f"{_years(other)}",
                severity="info",
                found=entry.code,
                expected=theirs.title,
                fix=f"Nothing to do if the row reports {entry.code} beyond what the year asks; "
                "else check the code against the version of the report's year.",
            )
            continue
        yield entry_finding(
            _rule,
            ctx,
            entry,
            f"{entry.framework} {entry.code} is not a disclosure of {catalog.name} {catalog.version}",
            found=entry.code,
            fix="Check the code against the standard; it may be a typo or from another version.",
        )


def _years(catalog: Catalog) -> str:
    """The financial years a version governs, as HKEX and GRI date them (by the year's first day)."""
    start, end = catalog.applies_from, catalog.applies_until
    if start and end:
        return f" (years beginning {start.isoformat()} to {end.isoformat()})"
    if start:
        return f" (years beginning from {start.isoformat()})"
    return f" (years beginning by {end.isoformat()})" if end else ""
