"""The shape every rule module has, and the one way rules build findings."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Protocol

from .. import thresholds as t
from ..catalog import Superseded, code_key
from ..context import Context
from ..findings import Finding
from ..index_parser import IndexEntry
from ..labels import changed_words


class Rule(Protocol):
    CODE: str
    NAME: str
    KIND: str
    SEVERITY: str

    def check(self, ctx: Context) -> Iterator[Finding]: ...


def finding(
    rule: ModuleType, ctx: Context, message: str, severity: str | None = None, **fields: object
) -> Finding:
    """A finding stamped with the rule's code, name and kind, and the page of its line."""
    line = fields.get("line")
    return Finding(
        rule=rule.CODE,
        name=rule.NAME,
        kind=rule.KIND,
        severity=severity or rule.SEVERITY,
        message=message,
        page=ctx.page(line if isinstance(line, int) else None),
        **fields,  # type: ignore[arg-type]
    )


def entry_finding(
    rule: ModuleType,
    ctx: Context,
    entry: IndexEntry,
    message: str,
    severity: str | None = None,
    **fields: object,
) -> Finding:
    """A finding on one index row: its framework, code and line, and in a PDF or Word report the row
    as the reader sees it."""
    return finding(
        rule,
        ctx,
        message,
        severity,
        framework=entry.framework,
        code=entry.code,
        line=entry.line,
        row=reader_row(ctx, entry),
        **fields,
    )


READER_ROW_KINDS = ("pdf", "docx")
"""Documents whose line numbers count extracted text: a finding there also shows its row."""


def reader_row(ctx: Context, entry: IndexEntry | None) -> str | None:
    """The row as the reader sees it in a PDF or Word report: the code as printed, its label, section
    and remark, joined by " | "; None for other reports."""
    if entry is None or ctx.document.kind not in READER_ROW_KINDS:
        return None
    cells = (entry.misprint or entry.code, entry.label, entry.section, entry.remark)
    return " | ".join(" ".join(cell.split()) for cell in cells if cell and cell.strip())


def earlier_edition(ctx: Context, entry: IndexEntry) -> Superseded | None:
    """The superseded code a row means: its code's only entry in the catalog, or, where the number
    lives on with another meaning (306-2 of GRI 306 2016 and 2020), the earlier one when the
    printed label is that edition's title rather than the current one."""
    catalog = ctx.catalog_for(entry)
    old = catalog.superseded.get(code_key(entry.code)) if catalog else None
    if catalog is None or old is None:
        return None
    current = catalog.get(entry.code)
    if current is None:
        return old
    if not entry.label:
        return None
    # The parser cuts a label at the end of a wording it knows ("Water withdrawal", the 2018 title
    # of 303-3), so an earlier title may run on into the section: read the row's text as a whole.
    row = f"{entry.label} {entry.section}".strip()
    then = max(
        ctx.labels.own_score(entry.label, old.as_disclosure), ctx.labels.own_score(row, old.as_disclosure)
    )
    if then >= t.LABEL_MATCH and then > ctx.labels.own_score(entry.label, current):
        return old
    if _adds_few(entry.label, old.title) and not _adds_few(entry.label, current.title):
        return old  # the earlier title's words, a word or two added, then the row's answer
    return None


def _adds_few(label: str, title: str) -> bool:
    """The title, every word in order, with at most EDITION_ADDED_WORDS words added (what follows its
    last word, a location or an answer, is not counted)."""
    dropped, added = changed_words(label, title)
    return not dropped and added <= t.EDITION_ADDED_WORDS
