"""Time the budgets of DESIGN.md on the bundled report: in-process check, and the whole CLI run.

python benchmarks/bench.py [REPORT] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "examples" / "xiaomi-esg-2023.txt"


def timed(action, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def show(name: str, times: list[float], budget: float) -> None:
    median = statistics.median(times)
    verdict = "ok" if median < budget else "OVER BUDGET"
    print(f"{name:<34} median {median:7.1f} ms  min {min(times):7.1f} ms  budget {budget:5.0f} ms  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("report", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    start = time.perf_counter()
    from checker import check

    check(args.report)
    print(f"{'first check (imports, catalogs)':<34} {(time.perf_counter() - start) * 1000:7.1f} ms")
    show("in-process check (warm)", timed(lambda: check(args.report), args.runs), 100)
    for fmt in ("text", "json"):
        command = [sys.executable, "-m", "checker", args.report, "--format", fmt, "--fail-on", "never"]
        show(
            f"CLI run, --format {fmt}",
            timed(
                lambda c=command: subprocess.run(c, capture_output=True, check=True), max(3, args.runs // 2)
            ),
            500,
        )


if __name__ == "__main__":
    main()
