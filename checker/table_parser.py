"""Index tables that arrive as tables: Markdown pipe tables and Word tables (read as pipe rows).

Columns are given roles from the header words (Disclosure / Location / Omission ...) and,
for the code column, from the cells themselves: the column in which most cells hold a code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .codes import CodeFinder
from .document import Document
from .text import clean

_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}")
ROLE_WORDS = {
    "section": re.compile(r"page|location|reference|section|cross|where|chapter", re.I),
    "remark": re.compile(r"note|remark|omission|reason|explanation|comment|response|answer", re.I),
    "label": re.compile(r"title|description|indicator|metric|requirement|disclosure|content|name", re.I),
}
MIN_CODE_SHARE = 0.3
"""A column is the code column when at least this share of its data cells hold a code."""


@dataclass
class TableRow:
    line: int
    cells: list[str]


@dataclass
class TableEntry:
    line: int
    framework: str
    code: str
    label: str
    section: str
    remark: str
    starred: bool


def pipe_tables(document: Document) -> list[list[TableRow]]:
    """Runs of consecutive lines that start with '|' (separator rows dropped). The pipe lines are
    picked by a scan in C (linescan): most reports have none, and every line is looked at."""
    cleaned = document.cleaned
    tables: list[list[TableRow]] = []
    current: list[TableRow] = []
    previous = 0
    for number in document.pipe_lines:
        if number != previous + 1 and current:
            tables.append(current)
            current = []
        previous = number
        text = cleaned[number - 1]
        if not _SEPARATOR.match(text):
            cells = [clean(cell) for cell in text.strip().strip("|").split("|")]
            current.append(TableRow(number, cells))
    if current:
        tables.append(current)
    return tables


def table_entries(table: list[TableRow], finder: CodeFinder) -> list[TableEntry]:
    """Entries of one table, or none when no column holds codes."""
    width = max(len(row.cells) for row in table)
    rows = [TableRow(row.line, row.cells + [""] * (width - len(row.cells))) for row in table]
    code_column = _code_column(rows, finder, width)
    if code_column is None:
        return []
    header = rows[0].cells
    roles = _roles(header, code_column, width)
    entries: list[TableEntry] = []
    for row in rows:
        for hit in finder.find_all(row.cells[code_column]):
            label = row.cells[roles["label"]] if roles.get("label") is not None else ""
            if label == row.cells[code_column] and roles.get("label") != code_column:
                label = ""  # one cell merged over the code and label columns, printed in both: unread
            elif label == row.cells[code_column]:
                label = row.cells[code_column][hit.end :].strip(" :-")
            entries.append(
                TableEntry(
                    line=row.line,
                    framework=hit.framework,
                    code=hit.code,
                    label=label,
                    section=_cell(row, roles.get("section")),
                    remark=_cell(row, roles.get("remark")),
                    starred=hit.starred,
                )
            )
    return entries


def _cell(row: TableRow, column: int | None) -> str:
    return row.cells[column] if column is not None else ""


def _code_column(rows: list[TableRow], finder: CodeFinder, width: int) -> int | None:
    best, best_share = None, 0.0
    for column in range(width):
        cells = [row.cells[column] for row in rows[1:] if row.cells[column]]
        if not cells:
            continue
        share = sum(1 for cell in cells if finder.match_at_start(cell)) / len(cells)
        if share > best_share:
            best, best_share = column, share
    return best if best_share >= MIN_CODE_SHARE else None


def _roles(header: list[str], code_column: int, width: int) -> dict[str, int | None]:
    """Column of each role: by header words, else the label is the column after the code."""
    roles: dict[str, int | None] = {}
    for role in ("section", "remark", "label"):
        for column in range(width):
            if column == code_column or column in roles.values():
                continue
            if ROLE_WORDS[role].search(header[column]):
                roles[role] = column
                break
    if roles.get("label") is None:
        following = code_column + 1
        roles["label"] = following if following < width and following not in roles.values() else code_column
    return roles
