"""Write small real PDFs for the tests: one page per list of lines, Helvetica text, no libraries."""

from __future__ import annotations


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], links: dict[tuple[int, int], str] | None = None) -> bytes:
    """A PDF whose page i shows pages[i] top to bottom; an empty list makes a page with no text.
    `links` puts a link annotation over line j of page i: {(i, j): "https://..."} a web link,
    {(i, j): "#2"} a jump to page 2 (0-based) of the document."""
    links = links or {}
    objects: list[bytes] = []
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    font = 3 + 2 * count
    for number, lines in enumerate(pages):
        content_id = 4 + 2 * number
        annots = " ".join(
            _link(750 - 12 * line, target) for (page, line), target in sorted(links.items()) if page == number
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Annots [{annots}] >>".encode()
        )
        if lines:
            body = (
                "BT /F1 10 Tf 12 TL 50 750 Td "
                + " ".join(f"({_escape(line)}) Tj T*" for line in lines)
                + " ET"
            )
        else:
            body = "0 0 1 rg 100 100 200 200 re f"  # a drawing, no text: as a scanned page
        stream = body.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _link(baseline: int, target: str) -> str:
    """A link annotation over the line printed at this baseline: to a web address, or a jump ("#2")."""
    action = (
        f"<< /S /GoTo /D [{3 + 2 * int(target[1:])} 0 R /Fit] >>"
        if target.startswith("#")
        else f"<< /S /URI /URI ({_escape(target)}) >>"
    )
    return f"<< /Type /Annot /Subtype /Link /Rect [45 {baseline - 3} 560 {baseline + 10}] /A {action} >>"
