"""ESG301 not-listed (missing): a disclosure the framework requires, which no index row lists.

What is required follows the report's own claim (its statement of use), or --claim:
HKEX C2 mandatory and comply-or-explain provisions; GRI "in accordance with": all of GRI 2
and GRI 3 (GRI 2016: the general disclosures of the Core or Comprehensive option the report names,
and GRI 103); SASB: every metric of the industry standard. Under GRI "with reference to" the
GRI 2/3 disclosures are advice, reported as info.

When the index lists less than a third of what the claim requires, it is not that framework's
index (published separately, or unreadable here): one info note says so instead of a finding per
disclosure.

Fails:  an index claiming SASB Hardware with no TC-HW-410a.1 row.
Passes: every TC-HW metric listed, or listed with a reason for omission.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from .. import thresholds as t
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
        required = catalog.required(level.id)
        found = sum(1 for d in required if (framework, code_key(d.code)) in listed)
        if required and found < t.MISSING_MIN_LISTED_SHARE * len(required):
            yield _no_index_here(ctx, framework, level.id, found, len(required))
            continue
        for disclosure in catalog.disclosures.values():
            if not disclosure.required_at or (framework, code_key(disclosure.code)) in listed:
                continue
            required = level.id in disclosure.required_at
            if (
                not required
                and level.advises is not None
                and not set(level.advises) & set(disclosure.required_at)
            ):
                continue  # required only at a level this claim does not advise on (Comprehensive under Core)
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


def _no_index_here(ctx: Context, framework: str, level: str, found: int, required: int) -> Finding:
    """One note where the index lists too little of a claimed framework to be its index: the
    framework's index is published elsewhere, or its rows could not be read."""
    claim = ctx.claims.get(framework)
    said = f' ("{claim.statement[:160]}", line {claim.line})' if claim and claim.line else ""
    return finding(
        _rule,
        ctx,
        f"{framework} is claimed {level}{said}, but the index read here lists only {found} of the "
        f"{required} disclosures that claim requires: its index is published elsewhere or could not be "
        "read, so missing disclosures were not checked one by one",
        severity="info",
        framework=framework,
        line=claim.line if claim else None,
        fix=f"If this document should hold the {framework} index, add it; else say where it is published.",
    )
