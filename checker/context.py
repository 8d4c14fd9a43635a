"""Everything the rules read about one report, built once."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from . import thresholds as t
from .catalog import Catalog, Disclosure
from .claims import Claim
from .document import Document

if TYPE_CHECKING:
    from .evidence import Evidence
    from .period import ReportingPeriod
from .index_parser import ContentIndex, IndexEntry, SectionName
from .labels import LabelMatcher
from .page_refs import PrintedPages, own_pages, printed_pages
from .sections import Headings
from .text import CONNECTOR_WORDS, fold

_NON_LETTERS = re.compile(r"[^\W\d_]+")
_CUT_OFF = re.compile(rf"\b(?:{CONNECTOR_WORDS})$", re.I)


_TITLE_WORD = re.compile(r"[A-Za-z][a-z]{3,}|[A-Z]{5,}")
"""A word of a title ("emissions", "Employees", "EMISSIONS"); tags of other frameworks ("SCM TCFD
Sa-b", "SASB SV-PS-330a.2") have none."""


def _reads_as_title(label: str) -> bool:
    """A cell of a title column that could be a title at all, not a stray piece of the row read
    into it ("(2016)", ".", "table for more detail.", a paragraph of answer), nor a title cut off
    where it wrapped onto a page the parser did not follow (ending in "with", "of")."""
    label = label.lstrip("\"'“‘")
    if not label:
        return True
    if _CUT_OFF.search(label, max(0, len(label) - 5)):  # the last word only (\b still sees before it)
        return False  # "Claims of reporting in accordance with": the rest of the title was not read
    if not _TITLE_WORD.search(label):
        return False  # "SCM TCFD Sa-b, Ra-c.", "SASB SV-PS-330a.2": tags of other frameworks, no words
    letters = len(label) - len(_NON_LETTERS.sub("", label))
    acronym = label.isupper() and " " not in label  # "GRI", "N/A": a framework's name or a mark
    short_enough = len(label) <= t.TITLE_MAX_CHARS
    return label[0].isupper() and not acronym and short_enough and letters >= 0.6 * len(label)


@dataclass
class Context:
    document: Document
    index: ContentIndex
    catalogs: dict[str, Catalog]
    claims: dict[str, Claim]
    headings: Headings
    labels: LabelMatcher
    frameworks: list[str] = field(default_factory=list)
    """Frameworks the report is held to: claimed in its statement or present in its index."""
    versions: dict[str, tuple[Catalog, ...]] = field(default_factory=dict)
    """Every loaded version of each framework, the one the report is held to among them: to name
    the version a code unknown to the report's version belongs to."""
    period: ReportingPeriod | None = None
    """The reporting period the report states, if found (checker/period.py)."""

    @cached_property
    def titled_entries(self) -> list[IndexEntry]:
        """Rows whose label is meant to be the code's title: rows of a table whose label column
        holds titles (checker/roles.py), not data-table metric rows, nor rows of a code whose
        official wording is not known (a paraphrased title in the catalog)."""
        titled = {table.number for table in self.index.tables if table.label == "title"}
        return [
            entry
            for entry in self.index.entries
            if not entry.metric
            and entry.table in titled
            and _reads_as_title(entry.label)
            and ((disclosure := self.disclosure_for(entry)) is None or disclosure.wording_verified)
        ]

    @cached_property
    def section_names(self) -> list[SectionName]:
        """Section names printed in tables whose location column names this report's sections."""
        located = {
            (table.number, framework)
            for table in self.index.tables
            if table.location == "section"
            for framework in table.located
        }
        return [section for section in self.index.sections if (section.table, section.framework) in located]

    @cached_property
    def _row_sizes(self) -> Counter[tuple[int, str]]:
        return Counter((entry.line, entry.label) for entry in self.titled_entries)

    def shares_row(self, entry: IndexEntry) -> bool:
        """Whether the entry's row lists several codes under one label ("301-1, 301-2 Materials
        used by weight or volume, Recycled input materials used"): the label is the row's, not
        one code's title."""
        return self._row_sizes[(entry.line, entry.label)] > 1

    @cached_property
    def page_references(self) -> list[tuple[IndexEntry, list[int]]]:
        """Rows whose location is only pages of this report ("48", "pp. 12-15"), with those pages."""
        return [(entry, pages) for entry in self.index.entries if (pages := own_pages(entry.section))]

    @cached_property
    def printed_pages(self) -> PrintedPages | None:
        """The report's printed numbering; read from its pages only when the index cites pages."""
        return printed_pages(self.document) if self.page_references else None

    @cached_property
    def _standards(self) -> dict[str, tuple[str, ...]]:
        return {
            name: tuple({fold(d.standard) for d in catalog.disclosures.values() if d.standard})
            for name, catalog in self.catalogs.items()
        }

    def opens_with_standard(self, entry: IndexEntry) -> bool:
        """Whether the label opens with a standard's full name ("GRI 103: Management Approach 2016
        Professional Ethics"): the template's standard column, read into the row."""
        label = fold(entry.label)
        return any(label.startswith(name) for name in self._standards.get(entry.framework, ()))

    def catalog_for(self, entry: IndexEntry) -> Catalog | None:
        catalog = self.catalogs.get(entry.framework)
        return catalog if catalog and catalog.in_scope(entry.code) else None

    def other_version(self, entry: IndexEntry) -> Catalog | None:
        """Another version of the row's framework that holds its code (HKEX A4, added in 2020,
        in a report held to the Guide before): the earliest such version."""
        held = self.catalog_for(entry)
        if held is None:
            return None
        others = [
            catalog
            for catalog in self.versions.get(entry.framework, ())
            if catalog.id != held.id and catalog.in_scope(entry.code) and catalog.get(entry.code)
        ]
        return min(others, key=lambda c: c.applies_from or date.min, default=None)

    def disclosure_for(self, entry: IndexEntry) -> Disclosure | None:
        catalog = self.catalog_for(entry)
        return catalog.get(entry.code) if catalog else None

    def claim_level(self, framework: str) -> str:
        claim = self.claims.get(framework)
        return claim.level if claim else self.catalogs[framework].default_claim

    @cached_property
    def evidence(self) -> Evidence:
        """Section spans and what they evidence (checker/evidence.py), built when a rule asks."""
        from .evidence import Evidence

        return Evidence(self)

    def page(self, line: int | None) -> int | None:
        return self.document.page_of(line)
