"""Turn a file into a Document, choosing the reader by content (magic bytes), not by the extension."""

from __future__ import annotations

import io
import re
from itertools import repeat
from pathlib import Path
from typing import Any, BinaryIO

from .document import Document, Heading
from .errors import InputError
from .linescan import lines_holding, lines_starting

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_PAGE_MARK = re.compile(r"^ \S")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def read_document(path: str | Path, name: str | None = None) -> Document:
    """Read one report; raise InputError naming the file for anything unusable. `name` names it
    (in the document and errors) when not its path: a relative path read from another folder."""
    path = Path(path)
    name = str(path if name is None else Path(name))
    if path.is_symlink():
        from .walk import link_problem

        problem = link_problem(path)
        if problem:
            raise InputError(name, problem)
    if not path.exists():
        raise InputError(name, "no such file")
    if path.is_dir():
        raise InputError(name, "is a directory with no reports (.txt, .md, .pdf, .docx)")
    markdown = path.suffix.lower() in {".md", ".markdown"}
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD)
            if _streamable(head):
                lines = _utf8_lines(handle, head)
                if lines is not None:
                    return lines_document(name, _checked(name, lines), markdown)
                handle.seek(0)  # not UTF-8 after all: read the bytes again, to sniff their encoding
                head = b""
            data = head + handle.read()
    except OSError as err:
        raise InputError(name, f"cannot be read ({err.strerror})") from None
    if not data.strip():
        raise InputError(name, "is empty")
    if data.startswith(b"%PDF-"):
        from .readers.pdf import pdf_document

        return pdf_document(name, data)
    if data.startswith(b"PK\x03\x04"):
        from .readers.docx import docx_document

        return docx_document(name, data)
    text = decode(name, data)
    del data  # a 200 MB report: the bytes are not kept beside the text and its lines
    return text_document(name, text, markdown)


TRAILING = " \t\n"
"""Cut from the end of each line of a text report: pdftotext ends half its lines with a space,
which made Document.cleaned copy 80 % of the text rather than share the lines."""
HEAD = 65536
"""Bytes read first: enough to tell a PDF, a Word file, a byte order mark or binary data."""


def _streamable(head: bytes) -> bool:
    """Plain UTF-8 (or ASCII) text, as nearly every text report is: read line by line."""
    from .encoding import BOMS

    if head.startswith((b"%PDF-", b"PK\x03\x04")) or b"\x00" in head:
        return False
    return not any(head.startswith(bom) for bom, encoding in BOMS if encoding != "utf-8-sig")


def _utf8_lines(handle: BinaryIO, head: bytes) -> list[str] | None:
    """The lines of a UTF-8 file decoded as they are read, so the whole text never exists as one
    string beside its lines (peak memory ~ the lines alone); None when it is not UTF-8 after all.
    Universal newlines split at \\n, \\r\\n and \\r, as text_lines does."""
    raw = io.BufferedReader(_Prefixed(head, handle))  # type: ignore[arg-type]
    stream = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline=None)
    try:
        lines = list(map(str.rstrip, stream, repeat(TRAILING)))  # map: no Python loop a line
    except UnicodeDecodeError:
        return None
    finally:
        stream.detach()
    if not lines:
        return lines
    handle.seek(-1, io.SEEK_END)
    if handle.read(1) not in (b"\n", b"\r"):  # as text_document strips the text's end
        lines[-1] = lines[-1].rstrip("\f").rstrip(TRAILING)
        if lines[-1] == "":
            lines.pop()
    return lines


class _Prefixed(io.RawIOBase):
    """The bytes already read, then the rest of the file: a file object for TextIOWrapper."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        return self._rest.readinto(buffer)


def _checked(name: str, lines: list[str]) -> list[str]:
    """The checks decode() makes on a whole text, made on streamed lines."""
    if not any(line.strip() for line in lines):
        raise InputError(name, "is empty")
    sample = "\n".join(lines[:2000])[:HEAD]
    if len(_CONTROL.findall(sample)) > len(sample) * 0.01:
        raise InputError(name, "holds binary data, not text")
    return lines


def decode(name: str, data: bytes) -> str:
    """Decode text bytes in the encoding sniffed (checker.encoding); binary junk is refused
    rather than parsed into nonsense."""
    from .encoding import decode_text

    text, _encoding = decode_text(name, data)
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls > len(sample) * 0.01:
        raise InputError(name, "holds binary data, not text")
    return text


def text_lines(text: str) -> list[str]:
    """Lines of a text whatever its line ends (\\r\\n from PDF, \\r from old Macs)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def text_document(name: str, text: str, markdown: bool = False) -> Document:
    """Lines numbered as an editor numbers them."""
    lines = [line.rstrip(TRAILING) for line in text_lines(text.rstrip("\f"))]
    del text
    if lines and lines[-1] == "":
        lines.pop()
    return lines_document(name, lines, markdown)


def lines_document(name: str, lines: list[str], markdown: bool = False) -> Document:
    """A Document of a text's lines (changed in place); pages come from form feeds when the
    extraction kept them (pdftotext puts one at the start of each page's first line)."""
    from .markers import take_markers

    markers = take_markers(lines)
    page_starts = [1]
    for number in lines_holding(lines, "\f"):
        line = lines[number - 1]
        parts = line.split("\f")
        # A break ending a line starts the page on the next line; one before or inside the text
        # starts it on this line.
        ends_line = parts[0].strip() and not parts[-1].strip()
        page_starts.extend([number + 1 if ends_line else number] * (len(parts) - 1))
        lines[number - 1] = " ".join(part for part in parts if part)
    page_starts = [start for start in page_starts if start <= len(lines)] or [1]
    has_pages = len(page_starts) > 1
    headings = markdown_headings(lines) if markdown or looks_like_markdown(lines) else []
    kind = "markdown" if headings else "text"
    breaks = page_starts if has_pages else inferred_page_marks(lines)
    return Document(
        path=name,
        lines=lines,
        kind=kind,
        page_starts=page_starts if has_pages else [],
        breaks=breaks,
        headings=headings,
        markers=markers,
    )


def looks_like_markdown(lines: list[str]) -> bool:
    heads = sum(1 for line in lines[:5000] if line[:1] == "#" and _MD_HEADING.match(line))
    pipes = sum(1 for line in lines[:5000] if line.startswith("|") and line.rstrip().endswith("|"))
    return heads >= 3 or pipes >= 10


def markdown_headings(lines: list[str]) -> list[Heading]:
    found = []
    for number, line in enumerate(lines, 1):
        match = _MD_HEADING.match(line)
        if match:
            found.append(Heading(match.group(2).strip(), number, len(match.group(1))))
    return found


def inferred_page_marks(lines: list[str]) -> list[int]:
    """pdftotext-style dumps without form feeds start each page's first line with one space.

    Used only as block boundaries (a table row never crosses one), never as page numbers:
    the convention is inferred, so findings do not quote a page from it.
    """
    spaced = lines_starting(lines, " ")
    marks = [number for number in spaced if _PAGE_MARK.match(lines[number - 1])]
    indented = sum(1 for number in spaced if lines[number - 1].startswith("  "))
    if len(marks) >= 5 and indented < len(marks) and len(marks) < len(lines) * 0.1:
        return marks
    return []
