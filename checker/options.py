"""Option values checked against what exists, so a misspelling is a usage error, never a silent default.

`--claim GRI=in-accordence` once fell back to the catalog's default level and exited 0; an unknown
framework name in `--claim` or `--framework-version` was ignored. Each now raises OptionError
listing the valid values (the CLI prints it on one line and exits 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .catalog import Catalog, names_standard
from .errors import OptionError


def _framework(catalogs: Iterable[Catalog], name: str, option: str) -> str:
    frameworks = sorted({catalog.framework for catalog in catalogs})
    for framework in frameworks:
        if framework.lower() == name.strip().lower():
            return framework
    raise OptionError(option, f"no framework '{name}' (valid: {', '.join(frameworks)})")


def checked_claims(catalogs: list[Catalog], claims: dict[str, str]) -> dict[str, str]:
    """{framework: level} with both names in their catalog spelling; a misspelt one is refused."""
    checked = {}
    for name, wanted in claims.items():
        framework = _framework(catalogs, name, "--claim")
        levels = sorted({lv.id for c in catalogs if c.framework == framework for lv in c.claim_levels})
        match = [level for level in levels if level.lower() == wanted.strip().lower()]
        if not match:
            raise OptionError("--claim", f"{framework} has no level '{wanted}' (valid: {', '.join(levels)})")
        checked[framework] = match[0]
    return checked


def checked_versions(catalogs: list[Catalog], versions: dict[str, str]) -> dict[str, str]:
    """{framework: version} for frameworks and versions that exist; anything else is refused."""
    checked = {}
    for name, wanted in versions.items():
        framework = _framework(catalogs, name, "--framework-version")
        known = [c for c in catalogs if c.framework == framework]
        if not any(wanted.strip() in (c.version, c.id) for c in known):
            valid = ", ".join(sorted({c.version for c in known}))
            problem = f"{framework} has no version '{wanted}' (valid: {valid})"
            raise OptionError("--framework-version", problem)
        checked[framework] = wanted.strip()
    return checked


def checked_topics(catalogs: list[Catalog], topics: Iterable[str], option: str) -> tuple[str, ...]:
    """Material topics, each naming a standard of a catalog with a claim level that requires the
    disclosures of material topics (GRI); one naming none is refused, with an example from the data."""
    standards = {
        (catalog.framework, d.standard)
        for catalog in catalogs
        if any(level.material_topics for level in catalog.claim_levels)
        for d in catalog.disclosures.values()
        if d.standard
    }
    chosen: list[str] = []
    for topic in (str(t).strip() for t in topics):
        if not any(names_standard(topic, standard, framework) for framework, standard in standards):
            frameworks = " or ".join(sorted({framework for framework, _ in standards})) or "any catalog"
            example = max((s for _, s in standards), default="")
            code, _, name = re.sub(r"\s+\d{4}$", "", example).partition(":")
            hint = (
                f' (a standard\'s number or name, e.g. {code.split()[-1]} or "{code}:{name}")' if name else ""
            )
            raise OptionError(option, f"no topic standard '{topic}' in {frameworks}{hint}")
        if topic not in chosen:
            chosen.append(topic)
    return tuple(chosen)
