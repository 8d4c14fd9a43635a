"""ESG203 misprinted-code: a code printed with a misprint its framework's code shape admits.

A space for the hyphen ("EM-EP 000.A"), or letter O for zero ("TR-AU-OOO.A"): readers and tools
that search for the code do not find it. The row is read as the code meant (catalog `misprints`);
this rule names the misprint once per code, for the framework's codes of every industry.

Fails:
    TR-AU-OOO.A  Number of vehicles manufactured
Passes:
    TR-AU-000.A  Number of vehicles manufactured

Cost: O(E) for E index rows (a few regex substitutions each).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from .base import entry_finding

CODE = "ESG203"
NAME = "misprinted-code"
KIND = "unknown-code"
SEVERITY = "warning"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    reported: set[tuple[str, str]] = set()
    for entry in ctx.index.entries:
        if not entry.misprint or (entry.framework, entry.misprint) in reported:
            continue
        reported.add((entry.framework, entry.misprint))
        yield entry_finding(
            _rule,
            ctx,
            entry,
            f'{entry.framework} code printed "{entry.misprint}"; the code is "{entry.code}"',
            found=entry.misprint,
            expected=entry.code,
            fix=f'Print "{entry.code}".',
        )
