"""`-` as an input: a report piped in on standard input (`pandoc draft.docx -t plain | esgcheck -`).

Text is decoded as a text file is (any of the encodings reader.decode knows); a PDF or Word file
piped in is checked from a temporary copy, as their readers take a whole file."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import BinaryIO

from .errors import InputError

NAME = "<stdin>"


def read_stdin(stream: BinaryIO | None = None) -> tuple[str | None, str | None]:
    """(text, None) for a text report, (None, temporary path) for PDF or Word bytes; the caller
    removes the temporary file. An empty input is an InputError naming standard input."""
    data = (stream or sys.stdin.buffer).read()
    if not data.strip():
        raise InputError(NAME, "is empty")
    if data.startswith((b"%PDF-", b"PK\x03\x04")):
        suffix = ".pdf" if data.startswith(b"%PDF-") else ".docx"
        handle, path = tempfile.mkstemp(prefix="esgcheck-stdin-", suffix=suffix)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        return None, path
    from .reader import decode

    return decode(NAME, data), None
