"""User catalogs are untrusted: a hostile one fails fast (well under the 5 s bound asserted here;
about 0.2 s measured), on one line, exit 2, naming the file and the reason."""

from __future__ import annotations

import sys
import time
from importlib import resources

import pytest
import yaml
from click.testing import CliRunner
from conftest import CLEAN

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


def refused(tmp_path, text: str | bytes) -> str:
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
    assert elapsed < 5, f"a refused catalog must fail fast, took {elapsed:.1f} s"
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


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        (
            "code_pattern: '(?:Governance|Strategy) \\(?[a-c]\\)'",
            "code_pattern: '(?:\\w+\\s?)+ZZ\\d'",
            "code_pattern",
        ),
        ("mentions: ['\\bTCFD\\b']", "mentions: ['(a+)+b']", "mentions/0"),
        ("phrases: ['in line with']", "phrases: ['(?:in|line|\\w+)*with']", "claim_levels/0/phrases/0"),
    ],
)
def test_a_catastrophic_regex_is_refused_with_the_reason(tmp_path, old, new, key):
    assert old in CATALOG
    line = refused(tmp_path, CATALOG.replace(old, new))
    assert f"invalid catalog at key '{key}': the regex has nested quantifiers" in line
    assert "backtrack exponentially" in line


@pytest.mark.parametrize(
    "pattern",
    [r"(?:\w+\s?)+ZZ\d", r"(a+)+", r"(a|b+)*c", r"(\d{1,2})+", r"(?:(?:a+)?)+", r"x(?:\s*\w+)*y"],
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
            for pattern in [raw.get("code_pattern", ""), *raw.get("mentions", []), *phrases]:
                assert pattern_problem(pattern) is None, (entry.name, pattern)


def test_a_valid_user_catalog_still_loads(tmp_path):
    path = tmp_path / "tcfd.yaml"
    path.write_text(CATALOG, encoding="utf-8")
    result = CliRunner().invoke(main, [str(CLEAN), "--catalog", str(path)])
    assert result.exit_code == 0, result.output
