"""The rule texts `esgcheck rules` and `explain` print, cut into the parts SARIF and Markdown need."""

from __future__ import annotations

from types import ModuleType


def summary(rule: ModuleType) -> str:
    """The one-line summary after the code and name on the docstring's first line."""
    return (rule.__doc__ or "").strip().splitlines()[0].split(":", 1)[-1].strip()


def description(rule: ModuleType) -> str:
    """The docstring's first paragraph, joined into one line of prose."""
    first = (rule.__doc__ or "").strip().split("\n\n", 1)[0]
    return " ".join(first.split())


def full_text(rule: ModuleType) -> str:
    """Everything `esgcheck explain` prints."""
    return (rule.__doc__ or "").strip()
