"""What the text behind each index row says: section spans, and the catalog's evidence in them.

An index row claims "this section discloses 305-4". To hold it to that, the text it points to
is found first, and only when it is found with confidence:

- a section name (tables whose location column holds this report's headings) is resolved to the
  one line of the body that prints it as a heading: the whole line, in the index's capitals (or in
  capitals only), not inside a list of names (a contents page, a chapter's opening list: another
  name within a few lines, or a run of short title lines around it). A name printed so on several
  lines (running headers) is not resolved. The span runs to the next line printing any name the
  index gives (the first of a list), or to the index: the index's own names give the report's
  heading structure, and a deeper heading the index does not name stays inside the span;
- a page reference is the text of those pages, when the report's printed numbering is known.

A code listed in several rows (a KPI answered in two chapters) is judged on all its rows' texts
together, and not at all when one of them was not found, when a row's label is another code's
title, or when a row names a second place (a remark that is no prose; a section name printed on
the row's own lines in a table whose rows print their location after the title). Each element of
the disclosure (catalog `element_terms`: a part of the answer and the words, any of which
evidences it) is looked for lexically on folded words (plurals and verb endings match), and only
when no word of it is there as written, fuzzily (rapidfuzz, a high cut-off, letters only). A
quantitative disclosure also needs a figure beside one of its `unit_terms`. Rows whose answer
gives a reason (catalog `omission` reasons) are explained and not searched; rows whose whole
answer marks the disclosure left out with no reason are omitted.

Cost: one pass over the lines for heading lines (a dict lookup per short line); each span's text
folded once; then per code a str.find per term over its spans' folded text (O(s·t) for s
characters and t terms), the fuzzy retry only where no term was found. Linear in the rows and in
the length of the sections they point to (about 20 ms for the bundled report's 162 codes).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from . import thresholds as t
from .catalog import Catalog, Disclosure, code_key
from .index_parser import IndexEntry
from .linescan import both, inverted
from .page_refs import own_pages
from .sections import capitals, title_like
from .text import fold, fold_clean

if TYPE_CHECKING:
    from .context import Context

_FOOTNOTE_END = re.compile(r"(?<=[A-Za-z])\d{1,3}$")
"""A footnote mark printed after a heading ("Key Environmental Indicators73")."""
_DIGIT = re.compile(r"\d")
_PROSE = re.compile(r"(?:\S+\s+){7}.*[a-z)][.!?](?:\s|$)")
"""A remark that reads as sentences (eight words or more, a sentence end): an answer, not a location."""

_WEB_ONLY = re.compile(
    r"(?:(?:see|refer to|please refer to|available (?:at|on)|visit|at|on|our website|website)\s*:?\s*)*"
    r"(?P<link>(?:https?://|www\.)\S+?)[.;,]?",
    re.I,
)
"""A row's whole answer or location that is one web address, with at most a word leading to it."""

_YEAR = re.compile(
    r"(?<![\d.,])(?:19[89]\d|20\d\d)(?![\d.,%]|\s*(?:tonnes|t\b|kwh|mwh|gj|m3|hours|employees))"
)
"""A year as a column header prints it: four digits, not part of a figure or followed by a unit."""
_SHORT_YEAR = re.compile(r"\bFY\s?'?\d{2}\b|\b(?:19|20)\d\d\s?[/-]\s?\d{2}\b", re.I)
"""Years written short ("FY23", "2022/23"): the years of such tables are not read."""

STATUSES = ("complete", "partial", "unsupported", "explained", "omitted", "not-checked")


@dataclass(frozen=True)
class Span:
    """Lines first..last (1-based, inclusive) of the body, and how a finding names them."""

    first: int
    last: int
    where: str
    pages: bool = False
    """Read from printed pages (ESG403 judges those rows unsupported), not a section."""
    whole: bool = False
    """The whole report outside the index (lines 0..0 stand for it): for the rows of a table that
    names no section, in a document that holds its report."""
    link: str = ""
    """The web address that is a row's only answer (no text of the report is read)."""


@dataclass
class Verdict:
    """What the text behind one code's rows evidences."""

    status: str
    entry: IndexEntry
    spans: list[Span] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    elsewhere: Span | None = None
    """The section of the report that does evidence it (unsupported), or its missing elements (partial)."""
    why: str = ""


def _has(text: str, phrase: str) -> bool:
    """A folded phrase at word boundaries of folded text."""
    return f" {phrase} " in f" {text} "


def omission(entry: IndexEntry, disclosure: Disclosure, catalog: Catalog, answers: str) -> str:
    """ "explained" when the row gives a reason for leaving the disclosure out (or answers that
    there is nothing to disclose), "omitted" when it marks it left out with no reason, else "".
    Read in the row's answers only (its remark, and columns not known to hold titles or section
    names: a heading "Zero Carbon" is no reason); words of the official wording itself ("if there
    are no incidents") are not the row's."""
    text = _without_headings(fold(answers), catalog)
    if not text:
        return ""
    official = fold(f"{disclosure.title} {disclosure.text}")
    if any(_has(text, fold(r)) and not _has(official, fold(r)) for r in catalog.omission_reasons):
        return "explained"
    short = len(text.split()) <= t.OMISSION_MAX_WORDS  # the marker is the row's whole answer
    if short and any(_marks(text, fold(m)) and not _has(official, fold(m)) for m in catalog.omission_markers):
        return "omitted"
    return ""


_PAGES = re.compile(r"(?:\s+(?:p|pp|page|pages)?\s*\d[\d\s,-]*)+$")
"""Page numbers closing an answer ("Not reported 12", "... pp 4-5")."""


def _marks(text: str, marker: str) -> bool:
    """The answer opens or closes with the marker ("Not reported", "2020 data not reported 12"): it
    says the disclosure is left out. Within a phrase it is the row's description ("Entities included
    in the consolidated financial statements and not included in the sustainability report")."""
    text = _PAGES.sub("", text).strip()
    return text == marker or text.startswith(marker + " ") or text.endswith(" " + marker)


def _without_headings(text: str, catalog: Catalog) -> str:
    """The folded answer less the index's own headings read into it: the column heading of a
    continued page ('"Comply or explain" Provisions') after a page's last row gives no reason. Each
    is replaced by a mark that is no word, so the words around it are not joined into a phrase."""
    for heading in _reason_headings(catalog):
        if heading in text:
            text = f" {text} ".replace(f" {heading} ", " | ").strip()
    return text


@lru_cache(maxsize=32)
def _reason_headings(catalog: Catalog) -> tuple[str, ...]:
    """The catalog's index headings that hold an omission reason or marker, folded."""
    words = [fold(w) for w in (*catalog.omission_reasons, *catalog.omission_markers)]
    headings = {fold(h) for h in catalog.index_headings}
    return tuple(sorted(h for h in headings if any(_has(h, w) for w in words)))


_ENDING = re.compile(r"(?:s|es|ed|ing|d)?(?![a-z0-9])")
"""What may follow a term's stem in folded text: a plural or verb ending, then the word's end."""


def _stem(term: str) -> str:
    return term[:-1] if term.endswith("s") and len(term) > 4 else term


def word_found(term: str, text: str) -> bool:
    """A folded term at a word start of folded text; its last word may end in a plural or verb
    ending, and a plural term matches its singular ("emissions" finds "emission"). By str.find
    and a match at each hit: a regex opening with a look-behind scans a long section ten times
    slower."""
    stem = _stem(term)
    if text.startswith(stem) and _ENDING.match(text, len(stem)):
        return True
    needle = " " + stem  # folded words are one space apart: a word start is after a space
    start = text.find(needle)
    while start >= 0:
        if _ENDING.match(text, start + len(needle)):
            return True
        start = text.find(needle, start + 1)
    return False


_WORD_ENDING = re.compile(r"(?:ing|ed|es|e|s)$")


@lru_cache(maxsize=4096)
def _inflected(term: str) -> re.Pattern[str]:
    """A folded term whose every word may take another ending ("average trained hours" for
    "average training hours"): each word of four letters or more cut to its stem, then any of a
    plural, verb or agent ending; a number stays as written ("scope 1"). The first stem's letters
    open the pattern and the word start is checked behind them, so the search skips to them as
    str.find does (a pattern opening with a look-behind is tried at every character)."""
    parts = []
    for word in term.split():
        if word.isalpha():
            stem = _WORD_ENDING.sub("", word) if len(word) >= 4 else word
            parts.append((re.escape(stem), "(?:e|es|s|ed|ing|er|ers)?"))
        else:
            parts.append((re.escape(word), ""))
    (first, ending), rest = parts[0], parts[1:]
    head = f"{first}(?<![a-z0-9]{first}){ending}"
    return re.compile(head + "".join(f" {stem}{end}" for stem, end in rest) + r"(?![a-z0-9])")


def any_found(terms: list[str] | tuple[str, ...], text: str) -> bool:
    """Whether any term is in the text: all lexically first; then with other word endings
    (inflected); then fuzzily (a long term misspelt or hyphenated differently). The costlier
    passes run only when no term is there as written."""
    folded = [term for term in (fold(term) for term in terms) if term]
    if any(word_found(term, text) for term in folded):
        return True
    if any(_inflected(term).search(text) for term in folded):
        return True
    return any(
        fuzz.partial_ratio(term, text, score_cutoff=t.EVIDENCE_FUZZY) > 0
        for term in folded
        # "scope 1 2" is one edit from "scope 1 " and means something else: letters only
        if len(term) >= t.EVIDENCE_FUZZY_MIN_CHARS and not _DIGIT.search(term)
    )


def figure_lines(lines: list[str], digits: bytearray) -> tuple[str, str]:
    """The lines with a figure on them or on the two lines below (where a unit may stand beside
    its figures: a data table's unit column or header), as printed and folded, each joined once.
    `digits` says which lines hold a digit (Document.with_figure of the same lines)."""
    kept = " ".join(line for number, line in enumerate(lines) if any(digits[number : number + 3]))
    return kept, fold_clean(kept)


def figures_found(rows: list[tuple[str, str]], units: tuple[str, ...]) -> bool:
    """A figure beside one of the units, in figure_lines() of each span."""
    folded_units = [fold(unit) for unit in units if fold(unit)]
    signs = [unit for unit in units if not fold(unit)]  # "%": no letters to fold, read as printed
    for raw, folded in rows:
        if any(sign in raw for sign in signs) or any(word_found(unit, folded) for unit in folded_units):
            return True
    return False


def _cased_alike(line: str, name: str) -> bool:
    """A heading prints its name in the index's capitals, or in capitals only ("PERFORMANCE DATA
    SUMMARY"); "Product and service quality" in a list of topics is a mention of "Product and
    Service Quality", not its heading."""
    letters = [char for char in line if char.isalpha()]
    return capitals(line) == capitals(name) or (bool(letters) and all(c.isupper() for c in letters))


@lru_cache(maxsize=4096)
def catalog_terms(disclosure: Disclosure) -> tuple[str, ...]:
    """Words any answer to the disclosure mentions: evidence terms (the likeliest, searched
    first), element terms, title words; folded, each once."""
    if not disclosure.evidence_terms and not disclosure.element_terms:
        return ()
    words = [word for word in fold(disclosure.title).split() if len(word) >= t.TITLE_WORD_MIN_CHARS]
    element = [term for _, terms in disclosure.element_terms for term in terms]
    folded = [fold(term) for term in (*disclosure.evidence_terms, *element, *words)]
    return tuple(dict.fromkeys(term for term in folded if term))


class Evidence:
    """Spans and verdicts of one report, built once (Context.evidence) and read by ESG501-503."""

    def __init__(self, ctx: Context) -> None:
        # A proxy, not a reference: the context keeps this object (Context.evidence), and a cycle
        # would keep each report's document alive until a full collection, which the CLI's raised
        # collector threshold puts off for a whole batch (memory growing with every report).
        self.ctx = weakref.proxy(ctx)
        self._cuts = sorted({start for start, _ in ctx.index.spans})
        self._texts: dict[tuple[int, int], str] = {}
        self._spans: dict[tuple[bool, str], Span | bool | None] = {}
        self._cache: dict[tuple[int, int, str], Any] = {}

    # -- spans --------------------------------------------------------------------------------
    @cached_property
    def _located(self) -> set[int]:
        return {table.number for table in self.ctx.index.tables if table.location == "section"}

    @cached_property
    def _names(self) -> dict[str, str]:
        """Folded section names the located tables print (each part of a "Chapter > Section" path)."""
        names: dict[str, str] = {}
        for entry in self.ctx.index.entries:
            if entry.table in self._located and entry.section and not own_pages(entry.section):
                for part in entry.section.split(" > "):
                    if key := fold(part):
                        names.setdefault(key, part.strip())
        return names

    @cached_property
    def _inside(self) -> bytearray:
        """The index's lines, marked (Document.marked): no evidence and no section heading there."""
        return self.ctx.document.marked(self.ctx.index.spans)

    @cached_property
    def _heading_lines(self) -> dict[str, list[int]]:
        """Body lines (outside the index) that print a section name as a whole line, or a name
        wrapped over two short lines."""
        names = self._names
        if not names:
            return {}
        document = self.ctx.document
        inside = self._inside
        longest = max(map(len, names)) + 8
        found: dict[str, list[int]] = {}
        cleaned = document.cleaned
        outside = inverted(inside[1 : len(cleaned) + 1])
        short = compress(range(1, len(cleaned) + 1), both(document.lengths_between(1, longest), outside))
        previous, previous_raw, following = "", "", 0
        for number in short:
            if number != following:
                previous = ""  # a name wraps over two short lines in a row, nothing between
            line = cleaned[number - 1]
            following = number + 1
            raw = _FOOTNOTE_END.sub("", line) if line[-1].isdigit() else line
            key = fold(raw)
            if key in names and _cased_alike(raw, names[key]):
                found.setdefault(key, []).append(number)
            elif (
                previous
                and (joined := f"{previous} {key}") in names
                and _cased_alike(f"{previous_raw} {raw}", names[joined])
            ):
                found.setdefault(joined, []).append(number - 1)
            previous, previous_raw = key, raw
        return found

    @cached_property
    def _occurrences(self) -> dict[str, list[int]]:
        """Heading lines of each name, a name printed twice in a row (a page header above the
        same title) counted once."""
        merged: dict[str, list[int]] = {}
        for key, lines in self._heading_lines.items():
            kept: list[int] = []
            for line in lines:
                if not kept or line - kept[-1] > t.SPAN_MIN_LINES:
                    kept.append(line)
            merged[key] = kept
        return merged

    @cached_property
    def _headings(self) -> dict[str, int]:
        """Names printed as a heading line once, leaving out lists of names: a contents page or a
        chapter's opening list (another name within a few lines, or short title lines above and
        below). A name still printed as a heading on several lines (running headers) is not resolved."""
        owner = {line: key for key, lines in self._occurrences.items() for line in lines}
        every = sorted(owner)
        position = {line: at for at, line in enumerate(every)}
        unique: dict[str, int] = {}
        for key, lines in self._occurrences.items():
            kept = []
            for line in lines:
                at = position[line]
                near = [
                    other
                    for other in every[max(0, at - 1) : at + 2]
                    if other != line and owner[other] != key and abs(other - line) <= t.SPAN_MIN_LINES
                ]
                if not near and not self._in_list(line, key):
                    kept.append(line)
            if len(kept) == 1:
                unique[key] = kept[0]
        return unique

    def _in_list(self, line: int, key: str) -> bool:
        """Whether the name's line stands in a run of short title lines, two above it and two below
        with no blank line (a chapter's opening list of its sections), not above its section's
        prose or under a heading of its own."""
        cleaned = self.ctx.document.cleaned
        below = line + (1 if fold(cleaned[line - 1]) == key else 2)  # a wrapped name takes two lines
        around = [line - 2, line - 1, below, below + 1]
        if around[0] < 1 or around[-1] > len(cleaned):
            return False
        return all(cleaned[n - 1] and title_like(cleaned[n - 1], 60) for n in around)

    @cached_property
    def _boundaries(self) -> list[int]:
        """Lines where a span ends: every line printing a name the index gives, but only the first of
        a list of names (a chapter's opening list of its sections, a contents page), and the index."""
        every = sorted(line for lines in self._occurrences.values() for line in lines)
        starts, run = [], []
        for line in every:
            if run and line - run[-1] > t.SPAN_MIN_LINES:
                starts.append(run[0])
                run = []
            run.append(line)
        starts += run[:1]
        ends = {*self._headings.values(), *starts, *self._cuts, len(self.ctx.document.lines) + 1}
        return sorted(ends)

    def _section_span(self, key: str) -> Span | None:
        first = self._headings.get(key)
        if first is None:
            return None
        after = bisect_right(self._boundaries, first)
        last = self._boundaries[after] - 1
        if last - first < t.SPAN_MIN_LINES:
            return None  # a list of names (contents, a navigation bar), not a section
        return Span(first, last, f'section "{self._names[key]}" (lines {first}-{last})')

    def span(self, entry: IndexEntry) -> Span | bool | None:
        """The text the row points to; None when it cannot be found with confidence; False when
        the row points nowhere this check can read (another document, a table with no section column).
        Found once per location: many rows point to the same section."""
        key = (entry.table in self._located, entry.section)
        if key not in self._spans:
            self._spans[key] = self._find_span(entry)
        return self._spans[key]

    def _find_span(self, entry: IndexEntry) -> Span | bool | None:
        location = entry.section.strip()
        pages = own_pages(location) if location else []
        if pages:
            return self._page_span(pages, location)
        if entry.table not in self._located or not location:
            return False
        parts = [fold(part) for part in location.split(" > ") if fold(part)]
        spans = [self._section_span(key) for key in parts]
        leaf = spans[-1]
        if leaf is None:
            return None
        parents = [span for span in spans[:-1] if span is not None]
        if all(parent.first <= leaf.first for parent in parents):
            return leaf  # a chapter (found or not) and its section, found once: the section's span
        return None  # names that are not one heading path: unsure which text is meant

    def _page_span(self, pages: list[int], location: str) -> Span | None:
        printed = self.ctx.printed_pages
        if printed is None or not all(page in printed.numbers for page in pages):
            return None
        starts = self.ctx.document.page_starts
        first_pdf, last_pdf = printed.pdf_page(pages[0]), printed.pdf_page(pages[-1])
        first = starts[first_pdf - 1]
        last = starts[last_pdf] - 1 if last_pdf < len(starts) else len(self.ctx.document.lines)
        return Span(first, last, f"page {location}", pages=True)

    def text(self, span: Span) -> str:
        """The span's folded text (a section's without its heading line), computed once."""
        key = (span.first, span.last)
        if key not in self._texts:
            skip = 0 if span.pages or span.whole else 1  # a section's heading line is no evidence
            lines = self.lines(span)[skip:]
            # "kg CO2e/€ thousand sales", "GJ/employee": a ratio reads as "per"
            self._texts[key] = fold_clean(" ".join(lines).replace("/", " per "))
        return self._texts[key]

    def lines(self, span: Span) -> list[str]:
        if span.whole:
            return self._body[0]
        return self.ctx.document.cleaned[span.first - 1 : span.last]

    def _digits(self, span: Span) -> bytearray:
        if span.whole:
            return self._body[1]
        return self.ctx.document.with_figure[span.first - 1 : span.last]

    @cached_property
    def _body(self) -> tuple[list[str], bytearray]:
        """The report's lines outside its index, and which hold a digit: the text of rows whose
        table names no section."""
        document = self.ctx.document
        outside = inverted(self._inside[1 : len(document.lines) + 1])  # no list of line numbers
        return list(compress(document.cleaned, outside)), bytearray(compress(document.with_figure, outside))

    def _words(self, span: Span) -> int:
        key = (span.first, span.last, "words")
        if key not in self._cache:
            self._cache[key] = self.text(span).count(" ") + 1
        return self._cache[key]

    def _figures(self, span: Span) -> tuple[str, str]:
        key = (span.first, span.last, "figures")
        if key not in self._cache:
            self._cache[key] = figure_lines(self.lines(span), self._digits(span))
        return self._cache[key]

    # -- verdicts -----------------------------------------------------------------------------
    @cached_property
    def verdicts(self) -> dict[tuple[str, str], Verdict]:
        """One verdict per listed code (framework, code key), judged on all its rows together."""
        rows: dict[tuple[str, str], list[IndexEntry]] = {}
        for entry in self.ctx.index.entries:
            if not entry.metric and self.ctx.disclosure_for(entry):
                rows.setdefault((entry.framework, code_key(entry.code)), []).append(entry)
        return {key: self._judge(entries) for key, entries in rows.items()}

    def with_status(self, status: str) -> list[Verdict]:
        """The verdicts of one status: each of ESG501-503 reports one."""
        return [verdict for verdict in self.verdicts.values() if verdict.status == status]

    def _judge(self, entries: list[IndexEntry]) -> Verdict:
        first = entries[0]
        disclosure = self.ctx.disclosure_for(first)
        catalog = self.ctx.catalog_for(first)
        assert disclosure is not None and catalog is not None
        titled = self._titled
        if any(
            id(entry) in titled and self.ctx.labels.own_score(entry.label, disclosure) < t.LABEL_WRONG
            for entry in entries
        ):  # printed with another disclosure's title (ESG101): which one the row means is unclear
            return Verdict("not-checked", first, why="a row's label is not this disclosure's title")
        marks = [omission(entry, disclosure, catalog, self._answers(entry)) for entry in entries]
        if "explained" in marks:
            return Verdict("explained", entries[marks.index("explained")])
        if "omitted" in marks and all(mark for mark in marks):
            return Verdict("omitted", entries[marks.index("omitted")])  # every row of the code says so
        if "omitted" in marks:
            why = "one row marks it left out, another points to where it is: which holds is unclear"
            return Verdict("not-checked", first, why=why)
        link = self._web_only(entries) if disclosure.quantitative else None
        if link:  # a KPI's figures on a web page: not in the report, so at most partial
            row = Span(0, 0, f"a link to {link}", link=link)
            return Verdict("partial", first, [row], [row.where], ["its figures in the report"])
        wanted = catalog_terms(disclosure)
        if not wanted:
            return Verdict("not-checked", first, why="the catalog lists no evidence terms for it")
        spans: list[Span] = []
        for entry in entries:
            if self._names_another_section(entry):
                why = "the row's remark names a section too: which text it points to is unclear"
                return Verdict("not-checked", entry, why=why)
            span = self.span(entry)
            if span is False:
                continue
            if span is None:
                why = "the text a row points to was not found with confidence"
                return Verdict("not-checked", entry, why=why)
            spans.append(span)
        if not spans:
            whole = self._whole_report(entries)
            if whole is None:
                return Verdict("not-checked", first, why="no row points to a section or pages of this report")
            spans = [whole]
        text = self.text(spans[0]) if len(spans) == 1 else " ".join(self.text(span) for span in spans)
        if sum(self._words(span) for span in spans) < t.SPAN_MIN_WORDS:
            return Verdict("not-checked", first, spans, why="the text it points to is too short to judge")
        if not any_found(wanted, text):
            elements = disclosure.element_terms
            elsewhere = None if spans[0].whole else self._elsewhere(elements, spans, disclosure)
            return Verdict("unsupported", first, spans, missing=list(wanted), elsewhere=elsewhere)
        if not disclosure.element_terms:
            return Verdict("complete", first, spans)
        found, missing = [], []
        for name, terms in disclosure.element_terms:
            (found if any_found(terms, text) else missing).append(name)
        if disclosure.quantitative and disclosure.unit_terms:
            lines = [self._figures(span) for span in spans]
            units = "figures in " + " or ".join(disclosure.unit_terms[:3])
            (found if figures_found(lines, disclosure.unit_terms) else missing).append(units)
            stale = self._stale_years(spans) if units in found else ""
            if stale:
                missing.append(stale)
        if missing and found:
            absent = [(name, terms) for name, terms in disclosure.element_terms if name in missing]
            elsewhere = None if spans[0].whole or not absent else self._elsewhere(absent, spans, disclosure)
            return Verdict("partial", first, spans, found, missing, elsewhere=elsewhere)
        if missing:
            why = "evidence terms found, but no element of the answer"
            return Verdict("not-checked", first, spans, why=why)
        return Verdict("complete", first, spans, found)

    def _names_another_section(self, entry: IndexEntry) -> bool:
        """Whether the row may point somewhere besides its section: a remark that is no prose (a
        second location, a web page: "NVIDIA Benefits"), or the row's own lines printing another
        section name the index gives (a location printed below a wrapped title, read into the
        next row). Such rows are not judged."""
        if entry.table not in self._located or own_pages(entry.section):
            return False  # pages are read as printed; a remark beside them is not a second place
        if entry.remark and not _PROSE.search(entry.remark):
            return True
        own = {fold(part) for part in entry.section.split(" > ")}
        last = self._row_end(entry) if entry.table in self._trailing else entry.line
        raw = fold_clean(" ".join(self.ctx.document.cleaned[entry.line - 1 : last]))
        padded = f" {raw} "
        return any(
            wrapped in padded
            for word in set(raw.split())
            for key, wrapped in self._padded_names.get(word, ())
            if key not in own
        )

    @cached_property
    def _padded_names(self) -> dict[str, list[tuple[str, str]]]:
        """The index's names long enough to be told apart from words of a title, padded for a
        word-boundary `in`, by their first word: a row is searched only for names it may hold."""
        by_word: dict[str, list[tuple[str, str]]] = {}
        for key in self._names:
            if len(key) >= 8:
                by_word.setdefault(key.split()[0], []).append((key, f" {key} "))
        return by_word

    @cached_property
    def _trailing(self) -> set[int]:
        """Tables whose rows print their section after the title, on the code's line for most rows
        ("403-1 Occupational health and safety management system Occupational Health and Safety"):
        there a name on the lines below a row is that row's location, read into the next row when
        the title wrapped. In a table whose names head groups of rows, it is the next group's."""
        rows: dict[int, list[bool]] = {}
        for entry in self.ctx.index.entries:
            if entry.table in self._located and entry.section and not own_pages(entry.section):
                leaf = fold(entry.section.split(" > ")[-1])
                rows.setdefault(entry.table, []).append(_has(fold(self.ctx.document.line(entry.line)), leaf))
        return {table for table, marks in rows.items() if sum(marks) * 2 >= len(marks)}

    @cached_property
    def _row_starts(self) -> list[int]:
        return sorted({entry.line for entry in self.ctx.index.entries})

    def _row_end(self, entry: IndexEntry) -> int:
        """The line before the next row's, within a few lines: the row's own text."""
        after = bisect_right(self._row_starts, entry.line)
        following = self._row_starts[after] if after < len(self._row_starts) else entry.line + 1
        return min(following - 1, entry.line + t.ROW_MAX_LINES)

    def _answers(self, entry: IndexEntry) -> str:
        """The row's text that may answer or explain: not a title column's label, not a section
        column's names."""
        roles = self._roles.get(entry.table, ("none", "none"))
        parts = [entry.remark]
        if roles[0] != "title":
            parts.append(entry.label)
        if roles[1] != "section":
            parts.append(entry.section)
        return " ".join(part for part in parts if part)

    @cached_property
    def _titled(self) -> set[int]:
        return {id(entry) for entry in self.ctx.titled_entries}

    @cached_property
    def _roles(self) -> dict[int, tuple[str, str]]:
        return {table.number: (table.label, table.location) for table in self.ctx.index.tables}

    def _stale_years(self, spans: list[Span]) -> str:
        """ "figures for 2023 (its tables give 2020, 2021)" when the spans' data tables head their
        columns with years and none is a year of the reporting period: the figures are of earlier
        years. Only from header lines of two years or more (a mention of a base year is no table),
        and never where years are written short ("FY23", "2022/23"), which this does not read."""
        period = self.ctx.period
        if period is None:
            return ""
        own = {period.start.year, period.end.year}
        headed: set[int] = set()
        for span in spans:
            years = self._header_years(span)
            if years is None:
                return ""
            headed |= years
        if not headed or headed & own or max(headed) > max(own):
            return ""
        return f"figures for {period.end.year} (its tables give {', '.join(map(str, sorted(headed)))})"

    def _header_years(self, span: Span) -> set[int] | None:
        """The years of the span's lines that print two or more (column headers); None where a
        year is written short. Once per span, on the lines with a figure."""
        key = (span.first, span.last, "years")
        if key not in self._cache:
            headed: set[int] | None = set()
            for line, figure in zip(self.lines(span), self._digits(span), strict=True):
                if not figure or ("19" not in line and "20" not in line and "FY" not in line.upper()):
                    continue  # no year, short or long, on the line (most lines of figures)
                if _SHORT_YEAR.search(line):
                    headed = None
                    break
                years = {int(year) for year in _YEAR.findall(line)}
                if len(years) >= 2:
                    headed |= years
            self._cache[key] = headed
        return self._cache[key]

    def _web_only(self, entries: list[IndexEntry]) -> str:
        """The web address every row of the code gives as its only answer or location ("see
        www.example.com/esg"), or ""."""
        link = ""
        for entry in entries:
            parts = [self._answers(entry)]  # holds the location unless a column of sections does
            if self._roles[entry.table][1] == "section":
                parts.append(entry.section)
            match = _WEB_ONLY.fullmatch(" ".join(part for part in parts if part).strip())
            if not match:
                return ""
            link = link or match["link"]
        return link

    def _whole_report(self, entries: list[IndexEntry]) -> Span | None:
        """The whole report, for a code whose rows give its title and nothing else: no location
        column, no answer, no reference to another document ("Annual Report, p. 4" would point
        elsewhere), a label that reads as its title. Only in a document that holds its report: not
        a standalone index."""
        if self.ctx.index.standalone:
            return None
        disclosure = self.ctx.disclosure_for(entries[0])
        assert disclosure is not None
        for entry in entries:
            if self._roles[entry.table][1] != "none" or self._answers(entry) or id(entry) not in self._titled:
                return None
            if self.ctx.labels.own_score(entry.label, disclosure) < t.LABEL_MATCH:
                return None  # more than its title in the label ("table for more detail."): unclear where
        return Span(0, 0, "the whole report (its index names no section for it)", whole=True)

    def _elsewhere(
        self,
        elements: Sequence[tuple[str, tuple[str, ...]]],
        spans: list[Span],
        disclosure: Disclosure,
    ) -> Span | None:
        """The section of the index's own names that evidences these elements best, when one does
        clearly: every one of them, and a word of the disclosure's own (an element's word alone,
        "return", may be about anything); given no elements, most of its evidence terms."""
        best: tuple[int, Span] | None = None
        for key in self._headings:
            span = self._section_span(key)
            if span is None or any(span.first == own.first for own in spans):
                continue
            text = self.text(span)
            own = (word_found(fold(term), text) for term in disclosure.evidence_terms)
            if elements:  # the disclosure's own words only where every element is there (the rare case)
                score = sum(1 for _, terms in elements if any(word_found(fold(term), text) for term in terms))
                enough = score == len(elements) and any(own)
            else:
                score = sum(own)
                enough = score >= max(2, (len(disclosure.evidence_terms) + 1) // 2)
            if enough and (best is None or score > best[0]):
                best = (score, span)
        return best[1] if best else None

    def counts(self, framework: str) -> dict[str, int]:
        """The framework's listed codes by verdict, for the coverage table and the JSON."""
        counts = dict.fromkeys((status.replace("-", "_") for status in STATUSES), 0)
        for (name, _), verdict in self.verdicts.items():
            if name == framework:
                counts[verdict.status.replace("-", "_")] += 1
        return counts

    def verdict(self, entry: IndexEntry) -> Verdict | None:
        return self.verdicts.get((entry.framework, code_key(entry.code)))
