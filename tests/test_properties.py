"""Property-based tests (hypothesis): whatever the input, only the project's own errors; the
findings do not depend on row order or white space; a label swapped for another code's title
is always caught. Examples are few and small, so the whole file runs in seconds."""

from __future__ import annotations

import os
import random
import re

from conftest import CLEAN
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker import check
from checker.errors import InputError
from checker.reader import read_document

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", 40))
"""Raise it for a longer hunt (600 examples of each test ran clean when these were written)."""
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLEAN_TEXT = CLEAN.read_text(encoding="utf-8")
CLEAN_LINES = CLEAN_TEXT.splitlines()
ROW = re.compile(r"^(\d{1,3}-\d{1,2}) (.+)$")
ROWS = [(number, line) for number, line in enumerate(CLEAN_LINES) if ROW.match(line)]
TITLES = {ROW.match(line)[1]: ROW.match(line)[2] for _, line in ROWS}

PREFIXES = st.sampled_from(
    [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]
)
REPORTISH = st.lists(st.one_of(st.sampled_from(CLEAN_LINES), st.text(max_size=60)), max_size=80).map(
    "\n".join
)


def findings(text: str) -> set[tuple]:
    """Findings without their line numbers (those move when rows move)."""
    report = check(text=text).reports[0]
    assert report.error is None, report.error
    return {(f.rule, f.framework, f.code, f.found, f.expected, f.severity) for f in report.findings}


@FAST
@given(data=st.tuples(PREFIXES, st.binary(max_size=3000)))
def test_any_bytes_are_read_or_refused_with_an_input_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "report.txt"
    path.write_bytes(data[0] + data[1])
    try:
        read_document(path)
    except InputError as err:
        assert str(path) in str(err) and "\n" not in str(err)
    report = check(path).reports[0]  # the whole check keeps an unreadable report as its error
    assert report.error is None or report.error.startswith(str(path))


@FAST
@given(text=st.one_of(st.text(max_size=3000), REPORTISH))
def test_any_text_is_checked_or_refused_with_an_input_error(text):
    report = check(text=text).reports[0]
    assert report.error is None or report.error.startswith("<text>: ")


@FAST
@given(text=REPORTISH, encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32", "gb18030"]))
def test_any_text_in_any_encoding_is_checked_or_refused(tmp_path_factory, text, encoding):
    path = tmp_path_factory.mktemp("enc") / "report.txt"
    path.write_bytes(text.encode(encoding, errors="replace"))
    report = check(path).reports[0]
    assert report.error is None or report.error.startswith(str(path))


DEFECTS = CLEAN_TEXT.replace(
    "2-11 Chair of the highest governance body",
    "2-11 Nomination and selection of the highest governance body",
).replace("305-4 GHG emissions intensity", "305-9 GHG emissions intensity")
DEFECT_FINDINGS = findings(DEFECTS)


def rows_shuffled(text: str, seed: int) -> str:
    """The index's code rows in another order; every other line stays where it is."""
    lines = text.splitlines()
    places = [number for number, line in enumerate(lines) if ROW.match(line)]
    moved = [lines[number] for number in places]
    random.Random(seed).shuffle(moved)
    for number, line in zip(places, moved, strict=True):
        lines[number] = line
    return "\n".join(lines) + "\n"


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_shuffling_the_rows_does_not_change_the_findings(seed):
    assert {f[0] for f in DEFECT_FINDINGS} == {"ESG101", "ESG102", "ESG201"}
    assert findings(rows_shuffled(DEFECTS, seed)) == DEFECT_FINDINGS


@settings(max_examples=25, deadline=None)
@given(
    trailing=st.lists(
        st.sampled_from(["", " ", "  ", "\t", " \t "]), min_size=len(CLEAN_LINES), max_size=len(CLEAN_LINES)
    ),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    blank_lines_at_end=st.integers(0, 3),
)
def test_white_space_at_line_ends_and_line_breaks_do_not_change_the_findings(
    trailing, newline, blank_lines_at_end
):
    lines = [line + pad for line, pad in zip(DEFECTS.splitlines(), trailing, strict=True)]
    text = newline.join(lines) + newline * (1 + blank_lines_at_end)
    assert findings(text) == DEFECT_FINDINGS


@settings(max_examples=30, deadline=None)
@given(pair=st.permutations(list(TITLES)).map(lambda codes: codes[:2]))
@example(pair=["2-8", "2-7"])  # "Employees": 2-7's title, and 2-8's with words dropped
@example(pair=["305-1", "305-4"])  # "GHG emissions intensity": 305-1's words less some, then one more
def test_a_label_replaced_by_another_codes_title_is_always_caught(pair):
    code, other = pair
    row = f"{code} {TITLES[code]}"
    text = CLEAN_TEXT.replace(f"\n{row}\n", f"\n{code} {TITLES[other]}\n")
    assert text != CLEAN_TEXT
    report = check(text=text).reports[0]
    caught = [f for f in report.findings if f.rule == "ESG101" and f.code == code]
    assert caught, f"{code} printed with the title of {other} was not flagged"
    assert other in caught[0].message


@settings(max_examples=25, deadline=None)
@given(breaks=st.lists(st.integers(1, len(CLEAN_LINES) - 1), min_size=1, max_size=4, unique=True))
def test_page_breaks_between_lines_do_not_change_the_findings(breaks):
    lines = DEFECTS.splitlines()
    for number in breaks:
        lines[number] = "\f" + lines[number]
    assert findings("\n".join(lines) + "\n") == DEFECT_FINDINGS
