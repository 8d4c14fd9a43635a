"""Read the report's statement of use: which frameworks it claims, and at which level."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .catalog import Catalog
from .document import Document

_SENTENCE_END = re.compile(r"[.;](?:\s|$)")
_ABOUT_THE_REPORT = re.compile(
    r"\b(?:report(?:s|ed|ing)?|index|disclos\w*|document|prepared|compiled|published|presented)\b", re.I
)
"""A statement of use speaks of the report itself (prepared, disclosed, reported in accordance with)."""
_INDEX = re.compile(r"\bindex\b", re.I)
_ELSEWHERE = re.compile(
    r"\b(?:separate(?:ly)?|stand-?alone)\b|\bavailable (?:on|at|online|via|from)\b|\bdownload"
    r"|\b(?:on|at|from) (?:our|the company's) (?:\w+ )?(?:website|web ?site|homepage|site)\b|www\.|https?://"
    r"|\bpublished (?:on|at|online|separately)\b",
    re.I,
)
"""An index said to be published outside this document: a separate document, a website, a link."""
STATEMENT_WINDOW = 400
"""Characters before a framework's name searched for the claim phrase (one long sentence)."""
SENTENCE_REACH = 2000
"""Characters after a framework's name searched for its sentence's end; none that near, and the
statement is cut 200 characters after the name."""


@dataclass(frozen=True)
class Claim:
    framework: str
    level: str
    statement: str
    line: int | None
    source: str  # "report", "default" or "user"


def read_claims(
    document: Document,
    catalogs: list[Catalog],
    overrides: dict[str, str] | None = None,
    exclude: list[tuple[int, int]] | None = None,
) -> dict[str, Claim]:
    """The first statement naming each framework with a claim phrase before it in the same sentence."""
    overrides = {k.lower(): v for k, v in (overrides or {}).items()}
    # Whether each catalog's mentions can be in the report at all, learnt in one pass for them all.
    document.learn_literals(_required_literal(m).lower() for c in catalogs for m in c.mentions)
    claims: dict[str, Claim] = {}
    for catalog in catalogs:
        wanted = overrides.get(catalog.framework.lower())
        if wanted:
            claims[catalog.framework] = Claim(
                catalog.framework, catalog.claim_level(wanted).id, "", None, "user"
            )
            continue
        found = _find_claim(document, catalog, exclude or [])
        if found:
            claims[catalog.framework] = found
    return claims


def _may_mention(document: Document, mentions: tuple[str, ...]) -> bool:
    """False only when no mention's required literal is in the report: a case-insensitive scan
    that starts with \\b cannot skip ahead and costs a fifth of a check; `in` costs nothing."""
    literals = [_required_literal(mention).lower() for mention in mentions]
    return not all(literals) or document.contains_lower(literals)


@lru_cache(maxsize=256)
def _required_literal(pattern: str) -> str:
    """The longest run of plain characters every match of the pattern contains, or "" when unsure
    (an alternation at the top level)."""
    runs, run, depth, position = [], "", 0, 0
    while position < len(pattern):
        char = pattern[position]
        position += 1
        if char == "\\" and position < len(pattern):
            escaped = pattern[position]
            position += 1
            if depth == 0 and not escaped.isalnum():
                run += escaped
                continue
        elif char == "|" and depth == 0:
            return ""
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char in "?*{" and depth == 0:
            run = run[:-1]  # the character before an optional quantifier may be absent
            if char == "{":
                position = pattern.find("}", position) + 1 or len(pattern)
        elif char == "[":
            position = _class_end(pattern, position)
        elif depth == 0 and char not in ".^$+":
            run += char
            continue
        runs.append(run)
        run = ""
    runs.append(run)
    return max(runs, key=len).strip()


def _class_end(pattern: str, position: int) -> int:
    """The position after the character class whose "[" is just before position."""
    position += pattern.startswith("^", position)
    position += pattern.startswith("]", position)
    while position < len(pattern) and pattern[position] != "]":
        position += 2 if pattern[position] == "\\" else 1
    return position + 1


def _find_claim(document: Document, catalog: Catalog, exclude: list[tuple[int, int]]) -> Claim | None:
    if not catalog.mentions or not _may_mention(document, catalog.mentions):
        return None
    flat = document.flat
    mention = re.compile("|".join(f"(?:{m})" for m in catalog.mentions), re.I)
    code = re.compile(rf"(?<![\w.-])(?:{catalog.code_pattern})(?![\w-])")
    for start, end in flat.finditer(mention):
        line = document.line_at(start)
        if any(first <= line <= last for first, last in exclude):
            continue
        window = flat[max(0, start - STATEMENT_WINDOW) : start]
        ends = list(_SENTENCE_END.finditer(window))
        if ends:
            window = window[ends[-1].end() :]
        if code.search(window):
            continue  # an index row ("102-54 Claims of reporting in accordance with ..."), not a statement
        nearest: tuple[int, str] | None = None
        for level in catalog.claim_levels:
            if level.option_of:
                continue  # read from the whole statement once its level is known
            for phrase in level.phrases:
                for found in re.finditer(phrase, window, re.I):
                    if nearest is None or found.end() > nearest[0]:
                        nearest = (found.end(), level.id)
        if nearest:
            sentence_end = flat.search(_SENTENCE_END, end, SENTENCE_REACH)
            stop = sentence_end[0] + 1 if sentence_end else end + 200
            statement = (window + flat[start:stop]).strip()
            if not _ABOUT_THE_REPORT.search(mention.sub(" ", statement)):  # not "Global Reporting ..."
                continue  # a process ("impacts identified in accordance with GRI"), not a statement of use
            return Claim(
                catalog.framework, _option(catalog, nearest[1], statement), statement[:400], line, "report"
            )
    return None


def _option(catalog: Catalog, level: str, statement: str) -> str:
    """The option of the level the statement names ("in accordance with the GRI Standards: Core
    option"), else the level itself."""
    for option in catalog.claim_levels:
        if option.option_of == level and any(re.search(p, statement, re.I) for p in option.phrases):
            return option.id
    return level


def index_elsewhere(document: Document, catalog: Catalog) -> tuple[str, int] | None:
    """The report's statement that this framework's index is published outside it ("The detailed
    GRI Standard Index is available on our Sustainability website"), with its line."""
    if not catalog.mentions or not _may_mention(document, catalog.mentions):
        return None
    flat = document.flat
    mention = re.compile("|".join(f"(?:{m})" for m in catalog.mentions), re.I)
    for start, end in flat.finditer(mention):
        before = flat[max(0, start - STATEMENT_WINDOW) : start]
        ends = list(_SENTENCE_END.finditer(before))
        begin = start - len(before) + (ends[-1].end() if ends else 0)
        after = flat.search(_SENTENCE_END, end, SENTENCE_REACH)
        sentence = flat[begin : after[0] + 1 if after else end + 200]
        if _INDEX.search(sentence) and _ELSEWHERE.search(sentence):
            return " ".join(sentence.split())[:300], document.line_at(start)
    return None
