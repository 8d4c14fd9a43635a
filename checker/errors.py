"""Errors that the CLI turns into a one-line message and exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """A report, catalog or config that cannot be used; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
