"""Which encoding a text report is in: a BOM, UTF-16/32 without one, UTF-8, then a legacy code page.

The order is fixed, so the same bytes always read the same way. Byte order marks are certain;
UTF-16 and UTF-32 without one show as NUL bytes in every second (fourth) position of mostly
Latin text; UTF-8 is strict, so any legacy page that is not UTF-8 fails it. Among the legacy
pages the markets these reports come from use (Western European, Simplified and Traditional
Chinese) charset-normalizer picks the one whose decoded text reads as language: a plain
"first strict decode that succeeds" cannot choose, as cp1252 and GB18030 decode nearly any bytes.
"""

from __future__ import annotations

import codecs

from .errors import InputError

BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LEGACY = ("cp1252", "gb18030", "big5")
"""Legacy code pages tried after UTF-8, as charset-normalizer candidates."""
TRIED = ("UTF-8", "UTF-16", "UTF-32", *LEGACY)
SAMPLE = 4096


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """(text, encoding name); InputError naming the encodings tried when none fits, or the
    file as binary when it holds NUL bytes in no UTF-16/32 pattern."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(name, data, encoding), encoding.removesuffix("-sig")
    wide = _wide_without_bom(data[:SAMPLE])
    if wide:
        try:
            return data.decode(wide), wide
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise InputError(name, "holds binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    legacy = _legacy(data)
    if legacy is None:
        raise InputError(name, f"is not text in any encoding tried ({', '.join(TRIED)})")
    return data.decode(legacy), legacy


def _strict(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        label = encoding.removesuffix("-sig").upper()
        problem = f"starts with a {label} byte order mark but is not {label} ({err.reason})"
        raise InputError(name, problem) from None


def _wide_without_bom(sample: bytes) -> str | None:
    """UTF-32 or UTF-16 (LE or BE) by where the NUL bytes of mostly-ASCII text fall."""
    size = len(sample) - len(sample) % 4
    if size < 8 or b"\x00" not in sample:
        return None
    lanes = [sample[lane:size:4].count(0) / (size // 4) for lane in range(4)]
    if lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] > 0.9 and lanes[0] < 0.1:
        return "utf-32-le"
    if lanes[0] > 0.9 and lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] < 0.1:
        return "utf-32-be"
    even, odd = (lanes[0] + lanes[2]) / 2, (lanes[1] + lanes[3]) / 2
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _legacy(data: bytes) -> str | None:
    """The legacy code page whose text reads best, or None when none decodes the bytes."""
    from charset_normalizer import from_bytes  # ~20 ms, only for the rare report not in UTF-8

    best = from_bytes(data, cp_isolation=list(LEGACY)).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding
