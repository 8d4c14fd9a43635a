"""ESG301 not-listed (missing): a disclosure the framework requires, which no index row lists.

What is required follows the report's own claim (its statement of use), or --claim:
HKEX C2 mandatory and comply-or-explain provisions; GRI "in accordance with": all of GRI 2
and GRI 3 (GRI 2016: the general disclosures of the Core or Comprehensive option the report names,
and GRI 103); SASB: every metric of the industry standard. Under GRI "with reference to" the
GRI 2/3 disclosures are advice, reported as info. The material topics the user names
(`material-topics`, `--material-topic 305`) add their standards' disclosures where the claim level
says so in the catalog (`material_topics`: GRI 2021 "in accordance", GRI 2016 Comprehensive), and
as advice where it advises.

When the report prints no index rows of a claimed framework, or lists less than a third of what
the claim requires, it holds no index of that framework (published separately, or unreadable
here): one info note says so, quoting the report where it says the index is published elsewhere
("The GRI Content Index is available on our website"), instead of a finding per disclosure.

A required code printed somewhere in the report, in a row that could not be read, is not called
missing: only a code the report never prints is. One whose official title (of at least
TITLE_SEEN_MIN_WORDS words) the index prints with no code read beside it ("10254: Claims of reporting
in accordance with the GRI Standards", a hyphen lost in the text; a row whose code was left out) is a
warning saying so, at that line, not a missing row.

Fails:  an index claiming SASB Hardware with no TC-HW-410a.1 row.
Passes: every TC-HW metric listed, or listed with a reason for omission.

Cost: O(D + E) for D catalog disclosures and E index rows (set lookups).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterator
from functools import cached_property
from itertools import accumulate

from .. import thresholds as t
from ..catalog import Disclosure, code_key
from ..claims import index_elsewhere
from ..context import Context
from ..findings import Finding
from ..text import fold
from .base import finding

CODE = "ESG301"
NAME = "not-listed"
KIND = "missing"
SEVERITY = "error"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    listed = {(e.framework, code_key(e.code)) for e in ctx.index.entries}
    titled = _IndexText(ctx)
    for framework in ctx.frameworks:
        catalog = ctx.catalogs[framework]
        level = catalog.claim_level(ctx.claim_level(framework))
        required = catalog.required(level.id)
        found = sum(1 for d in required if (framework, code_key(d.code)) in listed)
        rows = any(f == framework for f, _ in listed)
        if not rows or (required and found < t.MISSING_MIN_LISTED_SHARE * len(required)):
            yield _no_index_here(ctx, framework, level.id, found, len(required), rows)
            continue
        unread = _printed(
            ctx,
            [
                d.code
                for d in catalog.disclosures.values()
                if d.required_at and (framework, code_key(d.code)) not in listed
            ],
        )
        unread_required = []
        for disclosure in catalog.disclosures.values():
            if not disclosure.required_at or (framework, code_key(disclosure.code)) in listed:
                continue
            if code_key(disclosure.code) in unread:  # printed, in a row that could not be read
                if level.id in disclosure.required_at:
                    unread_required.append(disclosure.code)
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
            if disclosure.material:
                why += f"; {disclosure.standard} is a material topic"
            if not disclosure.wording_verified:  # wording (Part D: numbering too) unverified: a note only
                severity = "info"
                why += "; its wording (or numbering) is not verified"
            if disclosure.index_row_optional:  # the report may state it in its own words: not checked here
                said = _said_in_report(ctx, disclosure)
                severity = "info"
                named = f'has "{said}"' if said else "does not name it: check it says it"
                why += f"; asked for in the report, not as an index row, and the report {named}"

            seen = titled.line_of(disclosure.title)
            if seen is not None:  # its row is there, its code lost or unreadable ("10254: Claims of ...")
                yield finding(
                    _rule,
                    ctx,
                    f"{framework} {disclosure.code} ({disclosure.title}): its title is printed in the index "
                    f"with no code beside it that could be read ({why})",
                    severity="info" if severity == "info" else "warning",
                    framework=framework,
                    code=disclosure.code,
                    expected=disclosure.title,
                    line=seen,
                    fix=f"Print {disclosure.code} beside its title.",
                )
                continue
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
        if unread_required:  # once per framework: what was not checked, and why
            yield finding(
                _rule,
                ctx,
                f"{framework} {', '.join(unread_required)}: required when reporting {level.id} and printed "
                "in the report, but in no index row that could be read: not called missing, not checked "
                "(the coverage counts them as not listed)",
                severity="info",
                framework=framework,
                fix="Check that each has a row of its own in the index.",
            )


def _said_in_report(ctx: Context, disclosure: Disclosure) -> str | None:
    """The disclosure's title or another name of it, printed in the report in any case. One pass of
    the text per name, for the few statements marked `index_row: optional`."""
    for name in (disclosure.title, *disclosure.aliases):
        if ctx.document.contains_lower([f" {name.lower()}"]):
            return name
    return None


def _no_index_here(
    ctx: Context, framework: str, level: str, found: int, required: int, rows: bool
) -> Finding:
    """One note where the report prints no index of a claimed framework, or too little of one to be
    its index: quoting the report's own statement where it says the index is published elsewhere."""
    claim = ctx.claims.get(framework)
    said = f' ("{claim.statement[:160]}", line {claim.line})' if claim and claim.line else ""
    elsewhere = index_elsewhere(ctx.document, ctx.catalogs[framework])
    if elsewhere:
        statement, line = elsewhere
        message = (
            f'{framework} is claimed {level}{said}, and the report says its index is published elsewhere: "'
            f'{statement}" (line {line}); the disclosures it requires were not checked here'
        )
        fix = f"Check the separately published {framework} index against the claim."
    elif not rows:
        message = (
            f"{framework} is claimed {level}{said}, but the report prints no {framework} index rows: "
            "no content index for it was found here, so nothing was checked against it"
        )
        fix = f"Add a {framework} content index, or say where it is published."
        line = claim.line if claim else None
    else:
        message = (
            f"{framework} is claimed {level}{said}, but the index read here lists only {found} of the "
            f"{required} disclosures that claim requires: its index is published elsewhere or could not "
            "be read, so missing disclosures were not checked one by one"
        )
        fix = f"If this document should hold the {framework} index, add it; else say where it is published."
    return finding(
        _rule,
        ctx,
        message,
        severity="info",
        framework=framework,
        line=elsewhere[1] if elsewhere else claim.line if claim else None,
        fix=fix,
    )


class _IndexText:
    """The index's lines, folded and joined, to find a required disclosure's title printed beside a
    code that could not be read (made once per check; the index is a few hundred lines)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @cached_property
    def _folded(self) -> tuple[str, list[int], list[int]]:
        """The text, where each line starts in it, and the lines' numbers; made on the first title
        asked for (an index that lists every required code asks none)."""
        lines = self.ctx.document.cleaned
        numbers = [n for first, last in self.ctx.index.spans for n in range(first, last + 1)]
        folded = [fold(lines[n - 1]) for n in numbers]
        starts = list(accumulate((len(line) + 1 for line in folded), initial=1))
        return " " + " ".join(folded) + " ", starts, numbers

    def line_of(self, title: str) -> int | None:
        """The line where the title starts, when it is long enough to be no answer's words."""
        folded = fold(title)
        if len(folded.split()) < t.TITLE_SEEN_MIN_WORDS:
            return None
        text, starts, numbers = self._folded
        at = text.find(f" {folded} ")
        return None if at < 0 else numbers[bisect_right(starts, at + 1) - 1]


def _printed(ctx: Context, codes: list[str]) -> set[str]:
    """The codes printed somewhere in the report as a code ("GRI 102-8:", "(including 103-1,
    103-2, 103-3)"), whether or not their row was read: one pass over the text for the codes whose
    characters appear in it at all."""
    flat = ctx.document.flat
    held = flat.holding(codes)  # one pass for all the codes
    present = [code for code in codes if code in held]
    if not present:
        return set()
    pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, present)) + r")(?![\w-]|\.\d)")
    return {code_key(flat[start:end]) for start, end in flat.finditer(pattern)}
