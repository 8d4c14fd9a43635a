"""SHA-256 without OpenSSL, for the cache keys and the findings' fingerprints (baselines, SARIF)."""

from __future__ import annotations

try:  # the interpreter's own module: _sha256 up to Python 3.11, _sha2 after
    from _sha256 import sha256
except ImportError:
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,no-redef]
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment]

__all__ = ["sha256"]
"""The same digest as hashlib's, without the OpenSSL library `import hashlib` loads (a few ms a run)."""
