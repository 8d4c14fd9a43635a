"""SHA-256 without OpenSSL: the cache keys and finding fingerprints are made on every CLI run."""

from __future__ import annotations

from typing import Any


def sha256(data: bytes) -> Any:
    """SHA-256 from the interpreter's own module (_sha256 up to Python 3.11, _sha2 after): the same
    digest as hashlib's, without the OpenSSL library `import hashlib` loads (a few ms a run)."""
    try:
        from _sha256 import sha256 as own
    except ImportError:
        try:
            from _sha2 import sha256 as own  # type: ignore[import-not-found,no-redef]
        except ImportError:
            from hashlib import sha256 as own
    return own(data)
