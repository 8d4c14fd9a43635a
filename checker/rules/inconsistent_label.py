"""ESG103 inconsistent-label: one code carries different labels in different rows.

Rows of the same code should print the same title. The variant that matches the official
title (or, failing that, the most frequent one) is taken as right; each other variant is
flagged at its first row.

Fails:
    2-22  External assurance                           <- flagged
    2-22  Statement on sustainable development strategy
Only codes of a bundled catalog are compared: without an official wording there is no telling
which variant is right. A disclosure reported per material topic (`per_topic` in the catalog: GRI
3-3, 2016's 103-x) is not compared: each row may name its topic.

A row listing several codes under one label is not compared: the label is the row's.

Passes: every 2-22 row printed "Statement on sustainable development strategy"; rows that
each print one enumerated part of a metric ("(1) Total energy consumed", "(2) Percentage grid
electricity").

Cost: O(E·v) for E index rows, each compared with the few (v) label variants of its own code.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from rapidfuzz import fuzz

from .. import thresholds as t
from ..context import Context
from ..findings import Finding
from ..index_parser import IndexEntry
from ..text import fold
from .base import entry_finding

CODE = "ESG103"
NAME = "inconsistent-label"
KIND = "inconsistent-label"
SEVERITY = "warning"
_rule = sys.modules[__name__]
SAME_VARIANT = 95
"""Labels this close are the same wording (a dropped comma is not a second variant)."""
_PART = re.compile(r"\((?:\d{1,2}|[a-h]|[ivx]{1,4})\)\s")
"""A label that opens with an enumerator prints one part of a multi-part metric, not its title."""


def check(ctx: Context) -> Iterator[Finding]:
    by_code: dict[tuple[str, str], list[IndexEntry]] = {}
    for entry in ctx.titled_entries:
        own_label = entry.label and not _PART.match(entry.label) and not ctx.shares_row(entry)
        disclosure = ctx.disclosure_for(entry)
        if own_label and disclosure and not disclosure.per_topic:
            by_code.setdefault((entry.framework, entry.code), []).append(entry)
    for (framework, code), rows in by_code.items():
        variants: list[list[IndexEntry]] = []
        for entry in rows:
            for variant in variants:
                if fuzz.ratio(fold(variant[0].label), fold(entry.label)) >= SAME_VARIANT:
                    variant.append(entry)
                    break
            else:
                variants.append([entry])
        if len(variants) < 2:
            continue
        right = _right_variant(ctx, variants)
        for variant in variants:
            if variant is right:
                continue
            first = variant[0]
            yield entry_finding(
                _rule,
                ctx,
                first,
                f'{framework} {code} is labelled "{first.label}" here but "{right[0].label}" '
                f"at line {right[0].line}",
                found=first.label,
                expected=right[0].label,
                fix="Print the same official title in every row of the code.",
            )


def _right_variant(ctx: Context, variants: list[list[IndexEntry]]) -> list[IndexEntry]:
    disclosure = ctx.disclosure_for(variants[0][0])
    if disclosure:
        scored = [(ctx.labels.own_score(v[0].label, disclosure), v) for v in variants]
        best_score, best = max(scored, key=lambda pair: pair[0])
        if best_score >= t.LABEL_MATCH:
            return best
    return max(variants, key=len)
