"""`-` as an input: a report piped in on standard input (`pandoc draft.docx -t plain | esgcheck -`).

Text is decoded as a text file is (any of the encodings reader.decode knows); a PDF or Word file
piped in is checked from a temporary copy, as their readers take a whole file."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, BinaryIO

from .errors import InputError

if TYPE_CHECKING:
    from .engine import _Options
    from .result import ReportResult

NAME = "<stdin>"


def read_stdin(stream: BinaryIO | None = None) -> tuple[str | None, str | None]:
    """(text, None) for a text report, (None, temporary path) for PDF or Word bytes; the caller
    removes the temporary file. An empty input is an InputError naming standard input."""
    data = (stream or sys.stdin.buffer).read()
    if not data.strip():
        raise InputError(NAME, "is empty")
    if data.startswith((b"%PDF-", b"PK\x03\x04")):
        import tempfile  # ~5 ms of imports a run on files never needs

        suffix = ".pdf" if data.startswith(b"%PDF-") else ".docx"
        handle, path = tempfile.mkstemp(prefix="esgcheck-stdin-", suffix=suffix)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        return None, path
    from .reader import decode

    return decode(NAME, data), None


def check_stdin(options: _Options) -> ReportResult:
    """The report on standard input, checked here with `options` (engine.checked_options), named
    NAME. InputError when it is empty."""
    from .engine import _check_one, _check_path
    from .reader import text_document
    from .walk import Source

    text, temporary = read_stdin()
    if text is not None:
        return _check_one(lambda: text_document(NAME, text), NAME, options)
    assert temporary is not None
    try:
        report = _check_path(Source(temporary), options)
    finally:
        os.unlink(temporary)
    report.path = NAME
    if report.error:
        report.error = report.error.replace(temporary, NAME)
    return report
