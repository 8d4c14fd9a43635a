"""Precision and recall of the checker against a hand-labelled defect set.

    python benchmarks/accuracy.py [REPORT LABELS.yaml]

A finding matches a labelled defect when kind, framework, code and line are equal.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = (ROOT / "examples" / "xiaomi-esg-2023.txt", ROOT / "tests" / "fixtures" / "xiaomi-defects.yaml")

Key = tuple[str, str | None, str | None, int | None]


def measure(report: Path, labels: Path) -> tuple[set[Key], set[Key]]:
    """(labelled, found) sets of (kind, framework, code, line)."""
    from checker import check

    labelled = {(d["kind"], d["framework"], d["code"], d["line"]) for d in yaml.safe_load(labels.read_text())}
    result = check(report).reports[0]
    found = {(f.kind, f.framework, f.code, f.line) for f in result.findings}
    return labelled, found


def main() -> None:
    report, labels = (Path(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else DEFAULT
    labelled, found = measure(report, labels)
    hits = labelled & found
    print(f"labelled {len(labelled)}  found {len(found)}  matched {len(hits)}")
    print(f"precision {len(hits) / max(1, len(found)):.3f}  recall {len(hits) / max(1, len(labelled)):.3f}")
    for key in sorted(found - labelled, key=str):
        print("  not labelled:", key)
    for key in sorted(labelled - found, key=str):
        print("  not found:   ", key)


if __name__ == "__main__":
    main()
