"""Precision and recall on the bundled real report against the hand-labelled defect set.

tests/fixtures/xiaomi-defects.yaml lists every defect found by reading the report's index
row by row; a finding matches a defect when kind, framework, code and line are equal.
"""

from __future__ import annotations

import yaml
from conftest import FIXTURES


def test_every_labelled_defect_is_found_and_nothing_else(xiaomi):
    labelled = {
        (d["kind"], d["framework"], d["code"], d["line"])
        for d in yaml.safe_load((FIXTURES / "xiaomi-defects.yaml").read_text(encoding="utf-8"))
    }
    found = {(f.kind, f.framework, f.code, f.line) for f in xiaomi.findings}
    assert not labelled - found, f"missed: {sorted(labelled - found, key=str)}"
    assert not found - labelled, f"not labelled: {sorted(found - labelled, key=str)}"
    assert len(found) == len(xiaomi.findings)  # no finding reported twice
