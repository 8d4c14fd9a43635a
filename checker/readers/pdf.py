"""PDF text per page with pypdfium2, so findings carry the page number."""

from __future__ import annotations

import re

from ..document import Document
from ..errors import InputError
from ..reader import text_lines

MIN_TEXT_PER_PAGE = 20
"""Fewer characters than this per page on average: a scan with no text layer."""


def pdf_document(name: str, data: bytes) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise InputError(name, _pdf_problem(str(err), data)) from None
    lines: list[str] = []
    page_starts: list[int] = []
    characters = 0
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            characters += len(text.strip())
            page_starts.append(len(lines) + 1)
            lines.extend(text_lines(text) or [""])
    except pdfium.PdfiumError as err:
        raise InputError(name, _pdf_problem(str(err), data)) from None
    finally:
        pdf.close()
    if not page_starts:
        raise InputError(name, "is a PDF with no pages")
    if characters < MIN_TEXT_PER_PAGE * len(page_starts):
        raise InputError(name, "is a PDF with no text layer (scanned images?); run OCR first")
    return Document(path=name, lines=lines, kind="pdf", page_starts=page_starts, breaks=page_starts)


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def _pdf_problem(message: str, data: bytes) -> str:
    """PDFium's reason in words; it refuses a valid PDF of no pages with the code for 'Success'."""
    lowered = message.lower()
    if "password" in lowered or "security" in lowered:
        return "is an encrypted PDF; save an unprotected copy first"
    if "success" in lowered:
        if not _PAGE_OBJECT.search(data):
            return "is a PDF with no pages"
        return "is a PDF that PDFium cannot open (it gives no reason)"
    return "is a damaged or truncated PDF (" + message.strip().rstrip(".") + ")"
