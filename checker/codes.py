"""Recognise framework codes in text, from the code shapes the catalogs declare."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .catalog import Catalog
from .text import clean

_SPACE_AFTER_DOT = re.compile(r"\.\s+")


@dataclass(frozen=True)
class CodeHit:
    """A code found in a line: `start` is where its prefix word (if any) begins."""

    framework: str
    code: str
    start: int
    end: int
    starred: bool = False
    prefixed: bool = False
    """Written with a prefix word ("GRI 305-4", "KPI A1.2")."""


class CodeFinder:
    """One compiled regex for every framework's code shape, with the prefix words reports use."""

    def __init__(self, catalogs: list[Catalog] | tuple[Catalog, ...]) -> None:
        shapes: dict[str, list[str]] = {}
        prefixes: set[str] = set()
        self.anywhere = {c.framework for c in catalogs if c.codes_anywhere}
        """Frameworks whose code shape prose never has: recognised anywhere in an index line."""
        for catalog in catalogs:
            shapes.setdefault(catalog.framework, [])
            if catalog.code_pattern not in shapes[catalog.framework]:
                shapes[catalog.framework].append(catalog.code_pattern)
            prefixes.update(catalog.code_prefixes)
        self.group_framework: dict[str, str] = {}
        alternatives = []
        for number, (framework, patterns) in enumerate(shapes.items()):
            group = f"f{number}"
            self.group_framework[group] = framework
            alternatives.append(f"(?P<{group}>{'|'.join(patterns)})")
        prefix = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
        prefix_part = f"(?:(?i:{prefix})[ \\t]*)?" if prefix else ""
        self._groups = tuple(self.group_framework)
        self._frameworks = tuple(self.group_framework.values())
        self.regex = re.compile(
            rf"(?<![\w.\-/]){prefix_part}(?P<code>{'|'.join(alternatives)})(?P<star>\*)?(?![\w\-]|\.\d)"
        )

    def find_all(self, text: str) -> list[CodeHit]:
        return [self._hit(m) for m in self.regex.finditer(text)]

    def holds_code(self, text: str) -> bool:
        return self.regex.search(text) is not None

    def iter_hits(self, text: str) -> Iterator[CodeHit]:
        """The hits one by one, for a caller that stops at the first it wants."""
        return (self._hit(m) for m in self.regex.finditer(text))

    def match_at_start(self, text: str) -> CodeHit | None:
        match = self.regex.match(text)
        return self._hit(match) if match else None

    def _hit(self, match: re.Match[str]) -> CodeHit:
        matched = match.group(*self._groups) if len(self._groups) > 1 else (match.group(self._groups[0]),)
        framework = self._frameworks[next(at for at, text in enumerate(matched) if text)]
        code = match.group("code")
        if not (code.isascii() and code.isprintable() and " " not in code):  # most codes: as printed
            code = _SPACE_AFTER_DOT.sub(".", clean(code))
        return CodeHit(
            framework,
            code,
            match.start(),
            match.end(),
            starred=bool(match.group("star")),
            prefixed=match.start() != match.start("code"),
        )
