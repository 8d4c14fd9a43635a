"""PDF text per page with pypdfium2, so findings carry the page number."""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..errors import InputError
from ..reader import text_lines
from ..text import fold

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
    web_links: set[str] = set()
    characters = 0
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            web_links.update(_web_link_texts(page, textpage))
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
    return Document(
        path=name,
        lines=lines,
        kind="pdf",
        page_starts=page_starts,
        breaks=page_starts,
        web_links=frozenset(web_links),
    )


def _web_link_texts(page: Any, textpage: Any) -> Iterator[str]:
    """The folded texts under the page's links to web pages (URI actions); a jump within the
    document (a GoTo action) is left out, as its text names a part of this report."""
    import pypdfium2.raw as raw

    position, link = ctypes.c_int(0), raw.FPDF_LINK()
    while raw.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        action = raw.FPDFLink_GetAction(link)
        if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
            continue
        box = raw.FS_RECTF()
        if raw.FPDFLink_GetAnnotRect(link, ctypes.byref(box)):
            text = fold(textpage.get_text_bounded(box.left, box.bottom, box.right, box.top))
            if text:
                yield text


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def _pdf_problem(message: str, data: bytes) -> str:
    """PDFium's reason in words. It refuses a valid PDF of no pages without setting an error, so it
    reports the code for 'Success', or the last error of an earlier file in the same thread: a PDF
    with no page object is one of no pages whatever the message."""
    lowered = message.lower()
    if "password" in lowered or "security" in lowered:
        return "is an encrypted PDF; save an unprotected copy first"
    if not _PAGE_OBJECT.search(data):
        return "is a PDF with no pages"
    if "success" in lowered:
        return "is a PDF that PDFium cannot open (it gives no reason)"
    return "is a damaged or truncated PDF (" + message.strip().rstrip(".") + ")"
