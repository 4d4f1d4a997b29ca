"""triggers: a rule table's patterns → the literal strings a match cannot do without.

A pattern such as 「(?:本站|本网)(?:提供|推荐)」 matches only text that holds 「本站」 or 「本网」:
those are its triggers. Finding triggers is one plain scan (the `re` engine skips to the next
candidate character in C), much cheaper than trying every pattern at every position, so a
stage searches with its patterns only where a trigger occurs. Triggers are derived from the
patterns themselves, never written by hand: a row added to a table brings its own.

Soundness, not precision: every match of a pattern contains one of its triggers (as compared
under the pattern's IGNORECASE); text without a trigger cannot match. A pattern whose parts
are all optional or open-ended (`\\d+`, `.*`) has no triggers (None): callers must then search
everywhere.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, TypeVar

from extractor import patterns
from extractor._triggers import LEADS, OPENERS, REACHES, SKELETONS, TRIES, TRIGGERS, WIDTHS

# The parser of `re` and its opcodes (the same in 3.11-3.13); the public `sre_parse` alias
# warns that it is deprecated. Patterns here use no syntax that `regex` reads otherwise.
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")
# Under IGNORECASE the `regex` module also lets these stand for an ASCII letter:
# 「ſ」 for s, 「K」 (Kelvin) for k, 「İ」 for i. A test checks the list.
ODD_CASE: Final = {"s": "\u017f", "k": "\u212a", "i": "\u0130"}
# Alternatives of a set, and strings of a product, beyond which a part is not spelled out.
_MAX_SET: Final = 64
_T = TypeVar("_T")


def triggers(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains; None when there are none.

    The rule tables' patterns are looked up in extractor/_triggers.py, which
    tools/gen_triggers.py derives from them; any other pattern is derived here."""
    return _looked_up(TRIGGERS, pattern, derive)


def derive(pattern: str) -> frozenset[str] | None:
    """The triggers of `pattern`, read from its parse."""
    parsed = _parse(pattern)
    return None if parsed is None else _needed(list(parsed))


def _looked_up(
    table: dict[str, tuple[str, ...] | None],
    pattern: str,
    derive: Callable[[str], frozenset[str] | None],
) -> frozenset[str] | None:
    """What the generated `table` holds for `pattern`, or else what `derive` reads from it."""
    if pattern in table:
        known = table[pattern]
        return None if known is None else frozenset(known)
    return derive(pattern)


def _given(table: Mapping[str, _T], pattern: str, derive: Callable[[str], _T]) -> _T:
    """What the generated `table` holds for `pattern`, as it holds it, or else what `derive`
    reads from it."""
    return table[pattern] if pattern in table else derive(pattern)


def _parse(pattern: str) -> Any:
    """The parse of `pattern` (a SubPattern); None for a `regex`-only construct (\\p{Han}, …)."""
    try:
        return sre_parse.parse(pattern)
    except re.error:
        return None


def skeleton(pattern: str) -> str | None:
    """A pattern `re` reads that matches wherever `pattern` matches under `regex` (at the same
    position, by the same end), and maybe elsewhere: `pattern` without its look-arounds, when
    what is left is plain (see `_plain`). None when there is no such pattern.

    `regex` tries a long alternation branch by branch, some fifty nanoseconds a branch, where
    `re` fails most branches at their first character: where the skeleton does not match, a
    position is passed over for a fraction of the pattern's cost.

    The patterns tools/gen_triggers.py lists are looked up in extractor/_triggers.py; any
    other is derived here."""
    return _given(SKELETONS, pattern, derive_skeleton)


def derive_skeleton(pattern: str) -> str | None:
    """The skeleton of `pattern` (see `skeleton`), read from its text and checked on its parse.

    A look-around only ever rejects a match, so without them a pattern matches more. What is
    left must mean the same to `re` as to `regex`, or more: literals, classes of literals and
    ranges, `re`'s \\s (which holds `regex`'s and \\x1c-\\x1f) outside a negated class,
    groups, alternations and repeats. An anchor, a flag, an atomic group or a possessive
    repeat, which can reject what the rest would take, leaves no skeleton."""
    text = _without_lookarounds(pattern)
    parsed = _parse(text) if text is not None else None
    if parsed is None or parsed.state.flags & ~sre.SRE_FLAG_UNICODE:
        return None
    return text if _plain(list(parsed)) else None


_LOOKAROUNDS: Final = ("(?=", "(?!", "(?<=", "(?<!")


def _without_lookarounds(pattern: str) -> str | None:
    """`pattern` with every look-ahead and look-behind cut out, nested groups and all; None
    when its brackets do not close."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif c == "[":
            end = patterns.class_end(pattern, i)
            if end is None:
                return None
            out.append(pattern[i:end])
            i = end
        elif c == "(" and pattern.startswith(_LOOKAROUNDS, i):
            end = _group_end(pattern, i)
            if end is None:
                return None
            i = end
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _group_end(pattern: str, i: int) -> int | None:
    """Where the group opening at `i` ends (past its 「)」)."""
    depth = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            end = patterns.class_end(pattern, i)
            if end is None:
                return None
            i = end
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


# `regex`'s Unicode tables are newer than `re`'s: it reads digits `re` does not know.
_PLAIN_CATEGORIES: Final = frozenset((sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE))


def _plain(items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether a parse uses only what `re` matches as `regex` does, or more (see
    `derive_skeleton`)."""
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY):
            continue
        if op is sre.IN:
            kinds = {kind for kind, _ in av}
            if not kinds <= {sre.LITERAL, sre.RANGE, sre.NEGATE, sre.CATEGORY}:
                return False
            categories = {value for kind, value in av if kind is sre.CATEGORY}
            if categories and (sre.NEGATE in kinds or not categories <= _PLAIN_CATEGORIES):
                return False
        elif op is sre.BRANCH:
            if not all(_plain(list(branch)) for branch in av[1]):
                return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2] or not _plain(list(av[3])):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if not _plain(list(av[2])):
                return False
        else:
            return False  # an anchor, an atomic group, a possessive repeat, a reference
    return True


def reaches(pattern: str) -> dict[str, int] | None:
    """For each trigger of `pattern`, how far from a match's start it can stand at most: a
    match holding a trigger at position p starts at p - reach or later. None when some match
    is not bounded so (an open-ended part, `.*`, before its trigger).

    The patterns tools/gen_triggers.py lists are looked up in extractor/_triggers.py; any
    other is derived here."""
    if pattern in REACHES:
        known = REACHES[pattern]
        return None if known is None else dict(known)
    return derive_reaches(pattern)


def derive_reaches(pattern: str) -> dict[str, int] | None:
    """The reaches of `pattern`'s triggers (see `reaches`), branch by branch of its parse: a
    branch's triggers stand inside the stretch of it that spells them, whose width bounds
    them."""
    # Derived, not looked up: tools/gen_triggers.py writes both tables at once.
    found = derive(pattern)
    parsed = _parse(pattern)
    if parsed is None:
        return None
    items = list(parsed)
    alone = len(items) == 1 and items[0][0] is sre.BRANCH
    branches = [list(branch) for branch in items[0][1][1]] if alone else [items]
    out: dict[str, int] = {}
    for branch in branches:
        needed = _needed(branch)
        if needed is None:
            return None
        # The shortest stretch from the branch's start that needs the same strings: its
        # width bounds where they stand.
        width = next(
            (
                high
                for k in range(1, len(branch) + 1)
                if (high := sre_parse.SubPattern(parsed.state, branch[:k]).getwidth()[1])
                < sre_parse.MAXWIDTH
                and _needed(branch[:k]) == needed
            ),
            None,
        )
        if width is None:
            return None
        for string in needed:
            # A string the pattern's triggers leave out holds one of them (see `_pruned`):
            # that one stands as far into a match as it stands into the string.
            for trigger in found or ():
                at = string.find(trigger)
                if at >= 0:
                    reach = width - len(string) + at
                    out[trigger] = max(out.get(trigger, reach), reach)
    return out if found is not None and set(out) == found else None


def widest(pattern: str) -> int | None:
    """How many characters a match of `pattern` spans at most; None when that is not bounded
    or `re` cannot read the pattern.

    The patterns tools/gen_triggers.py lists are looked up in extractor/_triggers.py; any
    other is derived here."""
    return _given(WIDTHS, pattern, derive_widest)


def derive_widest(pattern: str) -> int | None:
    """The widest match of `pattern` (see `widest`), read from its parse."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    width: int = parsed.getwidth()[1]
    return None if width >= sre.MAXREPEAT else width


def openers(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can open with: a stretch that opens with none of
    them holds no match at its start. None when they are not known to be few: a match may be
    empty or open with a class such as \\s or [^。], the pattern ignores case, or it uses
    syntax only `regex` reads.

    The patterns tools/gen_triggers.py lists are looked up in extractor/_triggers.py; any
    other is derived here."""
    return _looked_up(OPENERS, pattern, derive_openers)


def derive_openers(pattern: str) -> frozenset[str] | None:
    """The openers of `pattern` (see `openers`), read from its parse."""
    parsed = _parse(pattern)
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return None
    found = _opening(list(parsed))
    return None if found is None or "" in found else frozenset(found)


def _opening(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """The characters a sequence can open with, and "" when it can match nothing at all."""
    out: set[str] = set()
    for op, av in items:
        found = _opening_part(op, av)
        if found is None:
            return None
        out |= found - {""}
        if "" not in found:
            return out
    return out | {""}


def _opening_part(op: Any, av: Any) -> set[str] | None:
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        if len(av) <= _MAX_SET and all(kind is sre.LITERAL for kind, _ in av):
            return {chr(code) for _, code in av}
        return None  # a range, a category or a negated class
    if op is sre.SUBPATTERN:
        return None if av[1] or av[2] else _opening(list(av[3]))  # (?i:…) and such: unknown
    if op is sre.ATOMIC_GROUP:
        return _opening(list(av))
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _opening(list(branch))
            if found is None:
                return None
            out |= found
        return out
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        found = _opening(list(av[2]))
        return found | {""} if found is not None and av[0] == 0 else found
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return {""}  # a look-around or an anchor consumes nothing
    return None


def lead(pattern: str) -> tuple[str, str] | None:
    """What the first characters of every match of `pattern` can be, when every match opens at
    the start of the string: each of its alternatives opens with `^` (and it is compiled
    without MULTILINE). Two patterns, read by `regex` under the pattern's flags (case variants
    and all): a class of one character that matches a match's first character, and a pattern
    that matches its first two (its first alone where a match may be one character long).
    None when a match may open elsewhere or be empty, or its first character is hardly
    bounded (a negated class, a range, any character).

    A search of such a pattern from a later position finds nothing (`^` is the string's start,
    not the search's), and at the start only where the lead matches the first characters.

    The patterns tools/gen_triggers.py lists are looked up in extractor/_triggers.py; any
    other is derived here."""
    if pattern in LEADS:
        return LEADS[pattern]
    return derive_lead(pattern)


def derive_lead(pattern: str) -> tuple[str, str] | None:
    """The lead of `pattern` (see `lead`), read from its parse."""
    parsed = _parse(pattern)
    if parsed is None or parsed.state.flags & ~sre.SRE_FLAG_UNICODE:
        return None
    found = _anchored(list(parsed))
    if not found or () in found or any(p[0] is None for p in found):
        return None
    first = _class_of(frozenset().union(*(p[0] for p in found if p[0] is not None)))
    pairs = "|".join(sorted({"".join(map(_class_of, p)) for p in found}))
    return first, pairs


# A character a prefix may hold: the members of a class (escaped characters, \d, \s), or
# None for any character.
_Members = frozenset[str] | None
# How deep `_prefixes` unrolls repeats and groups, and how many steps it takes in all, before
# it gives up: a repeat of what may match nothing unrolls without end, and alternatives of
# such multiply.
_MAX_DEPTH: Final = 64
_MAX_STEPS: Final = 20_000


def _class_of(members: _Members) -> str:
    if members is None:
        return "(?s:.)"
    # A member of two characters is a class of them (\d, \s), kept as it is.
    return "[" + "".join(sorted(c if len(c) > 1 else re.escape(c) for c in members)) + "]"


def _anchored(items: list[tuple[Any, Any]]) -> set[tuple[_Members, ...]] | None:
    """The prefixes of two characters of a sequence (see `_prefixes`), when every way through
    it opens with `^`."""
    if not items:
        return None
    op, av = items[0]
    if op is sre.AT and av is sre.AT_BEGINNING:
        return _prefixes(items[1:], 2, _MAX_DEPTH, [_MAX_STEPS])
    if op is sre.SUBPATTERN and not (av[1] or av[2]):
        return _anchored(list(av[3]) + items[1:])
    if op is sre.BRANCH:
        out: set[tuple[_Members, ...]] = set()
        for branch in av[1]:
            found = _anchored(list(branch) + items[1:])
            if found is None:
                return None
            out |= found
        return out
    return None


# The classes of characters a lead may hold besides literals: few, and no letters.
_LEAD_CATEGORIES: Final = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}


def _prefixes(
    items: list[tuple[Any, Any]], n: int, depth: int, steps: list[int]
) -> set[tuple[_Members, ...]] | None:
    """What the first `n` characters of a match of a sequence can be, each told by the members
    of its class: a prefix shorter than `n` where a match may end sooner. None when the
    sequence uses what is not read here, or `depth` or `steps` (shared by every call) run
    out."""
    if n == 0 or not items:
        return {()}
    steps[0] -= 1
    if depth == 0 or steps[0] < 0:
        return None
    op, av = items[0]
    rest = items[1:]
    if op in (sre.LITERAL, sre.IN, sre.ANY, sre.NOT_LITERAL):
        head = _members(op, av)
        after = _prefixes(rest, n - 1, depth - 1, steps)
        return None if after is None else {(head, *p) for p in after}
    if op is sre.SUBPATTERN:
        return None if av[1] or av[2] else _prefixes(list(av[3]) + rest, n, depth - 1, steps)
    if op is sre.ATOMIC_GROUP:
        return _prefixes(list(av) + rest, n, depth - 1, steps)
    if op is sre.BRANCH:
        branches = [list(branch) + rest for branch in av[1]]
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        branches = [rest] if low == 0 else []
        if high != 0:
            fewer = (low - 1 if low else 0, high if high == sre.MAXREPEAT else high - 1, sub)
            branches.append([*sub, (op, fewer), *rest])
    elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        branches = [rest]  # a look-around or an anchor consumes nothing
    else:
        return None
    out: set[tuple[_Members, ...]] = set()
    for branch in branches:
        found = _prefixes(branch, n, depth - 1, steps)
        if found is None:
            return None
        out |= found
    return out


def _members(op: Any, av: Any) -> _Members:
    """The members of the class of characters a part of one character matches; None for any
    character, or a class too wide to tell (a range, a negated class)."""
    if op is sre.LITERAL:
        return frozenset((chr(av),))
    if op is sre.IN:
        out: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                out.add(chr(value))
            elif kind is sre.CATEGORY and value in _LEAD_CATEGORIES:
                out.add(_LEAD_CATEGORIES[value])
            else:
                return None
        return frozenset(out)
    return None


def _needed(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """For a sequence: the best of its parts' triggers, where runs of parts that match a few
    exact strings (literals, small classes and alternations) are joined into longer strings."""
    best: frozenset[str] | None = None
    run: frozenset[str] | None = None  # the strings the current run of exact parts spells

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if not found or "" in found:
            return
        found = _pruned(found)
        # Ties go to the later part: in 「第3页」 and 「共10页」 the word after the number is
        # the rarer one.
        if best is None or _score(found) >= _score(best):
            best = found

    for op, av in items:
        exact = _exact(op, av)
        if exact is not None:
            product = frozenset(a + b for a in run for b in exact) if run is not None else exact
            if len(product) <= _MAX_SET:
                run = product
                continue
        consider(run)
        run = exact
        if exact is None:
            consider(_part(op, av))
    consider(run)
    return best


def _pruned(strings: frozenset[str]) -> frozenset[str]:
    """`strings` less every string that holds another of them: text that holds the longer one
    holds the shorter, so the set is as necessary, and smaller (「小编」 for the sixty strings
    「小编为大家整理」, 「小编给你准备」, … that the run of parts after it spells)."""
    ordered = sorted(strings, key=len)
    kept: list[str] = []
    for string in ordered:
        if not any(shorter in string for shorter in kept):
            kept.append(string)
    return frozenset(kept)


def _score(strings: frozenset[str]) -> tuple[float, int]:
    """Rarer strings stand at fewer places of text; fewer of them is a tighter test."""
    return min(map(_rarity, strings)), -len(strings)


# What makes a string commoner than its length tells, by rules of the language (never the
# words of some text). The commonest punctuation stands in every sentence: a string that opens
# with it is found hardly less often than the rest of it, and a scan led by first characters
# (see `first_led`) stops at each 「，」.
_EVERYWHERE: Final = ",。、;:“”"
# The commonest characters of modern Chinese: a scan stops at every one a string opens with.
_COMMON_OPENERS: Final = frozenset("的一是不了在有人我这要")
# Words so common that a string holding one is found about as often as one a character shorter
# (「工作」, 「情况」 rather than 「以来」, 「过去」).
_COMMON_WORDS: Final = ("我们", "工作", "发展", "问题", "情况")


def _rarity(string: str) -> float:
    """The length of `string`, less what it spends on what is common (see `_EVERYWHERE`)."""
    rest = string.lstrip(_EVERYWHERE)
    common = sum(word in rest for word in _COMMON_WORDS) / 2 + (rest[:1] in _COMMON_OPENERS)
    return len(rest) - common


def _exact(op: Any, av: Any) -> frozenset[str] | None:
    """Every string the part can match, when they are few."""
    if op is sre.LITERAL:
        return frozenset((chr(av),))
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av) and len(av) <= 8:
        return frozenset(chr(code) for _, code in av)
    if op is sre.SUBPATTERN:
        return _exact_sequence(list(av[3]))
    if op is sre.BRANCH:
        out = _union(av[1], _exact_sequence)
        return out if out is not None and len(out) <= _MAX_SET else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        exact = _exact_sequence(list(av[2]))  # (?:…)?: the strings, or nothing
        return exact | {""} if exact is not None else None
    return None


def _exact_sequence(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    out = frozenset(("",))
    for op, av in items:
        exact = _exact(op, av)
        if exact is None:
            return None
        out = frozenset(a + b for a in out for b in exact)
        if len(out) > _MAX_SET:
            return None
    return out


def _part(op: Any, av: Any) -> frozenset[str] | None:
    """Triggers of a part that does not spell out its strings."""
    if op is sre.SUBPATTERN:
        return _needed(list(av[3]))
    if op is sre.ATOMIC_GROUP:
        return _needed(list(av))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _needed(list(av[2]))
    if op is sre.BRANCH:
        return _union(av[1], _needed)
    return None


def _union(
    branches: Sequence[Any], of: Callable[[Sequence[tuple[Any, Any]]], frozenset[str] | None]
) -> frozenset[str] | None:
    """The strings of every branch of an alternation, or None when one branch has none."""
    out: set[str] = set()
    for branch in branches:
        found = of(list(branch))
        if found is None:
            return None
        out |= found
    return frozenset(out)


def is_cased(string: str) -> bool:
    """Whether IGNORECASE lets other characters stand for some of the string's."""
    # Case mappings never shorten a character: when both leave the string as it is, each
    # character is its own lower and upper case (a Chinese string, in one pass in C).
    if string.lower() == string == string.upper():
        return False
    return any(c.lower() != c.upper() or c.lower() in ODD_CASE for c in string)


class Scanner:
    """Finds where any of some strings occurs, comparing as `regex` does under IGNORECASE.

    Uncased strings form one trie pattern for `re`, whose first-character skip runs in C;
    whether a stretch holds one, and which opens where, ask the pattern of `first_led`.
    A string with letters is found by its first letter (a class of a few ASCII letters, rare
    in Chinese text), then checked in full with `regex`; its span is then that one letter.
    Spans do not overlap, and every occurrence of a string overlaps a reported span.
    """

    __slots__ = ("_cased", "_letter_set", "_letters", "_offsets", "_openings", "_plain")

    def __init__(self, strings: Iterable[str]) -> None:
        strings = set(strings)
        cased = sorted(s for s in strings if is_cased(s))
        plain = sorted(strings - set(cased))
        # Where each cased string's first letter stands in it: 「加qq群」 is found at its q.
        self._offsets = sorted({_first_cased(s) for s in cased})
        letters = {v for s in cased for v in _variants(s[_first_cased(s)])}
        self._letter_set = frozenset(letters)
        # Two patterns for `spans`: a class of letters beside the trie would cost `re` its
        # first-character skip.
        self._plain = patterns.compile_re(trie(plain) if plain else "(?!)")
        self._letters = patterns.compile_re(_class(letters) if letters else "(?!)")
        # The class-led scan reports the letters as strings of their own (no uncased string
        # opens with one): a stretch is read once for both kinds.
        self._openings = patterns.compile_re(first_led({*plain, *letters}))
        alternatives = "|".join(patterns.escape(s) for s in cased)
        self._cased = patterns.compile(alternatives or "(?!)", patterns.IGNORECASE)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """[start, end) of occurrences in `text`, in order, not overlapping."""
        out = [m.span() for m in self._plain.finditer(text)]
        letters = [
            (start, start + 1)
            for m in self._letters.finditer(text)
            # A letter counts only where a cased string stands around it.
            if any(
                k <= (start := m.start()) and self._cased.match(text, start - k)
                for k in self._offsets
            )
        ]
        # An uncased string holds no letter: the two lists do not overlap.
        return sorted(out + letters) if letters else out

    def holds(self, text: str, start: int, end: int) -> bool:
        """Whether one of the strings stands wholly inside [start, end) of `text`."""
        first = self._openings.search(text, start, end)
        if first is None:
            return False  # most stretches
        if first.group(1) not in self._letter_set:
            return True
        return any(
            # A cased string is tried from where it would open, its first letter at `m`.
            found not in self._letter_set
            or any(
                k <= (at := m.start()) - start and self._cased.match(text, at - k, end)
                for k in self._offsets
            )
            for m in self._openings.finditer(text, first.start(), end)
            if (found := m.group(1)) is not None
        )

    def held_openings(self, text: str, start: int, end: int) -> tuple[list[str], bool] | None:
        """`openings` of a stretch that `holds` one of the strings, else None: a stretch that
        holds none (most) costs one search, and one that holds some is read once more, not
        once to tell and once to list."""
        first = self._openings.search(text, start, end)
        if first is None:
            return None
        plain, cased = self.openings(text, first.start(), end)
        if plain:
            return plain, cased
        # Letters alone (an English word, 「GDP」): whether a cased string stands among them,
        # asked of all of them at once rather than letter by letter as `holds` asks.
        return ([], True) if self._cased.search(text, start, end) else None

    def openings(self, text: str, start: int, end: int) -> tuple[list[str], bool]:
        """For each position in [start, end) where an uncased string opens and ends by `end`,
        the shortest such string (one that opens with it may stand there too, unreported);
        and whether the stretch holds a letter that a cased string could open with (when it
        holds none, none of the cased strings stands there)."""
        found = [m.group(1) for m in self._openings.finditer(text, start, end)]
        plain = [s for s in found if s not in self._letter_set]
        return plain, len(plain) < len(found)


def first_led(strings: Iterable[str]) -> str:
    """A pattern whose matches, one character wide, stand where one of `strings` (uncased,
    non-empty) opens; group 1 is the shortest string opening there. A walk of
    `finditer` meets every such position, overlapping strings included; a search bounded by
    `end` finds only strings that end by it.

    Faster than their trie where the strings' first characters are common (会, 有, 一): led by
    the class of first characters, `re` skips in C to the next position where one stands,
    where a trie would be entered and fail through every branch. There a string of one
    character is found at once; for the others a look-ahead for a possible second character
    passes over most positions, and only then is the trie tried, from the first character (the
    look-behind steps back over it). A string that opens with a string of one character is
    left out: that one stands wherever it does, and is the shorter."""
    strings = set(strings)
    if not strings:
        return "(?!)"
    single = {s for s in strings if len(s) == 1}
    longer = {s for s in strings if len(s) > 1 and s[0] not in single}
    checks = [f"(?<={_class(single)})"] if single else []
    if longer:
        checks.append(f"(?={_class({s[1] for s in longer})})")
    check = checks[0] if len(checks) == 1 else "(?:" + "|".join(checks) + ")"
    found = trie(single | longer)
    return f"(?s){_class({s[0] for s in longer} | single)}{check}(?<=(?=({found})).)"


def _class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _first_cased(string: str) -> int:
    return next(i for i, c in enumerate(string) if is_cased(c))


def _variants(c: str) -> set[str]:
    if c.lower() == c.upper() and c.lower() not in ODD_CASE:
        return {c}
    low = c.lower()
    return {low, low.upper(), *ODD_CASE.get(low, "")}


def plain_pattern(strings: Iterable[str]) -> re.Pattern[str]:
    """A `re` pattern that finds any of `strings` (uncased, non-empty) as a substring: one
    search in C instead of a substring test per string."""
    return patterns.compile_re(trie(strings))


def trie(strings: Iterable[str]) -> str:
    """A pattern for any of `strings` (non-empty) that branches on one character at a time,
    so that `re` tries few alternatives at a position. The tries the package builds are read
    from extractor/_triggers.py; any other is built here."""
    ordered = tuple(sorted(set(strings)))
    known = TRIES.get(ordered)
    return known if known is not None else _trie(ordered)


def _trie(strings: Sequence[str]) -> str:
    groups: dict[str, list[str]] = {}
    for s in strings:
        groups.setdefault(s[0], []).append(s[1:])
    alternatives = []
    for first, rests in sorted(groups.items()):
        if "" in rests:  # the shorter string alone is enough
            alternatives.append(re.escape(first))
        else:
            alternatives.append(re.escape(first) + _trie(rests))
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"
