"""`-` as an input: a report piped in on standard input (`pandoc draft.docx -t plain | esgcheck -`).

Text is decoded as a text file is (any of the encodings reader.decode knows); a PDF or Word file
piped in is checked from a temporary copy, as their readers take a whole file."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, BinaryIO

from .errors import InputError

if TYPE_CHECKING:
    from .result import CheckResult
    from .walk import Source

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


def check_sources(sources: list[Source], stdin: bool, **options: Any) -> CheckResult:
    """engine.check on the sources, with standard input (`-`) read and checked first when named."""
    from .engine import check

    if not stdin:
        return check(*sources, **options)
    text, temporary = read_stdin()
    if text is not None:
        return check(*sources, text=text, name=NAME, **options)
    assert temporary is not None
    try:
        if options.get("dask") is None:
            result = check(temporary, *sources, **options)
        else:  # the temporary copy is on this machine only, not on the cluster's
            result = check(temporary, **{**options, "dask": None})
            result.reports += check(*sources, **options).reports
    finally:
        os.unlink(temporary)
    first = result.reports[0]
    first.path = NAME
    if first.error:
        first.error = first.error.replace(temporary, NAME)
    return result
