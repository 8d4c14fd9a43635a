"""Turn the paths a user names (files, folders, globs) into the reports to check.

A folder is walked as a linter walks one: hidden entries, virtual environments (a folder holding
`pyvenv.cfg`) and what `.gitignore` excludes are skipped, so `esgcheck .` at a repository root
does not read `.venv`. Nothing that could not be walked is dropped in silence: an unreadable
subfolder, a symbolic link loop or a dangling link becomes a `Source` with its problem, which the
engine reports as that path's one-line error (exit 2) beside the other reports' results.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".docx")


@dataclass(frozen=True)
class Source:
    """A report to read, or a walked path that could not be read (`problem` says why)."""

    path: str
    problem: str | None = None


def expand_sources(sources: Iterable[str | Path | Source]) -> list[Source]:
    """Paths, folders (their report files, recursively) and globs, in a stable order; a Source
    (already expanded, as the CLI does to size its progress bar) is kept as it is."""
    expanded: list[Source] = []
    for item in sources:
        if isinstance(item, Source):
            expanded.append(item)
            continue
        source = str(item)
        path = Path(source)
        if path.is_dir():
            found = list(walk(path))
            expanded.extend(found or [Source(source)])  # an empty folder stays, to be reported as such
        elif not os.path.lexists(source) and any(ch in source for ch in "*?["):
            import glob  # a quoted glob only; the shell expands the usual ones

            expanded.extend(Source(p) for p in sorted(glob.glob(source, recursive=True)) or [source])
        else:
            expanded.append(Source(source))
    return expanded


def walk(root: Path) -> Iterator[Source]:
    """Report files under root, depth first in name order; problems as they are met."""
    ignored = _GitIgnore.for_root(root)
    yield from _walk(root, ignored, (_identity(root),))


def _walk(folder: Path, ignored: _GitIgnore, chain: tuple[tuple[int, int], ...]) -> Iterator[Source]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as err:
        yield Source(str(folder), f"folder cannot be read ({err.strerror or err})")
        return
    ignored = ignored.entering(folder)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name  # "README.md", not "./README.md", when walking "."
        problem = link_problem(path) if entry.is_symlink() else None
        if problem:
            if _may_be_report(entry.name):
                yield Source(str(path), problem)
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if ignored.excludes(path, is_dir):
            continue
        if is_dir:
            if (path / "pyvenv.cfg").exists():
                continue
            identity = _identity(path)
            if identity in chain:
                yield Source(str(path), "is a symbolic link loop (points back to a folder above it)")
                continue
            yield from _walk(path, ignored, (*chain, identity))
        elif Path(entry.name).suffix.lower() in REPORT_SUFFIXES:
            yield Source(str(path))


def link_problem(path: Path) -> str | None:
    """Why a symbolic link cannot be followed (a loop, a missing target), or None."""
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "is a symbolic link loop"
        if err.errno in (errno.ENOENT, errno.ENOTDIR):
            return f"is a dangling symbolic link (to '{os.readlink(path)}', which does not exist)"
        return f"cannot be read ({err.strerror or err})"
    return None


def _may_be_report(name: str) -> bool:
    """A broken link is reported when it could have been a report or a folder of them."""
    suffix = Path(name).suffix.lower()
    return suffix in REPORT_SUFFIXES or not suffix


def _identity(path: Path) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_dev, stat.st_ino


class _GitIgnore:
    """The .gitignore files that govern a walk: those of the repository from its root down to the
    walked folder, then each one met below it. A later (deeper) file overrides an earlier one."""

    def __init__(self, layers: tuple[tuple[Path, object], ...] = ()) -> None:
        self._layers = layers

    @classmethod
    def for_root(cls, root: Path) -> _GitIgnore:
        """Ancestors count only inside a git repository (as for git); outside one, root's own file."""
        root = root.resolve()
        folders = [root]
        for parent in root.parents:
            if (folders[-1] / ".git").exists():
                break
            folders.append(parent)
        else:
            if not (folders[-1] / ".git").exists():
                folders = [root]
        layers = cls()
        for folder in reversed(folders[1:]):
            layers = layers.entering(folder)
        return layers

    def entering(self, folder: Path) -> _GitIgnore:
        """These rules plus the folder's own .gitignore, if it has one."""
        file = folder / ".gitignore"
        try:
            lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return self
        import pathspec  # only when a .gitignore exists: most report folders have none

        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        return _GitIgnore((*self._layers, (folder.resolve(), spec)))

    def excludes(self, path: Path, is_dir: bool) -> bool:
        verdict = None
        resolved = path.parent.resolve() / path.name
        for base, spec in self._layers:
            try:
                relative = resolved.relative_to(base).as_posix()
            except ValueError:
                continue
            found = spec.check_file(relative + "/" if is_dir else relative)  # type: ignore[attr-defined]
            if found.include is not None:
                verdict = found.include
        return bool(verdict)
