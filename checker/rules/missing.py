"""ESG301 not-listed (missing): a disclosure the framework requires, which no index row lists.

What is required follows the report's own claim (its statement of use), or --claim:
HKEX C2 mandatory and comply-or-explain provisions; GRI "in accordance with": all of GRI 2
and GRI 3; SASB: every metric of the industry standard. Under GRI "with reference to" the
GRI 2/3 disclosures are advice, reported as info.

Fails:  an index claiming SASB Hardware with no TC-HW-410a.1 row.
Passes: every TC-HW metric listed, or listed with a reason for omission.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..catalog import code_key
from ..context import Context
from ..findings import Finding
from .base import finding

CODE = "ESG301"
NAME = "not-listed"
KIND = "missing"
SEVERITY = "error"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    listed = {(e.framework, code_key(e.code)) for e in ctx.index.entries}
    for framework in ctx.frameworks:
        catalog = ctx.catalogs[framework]
        level = catalog.claim_level(ctx.claim_level(framework))
        for disclosure in catalog.disclosures.values():
            if not disclosure.required_at or (framework, code_key(disclosure.code)) in listed:
                continue
            required = level.id in disclosure.required_at
            severity = level.missing_severity if required else "info"
            why = (
                f"required when reporting {level.id}"
                if required
                else (f"advised: required only when reporting {', '.join(disclosure.required_at)}")
            )
            yield finding(
                _rule,
                ctx,
                f"{framework} {disclosure.code} ({disclosure.title}) is not listed in the index ({why})",
                severity=severity,
                framework=framework,
                code=disclosure.code,
                expected=disclosure.title,
                fix=f"Add a row for {disclosure.code}, or state the reason for omission.",
            )
