"""A cache of built catalogs, so a CLI run (a pre-commit hook) does not parse YAML every time.

Keyed on a hash of the catalog files' bytes, of the code that builds them (BUILDERS) and of the
package version: any change to any of them is a miss. Never needed for correctness: a missing,
unreadable, corrupt or unwritable cache is silently a miss, and the catalogs are built as before.
It lives in $XDG_CACHE_HOME/esgcheck (~/.cache/esgcheck); ESGCHECK_NO_CACHE=1 turns it off.
Entries are pickles written by this user into this user's own cache folder.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import __version__

FORMAT = 1
BUILDERS = ("catalog.py", "text.py", "untrusted.py")
"""The code a built catalog depends on: an edit to any (an editable install) is a miss. untrusted.py
decides which user catalogs are refused: a catalog cached as valid is checked again by new rules."""


def folder() -> Path | None:
    if os.environ.get("ESGCHECK_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "esgcheck"


def _sha256(data: bytes) -> Any:
    """SHA-256 from the interpreter's own module (_sha256 up to Python 3.11, _sha2 after): the same
    digest as hashlib's, without the OpenSSL library `import hashlib` loads (a few ms a run)."""
    try:
        from _sha256 import sha256
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found,no-redef]
        except ImportError:
            from hashlib import sha256
    return sha256(data)


def key(kind: str, parts: Iterable[bytes]) -> str | None:
    """A hash of what the cached value was built from, with this package's version and code;
    None (no caching) when that code cannot be read (an install without .py sources)."""
    digest = _sha256(f"{kind}\0{__version__}\0{FORMAT}\0".encode())
    try:
        for module in BUILDERS:
            digest.update(Path(__file__).with_name(module).read_bytes())
    except OSError:
        return None
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return f"{kind}-{digest.hexdigest()[:32]}"


def load(name: str | None) -> Any | None:
    where = folder()
    if where is None or name is None:
        return None
    try:
        with open(where / f"{name}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # a miss, whatever the reason: the caller builds the value
        return None


def store(name: str | None, value: Any) -> None:
    """Write atomically (a reader never sees half a file); any failure is ignored."""
    where = folder()
    if where is None or name is None:
        return
    import tempfile

    temporary = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where, suffix=".tmp", delete=False) as handle:
            temporary = handle.name
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, where / f"{name}.pickle")
    except Exception:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
