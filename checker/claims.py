"""Read the report's statement of use: which frameworks it claims, and at which level."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .catalog import Catalog
from .document import Document

_SENTENCE_END = re.compile(r"[.;](?:\s|$)")
STATEMENT_WINDOW = 400
"""Characters before a framework's name searched for the claim phrase (one long sentence)."""


@dataclass(frozen=True)
class Claim:
    framework: str
    level: str
    statement: str
    line: int | None
    source: str  # "report", "default" or "user"


def _flat(document: Document) -> tuple[str, list[int]]:
    """The report as one string, with the offset where each line starts."""
    offsets, parts, position = [], [], 0
    for text in document.cleaned:
        offsets.append(position)
        parts.append(text)
        position += len(text) + 1
    return " ".join(parts), offsets


def _line_at(offsets: list[int], position: int) -> int:
    from bisect import bisect_right

    return bisect_right(offsets, position)


def read_claims(
    document: Document,
    catalogs: list[Catalog],
    overrides: dict[str, str] | None = None,
    exclude: list[tuple[int, int]] | None = None,
) -> dict[str, Claim]:
    """The first statement naming each framework with a claim phrase before it in the same sentence."""
    flat, offsets = _flat(document)
    overrides = {k.lower(): v for k, v in (overrides or {}).items()}
    claims: dict[str, Claim] = {}
    for catalog in catalogs:
        wanted = overrides.get(catalog.framework.lower())
        if wanted:
            claims[catalog.framework] = Claim(
                catalog.framework, catalog.claim_level(wanted).id, "", None, "user"
            )
            continue
        found = _find_claim(flat, offsets, catalog, exclude or [])
        if found:
            claims[catalog.framework] = found
    return claims


def _find_claim(
    flat: str, offsets: list[int], catalog: Catalog, exclude: list[tuple[int, int]]
) -> Claim | None:
    mention = re.compile("|".join(f"(?:{m})" for m in catalog.mentions), re.I) if catalog.mentions else None
    if mention is None:
        return None
    for match in mention.finditer(flat):
        line = _line_at(offsets, match.start())
        if any(start <= line <= end for start, end in exclude):
            continue
        window_start = max(0, match.start() - STATEMENT_WINDOW)
        window = flat[window_start : match.start()]
        ends = list(_SENTENCE_END.finditer(window))
        if ends:
            window = window[ends[-1].end() :]
        nearest: tuple[int, str] | None = None
        for level in catalog.claim_levels:
            for phrase in level.phrases:
                for found in re.finditer(phrase, window, re.I):
                    if nearest is None or found.end() > nearest[0]:
                        nearest = (found.end(), level.id)
        if nearest:
            sentence_end = _SENTENCE_END.search(flat, match.end())
            stop = sentence_end.start() + 1 if sentence_end else match.end() + 200
            statement = (window + flat[match.start() : stop]).strip()
            return Claim(catalog.framework, nearest[1], statement[:400], line, "report")
    return None
