"""Project settings: `[tool.esgcheck]` in pyproject.toml, or `.esgcheck.yaml`, found by walking up from
each input as ruff finds `[tool.ruff]` (checker/runs.py groups the reports by it); `--config FILE`
names one for all. Command-line options override it.

Keys (`_` and `-` alike): fail-on, frameworks (only these are reported), claims {FRAMEWORK: LEVEL},
framework-versions {FRAMEWORK: VERSION}, select and ignore (rule codes, names or kinds), catalogs
(paths, relative to the config file), baseline (a path, relative to the config file), thresholds
{NAME: VALUE} (the tunable ones of checker/thresholds.py, each in its range), material-topics (GRI
topic standards: "305", "GRI 305: Emissions"; checked against the catalogs by checker/runs.py).
Anything else is an error naming the key and the file, so a misspelt key never silently does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

YAML_NAMES = (".esgcheck.yaml", ".esgcheck.yml")
KEYS = (
    "fail-on",
    "frameworks",
    "claims",
    "framework-versions",
    "select",
    "ignore",
    "catalogs",
    "baseline",
    "thresholds",
    "material-topics",
)


class ConfigError(InputError):
    """A config file that cannot be used: exit 2, one line naming the file and the problem."""


@dataclass(frozen=True)
class Config:
    path: str | None = None
    fail_on: str | None = None
    frameworks: tuple[str, ...] | None = None
    claims: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    catalogs: tuple[str, ...] = ()
    baseline: str | None = None
    thresholds: dict[str, float] = field(default_factory=dict)
    material_topics: tuple[str, ...] | None = None


def find_config(start: str | Path) -> Path | None:
    """The nearest `.esgcheck.yaml` or pyproject.toml with a [tool.esgcheck] table, from start up."""
    folder = Path(start).resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in YAML_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    """A cheap look before parsing: most pyproject.toml files have no [tool.esgcheck]."""
    try:
        return "tool.esgcheck" in pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def load_config(path: str | Path) -> Config:
    """Read and check a config file; ConfigError for anything unusable."""
    path = Path(path)
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(name, "no such config file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(name, f"config cannot be read ({getattr(err, 'strerror', None) or err})") from None
    if path.suffix == ".toml":
        table, where = _toml_table(name, text), "[tool.esgcheck]"
    else:
        table, where = _yaml_table(name, text), "the config"
    return _config(name, path.parent, table, where)


def _toml_table(name: str, text: str) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(name, f"is not valid TOML ({err})") from None
    table = data.get("tool", {}).get("esgcheck", {})
    if not isinstance(table, dict):
        raise ConfigError(name, "[tool.esgcheck] must be a table")
    return table


def _yaml_table(name: str, text: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise ConfigError(name, f"is not valid YAML{where}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(name, "must be a mapping of settings (key: value)")
    return data


def _config(name: str, folder: Path, table: dict[str, Any], where: str) -> Config:
    values: dict[str, Any] = {}
    for key, value in table.items():
        canonical = str(key).replace("_", "-")
        if canonical not in KEYS:
            raise ConfigError(name, f"unknown key '{key}' in {where} (valid: {', '.join(KEYS)})")
        values[canonical] = value
    fail_on = values.get("fail-on")
    if fail_on is not None:
        from .findings import FAIL_LEVELS

        if str(fail_on).strip().lower() not in FAIL_LEVELS:
            raise ConfigError(name, f"fail-on: no level '{fail_on}' (valid: {', '.join(FAIL_LEVELS)})")
        fail_on = str(fail_on).strip().lower()
    select = values.get("select")
    frameworks = values.get("frameworks")
    baseline = values.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise ConfigError(name, "baseline: expected a path")
    return Config(
        path=name,
        fail_on=fail_on,
        frameworks=None if frameworks is None else tuple(_strings(name, "frameworks", frameworks)),
        claims=_mapping(name, "claims", values.get("claims")),
        versions=_mapping(name, "framework-versions", values.get("framework-versions")),
        select=None if select is None else _rules(name, "select", select),
        ignore=_rules(name, "ignore", values.get("ignore", [])),
        catalogs=tuple(str(folder / p) for p in _strings(name, "catalogs", values.get("catalogs", []))),
        baseline=str(folder / baseline) if baseline else None,
        thresholds=_thresholds(name, values.get("thresholds")),
        material_topics=_topics(name, values.get("material-topics")),
    )


def _topics(name: str, value: object) -> tuple[str, ...] | None:
    """Topic standards as numbers or names ([305, "GRI 403: Occupational Health and Safety"]); a
    value may list several, "305, 403", as --material-topic may."""
    if value is None:
        return None
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, (str, int)) and not isinstance(v, bool) and str(v).strip() for v in value
    ):
        raise ConfigError(
            name, "material-topics: expected a list of topic standards (their numbers or names)"
        )
    return tuple(part.strip() for v in value for part in str(v).split(",") if part.strip())


def _thresholds(name: str, value: object) -> dict[str, float]:
    """The tunable thresholds, by name, each in its range (checker/thresholds.py)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(name, "thresholds: expected a mapping of NAME to a number")
    from .thresholds import checked

    try:
        return checked(value)
    except ValueError as err:
        raise ConfigError(name, f"thresholds: {err}") from None


def _mapping(name: str, key: str, value: object) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, (str, int, float)) for v in value.values()):
        raise ConfigError(name, f"{key}: expected a mapping of FRAMEWORK to a value")
    return {str(k): str(v) for k, v in value.items()}


def _strings(name: str, key: str, value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(name, f"{key}: expected a list of strings")
    return value


def _rules(name: str, key: str, value: object) -> tuple[str, ...]:
    """Rule codes, from codes or names; an unknown one is an error naming it."""
    from .silence import rule_codes

    try:
        return rule_codes(_strings(name, key, value))
    except LookupError as err:
        raise ConfigError(name, f"{key}: no rule '{err.args[0]}' (see `esgcheck rules`)") from None


def checked_frameworks(config: Config, catalogs: tuple[str, ...] | None = None) -> tuple[str, ...] | None:
    """The config's `frameworks`, each one a framework of the catalogs (the config's, or `catalogs`
    when given), else ConfigError."""
    if config.frameworks is None:
        return None
    from .engine import load_catalogs

    extra = tuple(config.catalogs if catalogs is None else catalogs)
    known = sorted({catalog.framework for catalog in load_catalogs(extra)})
    for name in config.frameworks:
        if name.casefold() not in {k.casefold() for k in known}:
            problem = f"frameworks: no framework '{name}' (valid: {', '.join(known)})"
            raise ConfigError(config.path or "config", problem)
    return config.frameworks
