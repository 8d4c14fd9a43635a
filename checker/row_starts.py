"""Where the rows of a content index start: which lines hold a row's code, and where a line holds
several rows.

A code at the line start; a code split over two lines; a code after a section name ("Talent
Nurturing B1"), after data cells ("Voluntary turnover 5.4% 3.6% 401-1"), after a column of numbers
("1-6, 7 GRI 102-16:") or after the previous row's answer when its own title follows; codes in a
bracket after the row's words; a code column at the end of the row; rows joined on one line; a
section listing its codes (an inverted index); and codes of a shape prose never has (SASB) anywhere.
Decided from the catalogs' code shapes and wordings, never from a report's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import compress

from rapidfuzz import fuzz

from . import thresholds as t
from .catalog import Catalog, Disclosure, code_key
from .codes import CodeFinder, CodeHit
from .document import Document
from .linescan import either, lines_holding
from .sections import title_like
from .text import fold

_DATA_CELL = r"(?:[-–—$%.,/]|\d[\d.,%]*(?:-\d[\d.,%]*)?|n/?a)"
_DATA_CELLS = re.compile(rf"{_DATA_CELL}(?:\s+{_DATA_CELL})*")
"""A prefix of data cells only (years' figures, dashes, a column of principle numbers "1-6, 7, 10"):
the code sits in a trailing code column, or follows a column of numbers."""
_LEADING_DATA = re.compile(rf"^(?:{_DATA_CELL}\s+)+")
_TRAILING_DATA = re.compile(r"(?:\s(?:[-–—]|[<>]?[-+−]?[$€]?\d[\d.,]*\+?(?:%\d?)?|n/?a)){2,}$")
"""A row label followed by two or more data cells: the code is in a trailing code column. Figures
may carry "+" ("1,200+") or a footnote mark after "%" ("47.6%4")."""
_NO_LABEL = re.compile(r"(?:[\W_]|\b[A-Z]{2,5}\b)*")
"""What is left of a code line that carries no label: punctuation and acronyms ("WEF", "SASB")."""
_CODE_STEM = re.compile(r"(.*[-.])(\d+)$")
"""A code's last number and what comes before it ("305-" and "2" of "305-2")."""
_CODE_JOINER = re.compile(r"\s*(?:\(\d{4}\))?\s*(?:[,/;&]|and)?\s*")
"""Between codes of one row: a separator, and a standard's year ("306-3 (2020) RT-AE-150a.1")."""
_TITLE_PREFIX = re.compile(r"^[A-Z][A-Za-z'’&]*(?:[ \t]+(?:[A-Z][A-Za-z'’&]*|and|of|for|the|to|&)){0,5}$")
_CITING_WORD = re.compile(
    r"\b(?:see|refer|to|in|under|per|and|or|of|with|also|cf|from|by|table|figure|chart)\W*$", re.I
)
"""A word before a code that cites it inside a row ("see 2-7", "in line with 305-1"), or a caption
("GRI Table 102-8 A: Total number of employees"): no row starts there."""
_PAGE_WORD_END = re.compile(r"\b(?:pp?\.?|pages?)\s*$", re.I)
_NUMBERED_NAME = re.compile(r"(?:^|\s)\d{1,2}\.\s+(\D+)$")
"""The last of numbered sub-section names printed before a row's codes."""
_BARE_STANDARD = re.compile(r"\s*[,;/]\s*\d{3}(?=\s*[,;/])")
"""A standard's number listed among codes ("102-22, 405, 405-1"): skipped, the list goes on."""
_SIBLINGS = re.compile(r",(\d)(?![\w\-.])")
"""Further codes of the same stem printed compactly after a code ("103-1,2,3"): a digit, no space."""


@dataclass
class CodeLine:
    """A line holding a row's code(s), with the text after them (`rest`) and before (`prefix`)."""

    number: int
    hit: CodeHit
    prefix: str
    rest: str
    body_from: int
    extra: list[CodeHit] = field(default_factory=list)
    metric: str | None = None
    """For a code at the end of a data row: the metric's name before the figures ("" if above)."""
    rest_at: int = 0
    """Where `rest` begins in the text the code line was read from."""


def _bracket_closed(code_line: CodeLine) -> CodeLine:
    """Codes cited in a bracket ("Management approach (103-1; 103-2; 103-3)"): the row's text is no
    title of theirs."""
    if code_line.rest.startswith(")"):
        code_line.metric = ""
    return code_line


def _cited(before: str, hit: CodeHit) -> bool:
    """Whether a code-shaped text is cited, not a row's key: after a citing word, or a page range
    after a page word ("pp. 2-3"; "Pages 102-30" is no range, its numbers fall)."""
    if _CITING_WORD.search(before):
        return True
    if not _PAGE_WORD_END.search(before):
        return False
    numbers = [int(n) for n in re.findall(r"\d+", hit.code)]
    return len(numbers) == 2 and numbers[0] < numbers[1]


def prefix_score(candidate: str, form: str) -> float:
    """How well `candidate` reads as the beginning of `form` (100: it is a prefix).

    Text running past the end of the form is not the form any more, so it scores 0.
    """
    if not candidate or len(candidate) > len(form) + max(3, len(form) // 20):
        return 0.0
    return fuzz.ratio(candidate, form[: len(candidate)])


class RowStarts:
    """Finds the lines that start index rows; the parser (IndexParser) reads the rows from there."""

    def __init__(self, catalogs: list[Catalog], finder: CodeFinder | None = None) -> None:
        self.catalogs = {c.framework: c for c in catalogs}
        self.finder = finder or CodeFinder(catalogs)
        self._own_forms_of: dict[tuple[str, str], tuple[str, ...]] = {}
        prefixes = "|".join(re.escape(p) for c in catalogs for p in c.code_prefixes) or "(?!)"
        self._standard_heading = re.compile(rf"^(?:{prefixes})\s*[A-Z]?\d+(?:\.\d+)?\s*:", re.I)
        misprints = "|".join(printed for c in catalogs for printed, _ in c.misprints)
        self._misprinted = re.compile(misprints) if misprints else None
        """Every code holds a digit, but a misprinted one ("TR-AU-OOO.A"), which still has its hyphens:
        asked of lines with a hyphen and no digit."""

    def code_lines(self, document: Document) -> list[CodeLine]:
        """Lines that start an index row.

        A code at the line start; a code split over two lines; a code after a short section
        name ("Talent Nurturing B1"); a code after data cells only ("- - - 102-12 -", "305,
        305-1"); and codes of a shape prose never has (SASB) anywhere in the line.
        """
        found: list[CodeLine] = []
        lines = document.cleaned
        holds_code = self.finder.holds_code
        # Every code holds a digit but a misprint; short lines may be a split code's half. Pipe-table
        # rows are read cell by cell, by the table parser. (Flags made in C: asked of every line.)
        worth = either(document.with_figure, document.lengths_between(1, 8))
        for number in lines_holding(lines, "-") if self._misprinted else ():
            worth[number - 1] |= self._misprinted.search(lines[number - 1]) is not None
        for number in document.pipe_lines:
            worth[number - 1] = 0
        candidates = compress(range(1, len(lines) + 1), worth)
        skip_until = 0
        for number in candidates:
            if number <= skip_until:
                continue
            text = lines[number - 1]
            if len(text) > 8 and not holds_code(text):
                continue  # most lines with a figure hold no code, and only a short line is a code's half
            hit = self.finder.match_at_start(text)
            if hit and _cited(lines[number - 2] if number > 1 else "", hit):
                continue  # "Annual report 2021, pp." then "2-3": a page range, not a code
            if hit:
                code_line = self._code_line(number, hit, "", text)
                if _NO_LABEL.fullmatch(code_line.rest):
                    code_line.metric = self._metric_above(lines, number, found)
                found += self._joined_rows(_bracket_closed(code_line))
                continue
            split = self._split_code(lines, number, text)
            if split:
                found.append(split)
                skip_until = split.body_from - 1
                continue
            uncited = (hit for hit in self.finder.iter_hits(text) if not _cited(text[: hit.start], hit))
            first = next(uncited, None)
            if first:
                found += self._mid_line_rows(lines, number, first, text)
        return found

    def _mid_line_rows(self, lines: list[str], number: int, hit: CodeHit, text: str) -> list[CodeLine]:
        """The rows of a line whose first code comes after some text, by what that text is. The
        code line is read once; each reading of it works on its own copy."""
        prefix = text[: hit.start].strip()
        unnumbered = _LEADING_DATA.sub("", prefix)  # "7 GRI 103: ..." after a column of numbers
        data_only = _DATA_CELLS.fullmatch(prefix)
        if hit.prefixed and prefix and not data_only:
            return []  # "... 12.3% GRI 305-4, WEF": a citation in a data table, not an index key
        base = self._code_line(number, hit, "", text)
        data = None if data_only else _TRAILING_DATA.search(prefix)
        if data or data_only:
            code_line = replace(base)
            titled = text[hit.end : hit.end + 1] == ":"  # "7, 8 GRI 305-1: Direct (Scope 1) ..."
            if not titled and (data or len(prefix.split()) >= 2):
                code_line.metric = prefix[: data.start()].strip() if data else ""
            return [code_line]
        if _TITLE_PREFIX.match(prefix) or self._standard_heading.match(unnumbered):
            # "Talent Nurturing B1 ...", "GRI 103: ... 2016 (including 103-1, 103-2, 103-3)"
            return self._joined_rows(_bracket_closed(replace(base, prefix=unnumbered)))
        if prefix.endswith("("):  # "Employment - Management approach (103-1; 103-2; 103-3)": the
            bracketed = _bracket_closed(replace(base))  # row's codes, its words no title of theirs
            if bracketed.extra and bracketed.metric == "":
                return [bracketed]
        grouped = self._grouped_rows(prefix, base)
        if grouped:
            return grouped
        if self._ends_row(hit, prefix, base.rest):  # "Location of headquarters Purchase, NY 102-3."
            return [replace(base, metric=prefix)]  # the row's own description, not the code's title
        if hit.framework in self.finder.anywhere or self._opens_own_title(hit, text, lines, number):
            return self._joined_rows(replace(base))
        return []

    def _grouped_rows(self, prefix: str, base: CodeLine) -> list[CodeLine]:
        """Index rows whatever opens their line: rows joined on one line after a table header
        (three or more), or after a topic name (two or more); a section name listing its codes
        ("Climate commitments and status A1, A1.2, A1.5; 305-1, 305-2": an inverted index)."""
        numbered = _NUMBERED_NAME.search(prefix)  # "Chapter 1. Diverse consumption 2. Inclusive consumption"
        name = numbered[1] if numbered else prefix
        group = name if title_like(name) else ""
        rows = self._joined_rows(replace(base, prefix=group))
        if len(rows) >= (2 if group else t.JOINED_MIN_ROWS):
            return rows
        listed = 1 + len(rows[0].extra)
        return rows if group and listed >= t.JOINED_MIN_ROWS else []

    def _ends_row(self, hit: CodeHit, prefix: str, rest: str) -> bool:
        """A code column at the end of the row: a description of two words or more before the
        codes; after them only punctuation, an acronym, or a short theme that is not the code's
        title ("Purpose Statement 102-16 Governing purpose.")."""
        described = len(re.findall(r"[A-Za-z]{3,}", prefix)) >= 2  # not "GRI 403(2018), 403-3"
        theme = len(rest.split()) <= t.LOCATION_MAX_WORDS and not self._starts_own_title(hit, rest)
        return described and bool(_NO_LABEL.fullmatch(rest) or theme) and not _cited(prefix, hit)

    def _opens_own_title(self, hit: CodeHit, text: str, lines: list[str], number: int) -> bool:
        """A code after the previous row's answer ("... Emissions Data 305-2 Energy indirect (Scope
        2) GHG emissions"), or ending its line above its title: what follows starts the code's own
        official wording, so the code starts a row."""
        following_line = lines[number] if number < len(lines) else ""
        return self._starts_own_title(hit, text[hit.end :].strip(" .,;:") or following_line)

    def _starts_own_title(self, hit: CodeHit, text: str) -> bool:
        """The text opens with the code's own wording, or with its words reordered ("Direct
        greenhouse gas (GHG) emissions (Scope 1)"), for a wording of three words or more."""
        head = fold(text)
        forms = self._own_forms(hit) if head else ()
        words = head.split()
        return any(
            prefix_score(head[: len(form)], form) >= t.LABEL_MATCH
            or (
                len(form.split()) >= 3
                and fuzz.token_set_ratio(" ".join(words[: len(form.split()) + 3]), form) >= t.LABEL_MATCH
            )
            for form in forms
        )

    @staticmethod
    def _metric_above(lines: list[str], number: int, found: list[CodeLine]) -> str | None:
        """The metric of a reference cell wrapped below its data row ("... 416 363 14.6%" then
        "GRI 205-3," then "GRI 2-27, WEF"), or None when the line above holds no figures."""
        if found and found[-1].number == number - 1 and found[-1].metric is not None:
            return found[-1].metric
        above = lines[number - 2] if number > 1 else ""
        data = _TRAILING_DATA.search(above)
        return above[: data.start()].strip() if data else None

    def _code_line(self, number: int, hit: CodeHit, prefix: str, text: str) -> CodeLine:
        """A code line; further codes listed right after the first ("305-2, 305-3", "103-1,2,3")
        share its row."""
        extra: list[CodeHit] = []
        rest = text[hit.end :]
        last = hit
        while True:
            sibling = _SIBLINGS.match(rest)
            stem = _CODE_STEM.match(last.code) if sibling else None
            ascending = sibling and stem and int(sibling[1]) > int(stem[2])
            same_stem = self.finder.match_at_start(stem[1] + sibling[1]) if ascending else None
            if same_stem and same_stem.framework == last.framework:
                extra.append(same_stem)
                last = same_stem
                rest = rest[sibling.end() :]
                continue
            joined = _CODE_JOINER.match(rest)
            following = self.finder.match_at_start(rest[joined.end() :]) if joined else None
            if not following and (bare := _BARE_STANDARD.match(rest)):  # "102-22, 405, 405-1"
                joined = _CODE_JOINER.match(rest, bare.end())
                following = self.finder.match_at_start(rest[joined.end() :]) if joined else None
            if not joined or not following:
                break
            extra.append(following)
            last = following
            rest = rest[joined.end() + following.end :]
        stripped = rest.lstrip(" ,;/:.-")  # "GRI 102-8: Information on ...", "305-5. Reduction ..."
        rest_at = len(text) - len(stripped)
        return CodeLine(number, hit, prefix, stripped.rstrip(" ,;/"), number + 1, extra, rest_at=rest_at)

    def _joined_rows(self, first: CodeLine) -> list[CodeLine]:
        """Rows joined on one line ("102-1 Name of the organization ● 6 102-2 Activities, ... ● 6").

        A further code starts a row of its own where the text before it has words of its own
        (the previous row's title or answer), no bracket is open, and no citing word ("see",
        "in line with") leads to it; its text runs to the next such code.
        """
        if first.metric is not None:
            return [first]
        rows = [first]
        rest = first.rest
        text_at = 0
        for hit in self.finder.find_all(rest):
            before = rest[text_at : hit.start]
            if (
                hit.start < text_at
                or not re.search(r"[A-Za-z]{2,}", before)
                or before.count("(") > before.count(")")
                or _cited(before, hit)
            ):
                continue
            row = self._code_line(first.number, hit, "", rest)
            rows[-1].rest = before.strip(" ,;/")
            rows.append(row)
            text_at = row.rest_at
        return rows

    def _split_code(self, lines: list[str], number: int, text: str) -> CodeLine | None:
        """A code broken over two lines by the PDF table ("TC-HW-" / "230a.1", "2" / "-12 ...")."""
        if len(text) > 8:
            return None
        for following in range(number + 1, min(number + 4, len(lines) + 1)):
            nxt = lines[following - 1]
            if not nxt:
                continue
            joined = text + nxt
            hit = self.finder.match_at_start(joined)
            if hit and hit.end > len(text):
                code_line = self._code_line(number, hit, "", joined)
                code_line.body_from = following + 1
                return code_line
            return None
        return None

    def _disclosure(self, hit: CodeHit) -> Disclosure | None:
        catalog = self.catalogs.get(hit.framework)
        return catalog.get(hit.code) if catalog else None

    def _own_forms(self, hit: CodeHit) -> tuple[str, ...]:
        """The code's own official wordings, folded; a superseded code's last title. Kept per code:
        the parser lives as long as its catalogs, and each row asks for its code's."""
        key = (hit.framework, hit.code)
        forms = self._own_forms_of.get(key)
        if forms is None:
            forms = self._own_forms_of[key] = self._folded_own_forms(hit)
        return forms

    def _folded_own_forms(self, hit: CodeHit) -> tuple[str, ...]:
        catalog = self.catalogs.get(hit.framework)
        own = catalog.get(hit.code) if catalog else None
        superseded = catalog.superseded.get(code_key(hit.code)) if catalog else None
        own_forms = own.label_forms if own else (superseded.title,) if superseded else ()
        return tuple(fold(form) for form in own_forms)
