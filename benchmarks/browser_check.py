"""Open the HTML report in a real browser: headless Chromium, light and dark, no console message.

python benchmarks/browser_check.py [--screenshot docs/html-report.png]

Not part of the unit suite (it needs a browser and takes seconds): it exits 0 with a note when no
Chromium is installed (Debian's `chromium`, or CHROMIUM=/path/to/chrome). It renders the bundled
report, and a batch of it with a PDF that cannot be read, and loads each page from a file:// URL
with the network unreachable. Any console message (an error, a script exception) or any request the
page makes beyond its own file (read from Chromium's net log) fails the check. A copy of the page
with a probe script appended drives the row filters as a reader would and reports how many rows
stay visible; the numbers must match the rows' own filter keys. The screenshot of the bundled
report is what the README shows.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "xiaomi-esg-2023.txt"
sys.path.insert(0, str(ROOT))

CONSOLE = re.compile(r":CONSOLE(?:\(\d+\))?:?\d*\]\s*\"(?P<message>.*)\", source: (?P<source>.*)$")
PROBE = """
<script>
(function () {
  var form = document.querySelector("form.filters"), rows = document.querySelectorAll("table.rows tbody tr");
  function visible() { return Array.prototype.filter.call(rows, function (r) { return !r.hidden; }).length; }
  function choose(name, value) {
    form.elements[name].value = value;
    form.dispatchEvent(new Event("change", { bubbles: true }));
    return visible();
  }
  var all = visible(), sasb = choose("framework", "SASB"), sasbMissing = choose("kind", "missing");
  choose("framework", ""); var missing = visible(); choose("kind", "");
  console.log("esgcheck-probe all=" + all + " sasb=" + sasb + " sasb-missing=" + sasbMissing +
    " missing=" + missing + " shown=" + form.querySelector("output").textContent.replace(" ", "_"));
})();
</script>
"""


def chromium() -> str | None:
    """The browser to drive: $CHROMIUM, or chromium / chromium-browser / google-chrome on PATH."""
    found = os.environ.get("CHROMIUM")
    if found:
        return found
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def run_browser(browser: str, url: str, *flags: str) -> list[tuple[str, str]]:
    """Load the page headless; the console messages it logged, and any request the page made to
    the network, as (message, source). The browser's own background requests are not the page's."""
    handle, netlog = tempfile.mkstemp(prefix="esgcheck-netlog-", suffix=".json")
    os.close(handle)
    command = [
        browser,
        f"--log-net-log={netlog}",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--proxy-server=127.0.0.1:9",  # nothing may be fetched: any request would fail and log
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=2000",
        *flags,
        url,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise SystemExit(f"chromium exited {done.returncode}:\n{done.stderr[-2000:]}")
        fetched = page_requests(Path(netlog))
    finally:
        os.unlink(netlog)
    console = [(m["message"], m["source"]) for m in map(CONSOLE.search, done.stderr.splitlines()) if m]
    return console + [("network request", url) for url in fetched]


def page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked for (their network isolation key is the file:// page's), other
    than file: and data: ones."""
    import json

    events = json.loads(netlog.read_text(encoding="utf-8") or "{}").get("events", [])
    urls = {
        params["url"]
        for params in (event.get("params") or {} for event in events)
        if "url" in params
        and "file://" in str(params.get("network_isolation_key", ""))
        and not params["url"].startswith(("file:", "data:"))
    }
    return sorted(urls)


def page(paths: list[Path]) -> str:
    """The HTML the CLI writes for these reports (the same renderer, in process); a path in the
    repository is named from its root, as `esgcheck examples/...` run there names it."""
    from checker import check
    from checker.render.html import render

    named = [path.relative_to(ROOT) if path.is_relative_to(ROOT) else path for path in paths]
    os.chdir(ROOT)
    return render(check(*named))


def shrink(png: Path) -> None:
    """Fewer colours for the committed screenshot when pngquant or optipng is installed (optional)."""
    if shutil.which("pngquant"):
        subprocess.run(
            ["pngquant", "--force", "--skip-if-larger", "--output", str(png), "32", str(png)], check=False
        )
    elif shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o2", str(png)], check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshot", type=Path, default=ROOT / "docs" / "html-report.png")
    parser.add_argument("--size", default="1100,1400", help="window width,height of the screenshot")
    args = parser.parse_args()
    browser = chromium()
    if browser is None:
        print("browser check skipped: no chromium (apt-get install chromium, or set CHROMIUM)")
        return 0
    failures = []
    with tempfile.TemporaryDirectory(prefix="esgcheck-browser-") as tmp:
        folder = Path(tmp)
        broken = folder / "broken.pdf"
        broken.write_bytes(b"%PDF-1.7\n not a PDF")
        single, batch = folder / "report.html", folder / "batch.html"
        single.write_text(page([REPORT]), encoding="utf-8")
        batch.write_text(page([REPORT, broken]), encoding="utf-8")
        for html in (single, batch):
            for scheme in ("light", "dark"):
                flags = ("--force-dark-mode",) if scheme == "dark" else ()
                messages = run_browser(browser, html.as_uri(), "--dump-dom", *flags)
                status = "ok" if not messages else f"{len(messages)} console message(s)"
                print(f"{html.name:12} {scheme:5} {status}")
                failures += [f"{html.name} ({scheme}): {m} [{s}]" for m, s in messages]
        probed = folder / "probe.html"
        probed.write_text(single.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), "utf-8")
        messages = run_browser(browser, probed.as_uri(), "--dump-dom")
        probes = [m for m, _ in messages if m.startswith("esgcheck-probe")]
        failures += [f"probe page: {m}" for m, _ in messages if not m.startswith("esgcheck-probe")]
        expected = expected_counts(single.read_text(encoding="utf-8"))
        print(f"filters      {probes[0] if probes else 'no probe output'}")
        if not probes or probes[0] != expected:
            failures.append(f"filters: got {probes}, expected {expected}")
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)
        run_browser(browser, single.as_uri(), f"--screenshot={args.screenshot}", f"--window-size={args.size}")
        shrink(args.screenshot)
        print(f"screenshot   {args.screenshot} ({args.screenshot.stat().st_size // 1024} KB)")
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


def expected_counts(html: str) -> str:
    """What the probe must see, from the rows' own data attributes (read without a browser)."""
    rows = re.findall(r'<tr class="[^"]*" data-framework="([^"]*)" data-kinds="([^"]*)">', html)
    sasb = [kinds for framework, kinds in rows if framework == "SASB"]
    missing = [kinds for _, kinds in rows if "missing" in kinds.split()]
    sasb_missing = [kinds for kinds in sasb if "missing" in kinds.split()]
    return (
        f"esgcheck-probe all={len(rows)} sasb={len(sasb)} sasb-missing={len(sasb_missing)} "
        f"missing={len(missing)} shown={len(rows)}_rows"
    )


if __name__ == "__main__":
    sys.exit(main())
