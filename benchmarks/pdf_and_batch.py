"""The PDF path against plain pypdfium2 extraction, and a batch of reports with 1 and 2 jobs and
on a local Dask cluster of 2 worker processes (with the dask extra; skipped without it).

python benchmarks/pdf_and_batch.py [--pages 1000] [--reports 200]   # --pages 0: the batch only

The PDF is written by the tests' own PDF maker, 60 lines to a page: the bundled report's pages
before its index, repeated, then the whole report, so it has one index and the report's headings.
"pypdfium2 alone" opens it and extracts every page's text, as the reader does; "read_document"
adds the checker's own page and line work; "check" is the whole check. The batch is N copies of
the bundled report in a temporary folder.
The Dask cluster is started (its time given apart) before the batch is timed, as a real one is
running before a batch is sent to it; the batch is timed twice on it: its new worker processes
import esgcheck and build the catalogs on their first report, then again on the same workers.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "xiaomi-esg-2023.txt"
sys.path.insert(0, str(ROOT / "tests"))


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def pdfium_alone(data: bytes) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for number in range(len(pdf)):
        page = pdf[number]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def pdf_figures(pages: int, folder: Path) -> None:
    from pdfmaker import make_pdf

    from checker import check
    from checker.reader import read_document

    lines = [line.encode("latin-1", "replace").decode("latin-1") for line in REPORT.read_text().splitlines()]
    first_row = min(entry.line for entry in check(REPORT).reports[0].entries)
    body = [line for line in lines[: first_row - 10] if line.strip()]  # the pages before the index
    lines = [line for line in lines if line.strip()]
    report = [lines[i : i + 60] for i in range(0, len(lines), 60)]
    filler = [body[i : i + 60] for i in range(0, len(body), 60)]
    path = folder / "report.pdf"
    # One index, as a real report has: the body's pages repeated, then the whole report.
    pages = max(pages, len(report))  # the whole report at least
    path.write_bytes(make_pdf([filler[i % len(filler)] for i in range(pages - len(report))] + report))
    data = path.read_bytes()
    check(REPORT)  # imports and catalogs out of the figures
    alone = min(timed(lambda: pdfium_alone(data)) for _ in range(2))
    reader = min(timed(lambda: read_document(path)) for _ in range(2))
    whole = min(timed(lambda: check(path)) for _ in range(2))
    size = path.stat().st_size / 1e6
    print(f"PDF of {pages} pages ({size:.1f} MB):")
    print(f"  pypdfium2 alone   {alone:6.2f} s")
    print(f"  read_document     {reader:6.2f} s  ({reader / alone:4.2f} x pypdfium2)")
    print(f"  check             {whole:6.2f} s  ({whole / alone:4.2f} x pypdfium2)")


def batch_figures(reports: int, folder: Path) -> None:
    from checker import check

    batch = folder / "batch"
    batch.mkdir()
    for number in range(reports):
        shutil.copy(REPORT, batch / f"report-{number:03d}.txt")
    print(f"batch of {reports} reports:")
    for jobs in (1, 2):
        seconds = timed(lambda j=jobs: check(batch, jobs=j))
        print(f"  --jobs {jobs}         {seconds:6.2f} s  ({seconds / reports * 1000:5.1f} ms a report)")
    batch_memory(batch, reports)
    try:
        from distributed import LocalCluster
    except ImportError:
        print("  Dask: skipped (pip install '.[dask]')")
        return
    start = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        started = time.perf_counter() - start
        for run in ("new workers", "again"):
            seconds = timed(lambda: check(batch, dask=cluster.scheduler_address))
            print(
                f"  Dask, 2 workers  {seconds:6.2f} s  ({seconds / reports * 1000:5.1f} ms a report; {run})"
            )
        print(f"  (the Dask cluster started in {started:.2f} s)")


PEAK = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(done.returncode)
"""
"""Runs a command and prints its peak memory (ru_maxrss: KB on Linux), alone: no other child of this
one counts; exits with the command's status."""


def batch_memory(batch: Path, reports: int) -> None:
    """Peak memory of the CLI (--jobs 1) on a quarter of the batch and on all of it: what a run
    keeps for each report shows as the difference (a summary row; the HTML page also its path)."""
    quarter = batch.parent / "quarter"
    quarter.mkdir()
    for path in sorted(batch.iterdir())[: max(1, reports // 4)]:
        shutil.copy(path, quarter / path.name)
    for output_format in ("summary", "json", "html"):
        peaks = []
        for folder in (quarter, batch):
            command = [sys.executable, "-m", "checker", str(folder), "--format", output_format]
            command += ["--jobs", "1", "--fail-on", "never"]
            done = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True)
            if done.returncode != 0:  # a run that failed has no peak worth printing
                raise SystemExit(f"the CLI failed on {folder} ({done.returncode}): {done.stderr.strip()}")
            peaks.append(int(done.stdout))
        count = len(list(quarter.iterdir()))
        each = (peaks[1] - peaks[0]) / max(1, reports - count)
        print(
            f"  CLI --format {output_format:<8} peak {peaks[0] / 1024:6.1f} MB ({count} reports), "
            f"{peaks[1] / 1024:6.1f} MB ({reports}): {each:5.1f} KB more a report"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--reports", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.pages:
            pdf_figures(args.pages, Path(folder))
        batch_figures(args.reports, Path(folder))


if __name__ == "__main__":
    main()
