"""Which of a report's lines hold what: scans at C speed for the passes over every line.

A Python loop over the 4 million lines of a 200 MB report costs seconds for each question asked
in it; map, compress and bytes.translate ask it a line at a time in C. Flags are a byte a line.
"""

from __future__ import annotations

import operator
import re
from itertools import compress, count, repeat

_DIGIT = re.compile(r"\d")
_NOT_ASCII_DIGIT = bytes(b for b in range(256) if not 48 <= b <= 57 and b != 10)
"""Every byte but 0-9 and the newline: what bytes.translate deletes to leave each line's digits."""
_NOT = bytes([1, 0]) + bytes(254)
"""bytes.translate table turning 0/1 flags into their opposite."""
CHUNK = 1 << 16
"""Lines joined at a time by digit_flags: a few megabytes, never the whole text again."""


def lines_holding(lines: list[str], part: str) -> list[int]:
    """The numbers of the lines holding `part` (a part few lines hold)."""
    return list(compress(count(1), map(operator.contains, lines, repeat(part))))


def lines_starting(lines: list[str], prefix: str) -> list[int]:
    """The numbers of the lines starting with `prefix`."""
    return list(compress(count(1), map(str.startswith, lines, repeat(prefix))))


def digit_flags(lines: list[str]) -> bytearray:
    """Whether each line holds a digit (`\\d`), a byte a line. ASCII digits are found by deleting
    every other byte of the lines' UTF-8, a chunk at a time; a line beyond ASCII is asked with the
    regex, as Unicode has other digits (lines without a newline in them, as a document's are)."""
    flags = bytearray()
    for start in range(0, len(lines), CHUNK):
        part = lines[start : start + CHUNK]
        digits = "\n".join(part).encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_DIGIT)
        flags += bytearray(map(bool, digits.split(b"\n")))
    search = _DIGIT.search
    for index in compress(count(), map(operator.not_, map(str.isascii, lines))):
        flags[index] = search(lines[index]) is not None
    return flags


def length_flags(lengths: list[int], shortest: int, longest: int) -> bytearray:
    """Whether each length is `shortest` to `longest`, a byte a line (Document.lengths_between)."""
    return both(bytearray(map(shortest.__le__, lengths)), bytearray(map(longest.__ge__, lengths)))


def both(first: bytearray, second: bytearray) -> bytearray:
    """Byte by byte AND of two flag arrays of one length (as big integers: C speed)."""
    return _bytes(_number(first) & _number(second), len(first))


def either(first: bytearray, second: bytearray) -> bytearray:
    """Byte by byte OR of two flag arrays of one length."""
    return _bytes(_number(first) | _number(second), len(first))


def inverted(flags: bytes | bytearray) -> bytearray:
    """Byte by byte NOT of a flag array (0 and 1 swapped)."""
    return bytearray(flags.translate(_NOT))


def _number(flags: bytearray) -> int:
    return int.from_bytes(flags, "little")


def _bytes(number: int, length: int) -> bytearray:
    return bytearray(number.to_bytes(length, "little"))
