"""regions: [Line] and [MarkerHit] → the closing; [Node] and [Line] → roles, achievements,
problems, tasks.

Three passes, each reading cue tables from lexicon.py:

1. The closing (`find_closing`), after the last marker: the first paragraph among the last few
   that opens with an exclaimed address (同志们！, 主席先生、各位同事！) and no longer deploys
   work, else the last address with a comma, or the first that sums up (总之，最后，); inside
   the last paragraph (a crawl saved as one line) the last exclaimed address or summing up;
   failing those, the first plain closing (让我们…, 谢谢大家, 请予审议, 我们相信，只要…). It is
   found before the tree is built, and the pipeline ends the sections before it, so that
   `classify` reads sections that never reach into it.
2. Roles of sections, from the heading (认清形势 → situation, 工作回顾 → achievements, 存在的问题
   → problems, an imperative verb or 任务/要求/措施 → tasks) and, where the heading only gives
   a verb, from the opening sentence (「2020年，…取得了较为显著的成果。」 is a review, whatever
   verb its heading opens with). A section without a cue of its own inherits its parent's role;
   under a task section, everything is a task. A run of sibling markers then takes its role
   from the sentence that leads into it: after 「我强调几点」 it is the task list, after a
   problem or a review it is no task list; points that say what must be done (党要…) are tasks.
3. Review and problem runs, sentence by sentence, outside task sections: a sentence with a review
   cue opens an achievements run, one with a problem cue a problems run (from the first clause
   that sets the problem out). A problem named in passing holds its sentence; a run announced
   (主要是：) goes to its first full stop, one opened by a general lead (仍然存在一些突出矛盾和
   问题) to the end of the paragraph, and every run stops at a summary, thanks or the turn to
   remedies (对此，要…，必须…). Inside task sections, a problem opens a run of its own that goes
   on only through what carries it (有的…；有的…, 比如…; an announced list to its full stop)
   and ends at the turn to remedies or the paragraph's end. A run of headings announced as
   shortfalls (这些缺点表现为：) is problems, inside a task section too, headings included.
   Paragraphs of a section whose role is achievements or problems are in that run by default.

Where no cue decides, the role is `other` and nothing is reported: a missing answer costs
users less than a wrong one.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Final, NamedTuple, TypeAlias

from extractor import lexicon, patterns
from extractor.markers import Anchor, MarkerHit
from extractor.source import Line
from extractor.tree import Node
from extractor.triggers import (
    first_led,
    openers,
    plain_pattern,
    reaches,
    skeleton,
    triggers,
    widest,
)
from schemas import Role
from schemas.vocab import Span

if TYPE_CHECKING:
    import regex

# Members read by name: under Python 3.11 every read of `Role.TASKS` goes through EnumType's
# __getattr__ hook (about 0.1 µs, ten times a global's), and the runs read them sentence by
# sentence. 3.12 dropped the hook.
ACHIEVEMENTS: Final = Role.ACHIEVEMENTS
PROBLEMS: Final = Role.PROBLEMS
TASKS: Final = Role.TASKS
OTHER: Final = Role.OTHER
SITUATION: Final = Role.SITUATION
SENTENCE: Final = Anchor.SENTENCE
LINE: Final = Anchor.LINE
ANYWHERE: Final = lexicon.MatchMode.ANYWHERE

_HEADING_CUES: Final = tuple(cue for cue in lexicon.HEADING_CUES if cue.role is not None)
# A negative look-behind, nested groups and all: dropped, it leaves a pattern that matches more.
_NEGATIVE_LOOK_BEHIND: Final = patterns.compile(r"\(\?<!(?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")
_REVIEW_CUES: Final = (lexicon.REVIEW_SPAN, lexicon.REVIEW_YEAR, lexicon.REVIEW_RESULT)
_PROBLEM_PATTERNS: Final = (lexicon._PROBLEM_CUES,)
_REVIEW_PATTERNS: Final = tuple(cue.pattern for cue in _REVIEW_CUES)
# A time span looking back (五年来) or a report of past work announced (…以来的工作报告).
_LOOKING_BACK: Final = (lexicon.REVIEW_SPAN.pattern, lexicon.REVIEW_ANNOUNCED.pattern)
# Whatever can open a run in a paragraph: a paragraph with none of their hints is passed over.
_OPENING_PATTERNS: Final = (
    _PROBLEM_PATTERNS + _REVIEW_PATTERNS + _LOOKING_BACK + (lexicon.PROBLEM_LISTED.pattern,)
)
# Rows asked about in every sentence of a run whose hints are rare (主要任务是, 以上就是):
# most sentences are spared their patterns.
_RARE_TURNS: Final = (lexicon.PURPOSE, lexicon.REVIEW_CLOSES)
# What can turn an achievements run at a sentence: a problem cue (it opens a problems run), a
# purpose (主要任务是) or the review closing (以上就是). A sentence with none of their hints and
# no other turn goes on with the run without `_next_mode` (see `_runs`).
_REVIEW_TURNS: Final = _PROBLEM_PATTERNS + tuple(row.pattern for row in _RARE_TURNS)
# Every set of patterns a hint is built for (see `_hint_strings`); one scan finds the hints of
# all but `_APART` (`_hint_scan`). tools/gen_triggers.py and tools/gen_programs.py build the
# scans ahead of the runs (`build_hints`).
HINTED: Final = (
    _PROBLEM_PATTERNS,
    _REVIEW_PATTERNS,
    _LOOKING_BACK,
    _OPENING_PATTERNS,
    *((row.pattern,) for row in (lexicon.REVIEW_END, lexicon.REVIEW_STOP, *_REVIEW_CUES)),
    (lexicon.REVIEW_ANNOUNCED.pattern,),
    *((row.pattern,) for row in _RARE_TURNS),
    _REVIEW_TURNS,
    (lexicon.FORWARD.pattern,),
)
_PROBLEM_HINT: Final = HINTED.index(_PROBLEM_PATTERNS)
_REVIEW_HINT: Final = HINTED.index(_REVIEW_PATTERNS)
_LOOKING_BACK_HINT: Final = HINTED.index(_LOOKING_BACK)
_OPENING_HINT: Final = HINTED.index(_OPENING_PATTERNS)
_REVIEW_TURNS_HINT: Final = HINTED.index(_REVIEW_TURNS)
# Rows asked about in few sentences (in a review run, after a review cue, of a review) whose
# hints stand in most paragraphs (的关键…, 结, 要确保): their hints are looked for in the stretch
# asked about, not in the scan of the whole text. They are what makes a sentence with a review
# cue no review (see `_review_cue`): it looks ahead, demands, or turns to criticism.
_TURNING_AWAY: Final = (lexicon.FORWARD, lexicon.REVIEW_END, lexicon.REVIEW_STOP)
_APART: Final = tuple((row.pattern,) for row in _TURNING_AWAY)
# The patterns of _TURNING_AWAY, whose hints `_review_cue` looks for in one scan first.
_TURNS_AWAY: Final = tuple(row.pattern for row in _TURNING_AWAY)
# The rows tried alone that match anywhere.
_ALONE_ANYWHERE: Final = tuple(
    row for row in (*_REVIEW_CUES, lexicon.REVIEW_ANNOUNCED, *_RARE_TURNS) if row.mode is ANYWHERE
)
# The sets whose hints also bound where a match can start (see `_Hints.search`): the problem
# cues, looked for over whole paragraphs, and the rows tried alone that match anywhere.
REACHED: Final = (_PROBLEM_PATTERNS, *((row.pattern,) for row in _ALONE_ANYWHERE))
# The rows `_Hints.search` tries position by position before a hint (those of REACHED, and
# the turns away from a review tried alone): a position whose character opens none of a row's
# matches is skipped (see triggers.openers). tools/gen_triggers.py tables what they need.
_SEARCHED_ALONE: Final = tuple(
    row for row in (*_TURNING_AWAY, *_ALONE_ANYWHERE) if row.mode is ANYWHERE
)
SEARCHED: Final = (lexicon.PROBLEM, *_SEARCHED_ALONE)
# Rows matched at the start of a sentence, asked about in most sentences of a run or a task
# section, that few sentences open as they do (总之, 要…, 不仅…): see `_opens`.
OPENED: Final = (
    lexicon.RUN_END,
    lexicon.TURN_TO_TASKS,
    lexicon.POINT,
    lexicon.IMPERATIVE,
    lexicon.CLOSING_SUMMARY,
    lexicon.PROBLEM_TURN,
    lexicon.PROBLEM_LEAD,
    lexicon.PROBLEM_LISTED,
    lexicon.PROBLEM_GOES_ON,
)
# The hint of a row tried alone (see `_hinted`), by its pattern.
_ROW_HINTS: Final = {hinted[0]: i for i, hinted in enumerate(HINTED) if len(hinted) == 1}


def hint_patterns(
    patterns: tuple[str, ...] = _PROBLEM_PATTERNS + _REVIEW_PATTERNS,
) -> list[str]:
    """The patterns whose triggers make a hint: negative look-behinds dropped."""
    return [_NEGATIVE_LOOK_BEHIND.sub("", pattern) for pattern in patterns]


@functools.cache
def _hint_strings(patterns: tuple[str, ...]) -> frozenset[str] | None:
    """Strings one of which every match of `patterns` holds (their triggers, with negative
    look-behinds dropped: patterns that match more). Most sentences hold none, and the hint
    spares them the full patterns. None when a pattern has no such strings: then every stretch
    is tried."""
    found = [triggers(pattern) for pattern in hint_patterns(patterns)]
    if not all(found):
        return None
    return frozenset(t for strings in found if strings for t in strings)


@functools.cache
def _hint(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """A plain scan for the hint strings of `patterns` (see `_hint_strings`), built on first
    use, or None."""
    strings = _hint_strings(patterns)
    return None if strings is None else plain_pattern(strings)


def build_hints() -> None:
    """Build the hint scans a run uses."""
    _hint_scan()
    for hinted in (*_APART, _TURNS_AWAY):
        _hint(hinted)
    for row in SEARCHED:
        _skeleton(row.pattern)
    _search_filters()
    _metric()
    _addressee_hint()
    _hint((lexicon.CLOSING_PLAIN.pattern,))


@functools.cache
def _hint_reaches(patterns: tuple[str, ...]) -> dict[str, int] | None:
    """For each hint string of `patterns`, how far into a match of one of them it stands at
    most (see triggers.reaches); None when that is not bounded."""
    found = [reaches(pattern) for pattern in hint_patterns(patterns)]
    if not all(found):
        return None
    out: dict[str, int] = {}
    for reach in found:
        for string, n in (reach or {}).items():
            out[string] = max(out.get(string, 0), n)
    return out


# For each string the hint scan finds, the hint strings that open with it (itself included),
# shortest first, each with the sets of HINTED it is a hint of.
_Openings = dict[str, tuple[tuple[str, tuple[int, ...]], ...]]


@functools.cache
def _scanned() -> tuple[list[str], dict[str, tuple[int, ...]], dict[str, tuple[str, int]]]:
    """The hint strings the scan looks for, sorted; the sets of HINTED each is found for; and
    for every hint string of the sets but `_APART`, the string it is found as, with where that
    one stands in it.

    A hint string that ends with another (「建国以来」 with 「以来」) is found as the shortest
    such ending: where the longer stands, the ending stands inside it, so a stretch that holds
    the longer holds the ending, and a match that holds the longer starts no further back
    from the ending than `_opening_reaches` reaches. The ending becomes a hint of the longer
    one's sets too: they see it where they would have seen the longer string, and elsewhere
    (a stretch holding a hint is one tried, never one passed over). The scan, led by the
    strings' first characters, then stops at fewer and rarer characters (一, 建, 改…)."""
    sets = [None if hinted in _APART else _hint_strings(hinted) for hinted in HINTED]
    every = sorted(set().union(*(strings for strings in sets if strings is not None)))
    known = set(every)
    found_as = {string: _shortest_ending(string, known) for string in every}
    owners: dict[str, list[int]] = {}
    for k, strings in enumerate(sets):
        for string in strings or ():
            owners.setdefault(string, []).append(k)
    kept: dict[str, set[int]] = {}
    for string, (ending, _) in found_as.items():
        kept.setdefault(ending, set()).update(owners[string])
    return sorted(kept), {s: tuple(sorted(own)) for s, own in kept.items()}, found_as


def _shortest_ending(string: str, known: set[str]) -> tuple[str, int]:
    """The shortest of the `known` strings that `string` ends with (itself, when no other),
    and where it stands in `string`."""
    for at in range(len(string) - 1, 0, -1):
        if string[at:] in known:
            return string[at:], at
    return string, 0


@functools.cache
def _hint_scan() -> tuple[re.Pattern[str], _Openings]:
    """One plain scan for the hint strings of every set of HINTED but `_APART` (those
    `_scanned` keeps), built on first use, and what each string it finds opens (see
    `_Openings`): at a position the scan finds the shortest string only, and another set may
    hold only a longer one."""
    every, owners, _ = _scanned()
    openings: _Openings = {}
    for i, string in enumerate(every):
        # In sorted order, the strings that open with `string` follow it.
        group = []
        for longer in every[i:]:
            if not longer.startswith(string):
                break
            group.append((longer, owners[longer]))
        openings[string] = tuple(sorted(group, key=lambda pair: len(pair[0])))
    # Group 1 is the shortest string found at a position; `finditer` meets each position.
    return patterns.compile_re(first_led(every)), openings


@functools.cache
def _opening_reaches() -> tuple[dict[str, int] | None, ...]:
    """For each set of HINTED that REACHED lists, the reach of each of its hint strings taken
    as the shortest standing at a position: the most that any of its strings opening with it
    reaches (`_Hints` records the shortest only)."""
    found_as = _scanned()[2]
    out: list[dict[str, int] | None] = []
    for hinted in HINTED:
        found = _hint_reaches(hinted) if hinted in REACHED else None
        if found is None:
            out.append(None)
            continue
        # A string found as its ending (see `_scanned`): from there, a match holding it may
        # start as far back as it reaches, and as far as the ending stands in it.
        reach: dict[str, int] = {}
        for string, n in found.items():
            ending, at = found_as[string]
            reach[ending] = max(reach.get(ending, 0), n + at)
        strings = sorted(reach)
        widest: dict[str, int] = {}
        for i, string in enumerate(strings):
            # In sorted order, the strings that open with `string` follow it.
            n = 0
            for longer in strings[i:]:
                if not longer.startswith(string):
                    break
                n = max(n, reach[longer])
            widest[string] = n
        out.append(widest)
    return tuple(out)


class _Hints:
    """Where the hints of each set of HINTED stand in one text, from one scan of it: whether a
    stretch holds one (as a scan of the stretch alone would find it, wholly inside) is then a
    bisection."""

    __slots__ = (
        "_apart",
        "_ends",
        "_filters",
        "_folded",
        "_froms",
        "_last",
        "_patterns",
        "_starts",
    )

    def __init__(self, folded: str) -> None:
        self._folded = folded
        self._apart = _hint_layout()[0]
        # The row `search` tries for each set (see `_searched_patterns`), the filters of the
        # positions it tries, and the last stretch it was asked about with its answer.
        self._patterns = _searched_patterns()
        self._filters = _search_filters()
        self._last: list[tuple[int, int, regex.Match[str] | re.Match[str] | None] | None] = [
            None
        ] * len(HINTED)
        scan, openings = _hint_scan()
        reached = _opening_reaches()
        # Copies of what each set holds before the scan (see `_unscanned`): a set's lists are
        # made at its first hint, most sets find none in a short text.
        held_starts, held_ends, held_froms = _unscanned()
        starts, ends, froms = list(held_starts), list(held_ends), list(held_froms)
        # Hints may overlap (「五年来」 and 「年来」): the scan meets each position (see
        # `_hint_scan`).
        for m in scan.finditer(folded):
            position = m.start()
            for string, owners in openings[m.group(1)]:
                if folded.startswith(string, position):
                    for k in owners:
                        found = starts[k]
                        if found:
                            if found[-1] == position:
                                continue  # the shortest counts
                            found.append(position)
                            ends[k].append(position + len(string))
                        else:
                            starts[k] = [position]
                            ends[k] = [position + len(string)]
                        reach = reached[k]
                        if reach is not None:
                            back = froms[k]
                            if back:
                                back.append(position - reach[string])
                            else:
                                froms[k] = [position - reach[string]]
        self._starts = starts
        self._ends = ends
        self._froms = froms

    def holds(self, hinted: int, start: int, end: int) -> bool:
        """Whether [start, end) holds a hint of the set `HINTED[hinted]` (always, for a set
        without hints)."""
        apart = self._apart[hinted]
        if apart is not None:
            return apart.search(self._folded, start, end) is not None
        starts = self._starts[hinted]
        if starts is None:
            return True
        i = bisect.bisect_left(starts, start)
        # A hint that ends by `end` starts before it (hints are never empty): only those
        # starting inside the stretch are read, most often none or the first.
        ends = self._ends[hinted]
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                return True
            i += 1
        return False

    def next_start(self, hinted: int, position: int) -> int:
        """Where the first hint of the set `HINTED[hinted]` at or after `position` starts: the
        text's length when none does; `position` for a set without hints (any stretch may hold
        a match) or one `_APART` finds."""
        starts = self._starts[hinted]
        if starts is None or self._apart[hinted] is not None:
            return position
        i = bisect.bisect_left(starts, position)
        return starts[i] if i < len(starts) else len(self._folded)

    def search(self, hinted: int, start: int, end: int) -> regex.Match[str] | re.Match[str] | None:
        """`pattern.search(folded, start, end)` for the row searched for the set
        `HINTED[hinted]` (see `_searched_patterns`), tried only where a match can start:
        nowhere when the stretch holds no hint of the set; for a set that REACHED lists, from
        as far before each hint wholly inside the stretch as it reaches (see
        triggers.reaches) up to the hint, since every match holds one."""
        pattern = self._patterns[hinted]
        if pattern is None:
            raise ValueError(f"no row is searched for the hints of {HINTED[hinted]}")
        froms = self._froms[hinted]
        starts = self._starts[hinted]
        if froms is None or starts is None:
            if not self.holds(hinted, start, end):
                return None
            return pattern.search(self._folded, start, end)
        i = bisect.bisect_left(starts, start)
        if i == len(starts) or starts[i] >= end:
            return None  # most stretches: no hint of the set
        # A sentence is often asked about twice (whether its paragraph holds a review, then
        # which run it opens): the last answer for each set is kept.
        last = self._last[hinted]
        if last is not None and last[0] == start and last[1] == end:
            return last[2]
        ends = self._ends[hinted]
        windows = []
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                windows.append((max(start, froms[i]), starts[i] + 1))
            i += 1
        tried = start
        folded = self._folded
        # Nor can a match start at a character none of the pattern's matches opens with: most
        # positions of a window (some reach thirty characters back, 「…与…的差距」) are skipped
        # without entering the pattern. Nor where its skeleton, which `re` tries in a fraction
        # of the time, does not match.
        first, plain, match = self._filters[hinted]
        found = None
        # A match starting at one of these positions is the first that a search from `start`
        # finds: no position before it, in a window or not, starts one. The look-behinds of
        # `pattern` read the text before a position as in a search.
        for low, high in sorted(windows) if len(windows) > 1 else windows:
            for position in range(max(low, tried), high):
                if first is not None and folded[position] not in first:
                    continue
                if plain is not None and plain(folded, position, end) is None:
                    continue
                found = match(folded, position, end)
                if found is not None:
                    break
            if found is not None:
                break
            tried = max(tried, high)
        self._last[hinted] = (start, end, found)
        return found


@functools.cache
def _searched_patterns() -> list[regex.Pattern[str] | None]:
    """For each set of HINTED, the compiled row `_Hints.search` tries for it: the problem row
    for the problem cues, and each row with a set of its own that matches anywhere (see
    `_hinted`) for that set; None for the others. Read once a process: a row's `compiled`
    is a property, a call each time it is read."""
    found: list[regex.Pattern[str] | None] = [None for _ in HINTED]
    found[_PROBLEM_HINT] = lexicon.PROBLEM.compiled
    for row in _SEARCHED_ALONE:
        found[_ROW_HINTS[row.pattern]] = row.compiled
    return found


# What a set of HINTED holds before a hint of it is found. Shared: `_Hints` never adds to
# it, it puts a list of the set's own in its place.
_NONE_FOUND: Final[list[int]] = []


@functools.cache
def _unscanned() -> tuple[
    tuple[list[int] | None, ...], tuple[list[int], ...], tuple[list[int] | None, ...]
]:
    """What `_Hints` holds for each set of HINTED before its scan: its starts (None for a set
    without hint strings, see `_hint_layout`), its ends, and its `froms` (None for a set
    REACHED does not list), each `_NONE_FOUND` until a hint of the set is found."""
    _, unhinted = _hint_layout()
    starts = tuple(None if none else _NONE_FOUND for none in unhinted)
    froms = tuple(_NONE_FOUND if reach is not None else None for reach in _opening_reaches())
    return starts, (_NONE_FOUND,) * len(HINTED), froms


@functools.cache
def _search_filters() -> list[
    tuple[
        frozenset[str] | None,
        Callable[[str, int, int], re.Match[str] | None] | None,
        Callable[[str, int, int], regex.Match[str] | re.Match[str] | None],
    ]
]:
    """For each set of HINTED, what `_Hints.search` passes a position over by: the characters
    its row's matches open with, and its row's skeleton (None each, when not known); and how
    it matches the row at a position left (see `_problem_at` for the problem row, and
    `_RE_SEARCHED`)."""
    return [
        (None, None, _unsearched)
        if pattern is None
        else (
            _openers(pattern.pattern),
            _skeleton(pattern.pattern),
            _problem_at() if hinted == _PROBLEM_HINT else _row_match(pattern),
        )
        for hinted, pattern in enumerate(_searched_patterns())
    ]


# Rows `_Hints.search` tries that `re` matches as `regex` does (literals, classes, groups,
# repeats, look-arounds of one width; \s only inside a class, spelled there as `regex` reads
# it: see tests/test_regions.py). `re` reads a year's review (「去年…取得…」, looked for to the
# sentence's end) in a quarter of the time, a time span in half.
_RE_SEARCHED: Final = frozenset(row.pattern for row in (lexicon.REVIEW_SPAN, lexicon.REVIEW_YEAR))


def _row_match(
    pattern: regex.Pattern[str],
) -> Callable[[str, int, int], regex.Match[str] | re.Match[str] | None]:
    """`pattern.match`, under `re` for a row of `_RE_SEARCHED`."""
    if pattern.pattern in _RE_SEARCHED:
        return patterns.compile_re(pattern.pattern.replace(r"\s", patterns.WHITE_SPACE)).match
    return pattern.match


def _unsearched(folded: str, position: int, end: int) -> None:
    """What `_search_filters` gives a set without a row searched for it (never tried)."""
    raise ValueError("no row is searched for these hints")


# The problem row is `(?=CUES)(?<!ADDRESSED)CUES TAIL` (lexicon.PROBLEM_GUARD, then the rest):
# the look-ahead spares the look-behind where no cue stands, and `_Hints.search` tries a
# position only where the cues' skeleton matches. There `regex` spends twice as long on the
# look-behind (some thirty words, each followed by up to twenty characters) as on the cues:
# `_problem_at` asks `re` instead, from the look-behind's pieces (lexicon.ADDRESSING).


def _problem_at() -> Callable[[str, int, int], regex.Match[str] | None]:
    """`lexicon.PROBLEM.compiled.match`: the same match at a position, built once (see
    `_search_filters`)."""
    # What the look-behind refuses, ending where the stretch searched ends (`\Z` at `endpos`):
    # one alternative for each word, opening with it, so that `re` skips in C to where a word
    # stands; no stretch that ends at the position and starts before `reach` matches.
    addressing = [
        (word, f"{gap}{{0,{most}}}", most)
        for words, gap, most in lexicon.ADDRESSING
        for word in words.split("|")
    ]
    refused = patterns.compile_re("|".join(f"{word}{gap}\\Z" for word, gap, _ in addressing)).search
    reach = max(len(word) + most for word, _, most in addressing)
    rest = patterns.compile(lexicon.PROBLEM.pattern.removeprefix(lexicon.PROBLEM_GUARD)).match

    def match(folded: str, position: int, end: int) -> regex.Match[str] | None:
        if refused(folded, max(0, position - reach), position) is not None:
            return None
        return rest(folded, position, end)

    return match


@functools.cache
def _hint_layout() -> tuple[list[re.Pattern[str] | None], tuple[bool, ...]]:
    """For each set of HINTED, the scan that `_Hints` runs apart for it (see `_APART`), or
    None; and whether it has no hint strings (every stretch may hold a match)."""
    apart = [_hint(hinted) if hinted in _APART else None for hinted in HINTED]
    return apart, tuple(_hint_strings(hinted) is None for hinted in HINTED)


# The text whose hints were found last, and its hints: the one `classify` is reading.
_last_hints: tuple[str, _Hints] | None = None


def _hints(folded: str) -> _Hints:
    """The hints of the text being classified, found when it is first asked about. Known by
    identity, not equality: a text read again is scanned again (every parse does its whole
    work), comparing two long texts costs nothing, and only the text at hand is held."""
    global _last_hints
    last = _last_hints
    if last is not None and last[0] is folded:
        return last[1]
    hints = _Hints(folded)
    _last_hints = (folded, hints)
    return hints


def _forget_hints() -> None:
    """Let the text just classified and its hints go."""
    global _last_hints
    _last_hints = None


_TASK_HEADING: Final = next(cue for cue in _HEADING_CUES if cue.role is TASKS)
# How far back the sentence that leads into a run of markers is looked for.
_LEAD_REACH: Final = 160
# Items go sentence by sentence, where ；and ： end a sentence too (「一是…；二是…」 are two
# items); closing quotes and brackets stay with the sentence they end. Plain classes, read
# sentence by sentence over every paragraph: `re` steps through them faster than `regex`.
_ITEM_SENTENCE: Final = patterns.compile_re(r"[^。!?;:]+(?:[。!?;:]+[”’」』)]*)?")
# The item sentences of a stretch as `_strip` leaves them (group 1), those it leaves empty
# passed over: the same matches found at the same places, less the white space at either end
# (`re`'s \s is str.isspace). A match opens where an item sentence does, at a character that
# ends none; white space opening it is skipped; a sentence with its end (and closing quotes)
# ends there, one without (it runs to the stretch's end) at its last character that is not
# white space, and the white space after it opens no item sentence that `_strip` leaves
# non-empty. One match per sentence instead of a match and a walk in Python.
_STRIPPED_SENTENCE: Final = patterns.compile_re(
    r"(?=[^。!?;:])\s*([^。!?;:]*[。!?;:]+[”’」』)]*|[^。!?;:]*[^\s。!?;:])"
)
# The last item sentence end (see `_STRIPPED_SENTENCE`) in a stretch, in one match: a sentence
# end that neither another sentence end nor a closing mark follows, where a sentence read
# through it ends, and one passed over leaves the next to open. Greedy, it backs off from the
# stretch's end to the first it meets.
_LAST_SENTENCE_END: Final = patterns.compile_re(r"(?s).*[。!?;:](?=[^。!?;:”’」』)])")
# How far before the next hint a quiet walk (see `_runs`) looks for a sentence end to go on
# from: a search costs about what reading a sentence does.
_QUIET_JUMP: Final = 64
# Whether a stretch holds an item sentence that `_strip` leaves non-empty: a character that is
# neither white space (str.isspace: regex's \s less \x1c-\x1f) nor a sentence end, or any
# character before a sentence end. One search instead of a walk over the sentences.
_HAS_SENTENCE: Final = patterns.compile(r"[^\s\x1c-\x1f。!?;:]|[^。!?;:][。!?;:]")
_DIGIT: Final = re.compile("[0-9]")
_CLAUSE_BREAK: Final = patterns.compile_re(r"[,:]")
# The stretch up to the last sentence end in a window, in one match: greedy, it backs off from
# the window's end to the first sentence end it meets (see `_lead`).
_LAST_STOP: Final = patterns.compile_re(r"(?s).*[。!?;]")
# The noun a topic heading ends in (「…的关系」「…的问题」), after any closing punctuation.
_TOPIC_ENDING: Final = patterns.compile(r"的\p{Han}{1,4}(?=[。.:]?\s*$)")
_CONTRAST: Final = patterns.compile(r"但(?:是)?|然而|不过|可是")
_PRAISE: Final = next(cue for cue in _HEADING_CUES if cue.role is ACHIEVEMENTS)
# Rows that `re` matches as `regex` does (literals, groups, alternations and repeats: see
# tests/test_regions.py), read at every heading (see `_heading_role`): `regex` tries their long
# alternations branch by branch, `re` fails most branches at their first character, in a third
# of the time for IMPERATIVE and half for the situation cue.
_RE_ROWS: Final = (
    lexicon.IMPERATIVE,
    next(cue for cue in _HEADING_CUES if cue.role is SITUATION),
)
# Each row's `find` under `re`, by its pattern.
_RE_FINDS: Final[dict[str, Callable[[str, int, int], re.Match[str] | None]]] = {
    row.pattern: (
        patterns.compile_re(row.pattern).match
        if row.mode is lexicon.MatchMode.AT_START
        else patterns.compile_re(row.pattern).search
    )
    for row in _RE_ROWS
}
# A heading's role is achievements only where one of these finds (see `_heading_role`).
_ACHIEVEMENTS_HEADINGS: Final = tuple(cue for cue in _HEADING_CUES if cue.role is ACHIEVEMENTS)
_PAUSE_END: Final = frozenset("。!?”’」』)")
# What ends an item sentence (see `_ITEM_SENTENCE`): no figure holds one, so the figures of two
# sentences joined after one are those of each.
_SENTENCE_MARK: Final = frozenset("。!?;:”’」』)")
_FULL_STOP: Final = frozenset("。!?”’」』")
# The closing is looked for among the last few paragraphs only, and inside the last paragraph
# among its last sentences.
_CLOSING_WINDOW: Final = 4
_CLOSING_REACH: Final = 1200
_ADDRESS_ALONE: Final = 16
# A heading without a marker: a short line without a sentence end or pause.
_BARE_HEADING: Final = 40
_BARE_HEADING_TEXT: Final = patterns.compile(r"[^。!?;:]+(?<![,、])")
# How far into a sentence the time span that opens a review may stand (「经过近十年来的努力」).
_SPAN_OPENS: Final = 8
_SPAN_REACH: Final = _SPAN_OPENS + 16
# The first character of an editor's note (「*这是…」「（这是…」).
_NOTE_OPENS: Final = frozenset("*※(")
_NOTE_REACH: Final = 12
# A dash item (「——这五年…」): after a review paragraph, it goes on with the review.
_REVIEW_DASH: Final = patterns.compile(r"\s*(?:——|—|－－)")


class _Hold(Enum):
    """How far a problems run inside a task section goes on past its first sentence."""

    PASSING = "passing"  # through sentences that carry it on (有的…, 比如…, 同时…)
    ANNOUNCED = "announced"  # 主要是：…: to its first full stop


PASSING: Final = _Hold.PASSING
ANNOUNCED: Final = _Hold.ANNOUNCED


class Verdict(NamedTuple):
    """A section's role and the cue that decided it (None when inherited or undecided)."""

    role: Role
    cue: Span | None = None


class Finding(NamedTuple):
    """An achievement or problem: its span, the markers of the section holding it, its
    figures as (span, value, unit span). A tuple: a run builds one per sentence."""

    span: Span
    section: tuple[Span, ...]
    metrics: tuple[tuple[Span, float, Span], ...]


# Read-only to the type checker (Final), as a frozen dataclass is at run time, without its
# cost (see tree.Node): its __init__ would set each field through object.__setattr__, about
# 9 K instructions of every call, as much as reading a short paragraph.
@dataclass(slots=True)
class Regions:
    """What classify() found; sections are keyed by their marker's start."""

    verdicts: Final[dict[int, Verdict]] = field(default_factory=dict)
    achievements: Final[list[Finding]] = field(default_factory=list)
    problems: Final[list[Finding]] = field(default_factory=list)
    tasks: Final[list[int]] = field(default_factory=list)
    points: Final[dict[int, list[Span]]] = field(default_factory=dict)


def classify(sections: Sequence[Node], lines: Sequence[Line], closing: Span | None) -> Regions:
    """Find each section's role, the review and problem items before the `closing`, the task
    sections and their points. No section may reach into the closing (see `clip_tree`)."""
    try:
        return _classify(sections, lines, closing)
    finally:
        _forget_hints()


def _classify(sections: Sequence[Node], lines: Sequence[Line], closing: Span | None) -> Regions:
    content = [ln for ln in lines if ln.body < ln.end]
    if not content:
        return Regions()
    folded = content[0].source.folded
    verdicts: dict[int, Verdict] = {}
    for node in sections:
        _judge(node, None, verdicts, folded)
    runs = _SiblingRuns(folded)
    _align_topics(sections, verdicts, folded, runs)
    _align_top_runs(sections, verdicts)
    _align_by_lead(sections, verdicts, folded, runs)
    _problems_by_lead(sections, verdicts, folded, runs)
    del runs  # not held through the runs of sentences, where a parse peaks
    index = _NodeIndex(sections)
    limit = closing[0] if closing else len(folded)
    achievements, problems = _runs(content, index, verdicts, folded, limit)
    for role, items in ((ACHIEVEMENTS, achievements), (PROBLEMS, problems)):
        _mark_enumerations(items, role, index, verdicts)
    task_nodes = list(_outermost(sections, verdicts, TASKS))
    points = {
        n.marker.start: spans
        for n in task_nodes
        if not n.children and len(spans := _points(n, folded)) >= 2
    }
    tasks = [n.marker.start for n in task_nodes]
    return Regions(verdicts, achievements, problems, tasks, points)


# --- 1. The closing ---------------------------------------------------------------------


def find_closing(lines: Sequence[Line], markers: Sequence[MarkerHit]) -> Span | None:
    """The closing words, looked for after the last marker among the last few paragraphs and,
    inside the last one, among its last sentences (see `_closing_start`), to the end of the text
    (white space trimmed). None when nothing there closes."""
    # The last paragraphs with content, read from the end: one more than the window, or all.
    tail: list[Line] = []
    for ln in reversed(lines):
        if ln.body < ln.end:
            tail.append(ln)
            if len(tail) > _CLOSING_WINDOW:
                break
    if not tail:
        return None
    # The first line is the title, unless the crawl kept the whole speech on one line.
    if 1 < len(tail) <= _CLOSING_WINDOW:
        tail.pop()  # all the paragraphs were read: the last read is the title
    last_marker = markers[-1].start if markers else -1
    # Lines come in order, so those after the last marker are the last ones.
    window = [ln for ln in reversed(tail[:_CLOSING_WINDOW]) if ln.end > last_marker]
    if not window:
        return None
    folded = window[0].source.folded
    opening = _closing_start(window, folded, last_marker)
    if opening is None:
        return None
    end = window[-1].end
    while end > opening and folded[end - 1].isspace():
        end -= 1
    return (opening, end) if end > opening else None


def _closing_start(window: Sequence[Line], folded: str, last_marker: int) -> int | None:
    """Where the closing opens: the first addressed paragraph of the window, the last address
    inside the last paragraph, the first 总之，/最后，; failing those, the first plain cue."""
    last = window[-1]
    end = last.end
    paragraphs = [ln.body for ln in window if ln.body > last_marker]
    inner_from = max(last.body + 1, last_marker + 1, end - _CLOSING_REACH)
    inner = _sentence_starts(folded, inner_from, end)
    # An exclaimed address (同志们！) opens the closing's run of paragraphs; one with a comma
    # may still carry the last section's work (各位代表，…我们要…), so only the last counts.
    # The first exclaimed one that no longer deploys is the one: the paragraphs after it are
    # not asked.
    find, inline = lexicon.CLOSING.find, lexicon.CLOSING_INLINE.find
    # Both open with an addressee, which holds one of its triggers within its reach: most
    # paragraphs hold none there and are spared the full pattern (see `_addressee_hint`).
    hint, reach = _addressee_hint()
    addressed = exclaimed = opening = None
    for p in paragraphs:
        if hint(folded, p, min(end, p + reach)) is not None and find(folded, p, end):
            addressed = p
            if inline(folded, p, end):
                exclaimed = p
                if not _deploys(folded, p, _paragraph_end(window, p)):
                    opening = p
                    break
    if opening is None:
        opening = exclaimed if exclaimed is not None else addressed
    # An exclaimed address ends on its 「！」: a sentence after the last one opens none. The
    # last sentence that opens one, looked for from the end.
    exclaims = folded.rfind(_EXCLAIMED, inner_from, end)
    if exclaims >= 0:
        for p in reversed(inner):
            if (
                p <= exclaims
                and hint(folded, p, min(end, p + reach)) is not None
                and inline(folded, p, end)
            ):
                if opening == last.body:
                    opening = None  # the last paragraph addresses its audience again
                opening = p if opening is None else min(opening, p)
                break
    # 总之，最后， open with one of a few characters: the other sentences are not tried.
    summing_up = _first_start(_summing_up, folded, paragraphs, inner, end)
    if summing_up is not None:
        opening = summing_up if opening is None else min(opening, summing_up)
    if opening is not None:
        return opening
    return _first_start(lexicon.CLOSING_PLAIN.find, folded, paragraphs, inner, end)


# Lexicon's addressee as `re` reads it, which knows no \\p{Han}: any character in its place
# matches more, so the triggers and the reach read from it hold for the addressee itself.
# tools/gen_triggers.py tables its triggers.
ADDRESSEE_LOOSE: Final = lexicon._ADDRESSEE.replace(r"\p{Han}", "(?s:.)")
# The patterns beside HINTED whose triggers the closing asks for.
CLOSING_TRIGGERED: Final = (ADDRESSEE_LOOSE, lexicon.CLOSING_PLAIN.pattern)


@functools.cache
def _addressee_hint() -> tuple[Callable[[str, int, int], object], int]:
    """A plain search for the triggers of lexicon's addressee, and how far from its start an
    addressee ends at most: a match of CLOSING or CLOSING_INLINE at a position holds one of
    them that far from it. For rows of another shape, a search that finds at any position."""
    addressee = lexicon._ADDRESSEE
    strings = triggers(ADDRESSEE_LOOSE)
    width = widest(ADDRESSEE_LOOSE)
    if (
        strings is None
        or width is None
        or not all(
            row.pattern.startswith(addressee) for row in (lexicon.CLOSING, lexicon.CLOSING_INLINE)
        )
    ):
        return patterns.compile_re("").search, 0
    return plain_pattern(strings).search, width


def _summing_up(folded: str, start: int, end: int) -> regex.Match[str] | re.Match[str] | None:
    """Whether the sentence at `start` sums up (总之，最后，)."""
    return _opens(lexicon.CLOSING_SUMMARY, folded, start, end)


def _first_start(
    find: Callable[[str, int, int], object],
    folded: str,
    paragraphs: list[int],
    inner: list[int],
    end: int,
) -> int | None:
    """The first of the starts in `paragraphs` and `inner` (each in order) where `find`
    matches up to `end`: the first of each list, the earlier of the two."""
    first = None
    for starts in (paragraphs, inner):
        for p in starts:
            if first is not None and p >= first:
                break
            if find(folded, p, end):
                first = p
                break
    return first


# What every exclaimed address (lexicon.CLOSING_INLINE) ends with.
_EXCLAIMED: Final = "!"
# A sentence opens after 。！？ and any closing quote, past white space (see `_sentence_starts`).
_SENTENCE_ENDS: Final = "。!?"
_CLOSING_QUOTES: Final = frozenset("”’」』)")


def _sentence_starts(folded: str, start: int, end: int) -> list[int]:
    """Where a sentence opens in [start, end): the first character that is not white space
    after a position in [start, end) that 。！？ or 。！？ and a closing quote stand before (they
    may stand before `start`), one for each such position, in order. White space is `regex`'s
    \\s, which is str.isspace less the separators \\x1c-\\x1f; a sentence end is found with
    str.find, a character at a time in C."""
    ends: list[int] = []
    low = max(0, start - 2)
    for stop in _SENTENCE_ENDS:
        at = folded.find(stop, low, end)
        while at >= 0:
            ends.append(at)
            at = folded.find(stop, at + 1, end)
    ends.sort()
    out: list[int] = []
    for at in ends:
        after = at + 1
        # After the stop, and after its closing quote: both positions may open a sentence.
        for p in (
            (after, after + 1) if after < end and folded[after] in _CLOSING_QUOTES else (after,)
        ):
            if p < start:
                continue
            while p < end and folded[p].isspace() and folded[p] not in _SEPARATORS:
                p += 1
            if p < end:
                out.append(p)
    return out


# The information separators, white space to str.isspace and not to `regex`.
_SEPARATORS: Final = "\x1c\x1d\x1e\x1f"


def _paragraph_end(window: Sequence[Line], start: int) -> int:
    """The end of the paragraph opening at `start`; an address alone on its line (各位代表！)
    takes the next one with it."""
    for i, ln in enumerate(window):
        if ln.body == start:
            if i + 1 < len(window) and ln.end - ln.body <= _ADDRESS_ALONE:
                return window[i + 1].end
            return ln.end
    return start


def _deploys(folded: str, start: int, end: int) -> bool:
    """Whether a stretch still deploys work and makes no call to unite (让我们)."""
    # A match of CLOSING_PLAIN holds one of its triggers: `regex` walks its 「[^。!?]{0,16}?」
    # at every position of the paragraph, the plain scan of its triggers skips most in C.
    hint = _hint((lexicon.CLOSING_PLAIN.pattern,))
    if (hint is None or hint.search(folded, start, end)) and lexicon.CLOSING_PLAIN.compiled.search(
        folded, start, end
    ):
        return False
    return lexicon.CLOSING_DEPLOYS.find(folded, start, end) is not None


# --- 2. Roles of sections ---------------------------------------------------------------


def _problem(folded: str, start: int, end: int) -> regex.Match[str] | re.Match[str] | None:
    """The first problem cue in [start, end), found only where a hint of one stands."""
    return _hints(folded).search(_PROBLEM_HINT, start, end)


def _uncued(folded: str, start: int, end: int) -> bool:
    """Whether [start, end) holds no hint of what can open a run there: a problem cue, a
    review cue, a look back (`_LOOKING_BACK`: an announced report, a review inside a task
    section) or a list of shortfalls (`_listed`)."""
    return not _hints(folded).holds(_OPENING_HINT, start, end)


def _judge(node: Node, parent: Verdict | None, verdicts: dict[int, Verdict], folded: str) -> None:
    verdict = _verdict(node, parent, folded)
    verdicts[node.marker.start] = verdict
    if verdict.role is TASKS:
        # Its subtree is tasks (see `_verdict`): most sections of a speech, set without
        # asking each one.
        _all_tasks_below(node.children, verdicts)
        return
    for child in node.children:
        _judge(child, verdict, verdicts, folded)


def _all_tasks_below(nodes: Sequence[Node], verdicts: dict[int, Verdict]) -> None:
    """What `_judge` sets for `nodes` and their subtrees under a task section, in its order."""
    tasks = _INHERITED[TASKS]
    for node in nodes:
        verdicts[node.marker.start] = tasks
        if node.children:
            _all_tasks_below(node.children, verdicts)


# What a section inherits, by its parent's role: the role without the parent's cue. Verdicts
# are tuples, so every section may share one.
_INHERITED: Final = {role: Verdict(role) for role in Role}


def _verdict(node: Node, parent: Verdict | None, folded: str) -> Verdict:
    inherited = _INHERITED[parent.role if parent is not None else OTHER]
    if inherited.role is TASKS:
        return inherited  # the subtree of a task section is tasks, whatever its headings say
    m = node.marker
    if m.anchor is SENTENCE:
        # An enumeration's role comes from its section, or from the run it stands in (pass 3);
        # only where no section above gives one (at the top, or under a section without a
        # role, such as a bare 「二」) does its own lead sentence speak, and only to make it
        # a task.
        if inherited.role is not OTHER:
            return inherited
        if parent is not None:
            # Under a section, a point's nouns (领导, 措施) say little; what it asks does:
            # its heading's role is not asked.
            asks = _opens(
                lexicon.IMPERATIVE, folded, m.title_start, m.title_end
            ) or lexicon.OBLIGATION.find(folded, m.title_start, m.title_end)
            return Verdict(TASKS, asks.span()) if asks is not None else inherited
        role, cue, _ = _heading_role(folded, m.title_start, m.title_end)
        return Verdict(role, cue) if role is TASKS else inherited
    role, cue, by_verb = _heading_role(folded, m.title_start, m.title_end)
    if inherited.role in (ACHIEVEMENTS, PROBLEMS, SITUATION):
        # Under a review or a reading of the situation, only an explicit achievements/problems
        # heading changes the role: 「（一）做好党建工作是…的必然要求」 argues, it does not deploy.
        if role in (ACHIEVEMENTS, PROBLEMS) and not by_verb:
            return Verdict(role, cue)
        return inherited
    if role is OTHER or by_verb:
        opening = _opening_review(node, folded)
        if opening is not None:
            return Verdict(ACHIEVEMENTS, opening)
    if role is OTHER:
        return inherited
    return Verdict(role, cue)


def _align_topics(
    nodes: Sequence[Node],
    verdicts: dict[int, Verdict],
    folded: str,
    runs: _SiblingRuns,
    floor: int = 0,
) -> None:
    """Parallel headings that name topics with one noun (「一、当前和长远的关系」 …
    「三、扩大内需和稳定外需的关系」) share the run's role: a verb inside one of them (扩大)
    modifies the topic, it deploys nothing. A run qualifies when it has three headings or
    more, all ending in the same 「的X」, and fewer than half of them open with a verb."""
    for run, _ in runs.of(nodes, floor):
        if len(run) >= 3 and run[0].marker.anchor is not SENTENCE:
            endings = {_topic_ending(folded, n) for n in run}
            by_verb = [n for n in run if _opens_with_verb(n, verdicts)]
            if len(endings) == 1 and None not in endings and 2 * len(by_verb) < len(run):
                for node in by_verb:
                    verdict = verdicts[node.marker.start] = Verdict(OTHER)
                    for child in node.children:
                        _judge(child, verdict, verdicts, folded)
        for node in run:
            if node.children:
                _align_topics(node.children, verdicts, folded, runs, node.marker.title_end)


def _topic_ending(folded: str, node: Node) -> str | None:
    """The noun a heading's title ends in (「…的关系」), if it names a topic so."""
    m = _TOPIC_ENDING.search(folded, node.marker.title_start, node.marker.title_end)
    return m.group() if m else None


def _opens_with_verb(node: Node, verdicts: dict[int, Verdict]) -> bool:
    """Whether the heading is a task by a verb at the head of its title (「扩大…」)."""
    verdict = verdicts[node.marker.start]
    return (
        verdict.role is TASKS
        and verdict.cue is not None
        and verdict.cue[0] == node.marker.title_start
    )


def _align_top_runs(sections: Sequence[Node], verdicts: dict[int, Verdict]) -> None:
    """Points of one run where no section gives a role (第一，…第三，, at the top or under a
    section without one) do one job: when one of them is a task and the others have no role
    of their own, they are tasks too."""
    _align_run(sections, verdicts)
    for node in sections:
        if node.children and verdicts[node.marker.start].role is OTHER:
            _align_top_runs(node.children, verdicts)
            # A section that states no role of its own and whose points are tasks deploys
            # work: 「三　党对政权是采取指导与监督政策」 and its 「第一，党要…」 points.
            points = [c for c in node.children if c.marker.anchor is SENTENCE]
            if len(points) >= 2 and all(verdicts[c.marker.start].role is TASKS for c in points):
                verdicts[node.marker.start] = Verdict(TASKS)


def _align_run(sections: Sequence[Node], verdicts: dict[int, Verdict]) -> None:
    run: list[Node] = []
    for node in [*sections, None]:
        if (
            node is not None
            and node.marker.anchor is SENTENCE
            and (
                not run
                or (
                    node.marker.kind is run[-1].marker.kind
                    and node.marker.ordinal > run[-1].marker.ordinal
                )
            )
        ):
            run.append(node)
            continue
        if any(verdicts[n.marker.start].role is TASKS for n in run):
            for n in run:
                if verdicts[n.marker.start].role is OTHER:
                    verdicts[n.marker.start] = Verdict(TASKS)
        run = [node] if node is not None and node.marker.anchor is SENTENCE else []


def _align_by_lead(
    nodes: Sequence[Node],
    verdicts: dict[int, Verdict],
    folded: str,
    runs: _SiblingRuns,
    floor: int = 0,
    mixed: bool = False,
    above: Role = OTHER,
) -> None:
    """A run of sibling markers (under a section whose role is `above`) takes its role from
    the sentence that leads into it. After
    「我强调几点」 or 「要抓好以下几项重点工作」 the run is the task list (where its headings state
    no other role); after 「问题也不容忽视。」 or a review, an enumeration is no task list, and
    pass 3 reads it as the run it stands in. Under a heading that reviews and deploys
    (`mixed`: 「…发展成就和…主要目标任务」), a run that deploys leaves the review's role."""
    for run, lead in runs.of(nodes, floor):
        deploys = lexicon.DEPLOYMENT.find(folded, *lead)
        open_roles = (OTHER, ACHIEVEMENTS) if mixed else (OTHER,)
        if deploys is not None:
            for node in run:
                verdict = verdicts[node.marker.start]
                if verdict.role in open_roles and (verdict.role is OTHER or not verdict.cue):
                    _judge(node, Verdict(TASKS), verdicts, folded)
                    verdicts[node.marker.start] = Verdict(TASKS, deploys.span())
        elif run[0].marker.anchor is SENTENCE and (
            ((problem := _problem(folded, *lead)) or _review_cue(folded, *lead))
            and not lexicon.REMEDY.find(folded, *lead)
        ):
            # Points after a review say how the work was done (「一是聚焦主题、紧扣主线」), though
            # their titles open with a verb: they take the role of the section above, unless
            # they say what must be done (第一，必须…), a lesson drawn.
            reviewed = above in (OTHER, ACHIEVEMENTS) and not problem
            for node in run:
                if verdicts[node.marker.start].role is TASKS:
                    _judge(node, Verdict(OTHER), verdicts, folded)
                    lesson = lexicon.REMEDY.find(folded, node.marker.end, _title_end(node))
                    if reviewed and not lesson:
                        verdicts[node.marker.start] = Verdict(above)
        elif run[0].marker.anchor is SENTENCE and all(
            verdicts[n.marker.start].role in open_roles and not verdicts[n.marker.start].cue
            for n in run
        ):
            # Points that say what must be done (第一，党要…；第二，…必须…; 一是坚守职责使命…)
            # are tasks, under a heading that names them or not.
            m: regex.Match[str] | re.Match[str] | None
            musts = [
                m
                for n in run
                if (m := lexicon.REMEDY.find(folded, n.marker.end, _title_end(n)))
                or (m := _opens(lexicon.IMPERATIVE, folded, n.marker.title_start, _title_end(n)))
            ]
            if len(run) >= 2 and 2 * len(musts) >= len(run):
                for node in run:
                    _judge(node, Verdict(TASKS), verdicts, folded)
                    verdicts[node.marker.start] = Verdict(TASKS, musts[0].span())
        for node in run:
            if not node.children:
                continue  # most nodes: no run below to align
            _align_by_lead(
                node.children,
                verdicts,
                folded,
                runs,
                node.marker.title_end,
                _mixed(node, folded),
                verdicts[node.marker.start].role,
            )


def _problems_by_lead(
    nodes: Sequence[Node],
    verdicts: dict[int, Verdict],
    folded: str,
    runs: _SiblingRuns,
    floor: int = 0,
) -> None:
    """A run of sibling headings announced as shortfalls (「这些缺点表现为：」「主要问题是：」) sets
    them out, also inside a task section: its headings are problems where none says otherwise.
    Enumerations (一是…) are left to pass 3, which ends their run with the paragraph: each
    reaches to the next marker, over what the speaker says next."""
    for run, lead in runs.of(nodes, floor):
        # An enumeration is announced by nothing here (its lead is taken as empty), and an
        # empty stretch holds no problem cue.
        problem = _problem(folded, *lead) if run[0].marker.anchor is LINE else None
        if (
            problem is not None
            and lexicon.PROBLEM_ANNOUNCED.find(folded, *lead)
            and not lexicon.REMEDY.find(folded, *lead)
        ):
            for node in run:
                if verdicts[node.marker.start].cue is None:
                    _judge(node, Verdict(PROBLEMS), verdicts, folded)
                    verdicts[node.marker.start] = Verdict(PROBLEMS, problem.span())
        for node in run:
            if node.children:
                _problems_by_lead(node.children, verdicts, folded, runs, node.marker.title_end)


def _mixed(node: Node, folded: str) -> bool:
    """Whether a heading names a review and then a deployment (「成就和…任务」)."""
    m = node.marker
    found = _PRAISE.find(folded, m.title_start, m.title_end)
    return found is not None and _TASK_HEADING.find(folded, found.end(), m.title_end) is not None


def _title_end(node: Node) -> int:
    """The end of a point's first sentence (its title, or the sentence its marker opens)."""
    if node.marker.title_end > node.marker.end:
        return node.marker.title_end
    return min(node.end, node.marker.end + _LEAD_REACH)


class _SiblingRuns:
    """The runs of sibling markers of each list of nodes (`_sibling_runs`), each with the
    sentence that leads into it (`_lead`), found once for the three passes that read them in
    turn: the tree does not change under them. A list is known by identity (and the floor its
    leads stop at), as it lives while `classify` reads the tree."""

    __slots__ = ("_folded", "_known")

    def __init__(self, folded: str) -> None:
        self._folded = folded
        self._known: dict[tuple[int, int], list[tuple[list[Node], Span]]] = {}

    def of(self, nodes: Sequence[Node], floor: int) -> list[tuple[list[Node], Span]]:
        """The runs of `nodes`, whose leads reach back no further than `floor` (the end of
        their parent's title; 0 at the top)."""
        key = (id(nodes), floor)
        known = self._known.get(key)
        if known is None:
            folded = self._folded
            known = self._known[key] = [
                (run, _lead(folded, run[0].marker.start, floor)) for run in _sibling_runs(nodes)
            ]
        return known


def _sibling_runs(nodes: Sequence[Node]) -> Iterator[list[Node]]:
    run: list[Node] = []
    for node in nodes:
        if run and (
            node.marker.kind is not run[-1].marker.kind
            or node.marker.ordinal <= run[-1].marker.ordinal
        ):
            yield run  # another kind, or the count starts again: 一是…五是, then 一是…八是
            run = []
        run.append(node)
    if run:
        yield run


def _lead(folded: str, start: int, floor: int) -> Span:
    """The sentence right before `start` (not before `floor`): the one that leads into it."""
    end = start
    while end > floor and folded[end - 1].isspace():
        end -= 1
    begin = max(floor, end - _LEAD_REACH)
    stop = _LAST_STOP.match(folded, begin, end - 1)
    return (stop.end() if stop is not None else begin), end


def _heading_role(folded: str, start: int, end: int) -> tuple[Role, Span | None, bool]:
    """The role a heading states, its cue, and whether only an imperative verb decided it."""
    if start == end:
        return OTHER, None, False
    imperative = _opens(lexicon.IMPERATIVE, folded, start, end)
    for role, find in _heading_finds():
        if imperative and role in (ACHIEVEMENTS, PROBLEMS):
            continue
        m = find(folded, start, end)
        if m is not None and role is not None:
            return role, m.span(), False
    if imperative is not None:
        return TASKS, imperative.span(), True
    return OTHER, None, False


@functools.cache
def _heading_finds() -> tuple[tuple[Role | None, _Find], ...]:
    """The role and `find` (see `_find`) of each of _HEADING_CUES, read once."""
    return tuple((cue.role, _find(cue)) for cue in _HEADING_CUES)


def _opening_review(node: Node, folded: str) -> Span | None:
    """The review cue of the section's first sentence after its heading, if that sentence is
    a review and nothing else."""
    start = node.marker.title_end
    while start < node.end and folded[start] in "。!?;: \t\r\n\u2028\u2029":
        start += 1
    m = _ITEM_SENTENCE.match(folded, start, node.end)
    if m is None or not _hints(folded).holds(_REVIEW_HINT, m.start(), m.end()):
        return None  # most sections: no review cue, as `_review_cue` would find first
    if _problem(folded, m.start(), m.end()):
        return None  # 「近年来…取得成效，但…不容忽视」 leads into a task, not a review
    return _review_cue(folded, m.start(), m.end())


# The sets of HINTED that `_hinted` searches for _REVIEW_CUES, rows that match anywhere (a test
# holds them to it): what `_review_cue` asks of the hints at hand, in their order, without a
# look-up for each.
_REVIEW_SEARCHED: Final = tuple(_ROW_HINTS[cue.pattern] for cue in _REVIEW_CUES)
# The set `_hinted` searches for lexicon.PURPOSE, a row that matches anywhere, as `_next_mode`
# asks it of the hints at hand.
_PURPOSE_SEARCHED: Final = _ROW_HINTS[lexicon.PURPOSE.pattern]


def _review_cue(folded: str, start: int, end: int) -> Span | None:
    hints = _hints(folded)
    if not hints.holds(_REVIEW_HINT, start, end):
        return None
    for hinted in _REVIEW_SEARCHED:
        m = hints.search(hinted, start, end)
        if m is not None:
            # A sentence about the future (「明年要实现新突破」) reviews nothing; nor does a
            # question (「…我们看到了些什么呢？」) or one that turns to what comes next or to
            # criticism (「就一年来的工作提出批评意见」). Asked only of a sentence with a cue:
            # most sentences with a review hint (a year, a date line) hold none. Most
            # sentences with a cue hold no hint of any of the three either: one scan for the
            # hints of all three spares the three scans for each one's (see `_APART`).
            if folded[end - 1] == "?":
                return None
            away = _hint(_TURNS_AWAY)
            if (away is None or away.search(folded, start, end) is not None) and (
                any(_hinted(row, folded, start, end) for row in _TURNING_AWAY)
            ):
                return None
            return m.span()
    return None


def _hinted(
    row: lexicon.Cue, folded: str, start: int, end: int
) -> regex.Match[str] | re.Match[str] | None:
    """`row.find`, tried only where a hint of the row stands (see `_hint_strings`), and for
    a row that matches anywhere, only where a match can start (`_Hints.search`)."""
    hints = _hints(folded)
    hinted = _ROW_HINTS[row.pattern]
    if row.mode is ANYWHERE:
        return hints.search(hinted, start, end)
    return row.find(folded, start, end) if hints.holds(hinted, start, end) else None


@functools.cache
def _openers(pattern: str) -> frozenset[str] | None:
    return openers(pattern)


@functools.cache
def _skeleton(pattern: str) -> Callable[[str, int, int], re.Match[str] | None] | None:
    """`match` of the skeleton of a row of SEARCHED (see triggers.skeleton), or None."""
    found = skeleton(pattern)
    return None if found is None else patterns.compile_re(found).match


_Find: TypeAlias = "Callable[[str, int, int], regex.Match[str] | re.Match[str] | None]"
# What `_opens` reads of a row, by its pattern: the characters its matches open with (see
# triggers.openers) and its `find`, under `re` for a row of _RE_ROWS. Made at the row's first
# use: one look-up where each was one.
_OPENED: Final[dict[str, tuple[frozenset[str] | None, _Find]]] = {}


def _opens(
    row: lexicon.Cue, folded: str, start: int, end: int
) -> regex.Match[str] | re.Match[str] | None:
    """`row.find` for a row of OPENED, tried only where the stretch opens with a character a
    match of the row can open with (see triggers.openers); under `re` for a row of _RE_ROWS."""
    first, find = _OPENED.get(row.pattern) or _opened(row)
    if first is not None and (start >= end or folded[start] not in first):
        return None
    return find(folded, start, end)


def _opened(row: lexicon.Cue) -> tuple[frozenset[str] | None, _Find]:
    found = (_openers(row.pattern), _find(row))
    _OPENED[row.pattern] = found
    return found


def _find(row: lexicon.Cue) -> _Find:
    """`row.find`, under `re` for a row of _RE_ROWS: the compiled pattern's own (the row's
    first `find` compiles it, then calls that one)."""
    find = _RE_FINDS.get(row.pattern)
    if find is not None:
        return find
    row.compiled  # noqa: B018 - compiles the row, setting its `find`
    return row.find


def _outermost(nodes: Sequence[Node], verdicts: dict[int, Verdict], role: Role) -> Iterator[Node]:
    for node in nodes:
        if verdicts[node.marker.start].role is role:
            yield node
        else:
            yield from _outermost(node.children, verdicts, role)


# --- 3. Review and problem runs ---------------------------------------------------------


class _Paths(dict[int, tuple[Span, ...]]):
    """By node index (-1: none), the markers from the outermost section down to the node, each
    made when first asked: a run reads one for each of its sentences, and most nodes (the
    points of a task list) are never asked, whose paths would be held through the runs. Made
    by `of`: dict's own __init__, without a Python-level one, is a call less per parse."""

    __slots__ = ("_index",)
    _index: _NodeIndex

    @staticmethod
    def of(index: _NodeIndex) -> _Paths:
        paths = _Paths({-1: ()})
        paths._index = index
        return paths

    def __missing__(self, i: int) -> tuple[Span, ...]:
        marker = self._index.nodes[i].marker
        path = self[i] = (*self[self._index.parents[i]], (marker.start, marker.end))
        return path


class _NodeIndex:
    """The innermost section at a position, by bisection over sections in document order."""

    def __init__(self, sections: Sequence[Node]) -> None:
        self.nodes: list[Node] = []
        self.parents: list[int] = []
        self._add(sections, -1)
        self.starts = [n.marker.start for n in self.nodes]
        self.paths = _Paths.of(self)

    def _add(self, nodes: Sequence[Node], parent: int) -> None:
        for node in nodes:
            self.nodes.append(node)
            self.parents.append(parent)
            self._add(node.children, len(self.nodes) - 1)

    def at(self, position: int) -> int:
        """The index of the innermost node holding `position`, -1 for none."""
        i = bisect.bisect_right(self.starts, position) - 1
        while i >= 0 and not position < self.nodes[i].end:
            i = self.parents[i]
        return i

    def heading_at(self, position: int) -> Node | None:
        """The heading (not enumeration) whose marker opens at `position`."""
        i = bisect.bisect_left(self.starts, position)
        if i < len(self.nodes) and self.starts[i] == position:
            node = self.nodes[i]
            if node.marker.anchor is LINE:
                return node
        return None


def _runs(
    content: Sequence[Line],
    index: _NodeIndex,
    verdicts: dict[int, Verdict],
    folded: str,
    limit: int,
) -> tuple[list[Finding], list[Finding]]:
    items: dict[Role, list[Finding]] = {ACHIEVEMENTS: [], PROBLEMS: []}
    mode: Role | None = None
    carried = False
    # Whether a problems run goes on past sentences without a cue: the section is about problems,
    # or the run was announced.
    held = section_held = paragraph_held = False
    run_from = 0
    # The point (一是…) the run's last paragraph ended in: the next point goes on with it.
    run_point: MarkerHit | None = None
    # A review announced, framed or headed goes on over the paragraphs before this position.
    review_until = -1
    # The sections that review and deploy (see `_mixed`) which have turned to what comes next,
    # and for each node, the start of such a section above it (-1: none).
    turned: set[int] = set()
    mixed_at: dict[int, int] = {}
    hints = _hints(folded)
    holds = hints.holds
    run_ends = _run_end_openers()
    # The role of the section at each node index, read per sentence; the verdicts stay as they
    # are through the runs. A last None stands for index -1, outside every section.
    roles: list[Role | None] = [verdicts[node.marker.start].role for node in index.nodes]
    roles.append(None)
    # Lines ending by this position are passed over: see `_quiet_tasks`.
    quiet_until = -1
    all_tasks = _all_tasks(index, roles)
    for line in content:
        if line.body >= limit:
            break
        if line.end <= quiet_until:
            continue
        start = line.body
        end = min(line.end, limit)
        if line is content[0] and len(content) > 1 and _bare_heading(folded, start, end):
            continue  # the title (「三年来的工作概述」) reviews nothing
        if folded[start] in _NOTE_OPENS and lexicon.NOTE_SPEAKER.find(
            folded, start, min(end, start + _NOTE_REACH)
        ):
            carried = False
            continue  # the editor's note (「*这是…同志在…上讲话的一部分。」) is no part of a run
        node_i = index.at(start)
        if not carried and run_point is None and review_until <= start and all_tasks[node_i]:
            quiet_until = _quiet_tasks(index, all_tasks, hints, node_i, start, limit)
            if end <= quiet_until:
                # What reading the paragraph would leave: no run, and none held.
                mode = None
                held = section_held = paragraph_held = False
                continue
        heading = index.heading_at(start)
        if heading is not None and not _announced_problem(heading, verdicts):
            start = heading.marker.title_end
            review_until = -1  # a section states its own role
            node_i = index.at(start)
        context = roles[node_i]
        # Whether the paragraph holds a hint of a time span looking back, or of an announced
        # review: most hold neither, and their sentences are spared those patterns.
        looks_back = holds(_LOOKING_BACK_HINT, start, end)
        # A report of past work announced inside a section that deploys (a collected work's
        # sections are topics) is reviewed as outside it, as long as it holds.
        free = False
        if context is TASKS and not carried:
            if review_until > start and _review_stops(folded, start, end):
                review_until = -1
            if review_until > start or (looks_back and _announces(folded, start, end)):
                context, free = None, True
        if context is ACHIEVEMENTS and not carried:
            if node_i not in mixed_at:
                mixed_at[node_i] = _mixed_section(index, node_i, verdicts, folded)
            mixed = mixed_at[node_i]
            # Under 「“十四五”时期发展成就和“十五五”时期主要目标任务」 the review ends where the
            # section turns to the period ahead; the paragraphs after it are no review.
            if mixed >= 0 and (mixed in turned or _turns_ahead(folded, start, end)):
                turned.add(mixed)
                context = OTHER
        dash = mode is ACHIEVEMENTS and _REVIEW_DASH.match(folded, start, end) is not None
        if not carried and not _next_point(index, node_i, start, run_point):
            mode = context if context in (ACHIEVEMENTS, PROBLEMS) else None
            held = section_held = mode is PROBLEMS
            paragraph_held = False
            if mode is None and context is not TASKS:
                review_until = _review_holds(
                    folded,
                    line is not content[0],
                    (start, end),
                    review_until,
                    limit,
                    index,
                    looks_back,
                )
                if review_until > start or dash:
                    mode = ACHIEVEMENTS  # the review goes on: 「——这五年…」 after a review
        run_point = None
        # A paragraph that opens with a review is one, even in a section about problems.
        fresh = not carried
        if context is TASKS and index.nodes[node_i].end >= end:
            # The paragraph lies in one task section, whose subsections are tasks too: each
            # sentence would end the run and join none.
            if mode is not None and _has_sentence(folded, start, end):
                mode = None
            carried = _carries(folded, start, end, mode)
            if hints.search(_PROBLEM_HINT, start, end):  # `_problem`, hints at hand
                _problems_in_tasks(items[PROBLEMS], index, folded, (start, end), None)
            if looks_back:
                _reviews_in_tasks(items[ACHIEVEMENTS], index, folded, start, end)
            continue
        # `_uncued`, asked of the hints at hand: every paragraph and most sentences ask it.
        if mode is None and not holds(_OPENING_HINT, start, end):
            # No sentence of the paragraph opens a run, and none carries one over.
            carried = False
            continue
        task_hold: _Hold | None = None
        # Where the next hint of what can open a run starts: a stretch from before it that
        # ends by it holds none (hints are never empty), and most sentences are spared
        # `holds` (see `_Hints.next_start`).
        next_hint = hints.next_start(_OPENING_HINT, start)
        sentences: Iterator[re.Match[str]] | None = _STRIPPED_SENTENCE.finditer(folded, start, end)
        while sentences is not None:
            walked, sentences = sentences, None
            for s in walked:
                s_start, s_end = s.span(1)
                # The hint is looked for a little past the sentence: a list of shortfalls opens at
                # 「…；」 before 「有的…」 (see `_listed`).
                reach = min(end, s_end + 8)
                if mode is None and task_hold is None:
                    if s_start > next_hint:
                        next_hint = hints.next_start(_OPENING_HINT, s_start)
                    if reach <= next_hint or not holds(_OPENING_HINT, s_start, reach):
                        # Most sentences: no run to go on with (nor a task section's problems
                        # held over), and no cue to open one or to name a problem inside a task
                        # section. Such a sentence only closes the paragraph's opening, as the
                        # full steps below would: once it is closed, the section is not asked.
                        if fresh or held or paragraph_held or run_point is not None:
                            if not free and roles[index.at(s_start)] is TASKS:
                                continue
                            fresh = held = paragraph_held = False
                            run_point = None
                        # Closed, the sentences that end before the next hint by more than they
                        # reach change nothing: the walk goes on from the last sentence end
                        # before them (see `_sentence_end_by`), or stops where the paragraph
                        # ends before the hint.
                        if end <= next_hint:
                            break
                        if next_hint - s_end > _QUIET_JUMP:
                            after = _sentence_end_by(folded, s.end(), next_hint - 8)
                            if after > s.end():
                                sentences = _STRIPPED_SENTENCE.finditer(folded, after, end)
                                break
                        continue
                node_i = index.at(s_start)
                if not free and roles[node_i] is TASKS:
                    if (
                        mode is not None
                        and task_hold is None
                        and not holds(_OPENING_HINT, s_start, reach)
                    ):
                        # The run ends here, and no problem held over goes on: a sentence without
                        # a hint of a problem, a review or a list of shortfalls names none.
                        mode = None
                        continue
                    mode = None
                    task_hold = _problems_in_tasks(
                        items[PROBLEMS], index, folded, (s_start, s_end), task_hold, end
                    )
                    if looks_back:
                        _reviews_in_tasks(items[ACHIEVEMENTS], index, folded, s_start, s_end)
                    continue
                if task_hold is not None and mode is None:
                    # The problem named at a task section's end leads into the points after it
                    # (「问题也不容忽视。一是…」): the run goes on as outside, through them.
                    mode, run_from = PROBLEMS, s_start
                task_hold = None
                if mode is None and looks_back and _review_announced(folded, s_start, s_end):
                    mode = ACHIEVEMENTS
                    review_until = _hold_end(index, node_i, limit)
                holding = review_until > s_start
                # The enumerated point (一是…) the sentence stands in, if any.
                point = index.nodes[node_i] if node_i >= 0 else None
                if point is not None and (
                    point.marker.anchor is not SENTENCE
                    or (mode is not None and point.marker.start < run_from)
                ):
                    point = None  # only the points the run enumerates carry it
                if (
                    mode is PROBLEMS
                    and not held
                    and point is None
                    and not _opens(lexicon.PROBLEM_GOES_ON, folded, s_start, s_end)
                    and not _problem(folded, s_start, s_end)
                ):
                    # A problem named in passing holds its own sentence only; a review that goes
                    # on over paragraphs takes the next one back.
                    mode = ACHIEVEMENTS if holding else None
                if (
                    mode is PROBLEMS
                    and point is not None
                    and point.marker.start == s_start
                    and _opens(lexicon.IMPERATIVE, folded, point.marker.title_start, s_end)
                    and not _problem(folded, s_start, s_end)
                ):
                    mode = None  # 「二是切实加强…」 deploys
                if mode is PROBLEMS and (
                    _leads_into_tasks(index, verdicts, folded, s_end)
                    or (point is None and _opens(lexicon.PROBLEM_TURN, folded, s_start, s_end))
                ):
                    # 「今后的努力方向是：」 announces the task list; 「对这些问题，我们将…」
                    # promises remedies: neither is a problem.
                    mode = None
                    held = paragraph_held = False
                    run_point = None
                    continue
                # Most sentences of an achievements run go on with it. `_next_mode` keeps the run
                # (a review cue, fresh or not, keeps it too) unless the sentence holds a problem cue
                # or a purpose, opens as a run's end or a turn to tasks does, or opens a list of
                # shortfalls (`_listed`: it ends with 「；」): without a hint of the first two (a
                # match holds one), a character that opens the others, or a 「；」 at its end, it
                # returns the run as it is. Nor can such a sentence close the review (no hint of
                # REVIEW_CLOSES either).
                quiet = (
                    mode is ACHIEVEMENTS
                    and run_ends is not None
                    and folded[s_start] not in run_ends
                    and folded[s_end - 1] != ";"
                    and not holds(_REVIEW_TURNS_HINT, s_start, s_end)
                )
                was, sentence = mode, s_start
                if not quiet:
                    mode, s_start = _next_mode(
                        folded,
                        s_start,
                        s_end,
                        mode,
                        listed=mode is not PROBLEMS and _listed(folded, s_start, s_end, end),
                        whole=point is not None and point.marker.start == s_start,
                        # A point goes on past an imperative only when the run led into it.
                        in_point=point is not None
                        and (mode is None or point.marker.start > run_from),
                        fresh=fresh,
                    )
                fresh = False
                # 「几年来，这项工作有成绩，也有缺点。」: the clauses before the problem review.
                if (
                    mode is PROBLEMS
                    and was is not PROBLEMS
                    and s_start > sentence
                    and _review_cue(folded, sentence, s_start)
                    and not _problem(folded, sentence, s_start)
                ):
                    _add(items[ACHIEVEMENTS], index, node_i, sentence, s_start, folded)
                if mode is not None and mode is not was:
                    run_from = s_start
                if mode is not PROBLEMS:
                    held = paragraph_held = False
                elif was is not PROBLEMS or not held:
                    paragraph_held = lexicon.PROBLEM_OPENS.find(folded, s_start, s_end) is not None
                    held = paragraph_held or bool(
                        lexicon.PROBLEM_ANNOUNCED.find(folded, s_start, s_end)
                    )
                elif not (section_held or paragraph_held) and folded[s_end - 1] in _FULL_STOP:
                    held = False  # an announced list ends at its first full stop
                if (
                    mode is ACHIEVEMENTS
                    and was is ACHIEVEMENTS
                    and point is None
                    and not _named_review(index, node_i, verdicts)
                ):
                    mode = _review_goes_on(folded, s_start, s_end)
                if mode is not None:
                    _add(items[mode], index, node_i, s_start, s_end, folded)
                if (
                    mode is ACHIEVEMENTS
                    and not quiet
                    and _hinted(lexicon.REVIEW_CLOSES, folded, s_start, s_end)
                ):
                    mode, review_until = None, -1  # 「以上就是…的概述。」 closes the review
                run_point = point.marker if mode is not None and point is not None else None
        carried = _carries(folded, start, end, mode)
    return items[ACHIEVEMENTS], items[PROBLEMS]


def _sentence_end_by(folded: str, start: int, limit: int) -> int:
    """The last position in [start, limit] where the walk of `_STRIPPED_SENTENCE` from before
    `start` (a position where a match ends, or where the walk begins) finds no match going on
    (one ends there, or the walk passes over sentence ends to it): a walk from there finds the
    same matches as that walk finds from there on. `start` when there is none."""
    found = _LAST_SENTENCE_END.match(folded, start, limit + 1)
    return start if found is None else found.end()


def _all_tasks(index: _NodeIndex, roles: list[Role | None]) -> list[bool]:
    """By node index, whether the node and every node below it are tasks by `roles` (the role
    of each node by index); a last False for index -1, outside every section."""
    found = [role is TASKS for role in roles[: len(index.nodes)]]
    # A node's children follow it: each is settled before its parent hears of it.
    for i in range(len(index.nodes) - 1, -1, -1):
        parent = index.parents[i]
        if parent >= 0 and not found[i]:
            found[parent] = False
    found.append(False)
    return found


def _quiet_tasks(
    index: _NodeIndex, all_tasks: list[bool], hints: _Hints, i: int, start: int, limit: int
) -> int:
    """How far the paragraphs from `start` on leave the runs as they are, when no run is open
    there (none carried over, no point to go on with, no review held) and `start` lies in the
    node `i`, a task section whose subsections are all tasks (see `_all_tasks`): to the end
    of the outermost such section holding it, or to the first hint of what can open a run
    (`_OPENING_HINT`), whichever comes first. Each paragraph before it lies in task sections,
    whose sentences join no run, and holds no cue of a problem named in passing, of a review
    inside a task section, or of a look back that would free it from its section: reading it
    would end no run, open none, and find nothing. Most paragraphs of a long work report are
    passed over so."""
    parents = index.parents
    while parents[i] >= 0 and all_tasks[parents[i]]:
        i = parents[i]
    return min(index.nodes[i].end, limit, hints.next_start(_OPENING_HINT, start))


@functools.cache
def _run_end_openers() -> frozenset[str] | None:
    """The characters a sentence that ends a run by how it opens (RUN_END, TURN_TO_TASKS) can
    open with, or None when either row may open with any."""
    first = [_openers(row.pattern) for row in (lexicon.RUN_END, lexicon.TURN_TO_TASKS)]
    return None if first[0] is None or first[1] is None else first[0] | first[1]


def _leads_into_tasks(
    index: _NodeIndex, verdicts: dict[int, Verdict], folded: str, end: int
) -> bool:
    """Whether the sentence ending at `end` announces (「…：」) the task section whose marker
    follows it."""
    if folded[end - 1] != ":":
        return False
    start = _skip_space(folded, end)
    i = bisect.bisect_left(index.starts, start)
    return (
        i < len(index.starts)
        and index.starts[i] == start
        and verdicts[index.nodes[i].marker.start].role is TASKS
    )


def _announced_problem(heading: Node, verdicts: dict[int, Verdict]) -> bool:
    """Whether a heading is one of the shortfalls a lead announced (see `_problems_by_lead`):
    its cue stands before it, and the heading states the problem, so the run holds it."""
    verdict = verdicts[heading.marker.start]
    return (
        verdict.role is PROBLEMS
        and verdict.cue is not None
        and verdict.cue[1] <= heading.marker.start
    )


def _named_review(index: _NodeIndex, node_i: int, verdicts: dict[int, Verdict]) -> bool:
    """Whether the section at `node_i` is a review by its heading (「一、2023年工作回顾」, or under
    one), not only by its opening sentence (「（三）加强自身建设。近些年来，…取得了很大成
    绩。」), where a sentence that demands (这就要求…) still ends the review."""
    if node_i < 0:
        return False
    verdict = verdicts[index.nodes[node_i].marker.start]
    if verdict.role is not ACHIEVEMENTS:
        return False
    return verdict.cue is None or verdict.cue[0] < index.nodes[node_i].marker.title_end


def _review_holds(
    folded: str,
    headed: bool,
    paragraph: Span,
    until: int,
    limit: int,
    index: _NodeIndex,
    looks_back: bool,
) -> int:
    """Where a review that goes on over paragraphs ends, seen from the paragraph at `start`
    (-1: none holds). One holds after a heading line without a marker (`headed`: not the
    title) that names a review (「“十四五”时期发展成就和2025年工作回顾」) or a paragraph that
    opens looking back and says the review comes in parts (「五年来，…大致可以分作三个阶
    段。」); it stops at a paragraph that turns elsewhere (see `_review_stops`). `looks_back`:
    the paragraph holds a hint of `_LOOKING_BACK`."""
    start, end = paragraph
    if until > start:
        return -1 if _review_stops(folded, start, end) else until
    if headed and _bare_heading(folded, start, end):
        if not any(cue.find(folded, start, end) for cue in _ACHIEVEMENTS_HEADINGS):
            return -1  # most such lines: no heading role is read where none can be a review
        role, cue, _ = _heading_role(folded, start, end)
        # 「国民经济的成就和今后的建设任务」 heads a review and a deployment: neither holds.
        if role is ACHIEVEMENTS and cue and not _TASK_HEADING.find(folded, cue[1], end):
            return _hold_end(index, index.at(start), limit)
        return -1
    first = _first_sentence(folded, start, end) if looks_back else None
    if first is None:
        return -1
    f_start, f_end = first
    span = _hinted(lexicon.REVIEW_SPAN, folded, f_start, f_end)
    if (
        span is not None
        and not _CLAUSE_BREAK.search(folded, f_start, span.start())
        and lexicon.REVIEW_FRAMED.find(folded, span.end(), f_end)
        and not lexicon.FORWARD.find(folded, f_start, f_end)
        and not _problem(folded, f_start, f_end)
    ):
        return _hold_end(index, index.at(start), limit)
    return -1


def _mixed_section(
    index: _NodeIndex, node_i: int, verdicts: dict[int, Verdict], folded: str
) -> int:
    """The start of the heading above `node_i` that reviews and deploys (「…发展成就和…主要
    目标任务」) and gives the paragraph its review role, or -1."""
    while node_i >= 0:
        node = index.nodes[node_i]
        if node.marker.anchor is LINE and verdicts[node.marker.start].cue is not None:
            return node.marker.start if _mixed(node, folded) else -1
        node_i = index.parents[node_i]
    return -1


def _turns_ahead(folded: str, start: int, end: int) -> bool:
    """Whether the paragraph at `start` opens looking ahead (「“十五五”时期是…的关键时期」) or
    deploying."""
    first = _first_sentence(folded, start, end)
    if first is None:
        return False
    f_start, f_end = first
    return any(
        cue.find(folded, f_start, f_end)
        for cue in (
            lexicon.REVIEW_END,
            lexicon.RUN_END,
            lexicon.TURN_TO_TASKS,
            lexicon.DEPLOYMENT,
        )
    )


def _first_sentence(folded: str, start: int, end: int) -> Span | None:
    """The first item sentence of the paragraph [start, end), stripped; None if it has none."""
    first = _ITEM_SENTENCE.match(folded, start, end)
    return None if first is None else _strip(folded, *first.span())


def _hold_end(index: _NodeIndex, node_i: int, limit: int) -> int:
    """A review that goes on holds to the end of the section it stands in."""
    return min(index.nodes[node_i].end, limit) if node_i >= 0 else limit


def _bare_heading(folded: str, start: int, end: int) -> bool:
    """Whether a paragraph is a heading without a marker: short, without a sentence end or
    pause inside or after it."""
    start, end = _strip(folded, start, end)
    return (
        2 <= end - start <= _BARE_HEADING
        and _BARE_HEADING_TEXT.fullmatch(folded, start, end) is not None
    )


def _review_stops(folded: str, start: int, end: int) -> bool:
    """Whether the paragraph at `start` turns from the review: to sum up, to thank, to what
    comes next, to criticism, or to the problems (「但是，…还存在…问题」)."""
    first = _first_sentence(folded, start, end)
    if first is None:
        return False
    f_start, f_end = first
    # An address with a comma (同志们，) turns to the audience within the narrative; an
    # exclaimed one (各位代表！) opens a part of its own.
    aside = lexicon.CLOSING.find(folded, f_start, f_end) and not lexicon.CLOSING_INLINE.find(
        folded, f_start, f_end
    )
    if (
        (not aside and _opens(lexicon.RUN_END, folded, f_start, f_end))
        or any(
            cue.find(folded, f_start, f_end)
            for cue in (
                lexicon.TURN_TO_TASKS,
                lexicon.REVIEW_STOP,
                lexicon.CLOSING_SUMMARY,
                lexicon.CLOSING_PLAIN,
            )
        )
        or lexicon.PURPOSE.find(folded, f_start, f_end)
        or lexicon.DEPLOYMENT.find(folded, f_start, f_end)
    ):
        return True
    problem = _problem(folded, f_start, f_end)
    return problem is not None and (
        _opens(lexicon.PROBLEM_LEAD, folded, f_start, f_end) is not None
        or lexicon.PROBLEM_OPENS.find(folded, f_start, f_end) is not None
    )


def _announces(folded: str, start: int, end: int) -> bool:
    """Whether the paragraph at `start` opens by announcing a report of the work done."""
    first = _first_sentence(folded, start, end)
    return first is not None and _review_announced(folded, *first)


def _review_announced(folded: str, start: int, end: int) -> bool:
    """Whether a sentence announces a report of the work done (and asks nothing); the plans
    it names beside the work (「过去的活动和计划」) do not make it look ahead."""
    return (
        _hinted(lexicon.REVIEW_ANNOUNCED, folded, start, end) is not None
        and lexicon.REMEDY.find(folded, start, end) is None
    )


def _review_goes_on(folded: str, start: int, end: int) -> Role | None:
    """A review run outside a review section ends at a sentence that demands or looks ahead
    (「这就要求…」「我们有信心…」)."""
    return None if _hinted(lexicon.REVIEW_END, folded, start, end) else ACHIEVEMENTS


def _reviews_in_tasks(
    items: list[Finding], index: _NodeIndex, folded: str, start: int, end: int
) -> None:
    """Reviews inside a task section, a sentence at a time: a sentence that opens looking back
    and reports what was done (「抗战以来，…提高了一步」「近些年来，…取得了很大成绩」), and
    neither deploys nor names a problem."""
    for s in _STRIPPED_SENTENCE.finditer(folded, start, end):
        s_start, s_end = s.span(1)
        # The span opens the sentence: it is looked for near its start only.
        span = _hinted(lexicon.REVIEW_SPAN, folded, s_start, min(s_end, s_start + _SPAN_REACH))
        if (
            span is None
            or span.start() - s_start > _SPAN_OPENS
            or _CLAUSE_BREAK.search(folded, s_start, span.start())
            or not lexicon.REVIEW_DONE.find(folded, span.end(), s_end)
            or lexicon.FORWARD.find(folded, s_start, s_end)
            or lexicon.REVIEW_END.find(folded, s_start, s_end)
            or lexicon.REMEDY.find(folded, s_start, s_end)
            or _opens(lexicon.IMPERATIVE, folded, span.end(), s_end)
            or _problem(folded, s_start, s_end)
        ):
            continue
        _add(items, index, index.at(s_start), s_start, s_end, folded)


def _problems_in_tasks(
    items: list[Finding],
    index: _NodeIndex,
    folded: str,
    stretch: Span,
    hold: _Hold | None,
    reach: int | None = None,
) -> _Hold | None:
    """Problems named inside a task section (「…还存在…问题。」), sentence by sentence over
    `stretch`: a sentence with a problem cue that neither deploys nor remedies opens a run, from
    its clause. The run goes on as `hold` says (see `_Hold`) and ends at the turn to remedies,
    or at the paragraph's end. `hold` is the run open before the stretch; `reach`, the end of
    the paragraph, where a list of shortfalls (有的…；有的…) is read on. Returns the run still
    open after the stretch."""
    start, end = stretch
    hints = _hints(folded)
    for s in _STRIPPED_SENTENCE.finditer(folded, start, end):
        s_start, s_end = s.span(1)
        problem = hints.search(_PROBLEM_HINT, s_start, s_end)  # `_problem`, hints at hand
        clause = s_start
        if problem is not None:
            clause = _clause_start(folded, s_start, problem.start())
        named = problem is not None or _listed(folded, s_start, s_end, reach or end)
        if named and not _remedies(folded, s_start, clause, s_end):
            _add(items, index, index.at(clause), clause, s_end, folded)
            opens = _task_hold(folded, s_start, s_end)
            if hold is None or opens is not PASSING:
                hold = opens
        elif (
            hold is not None
            and not _remedies(folded, s_start, s_start, s_end)
            and not _opens(lexicon.TURN_TO_TASKS, folded, s_start, s_end)
            and not _opens(lexicon.RUN_END, folded, s_start, s_end)
            and (hold is not PASSING or _opens(lexicon.PROBLEM_GOES_ON, folded, s_start, s_end))
        ):
            _add(items, index, index.at(s_start), s_start, s_end, folded)
        else:
            hold = None
            continue
        if hold is ANNOUNCED and folded[s_end - 1] in _FULL_STOP:
            hold = PASSING  # an announced list ends at its first full stop
    return hold


def _remedies(folded: str, start: int, clause: int, end: int) -> bool:
    """Whether a sentence in a task section deploys or remedies rather than names a problem:
    it asks for something (要, 必须), opens with an imperative or states a purpose, or the
    clause from `clause` does."""
    return bool(
        lexicon.REMEDY.find(folded, start, end)
        or _opens(lexicon.PROBLEM_TURN, folded, start, end)
        or _opens(lexicon.IMPERATIVE, folded, start, end)
        or lexicon.PURPOSE.find(folded, start, end)
        or _opens(lexicon.IMPERATIVE, folded, clause, end)
    )


def _task_hold(folded: str, start: int, end: int) -> _Hold:
    # A general lead (「…都有一些矛盾和问题」) holds no more inside a task section, where the
    # speaker soon turns to what is to be done, or to the views he refutes.
    if lexicon.PROBLEM_ANNOUNCED.find(folded, start, end):
        return ANNOUNCED
    return PASSING


def _listed(folded: str, start: int, end: int, reach: int) -> bool:
    """Whether the sentence [start, end) opens a list of shortfalls: it ends with 「；」 and
    the next item opens with 有的 (read up to `reach`)."""
    if end >= reach or folded[end - 1] != ";":
        return False
    return _opens(lexicon.PROBLEM_LISTED, folded, start, min(reach, end + 8)) is not None


def _next_point(index: _NodeIndex, i: int, start: int, last: MarkerHit | None) -> bool:
    """Whether the paragraph at `start` opens with the point that follows `last` in its run
    (二是 after 一是), each point a paragraph of its own."""
    if last is None or i < 0:
        return False
    m = index.nodes[i].marker
    return (
        m.start == start
        and m.anchor is SENTENCE
        and m.kind is last.kind
        and m.ordinal == last.ordinal + 1
    )


def _has_sentence(folded: str, start: int, end: int) -> bool:
    """Whether [start, end) holds a sentence with more than white space (one of `_ITEM_SENTENCE`'s
    matches that `_strip` leaves non-empty)."""
    return _HAS_SENTENCE.search(folded, start, end) is not None


def _carries(folded: str, start: int, end: int, mode: Role | None) -> bool:
    """Whether a run goes on into the next paragraph: this one breaks off mid-sentence. A
    heading alone on its line carries nothing over."""
    if mode is None:
        return False  # no run to carry: most paragraphs of a task section
    while end > start and folded[end - 1].isspace():
        end -= 1
    return end > start and folded[end - 1] not in _PAUSE_END


def _next_mode(
    folded: str,
    start: int,
    end: int,
    mode: Role | None,
    *,
    whole: bool,
    in_point: bool,
    fresh: bool,
    listed: bool = False,
) -> tuple[Role | None, int]:
    """The run a sentence belongs to, and where in it the run starts: at the clause holding a
    problem cue, or at the sentence start when it is `whole` (an enumerated point: 「其一，…」).
    `in_point`: the sentence stands inside an enumerated point, which an imperative does not
    end. `fresh`: the sentence opens a paragraph, where a review may open whatever run the
    section's role implies. `listed`: the sentence opens a list of shortfalls (有的…；有的…),
    a problem from its start."""
    # `_problem` and `_hinted(lexicon.PURPOSE, …)`, asked of the hints at hand: most sentences
    # of a speech are asked here.
    hints = _hints(folded)
    problem = hints.search(_PROBLEM_HINT, start, end)
    listed = listed and problem is None
    review = (
        problem is None
        and not listed
        and (mode is None or fresh)
        and _review_cue(folded, start, end) is not None
    )
    if mode is None and problem is None and not review and not listed:
        return None, start  # no run to end and no cue to open one: the end cues change nothing
    if hints.search(_PURPOSE_SEARCHED, start, end) or _opens(lexicon.RUN_END, folded, start, end):
        return None, start
    if not in_point and _opens(lexicon.TURN_TO_TASKS, folded, start, end):
        return None, start
    if listed:
        return PROBLEMS, start
    if problem is not None:
        if whole or mode is PROBLEMS:
            return PROBLEMS, start
        return PROBLEMS, _clause_start(folded, start, problem.start())
    if review:
        return ACHIEVEMENTS, start
    return mode, start


def _clause_start(folded: str, start: int, cue: int) -> int:
    """Where the clause holding the cue starts (after the last comma or colon before it), or
    earlier, over the clauses that lead into the problem."""
    starts = [start, *(m.end() for m in _CLAUSE_BREAK.finditer(folded, start, cue))]
    i = len(starts) - 1
    # 「在看到成绩的同时，必须清醒看到，」 lead into the problem and stay with it; so do the
    # clauses that set it out (「当前，世界经济复苏乏力，…面临不少挑战」), back to a review or
    # a remedy, or to the 但 that turns from one.
    while i > 0 and not _CONTRAST.match(folded, _skip_space(folded, starts[i]), cue):
        before = (_skip_space(folded, starts[i - 1]), starts[i])
        if not _opens(lexicon.PROBLEM_LEAD, folded, *before) and (
            _review_cue(folded, *before)
            or lexicon.REMEDY.find(folded, *before)
            or _PRAISE.find(folded, *before)
        ):
            break
        i -= 1
    clause = starts[i]
    return _skip_space(folded, clause)


def _skip_space(folded: str, position: int) -> int:
    while position < len(folded) and folded[position].isspace():
        position += 1
    return position


def _add(
    items: list[Finding], index: _NodeIndex, node_i: int, start: int, end: int, folded: str
) -> None:
    """Add a sentence to the run: it extends the last item when it follows it directly within
    one enumerated point (一是… with its sentences), and opens a new item otherwise."""
    section = index.paths[node_i]
    if items and node_i >= 0 and index.nodes[node_i].marker.anchor is SENTENCE:
        last = items[-1]
        joined_at = last.span[1]
        between = folded[joined_at:start]
        if last.section == section and not between.strip() and "\n" not in between:
            if folded[joined_at - 1] in _SENTENCE_MARK:
                metrics = last.metrics + _metrics(folded, start, end)
            else:  # a figure may run on over the join: the whole stretch is read again
                metrics = _metrics(folded, last.span[0], end)
            items[-1] = Finding((last.span[0], end), section, metrics)
            return
    items.append(Finding((start, end), section, _metrics(folded, start, end)))


def _metrics(folded: str, start: int, end: int) -> tuple[tuple[Span, float, Span], ...]:
    # A figure's value opens with a digit: most sentences hold none and are spared the pattern.
    # A figure opens with its digits, and METRIC reads nothing before a match: the figures
    # are found from the first digit on.
    digit = _DIGIT.search(folded, start, end)
    if digit is None:
        return ()
    return tuple(
        [
            (m.span(), float(m.group("value")), m.span("unit"))
            for m in _metric().finditer(folded, digit.start(), end)
        ]
    )


@functools.cache
def _metric() -> re.Pattern[str]:
    """METRIC for `re`, which finds its figures in about half the time `regex` takes: the
    pattern is plain (digits, literals, groups), and its \\s spelled as `regex` reads it."""
    return patterns.compile_re(lexicon.METRIC.pattern.replace(r"\s", f"[{patterns.WHITE_SPACE}]"))


def _mark_enumerations(
    items: Sequence[Finding], role: Role, index: _NodeIndex, verdicts: dict[int, Verdict]
) -> None:
    """An enumerated point inside a run's item takes the run's role. One call for all the
    items of a run's role: a speech has dozens, and most hold no marker."""
    starts, nodes = index.starts, index.nodes
    verdict = _INHERITED[role]  # the role without a cue, shared
    for item in items:
        begin, end = item.span
        i = bisect.bisect_left(starts, begin)
        while i < len(nodes) and starts[i] < end:
            node = nodes[i]
            if node.marker.anchor is SENTENCE:
                verdicts[node.marker.start] = verdict
            i += 1


def _strip(folded: str, start: int, end: int) -> Span:
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end


# --- Points of a task section -----------------------------------------------------------


def _points(node: Node, folded: str) -> list[Span]:
    # `_opens(lexicon.POINT, …)` sentence by sentence, its opening test read once: a
    # stripped sentence is never empty.
    first = _openers(lexicon.POINT.pattern)
    find = lexicon.POINT.find
    spans = []
    for s in _STRIPPED_SENTENCE.finditer(folded, node.marker.title_end, node.end):
        start, end = s.span(1)
        if (first is None or folded[start] in first) and find(folded, start, end) is not None:
            spans.append((start, end))
    return spans
