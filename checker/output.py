"""Render a result in the chosen format, to standard output or a file (`--output`), with colour only
where it belongs: a terminal, neither `--no-color` nor a non-empty NO_COLOR (no-color.org), and never
in a file."""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the CLI imports FORMATS on every run, `esgcheck rules` too: keep it light
    from collections.abc import Iterable, Iterator

    from .render.writer import Writer
    from .result import CheckResult, ReportResult, Totals

FORMATS = ("text", "json", "sarif", "github", "markdown", "html", "summary")


def wants_color(color: bool | None, to_file: bool) -> bool | None:
    """True forces colour, False turns it off, None lets rich decide from the terminal.
    `--color` beats NO_COLOR; NO_COLOR beats a terminal; a file never gets escape codes."""
    if color is not None:
        return color and not to_file
    if to_file or os.environ.get("NO_COLOR"):
        return False
    return None


def writer_for(output_format: str, color: bool | None = None, width: int | None = None) -> Writer:
    """The format's writer (render/writer.py); the rich ones print to a console of the given colour."""
    if output_format in ("text", "summary"):
        from rich.console import Console

        terminal = color if color is not None else sys.stdout.isatty()
        console = Console(
            file=io.StringIO(),
            force_terminal=bool(terminal),
            no_color=not terminal,
            color_system="auto" if terminal else None,
            width=width or _terminal_width(),
            highlight=False,
        )
        if output_format == "summary":
            from .render.summary import Writer as SummaryWriter

            return SummaryWriter(console)
        from .render.terminal import Writer as TextWriter

        return TextWriter(console)
    from importlib import import_module

    module = "json_out" if output_format == "json" else output_format
    return import_module(f".render.{module}", __package__).Writer()  # type: ignore[no-any-return]


class Output:
    """A run's output, made report by report as the run checks them: each report's part goes to a spool
    (memory, then a temporary file past SPOOL_BYTES), so a batch's memory does not grow with its
    reports; the text before them is made last, once the totals are known."""

    def __init__(self, output_format: str, color: bool | None = None, width: int | None = None) -> None:
        from .result import Totals

        self.writer = writer_for(output_format, color, width)
        self.totals: Totals = Totals()
        self._spool = _Spool()

    def add(self, report: ReportResult) -> None:
        self.totals.add(report)
        self._spool.write(self.writer.body(report))

    def pieces(self) -> Iterator[str]:
        """The whole output, in blocks of about BLOCK characters."""
        yield self.writer.head(self.totals)
        yield from self._spool.read()
        yield self.writer.tail(self.totals)


class _Spool:
    """Text kept in memory up to SPOOL_BYTES characters, in a temporary file past that (deleted when
    read, or on exit). Not tempfile.SpooledTemporaryFile: importing tempfile costs a run of one small
    report ~5 ms it never needs."""

    def __init__(self) -> None:
        self._held: list[str] = []
        self._size = 0
        self._file: Any = None

    def write(self, text: str) -> None:
        if self._file is not None:
            self._file.write(text)
            return
        self._held.append(text)
        self._size += len(text)
        if self._size > SPOOL_BYTES:
            import tempfile

            self._file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115 (closed in read)
            self._file.writelines(self._held)
            self._held = []

    def read(self) -> Iterator[str]:
        if self._file is None:
            yield from self._held
            return
        with self._file:
            self._file.seek(0)
            while block := self._file.read(BLOCK):
                yield block


SPOOL_BYTES = 1 << 20
"""The reports' parts held in memory before the spool moves them to a temporary file."""


def rendered(
    result: CheckResult, output_format: str, color: bool | None = None, width: int | None = None
) -> str:
    """The whole output as one string (what `--output` writes and standard output shows)."""
    from .render.writer import written

    return written(writer_for(output_format, color, width), result)


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
"""Characters of output read from the spool and written at a time."""


def write(text: str | Iterable[str], output: str | None) -> None:
    """To standard output, or atomically to a file (a half-written SARIF upload is worse than none).
    `text` may come in pieces (`Output.pieces`), written as they come."""
    parts = (text,) if isinstance(text, str) else text
    if not output or output == "-":
        for part in parts:
            sys.stdout.write(part)
        sys.stdout.flush()
        return
    from .atomic import write_pieces

    write_pieces(output, parts, encoding="utf-8")
