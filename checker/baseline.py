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
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError
from .findings import Finding
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
    return write_rows([row for report in result.reports for row in baseline_rows(report, path)], path)


def baseline_rows(report: ReportResult, path: str | Path) -> list[dict[str, str | None]]:
    """What a baseline at `path` records of a report's findings (a run gathers them report by report)."""
    key = _report_key(report.path, Path(path))
    return [
        {
            "path": key,
            "rule": found.rule,
            "framework": found.framework,
            "code": found.code,
            "label": label_of(found),
            "fingerprint": fingerprint(found),
        }
        for found in report.findings
    ]


def write_rows(rows: list[dict[str, str | None]], path: str | Path) -> int:
    """The baseline file of these rows, in a stable order; returns how many. InputError when it cannot
    be written."""
    from .atomic import write_text

    rows.sort(
        key=lambda row: (row["path"], row["rule"], row["framework"] or "", row["code"] or "", row["label"])
    )
    document = {"format": FORMAT, "findings": rows}
    try:
        write_text(Path(path), json.dumps(document, indent=2, ensure_ascii=False) + "\n")
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
    baseline = Baseline(path, [report.path for report in result.reports])
    for report in result.reports:
        recorded = baseline.apply(report)
        if recorded and moved is not None:
            moved.append((report.path, recorded))
    return baseline.dropped


class Baseline:
    """A baseline file's records, applied to each report as a run checks it: nothing of the reports
    is kept but their recorded paths. InputError for a missing or foreign file."""

    def __init__(self, path: str | Path, named: Iterable[str] = ()) -> None:
        """`named`: the paths of every report the run will apply it to, which no other report may take
        as its old name (a report named but unreadable has its recorded path gone too)."""
        self.path = Path(path)
        self.known = load_baseline(path)
        self.dropped = 0
        self._recorded: dict[str, Counter[str]] = {}
        for (where, print_), count in self.known.items():
            self._recorded.setdefault(where, Counter())[print_] += count
        self._taken = {_report_key(name, self.path) for name in named}
        self._gone: list[str] | None = None

    def apply(self, report: ReportResult) -> str | None:
        """Drop the report's findings the baseline records; returns the recorded path it is taken for
        when it is a renamed or moved report (see the module's docstring), else None."""
        key = _report_key(report.path, self.path)
        renamed = None
        if key not in self._recorded and not report.path.startswith("<"):
            renamed = self._renamed_from(report)
            key = renamed or key
        self._taken.add(key)

        def keep(_report: ReportResult, found: Finding) -> bool:
            print_ = (key, fingerprint(found))
            if self.known[print_] > 0:
                self.known[print_] -= 1
                self.dropped += 1
                return False
            return True

        keep_findings(CheckResult([report]), keep)
        return renamed

    def _renamed_from(self, report: ReportResult) -> str | None:
        """The gone recorded report this one shares the most findings with (a report of the same file
        name first on a tie), not taken by another; None when it shares none."""
        if self._gone is None:  # asked once: a baseline of many reports is not stat-ed per report
            folder = self.path.resolve().parent
            self._gone = [
                where
                for where in sorted(self._recorded)
                if not where.startswith("<") and not (folder / where).exists()
            ]
        prints = Counter(fingerprint(found) for found in report.findings)
        name = Path(report.path).name
        shared = {
            where: sum((prints & self._recorded[where]).values())
            for where in self._gone
            if where not in self._taken
        }
        best = max(shared, key=lambda where: (shared[where], Path(where).name == name), default=None)
        if best is not None and shared[best] > 0:
            return best
        return None
