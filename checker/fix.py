"""`--fix` and `--diff` for Markdown and text drafts: a label that is another code's title, or a
misquoted title, becomes the official title. Only the label changes, nothing else in the line; the
file keeps its encoding (and byte order mark) and its line endings, and is replaced atomically.
PDF and Word files are never touched: their text is not where the reader edits it.

A label is found in its line as the checker read it (quotes, dashes and spaces unified), then
mapped back to the characters of the original line; a label not found whole on its row (wrapped
over two lines) is left for the editor.
"""

from __future__ import annotations

import codecs
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding
from .result import CheckResult, ReportResult
from .text import clean_text

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
FIXABLE = ("is printed with the title of", "quotes its title inexactly", "is printed with an altered title")
"""ESG101 messages whose fix is the official title: the label is a title, just the wrong or a
misquoted one. A label that is no title at all (a section name, the standard's name) is left alone."""
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE_END = re.compile(r"(\r\n|\r|\n)")


@dataclass
class FilePlan:
    """The label edits for one file, and the findings that could not be fixed, with why."""

    path: str
    bom: bytes
    encoding: str
    lines: list[str]
    fixed: list[str]
    edits: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                _keep_ends(self.lines), _keep_ends(self.fixed), f"a/{self.path}", f"b/{self.path}"
            )
        )

    def write(self) -> None:
        from .atomic import write_bytes

        write_bytes(self.path, self.bom + "".join(self.fixed).encode(self.encoding))


def _keep_ends(parts: list[str]) -> list[str]:
    """Lines with their ends joined back, for difflib (which wants whole lines)."""
    return ["".join(parts[i : i + 2]) for i in range(0, len(parts), 2)]


def fixable(found: Finding) -> bool:
    return (
        found.rule == "ESG101"
        and bool(found.line and found.found and found.expected)
        and any(phrase in found.message for phrase in FIXABLE)
    )


def plan(report: ReportResult) -> FilePlan | str | None:
    """The edits for a report's file; a string saying why it cannot be fixed; None when nothing to fix."""
    wanted = [found for found in report.findings if fixable(found)]
    if not wanted or report.error:
        return None
    path = Path(report.path)
    if path.suffix.lower() not in TEXT_SUFFIXES or not path.is_file():
        return f"{report.path}: not fixed (only Markdown and text drafts are rewritten)"
    data = path.read_bytes()
    if data.startswith((b"%PDF-", b"PK\x03\x04")):
        return f"{report.path}: not fixed (a PDF or Word file, whatever its name)"
    bom, encoding = _encoding(report.path, data)
    text = data[len(bom) :].decode(encoding)
    if text.encode(encoding) != data[len(bom) :]:
        return f"{report.path}: not fixed (its bytes would not survive a rewrite in {encoding})"
    parts = _LINE_END.split(text)  # line, end, line, end, ..., line
    fixed = list(parts)
    result = FilePlan(report.path, bom, encoding, parts, fixed)
    for found in wanted:
        index = (found.line - 1) * 2  # type: ignore[operator]
        if index >= len(fixed):
            result.skipped.append(f"{report.path}:{found.line}: not fixed (no such line)")
            continue
        span = locate(fixed[index], found.found, found.code)  # type: ignore[arg-type]
        if span is None:
            result.skipped.append(
                f"{report.path}:{found.line}: not fixed (the label is not whole on its line)"
            )
            continue
        start, end = span
        fixed[index] = fixed[index][:start] + found.expected + fixed[index][end:]  # type: ignore[operator]
        result.edits.append(found)
    return result


def _encoding(name: str, data: bytes) -> tuple[bytes, str]:
    """(byte order mark, codec without it): the BOM is written back as it was."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return bom, codec
    from .encoding import decode_text

    _text, encoding = decode_text(name, data)
    return b"", encoding


def locate(line: str, label: str, code: str | None = None) -> tuple[int, int] | None:
    """The span of the original line that reads as label once cleaned (quotes, dashes and spaces
    unified as the reader does); the occurrence after the code when there are several."""
    chars: list[str] = []
    sources: list[int] = []
    for position, char in enumerate(line):
        piece = " " if char.isspace() else clean_text(char)
        for out in piece:
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            sources.append(position)
    cleaned = "".join(chars)
    wanted = " ".join(clean_text(label).split())
    starts = [m.start() for m in re.finditer(re.escape(wanted), cleaned)]
    if not starts:
        return None
    after = cleaned.find(code) if code else -1
    start = next((s for s in starts if after >= 0 and s > after), starts[0])
    end = start + len(wanted)
    return sources[start], sources[end - 1] + 1


def fix_reports(result: CheckResult, write: bool) -> tuple[bool, list[str], str, bool]:
    """Plan each report's label fixes and write them (or, for --diff, only show them): whether a file
    changed (or would), the notes for standard error, the diff, and whether a file could not be
    read or written (exit 2)."""
    changed, failed, notes, diffs = False, False, [], []
    for report in result.reports:
        try:
            planned = plan(report)
        except OSError as err:
            notes.append(f"{report.path}: not fixed (cannot be read: {err.strerror or err})")
            failed = True
            continue
        if isinstance(planned, str):
            notes.append(planned)
        if not isinstance(planned, FilePlan):
            continue
        notes.extend(planned.skipped)
        if not planned.edits:
            continue
        if not write:
            diffs.append(planned.diff())
            changed = True
            continue
        try:
            planned.write()
        except OSError as err:
            notes.append(f"{planned.path}: not fixed (cannot be written: {err.strerror or err})")
            failed = True
            continue
        changed = True
        notes.append(f"fixed {len(planned.edits)} label(s) in {planned.path}")
    return changed, notes, "".join(diffs), failed
