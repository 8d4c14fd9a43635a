"""Atomic file writes: a temporary file beside the target, then one rename, so a reader (an editor,
git, a CI upload) never sees half a file, and a crash leaves the old one whole."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_bytes(path: str | Path, data: bytes) -> None:
    """Replace path's content with data, keeping its permission bits when it exists."""
    write_chunks(path, (data,))


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding))


def write_pieces(path: str | Path, pieces: Iterable[str], encoding: str = "utf-8") -> None:
    """Replace path's content with these pieces of text, written as they come."""
    write_chunks(path, (piece.encode(encoding) for piece in pieces))


def write_chunks(path: str | Path, chunks: Iterable[bytes]) -> None:
    """Replace path's content with these bytes, written as they come into a temporary file that
    takes the target's place at the end (keeping its permission bits when it exists)."""
    target = Path(path)
    mode = target.stat().st_mode & 0o7777 if target.exists() else None
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
