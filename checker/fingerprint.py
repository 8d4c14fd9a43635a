"""A finding's identity that survives edits around it: framework, code, rule and label, never the line.

Baselines (checker/baseline.py) and SARIF `partialFingerprints` both use it, so a row that moves
down when a paragraph is inserted above it is still the same finding, while a new defect is not.
"""

from __future__ import annotations

import re

from .digest import sha256
from .findings import Finding

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def label_of(finding: Finding) -> str:
    """What the finding is about besides its code: the printed label (or section) it found, else its
    message with numbers blanked, as a message names line numbers that move."""
    if finding.found:
        return _SPACE.sub(" ", finding.found).strip().casefold()
    return _DIGITS.sub("#", _SPACE.sub(" ", finding.message)).strip().casefold()


def fingerprint(finding: Finding) -> str:
    """A short stable hash of rule, framework, code and label."""
    key = "\x1f".join((finding.rule, finding.framework or "", finding.code or "", label_of(finding)))
    return sha256(key.encode("utf-8")).hexdigest()[:32]
