"""A cache of built catalogs, so a CLI run (a pre-commit hook) does not parse YAML every time.

Keyed on a hash of the catalog files' bytes, of the code that builds them (BUILDERS) and of the
package version: any change to any of them is a miss. Never needed for correctness: a missing,
unreadable, corrupt or unwritable cache is silently a miss, and the catalogs are built as before.
It lives in $XDG_CACHE_HOME/esgcheck (~/.cache/esgcheck); ESGCHECK_NO_CACHE=1 turns it off.
Entries are pickles written by this user into this user's own cache folder.

Every catalog edit and every new version is a new key, so each store prunes the folder, as Go's build
cache trims itself: an entry not used for MAX_AGE days goes, and only the MAX_ENTRIES last used are
kept. "Used" is the file's modification time, which a hit renews at most once an hour (access times
are unreliable: relatime, noatime). Only names of this cache's own patterns are ever deleted.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import __version__
from .digest import sha256

FORMAT = 1
MAX_AGE = 30 * 86400
"""An entry unused this long (seconds) is deleted: an old version's, or a user catalog edited since."""
MAX_ENTRIES = 16
"""At most this many entries are kept, the last used (~280 KB a shipped entry, a user one 1-80 KB):
editing a catalog all day must not fill the disk within MAX_AGE."""
TOUCH_AFTER = 3600
"""A hit renews an entry's time only when older than this: no write to the disk on every run."""
STALE_TEMPORARY = 86400
"""A temporary file this old is a write that was interrupted (a write takes milliseconds)."""
TEMPORARY_PREFIX = "partial-"
"""A write in progress, named so that prune knows it for this cache's own."""
BUILDERS = ("catalog.py", "text.py", "untrusted.py")
"""The code a built catalog depends on: an edit to any (an editable install) is a miss. untrusted.py
decides which user catalogs are refused: a catalog cached as valid is checked again by new rules."""


def folder() -> Path | None:
    if os.environ.get("ESGCHECK_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "esgcheck"


def key(kind: str, parts: Iterable[bytes]) -> str | None:
    """A hash of what the cached value was built from, with this package's version and code;
    None (no caching) when that code cannot be read (an install without .py sources)."""
    digest = sha256(f"{kind}\0{__version__}\0{FORMAT}\0".encode())
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
    path = where / f"{name}.pickle"
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
            used = os.fstat(handle.fileno()).st_mtime
    except Exception:  # a miss, whatever the reason: the caller builds the value
        return None
    if time.time() - used > TOUCH_AFTER:  # the entry is in use: prune keeps it
        with contextlib.suppress(OSError):
            os.utime(path)
    return value


def store(name: str | None, value: Any) -> None:
    """Write atomically (a reader never sees half a file), then prune; any failure is ignored."""
    where = folder()
    if where is None or name is None:
        return
    import tempfile

    temporary = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=where, prefix=TEMPORARY_PREFIX, suffix=".tmp", delete=False
        ) as handle:
            temporary = handle.name
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, where / f"{name}.pickle")
    except Exception:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return
    with contextlib.suppress(Exception):  # a cache failure is a miss, never an error
        prune(where)


def prune(where: Path, now: float | None = None) -> None:
    """Delete this cache's entries unused for MAX_AGE or beyond the MAX_ENTRIES last used, and its
    interrupted writes. Run on a store only, after a miss has built catalogs (a listing and a stat per
    file: ~0.1 ms for 16 entries), never on a hit. Files of any other name are left alone. A file gone or not
    deletable is passed over: another process may be pruning or writing the same folder meanwhile."""
    import re

    entry_name = re.compile(r"[a-z]+-[0-9a-f]{32}\.pickle")
    temporary_name = re.compile(re.escape(TEMPORARY_PREFIX) + r"\w+\.tmp")
    now = time.time() if now is None else now
    entries: list[tuple[float, str]] = []
    try:
        with os.scandir(where) as listing:
            for item in listing:
                try:
                    if not item.is_file(follow_symlinks=False):
                        continue
                    if entry_name.fullmatch(item.name):
                        entries.append((item.stat(follow_symlinks=False).st_mtime, item.path))
                    elif (
                        temporary_name.fullmatch(item.name)
                        and now - item.stat(follow_symlinks=False).st_mtime > STALE_TEMPORARY
                    ):
                        os.unlink(item.path)
                except OSError:  # gone meanwhile (another process pruned it), or not ours to stat
                    continue
    except OSError:
        return
    entries.sort(reverse=True)
    for rank, (used, path) in enumerate(entries):
        if rank >= MAX_ENTRIES or now - used > MAX_AGE:
            with contextlib.suppress(OSError):
                os.unlink(path)
