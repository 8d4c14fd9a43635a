"""Word drafts with python-docx: paragraphs in order, headings from styles, tables kept as tables.

Each table row becomes one line of cells separated by " | " (as a Markdown pipe table), so
the index parser reads a Word table cell by cell, never as flattened prose.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from ..document import Document, Heading
from ..errors import InputError
from ..text import clean, fold


def docx_document(name: str, data: bytes) -> Document:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        word = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InputError(name, f"is not a readable Word (.docx) file ({err})") from None
    lines: list[str] = []
    headings: list[Heading] = []
    web_links: set[str] = set()
    for block in word.iter_inner_content():
        if isinstance(block, Paragraph):
            web_links.update(_web_link_texts(block))
            text = clean(block.text)
            style = block.style.name if block.style is not None else ""
            if text and style.lower().startswith(("heading", "title")):
                level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
                headings.append(Heading(text, len(lines) + 1, level))
            lines.append(text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = row.cells  # python-docx builds the tuple on each access
                for cell in cells:
                    for paragraph in cell.paragraphs:
                        web_links.update(_web_link_texts(paragraph))
                cells = [clean(cell.text).replace("|", "/") for cell in cells]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    if not any(lines):
        raise InputError(name, "is a Word file with no text")
    return Document(path=name, lines=lines, kind="docx", headings=headings, web_links=frozenset(web_links))


def _web_link_texts(paragraph: Any) -> list[str]:
    """The folded texts of a paragraph's links to web pages (an external address, not a bookmark
    within the document): a location printed as one names another document."""
    return [text for link in paragraph.hyperlinks if link.address and (text := fold(link.text))]
