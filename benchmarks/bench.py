"""Time the budgets (ARCHITECTURE.md, Cost) on the bundled report: in-process check, and the whole CLI run,
also as a ratio to the bare interpreter's start (`python -c pass`) measured in the same run.

python benchmarks/bench.py [REPORT] [--runs N]
"""

from __future__ import annotations

import argparse
import os
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

    compile_bytecode()
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
    cli_against_bare_interpreter(args.report, max(5, args.runs))


def compile_bytecode() -> None:
    """Write the package's bytecode, as pip does when it installs a wheel and Python does on a first
    import: with PYTHONDONTWRITEBYTECODE set (as on some CI machines) an editable install would
    compile every module again in each CLI run timed here, about 100 ms a run."""
    import compileall
    from importlib.util import find_spec

    spec = find_spec("checker")  # found, not imported: the first check's time includes the import
    assert spec is not None and spec.submodule_search_locations
    compileall.compile_dir(spec.submodule_search_locations[0], quiet=1)


def cli_against_bare_interpreter(report: str, runs: int) -> None:
    """The CLI against `python -c pass`, runs interleaved so both see the same machine load; with
    the catalog cache warm, and with it off (ESGCHECK_NO_CACHE), as a first run after install."""
    commands = {
        "python -c pass": ([sys.executable, "-c", "pass"], {}),
        "esgcheck REPORT (cache warm)": ([sys.executable, "-m", "checker", report], {}),
        "esgcheck REPORT (no cache)": ([sys.executable, "-m", "checker", report], {"ESGCHECK_NO_CACHE": "1"}),
    }
    subprocess.run(commands["esgcheck REPORT (cache warm)"][0], capture_output=True)  # warm the cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, extra) in commands.items():
            env = {**os.environ, **extra}
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, env=env)
            times[name].append((time.perf_counter() - start) * 1000)
    bare = statistics.median(times["python -c pass"])
    for name, measured in times.items():
        median = statistics.median(measured)
        print(f"{name:<34} median {median:7.1f} ms  min {min(measured):7.1f} ms  {median / bare:5.1f} x bare")


if __name__ == "__main__":
    main()
