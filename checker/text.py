"""Text normalisation shared by the parser and the rules, so every comparison folds text the same way."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u00ad": "",
    "\ufffe": "-",  # a soft hyphen inside a code as pdfium extracts it ("TC-SC\ufffe150a.1")
    "\ufeff": "",
}


def clean_text(text: str) -> str:
    """Unify quotes, dashes and odd spaces as PDF extraction scatters them; keep lines."""
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFKC", text):  # the check is 40x cheaper than normalising
        text = unicodedata.normalize("NFKC", text)
    for odd, usual in _REPLACEMENTS.items():  # str.replace per character: 20x faster than translate
        if odd in text:
            text = text.replace(odd, usual)
    return text


def clean(text: str) -> str:
    """clean_text, with all white space folded to single spaces: one line of text."""
    return " ".join(clean_text(text).split())


_WORD_BYTES = bytes(code if 48 <= code <= 57 or 97 <= code <= 122 else 32 for code in range(256))
"""Lower-case ASCII letters and digits kept, every other byte a space."""
_SPACE_RUNS = re.compile(rb"  +")


def fold_text(text: str) -> str:
    """Lower-case words only: the form in which labels and titles are compared."""
    return fold_clean(clean_text(text))


def fold_clean(text: str) -> str:
    """fold_text of text already cleaned (clean_text), as a document's cleaned lines are. On bytes
    (a translation table, one regex for runs of spaces): the same words as replacing every run of
    characters other than a-z and 0-9 by a space, two to three times faster. Lowered as bytes, after
    every other character became "?": str.lower() of a long text holding any non-ASCII character runs
    at a fraction of the speed, and after NFKC no other character lowers to an ASCII letter but the
    Turkish dotted capital I (whose "i" is then lost)."""
    data = text.encode("ascii", "replace").lower().translate(_WORD_BYTES)
    return _SPACE_RUNS.sub(b" ", data).strip().decode("ascii")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """fold_text, cached: the same titles and label prefixes are folded for every row and every
    report of a run. Long texts read once (whole pages) go to fold_text, so the cache stays small."""
    return fold_text(text)


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines into one, mending words hyphenated at a line end ("part-" + "time"),
    subscripts the PDF put on lines of their own ("(NO" + "x" + "), sulfur" -> "(NOx), sulfur")."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        subscript = len(part) == 1 and (part.isdigit() or part == "x") and out[-1:].isupper()
        if (out.endswith("-") and part[:1].islower()) or subscript or part[:1] in ",;)":
            out += part
        elif out:
            out += " " + part
        else:
            out = part
    return clean(out)


CONNECTOR_WORDS = r"and|or|of|for|to|the|in|on|with|by|a|an"
"""Words a wording may not end with ("Claims of reporting in accordance with"): it was cut off."""

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,5})\)")


@lru_cache(maxsize=1 << 14)
def canonical(text: str) -> str:
    """fold, with an acronym's spelt-out words dropped ("greenhouse gas (GHG)" -> "ghg") and the
    words sorted: the same wording whether it spells out an acronym or moves "(Scope 1)"."""
    words = clean(text).split()
    kept: list[str] = []
    for word in words:
        match = _ACRONYM.fullmatch(word.strip(".,;:"))
        if match:
            letters = match[1]
            for count in range(min(len(letters), len(kept)), 0, -1):
                if _abbreviates(letters, kept[-count:]):
                    del kept[-count:]
                    break
            kept.append(letters)
        else:
            kept.append(word)
    return " ".join(sorted(fold_text(" ".join(kept)).split()))


def _abbreviates(letters: str, words: list[str]) -> bool:
    """Whether the words' initials (of each hyphenated part) spell the acronym's letters in order,
    from its first: "ozone-depleting substances" for ODS, "greenhouse gas" for GHG."""
    initials = [part[:1].upper() for word in words for part in word.split("-") if part]
    if not initials or initials[0] != letters[0].upper():
        return False
    rest = iter(letters.upper())
    return all(initial in rest for initial in initials)
