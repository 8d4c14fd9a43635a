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

from . import thresholds as t
from .context import Context
from .index_parser import IndexTable


def decide_roles(ctx: Context) -> None:
    """Fill `label`, `location` and `notes` of every table of the index."""
    standalone = ctx.index.standalone = _standalone(ctx)
    for table in ctx.index.tables:
        table.label, note = _label_role(ctx, table)
        if note:
            table.notes.append(note)
        table.location, note = _location_role(ctx, table, standalone)
        if note:
            table.notes.append(note)


def _label_role(ctx: Context, table: IndexTable) -> tuple[str, str]:
    reads_as_title = []
    for entry in ctx.index.entries:
        if entry.table != table.number or entry.metric or not entry.label:
            continue
        disclosure = ctx.disclosure_for(entry)
        if disclosure is None:
            continue
        reads_as_title.append(ctx.labels.resembles(entry.label, disclosure, entry.framework))
    if not reads_as_title:
        return "none", ""
    titles = sum(reads_as_title)
    if _most(titles, len(reads_as_title)):
        return "title", ""
    return "text", (
        f"labels not checked as titles: {titles} of {len(reads_as_title)} labels read as an official wording "
        f"(a title column needs {t.ROLE_MIN_SHARE:.0%} of at least {t.ROLE_MIN_ROWS}); "
        "the column holds answers, descriptions or locations"
    )


def _location_role(ctx: Context, table: IndexTable, standalone: bool) -> tuple[str, str]:
    """Each framework's block of the table decides for its own names: a GRI block may name this
    report's sections where a SASB block names its topics (`table.located` lists the first kind)."""
    counts: dict[str, list[int]] = {}  # framework: [names that are headings, names]
    for section in ctx.index.sections:
        if section.table == table.number:
            tally = counts.setdefault(section.framework, [0, 0])
            tally[0] += ctx.headings.exists(section.name)
            tally[1] += 1
    table.located = sorted(
        framework
        for framework, (found, total) in counts.items()
        if found == total or (not standalone and _most(found, total))
    )
    if not counts:
        return "none", ""
    role = "section" if table.located else "main-report" if standalone else "unresolved"
    rows = sorted(framework for framework in counts if framework not in table.located)
    if not rows:
        return role, ""
    found, total = (sum(counts[framework][part] for framework in rows) for part in (0, 1))
    which = f" of {', '.join(rows)} rows" if len(counts) > 1 else ""
    if standalone:
        return role, (
            f"{total - found} of {total} section names{which} not checked: the document is a standalone "
            "index (most of its text is the index), so they point to a report that is not here"
        )
    return role, (
        f"section names{which} not checked: {found} of {total} are headings of this report "
        f"(a section column needs {t.ROLE_MIN_SHARE:.0%} of at least {t.ROLE_MIN_ROWS}); "
        "the column holds topics, other documents or answers"
    )


def _most(matching: int, cells: int) -> bool:
    """Enough cells, and enough of them matching, to say what a column holds."""
    return cells >= t.ROLE_MIN_ROWS and matching >= t.ROLE_MIN_SHARE * cells


def _standalone(ctx: Context) -> bool:
    """An index without its report: it opens the document (little text before it) and holds a
    large share of the text. A report's own index comes after the report."""
    lines = ctx.document.cleaned

    def filled(first: int, last: int) -> int:
        """Text lines among lines first..last (list.count: C speed, no per-line array)."""
        return last - first + 1 - lines[first - 1 : last].count("")

    spans = sorted(ctx.index.spans)
    total = filled(1, len(lines))
    if not spans or not total:
        return False
    inside, covered = 0, 0
    for start, end in spans:
        start = max(start, covered + 1)
        if start <= end:
            inside += filled(start, end)
            covered = end
    lead = filled(1, spans[0][0] - 1)
    return lead <= t.STANDALONE_LEAD_SHARE * total and inside >= t.STANDALONE_INDEX_SHARE * total
