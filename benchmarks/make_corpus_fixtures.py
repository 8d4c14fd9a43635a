"""Cut the index pages of the shared corpus into small text fixtures for the tests.

    python benchmarks/make_corpus_fixtures.py CORPUS_DIR   (the folder of the real reports)

PDF pages are extracted with the checker's own PDF reader and joined as pdftotext joins them (a
form feed opening each page's first line), so the fixtures keep page breaks; text reports are cut
by line range. Ranges are those of SOURCES.md in the corpus (1-based PDF pages / lines), widened a
little.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "corpus"
PDF_PAGES = {
    "moncler-2023.pdf": [(196, 206)],
    "siemens-2023.pdf": [(144, 145), (150, 151)],
    "nvidia-2022.pdf": [(59, 68)],
    "lockheed-martin-2021.pdf": [(53, 72)],
    "wd40-2024.pdf": [(1, 19)],
    "bayer-2021.pdf": [(116, 124)],
    "eni-sustainability.pdf": [(51, 59), (63, 64)],
    "humana-esg-index.pdf": [(1, 52)],
    "jnj-index.pdf": [(1, 45)],
    "arcelormittal-sasb-index.pdf": [(1, 14)],
    "pepsico-sasb-index.pdf": [(1, 8)],
    "lufthansa-sasb.pdf": [(1, 11)],
    "netflix-sasb.pdf": [(3, 3), (30, 30), (39, 42)],
    "3i-group-2022.pdf": [(53, 57)],
}
TEXT_LINES = {
    "samsung-sds-2024.txt": (6700, 7060),
    "pccw-2021.txt": (1940, 2253),
    "brookfield-2021.txt": (2220, 2479),
    "baidu-esg.txt": (1610, 1830),
    "chalco-2019.txt": (740, 1014),
    "alibaba-2022.txt": (2720, 2790),
    "kia-sustainability.txt": (2570, 2700),
    "mastercard-csr.txt": (1290, 1590),
    "delta-esg.txt": (1010, 1226),
}


def main() -> None:
    from checker.reader import read_document

    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/make_corpus_fixtures.py CORPUS_DIR")
    corpus = Path(sys.argv[1])
    OUT.mkdir(parents=True, exist_ok=True)
    for name, ranges in PDF_PAGES.items():
        document = read_document(corpus / name)
        starts = [*document.page_starts, len(document.lines) + 1]
        pages = [
            "\n".join(document.lines[starts[page - 1] - 1 : starts[page] - 1])
            for first, last in ranges
            for page in range(first, last + 1)
        ]
        (OUT / f"{Path(name).stem}-index.txt").write_text("\n\f".join(pages) + "\n", encoding="utf-8")
    for name, (first, last) in TEXT_LINES.items():
        lines = (corpus / name).read_text(encoding="utf-8").splitlines()[first - 1 : last]
        suffix = ".md" if name.startswith("samsung") else ".txt"
        (OUT / f"{Path(name).stem}-index{suffix}").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for path in sorted(OUT.iterdir()):
        print(f"{path.name:<36} {path.stat().st_size:>8} bytes")


if __name__ == "__main__":
    main()
