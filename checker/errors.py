"""Errors that the CLI turns into a one-line message and exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """A report, catalog or config that cannot be used; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class OptionError(InputError, ValueError):
    """An option value that names nothing that exists (a level, framework or version); `path` is
    the option. A usage error: exit 2, the valid values listed."""


class NoIndexError(InputError):
    """A readable report with no content index: an error for a report, but most files of a drafting
    repository are like that, so the pre-commit hook (`--allow-no-index`) lets them pass."""
