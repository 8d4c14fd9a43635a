"""Limits for user catalogs (`--catalog`): untrusted input must fail fast, never hang or blow up.

Three attacks are refused before anything is built from the file, each with its reason named:
a file too big to be a catalog; YAML whose aliases expand to far more than it holds (a "billion
laughs" of 600 bytes expands to 10^9 nodes), or that nests or refers to itself without end; and a
regex that backtracks catastrophically (nested quantifiers such as `(?:\\w+\\s?)+ZZ\\d` take
exponential time on text that almost matches, and the patterns run over whole reports).

Why refuse such a pattern rather than run it on a linear-time engine (google-re2): the catalog
patterns are run by the index parser and the claim reader, with Python `re` semantics the shipped
catalogs rely on; one check at load keeps every pattern on one engine, and a catalog author gets a
reason to rewrite the pattern (an atomic group `(?>...)` or a possessive `++` does not backtrack).
"""

from __future__ import annotations

from typing import Any

from .errors import InputError

MAX_CATALOG_BYTES = 1_000_000
"""12 times the largest bundled catalog (GRI 2021, 82 KB); reading and validating one this size
takes about 2.5 s, and that time grows with the size."""
MAX_NODES = 250_000
"""YAML nodes once aliases are expanded: a 1 MB catalog without aliases holds about 60,000."""
MAX_DEPTH = 32
"""Nesting depth; the catalog schema needs 5."""
MAX_PATTERN = 1000
"""Characters in one regex of a catalog."""

try:  # Python 3.11+
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_MAXREPEAT = _sre.MAXREPEAT
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT}
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)  # Python 3.11+
_POSSESSIVE = getattr(_sre, "POSSESSIVE_REPEAT", None)
_LARGE = 16
"""A repeat allowing more than this many copies counts as unbounded for backtracking."""


def check_size(name: str, size: int) -> None:
    if size > MAX_CATALOG_BYTES:
        raise InputError(
            name,
            f"is {size / 1e6:.1f} MB, over the {MAX_CATALOG_BYTES / 1e6:.0f} MB a catalog may be "
            "(the bundled ones are under 0.1 MB)",
        )


def load_yaml(name: str, text: str) -> Any:
    """Safe-load YAML after checking the node graph: aliases, depth and expanded size bounded."""
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_graph(name, node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_graph(name: str, root: Any) -> None:
    """Count nodes as if every alias were expanded, once per distinct node (linear in the file)."""
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            depths[key] = 1 + max((depths[id(child)] for child in children), default=0)
            if sizes[key] > MAX_NODES:
                raise InputError(
                    name,
                    f"is refused: its YAML aliases expand to over {MAX_NODES:,} nodes "
                    "(a 'billion laughs'?); write the values out instead",
                )
            if depths[key] > MAX_DEPTH:
                raise InputError(name, f"is refused: its YAML nests deeper than {MAX_DEPTH} levels")
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise InputError(name, "is refused: a YAML alias refers to the node that holds it")
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
        if len(on_path) > MAX_DEPTH + 1:
            raise InputError(name, f"is refused: its YAML nests deeper than {MAX_DEPTH} levels")


def _children(node: Any) -> list[Any]:
    value = node.value
    if isinstance(value, list):
        return [part for item in value for part in (item if isinstance(item, tuple) else (item,))]
    return []


def pattern_problem(pattern: str) -> str | None:
    """Why a regex is unsafe to run over a whole report, or None; it must already compile."""
    if len(pattern) > MAX_PATTERN:
        return f"is longer than {MAX_PATTERN} characters"
    nested = _walk(_sre_parse.parse(pattern))
    if nested:
        return (
            f"has nested quantifiers ('{nested}' repeats a part that can itself match a varying number "
            "of times), which backtrack exponentially on text that almost matches; use an atomic "
            "group (?>...) or a possessive quantifier (++, *+)"
        )
    return None


def _walk(items: Any) -> str | None:
    """The first unbounded repeat whose body is ambiguous (see _ambiguous), as written."""
    for op, arg in items:
        if op in _REPEATS:
            _low, high, body = arg
            if (high == _MAXREPEAT or high > _LARGE) and _ambiguous(body):
                return _source(op, arg)
        for inner in _bodies(op, arg):
            found = _walk(inner)
            if found:
                return found
    return None


def _ambiguous(body: Any) -> bool:
    """Whether one iteration of a repeated body can be split into several in many ways: it holds a
    repeat of varying count with nothing else required beside it ((a+)+, (\\w+\\s?)+, (a|b+)*).
    ((a*)b)* is safe: each iteration must end at a b, so there is one way to split."""
    for position, (op, arg) in enumerate(body):
        rest = _sre_parse.SubPattern(body.state, body.data[:position] + body.data[position + 1 :])
        if rest.getwidth()[0] > 0:
            continue
        if op in _REPEATS and arg[0] != arg[1] and arg[1] > 1:
            return True
        if op not in (_ATOMIC, _POSSESSIVE) and any(_ambiguous(inner) for inner in _bodies(op, arg)):
            return True
    return False


def _bodies(op: Any, arg: Any) -> list[Any]:
    """The sub-patterns of one parsed item."""
    if op in _REPEATS or (_POSSESSIVE is not None and op == _POSSESSIVE):
        return [arg[2]]
    if _ATOMIC is not None and op == _ATOMIC:
        return [arg]
    if op == _sre.SUBPATTERN:
        return [arg[-1]]
    if op == _sre.BRANCH:
        return list(arg[1])
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        return [arg[1]]
    return []


def _source(op: Any, arg: Any) -> str:
    """A readable form of a parsed repeat, as the pattern shows it."""
    low, high, body = arg
    count = {(0, _MAXREPEAT): "*", (1, _MAXREPEAT): "+", (0, 1): "?"}.get(
        (low, high), f"{{{low},{'' if high == _MAXREPEAT else high}}}"
    )
    lazy = "?" if op == _sre.MIN_REPEAT else ""
    inner = _unparse(body)
    if len(body.data) > 1 or body.data[0][0] in _REPEATS:
        inner = inner if inner.startswith("(?:") and inner.endswith(")") else f"(?:{inner})"
    return f"{inner}{count}{lazy}"


def _unparse(items: Any) -> str:
    """Enough of the pattern back to name the part at fault (not a full unparser)."""
    parts = []
    for op, arg in items:
        if op == _sre.LITERAL:
            parts.append(chr(arg))
        elif op in _REPEATS:
            parts.append(_source(op, arg))
        elif op == _sre.SUBPATTERN:
            parts.append(f"(?:{_unparse(arg[-1])})")
        elif op == _sre.IN and len(arg) == 1 and arg[0][0] == _sre.CATEGORY:
            parts.append(_CATEGORIES.get(arg[0][1], "[...]"))
        elif op == _sre.BRANCH:
            parts.append("|".join(_unparse(branch) for branch in arg[1]))
        elif op == _sre.ANY:
            parts.append(".")
        else:
            parts.append("[...]" if op == _sre.IN else "...")
    text = "".join(parts)
    return f"(?:{text})" if len(items) == 1 and items[0][0] == _sre.BRANCH else text


_CATEGORIES = {
    _sre.CATEGORY_WORD: "\\w",
    _sre.CATEGORY_NOT_WORD: "\\W",
    _sre.CATEGORY_SPACE: "\\s",
    _sre.CATEGORY_NOT_SPACE: "\\S",
    _sre.CATEGORY_DIGIT: "\\d",
    _sre.CATEGORY_NOT_DIGIT: "\\D",
}
