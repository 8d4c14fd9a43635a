"""Framework catalogs: the YAML files in frameworks/ (and any --catalog) as typed lookups.

Shipped catalogs are validated by the test suite, not on every run (jsonschema costs ~170 ms
to import); user catalogs are validated when loaded, with the file and key named on error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .errors import InputError
from .text import clean, clean_text, fold

_EXAMPLES = re.compile(r"\s*\((?:e\.g\.|for example)[^()]*\)", re.I)
_YEAR_END = re.compile(r"\s+\d{4}$")


@lru_cache(maxsize=1 << 14)
def code_key(code: str) -> str:
    """The form codes are compared in: no spaces, lower case, "paragraph" as "para". Cached: the
    same few hundred codes are looked up thousands of times per report."""
    key = "".join(clean_text(code).split()).lower()
    return key.replace("paragraph", "para")


@dataclass(frozen=True)
class ClaimLevel:
    id: str
    phrases: tuple[str, ...]
    missing_severity: str
    description: str = ""
    option_of: str = ""
    """An option of another level ("Core" of "in accordance"): its phrases are read anywhere in
    the statement that claims that level, before or after the framework's name."""
    advises: tuple[str, ...] | None = None
    """Levels whose required disclosures this level lists as advice (info) when missing; None:
    every level's."""
    material_topics: bool = False
    """This level requires every disclosure of the standards named as the report's material topics
    (GRI 2021 "in accordance"); see with_material_topics."""


@dataclass(frozen=True)
class Disclosure:
    code: str
    title: str
    text: str = ""
    standard: str = ""
    topic: str = ""
    kind: str = "disclosure"
    required_at: tuple[str, ...] = ()
    category: str = ""
    quantitative: bool = False
    units: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()
    evidence_terms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    element_terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Parts of a complete answer, each with the words any of which evidences it (ESG501)."""
    unit_terms: tuple[str, ...] = ()
    """Spellings of the units a quantitative answer's figures carry."""
    index_row_optional: bool = False
    """Required in the report, not as an index row (HKEX's mandatory statements): a report that says
    it under its own heading is not missing it."""
    per_topic: bool = False
    """Reported once per material topic (GRI 3-3, 103-x): rows may name their topic in the label."""
    wording_verified: bool = True
    """False where the title is a paraphrase (HKEX Part D paragraphs): labels are not judged against it."""
    phase_in: tuple[date, tuple[str, ...]] | None = None
    """(until, levels): a provision raised to its required_at levels after its version began; a
    financial year beginning on or before `until` is held to it only at these levels (HKEX's
    environmental KPIs: recommended in 2016, "comply or explain" from 2017). Applied by for_year."""
    material: bool = False
    """Its standard is one of the report's material topics (set per report by with_material_topics)."""

    @cached_property
    def label_forms(self) -> tuple[str, ...]:
        """Every wording a report may legitimately print beside the code; a wording may leave out
        its "(e.g. …)" examples, as many HKEX indexes do."""
        forms = [self.title]
        if self.text:
            forms += [self.text, f"{self.title} {self.text}"]
        forms += self.aliases
        return (*forms, *(short for form in forms if (short := _EXAMPLES.sub("", form)) != form))

    @cached_property
    def standard_names(self) -> tuple[str, ...]:
        """The names of the code's standard an index may print in place of a title: "GRI 305:
        Emissions 2016", "Emissions 2016", "Emissions"."""
        if not self.standard:
            return ()
        name = self.standard.split(":", 1)[-1].strip()
        return (self.standard, name, _YEAR_END.sub("", name))


@dataclass(frozen=True)
class Superseded:
    """A code of an earlier version or edition. Where the number lives on with another meaning
    (306-2 of 2016 and of 2020), the label printed beside it says which one a row means."""

    code: str
    title: str
    standard: str
    successors: tuple[str, ...]
    until: date | None = None
    """The last first day of a financial year this edition may still be reported for (its
    successor is in force for reports published from the year after); None: retired at this
    catalog's start."""
    in_force: bool = False
    """Still in effect beside the current meaning of its number (306-3 Significant spills)."""
    verified: bool = True
    """Its title was read in a source: only a verified title makes a row outdated."""
    allowed: bool = False
    """Set per report (for_year): the report's year may still use this edition."""

    @cached_property
    def as_disclosure(self) -> Disclosure:
        """Its title as a disclosure's, for label matching (one object: matchers cache by identity)."""
        return Disclosure(code=self.code, title=self.title, standard=self.standard)


@dataclass(eq=False)
class Catalog:
    """Compared and hashed by identity: a loaded catalog is one object, cached per run."""

    id: str
    framework: str
    name: str
    version: str
    code_pattern: str
    claim_levels: tuple[ClaimLevel, ...]
    default_claim: str
    disclosures: dict[str, Disclosure]
    superseded: dict[str, Superseded] = field(default_factory=dict)
    code_prefixes: tuple[str, ...] = ()
    misprints: tuple[tuple[str, str], ...] = ()
    """(regex, replacement) pairs for misprints the code shape admits ("EM-EP 000.A")."""
    mentions: tuple[str, ...] = ()
    scope: str = ""
    codes_anywhere: bool = False
    recognise_only: bool = False
    applies_from: date | None = None
    applies_until: date | None = None
    path: str = ""
    index_headings: tuple[str, ...] = ()
    """Names an index groups its rows under (standards, topics, "Organizational profile"):
    headings of the index itself, never pointers to a section of the report."""
    extends: str = ""
    """The id of the catalog this version builds on (resolved by resolve_extends)."""
    retire: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Codes of the base this version retires, with their successors."""
    omission_markers: tuple[str, ...] = ()
    """Words an index row uses to say a disclosure is left out ("omitted", "not reported")."""
    omission_reasons: tuple[str, ...] = ()
    """Words giving an omission's reason ("not applicable", "no incidents"): the row is explained."""

    def get(self, code: str) -> Disclosure | None:
        return self.disclosures.get(code_key(code))

    def known(self, codes: Iterable[str]) -> int:
        """How many of these codes this version holds: what tells versions apart by an index."""
        return sum(1 for code in codes if self.get(code))

    def meant(self, code: str) -> str | None:
        """The code a misprint stands for ("TR-AU-OOO.A" -> "TR-AU-000.A"), or None."""
        fixed = code
        for printed, replacement in self.misprints:
            fixed = re.sub(printed, replacement, fixed)
        return fixed if fixed != code else None

    def claim_level(self, level_id: str) -> ClaimLevel:
        for level in self.claim_levels:
            if level.id == level_id:
                return level
        return self.claim_level(self.default_claim)

    def required(self, level_id: str) -> list[Disclosure]:
        return [d for d in self.disclosures.values() if level_id in d.required_at]

    def in_scope(self, code: str) -> bool:
        """Industry catalogs (SASB) cover one code prefix; a code of another industry is not theirs."""
        return not self.scope or code_key(code).startswith(self.scope.lower())

    def covers(self, year_start: date | None) -> bool:
        """Whether this version governs a financial year beginning on that day (as HKEX dates them)."""
        if year_start is None:
            return True
        if self.applies_from and year_start < self.applies_from:
            return False
        return not (self.applies_until and year_start > self.applies_until)


def _tuple(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(clean(str(item)) for item in raw.get(key) or ())


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _phase_in(raw: dict[str, Any] | None) -> tuple[date, tuple[str, ...]] | None:
    if not raw:
        return None
    until = _date(raw["until"])
    assert until is not None
    return until, tuple(raw.get("required_at") or ())


def build_catalog(raw: dict[str, Any], path: str) -> Catalog:
    """Typed catalog from already-validated YAML data."""
    disclosures = {}
    for item in raw["disclosures"]:
        disclosure = Disclosure(
            code=clean(item["code"]),
            title=clean(item["title"]),
            text=clean(item.get("text", "")),
            standard=item.get("standard", ""),
            topic=item.get("topic", ""),
            kind=item.get("kind", "disclosure"),
            required_at=tuple(item.get("required_at") or ()),
            category=item.get("category", ""),
            quantitative=bool(item.get("quantitative", False)),
            units=_tuple(item, "units"),
            elements=_tuple(item, "elements"),
            evidence_terms=_tuple(item, "evidence_terms"),
            aliases=_tuple(item, "aliases"),
            element_terms=tuple(
                (clean(name), tuple(clean(str(term)) for term in terms))
                for name, terms in (item.get("element_terms") or {}).items()
            ),
            unit_terms=_tuple(item, "unit_terms"),
            index_row_optional=item.get("index_row") == "optional",
            per_topic=bool(item.get("per_topic", False)),
            wording_verified=item.get("wording") != "unverified",
            phase_in=_phase_in(item.get("phase_in")),
        )
        disclosures[code_key(disclosure.code)] = disclosure
    superseded = {
        code_key(item["code"]): Superseded(
            code=clean(item["code"]),
            title=clean(item["title"]),
            standard=item.get("standard", ""),
            successors=tuple(item.get("successors") or ()),
            until=_date(item.get("until")),
            in_force=bool(item.get("in_force", False)),
            verified=bool(item.get("verified", True)),
        )
        for item in raw.get("superseded") or ()
    }
    levels = tuple(
        ClaimLevel(
            lv["id"],
            tuple(lv["phrases"]),
            lv["missing_severity"],
            lv.get("description", ""),
            lv.get("option_of", ""),
            tuple(lv["advises"]) if "advises" in lv else None,
            bool(lv.get("material_topics", False)),
        )
        for lv in raw.get("claim_levels", [])
    )
    return Catalog(
        id=raw["id"],
        framework=raw.get("framework", ""),
        name=raw.get("name", ""),
        version=str(raw["version"]),
        code_pattern=raw.get("code_pattern", ""),
        claim_levels=levels,
        default_claim=raw.get("default_claim", ""),
        disclosures=disclosures,
        superseded=superseded,
        code_prefixes=tuple(raw.get("code_prefixes") or ()),
        misprints=tuple((item["printed"], item["code"]) for item in raw.get("misprints") or ()),
        mentions=tuple(raw.get("mentions") or ()),
        scope=raw.get("scope", ""),
        codes_anywhere=bool(raw.get("codes_anywhere", False)),
        recognise_only=bool(raw.get("recognise_only", False)),
        applies_from=_date(raw.get("applies_from")),
        applies_until=_date(raw.get("applies_until")),
        path=path,
        index_headings=_index_headings(raw),
        extends=raw.get("extends", ""),
        retire=tuple((item["code"], tuple(item.get("successors") or ())) for item in raw.get("retire") or ()),
        omission_markers=_tuple(raw.get("omission") or {}, "markers"),
        omission_reasons=_tuple(raw.get("omission") or {}, "reasons"),
    )


def resolve_extends(catalogs: list[Catalog] | tuple[Catalog, ...]) -> list[Catalog]:
    """Catalogs that extend another (a later version of a framework: `extends`, `retire`) as whole
    catalogs: the base's disclosures, less those retired (kept as superseded with their successors),
    plus the version's own; its id, version and dates are its own."""
    by_id = {catalog.id: catalog for catalog in catalogs}
    done: dict[str, Catalog] = {}

    def resolve(catalog: Catalog, seen: tuple[str, ...] = ()) -> Catalog:
        if not catalog.extends:
            return catalog
        if catalog.id in done:
            return done[catalog.id]
        base_catalog = by_id.get(catalog.extends)
        if base_catalog is None or catalog.extends in seen:
            raise InputError(
                catalog.path, f"invalid catalog at key 'extends': no catalog '{catalog.extends}'"
            )
        base = resolve(base_catalog, (*seen, catalog.id))
        gone = {code_key(code): successors for code, successors in catalog.retire}
        retired = {
            key: Superseded(d.code, d.title, d.standard, gone[key])
            for key, d in base.disclosures.items()
            if key in gone
        }
        merged = replace(
            base,
            id=catalog.id,
            name=catalog.name or base.name,
            version=catalog.version,
            applies_from=catalog.applies_from,
            applies_until=catalog.applies_until,
            path=catalog.path,
            disclosures={
                **{k: d for k, d in base.disclosures.items() if k not in gone},
                **catalog.disclosures,
            },
            superseded={**base.superseded, **retired, **catalog.superseded},
            index_headings=tuple(sorted({*base.index_headings, *catalog.index_headings})),
            extends="",
            retire=(),
            omission_markers=catalog.omission_markers or base.omission_markers,
            omission_reasons=catalog.omission_reasons or base.omission_reasons,
        )
        done[catalog.id] = merged
        return merged

    return [resolve(catalog) for catalog in catalogs]


def _index_headings(raw: dict[str, Any]) -> tuple[str, ...]:
    names = [*(raw.get("index_headings") or ())]
    for group in raw.get("groups") or ():
        names += [group["id"], group["title"], group.get("topic", "")]
    names += [item.get("topic", "") for item in raw["disclosures"]]
    names += [item.get("standard", "") for item in raw.get("superseded") or ()]
    return tuple(sorted({clean(name) for name in names if name}))


def _yaml_load(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


def _frameworks_folder() -> Any:
    """The bundled catalogs: package data of an installed wheel, else a source checkout's frameworks/
    (`python -m checker` run from the repository root imports the checkout, which has no
    checker.frameworks package). The package's folder when it is one (importlib.resources costs
    ~10 ms of imports a run); importlib.resources only for an install that is not (a zip)."""
    try:
        from . import frameworks
    except ImportError:  # "cannot import name": no such subpackage
        return Path(__file__).resolve().parent.parent / "frameworks"
    for where in frameworks.__path__:
        if os.path.isdir(where):
            return Path(where)
    from importlib import resources

    return resources.files("checker.frameworks")


def catalog_schema() -> dict[str, Any]:
    import json

    return json.loads(_frameworks_folder().joinpath("catalog.schema.json").read_text())


def validate_catalog(raw: Any, path: str) -> None:
    """Validate against the catalog schema and the checks a schema cannot express."""
    import jsonschema

    from .untrusted import pattern_problem

    validator = jsonschema.Draft202012Validator(catalog_schema())
    errors = sorted(validator.iter_errors(raw), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        raise InputError(path, f"invalid catalog at key '{where}': {error.message}")
    patterns = [("code_pattern", raw.get("code_pattern", ""), 0)]  # with the flags each is run with
    for number, level in enumerate(raw.get("claim_levels", [])):
        phrases = enumerate(level["phrases"])
        patterns += [(f"claim_levels/{number}/phrases/{n}", phrase, re.I) for n, phrase in phrases]
    patterns += [(f"mentions/{n}", mention, re.I) for n, mention in enumerate(raw.get("mentions", []))]
    misprints = enumerate(raw.get("misprints") or ())
    patterns += [(f"misprints/{n}/printed", item["printed"], 0) for n, item in misprints]
    for key, pattern, flags in patterns:
        try:
            re.compile(pattern, flags)
        except re.error as err:
            problem = f"the regex does not compile ({err})"
            raise InputError(path, f"invalid catalog at key '{key}': {problem}") from None
        except RecursionError:  # groups nested hundreds deep: the parser's own recursion gives up
            problem = "the regex nests its groups too deep to compile"
            raise InputError(path, f"invalid catalog at key '{key}': {problem}") from None
        problem = pattern_problem(pattern, flags)
        if problem:
            raise InputError(path, f"invalid catalog at key '{key}': the regex {problem}")
    if not raw["disclosures"] and not raw.get("recognise_only"):
        problem = "empty (set recognise_only for a framework known by its code shape only)"
        raise InputError(path, f"invalid catalog at key 'disclosures': {problem}")
    level_ids = {level["id"] for level in raw.get("claim_levels", [])}
    if "extends" not in raw and raw["default_claim"] not in level_ids:
        raise InputError(
            path, f"invalid catalog at key 'default_claim': '{raw['default_claim']}' is no claim level"
        )
    seen: set[str] = set()
    for number, item in enumerate(raw["disclosures"]):
        key = code_key(item["code"])
        if key in seen:
            raise InputError(
                path, f"invalid catalog at key 'disclosures/{number}/code': '{item['code']}' appears twice"
            )
        seen.add(key)
        for where, levels in [
            ("required_at", item.get("required_at")),
            ("phase_in/required_at", (item.get("phase_in") or {}).get("required_at")),
        ]:
            unknown = set(levels or ()) - level_ids
            if unknown and "extends" not in raw:
                raise InputError(
                    path,
                    f"invalid catalog at key 'disclosures/{number}/{where}': "
                    f"unknown level {sorted(unknown)[0]}",
                )


def load_catalog_file(path: str | Path, validate: bool = True) -> Catalog:
    """Load one catalog file; every problem becomes an InputError naming the file. A validated
    (user) catalog is untrusted: its size, YAML aliases and regexes are bounded first."""
    name = str(path)
    data = read_catalog_bytes(path, validate)
    if not validate:
        return _parse_catalog(_catalog_text(name, data), name, validate)
    return user_catalog(name, data)


def read_catalog_bytes(path: str | Path, bounded: bool = True) -> bytes:
    """A catalog file's bytes (a user catalog's, `bounded`, at most MAX_CATALOG_BYTES); InputError
    naming the file when it cannot be read."""
    from .untrusted import MAX_CATALOG_BYTES, check_size  # user catalogs only: ~5 ms of imports

    name = str(path)
    try:
        with open(path, "rb") as handle:
            if bounded:
                check_size(name, os.fstat(handle.fileno()).st_size)
                data = handle.read(MAX_CATALOG_BYTES + 1)
                check_size(name, len(data))  # a pipe or a special file has no size to stat
                return data
            return handle.read()
    except FileNotFoundError:
        raise InputError(name, "no such catalog file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a catalog file") from None
    except OSError as err:
        raise InputError(name, f"cannot be read as a catalog ({err.strerror or err})") from None


def user_catalog(name: str, data: bytes) -> Catalog:
    """A user catalog from its file's bytes, named `name`, validated (once per content: the
    built catalog is cached); where the bytes were read does not matter (a Dask worker)."""
    from . import cache
    from .untrusted import check_size

    check_size(name, len(data))
    text = _catalog_text(name, data)
    key = cache.key("user", [name.encode(), data])  # validated once per content: no jsonschema after
    found = cache.load(key)
    if isinstance(found, Catalog):
        return found
    found = _parse_catalog(text, name, True)
    cache.store(key, found)
    return found


def _catalog_text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(name, f"cannot be read as a catalog (not UTF-8: {err.reason})") from None


def _parse_catalog(text: str, name: str, validate: bool) -> Catalog:
    import yaml

    from .untrusted import load_yaml

    try:
        raw = load_yaml(name, text) if validate else _yaml_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError(name, f"is not valid YAML{where}") from None
    except RecursionError:
        raise InputError(name, "is refused: its YAML nests too deeply") from None
    if not isinstance(raw, dict):
        raise InputError(name, "is not a catalog (expected a mapping at the top level)")
    if validate:
        validate_catalog(raw, name)
    return build_catalog(raw, name)


@lru_cache(maxsize=1)
def shipped_catalogs() -> tuple[Catalog, ...]:
    """The catalogs bundled in the package (validated by the tests, not here), built once and then
    read from the user cache (checker/cache.py): parsing their YAML is a third of a CLI run."""
    from . import cache

    folder = _frameworks_folder()
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name)
    files = [(e.name, e.read_bytes()) for e in entries]
    entry = cache.key("shipped", [part for name, data in files for part in (name.encode(), data)])
    found = cache.load(entry)
    if isinstance(found, tuple) and all(isinstance(c, Catalog) for c in found):
        return found
    parsed = [_parse_catalog(data.decode("utf-8"), f"frameworks/{name}", False) for name, data in files]
    found = tuple(resolve_extends(parsed))
    cache.store(entry, found)
    return found


def select_catalogs(
    catalogs: list[Catalog] | tuple[Catalog, ...],
    year_start: date | None = None,
    versions: dict[str, str] | None = None,
) -> list[Catalog]:
    """One catalog per framework: the version asked for, else the one governing the financial year
    that begins on year_start (the newest when the year is unknown)."""
    versions = {k.lower(): v for k, v in (versions or {}).items()}
    by_framework: dict[str, list[Catalog]] = {}
    for catalog in catalogs:
        by_framework.setdefault(catalog.framework, []).append(catalog)
    chosen = []
    for framework, candidates in by_framework.items():
        wanted = versions.get(framework.lower())
        if wanted:
            match = [c for c in candidates if c.version == wanted or c.id == wanted]
            if not match:
                known = ", ".join(sorted(c.version for c in candidates))
                raise InputError(
                    "--framework-version", f"{framework} has no version '{wanted}' (known: {known})"
                )
            chosen.append(match[0])
            continue
        fitting = [c for c in candidates if c.covers(year_start)]
        newest = max(
            fitting or candidates, key=lambda c: (c.applies_from or date.min, c.applies_until or date.max)
        )
        chosen.append(newest if fitting else _recognise_only(newest))
    return chosen


@lru_cache(maxsize=32)
def _recognise_only(catalog: Catalog) -> Catalog:
    """A version kept to find a framework's codes in a report of a year no bundled version governs
    (HKEX before July 2020): its rows are kept and not checked against the wrong wording."""
    return replace(
        catalog, recognise_only=True, version=f"{catalog.version} (codes only: no version of the period)"
    )


@lru_cache(maxsize=64)
def for_year(catalog: Catalog, year_start: date | None) -> Catalog:
    """The catalog as one report's year sees it: the earlier editions that year may still use
    are marked allowed (GRI 306: Effluents and Waste 2016 in a report published before 2022), and a
    provision not yet raised to its levels in that year is required only at its earlier ones
    (`phase_in`: HKEX's environmental KPIs, recommended for a year begun in 2016)."""
    phased = {
        key: replace(d, required_at=d.phase_in[1])
        for key, d in catalog.disclosures.items()
        if d.phase_in and year_start is not None and year_start <= d.phase_in[0]
    }
    if phased:
        catalog = replace(catalog, disclosures={**catalog.disclosures, **phased})
    if not any(old.until or old.in_force for old in catalog.superseded.values()):
        return catalog
    superseded = {
        key: replace(
            old, allowed=old.in_force or bool(old.until and (year_start is None or year_start <= old.until))
        )
        for key, old in catalog.superseded.items()
    }
    return replace(catalog, superseded=superseded)


_STANDARD = re.compile(r"^(?P<code>[^:]*\d[^:]*?)\s*:\s*(?P<name>.+?)(?:\s+\d{4})?$")


def _standard_parts(text: str) -> tuple[str, str]:
    """(folded code, folded name without its year) of a standard ("GRI 305: Emissions 2016": "gri 305",
    "emissions") or of a topic as a user names it: "305" or "GRI 305" (a code only), "Emissions" (a
    name only), "GRI 305: Emissions"."""
    text = clean(str(text)).strip()
    found = _STANDARD.match(text)
    if found:
        return fold(found["code"]), fold(found["name"])
    named = _YEAR_END.sub("", text)
    if any(ch.isdigit() for ch in named):
        return fold(text), ""
    return "", fold(named)


def names_standard(topic: str, standard: str, framework: str) -> bool:
    """Whether a topic as a user names it is this standard: its code with or without the framework's
    name, its name with or without the year, or both (both must then agree)."""
    code, name = _standard_parts(standard)
    if not code or not name:
        return False
    wanted_code, wanted_name = _standard_parts(topic)
    if not wanted_code and not wanted_name:
        return False
    prefix = fold(framework) + " "
    codes = {code, code.removeprefix(prefix)}
    return (not wanted_code or wanted_code in codes) and (not wanted_name or wanted_name == name)


@lru_cache(maxsize=64)
def with_material_topics(catalog: Catalog, topics: tuple[str, ...]) -> Catalog:
    """The catalog with the disclosures of the report's material topics (standards, named as
    names_standard reads them) required at the claim levels marked `material_topics` (GRI 2021 "in
    accordance", GRI 2016 Comprehensive): a missing one is then an ESG301 finding at that level, and
    advice at a level that advises on those (GRI "with reference to"). Data only: which levels, which
    standards, from the catalog."""
    levels = tuple(level.id for level in catalog.claim_levels if level.material_topics)
    if not topics or not levels:
        return catalog
    raised = {
        key: replace(
            d, required_at=(*d.required_at, *(lv for lv in levels if lv not in d.required_at)), material=True
        )
        for key, d in catalog.disclosures.items()
        if d.standard and any(names_standard(topic, d.standard, catalog.framework) for topic in topics)
    }
    return replace(catalog, disclosures={**catalog.disclosures, **raised}) if raised else catalog


def framework_titles(catalog: Catalog) -> list[tuple[str, str]]:
    """(folded label form, code) pairs: what a printed label is matched against."""
    pairs = []
    for disclosure in catalog.disclosures.values():
        for form in disclosure.label_forms:
            pairs.append((fold(form), disclosure.code))
    return pairs
