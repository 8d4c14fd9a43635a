"""Limits for user catalogs (`--catalog`): untrusted input must fail fast, never hang or blow up.

Three attacks are refused before anything is built from the file, each with its reason named:
a file too big to be a catalog; YAML whose aliases expand to far more than it holds (a "billion
laughs" of 600 bytes expands to 10^9 nodes), or that nests or refers to itself without end; and a
regex that backtracks catastrophically on text that almost matches, as the patterns run over
whole reports: nested quantifiers such as `(?:\\w+\\s?)+ZZ\\d` take exponential time, and two
unbounded quantifiers in a row that can match the same characters, such as `\\w+\\s*\\w+Z`,
polynomial time (a mention is searched for from every position of the text: a check with the
mention `\\w+\\s*\\w+Z`, of a report holding one line of 20,000 letters, was stopped after 5 minutes;
its time grows as n^3, so about 3 hours).

Why refuse such a pattern rather than run it on a linear-time engine (google-re2): the catalog
patterns are run by the index parser and the claim reader, with Python `re` semantics the shipped
catalogs rely on; one check at load keeps every pattern on one engine, and a catalog author gets a
reason to rewrite the pattern (an atomic group `(?>...)` or a possessive `++` does not backtrack).
"""

from __future__ import annotations

from functools import lru_cache
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
MAX_NESTING = 100
"""Levels of groups and quantifiers in one regex (the bundled ones have at most 4): the checks
below walk them recursively."""

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


def pattern_problem(pattern: str, flags: int = 0) -> str | None:
    """Why a regex is unsafe to run over a whole report, or None; it must already compile. `flags`
    are those it is run with (re.I for mentions and claim phrases)."""
    if len(pattern) > MAX_PATTERN:
        return f"is longer than {MAX_PATTERN} characters"
    parsed = _sre_parse.parse(pattern, flags)
    if _depth(parsed) > MAX_NESTING:
        return f"nests groups and quantifiers deeper than {MAX_NESTING} levels"
    nested = _walk(parsed)
    if nested:
        return (
            f"has nested quantifiers ('{nested}' repeats a part that can itself match a varying number "
            "of times), which backtrack exponentially on text that almost matches; use an atomic "
            "group (?>...) or a possessive quantifier (++, *+)"
        )
    pair = _Overlaps(parsed, parsed.state.flags).first(parsed)
    if pair:
        first, second = pair
        return (
            f"has two unbounded quantifiers in a row that can match the same characters ('{first}' "
            f"then '{second}'), which backtrack polynomially on a long line that almost matches; separate "
            "them by a character the first cannot match, bound one of them ({1,16}), or wrap the first "
            f"in an atomic group ('(?>{first})') where it may keep all it matches"
        )
    return None


def _depth(parsed: Any) -> int:
    """How deeply the parts of a parsed pattern nest (walked without recursion)."""
    deepest = 0
    stack = [(parsed, 1)]
    while stack:
        items, depth = stack.pop()
        deepest = max(deepest, depth)
        for op, arg in items:
            stack.extend((part, depth + 1) for part in _bodies(op, arg))
    return deepest


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
    if op == _sre.GROUPREF_EXISTS:  # (?(1)yes|no)
        return [arg[1], *([arg[2]] if arg[2] else [])]
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
        elif op == _sre.GROUPREF_EXISTS:
            group, yes, no = arg
            parts.append(f"(?({group}){_unparse(yes)}" + (f"|{_unparse(no)})" if no else ")"))
        elif op == _sre.ANY:
            parts.append(".")
        else:
            parts.append("[...]" if op == _sre.IN else "...")
    text = "".join(parts)
    return f"(?:{text})" if len(items) == 1 and items[0][0] == _sre.BRANCH else text


_PROBES = frozenset(
    [chr(code) for code in range(0x250)]
    + list("ΑαΩωДдЖж中文字가ー・٣३３①²½€£¥–—‘’“”•…·†\u00a0\u2000\u2003\u2009\u200b\u2028\u2029\u3000\ufeff")
    + ["\U0001d7d8", "\U0001f600"]
)
"""The characters that character sets are compared on: Latin, some of other scripts and of every
kind (digits and spaces among them); each pattern adds its own literals and range ends, so that
two of its sets sharing any character share one of these."""

_Open = dict[int, tuple[frozenset[str], frozenset[frozenset[str]]]]
"""For each unbounded quantifier a backtracking engine may still give characters back to: the
characters it repeats on, and for each part required since, the characters of those it can read."""


class _Overlaps:
    """Two unbounded quantifiers a regex runs one after the other over the same characters.

    A backtracking engine tries every way of splitting such a run between them: `\\w+\\s*\\w+Z` on a
    run of n letters with no Z tries about n^2 splits from each start, and a search starts at each
    of the n letters. A pair counts when some character both repeat on can also be read by every
    part required between them (`\\w+\\s*\\w+`, `\\d+\\.?\\d+`, `\\S+-\\S+`, `\\w+ab\\w+`), not when a
    required character the first cannot match separates them (`\\w+-\\w+`, `\\w+\\s+\\w+`) or their
    sets are apart (`[a-z]+\\d+`). Bounded repeats are harmless (`\\d{1,3}\\d+`: three splits at most),
    and so is a first quantifier that gives nothing back (`\\w++`, `(?>\\w+)`). A repeated part is
    read twice, so a pair across two of its iterations counts too (`(?:x\\w+)+`)."""

    def __init__(self, parsed: Any, flags: int) -> None:
        self.flags = flags
        self.universe, self._cased = _alphabet(frozenset(chr(code) for code in _codes(parsed)) - _PROBES)
        self.names: dict[int, str] = {}
        self._classes: dict[tuple[int, int], frozenset[str]] = {}

    def first(self, parsed: Any) -> tuple[str, str] | None:
        try:
            self._sequence(parsed, {}, self.flags)
        except _Found as found:
            return found.pair
        return None

    def _sequence(self, items: Any, state: _Open, flags: int) -> _Open:
        for op, arg in items:
            state = self._item(op, arg, state, flags)
        return state

    def _item(self, op: Any, arg: Any, state: _Open, flags: int) -> _Open:
        if op == _sre.SUBPATTERN:
            return self._sequence(arg[3], state, _scoped(flags, arg))
        if op == _sre.BRANCH:
            return _merge([self._sequence(branch, state, flags) for branch in arg[1]])
        if op == _sre.GROUPREF_EXISTS:
            return _merge([self._sequence(arg[1], state, flags), self._sequence(arg[2] or [], state, flags)])
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            self._sequence(arg[1], {}, flags)  # a lookaround backtracks within itself only
            return state
        if op in (_sre.AT, _sre.GROUPREF):
            return state  # zero width, or a group's text again (perhaps empty)
        if op in _REPEATS:
            return self._repeat(op, arg, state, flags)
        if op is not None and op in (_ATOMIC, _POSSESSIVE):  # gives nothing back once matched
            body = arg if op == _ATOMIC else arg[2]
            self._sequence(body, {}, flags)
            if _sre_parse.SubPattern(body.state, [(op, arg)]).getwidth()[0] == 0:
                return state
            return self._read(state, self._chars(op, arg, flags))
        return self._read(state, self._chars(op, arg, flags))

    def _repeat(self, op: Any, arg: Any, state: _Open, flags: int) -> _Open:
        low, high, body = arg
        runs = self._runs(body, flags) if (high == _MAXREPEAT or high > _LARGE) and low != high else None
        if runs:
            for first, (repeats, required) in state.items():
                shared = repeats & runs
                if shared and all(chars & shared for chars in required):
                    raise _Found((self.names[first], _source(op, arg)))
        once = self._sequence(body, state, flags)
        twice = self._sequence(body, once, flags) if high > 1 else once
        state = _merge([state, once, twice][min(low, 2) :])
        if runs:
            self.names[id(arg)] = _source(op, arg)
            state = {**state, id(arg): (runs, frozenset())}
        return state

    @staticmethod
    def _read(state: _Open, chars: frozenset[str]) -> _Open:
        """The state after a required part that reads one of `chars`: a quantifier stays open when
        the part can read a character it repeats on."""
        return {
            first: (repeats, required | {repeats & chars})
            for first, (repeats, required) in state.items()
            if repeats & chars
        }

    def _runs(self, items: Any, flags: int) -> frozenset[str]:
        """The characters of which the part can match a run (c, cc, ccc...): those every required
        sub-part can match."""
        runs = None
        for op, arg in items:
            if op == _sre.SUBPATTERN:
                chars = self._runs(arg[3], _scoped(flags, arg))
            elif op == _sre.BRANCH:
                chars = frozenset().union(*(self._runs(branch, flags) for branch in arg[1]))
            elif op in _REPEATS or (op is not None and op == _POSSESSIVE):
                if arg[0] == 0:
                    continue
                chars = self._runs(arg[2], flags)
            elif op is not None and op == _ATOMIC:
                chars = self._runs(arg, flags)
            elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT, _sre.GROUPREF, _sre.GROUPREF_EXISTS):
                continue
            else:
                chars = self._chars(op, arg, flags)
            runs = chars if runs is None else runs & chars
        if runs is None:  # nothing required: what it may match
            return frozenset().union(*(self._chars(op, arg, flags) for op, arg in items))
        return runs

    def _chars(self, op: Any, arg: Any, flags: int) -> frozenset[str]:
        """Every character the part can match, at any place in it."""
        if op in (_sre.LITERAL, _sre.NOT_LITERAL):
            char = chr(arg)
            chars = (
                self._cased.get(char, frozenset(char))
                if flags & _sre.SRE_FLAG_IGNORECASE
                else frozenset(char)
            )
            return chars if op == _sre.LITERAL else self.universe - chars
        if op == _sre.ANY:
            return self.universe if flags & _sre.SRE_FLAG_DOTALL else self.universe - {"\n"}
        if op == _sre.IN:
            key = (id(arg), flags & _sre.SRE_FLAG_IGNORECASE)
            if key not in self._classes:
                self._classes[key] = self._members(lambda c: _in_class(c, arg), flags)
            return self._classes[key]
        if op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS):
            return self.universe
        if op == _sre.SUBPATTERN:
            parts, flags = arg[3], _scoped(flags, arg)
        elif op == _sre.BRANCH:
            parts = [item for branch in arg[1] for item in branch]
        elif op in _REPEATS or (op is not None and op == _POSSESSIVE):
            parts = arg[2]
        elif op is not None and op == _ATOMIC:
            parts = arg
        else:
            return frozenset()  # zero width: anchors, lookarounds
        return frozenset().union(*(self._chars(o, a, flags) for o, a in parts))

    def _members(self, test: Any, flags: int) -> frozenset[str]:
        if flags & _sre.SRE_FLAG_IGNORECASE:
            return frozenset(
                c for c in self.universe if test(c) or test(c.lower()[:1] or c) or test(c.upper()[:1] or c)
            )
        return frozenset(c for c in self.universe if test(c))


@lru_cache(maxsize=64)
def _alphabet(own: frozenset[str]) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The characters compared (the probes, the pattern's own characters, and their other cases),
    and each with those that match it when case is ignored."""
    universe = frozenset(
        variant
        for char in _PROBES | own
        for variant in (char, char.lower(), char.upper())
        if len(variant) == 1
    )
    cased: dict[str, set[str]] = {}
    for char in universe:
        for variant in {char, char.lower()[:1] or char, char.upper()[:1] or char}:
            cased.setdefault(variant, {variant}).add(char)
    return universe, {char: frozenset(chars) for char, chars in cased.items()}


class _Found(Exception):
    """Ends the walk at the first pair; never leaves _Overlaps."""

    def __init__(self, pair: tuple[str, str]) -> None:
        super().__init__(pair)
        self.pair = pair


def _merge(states: list[_Open]) -> _Open:
    """The state after one of several paths: a quantifier still open on any of them stays open,
    needing only what every path that kept it open required."""
    merged: _Open = {}
    for state in states:
        for first, (repeats, required) in state.items():
            merged[first] = (repeats, merged[first][1] & required if first in merged else required)
    return merged


def _scoped(flags: int, subpattern: Any) -> int:
    """The flags inside a group: (?i:...) adds, (?-i:...) removes."""
    return (flags | subpattern[1]) & ~subpattern[2]


def _codes(items: Any) -> list[int]:
    """The code points a parsed pattern names: its literals and the ends of its ranges."""
    codes: list[int] = []
    for op, arg in items:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL):
            codes.append(arg)
        elif op == _sre.RANGE:
            codes.extend(arg)
        elif op == _sre.IN:
            codes.extend(_codes(arg))
        else:
            codes.extend(code for inner in _bodies(op, arg) for code in _codes(inner))
    return codes


def _in_class(char: str, items: Any) -> bool:
    """Whether a parsed character class ([...], \\w, \\d, \\s) holds the character."""
    negate = found = False
    code = ord(char)
    for op, arg in items:
        if op == _sre.NEGATE:
            negate = True
        elif op == _sre.LITERAL:
            found = found or code == arg
        elif op == _sre.RANGE:
            found = found or arg[0] <= code <= arg[1]
        elif op == _sre.CATEGORY:
            found = found or _in_category(char, arg)
    return found != negate


def _in_category(char: str, category: Any) -> bool:
    """\\d, \\s, \\w and their negations as `re` reads them in a str pattern (Unicode; its ASCII flag
    only narrows them, so they are read wide)."""
    if category in (_sre.CATEGORY_DIGIT, _sre.CATEGORY_NOT_DIGIT):
        inside = char.isdecimal()
    elif category in (_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_SPACE):
        inside = char.isspace()
    elif category in (_sre.CATEGORY_WORD, _sre.CATEGORY_NOT_WORD):
        inside = char.isalnum() or char == "_"
    else:
        return True  # a class not known here: assume it holds the character
    return inside != (category in (_sre.CATEGORY_NOT_DIGIT, _sre.CATEGORY_NOT_SPACE, _sre.CATEGORY_NOT_WORD))


_CATEGORIES = {
    _sre.CATEGORY_WORD: "\\w",
    _sre.CATEGORY_NOT_WORD: "\\W",
    _sre.CATEGORY_SPACE: "\\s",
    _sre.CATEGORY_NOT_SPACE: "\\S",
    _sre.CATEGORY_DIGIT: "\\d",
    _sre.CATEGORY_NOT_DIGIT: "\\D",
}
