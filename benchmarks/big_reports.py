"""Time and peak memory of one check on big reports: 5, 50 and 200 MB by default.

python benchmarks/big_reports.py [--sizes 5 50 200] [--report PATH]

Each report is the bundled report's body (the lines before its content index) repeated up to
the size, then the whole report, so it holds one index and its sections once, and a body as
long as wanted. The report is written to a temporary folder and deleted; each size is checked
in a fresh process, so the peak memory (ru_maxrss) is that check's alone.
Targets (issue 14): 200 MB under 30 s and under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "examples" / "xiaomi-esg-2023.txt"
MARGIN = 10
"""Lines kept clear before the first index row (the index's own heading and column header)."""

CHILD = """
import json, resource, sys, time
start = time.perf_counter()
from checker import check
report = check(sys.argv[1]).reports[0]
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "error": report.error,
                  "findings": len(report.findings), "entries": len(report.entries)}))
"""


def big_report(source: Path, megabytes: float, folder: Path) -> Path:
    from checker import check

    first_row = min(entry.line for entry in check(source).reports[0].entries)
    text = source.read_text(encoding="utf-8")
    body = "".join(text.splitlines(keepends=True)[: max(1, first_row - MARGIN)])
    copies = max(0, int((megabytes * 1e6 - len(text.encode())) // len(body.encode())))
    path = folder / f"report-{megabytes:g}mb.txt"
    with path.open("w", encoding="utf-8") as out:
        for _ in range(copies):
            out.write(body)
        out.write(text)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", type=float, default=[5, 50, 200], help="megabytes")
    parser.add_argument("--report", default=str(DEFAULT))
    args = parser.parse_args()
    print(f"{'size':>8} {'seconds':>8} {'peak MB':>8} {'findings':>9} {'rows':>5}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = big_report(Path(args.report), size, Path(folder))
            actual = path.stat().st_size / 1e6
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
            )
            path.unlink()
            row = json.loads(done.stdout)
            verdict = "" if row["error"] is None else f"  error: {row['error']}"
            print(
                f"{actual:>6.0f}MB {row['seconds']:>8.1f} {row['peak_mb']:>8.0f} "
                f"{row['findings']:>9} {row['entries']:>5}{verdict}"
            )


if __name__ == "__main__":
    main()
