"""Baselines: adopt esgcheck on an old report and fail only on new findings.

`--write-baseline FILE` records each finding as (report path, fingerprint); `--baseline FILE` then
drops the findings it records. The fingerprint (checker/fingerprint.py) keys on framework, code,
rule and label, not the line, so the baseline survives lines inserted above the index; a finding
recorded twice is silenced twice, no more, so a second copy of an old defect still fails.
Report paths are stored relative to the baseline's folder, so a repository can commit it.

A report renamed or moved keeps its baseline: a checked report whose path the baseline does not
record takes the records of a report that is gone (its recorded path no longer exists), the one it
shares the most findings with. A report still at its recorded path never lends its records, so a
new report beside the old ones is not silenced by theirs.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from .errors import InputError
from .fingerprint import fingerprint, label_of
from .result import CheckResult, ReportResult
from .silence import keep_findings

FORMAT = "esgcheck-baseline/1"


def _report_key(path: str, baseline: Path) -> str:
    """The report's path relative to the baseline's folder ('<stdin>' stays as it is)."""
    if path.startswith("<"):
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), baseline.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()


def write_baseline(result: CheckResult, path: str | Path) -> int:
    """Record every finding of the checked reports; returns how many."""
    from .atomic import write_text

    path = Path(path)
    rows = [
        {
            "path": _report_key(report.path, path),
            "rule": found.rule,
            "framework": found.framework,
            "code": found.code,
            "label": label_of(found),
            "fingerprint": fingerprint(found),
        }
        for report in result.reports
        for found in report.findings
    ]
    rows.sort(
        key=lambda row: (row["path"], row["rule"], row["framework"] or "", row["code"] or "", row["label"])
    )
    document = {"format": FORMAT, "findings": rows}
    try:
        write_text(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    except OSError as err:
        raise InputError(str(path), f"baseline cannot be written ({err.strerror or err})") from None
    return len(rows)


def load_baseline(path: str | Path) -> Counter[tuple[str, str]]:
    """(report path, fingerprint) counts; InputError for a missing or foreign file."""
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(name, "no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise InputError(name, f"baseline cannot be read ({getattr(err, 'strerror', None) or err})") from None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not isinstance(data.get("findings"), list)
    ):
        raise InputError(name, f'is not an esgcheck baseline (no "format": "{FORMAT}")')
    try:
        return Counter((str(row["path"]), str(row["fingerprint"])) for row in data["findings"])
    except (KeyError, TypeError):
        raise InputError(name, "baseline rows need a path and a fingerprint") from None


def apply_baseline(result: CheckResult, path: str | Path, moved: list[tuple[str, str]] | None = None) -> int:
    """Drop the findings the baseline records (each as often as it records it); returns how many.
    A report taken as a renamed or moved one is added to `moved` as (its path, the recorded path)."""
    known = load_baseline(path)
    baseline = Path(path)
    keys = {id(report): _report_key(report.path, baseline) for report in result.reports}
    for report, recorded in _renamed(result, known, baseline, keys):
        keys[id(report)] = recorded
        if moved is not None:
            moved.append((report.path, recorded))
    dropped = 0

    def keep(report, found) -> bool:  # type: ignore[no-untyped-def]
        nonlocal dropped
        key = (keys[id(report)], fingerprint(found))
        if known[key] > 0:
            known[key] -= 1
            dropped += 1
            return False
        return True

    keep_findings(result, keep)
    return dropped


def _renamed(
    result: CheckResult, known: Counter[tuple[str, str]], baseline: Path, keys: dict[int, str]
) -> list[tuple[ReportResult, str]]:
    """(report, recorded path) for each checked report the baseline does not know that shares findings
    with a recorded report whose file is gone: the one it shares the most with (a report of the same
    file name first on a tie); each gone report lends its records once."""
    recorded: dict[str, Counter[str]] = {}
    for (where, print_), count in known.items():
        recorded.setdefault(where, Counter())[print_] += count
    folder = baseline.resolve().parent
    gone = [
        where for where in sorted(recorded) if not where.startswith("<") and not (folder / where).exists()
    ]
    taken = set(keys.values())
    pairs = []
    for report in result.reports:
        if keys[id(report)] in recorded or report.path.startswith("<") or not gone:
            continue
        prints = Counter(fingerprint(found) for found in report.findings)
        name = Path(report.path).name
        shared = {where: sum((prints & recorded[where]).values()) for where in gone if where not in taken}
        best = max(shared, key=lambda where: (shared[where], Path(where).name == name), default=None)
        if best is not None and shared[best] > 0:
            taken.add(best)
            pairs.append((report, best))
    return pairs
