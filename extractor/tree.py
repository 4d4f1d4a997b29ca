"""tree: [MarkerHit] → [Node], nested the way a reader nests them, plus numbering diagnostics.

Heading markers nest by their official rank, 一、 (or a bare 一　 of collected works) above
（一） above 1. above （1） above ①, and the rank is never inverted; a speech built on parts
(第一个问题：) has them above every other marker, or below the 一、 they open in. A speech that
opens at （一） simply has no 一、 level, and a section that skips 1. still nests its （1）
right. Enumerations (一是, 一要, 第一，, 其一，) nest under the
nearest heading above. A marker of the kind of an open sibling is that sibling's successor; an
ordinal 1 after a higher one starts a new run of siblings (achievements 一是…三是, then problems
一是…四是). Irregular numbering is reported as diagnostics, never raised.

The tree reads no text but to trim white space off span ends and to quote markers in messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, NamedTuple

from extractor import patterns
from extractor.marker_rules import HEADING_LABEL
from extractor.marker_rules import HEADING_RANK as HEADING_RANK
from extractor.markers import MarkerHit
from extractor.numerals import CIRCLED, HAN_NUMERAL_CHARS
from schemas import DiagnosticCode, MarkerKind

_NUMERAL: Final = patterns.compile(rf"[0-9０-９{HAN_NUMERAL_CHARS}{CIRCLED}]+")
_ROOT: Final = -1  # the rank a top-level section nests under: parts and 一、 skip no level
# Parts that open inside a 一、 section (「一、关于…」 then 「第一个问题，…」) are read below it.
_PART_INSIDE: Final = 0.5
_LABEL: Final = {
    **{float(rank): label for rank, label in HEADING_LABEL.items()},
    _PART_INSIDE: "第一个问题",
}


# Read-only to the type checker (Final), as a frozen dataclass is at run time, without its
# cost: a frozen dataclass's __init__ sets each field through object.__setattr__, three times
# the cost of plain slots, and one node is built per marker. Later stages read a node's fields
# many times over (every sentence asks which section holds it), and slots are read faster than
# a named tuple's fields.
@dataclass(slots=True)
class Node:
    """A section: its marker, its depth (1 at the top), where it ends (white space trimmed) and
    its subsections. Built once its end is known, and never changed after."""

    marker: Final[MarkerHit]
    level: Final[int]
    end: Final[int]
    children: Final[tuple[Node, ...]]


# Scratch private to build_tree, one per marker: mutable, and its containers made only for
# the sections that get children (most are enumerations, which never do).
@dataclass(slots=True)
class _Open:
    """A section whose end is not known yet: its heading rank (None: an enumeration), the
    children closed so far, and the last marker of each kind among them, so that finding a
    marker's previous sibling of its kind never walks back over the siblings."""

    marker: MarkerHit
    level: int
    rank: float | None
    quoted: bool  # an item of a list quoted inside the section above (see build_tree)
    children: list[Node] | None = None
    last_of_kind: dict[MarkerKind, MarkerHit] | None = None


class Issue(NamedTuple):
    """A numbering irregularity at [start, end) of the text."""

    code: DiagnosticCode
    message: str
    start: int
    end: int


def build_tree(markers: Sequence[MarkerHit], text: str) -> tuple[list[Node], list[Issue]]:
    """Nest markers into sections; return the top-level sections and the diagnostics.

    A list announced by a colon that restarts the numbering of an open section's kind
    (「以下的积累来源：」 then 一、…四、 inside 「第一，」 of 三、) is quoted inside the innermost
    open section, not a run of new top-level sections; it ends where a marker does not
    continue it."""
    ranks = _ranks(markers)
    roots: list[Node] = []
    root_kinds: dict[MarkerKind, MarkerHit] = {}
    stack: list[_Open] = []
    issues: list[Issue] = []
    ranks_seen: set[float] = set()
    for marker in markers:
        kind = marker.kind
        rank = ranks.get(kind)
        in_list = rank is not None and marker.announced and _quotes(marker, stack, ranks)
        while not in_list and stack:
            top = stack[-1]
            if top.quoted:
                # A quoted item holds only deeper headings of a kind not open outside the list
                # (its own （1））; any other marker ends it, and continues its list or ends the
                # list: 「第二，」 or 「（二）」 after the list go back to the speech's outline.
                if (
                    rank is not None
                    and rank > ranks[top.marker.kind]
                    and all(o.marker.kind is not kind for o in stack)
                ):
                    break
                in_list = top.marker.kind is kind and marker.ordinal == top.marker.ordinal + 1
            elif top.rank is not None and (rank is None or top.rank < rank):
                break  # a heading holds the deeper headings and the enumerations after it
            # An enumeration holds no sections: anything after it is its sibling or above.
            _close(stack, roots, marker.start, text)
        parent = stack[-1].marker if stack else None
        if rank is not None and not in_list:
            parent_rank = ranks.get(parent.kind, _ROOT) if parent else _ROOT
            if rank > parent_rank + 1:  # a level between the two may be skipped
                issues.extend(_skipped_levels(marker, parent, rank, ranks_seen, text, ranks))
            ranks_seen.add(rank)
        if stack:
            previous = stack[-1].last_of_kind
            if previous is None:
                previous = stack[-1].last_of_kind = {}
        else:
            previous = root_kinds
        prev = previous.get(kind)
        # Most markers continue their sibling's numbering in its style (or open a run at 1):
        # that is told here, and only the others are checked in full.
        if prev is None:
            if marker.ordinal != 1:
                issues.extend(_numbering(marker, prev, text))
        elif marker.ordinal != prev.ordinal + 1 or not _same_style(prev, marker, text):
            issues.extend(_numbering(marker, prev, text))
        previous[kind] = marker
        stack.append(_Open(marker, len(stack) + 1, rank, in_list))
    while stack:
        _close(stack, roots, len(text), text)
    if not markers and text.strip():
        message = "no heading or enumeration markers: the whole text is preamble"
        issues.append(Issue(DiagnosticCode.NO_MARKERS, message, 0, len(text)))
    return roots, issues


def _ranks(markers: Sequence[MarkerHit]) -> dict[MarkerKind, float]:
    """The rank of each heading kind in this speech: parts stand at the top unless a 一、
    section opens before the first of them."""
    first_part = next((m.start for m in markers if m.kind is MarkerKind.DI_HAN_PART), None)
    ranks: dict[MarkerKind, float] = dict(HEADING_RANK)
    if first_part is None:
        return ranks
    top = HEADING_RANK[MarkerKind.HAN_COMMA]
    if any(HEADING_RANK.get(m.kind) == top for m in markers if m.start < first_part):
        ranks[MarkerKind.DI_HAN_PART] = _PART_INSIDE
    return ranks


def _quotes(marker: MarkerHit, stack: Sequence[_Open], ranks: dict[MarkerKind, float]) -> bool:
    """Whether the marker opens a list quoted inside the innermost open section: announced by
    a colon, numbered from 1 while a section of its kind is open above deeper ones."""
    if not marker.announced or marker.ordinal != 1 or len(stack) < 2:
        return False
    rank = ranks[marker.kind]
    innermost = stack[-1].marker
    return ranks.get(innermost.kind, rank + 1) > rank and any(
        o.marker.kind is marker.kind for o in stack[:-1]
    )


def _close(stack: list[_Open], roots: list[Node], end: int, text: str) -> None:
    """End the innermost open section at `end` and add it to its parent (or the roots)."""
    open_ = stack.pop()
    marker = open_.marker
    start = marker.start
    if end > start and text[end - 1].isspace():  # `_trimmed`, here without a call
        near = max(start, end - _NEAR)
        kept = len(text[near:end].rstrip())
        end = near + kept if kept or near == start else start + len(text[start:near].rstrip())
    children = open_.children
    node = Node(marker, open_.level, end, () if children is None else tuple(children))
    if not stack:
        roots.append(node)
    else:
        parent = stack[-1]
        if parent.children is None:
            parent.children = [node]
        else:
            parent.children.append(node)


def _trimmed(text: str, start: int, end: int) -> int:
    """`end` moved back over white space, never before `start`. The white space may be long:
    a removed footer before the next section stands there as spaces."""
    if end > start and text[end - 1].isspace():
        # Most sections end on a few spaces (a line break, the next line's indentation): the
        # last few characters tell where, without copying the section to strip it.
        near = max(start, end - _NEAR)
        kept = len(text[near:end].rstrip())
        return near + kept if kept or near == start else start + len(text[start:near].rstrip())
    return end


# How far back from a section's end `_trimmed` looks for its last character first.
_NEAR: Final = 16


def _skipped_levels(
    marker: MarkerHit,
    parent: MarkerHit | None,
    rank: float,
    ranks_seen: set[float],
    text: str,
    ranks: dict[MarkerKind, float],
) -> list[Issue]:
    """A heading that nests below a level the speech uses elsewhere, e.g. （1） right under 一、
    in a speech that has （一）."""
    parent_rank = ranks.get(parent.kind, _ROOT) if parent else _ROOT
    skipped = sorted(r for r in ranks_seen if parent_rank < r < rank)
    if not skipped:
        return []
    names = ", ".join(_LABEL[r] for r in skipped)
    where = f"under {_quote(parent, text)}" if parent else "at the top"
    return [
        Issue(
            DiagnosticCode.SKIPPED_LEVEL,
            f"{_quote(marker, text)} stands {where}, skipping the level of {names}",
            marker.start,
            marker.end,
        )
    ]


def _numbering(marker: MarkerHit, prev: MarkerHit | None, text: str) -> list[Issue]:
    """Check the marker against the previous sibling of its kind: ordinals, then style."""
    expected = 1 if prev is None else prev.ordinal + 1
    if marker.ordinal == expected and (prev is None or _same_style(prev, marker, text)):
        return []  # the common case, decided without quoting anything
    here = _quote(marker, text)
    if prev is None:
        if marker.ordinal == 1:
            return []
        return [_issue(DiagnosticCode.ORDINAL_GAP, f"{here} opens a run that lacks 1", marker)]
    issues: list[Issue] = []
    there = _quote(prev, text)
    if marker.ordinal == expected:
        pass
    elif marker.ordinal == 1:
        # A second run of 一是 in one section is ordinary; a second 一、 is worth a note.
        if marker.kind in HEADING_RANK:
            message = f"{here} restarts the numbering after {there}"
            issues.append(_issue(DiagnosticCode.ORDINAL_RESTART, message, marker))
    elif marker.ordinal == prev.ordinal:
        issues.append(_issue(DiagnosticCode.ORDINAL_REPEAT, f"{here} repeats {there}", marker))
    elif marker.ordinal > expected:
        message = f"{here} follows {there}: {expected} is missing"
        issues.append(_issue(DiagnosticCode.ORDINAL_GAP, message, marker))
    else:
        message = f"{here} follows {there}: out of order"
        issues.append(_issue(DiagnosticCode.ORDINAL_OUT_OF_ORDER, message, marker))
    if not _same_style(prev, marker, text):
        message = f"{here} is written in another style than {there}"
        issues.append(_issue(DiagnosticCode.MIXED_STYLE, message, marker))
    return issues


def _issue(code: DiagnosticCode, message: str, marker: MarkerHit) -> Issue:
    return Issue(code, message, marker.start, marker.end)


def _quote(marker: MarkerHit, text: str) -> str:
    return f"「{text[marker.start : marker.end]}」"


def _same_style(a: MarkerHit, b: MarkerHit, text: str) -> bool:
    return _style(text[a.start : a.end]) == _style(text[b.start : b.end])


# A speech writes a few dozen distinct markers (一、 二、 … 一是 二是 …) thousands of times.
@lru_cache(maxsize=4096)
def _style(marker_text: str) -> str:
    """The marker with its numeral blanked: 「（N）」 and 「(N)」, 「N．」 and 「N、」 differ."""
    return _NUMERAL.sub("N", marker_text)


def clip_tree(nodes: Sequence[Node], end: int, text: str) -> list[Node]:
    """The sections with every one that reaches past `end` ended there (white space trimmed):
    the closing words are split off the last sections. Sections that end before `end` are
    returned as they are."""
    return [
        Node(
            node.marker,
            node.level,
            _trimmed(text, node.marker.start, max(end, node.marker.end)),
            tuple(clip_tree(node.children, end, text)),
        )
        if node.end > end
        else node
        for node in nodes
    ]
