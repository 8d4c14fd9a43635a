"""esgcheck: checks the content index of ESG reports against HKEX C2, GRI and SASB catalogs.

from checker import check
result = check("report.txt")
result.to_dict()      # the JSON contract
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .engine import check


def __getattr__(name: str) -> Any:
    """Import the engine on first use, so `esgcheck --version` or `rules` stays cheap."""
    if name == "check":
        from .engine import check

        return check
    raise AttributeError(name)


__all__ = ["__version__", "check"]
