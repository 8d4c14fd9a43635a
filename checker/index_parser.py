"""Find the content index in a report and turn it into rows.

The bundled layout is a PDF table flattened to text: per row an optional section column
(wrapped over several short lines), a code (possibly split: "TC-HW-" / "230a.1"), its label
(wrapped, HKEX paragraphs quoted over many lines), then an optional remark (compliance
statements). A row's text is split into label | remark | next row's section names by:

- units: wrapped lines joined where the layout says the text goes on (open quote, line
  ending in a hyphen, comma or connector word, next line starting in lower case);
- the label is the first unit, extended by later units while the whole still reads as the
  start of an official wording of the code (catalog-guided, so B3's second sentence stays
  in the label and "This year, ..." becomes a remark);
- trailing short capitalised units are the next row's section names; the rest is the remark.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from . import thresholds as t
from .catalog import Catalog, Disclosure, code_key, framework_titles
from .codes import CodeFinder, CodeHit
from .document import Document
from .sections import Headings, title_like
from .table_parser import pipe_tables, table_entries
from .text import canonical, fold, join_lines

_CONNECTOR_END = re.compile(r"(?:\b(?:and|or|of|for|to|the|in|on|with|by|a|an|&)|[,&/-])$", re.I)
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
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
_ANSWER = re.compile(r"\b(?:not applicable|not reported|not material|not available|n/a)\b", re.I)
"""An answer or omission in the row ("STAR criteria" / "not applicable"): no section name."""
_REFERENCE = re.compile(r"\b(?:pp?\.|pages?)\s*\d", re.I)
"""A page reference: the text is a location, not a section name."""
_CODE_JOINER = re.compile(r"\s*(?:\(\d{4}\))?\s*(?:[,/;&]|and)?\s*")
"""Between codes of one row: a separator, and a standard's year ("306-3 (2020) RT-AE-150a.1")."""
_INDEX_TITLE = re.compile(r"\b(?:index|indices|reference table|content table)\b", re.I)
"""The index's own title ("GRI Content Index") ends the search for its first section name."""
_TITLE_PREFIX = re.compile(r"^[A-Z][A-Za-z'’&]*(?:[ \t]+(?:[A-Z][A-Za-z'’&]*|and|of|for|the|to|&)){0,5}$")
_CITING_WORD = re.compile(
    r"\b(?:see|refer|to|in|under|per|and|or|of|with|also|cf|from|by|table|figure|chart)\W*$", re.I
)
"""A word before a code that cites it inside a row ("see 2-7", "in line with 305-1"), or a caption
("GRI Table 102-8 A: Total number of employees"): no row starts there."""
_PAGE_WORD_END = re.compile(r"\b(?:pp?\.?|pages?)\s*$", re.I)
_POINTER = re.compile(r"(?:see|refer to|please refer)\b", re.I)
_EDITION = re.compile(r"\s*\((?:19|20)\d\d\)")
"""A standard's edition printed after a title ("Emissions (2016)"): no part of the wording."""
_OTHER_SCHEME_CODE = re.compile(r"[A-Z]{2,4}\d{1,3}\s+")
"""A code of another scheme printed before the title ("303-4 OG5 Water discharge", a G4 sector code)."""
_NUMBERED_NAME = re.compile(r"(?:^|\s)\d{1,2}\.\s+(\D+)$")
"""The last of numbered sub-section names printed before a row's codes."""
_BARE_STANDARD = re.compile(r"\s*[,;/]\s*\d{3}(?=\s*[,;/])")
"""A standard's number listed among codes ("102-22, 405, 405-1"): skipped, the list goes on."""
_SIBLINGS = re.compile(r",(\d)(?![\w\-.])")
"""Further codes of the same stem printed compactly after a code ("103-1,2,3"): a digit, no space."""


@dataclass
class IndexEntry:
    """One row of the content index, as printed."""

    framework: str
    code: str
    label: str
    section: str
    remark: str
    line: int
    page: int | None = None
    starred: bool = False
    metric: bool = False
    """A data-table row ("Voluntary turnover 5.4% 3.6% 401-1"): its label names a metric, not the code."""
    table: int = 0
    """Which table of the index the row belongs to (ContentIndex.tables): its columns' roles."""


@dataclass(frozen=True)
class SectionName:
    """A section name printed in the index, at the line where it starts."""

    name: str
    line: int
    table: int = 0
    framework: str = ""
    """The framework of the row the name stands over: a table may hold a GRI block whose names are
    this report's sections and a SASB block whose names are its topics."""


@dataclass
class IndexTable:
    """One table of the index (a run of code rows, or a pipe table), and what its columns hold.

    Roles are decided for the table as a whole (checker/roles.py), before any rule runs:
    `label` is "title" when most labels read as official titles, else "text" (answers,
    descriptions, section names), or "none"; `location` is "section" when most section names
    are headings of this report, "main-report" in a standalone index, else "unresolved" or "none";
    where a table holds blocks of several frameworks, `located` names those whose names resolve.
    """

    number: int
    first_line: int
    last_line: int
    label: str = "none"
    location: str = "none"
    located: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ContentIndex:
    entries: list[IndexEntry] = field(default_factory=list)
    tables: list[IndexTable] = field(default_factory=list)
    sections: list[SectionName] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    headings: Headings | None = None
    """The report's headings outside the index, which the section names were matched against."""


@dataclass
class _CodeLine:
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


def _units(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Group non-empty (number, cleaned text) lines into units of text the layout keeps together."""
    units: list[list[tuple[int, str]]] = []
    for number, text in lines:
        if not text:
            continue
        if units and _continues(" ".join(part for _, part in units[-1]), text):
            units[-1].append((number, text))
        else:
            units.append([(number, text)])
    return units


def _continues(previous: str, following: str) -> bool:
    if previous.count('"') % 2 == 1 or following[:1] in ",;)":
        return True
    if _POINTER.match(following):
        return False  # "See About this Report ...": a location starts, whatever ended the line above
    if _CONNECTOR_END.search(previous):
        return True
    return following[:1].islower()


def _bracket_closed(code_line: _CodeLine) -> _CodeLine:
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
    numbers = [int(n) for n in re.findall(r"\d+", hit.code)]
    return bool(_PAGE_WORD_END.search(before)) and len(numbers) == 2 and numbers[0] < numbers[1]


def _fragment_like(unit: list[tuple[int, str]]) -> bool:
    """Section-column text: short capitalised lines without sentence punctuation."""
    return all(len(text) <= t.FRAGMENT_MAX_CHARS for _, text in unit) and title_like(
        " ".join(text for _, text in unit), max_chars=2 * t.FRAGMENT_MAX_CHARS
    )


class IndexParser:
    def __init__(self, catalogs: list[Catalog], finder: CodeFinder | None = None) -> None:
        self.catalogs = {c.framework: c for c in catalogs}
        self.finder = finder or CodeFinder(catalogs)
        self._titles = {c.framework: framework_titles(c) for c in catalogs}
        standards = {name for c in catalogs for d in c.disclosures.values() for name in d.standard_names}
        standards |= {d.title for c in catalogs for d in c.disclosures.values() if len(d.title.split()) >= 2}
        headings = {name for c in catalogs for name in c.index_headings} | standards
        self._index_headings = sorted({fold(name) for name in headings})
        """Headings of an index itself: its groups, topics, standards' names ("Employment") and
        disclosure titles printed over their rows ("Governance Structure" over 102-18)."""
        prefixes = "|".join(re.escape(p) for c in catalogs for p in c.code_prefixes) or "(?!)"
        self._standard_heading = re.compile(rf"^(?:{prefixes})\s*[A-Z]?\d+(?:\.\d+)?\s*:", re.I)

    # -- locating ---------------------------------------------------------------------------
    def code_lines(self, document: Document) -> list[_CodeLine]:
        """Lines that start an index row.

        A code at the line start; a code split over two lines; a code after a short section
        name ("Talent Nurturing B1"); a code after data cells only ("- - - 102-12 -", "305,
        305-1"); and codes of a shape prose never has (SASB) anywhere in the line.
        """
        found: list[_CodeLine] = []
        lines = document.cleaned
        skip_until = 0
        for number, text in enumerate(lines, 1):
            if number <= skip_until or not text or text.startswith("|"):
                continue  # pipe-table rows are read cell by cell, by the table parser
            if len(text) > 8 and not _DIGIT.search(text):
                continue  # every code holds a digit; short lines may be a split code's first half
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
            hits = [hit for hit in self.finder.find_all(text) if not _cited(text[: hit.start], hit)]
            if hits:
                found += self._mid_line_rows(lines, number, hits[0], text)
        return found

    def _mid_line_rows(self, lines: list[str], number: int, hit: CodeHit, text: str) -> list[_CodeLine]:
        """The rows of a line whose first code comes after some text, by what that text is."""
        prefix = text[: hit.start].strip()
        unnumbered = _LEADING_DATA.sub("", prefix)  # "7 GRI 103: ..." after a column of numbers
        data_only = _DATA_CELLS.fullmatch(prefix)
        if hit.prefixed and prefix and not data_only:
            return []  # "... 12.3% GRI 305-4, WEF": a citation in a data table, not an index key
        data = None if data_only else _TRAILING_DATA.search(prefix)
        if data or data_only:
            code_line = self._code_line(number, hit, "", text)
            titled = text[hit.end : hit.end + 1] == ":"  # "7, 8 GRI 305-1: Direct (Scope 1) ..."
            if not titled and (data or len(prefix.split()) >= 2):
                code_line.metric = prefix[: data.start()].strip() if data else ""
            return [code_line]
        if _TITLE_PREFIX.match(prefix) or self._standard_heading.match(unnumbered):
            # "Talent Nurturing B1 ...", "GRI 103: ... 2016 (including 103-1, 103-2, 103-3)"
            return self._joined_rows(_bracket_closed(self._code_line(number, hit, unnumbered, text)))
        bracketed = self._bracketed(number, hit, prefix, text)
        if bracketed:
            return [bracketed]
        grouped = self._grouped_rows(number, hit, prefix, text)
        if grouped:
            return grouped
        if self._ends_row(hit, prefix, text):  # "Location of headquarters Purchase, NY 102-3."
            code_line = self._code_line(number, hit, "", text)
            code_line.metric = prefix  # the row's own description, not the code's title
            return [code_line]
        if hit.framework in self.finder.anywhere or self._opens_own_title(hit, text, lines, number):
            return self._joined_rows(self._code_line(number, hit, "", text))
        return []

    def _bracketed(self, number: int, hit: CodeHit, prefix: str, text: str) -> _CodeLine | None:
        """Codes listed in a bracket after the row's own words ("Employment - Management approach
        (103-1; 103-2; 103-3)", or the bracket wrapped to a line of its own): the row's codes, its
        words no title of theirs."""
        if not prefix.endswith("("):
            return None
        code_line = _bracket_closed(self._code_line(number, hit, "", text))
        return code_line if code_line.extra and code_line.metric == "" else None

    def _grouped_rows(self, number: int, hit: CodeHit, prefix: str, text: str) -> list[_CodeLine]:
        """Index rows whatever opens their line: rows joined on one line after a table header
        (three or more), or after a topic name (two or more); a section name listing its codes
        ("Climate commitments and status A1, A1.2, A1.5; 305-1, 305-2": an inverted index)."""
        numbered = _NUMBERED_NAME.search(prefix)  # "Chapter 1. Diverse consumption 2. Inclusive consumption"
        name = numbered[1] if numbered else prefix
        group = name if title_like(name) else ""
        rows = self._joined_rows(self._code_line(number, hit, group, text))
        if len(rows) >= (2 if group else t.JOINED_MIN_ROWS):
            return rows
        listed = 1 + len(rows[0].extra)
        return rows if group and listed >= t.JOINED_MIN_ROWS else []

    def _ends_row(self, hit: CodeHit, prefix: str, text: str) -> bool:
        """A code column at the end of the row: a description of two words or more before the
        codes; after them only punctuation, an acronym, or a short theme that is not the code's
        title ("Purpose Statement 102-16 Governing purpose.")."""
        code_line = self._code_line(0, hit, "", text)
        rest = code_line.rest
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
        forms = self._own_forms(hit) if head else []
        words = head.split()
        return any(
            _prefix_score(head[: len(form)], form) >= t.LABEL_MATCH
            or (
                len(form.split()) >= 3
                and fuzz.token_set_ratio(" ".join(words[: len(form.split()) + 3]), form) >= t.LABEL_MATCH
            )
            for form in forms
        )

    @staticmethod
    def _metric_above(lines: list[str], number: int, found: list[_CodeLine]) -> str | None:
        """The metric of a reference cell wrapped below its data row ("... 416 363 14.6%" then
        "GRI 205-3," then "GRI 2-27, WEF"), or None when the line above holds no figures."""
        if found and found[-1].number == number - 1 and found[-1].metric is not None:
            return found[-1].metric
        above = lines[number - 2] if number > 1 else ""
        data = _TRAILING_DATA.search(above)
        return above[: data.start()].strip() if data else None

    def _code_line(self, number: int, hit: CodeHit, prefix: str, text: str) -> _CodeLine:
        """A code line; further codes listed right after the first ("305-2, 305-3", "103-1,2,3")
        share its row."""
        extra: list[CodeHit] = []
        rest = text[hit.end :]
        last = hit
        while True:
            sibling = _SIBLINGS.match(rest)
            stem = re.match(r"(.*[-.])(\d+)$", last.code)
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
        return _CodeLine(number, hit, prefix, stripped.rstrip(" ,;/"), number + 1, extra, rest_at=rest_at)

    def _joined_rows(self, first: _CodeLine) -> list[_CodeLine]:
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

    def _split_code(self, lines: list[str], number: int, text: str) -> _CodeLine | None:
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

    def regions(self, document: Document, code_lines: list[_CodeLine]) -> list[list[_CodeLine]]:
        """Runs of code rows close enough together to be one index, and not parted by the title
        of another index ("SASB INDEX" after a GRI index: a table with columns of its own); and
        small tables spread over the report ("SASB CODE" columns under each topic's section) when
        their codes have a shape prose never has and they add up to an index."""
        runs: list[list[_CodeLine]] = []
        titled: list[int] = []  # runs opened by another framework's index title: an index however short
        for code_line in code_lines:
            gap = code_line.number - runs[-1][-1].number if runs else 0
            close = runs and (gap <= t.INDEX_MAX_GAP or _answers_between(runs[-1], code_line))
            if close and self._index_title_between(document, runs[-1][-1], code_line):
                titled.append(len(runs))
                runs.append([code_line])
            elif close:
                runs[-1].append(code_line)
            else:
                runs.append([code_line])
        small = [run for run in runs if _codes(run) < t.INDEX_MIN_ROWS and self._distinctive(run)]
        if sum(_codes(run) for run in small) < t.INDEX_MIN_ROWS:
            small = []
        return [
            run
            for number, run in enumerate(runs)
            if _codes(run) >= t.INDEX_MIN_ROWS or run in small or number in titled
        ]

    def _index_title_between(self, document: Document, previous: _CodeLine, following: _CodeLine) -> bool:
        """An index title naming another framework than the rows above ("SASB INDEX" under GRI
        rows; not the running header "GRI Content Index" of the same index's next page)."""
        others = [name for name in self.catalogs if name != previous.hit.framework]
        for number in range(previous.body_from, following.number):
            text = document.cleaned[number - 1]
            if len(text) <= t.FRAGMENT_MAX_CHARS and _INDEX_TITLE.search(text) and title_like(text):
                words = set(text.upper().split())
                if any(name.upper() in words for name in others):
                    return True
        return False

    def _distinctive(self, run: list[_CodeLine]) -> bool:
        return all(row.hit.framework in self.finder.anywhere for row in run)

    # -- parsing ----------------------------------------------------------------------------
    def parse(self, document: Document) -> ContentIndex:
        table_entries, table_spans = self._tables(document)
        regions = self.regions(document, self.code_lines(document))
        spans = [self._span(document, run) for run in regions]
        headings = Headings(document, spans + table_spans)
        furniture = _page_furniture(document)
        index = ContentIndex(spans=sorted(spans + table_spans), headings=headings)
        for number, (run, span) in enumerate(zip(regions, spans, strict=True)):
            index.tables.append(IndexTable(number, *span))
            self._parse_run(document, run, span, headings, index, number, furniture)
        for span in table_spans:
            index.tables.append(IndexTable(len(index.tables), *span))
        for entry in table_entries:
            entry.table += len(regions)
        if table_entries:
            index.entries = sorted(index.entries + table_entries, key=lambda entry: entry.line)
        return index

    def _tables(self, document: Document) -> tuple[list[IndexEntry], list[tuple[int, int]]]:
        """Rows of pipe tables (Markdown, Word) that hold codes, read cell by cell; each entry's
        table number counts the pipe tables only."""
        entries: list[IndexEntry] = []
        spans: list[tuple[int, int]] = []
        for table in pipe_tables(document):
            found = table_entries(table, self.finder)
            if not found:
                continue
            number = len(spans)
            spans.append((table[0].line, table[-1].line))
            entries += [
                IndexEntry(
                    framework=row.framework,
                    code=row.code,
                    label=row.label,
                    section=row.section,
                    remark=row.remark,
                    line=row.line,
                    page=document.page_of(row.line),
                    starred=row.starred,
                    table=number,
                )
                for row in found
            ]
        return entries, spans

    def _span(self, document: Document, run: list[_CodeLine]) -> tuple[int, int]:
        start = run[0].number
        seen = 0
        for number in range(run[0].number - 1, max(0, run[0].number - 16), -1):
            text = document.cleaned[number - 1]
            if not text:
                continue
            if _INDEX_TITLE.search(text) or not (len(text) <= t.FRAGMENT_MAX_CHARS and title_like(text)):
                break
            if seen >= 6:
                break
            start, seen = number, seen + 1
            if number in document.breaks:
                break
        return start, self._tail_end(document, run[-1])

    def _tail_end(self, document: Document, last: _CodeLine) -> int:
        limit = min(len(document.lines), last.body_from + t.LAST_ROW_MAX_LINES)
        for number in range(last.body_from, limit + 1):
            if number in document.breaks:
                return number - 1
        return limit

    def _parse_run(
        self,
        document: Document,
        run: list[_CodeLine],
        span: tuple[int, int],
        headings: Headings,
        index: ContentIndex,
        table: int,
        furniture: set[str],
    ) -> None:
        fragments = [(n, document.cleaned[n - 1]) for n in range(span[0], run[0].number)]
        fragments = [(n, text) for n, text in fragments if text]
        path: list[str] = []
        for position, code_line in enumerate(run):
            end = run[position + 1].number - 1 if position + 1 < len(run) else span[1]
            if code_line.prefix:
                fragments.append((code_line.number, code_line.prefix))
            body = [(n, document.cleaned[n - 1]) for n in range(code_line.body_from, end + 1)]
            if code_line.metric is not None:
                label = code_line.metric or join_lines([x for _, x in fragments[-t.METRIC_NAME_MAX_LINES :]])
                remark = location = ""  # the metric's name may wrap above its figures
                fragments = [(n, text) for n, text in body if text]  # the next row's metric name
            else:
                where = (table, furniture, code_line.hit.framework)
                path = self._section_path(fragments, path, headings, index, where)
                label, remark, fragments = self._split_row(code_line, body)
                other = _OTHER_SCHEME_CODE.match(label)  # "OG5 Water discharge": another scheme's code
                if other and self._starts_own_title(code_line.hit, label[other.end() :]):
                    label, remark = label[other.end() :], join_lines([other[0], remark])
                label, location = self._cut_label([code_line.hit, *code_line.extra], label)
                label = label if any(char.isalnum() for char in label) else ""  # "." ends a list of codes
                if location.endswith("."):  # an answer printed in the row, not a location
                    remark, location = join_lines([location, remark]), ""
            for hit in [code_line.hit, *code_line.extra]:
                index.entries.append(
                    IndexEntry(
                        framework=hit.framework,
                        code=hit.code,
                        label=label,
                        section=location or " > ".join(path),
                        remark=remark,
                        line=code_line.number,
                        page=document.page_of(code_line.number),
                        starred=hit.starred,
                        metric=code_line.metric is not None,
                        table=table,
                    )
                )

    def _split_row(
        self, code_line: _CodeLine, body: list[tuple[int, str]]
    ) -> tuple[str, str, list[tuple[int, str]]]:
        """label, remark, and the trailing section fragments that belong to the next row."""
        lines = ([(code_line.number, code_line.rest)] if code_line.rest else []) + body
        units = _units(lines)
        if not units:
            return "", "", []
        label_parts = [text for _, text in units[0]]
        forms = self._forms(code_line.hit, join_lines(label_parts)) if len(units) > 1 else []
        used = 1
        for unit in units[1:]:
            candidate = fold(_EDITION.sub("", join_lines([*label_parts, *(text for _, text in unit)])))
            if not any(_extends(candidate, form) for form in forms):
                break
            label_parts += [text for _, text in unit]
            used += 1
        rest = units[used:]
        tail: list[tuple[int, str]] = []
        while rest and _fragment_like(rest[-1]):
            tail = rest.pop() + tail
        remark = join_lines([text for unit in rest for _, text in unit])
        return join_lines(label_parts), remark, tail

    def _cut_label(self, hits: list[CodeHit], label: str) -> tuple[str, str]:
        """A title and the location printed after it on the same line.

        "102-1 Name of the organization Brookfield Asset Management Inc." and "305-4 GHG
        emissions intensity 48": the label is cut where it reads best as an official wording;
        a label that already reads as one is cut only before a few words (a page, a place). A row of
        several codes may print their titles one after the other.
        """
        words = label.split()
        forms = self._forms(hits[0], label)
        if len(hits) > 1 and forms:
            forms = [*forms, *self._joined_titles(hits)]
        if len(words) < 2 or not forms:
            return label, ""
        folded = [fold(word) for word in words]  # fold is word by word: prefixes fold the same
        standard = self._standard_column(hits[0], words, folded)
        if standard:
            return standard
        whole = _best_ratio(" ".join(folded), forms)
        if whole == 100:
            return label, ""
        reordered = self._reordered_cut(hits[0], words) if len(hits) == 1 else None
        if reordered:
            return reordered
        if whole < t.LABEL_MATCH:
            named = self._standard_name_cut(hits[0], words, folded)
            if named:
                return named
        score, count = max((_best_ratio(" ".join(folded[:n]), forms), n) for n in range(1, len(words)))
        short_tail = len(words) - count <= t.LOCATION_MAX_WORDS
        if score < t.LABEL_MATCH or score <= whole or (whole >= t.LABEL_MATCH and not short_tail):
            return label, ""
        while count > 1 and not folded[count - 1]:
            count -= 1  # a status mark ("●") opens the location, it ends no title
        return " ".join(words[:count]), " ".join(words[count:])

    def _reordered_cut(self, hit: CodeHit, words: list[str]) -> tuple[str, str] | None:
        """The code's own wording with its words reordered or an acronym spelt out, then a location
        or an answer ("Emissions of ODS 3.2 mtCO2e")."""
        own = self._disclosure(hit)
        wanted = {canonical(form) for form in own.label_forms} if own else set()
        for count in range(1, len(words)):
            starts_location = not words[count][:1].islower()
            if starts_location and canonical(" ".join(words[:count])) in wanted:
                return " ".join(words[:count]), " ".join(words[count:])
        return None

    def _standard_name_cut(self, hit: CodeHit, words: list[str], folded: list[str]) -> tuple[str, str] | None:
        """A row labelled with its standard's name, then a location ("305-3, 305-4 Emissions 13")."""
        own = self._disclosure(hit)
        names = {fold(name) for name in own.standard_names} if own else set()
        for count in range(1, len(words)):
            starts_location = not words[count][:1].islower()  # a place, a page or a mark; not "of ODS"
            if (
                " ".join(folded[:count]) in names
                and starts_location
                and len(words) - count <= t.LOCATION_MAX_WORDS
            ):
                return " ".join(words[:count]), " ".join(words[count:])
        return None

    def _standard_column(self, hit: CodeHit, words: list[str], folded: list[str]) -> tuple[str, str] | None:
        """The GRI template's standard column printed after the code, then a location ("103-1,
        103-2, 103-3 GRI 103: Management Approach 2016 Climate Change")."""
        own = self._disclosure(hit)
        if not own or not own.standard:
            return None
        name = fold(own.standard).split()
        if len(words) > len(name) and folded[: len(name)] == name:
            return " ".join(words[: len(name)]), " ".join(words[len(name) :])
        return None

    def _joined_titles(self, hits: list[CodeHit]) -> list[str]:
        """The row's titles one after the other, or with "and" before the last ("Claims of reporting
        in accordance with the GRI Standards and GRI content index")."""
        titles = [fold(d.title) for hit in hits if (d := self._disclosure(hit))]
        if len(titles) < 2:
            return [" ".join(titles)]
        return [" ".join(titles), " ".join(titles[:-1]) + " and " + titles[-1]]

    def _disclosure(self, hit: CodeHit) -> Disclosure | None:
        catalog = self.catalogs.get(hit.framework)
        return catalog.get(hit.code) if catalog else None

    def _own_forms(self, hit: CodeHit) -> list[str]:
        """The code's own official wordings, folded; a superseded code's last title."""
        catalog = self.catalogs.get(hit.framework)
        own = catalog.get(hit.code) if catalog else None
        superseded = catalog.superseded.get(code_key(hit.code)) if catalog else None
        own_forms = own.label_forms if own else (superseded.title,) if superseded else ()
        return [fold(form) for form in own_forms]

    def _forms(self, hit: CodeHit, first_unit: str) -> list[str]:
        """Official wordings the label may be the start of: its own code's, else the closest one's."""
        if hit.framework not in self.catalogs:
            return []
        head = fold(first_unit)
        forms = self._own_forms(hit)
        if any(_prefix_score(head, form) >= t.LABEL_EXTEND for form in forms):
            return forms
        titles = self._titles[hit.framework]
        best = process.extractOne(head, [form for form, _ in titles], scorer=fuzz.partial_ratio)
        return [*forms, best[0]] if best else forms

    def _section_path(
        self,
        fragments: list[tuple[int, str]],
        path: list[str],
        headings: Headings,
        index: ContentIndex,
        where: tuple[int, set[str], str],
    ) -> list[str]:
        table, furniture, framework = where
        # Index headings of two or more words go before grouping ("B. Social" over "Employment and
        # Labour Practices"); a single word may be half of a wrapped name ("Corporate" "Governance").
        fragments = [(n, x) for n, x in fragments if len(x.split()) < 2 or not self._index_heading(x)]
        fragments = self._without_wrapped_headings(fragments)
        if not fragments:
            return path
        grouped = _group_names(fragments, headings)
        names = [(n, line) for n, line in grouped if self._section_name(n, furniture)]
        if not names:
            return path
        for name, line in names:
            index.sections.append(SectionName(name, line, table, framework))
        if len(names) == 1:
            return [*path[:-1], names[0][0]] if path else [names[0][0]]
        return [name for name, _ in names]

    def _without_wrapped_headings(self, fragments: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Drop an index heading wrapped over two or three lines ("Product" / "Lifecycle" /
        "Management", a SASB topic)."""
        kept: list[tuple[int, str]] = []
        position = 0
        while position < len(fragments):
            for size in (3, 2):
                joined = " ".join(text for _, text in fragments[position : position + size])
                if position + size <= len(fragments) and self._index_heading(joined):
                    position += size
                    break
            else:
                kept.append(fragments[position])
                position += 1
        return kept

    def _section_name(self, name: str, furniture: set[str]) -> bool:
        """Not an index heading, nor a reference to another document wrapped over lines
        ("NFS page 5", "... Conflicts of Interest)"), nor an answer ("not applicable"), nor pages
        ("106/107, 110/111"), nor a page's running header or footer ("Sustainability Report 2021 123")."""
        if _REFERENCE.search(name) or _ANSWER.search(name) or name.count(")") > name.count("("):
            return False
        numbered_furniture = _DIGIT.search(name) and _undigited(name) in furniture
        if sum(char.isalpha() for char in name) < 0.5 * len(name) or numbered_furniture:
            return False
        return not self._index_heading(name)

    def _index_heading(self, name: str) -> bool:
        """A heading of the index itself ("GRI 305: Emissions 2016", "Organizational Profile")."""
        if self._standard_heading.match(name):
            return True
        best = process.extractOne(fold(name), self._index_headings, scorer=fuzz.ratio)
        return bool(best and best[1] >= t.LABEL_MATCH)


def _undigited(text: str) -> str:
    return " ".join(_DIGITS.sub(" ", fold(text)).split())


def _page_furniture(document: Document) -> set[str]:
    """Short lines printed on many pages with only a number changing: running headers and footers."""
    lines = document.cleaned
    counts = Counter(_undigited(x) for x in lines if len(x) <= t.FURNITURE_MAX_CHARS and _DIGIT.search(x))
    return {line for line, count in counts.items() if line and count >= t.FURNITURE_MIN_PAGES}


def _answers_between(run: list[_CodeLine], code_line: _CodeLine) -> bool:
    """A row after a long answer in an index already found ("403-1" or "Emissions 305-2" opening a
    line, 97 lines of prose after "201-1"): the index goes on, up to a wider gap."""
    last = run[-1]
    return (
        _codes(run) >= t.INDEX_MIN_ROWS
        and code_line.number - last.number <= t.INDEX_MAX_ANSWER_GAP
        and code_line.hit.framework == last.hit.framework
        and (code_line.hit.start == 0 or bool(code_line.prefix))
        and code_line.metric is None
    )


def _codes(rows: list[_CodeLine]) -> int:
    """How many codes the rows list ("305-1, 305-2" is two)."""
    return sum(1 + len(row.extra) for row in rows)


def _best_ratio(text: str, forms: list[str]) -> float:
    best = process.extractOne(text.strip(), forms, scorer=fuzz.ratio)
    return best[1] if best else 0.0


def _prefix_score(candidate: str, form: str) -> float:
    """How well `candidate` reads as the beginning of `form` (100: it is a prefix).

    Text running past the end of the form is not the form any more, so it scores 0.
    """
    if not candidate or len(candidate) > len(form) + max(3, len(form) // 20):
        return 0.0
    return fuzz.ratio(candidate, form[: len(candidate)])


def _extends(candidate: str, form: str) -> bool:
    return _prefix_score(candidate, form) >= t.LABEL_EXTEND or _words_of(candidate, form)


def _words_of(candidate: str, form: str) -> bool:
    """The label so far uses only words of the wording, each as often ("Energy indirect" / "GHG
    emissions" / "(Scope 2)": the wording wrapped with its words moved)."""
    words, available = candidate.split(), Counter(form.split())
    return len(words) >= 2 and not Counter(words) - available


def _group_names(fragments: list[tuple[int, str]], headings: Headings) -> list[tuple[str, int]]:
    """Join wrapped section-column lines into names, guided by the report's own headings.

    Lines the layout keeps together (lower-case start, connector at the end) are joined
    first; then the pieces are split into the names that best match headings of the report:
    each name gains (match - 50) per piece it joins, or loses 50 per piece below
    SECTION_GROUP, so a wrapped heading stays whole even where its lines are headings too.
    """
    pieces = [(unit[0][0], join_lines([text for _, text in unit])) for unit in _units(fragments)]
    count = len(pieces)
    best: list[tuple[float, list[tuple[str, int]]]] = [(0.0, [])] + [(-1e9, [])] * count
    for end in range(1, count + 1):
        for size in range(min(3, end), 0, -1):
            start = end - size
            name = join_lines([text for _, text in pieces[start:end]])
            match = headings.best(name)
            score = match.score if match else 0.0
            gain = size * (score - 50 if score >= t.SECTION_GROUP else -50.0)
            total = best[start][0] + gain
            if total > best[end][0]:
                best[end] = (total, [*best[start][1], (name, pieces[start][0])])
    return best[count][1]
