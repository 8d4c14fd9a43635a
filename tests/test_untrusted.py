"""User catalogs are untrusted: a hostile one fails fast (well under the 5 s bound asserted here,
1 s for a polynomial regex; about 0.2 s measured), on one line, exit 2, naming the file and the
reason."""

from __future__ import annotations

import json
import re
import sys
import time
from importlib import resources

import pytest
import yaml
from click.testing import CliRunner
from conftest import CLEAN

from checker.catalog import load_catalog_file
from checker.cli import main
from checker.untrusted import MAX_CATALOG_BYTES, pattern_problem

CATALOG = """\
schema: esgcheck-catalog/1
id: tcfd_2017
framework: TCFD
name: TCFD Recommendations
version: "2017"
code_pattern: '(?:Governance|Strategy) \\(?[a-c]\\)'
mentions: ['\\bTCFD\\b']
claim_levels:
  - {id: aligned, phrases: ['in line with'], missing_severity: warning}
default_claim: aligned
disclosures:
  - {code: "Governance a)", title: "Describe the board's oversight.", required_at: [aligned]}
"""


def laughs(levels: int) -> str:
    """The 'billion laughs': each level a list of nine aliases of the one before."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def refused(tmp_path, text: str | bytes, limit: float = 5) -> str:
    """Run the CLI with the catalog; assert exit 2, one line, no traceback, fast; the line."""
    path = tmp_path / "hostile.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    result = CliRunner().invoke(main, [str(CLEAN), "--catalog", str(path)])
    elapsed = time.perf_counter() - start
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and "Traceback" not in result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"esgcheck: {path}: ")
    assert elapsed < limit, f"a refused catalog must fail fast, took {elapsed:.1f} s"
    return result.stderr.strip()


@pytest.mark.parametrize("levels", [9, 10])
def test_billion_laughs_is_refused_before_it_is_built(tmp_path, levels):
    assert len(laughs(9)) < 600
    assert "its YAML aliases expand to over 250,000 nodes" in refused(tmp_path, laughs(levels))


def test_an_alias_inside_itself_is_refused(tmp_path):
    assert "a YAML alias refers to the node that holds it" in refused(tmp_path, "a: &a [1, *a]\n")


def test_deep_nesting_is_refused(tmp_path):
    assert "nests deeper than 32 levels" in refused(tmp_path, "a: " + "[" * 100 + "]" * 100 + "\n")


def test_an_oversized_catalog_is_refused_by_its_size(tmp_path):
    padding = "# " + "x" * 98 + "\n"
    text = CATALOG + padding * (MAX_CATALOG_BYTES // len(padding) + 1)
    assert "is 1.0 MB, over the 1 MB a catalog may be" in refused(tmp_path, text)


NESTED = ("the regex has nested quantifiers", "backtrack exponentially", 5)
ADJACENT = ("the regex has two unbounded quantifiers in a row", "backtrack polynomially", 1)
"""(what the refusal says, why, seconds it may take): a polynomial pattern is refused as fast."""


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"),
    [
        (
            "code_pattern: '(?:Governance|Strategy) \\(?[a-c]\\)'",
            "code_pattern: '(?:\\w+\\s?)+ZZ\\d'",
            "code_pattern",
            NESTED,
        ),
        ("mentions: ['\\bTCFD\\b']", "mentions: ['(a+)+b']", "mentions/0", NESTED),
        (
            "phrases: ['in line with']",
            "phrases: ['(?:in|line|\\w+)*with']",
            "claim_levels/0/phrases/0",
            NESTED,
        ),
        (
            "default_claim: aligned",
            "default_claim: aligned\nmisprints:\n  - {printed: '(a+)+b', code: 'x'}",
            "misprints/0/printed",
            NESTED,
        ),
        (
            "code_pattern: '(?:Governance|Strategy) \\(?[a-c]\\)'",
            "code_pattern: '\\w+\\s*\\w+Z'",
            "code_pattern",
            ADJACENT,
        ),
        ("mentions: ['\\bTCFD\\b']", "mentions: ['\\bTCFD\\b', '\\d+\\.?\\d+']", "mentions/1", ADJACENT),
        (
            "phrases: ['in line with']",
            "phrases: ['in line with', 'in [a-z]+[A-Z]+ with']",
            "claim_levels/0/phrases/1",
            ADJACENT,
        ),
    ],
)
def test_a_backtracking_regex_is_refused_with_the_reason(tmp_path, old, new, key, reason):
    says, why, limit = reason
    assert old in CATALOG
    line = refused(tmp_path, CATALOG.replace(old, new), limit=limit)
    assert f"invalid catalog at key '{key}': {says}" in line and why in line


@pytest.mark.parametrize(
    "pattern",
    [
        *(r"(?:\w+\s?)+ZZ\d", r"(a+)+", r"(a|b+)*c", r"(\d{1,2})+", r"(?:(?:a+)?)+", r"x(?:\s*\w+)*y"),
        *(r"(a)?(?(1)(?:b+)+|c)", r"(x)?(?(1)y|(?:\w+\s?)+)ZZ", r"(a)?(?:(?(1)b|c+))+"),  # conditional groups
    ],
)
def test_nested_quantifiers_are_named(pattern):
    assert "nested quantifiers" in (pattern_problem(pattern) or "")


@pytest.mark.parametrize(
    "pattern",
    [r"(?:ab)+", r"((a*)b)*", r"(\d{1,2}-)+", r"(?:x(?:y+)?)*", r"a{2,5}"]
    + ([r"(?>\w+\s?)+ZZ", r"(?:\w++\s?)+ZZ"] if sys.version_info >= (3, 11) else []),  # atomic, possessive
)
def test_patterns_that_cannot_backtrack_badly_are_accepted(pattern):
    assert pattern_problem(pattern) is None


def test_every_shipped_pattern_is_accepted():
    folder = resources.files("checker.frameworks")
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            raw = yaml.safe_load(entry.read_text(encoding="utf-8"))
            phrases = [p for level in raw.get("claim_levels", []) for p in level["phrases"]]
            misprints = [item["printed"] for item in raw.get("misprints") or []]
            for pattern in [raw.get("code_pattern", ""), *misprints]:
                assert pattern_problem(pattern) is None, (entry.name, pattern)
            for pattern in [*raw.get("mentions", []), *phrases]:  # run with re.I
                assert pattern_problem(pattern, re.I) is None, (entry.name, pattern)


def test_every_shipped_catalog_loads_as_a_user_catalog():
    """The rules for untrusted catalogs refuse nothing the bundled ones hold."""
    folder = resources.files("checker.frameworks")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".yaml"))
    assert len(names) >= 9
    for name in names:
        with resources.as_file(folder.joinpath(name)) as path:
            assert load_catalog_file(path, validate=True).id


# Polynomial backtracking: two unbounded quantifiers in a row over the same characters. A code
# pattern is searched in every line, inside lookarounds that can fail after it: as the index parser
# wraps them, `\w+\s*\w+` and `\d+\d+` took 14 to 17 s on one line of 20,000 letters or digits
# and a "-", and a check of a report holding such a line with the code pattern `\d+\d+` took 46 s.
# A mention is searched for from every position of the text: a check with the mention
# `\w+\s*\w+Z` of a report holding a line of 20,000 letters was stopped after 5 minutes (n^3).
POLYNOMIAL = [
    r"\w+\s*\w+Z",
    r"\w+\s*\w+",
    r"\d+\d+",
    r"\d+\.?\d+",
    r"\w+\d+",
    r"\S+-\S+",  # \S can read the "-": the split between them floats
    r".+,.+",
    r"\w+ab\w+",
    r"[a-z]+[a-z0-9]*[0-9a-z]+",
    r"(?:\w+|x)\s*\w+",  # through an alternative
    r"(\w+)(?:\s*)(\w+)",  # through groups
    r"\S+(?:\.\S+)*",  # into a repeated group
    r"(?:x\w+)+",  # across two iterations of a group
    r"(?=\w+\s*\w+Z)",  # inside a lookahead
    r"\d{17,}\d+",
    r"\d{1,40}\d{1,40}",  # large bounds
    r"[\u4e00-\u9fff]+[\u4e80-\u4eff]+",  # sets that share characters outside ASCII
    r"\w+?\s*\w+?Z",  # lazy quantifiers backtrack as well
]

SAFE_LOOK_ALIKES = [
    r"\d{3}-\d+",  # bounded first, and a "-" it cannot match
    r"\w+-\w+",  # a required "-" neither \w+ can match
    r"\w+\s+\w+",  # a required space
    r"\d+,\d+",
    r"[a-z]+\d+",  # sets apart
    r"\d{1,3}\d+",  # at most three splits
    r"\d{1,16}\d{1,16}",
    r"\d{20}\d+",  # an exact count gives no choice
    r"\d+(?:\.\d+)*",  # the group must begin with a "."
    r"[ab]+a[bc]+",  # the second cannot read the "a" between them
    r"\bCore\s+option",
    r"\w+|\d+",  # alternatives, not a sequence
    r"[A-Z]{2}-[A-Z]{2}[- ](?:\d{3}|OOO)[a-z]?\. ?[A-Z0-9]{1,2}",
    r"(?:[1-4]\d{2}|[23])-\d{1,2}",
]
if sys.version_info >= (3, 11):  # atomic groups and possessive quantifiers give nothing back
    SAFE_LOOK_ALIKES += [r"\w++\s*\w+Z", r"(?>\w+)\s*\w+Z", r"\d++\d+"]


@pytest.mark.parametrize("pattern", POLYNOMIAL)
def test_adjacent_unbounded_quantifiers_over_the_same_characters_are_named(pattern):
    start = time.perf_counter()
    problem = pattern_problem(pattern, re.I) or ""
    assert time.perf_counter() - start < 1  # the limit for a refusal; a loaded CI machine is slow
    assert "two unbounded quantifiers in a row that can match the same characters" in problem
    assert "backtrack polynomially" in problem


@pytest.mark.parametrize("pattern", SAFE_LOOK_ALIKES)
def test_look_alikes_that_cannot_backtrack_polynomially_are_accepted(pattern):
    assert pattern_problem(pattern) is None
    assert pattern_problem(pattern, re.I) is None


@pytest.mark.parametrize("pattern", SAFE_LOOK_ALIKES)
def test_accepted_look_alikes_run_fast_on_long_lines(pattern):
    """What the check accepts is fast where the refused patterns are not: as a code pattern (as the
    index parser wraps it) on 20,000-character lines of letters, digits and separators."""
    code = re.compile(rf"(?<![\w.\-/])(?:{pattern})(?P<star>\*)?(?![\w\-]|\.\d)")
    lines = ["a" * 20_000, "1" * 20_000, "a-" * 10_000, "1." * 10_000, "a " * 10_000, "ab" * 10_000]
    for line in [*lines, *(line + "-" for line in lines)]:  # the lookahead fails at a final "-"
        start = time.perf_counter()
        code.search(line)
        assert time.perf_counter() - start < 2, (pattern, line[:4])  # a refused one takes minutes


def test_groups_nested_too_deeply_to_check_are_refused():
    pattern = "(" * 400 + "a" + ")" * 400  # compiles; walking it recursively would not
    assert pattern_problem(pattern) == "nests groups and quantifiers deeper than 100 levels"
    assert pattern_problem("(" * 40 + "a" + ")" * 40) is None


def test_case_matters_only_where_the_pattern_ignores_it():
    """[A-Z]+[a-z]+ is safe as a code pattern (run as written) and not as a mention (run with re.I,
    where both match every letter)."""
    assert pattern_problem(r"[A-Z]+[a-z]+") is None
    assert "two unbounded quantifiers" in (pattern_problem(r"[A-Z]+[a-z]+", re.I) or "")
    assert "two unbounded quantifiers" in (pattern_problem(r"(?i)[A-Z]+[a-z]+") or "")


def test_a_valid_user_catalog_still_loads(tmp_path):
    path = tmp_path / "tcfd.yaml"
    path.write_text(CATALOG, encoding="utf-8")
    result = CliRunner().invoke(main, [str(CLEAN), "--catalog", str(path)])
    assert result.exit_code == 0, result.output


MIXED_CATALOG = """\
schema: esgcheck-catalog/1
id: tcfd_2017
framework: TCFD
name: TCFD Recommendations
version: "2017"
code_pattern: '(?:TC|[0-9])-[0-9]'
mentions: ['\\bTCFD\\b']
claim_levels:
  - {id: aligned, phrases: ['in line with'], missing_severity: warning}
default_claim: aligned
disclosures:
  - {code: "Governance a)", title: "Describe the board's oversight.", required_at: [aligned]}
"""


def test_a_catalog_whose_codes_mix_words_and_numbers_in_one_place_is_checked(tmp_path):
    """Codes "TC-1" and "3-1" of one framework: the version reason sorts them without a traceback."""
    catalog = tmp_path / "tcfd.yaml"
    catalog.write_text(MIXED_CATALOG, encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(
        CLEAN.read_text(encoding="utf-8") + "\nTCFD index\nTC-1 Governance\n3-1 Strategy\n4-2 Risk\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, [str(report), "--catalog", str(catalog), "--format", "json"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output  # findings
    (checked,) = json.loads(result.output)["reports"]
    assert [e["code"] for e in checked["entries"] if e["framework"] == "TCFD"] == ["TC-1", "4-2"]
    (tcfd,) = [c for c in checked["coverage"] if c["framework"] == "TCFD"]
    assert (
        tcfd["version_reason"] == "TCFD 2017: the version in force for the report year beginning 2024-01-01"
    )


def test_a_regex_nested_too_deep_to_compile_is_refused_in_one_line(tmp_path):
    """Groups nested hundreds deep (under the pattern length cap) exhaust the regex parser's own
    recursion: a one-line refusal, where it was a RecursionError traceback."""
    deep = "(" * 499 + "a" + ")" * 499
    line = refused(tmp_path, CATALOG.replace("mentions: ['\\bTCFD\\b']", f"mentions: ['{deep}']"))
    assert "invalid catalog at key 'mentions/0'" in line and "nest" in line


def test_a_conditional_group_is_shown_as_written_in_the_reason():
    assert "'(?(1)b|c+)+' repeats" in (pattern_problem(r"(a)?(?:(?(1)b|c+))+") or "")
