"""ESG503 omission-unexplained: an index row marks its disclosure left out and gives no reason.

HKEX "comply or explain" provisions must be disclosed or explained; GRI asks a reason for each
omission; SASB a reason for each metric not reported. A row whose text says the disclosure is
omitted ("Not reported", "Omitted") and holds none of the reasons the catalog lists ("not
applicable", "not material", "no incidents", "information unavailable", "confidential") is
flagged. A row that explains ("Not applicable: the Group has no production facilities") is
explained, not omitted, and counts so in the coverage.

Fails:
    TC-HW-000.B  Number of manufacturing facilities    Not reported
Passes:
    TC-HW-000.B  Number of manufacturing facilities    Not applicable: all manufacturing is outsourced

Cost: O(E·r) for E index rows and r reason and marker phrases.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from .base import entry_finding

CODE = "ESG503"
NAME = "omission-unexplained"
KIND = "omission-unexplained"
SEVERITY = "warning"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    for verdict in ctx.evidence.with_status("omitted"):
        entry = verdict.entry
        yield entry_finding(
            _rule,
            ctx,
            entry,
            f"{entry.framework} {entry.code} is marked as left out with no reason: "
            f'"{(entry.remark or entry.section or entry.label)[:80]}"',
            found=entry.remark or entry.section or entry.label,
            expected="a reason for the omission (not applicable, not material, information unavailable, ...)",
            fix="Give the reason the disclosure is left out, or disclose it.",
        )
