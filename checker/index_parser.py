"""Find the content index in a report and turn it into rows (where rows start: row_starts.py).

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
from functools import cached_property
from itertools import compress

from rapidfuzz import fuzz, process

from . import thresholds as t
from .catalog import Catalog, framework_titles
from .codes import CodeFinder, CodeHit
from .document import Document
from .linescan import both
from .reach import ByLength
from .row_starts import CodeLine, RowStarts, prefix_score
from .sections import Headings, title_like
from .table_parser import pipe_tables, table_entries
from .text import CONNECTOR_WORDS, canonical, fold, join_lines

_CONNECTOR_END = re.compile(rf"(?:\b(?:{CONNECTOR_WORDS}|&)|[,&/-])$", re.I)
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_REFERENCE = re.compile(r"\b(?:pp?\.|pages?)\s*\d", re.I)
"""A page reference: the text is a location, not a section name."""
_INDEX_TITLE = re.compile(r"\b(?:index|indices|reference table|content table)\b", re.I)
"""The index's own title ("GRI Content Index") ends the search for its first section name."""
_POINTER = re.compile(r"(?:see|refer to|please refer)\b", re.I)
_EDITION = re.compile(r"\s*\((?:19|20)\d\d\)")
"""A standard's edition printed after a title ("Emissions (2016)"): no part of the wording."""
_OTHER_SCHEME_CODE = re.compile(r"[A-Z]{2,4}\d{1,3}\s+")
"""A code of another scheme printed before the title ("303-4 OG5 Water discharge", a G4 sector code)."""


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
    misprint: str = ""
    """The code as printed when it is a misprint of `code` ("TR-AU-OOO.A" for "TR-AU-000.A")."""


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
    standalone: bool = False
    """The document is an index without its report (decided by checker/roles.py)."""
    sections: list[SectionName] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    headings: Headings | None = None
    """The report's headings outside the index, which the section names were matched against."""


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
    if _CONNECTOR_END.search(previous[-16:]):  # the end alone: a search from the start scans it all
        return True
    return following[:1].islower()


def _fragment_like(unit: list[tuple[int, str]]) -> bool:
    """Section-column text: short capitalised lines without sentence punctuation."""
    return all(len(text) <= t.FRAGMENT_MAX_CHARS for _, text in unit) and title_like(
        " ".join(text for _, text in unit), max_chars=2 * t.FRAGMENT_MAX_CHARS
    )


class IndexParser(RowStarts):
    """Reads the rows RowStarts finds into entries, tables and section names."""

    def __init__(self, catalogs: list[Catalog], finder: CodeFinder | None = None) -> None:
        super().__init__(catalogs, finder)
        self._title_forms = {c.framework: [form for form, _ in framework_titles(c)] for c in catalogs}
        standards = {name for c in catalogs for d in c.disclosures.values() for name in d.standard_names}
        standards |= {d.title for c in catalogs for d in c.disclosures.values() if len(d.title.split()) >= 2}
        headings = {name for c in catalogs for name in c.index_headings} | standards
        self._index_headings = ByLength(sorted({fold(name) for name in headings}))
        self._index_heading_set = set(self._index_headings.strings)
        omissions = {words for c in catalogs for words in (*c.omission_markers, *c.omission_reasons)}
        self._omission_words = sorted({fold(words) for words in omissions} - {""})
        """Headings of an index itself: its groups, topics, standards' names ("Employment") and
        disclosure titles printed over their rows ("Governance Structure" over 102-18)."""

    # -- the index's tables -----------------------------------------------------------------
    def regions(self, document: Document, code_lines: list[CodeLine]) -> list[list[CodeLine]]:
        """Runs of code rows close enough together to be one index, and not parted by the title
        of another index ("SASB INDEX" after a GRI index: a table with columns of its own); and
        small tables spread over the report ("SASB CODE" columns under each topic's section) when
        their codes have a shape prose never has and they add up to an index."""
        runs: list[list[CodeLine]] = []
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

    def _index_title_between(self, document: Document, previous: CodeLine, following: CodeLine) -> bool:
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

    def _distinctive(self, run: list[CodeLine]) -> bool:
        return all(row.hit.framework in self.finder.anywhere for row in run)

    # -- parsing ----------------------------------------------------------------------------
    def parse(self, document: Document) -> ContentIndex:
        table_entries, table_spans = self._tables(document)
        regions = self.regions(document, self.code_lines(document))
        spans = [self._span(document, run) for run in regions]
        headings = Headings(document, spans + table_spans)
        not_sections = _NotSections(document)
        index = ContentIndex(spans=sorted(spans + table_spans), headings=headings)
        for number, (run, span) in enumerate(zip(regions, spans, strict=True)):
            index.tables.append(IndexTable(number, *span))
            self._parse_run(document, run, span, headings, index, number, not_sections)
        for span in table_spans:
            index.tables.append(IndexTable(len(index.tables), *span))
        for entry in table_entries:
            entry.table += len(regions)
        if table_entries:
            index.entries = sorted(index.entries + table_entries, key=lambda entry: entry.line)
        for entry in index.entries:  # a misprinted code is read as the code meant
            catalog = self.catalogs.get(entry.framework)
            meant = catalog.meant(entry.code) if catalog else None
            if meant:
                entry.misprint, entry.code = entry.code, meant
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

    def _span(self, document: Document, run: list[CodeLine]) -> tuple[int, int]:
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

    def _tail_end(self, document: Document, last: CodeLine) -> int:
        limit = min(len(document.lines), last.body_from + t.LAST_ROW_MAX_LINES)
        for number in range(last.body_from, limit + 1):
            if number in document.breaks:
                return number - 1
        return limit

    def _parse_run(
        self,
        document: Document,
        run: list[CodeLine],
        span: tuple[int, int],
        headings: Headings,
        index: ContentIndex,
        table: int,
        not_sections: _NotSections,
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
                where = (table, not_sections, code_line.hit.framework)
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
        self, code_line: CodeLine, body: list[tuple[int, str]]
    ) -> tuple[str, str, list[tuple[int, str]]]:
        """label, remark, and the trailing section fragments that belong to the next row."""
        lines = ([(code_line.number, code_line.rest)] if code_line.rest else []) + body
        units = _units(lines)
        if not units:
            return "", "", []
        label_parts = [text for _, text in units[0]]
        forms = self._forms(code_line.hit, join_lines(label_parts)) if len(units) > 1 else ()
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
            forms = (*forms, *self._joined_titles(hits))
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

    def _forms(self, hit: CodeHit, first_unit: str) -> tuple[str, ...]:
        """Official wordings the label may be the start of: its own code's, else the closest one's."""
        if hit.framework not in self.catalogs:
            return ()
        head = fold(first_unit)
        forms = self._own_forms(hit)
        if any(prefix_score(head, form) >= t.LABEL_EXTEND for form in forms):
            return forms
        best = process.extractOne(head, self._title_forms[hit.framework], scorer=fuzz.partial_ratio)
        return (*forms, best[0]) if best else forms

    def _section_path(
        self,
        fragments: list[tuple[int, str]],
        path: list[str],
        headings: Headings,
        index: ContentIndex,
        where: tuple[int, _NotSections, str],
    ) -> list[str]:
        table, not_sections, framework = where
        # Index headings of two or more words go before grouping ("B. Social" over "Employment and
        # Labour Practices"); a single word may be half of a wrapped name ("Corporate" "Governance").
        fragments = [(n, x) for n, x in fragments if len(x.split()) < 2 or not self._index_heading(x)]
        fragments = self._without_wrapped_headings(fragments)
        if not fragments:
            return path
        grouped = _group_names(fragments, headings)
        names = [(n, line) for n, line in grouped if self._section_name(n, not_sections)]
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

    def _section_name(self, name: str, not_sections: _NotSections) -> bool:
        """Not an index heading, nor a reference to another document wrapped over lines
        ("NFS page 5", "... Conflicts of Interest)") or printed as a link to a web page, nor an
        answer ("not applicable"), nor pages ("106/107, 110/111"), nor a page's running header or
        footer ("Sustainability Report 2021 123")."""
        if _REFERENCE.search(name) or self._says_omitted(name) or name.count(")") > name.count("("):
            return False
        if not_sections.web_link(name):
            return False
        numbered_furniture = _DIGIT.search(name) and _undigited(name) in not_sections
        if sum(char.isalpha() for char in name) < 0.5 * len(name) or numbered_furniture:
            return False
        return not self._index_heading(name)

    def _says_omitted(self, name: str) -> bool:
        """Whether the text says the disclosure is left out or does not apply ("STAR criteria" /
        "not applicable"): the catalogs' omission words, so no section name."""
        padded = f" {fold(name)} "
        return any(f" {words} " in padded for words in self._omission_words)

    def _index_heading(self, name: str) -> bool:
        """A heading of the index itself ("GRI 305: Emissions 2016", "Organizational Profile")."""
        if self._standard_heading.match(name):
            return True
        folded = fold(name)
        if folded in self._index_heading_set:
            return True
        choices = self._index_headings.within_reach(folded, t.LABEL_MATCH)
        near = process.extractOne(folded, choices, scorer=fuzz.ratio, score_cutoff=t.LABEL_MATCH)
        return near is not None


def _undigited(text: str) -> str:
    return " ".join(_DIGITS.sub(" ", fold(text)).split())


class _NotSections:
    """Lines of the document that name no section of it: short lines printed on many pages with
    only a number changing (running headers and footers), counted on the first question (a section
    name holding a number), and the texts of links to web pages."""

    def __init__(self, document: Document) -> None:
        self._document = document

    @cached_property
    def _lines(self) -> set[str]:
        document = self._document
        short = both(document.with_figure, document.lengths_between(1, t.FURNITURE_MAX_CHARS))
        counts = Counter(map(_undigited, compress(document.cleaned, short)))  # lines picked in C
        return {line for line, count in counts.items() if line and count >= t.FURNITURE_MIN_PAGES}

    def __contains__(self, line: str) -> bool:
        return line in self._lines

    def web_link(self, name: str) -> bool:
        return bool(self._document.web_links) and fold(name) in self._document.web_links


def _answers_between(run: list[CodeLine], code_line: CodeLine) -> bool:
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


def _codes(rows: list[CodeLine]) -> int:
    """How many codes the rows list ("305-1, 305-2" is two)."""
    return sum(1 + len(row.extra) for row in rows)


def _best_ratio(text: str, forms: tuple[str, ...]) -> float:
    best = process.extractOne(text.strip(), forms, scorer=fuzz.ratio)
    return best[1] if best else 0.0


def _extends(candidate: str, form: str) -> bool:
    return prefix_score(candidate, form) >= t.LABEL_EXTEND or _words_of(candidate, form)


def _words_of(candidate: str, form: str) -> bool:
    """The label so far uses only words of the wording, each as often ("Energy indirect" / "GHG
    emissions" / "(Scope 2)": the wording wrapped with its words moved)."""
    words, available = candidate.split(), form.split()
    if len(words) < 2 or not set(words) <= set(available):
        return False  # the usual answer, without counting
    return not Counter(words) - Counter(available)


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
            match = headings.best(name, t.SECTION_GROUP)  # a weaker match counts as none
            score = match.score if match else 0.0
            gain = size * (score - 50 if score >= t.SECTION_GROUP else -50.0)
            total = best[start][0] + gain
            if total > best[end][0]:
                best[end] = (total, [*best[start][1], (name, pieces[start][0])])
    return best[count][1]
