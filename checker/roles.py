"""What each column of an index table holds, decided for the table as a whole.

An index cell beside a code may be the code's title, a section of this report, a reference to
another document, an answer ("Santa Clara, California", "No incidents", figures) or an omission
reason. Row by row these cannot be told apart with confidence; across a whole table they can:
in a title column most cells read as some code's official wording, and in a section column
most names are headings of this report. Rules then read only the fields whose role is known
(ESG101-103 the titles, ESG401 the section names); a table whose roles are unclear gets one
note instead of a finding per row.

Cost: one fuzzy match per row against the catalog's wordings, one heading lookup per name.
"""

from __future__ import annotations

from array import array

from . import thresholds as t
from .context import Context
from .index_parser import IndexTable


def decide_roles(ctx: Context) -> None:
    """Fill `label`, `location` and `notes` of every table of the index."""
    standalone = _standalone(ctx)
    for table in ctx.index.tables:
        table.label, note = _label_role(ctx, table)
        if note:
            table.notes.append(note)
        table.location, note = _location_role(ctx, table, standalone)
        if note:
            table.notes.append(note)


def _label_role(ctx: Context, table: IndexTable) -> tuple[str, str]:
    scores = []
    for entry in ctx.index.entries:
        if entry.table != table.number or entry.metric or not entry.label:
            continue
        disclosure = ctx.disclosure_for(entry)
        if disclosure is None:
            continue
        scores.append(ctx.labels.resemblance(entry.label, disclosure, entry.framework))
    if not scores:
        return "none", ""
    titles = sum(1 for score in scores if score >= t.TITLE_ROLE_SCORE)
    if _most(titles, len(scores)):
        return "title", ""
    return "text", (
        f"labels not checked as titles: {titles} of {len(scores)} labels read as an official wording "
        f"(a title column needs {t.ROLE_MIN_SHARE:.0%} of at least {t.ROLE_MIN_ROWS}); "
        "the column holds answers, descriptions or locations"
    )


def _location_role(ctx: Context, table: IndexTable, standalone: bool) -> tuple[str, str]:
    sections = [section for section in ctx.index.sections if section.table == table.number]
    frameworks = sorted({section.framework for section in sections})
    if len(frameworks) > 1:  # blocks of several frameworks: each block's names decide for it
        return _blocks_role(ctx, table, sections, frameworks, standalone)
    table.located = frameworks
    names = [section.name for section in sections]
    if not names:
        return "none", ""
    found = sum(1 for name in names if ctx.headings.exists(name))
    if found == len(names):
        return "section", ""
    if standalone:
        return "main-report", (
            f"{len(names) - found} of {len(names)} section names not checked: the document is a "
            "standalone index (most of its text is the index), so they point to a report that is not here"
        )
    if _most(found, len(names)):
        return "section", ""
    return "unresolved", (
        f"section names not checked: {found} of {len(names)} are headings of this report "
        f"(a section column needs {t.ROLE_MIN_SHARE:.0%} of at least {t.ROLE_MIN_ROWS}); "
        "the column holds topics, other documents or answers"
    )


def _blocks_role(
    ctx: Context, table: IndexTable, sections: list, frameworks: list[str], standalone: bool
) -> tuple[str, str]:
    notes = []
    for framework in frameworks:
        names = [section.name for section in sections if section.framework == framework]
        found = sum(1 for name in names if ctx.headings.exists(name))
        if found == len(names) or (not standalone and _most(found, len(names))):
            table.located.append(framework)
        else:
            notes.append(f"{framework} {found} of {len(names)}")
    if not table.located:
        return ("main-report" if standalone else "unresolved"), (
            f"section names not checked: of each framework's rows, too few name headings of this report "
            f"({', '.join(notes)})"
        )
    return "section", (
        f"section names of {', '.join(n.split()[0] for n in notes)} rows not checked: "
        f"{'; '.join(notes)} are headings of this report (a section column needs "
        f"{t.ROLE_MIN_SHARE:.0%} of at least {t.ROLE_MIN_ROWS}); they name topics, other documents or answers"
    ) if notes else ""


def _most(matching: int, cells: int) -> bool:
    """Enough cells, and enough of them matching, to say what a column holds."""
    return cells >= t.ROLE_MIN_ROWS and matching >= t.ROLE_MIN_SHARE * cells


def _standalone(ctx: Context) -> bool:
    """An index without its report: it opens the document (little text before it) and holds a
    large share of the text. A report's own index comes after the report."""
    filled = array("l", [0])  # filled[n]: text lines among the first n lines (an array: 8 bytes each)
    for text in ctx.document.cleaned:
        filled.append(filled[-1] + bool(text))
    spans = sorted(ctx.index.spans)
    if not spans or not filled[-1]:
        return False
    inside, covered = 0, 0
    for start, end in spans:
        start = max(start, covered + 1)
        if start <= end:
            inside += filled[end] - filled[start - 1]
            covered = end
    lead = filled[spans[0][0] - 1]
    total = filled[-1]
    return lead <= t.STANDALONE_LEAD_SHARE * total and inside >= t.STANDALONE_INDEX_SHARE * total
