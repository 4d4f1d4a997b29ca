"""markers: [Line] → [MarkerHit], the numbering that opens headings and enumerations.

A marker is found on the folded view and reported as spans of the text. Heading markers
(一、 （一） 1. （1） ①) open a paragraph; enumerations (一是 一要 第一， 其一，) open a sentence:
at the start of a paragraph or right after 。；！？：, outside brackets and quotes.

The shapes are the rows of marker_rules.MARKER_RULES; this module finds them in the lines.
Markers do not know their level; tree.py decides. Each marker carries its title: for a heading
the rest of its paragraph, or up to the first 。！？ when text follows; for an enumeration its
first sentence (up to 。！？；). A title never runs into the next marker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, NamedTuple

from extractor import patterns
from extractor.marker_rules import (
    FIRST_CHARS,
    IN_RUN_ONLY,
    INLINE_ALTERNATION,
    LEAD_NUMERAL,
    MARKER_OPENERS,
    kind_groups,
    kind_of,
)
from extractor.marker_rules import MARKER_RULES as MARKER_RULES
from extractor.marker_rules import Anchor as Anchor
from extractor.marker_rules import MarkerRule as MarkerRule
from extractor.numerals import to_int
from extractor.source import MARKUP, Line
from schemas import MarkerKind

if TYPE_CHECKING:
    import regex


# The records built per marker and per line are named tuples: as immutable as a frozen
# dataclass, whose __init__ sets each field through object.__setattr__ and so costs several
# times as much to build (thousands are built per megabyte). tree.Node weighs it otherwise.
class MarkerHit(NamedTuple):
    """A marker found in the text, with its title. Spans index the source text."""

    kind: MarkerKind
    anchor: Anchor
    ordinal: int
    start: int
    end: int
    title_start: int
    title_end: int  # == title_start when nothing follows the marker
    line: int
    # The marker opens a paragraph right after one that ends with ：, which announces it
    # (「采取以下措施：」): a list the tree may nest inside the point that announces it.
    announced: bool = False


_ANCHOR: Final = {rule.kind: rule.anchor for rule in MARKER_RULES}
# Inside a paragraph, after a pause. Heading markers found here are kept only after 。！？ and
# in a run (a crawl that lost its line breaks); enumerations after any of 。；！？：.
# A comma opens an enumeration only to continue a run: 「三件大事：一是…，二是…，三是…」.
# The pause is matched, not looked behind at: a pattern that opens with a character class lets
# the engine skip to the next pause, several times faster than a look-behind tried everywhere.
# The look-ahead for a character that can open a marker (FIRST_CHARS) lets the engine leave most
# pauses, commas above all, after one test instead of nine alternatives: a quarter of the scan.
# A photo credit glued before a sentence (「新华社记者 某某/摄第三，…」) ends like a sentence:
# 摄 is a pause only after 「/」 or a space.
# Between the pause and the marker: spaces, and in a text that holds markup left over from a
# web page, that markup too (「。&nbsp;第一，」); a text without any is scanned without the
# markup's branch, which costs a third of the scan at every pause.
_PAUSES: Final = "。;!:?,摄"
_PAUSE: Final = f"[{_PAUSES}]"
# What stands between the pause and the rules, without and with markup.
_BEFORE: Final = rf"(?P<pause>{_PAUSE})[ \t]*(?={FIRST_CHARS})"
_BEFORE_MARKUP: Final = (
    rf"(?P<pause>{_PAUSE})[ \t]*(?:(?=[<&])(?:{MARKUP})[ \t]*)*(?={FIRST_CHARS})"
)
_INSIDE: Final = patterns.compile(rf"{_BEFORE}(?:{INLINE_ALTERNATION})")
_INSIDE_MARKUP: Final = patterns.compile(rf"{_BEFORE_MARKUP}(?:{INLINE_ALTERNATION})")


def _superset_for_re(pattern: str) -> str:
    """A rule's pattern as `re` reads it, matching wherever the rule does (and maybe more):
    its named groups made plain, since `re` takes a name once; a look-ahead that refers back to
    a group (「(?!(?P=num)[、,])」, the idiom 一是一、二是二) dropped. A look-ahead only ever
    rejects, so the pattern without it matches wherever it matched."""
    pattern = _BACK_REFERENCE_GUARD.sub("", pattern)
    pattern = _NAMED_GROUP.sub("(?:", pattern)
    if "(?P" in pattern:
        raise AssertionError(f"a marker rule refers to a group in a way not read here: {pattern}")
    return pattern


_BACK_REFERENCE_GUARD: Final = patterns.compile_re(r"\(\?!\(\?P=\w+\)[^()]*\)")
_NAMED_GROUP: Final = patterns.compile_re(r"\(\?P<\w+>")


def _alternation_for_re(rules: Sequence[MarkerRule]) -> str:
    """The rules' alternation (marker_rules.ALTERNATION) as `re` reads it, matching exactly
    where `regex` matches that: `re` takes a group's name once, so each rule's numeral is named
    after its kind (「num_han_shi」), and so is the back-reference to it."""
    return "|".join(
        f"(?P<{rule.kind}>"
        + rule.pattern.replace("(?P<num>", f"(?P<num_{rule.kind}>").replace(
            "(?P=num)", f"(?P=num_{rule.kind})"
        )
        + ")"
        for rule in rules
    )


def _kinds_by_group(pattern: re.Pattern[str]) -> dict[int | None, tuple[MarkerKind, int, int]]:
    """The kind of each kind group of a pattern built on `_alternation_for_re`, the group's
    number and its numeral's group, by the kind group's number. A kind group closes last of a
    match's groups, so `Match.lastindex` names it, read in C."""
    return {
        pattern.groupindex[rule.kind]: (
            rule.kind,
            pattern.groupindex[rule.kind],
            pattern.groupindex[f"num_{rule.kind}"],
        )
        for rule in MARKER_RULES
        if rule.kind in pattern.groupindex
    }


# The patterns a line is matched with, as `re` reads them: `re` matches these two to three times
# as fast as `regex` does (the search at a pause from its end, _straddling, keeps `regex`).
_AT_START_RE: Final = patterns.compile_re(_alternation_for_re(MARKER_RULES))
_INLINE_RULES: Final = tuple(rule for rule in MARKER_RULES if rule.inline)
_INSIDE_RE: Final = {
    _INSIDE: patterns.compile_re(rf"{_BEFORE}(?:{_alternation_for_re(_INLINE_RULES)})"),
    _INSIDE_MARKUP: patterns.compile_re(
        rf"{_BEFORE_MARKUP}(?:{_alternation_for_re(_INLINE_RULES)})"
    ),
}
_AT_START_KINDS: Final = _kinds_by_group(_AT_START_RE)
_INSIDE_KINDS: Final = {inside: _kinds_by_group(found) for inside, found in _INSIDE_RE.items()}
# The rules that may stand inside a paragraph, for `re` (see `_superset_for_re`).
_INLINE_FOR_RE: Final = "|".join(
    f"(?:{_superset_for_re(rule.pattern)})" for rule in MARKER_RULES if rule.inline
)
# Where each pattern can match: a pause from which spaces (and markup) lead to a marker. Nine
# lines in ten hold none, and a `re` scan for them (a few times faster than the search with
# `regex`) spares them the search. The scan runs the rules themselves, as `re` reads them, at
# each pause before a character that can open a marker (FIRST_CHARS, one test that lets most
# pauses go): three in four such pauses open none (「，一定要」「。一九九〇年」), and `regex` is
# asked only about the others, each of which it then checks exactly.
# One scan a pause, each for a pattern that opens with that one character: `re` skips to a
# literal first character in a tight loop, where a class of pauses (a CJK class, tested through
# a bitmap call per character) costs four times as much a character; seven such scans take
# about two thirds of the one scan with the class. Together the scans find every such pause,
# and sorted, in order.
# Before the rules, one test of the character right after the pause, which the rules need to be
# a space, a tag's or entity's first character or FIRST_CHARS: it lets nine pauses in ten go at
# a quarter of the cost of entering the rules' look-ahead. That character is matched, not looked
# ahead at: a look-ahead costs `re` a frame of its own at each of the many pauses (a ninth fewer
# instructions for the scans), and the look-behind that steps back over it to read the rules
# runs only at the few pauses it lets through. No pause is such a character, so a match (the
# pause and the character after it) never covers the next pause a scan is to find.
_MAY_HOLD: Final = {
    _INSIDE: tuple(
        patterns.compile_re(
            rf"{re.escape(pause)}(?:[ \t]|{FIRST_CHARS})"
            rf"(?<=(?=[ \t]*(?={FIRST_CHARS})(?:{_INLINE_FOR_RE})).)"
        )
        for pause in _PAUSES
    ),
    _INSIDE_MARKUP: tuple(
        patterns.compile_re(
            rf"{re.escape(pause)}(?:[ \t<&]|{FIRST_CHARS})"
            rf"(?<=(?=[ \t]*(?:(?=[<&])(?:{MARKUP})[ \t]*)*(?={FIRST_CHARS})"
            rf"(?:{_INLINE_FOR_RE})).)"
        )
        for pause in _PAUSES
    ),
}
if any(re.fullmatch(rf"[ \t<&]|{FIRST_CHARS}", pause) for pause in _PAUSES):
    raise AssertionError("a pause may follow a pause: a match would cover the next one")
# Each pause with its scan, paired once: the pauses' string would make each pause a new
# string, and `zip` a new iterator, on every call.
_SCANS: Final = {
    inside: tuple(zip(_PAUSES, scans, strict=True)) for inside, scans in _MAY_HOLD.items()
}
# What a paragraph with a marker at its start opens with: the marker, or markup before it.
_MAY_OPEN: Final = MARKER_OPENERS | frozenset("<&")
_CREDIT_BEFORE: Final = frozenset("/ ")
_SENTENCE_END: Final = frozenset("。!?摄")
# The group number of each kind's group in each pattern: a match names its kind by the one kind
# group that took part in it, read from `Match.regs` in one call.
_INSIDE_GROUPS: Final = {
    _INSIDE: kind_groups(_INSIDE),
    _INSIDE_MARKUP: kind_groups(_INSIDE_MARKUP),
}
_NO_CANDIDATES: Final[list[int]] = []
_NO_LINE: Final = -2
# scan_markers and _scan_line unpack a Line at once, by the order of its fields.
if Line._fields != ("number", "start", "body", "end", "source", "continues", "continued"):
    raise AssertionError("markers.py unpacks a Line by the order of its fields")
_new_tuple: Final = tuple.__new__
# What ends a title, and the quotes whose content never ends one; a title also ends at a tag
# (「<b>一、总体要求</b>」). Searched with `re`, twice as fast as `regex` over a title's few
# characters; the patterns read the same in both. Each opens with one class, the tag's 「<」
# in it, so that `re` skips to the next stop testing each character against the class: an
# alternation of the class and the tag (「[。!?“”]|</?[a-zA-Z]」) would be entered at every
# character.
_TITLE_STOPS: Final = {
    Anchor.LINE: patterns.compile_re(r"[。!?“”<](?:(?<=<)/?[a-zA-Z]|(?<!<))"),
    Anchor.SENTENCE: patterns.compile_re(r"[。!?;“”<](?:(?<=<)/?[a-zA-Z]|(?<!<))"),
}
# Spaces and markup: what may stand before a marker at a paragraph's start and between a
# marker and its title.
_LAYOUT: Final = patterns.compile(rf"(?:\s|{MARKUP})*")
# The rest of a marker cut by a hard wrap after its opening bracket: 「（」 ends a line and
# 「三）」 opens the next.
_PAREN_REST: Final = patterns.compile(rf"(?P<num>{LEAD_NUMERAL}|[0-9]{{1,2}})\)")
_OPENERS: Final = "(“「『《【"
_CLOSERS: Final = ")”」』》】"
# Found with `re`, which walks a paragraph to its next bracket three times as fast as `regex`
# (a class of plain characters reads the same in both).
_BRACKETS: Final = patterns.compile_re(rf'[{re.escape(_OPENERS + _CLOSERS)}"]')


# Scratch, one per candidate marker and private to the scan: not frozen, since a frozen
# dataclass sets each field through object.__setattr__ (twice the cost of building one).
@dataclass(slots=True)
class _Found:
    kind: MarkerKind
    anchor: Anchor
    ordinal: int
    start: int
    end: int
    line: int  # the number of the marker's line
    index: int  # where that line stands in the lines scanned (they may skip removed ones)
    needs_run: bool  # kept only in a run: a heading marker inside a paragraph, a bare numeral
    announced: bool = False


def scan_markers(lines: Sequence[Line]) -> list[MarkerHit]:
    """Every marker in the lines, in document order, with its title span."""
    found: list[_Found] = []
    folded = lines[0].source.folded if lines else ""
    inside = _INSIDE_MARKUP if "<" in folded or "&" in folded else _INSIDE
    # Where a marker inside a paragraph may stand, found in one scan of the text: nine
    # paragraphs in ten hold no such place.
    candidates = _candidates(folded, inside)
    # The candidates are walked along with the lines: most lines hold none, which a comparison
    # with the next candidate tells.
    ahead = 0  # the first of the candidates not before the current line
    upcoming = candidates[0] if candidates else len(folded)  # candidates[ahead]
    # The number of the line before when it ends with 「（」 or a space; else a number no line's
    # before has (line numbers count from 0).
    paren_line = _NO_LINE
    for n, line in enumerate(lines):
        # A line unpacked at once: its fields read by name cost several times as much.
        number, _, body, end, _, continues, _ = line
        if body == end:  # a blank line holds no marker, nor the rest of one
            paren_line = _NO_LINE
            continue
        if paren_line == number - 1:
            _split_paren(lines[n - 1], line, n, found)
        inner = _NO_CANDIDATES
        if upcoming < end:
            ahead = bisect.bisect_left(candidates, body, ahead)
            stop = bisect.bisect_left(candidates, end, ahead)
            inner = candidates[ahead:stop]
            ahead = stop
            upcoming = candidates[stop] if stop < len(candidates) else len(folded)
        # Most paragraphs neither open with a character a marker or markup opens with, nor hold
        # a candidate: there is nothing to scan.
        if inner or folded[body] in _MAY_OPEN:
            count = len(found)
            if _scan_line(line, n, found, inside, inner) and _announced(lines, n, folded):
                found[count].announced = True
        if continues and n + 1 < len(lines):
            _straddling(line, lines[n + 1], n + 1, found, inside)
        paren_line = number if folded[end - 1] in "( \t" else _NO_LINE
    kept = _kept(found)
    if not kept:
        return []
    markers: list[MarkerHit] = []
    for i, f in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        # A title cut by a hard wrap runs on into the next lines, never past the next marker.
        last = f.index
        while (
            lines[last].continues
            and last + 1 < len(lines)
            and (nxt is None or nxt.line > lines[last].number)
        ):
            last += 1
        limit = lines[last].end if nxt is None or nxt.line > lines[last].number else nxt.start
        if nxt is not None and nxt.start < limit:
            limit = nxt.start  # a marker cut by a wrap opens on this line: 「…。（」
        title_start, title_end = _title(folded, f, limit)
        # Built as the named tuple's own __new__ builds it, without that Python-level call.
        markers.append(
            _new_tuple(
                MarkerHit,
                (
                    f.kind,
                    f.anchor,
                    f.ordinal,
                    f.start,
                    f.end,
                    title_start,
                    title_end,
                    f.line,
                    f.announced,
                ),
            )
        )
    return markers


def _candidates(folded: str, inside: regex.Pattern[str]) -> list[int]:
    """The pauses in `folded` from which a marker of `inside` may follow (see `_MAY_HOLD`), in
    order."""
    candidates: list[int] = []
    for pause, may_hold in _SCANS[inside]:
        # Each scan starts at its pause's first occurrence, which `str.find` reaches several
        # times as fast: most texts hold no 「?」 or 「摄」, many no 「!」, which `in` (no
        # arguments to parse, unlike `find`) tells at a sixth of the cost of a `find`.
        if pause in folded:
            first = folded.find(pause)
            candidates.extend([m.start() for m in may_hold.finditer(folded, first)])
    candidates.sort()
    return candidates


def _scan_line(
    line: Line,
    index: int,
    out: list[_Found],
    inside: regex.Pattern[str],
    candidates: Sequence[int],
) -> bool:
    """Append the markers of the line, lines[index], to `out`; return whether one opens the
    paragraph. `candidates`: the places in the line where a marker inside it may stand (see
    `_MAY_HOLD`), in order.

    The checks of a match are written out here rather than in helpers: this runs per line
    and per marker, thousands of times a megabyte."""
    number, _, body, end_of_line, source, _, continued = line
    folded = source.folded
    first = len(out)  # where this line's markers start in `out`
    # A line a hard wrap runs into starts mid-sentence, where no marker stands.
    start_at = body
    if body < end_of_line and folded[body] in "<&":
        layout = _LAYOUT.match(folded, body, end_of_line)  # 「<b>一、…」
        start_at = layout.end() if layout is not None else body
    m = (
        _AT_START_RE.match(folded, start_at, end_of_line)
        if start_at < end_of_line and folded[start_at] in MARKER_OPENERS and not continued
        else None
    )
    opened = False
    if m is not None:
        kind, _, num = _AT_START_KINDS[m.lastindex]
        ordinal = to_int(m.group(num))
        if ordinal is not None and ordinal >= 1:
            start, end = m.span()  # the kind group's: the pattern is an alternation of them
            needs_run = kind in IN_RUN_ONLY
            out.append(_Found(kind, _ANCHOR[kind], ordinal, start, end, number, index, needs_run))
            opened = True
    if not candidates:
        return opened
    pattern = _INSIDE_RE[inside]
    kinds = _INSIDE_KINDS[inside]
    enclosed: _Enclosure | None = None
    # A match opens where a candidate does, and most candidates open none (「，一些」): each is
    # tried where it stands, rather than searched from with `regex` to the end of the line.
    # Each is looked for from the last character of the one before: the pause of one marker may
    # be the last character of the previous one (「第一，二是」), which a look-behind for the
    # pause would find too.
    resume = 0  # where the next match may open
    for candidate in candidates:
        if candidate < resume:
            continue
        m = pattern.match(folded, candidate, end_of_line)
        if m is None:
            continue
        resume = m.end() - 1
        kind, group, num = kinds[m.lastindex]
        start, end = m.span(group)
        anchor = _ANCHOR[kind]
        pause = folded[candidate]
        if anchor is Anchor.LINE and pause not in _SENTENCE_END:
            continue  # a heading marker inside a paragraph stands only after a sentence end
        if pause == "摄" and (candidate == body or folded[candidate - 1] not in _CREDIT_BEFORE):
            continue
        if enclosed is None:
            enclosed = _Enclosure(folded, body)
        if enclosed.at(start):
            continue
        ordinal = to_int(m.group(num))
        if ordinal is None or ordinal < 1:
            continue
        needs_run = anchor is Anchor.LINE or kind in IN_RUN_ONLY
        # A comma opens an enumeration only to continue a run of this paragraph's markers (a
        # hard wrap may have put the last one on the line before), or to open one that goes
        # on (「两个基本含义，一是…。二是…」).
        if pause == "," and not (
            (len(out) > first or (out and continued))
            and out[-1].kind is kind
            and out[-1].ordinal == ordinal - 1
        ):
            if ordinal != 1:
                continue
            needs_run = True
        out.append(_Found(kind, anchor, ordinal, start, end, number, index, needs_run))
    return opened


def _straddling(
    line: Line, nxt: Line, index: int, out: list[_Found], inside: regex.Pattern[str]
) -> None:
    """Append a marker that a hard wrap cut in two after a pause: 「…为王，一」 ‖ 「要强化…」.
    The marker spans the line break; its title is on the next line, lines[index]."""
    folded = line.source.folded
    tail_start = max(line.body, line.end - 4)
    tail = folded[tail_start : line.end]
    m = inside.search(tail + folded[nxt.body : nxt.body + 5])
    if m is None or not m.start() < len(tail) < m.end():
        return
    kind, start, end = kind_of(m, _INSIDE_GROUPS[inside])
    ordinal = to_int(m.group("num"))
    if start >= len(tail) or ordinal is None or ordinal < 1:
        return
    pause = m.group("pause")
    anchor = _ANCHOR[kind]
    if anchor is Anchor.LINE and pause not in _SENTENCE_END:
        return
    continuing = bool(out) and out[-1].kind is kind and out[-1].ordinal == ordinal - 1
    if pause == "," and not continuing and ordinal != 1:
        return
    needs_run = anchor is Anchor.LINE or kind in IN_RUN_ONLY or (pause == "," and not continuing)
    start, end = tail_start + start, nxt.body + end - len(tail)
    out.append(_Found(kind, anchor, ordinal, start, end, nxt.number, index, needs_run))


def _announced(lines: Sequence[Line], n: int, folded: str) -> bool:
    """Whether the last paragraph with content before line `n` ends with ：."""
    for k in range(n - 1, max(0, n - 8) - 1, -1):  # the eight lines before, nearest first
        _, _, body, end, _, _, _ = lines[k]
        while end > body and folded[end - 1] in " \t":
            end -= 1
        if end > body:
            return folded[end - 1] == ":"
    return False


def _split_paren(previous: Line, line: Line, index: int, out: list[_Found]) -> None:
    """Append a bracketed marker that a hard wrap cut after its opening bracket: the previous
    line ends with 「（」 and this one, lines[index], opens with 「三）」. The marker spans the
    line break."""
    folded = line.source.folded
    end = previous.end
    while end > previous.body and folded[end - 1] in " \t":
        end -= 1
    if end == previous.body or folded[end - 1] != "(":
        return
    m = _PAREN_REST.match(folded, line.body, line.end)
    if m is None:
        return
    ordinal = to_int(m.group("num"))
    if ordinal is None or ordinal < 1:
        return
    kind = MarkerKind.ARABIC_PAREN if m.group("num").isascii() else MarkerKind.HAN_PAREN
    out.append(_Found(kind, Anchor.LINE, ordinal, end - 1, m.end(), line.number, index, False))


class _Enclosure:
    """Tracks bracket and quote depth along one paragraph, moving only forward."""

    __slots__ = ("depth", "folded", "pos", "straight_quotes")

    def __init__(self, folded: str, start: int) -> None:
        self.folded = folded
        self.pos = start
        self.depth = 0
        self.straight_quotes = 0

    def at(self, position: int) -> bool:
        """Whether `position` lies inside （…）, “…”, 「…」, 『…』, 《…》, 【…】 or "…"."""
        opened = closed = 0
        for c in _BRACKETS.findall(self.folded, self.pos, position):
            if c == '"':
                self.straight_quotes += 1
            elif c in _OPENERS:
                opened += 1
            else:
                closed += 1
        self.pos = position
        self.depth = max(0, self.depth + opened - closed)
        return self.depth > 0 or self.straight_quotes % 2 == 1


def _kept(found: list[_Found]) -> list[_Found]:
    """The markers kept. A heading marker inside a paragraph counts when the previous or next
    marker of its kind continues its numbering (一、…二、…三、 in a crawl), not when it stands
    alone; every other marker counts."""
    if not any(f.needs_run for f in found):  # most texts: a heading opens its paragraph
        return found
    return [f for f, keep in zip(found, _in_run(found), strict=True) if keep]


def _in_run(found: Sequence[_Found]) -> list[bool]:
    """Whether each marker is kept (see `_kept`)."""
    continues = [False] * len(found)  # continued by the next marker of its kind
    last: dict[MarkerKind, int] = {}
    for i, f in enumerate(found):
        j = last.get(f.kind)
        if j is not None and found[j].ordinal == f.ordinal - 1:
            continues[j] = True
        last[f.kind] = i
    keep = []
    last.clear()
    for i, f in enumerate(found):
        j = last.get(f.kind)
        continued = j is not None and found[j].ordinal == f.ordinal - 1
        keep.append(not f.needs_run or continued or continues[i])
        last[f.kind] = i
    return keep


def _title(folded: str, f: _Found, limit: int) -> tuple[int, int]:
    """The title's [start, end): after the marker and its spaces, up to the first sentence end
    outside quotes (exclusive), the next marker, or the end of the paragraph."""
    start = f.end
    # Most titles follow their marker right away: where the next character is neither white
    # space nor opens markup (every character `regex` takes for \s is one `str.isspace` takes),
    # the layout pattern would match nothing there, and it is not run.
    if start < limit and (folded[start].isspace() or folded[start] in "<&"):
        gap = _LAYOUT.match(folded, start, limit)
        start = gap.end() if gap is not None else start
    # Searched stop by stop rather than walked with finditer: most titles end at their first.
    stops = _TITLE_STOPS[f.anchor]
    end = limit
    depth = 0
    m = stops.search(folded, start, limit)
    while m is not None:
        at = m.start()
        c = folded[at]
        if c == "“":
            depth += 1
        elif c == "”":
            depth = max(0, depth - 1)
        elif depth == 0:
            end = at
            break
        m = stops.search(folded, m.end(), limit)
    while end > start and folded[end - 1] in " \t,、":
        end -= 1
    return start, end
