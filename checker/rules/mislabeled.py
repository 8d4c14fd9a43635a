"""ESG101 label-mismatch (mislabeled): the label printed beside a code is not that code's title.

The label is compared with every official wording of the code (title, requirement text,
aliases in the catalog). When it matches another code's title better, the finding names
that code: the row either carries the wrong title or the wrong code, unless the label is its own
title with words dropped, a shortened title however close another is in letters. A shortened or
altered title (e.g. the standard's name instead of the disclosure's) is a warning; a title
quoted with a word or two dropped or added (not a spelling variant; QUOTE_CHANGED_WORDS, at least
three kept) is info, however many of its letters those words are. An altered title followed by
the row's answer ("Scope 2 GHG emissions Scopes 1 and 2") is still an altered title. A row that lists several
codes may print one label joining their titles. A label that opens with a standard's full name ("GRI 103:
Management Approach 2016") is the standard column of GRI's own index template, not a title. A
disclosure reported per material topic (3-3) may add its topic to the title ("Management of material
social topics").

Fails:
    305-4  Other indirect (Scope 3) GHG emissions      <- the title of 305-3
Passes:
    305-4  GHG emissions intensity

Cost: O(E·F) for E index rows and F official wordings of the row's framework (one fuzzy search per
row that misses its own title).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from difflib import SequenceMatcher

from .. import thresholds as t
from ..catalog import Disclosure
from ..context import Context
from ..findings import Finding
from ..index_parser import IndexEntry
from ..labels import changed_words, word_changes
from ..text import fold
from .base import earlier_edition, entry_finding

CODE = "ESG101"
NAME = "label-mismatch"
KIND = "mislabeled"
SEVERITY = "error"
_rule = sys.modules[__name__]


def check(ctx: Context) -> Iterator[Finding]:
    for entry in ctx.titled_entries:
        disclosure = ctx.disclosure_for(entry)
        if disclosure is None or not entry.label:
            continue
        own, form = ctx.labels.own_best(entry.label, disclosure)
        quoted = own >= t.LABEL_MATCH or (  # asked only of a row that misses its wording
            t.LABEL_MATCH < 100 and own >= t.LABEL_WRONG and _few_changes(ctx, entry, form, disclosure)
        )
        fields = dict(
            found=entry.label,
            expected=form if quoted else disclosure.title,
        )
        if quoted:
            changes = word_changes(entry.label, form) if own < 100 else []
            if changes:
                yield entry_finding(
                    _rule,
                    ctx,
                    entry,
                    f"{entry.framework} {entry.code} quotes its title inexactly ({'; '.join(changes)})",
                    severity="info",
                    fix=f'Quote the official wording: "{form}".',
                    **fields,
                )
            continue
        if earlier_edition(ctx, entry):
            continue  # the title of an earlier edition of the number: ESG202's, or still allowed
        if disclosure.per_topic and _adds_only(entry.label, disclosure.title):
            continue  # "Management of material social topics": the title, naming the topic it is for
        if ctx.shares_row(entry) and fold(disclosure.title) in fold(entry.label):
            continue  # one label joining the titles of the row's codes
        if ctx.opens_with_standard(entry):
            continue  # the GRI template's standard column ("GRI 103: Management Approach 2016 ...")
        if fold(entry.label) in {fold(name) for name in disclosure.standard_names}:
            yield entry_finding(
                _rule,
                ctx,
                entry,
                f"{entry.framework} {entry.code} is printed with the name of its standard, "
                f'"{disclosure.standard}"; expected "{disclosure.title}"',
                severity="warning",
                fix=f'Print the disclosure\'s own title "{disclosure.title}" beside {entry.code}.',
                **fields,
            )
            continue
        other = ctx.labels.best_other(entry.framework, entry.label, disclosure.code)
        if other and other.score < 100 and _drops_only(entry.label, disclosure.title):
            other = None  # its own title shortened ("Indirect (Scope 2) GHG emissions"), not 305-1's
        if other and other.score >= t.LABEL_OTHER_CODE and other.score > own:
            yield entry_finding(
                _rule,
                ctx,
                entry,
                f"{entry.framework} {entry.code} is printed with the title of {other.code}; "
                f'expected "{disclosure.title}"',
                fix=f'Print "{disclosure.title}" beside {entry.code}, or change the code to '
                f"{other.code} if that is what the row discloses.",
                **fields,
            )
        elif own < t.LABEL_WRONG and not _altered_then_answer(ctx, entry.label, disclosure):
            yield entry_finding(
                _rule,
                ctx,
                entry,
                f"{entry.framework} {entry.code} is printed with a label that is not its title; "
                f'expected "{disclosure.title}"',
                fix=f'Print the official title "{disclosure.title}".',
                **fields,
            )
        else:
            yield entry_finding(
                _rule,
                ctx,
                entry,
                f"{entry.framework} {entry.code} is printed with an altered title; "
                f'expected "{disclosure.title}"',
                severity="warning",
                fix=f'Quote the official title word for word: "{disclosure.title}".',
                **fields,
            )


def _adds_only(label: str, title: str) -> bool:
    """Every word of the title, in order, with words added among them."""
    dropped, added = changed_words(label, title)
    return not dropped and added > 0


def _few_changes(ctx: Context, entry: IndexEntry, form: str, disclosure: Disclosure) -> bool:
    """The wording with at most QUOTE_CHANGED_WORDS words dropped, or added, and at least three kept:
    a title quoted inexactly ("Indirect (Scope 2) GHG emissions", 'energy' dropped), however many of
    its letters that is, unless the label is another code's wording as printed. Not asked when
    label-match is 100: every label must then be the wording itself."""
    if disclosure.per_topic and _adds_only(entry.label, form):
        return False  # "Management of material social topics": the title naming its topic (silent)
    if fold(entry.label) in {fold(name) for name in disclosure.standard_names}:
        return False  # "Indirect economic impacts": its standard's name, which says more
    dropped, added = changed_words(entry.label, form)
    if dropped and added:
        return False  # words both dropped and added: another wording
    if dropped + added > t.QUOTE_CHANGED_WORDS or len(fold(form).split()) - dropped < 3:
        return False  # (nothing changed: its words spelt or agreeing otherwise, perhaps then a location)
    other = ctx.labels.best_other(entry.framework, entry.label, disclosure.code)
    return not (other and other.score == 100)


def _drops_only(label: str, title: str) -> bool:
    """The title with words dropped, nothing added, nothing after: a shortened title, however close
    another code's title is in letters ("Indirect (Scope 2) GHG emissions" is 93 % of "Direct (Scope
    1) GHG emissions", 90 % of its own "Energy indirect (Scope 2) GHG emissions"). "GHG emissions
    intensity" beside 305-1 is 305-4's title, not 305-1's shortened and a word after; nor is
    "Employees" beside 2-8 (another's title as printed, and too few words to say)."""
    said, official = fold(label).split(), fold(title).split()
    blocks = SequenceMatcher(a=official, b=said, autojunk=False).get_matching_blocks()
    return 3 <= len(said) < len(official) and sum(block.size for block in blocks) == len(said)


def _altered_then_answer(ctx: Context, label: str, disclosure: Disclosure) -> bool:
    """A shortened or altered title followed by the row's answer or location, which the parser
    could not cut off ("Scope 2 GHG emissions Scopes 1 and 2"): the title part alone reads as an
    altered title, a warning, not as a label that is no title at all."""
    words = label.split()
    return any(
        ctx.labels.own_score(" ".join(words[:count]), disclosure) >= t.LABEL_WRONG
        for count in range(2, len(words))
    )
