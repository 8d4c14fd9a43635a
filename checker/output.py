"""Render a result in the chosen format, to standard output or a file (`--output`), with colour only
where it belongs: a terminal, neither `--no-color` nor a non-empty NO_COLOR (no-color.org), and never
in a file."""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI imports FORMATS on every run, `esgcheck rules` too: keep it light
    from collections.abc import Callable, Iterable, Iterator

    from rich.console import Console

    from .result import CheckResult

FORMATS = ("text", "json", "sarif", "github", "markdown", "html", "summary")


def wants_color(color: bool | None, to_file: bool) -> bool | None:
    """True forces colour, False turns it off, None lets rich decide from the terminal.
    `--color` beats NO_COLOR; NO_COLOR beats a terminal; a file never gets escape codes."""
    if color is not None:
        return color and not to_file
    if to_file or os.environ.get("NO_COLOR"):
        return False
    return None


def rendered(
    result: CheckResult, output_format: str, color: bool | None = None, width: int | None = None
) -> str:
    """The whole output as one string (what `--output` writes and standard output shows)."""
    if output_format == "json":
        from .render.json_out import render

        return render(result) + "\n"
    if output_format == "sarif":
        from .render.sarif import render as render_sarif

        return render_sarif(result) + "\n"
    if output_format == "github":
        from .render.github import render as render_github

        text = render_github(result)
        return text + "\n" if text else ""
    if output_format == "markdown":
        from .render.markdown import render as render_markdown

        return render_markdown(result)
    if output_format == "html":
        from .render.html import render as render_html

        return render_html(result)
    if output_format == "summary":
        from .render.summary import render as render_summary

        return _text(result, color, width, render_summary)
    return _text(result, color, width)


def _text(
    result: CheckResult,
    color: bool | None,
    width: int | None,
    render_text: Callable[[CheckResult, Console], None] | None = None,
) -> str:
    """What a rich renderer prints (the coloured report, or the batch summary table)."""
    from rich.console import Console

    if render_text is None:
        from .render.terminal import render as render_text

    buffer = io.StringIO()
    terminal = color if color is not None else sys.stdout.isatty()
    console = Console(
        file=buffer,
        force_terminal=bool(terminal),
        no_color=not terminal,
        color_system="auto" if terminal else None,
        width=width or _terminal_width(),
        highlight=False,
    )
    render_text(result, console)
    return buffer.getvalue()


def _terminal_width() -> int:
    """shutil.get_terminal_size((80, 24)).columns without importing shutil (with bz2, lzma and
    fnmatch, a few ms of a text run): COLUMNS when a positive number, else standard output's
    terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


BLOCK = 1 << 16
"""Characters of JSON written at a time."""


def pieces(result: CheckResult, output_format: str, color: bool | None = None) -> Iterator[str]:
    """The output as `rendered` gives it, in blocks of about BLOCK characters: JSON is made a report
    at a time (a batch's whole document is never held), the other formats at once."""
    if output_format != "json":
        yield rendered(result, output_format, color)
        return
    from .render.json_out import pieces as json_pieces

    block: list[str] = []
    size = 0
    for piece in json_pieces(result):  # json's pieces are its tokens: written in blocks
        block.append(piece)
        size += len(piece)
        if size >= BLOCK:
            yield "".join(block)
            block, size = [], 0
    yield "".join(block) + "\n"


def write(text: str | Iterable[str], output: str | None) -> None:
    """To standard output, or atomically to a file (a half-written SARIF upload is worse than none).
    `text` may come in pieces (`pieces`), written as they come."""
    parts = (text,) if isinstance(text, str) else text
    if not output or output == "-":
        for part in parts:
            sys.stdout.write(part)
        sys.stdout.flush()
        return
    from .atomic import write_pieces

    write_pieces(output, parts, encoding="utf-8")
