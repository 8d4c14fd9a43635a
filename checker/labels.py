"""How a printed label compares with official wordings (thresholds in thresholds.py)."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz, process

from . import thresholds as t
from .catalog import Catalog, Disclosure, framework_titles
from .text import canonical, fold


def label_score(label: str, form: str) -> float:
    """Similarity of folded label and folded form; a title followed by extra words still scores high."""
    score = fuzz.ratio(label, form)
    if len(label) > len(form) + 3 and label.startswith(form[:3]):
        score = max(score, fuzz.ratio(label[: len(form)], form) - 5)
    return score


SPELLING_VARIANT = 75
"""Two words this alike are one word spelt two ways (labour/labor, group/groups)."""

AGREEMENT = frozenset(
    frozenset(pair)
    for pair in (("its", "their"), ("it", "they"), ("is", "are"), ("this", "these"), ("has", "have"))
)
"""Words a plural changes beside its noun: "the material topics and their boundaries" quotes "the
material topic and its Boundary"."""


def word_changes(label: str, form: str) -> list[str]:
    """Words dropped from or added to an official wording, ignoring case, punctuation, spelling
    variants, a plural's agreement and whatever follows the end of the wording (a location, a note):
    "missing 'energy'", "added 'total'"."""
    changes = []
    for gone, added in _word_diff(label, form):
        if gone:
            changes.append("missing '" + " ".join(gone) + "'")
        if added:
            changes.append("added '" + " ".join(added) + "'")
    return changes


def changed_words(label: str, form: str) -> tuple[int, int]:
    """How many words word_changes finds dropped from the wording, and how many added."""
    diff = _word_diff(label, form)
    return sum(len(gone) for gone, _ in diff), sum(len(added) for _, added in diff)


@lru_cache(maxsize=1024)
def _word_diff(label: str, form: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The (dropped, added) word groups; kept per pair, which ESG101 asks twice of a row it judges."""
    said, official = fold(label).split(), fold(form).split()
    changes = []
    matcher = SequenceMatcher(a=official, b=said, autojunk=False)
    blocks = matcher.get_matching_blocks()
    last_official_word = blocks[-2].a + blocks[-2].size if len(blocks) > 1 else 0
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal" or (op == "insert" and a1 >= last_official_word):
            continue
        gone, added = official[a1:a2], said[b1:b2]
        if a2 == len(official) and len(added) > len(gone):
            added = added[: len(gone)]  # the wording's last words, then what follows it (a location)
        if len(gone) == len(added) and all(map(_variant, gone, added)):
            continue
        changes.append((tuple(gone), tuple(added)))
    return tuple(changes)


def _variant(official: str, said: str) -> bool:
    """One word spelt another way, or agreeing with a plural."""
    return fuzz.ratio(official, said) >= SPELLING_VARIANT or frozenset((official, said)) in AGREEMENT


def _shortened_score(label: str, form: str) -> float:
    """A label that is a shortened wording: the best alignment of the label within the form."""
    return fuzz.partial_ratio(label, form) if len(form) > len(label) else 0.0


@dataclass(frozen=True)
class OtherMatch:
    code: str
    score: float


class LabelMatcher:
    """Per-framework table of official wordings, built once per catalog."""

    def __init__(self, catalogs: list[Catalog]) -> None:
        self._tables = {}
        self._folded_forms: dict[int, list[tuple[str, str]]] = {}
        self._near: dict[tuple[str, str], list[tuple[str, float]]] | None = None  # see for_report
        self._own: dict[tuple[int, str], tuple[float, str]] | None = None
        for catalog in catalogs:
            pairs = framework_titles(catalog)
            self._tables[catalog.framework] = ([form for form, _ in pairs], [code for _, code in pairs])

    def own_score(self, label: str, disclosure: Disclosure) -> float:
        return self.own_best(label, disclosure)[0]

    def own_best(self, label: str, disclosure: Disclosure) -> tuple[float, str]:
        """The best score of the label against the code's wordings, and that wording. The same
        words in another order, or an acronym spelt out, score as the wording itself, less 1."""
        key = (id(disclosure), label)
        if self._own is not None and key in self._own:
            return self._own[key]
        best = self._own_best(label, disclosure)
        if self._own is not None:
            self._own[key] = best
        return best

    def _own_best(self, label: str, disclosure: Disclosure) -> tuple[float, str]:
        folded = fold(label)
        forms = self._forms(disclosure)
        best = max((label_score(folded, form_folded), form) for form, form_folded in forms)
        if best[0] >= t.LABEL_MATCH:
            return best
        reordered = canonical(label)
        same = next((form for form, _ in forms if canonical(form) == reordered), None)
        return (99.0, same) if same else best

    def _forms(self, disclosure: Disclosure) -> list[tuple[str, str]]:
        """(wording, folded wording) of a disclosure, folded once per run."""
        forms = self._folded_forms.get(id(disclosure))
        if forms is None:
            forms = [(form, fold(form)) for form in disclosure.label_forms]
            self._folded_forms[id(disclosure)] = forms
        return forms

    def resembles(self, label: str, disclosure: Disclosure, framework: str) -> bool:
        """Whether a label reads as an official wording, its own or another code's, whole or
        shortened ("Percentage of Tier 1 supplier facilities audited" for a long SASB metric).
        Decides what a column holds (checker/roles.py), never a finding on its own. The cheap
        comparisons first: the search among other codes' wordings only for a label that is none
        of its own code's."""
        folded = fold(label)
        if folded in {fold(name) for name in disclosure.standard_names}:
            return True
        for _, form in self._forms(disclosure):
            if label_score(folded, form) >= t.TITLE_ROLE_SCORE:
                return True
            if len(folded) >= 15 and _shortened_score(folded, form) >= t.TITLE_ROLE_SCORE:
                return True
        other = self.best_other(framework, label, disclosure.code)
        return other is not None and other.score >= t.TITLE_ROLE_SCORE

    def for_report(self) -> LabelMatcher:
        """This matcher with a fresh memo of nearest wordings, for one report: the column roles and
        ESG101 ask about the same labels, and the memo does not outlive the report."""
        copy = object.__new__(LabelMatcher)
        copy.__dict__ = {**self.__dict__, "_near": {}, "_own": {}}
        return copy

    def best_other(self, framework: str, label: str, own_code: str) -> OtherMatch | None:
        """The other code whose wording the label matches best."""
        best: OtherMatch | None = None
        for code, score in self._nearest(framework, fold(label)):
            if code != own_code and (best is None or score > best.score):
                best = OtherMatch(code, score)
        return best

    def _nearest(self, framework: str, folded: str) -> list[tuple[str, float]]:
        key = (framework, folded)
        near = self._near.get(key)
        if near is None:
            table = self._tables.get(framework)
            found = process.extract(folded, table[0], scorer=fuzz.ratio, limit=5) if table else []
            near = [(table[1][position], score) for _, score, position in found]
            if self._near is not None:
                self._near[key] = near
        return near
