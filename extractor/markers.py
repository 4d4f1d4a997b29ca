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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

import regex

from extractor.marker_rules import ALTERNATION, AT_START, FIRST_CHARS, kind_groups, kind_of
from extractor.marker_rules import MARKER_RULES as MARKER_RULES
from extractor.marker_rules import Anchor as Anchor
from extractor.marker_rules import MarkerRule as MarkerRule
from extractor.numerals import to_int
from extractor.source import Line
from schemas import MarkerKind


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


_ANCHOR: Final = {rule.kind: rule.anchor for rule in MARKER_RULES}
# Inside a paragraph, after a pause. Heading markers found here are kept only after 。！？ and
# in a run (a crawl that lost its line breaks); enumerations after any of 。；！？：.
# A comma opens an enumeration only to continue a run: 「三件大事：一是…，二是…，三是…」.
# The pause is matched, not looked behind at: a pattern that opens with a character class lets
# the engine skip from pause to pause. The look-ahead for a character that can open a marker
# lets it leave most pauses, commas above all, after one test instead of one per rule.
_INSIDE: Final = regex.compile(rf"(?P<pause>[。;!:?,])[ \t]*(?={FIRST_CHARS})(?:{ALTERNATION})")
_SENTENCE_END: Final = frozenset("。!?")
_AT_START_GROUPS: Final = kind_groups(AT_START)
_INSIDE_GROUPS: Final = kind_groups(_INSIDE)
# What ends a title, and the quotes whose content never ends one.
_TITLE_STOPS: Final = {
    Anchor.LINE: regex.compile(r"[。!?“”]"),
    Anchor.SENTENCE: regex.compile(r"[。!?;“”]"),
}
_OPENERS: Final = "(“「『《【"
_CLOSERS: Final = ")”」』》】"
_BRACKETS: Final = regex.compile(rf'[{regex.escape(_OPENERS + _CLOSERS)}"]')


# Scratch, one per candidate marker and private to the scan: not frozen, since a frozen
# dataclass sets each field through object.__setattr__ (see MarkerHit).
@dataclass(slots=True)
class _Found:
    kind: MarkerKind
    anchor: Anchor
    ordinal: int
    start: int
    end: int
    line: int
    inline_heading: bool  # a heading marker inside a paragraph, kept only in a run


def scan_markers(lines: Sequence[Line]) -> list[MarkerHit]:
    """Every marker in the lines, in document order, with its title span."""
    found: list[_Found] = []
    for line in lines:
        _scan_line(line, found)
    kept = _kept(found)
    position = {line.number: n for n, line in enumerate(lines)}  # lines may skip removed ones
    markers: list[MarkerHit] = []
    for i, f in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        n = position[f.line]
        line = lines[n]
        # A title cut by a hard wrap runs on into the next lines, never past the next marker.
        last = n
        while (
            lines[last].continues
            and last + 1 < len(lines)
            and (nxt is None or nxt.line > lines[last].number)
        ):
            last += 1
        limit = lines[last].end if nxt is None or nxt.line > lines[last].number else nxt.start
        title_start, title_end = _title(line, f, limit)
        markers.append(
            MarkerHit(f.kind, f.anchor, f.ordinal, f.start, f.end, title_start, title_end, f.line)
        )
    return markers


def _scan_line(line: Line, out: list[_Found]) -> None:
    """Append the line's markers to `out`. The search for pauses and the checks of a match are
    written out here rather than in a generator and helpers: this runs per line and per marker,
    thousands of times a megabyte."""
    folded = line.source.folded
    body, end_of_line, number = line.body, line.end, line.number
    first = len(out)  # where this line's markers start in `out`
    # A line a hard wrap runs into starts mid-sentence, where no marker stands.
    m = None if line.continued else AT_START.match(folded, body, end_of_line)
    if m is not None:
        kind, start, end = kind_of(m, _AT_START_GROUPS)
        ordinal = to_int(m.group("num"))
        if ordinal is not None and ordinal >= 1:
            out.append(_Found(kind, _ANCHOR[kind], ordinal, start, end, number, False))
    enclosed: _Enclosure | None = None
    # The matches of _INSIDE as a look-behind for the pause would find them: the pause of one
    # marker may be the last character of the previous one (「第一，二是」).
    m = _INSIDE.search(folded, body, end_of_line)
    while m is not None:
        kind, start, end = kind_of(m, _INSIDE_GROUPS)
        anchor = _ANCHOR[kind]
        pause = folded[m.start()]
        ordinal = to_int(m.group("num"))
        m = _INSIDE.search(folded, m.end() - 1, end_of_line)
        if anchor is Anchor.LINE and pause not in _SENTENCE_END:
            continue  # a heading marker inside a paragraph stands only after a sentence end
        if enclosed is None:
            enclosed = _Enclosure(folded, body)
        if enclosed.at(start) or ordinal is None or ordinal < 1:
            continue
        # A comma opens an enumeration only to continue a run of this line's markers.
        if pause == "," and not (
            len(out) > first and out[-1].kind is kind and out[-1].ordinal == ordinal - 1
        ):
            continue
        out.append(_Found(kind, anchor, ordinal, start, end, number, anchor is Anchor.LINE))


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
        for m in _BRACKETS.finditer(self.folded, self.pos, position):
            c = m.group()
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
    if not any(f.inline_heading for f in found):  # most texts: a heading opens its paragraph
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
        keep.append(not f.inline_heading or continued or continues[i])
        last[f.kind] = i
    return keep


def _title(line: Line, f: _Found, limit: int) -> tuple[int, int]:
    """The title's [start, end): after the marker and its spaces, up to the first sentence end
    outside quotes (exclusive), the next marker, or the end of the paragraph."""
    folded = line.source.folded
    start = f.end
    while start < limit and folded[start] in " \t":
        start += 1
    end = limit
    depth = 0
    for m in _TITLE_STOPS[f.anchor].finditer(folded, start, limit):
        c = m.group()
        if c == "“":
            depth += 1
        elif c == "”":
            depth = max(0, depth - 1)
        elif depth == 0:
            end = m.start()
            break
    while end > start and folded[end - 1] in " \t,、":
        end -= 1
    return start, end
