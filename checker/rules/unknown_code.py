"""ESG201 unknown-code: a code that no catalog of its framework holds.

A typo, a code of another framework version, or a disclosure that does not exist. Codes of
a superseded version are left to ESG202, which names the successor.

Fails:
    308-4  (GRI 308 has only 308-1 and 308-2)
Passes:
    308-2  Negative environmental impacts in the supply chain and actions taken

Cost: O(E) for E index rows (a dict lookup each).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..catalog import code_key
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
        yield entry_finding(
            _rule,
            ctx,
            entry,
            f"{entry.framework} {entry.code} is not a disclosure of {catalog.name} {catalog.version}",
            found=entry.code,
            fix="Check the code against the standard; it may be a typo or from another version.",
        )
