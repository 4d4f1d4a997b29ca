"""tree: [Marker] → [Node], nested the way a reader nests them, plus numbering diagnostics.

Heading markers nest by their official rank, 一、 above （一） above 1. above （1） above ①, and
the rank is never inverted; a speech that opens at （一） simply has no 一、 level, and a section
that skips 1. still nests its （1） right. Enumerations (一是, 一要, 第一，, 其一，) nest under the
nearest heading above. A marker of the kind of an open sibling is that sibling's successor; an
ordinal 1 after a higher one starts a new run of siblings (achievements 一是…三是, then problems
一是…四是). Irregular numbering is reported as diagnostics, never raised.

The tree reads no text but to trim white space off span ends and to quote markers in messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, NamedTuple

import regex

from extractor.markers import Marker
from extractor.numerals import CIRCLED, HAN_NUMERAL_CHARS
from schemas import DiagnosticCode, MarkerKind

# A speech's parts (第一个问题：) stand above every other marker; a bare numeral (一　) is a
# section of the 一、 rank, as collected works print it.
HEADING_RANK: Final = {
    MarkerKind.DI_HAN_PART: -1,
    MarkerKind.HAN_COMMA: 0,
    MarkerKind.HAN_BARE: 0,
    MarkerKind.HAN_PAREN: 1,
    MarkerKind.ARABIC_DOT: 2,
    MarkerKind.ARABIC_PAREN: 3,
    MarkerKind.CIRCLED: 4,
}
_ROOT: Final = -1  # the rank a top-level section nests under: parts and 一、 skip no level
_NUMERAL: Final = regex.compile(rf"[0-9０-９{HAN_NUMERAL_CHARS}{CIRCLED}]+")


@dataclass(slots=True)
class Node:
    """A section under construction; `end` is set when the next section at its level or above
    (or the end of the text) closes it."""

    marker: Marker
    level: int
    end: int = 0
    children: list[Node] = field(default_factory=list)


class Issue(NamedTuple):
    """A numbering irregularity at [start, end) of the text."""

    code: DiagnosticCode
    message: str
    start: int
    end: int


def build_tree(markers: Sequence[Marker], text: str) -> tuple[list[Node], list[Issue]]:
    """Nest markers into sections; return the top-level sections and the diagnostics."""
    roots: list[Node] = []
    stack: list[Node] = []
    issues: list[Issue] = []
    ranks_seen: set[int] = set()
    # The last marker of each kind among the children of each open node (None: the roots), so
    # finding a marker's previous sibling of its kind never walks back over the siblings.
    last_of_kind: dict[int | None, dict[MarkerKind, Marker]] = {}
    for marker in markers:
        rank = HEADING_RANK.get(marker.kind)
        while stack and _closes(stack[-1], rank):
            closed = stack.pop()
            _close(closed, marker.start, text)
            last_of_kind.pop(id(closed), None)
        parent = stack[-1] if stack else None
        siblings = parent.children if parent else roots
        if rank is not None:
            parent_rank = HEADING_RANK.get(parent.marker.kind, _ROOT) if parent else _ROOT
            if rank > parent_rank + 1:  # a level between the two may be skipped
                issues.extend(_skipped_levels(marker, parent, rank, ranks_seen, text))
            ranks_seen.add(rank)
        key = id(parent) if parent else None
        previous = last_of_kind.get(key)
        if previous is None:  # the first child: most nodes (enumerations) never get one
            previous = last_of_kind[key] = {}
        prev = previous.get(marker.kind)
        if prev is not None or marker.ordinal != 1:  # a first 1 is always in order
            issues.extend(_numbering(marker, prev, text))
        previous[marker.kind] = marker
        node = Node(marker, len(stack) + 1)
        siblings.append(node)
        stack.append(node)
    while stack:
        _close(stack.pop(), len(text), text)
    if not markers and text.strip():
        message = "no heading or enumeration markers: the whole text is preamble"
        issues.append(Issue(DiagnosticCode.NO_MARKERS, message, 0, len(text)))
    return roots, issues


def _closes(open_node: Node, rank: int | None) -> bool:
    """Whether a new marker of `rank` (None: an enumeration) closes the open node."""
    open_rank = HEADING_RANK.get(open_node.marker.kind)
    if open_rank is None:
        return True  # an enumeration holds no sections; anything after it is its sibling or above
    return rank is not None and open_rank >= rank


def _close(node: Node, end: int, text: str) -> None:
    while end > node.marker.start and text[end - 1].isspace():
        end -= 1
    node.end = end


def _skipped_levels(
    marker: Marker, parent: Node | None, rank: int, ranks_seen: set[int], text: str
) -> list[Issue]:
    """A heading that nests below a level the speech uses elsewhere, e.g. （1） right under 一、
    in a speech that has （一）."""
    parent_rank = HEADING_RANK.get(parent.marker.kind, _ROOT) if parent else _ROOT
    skipped = sorted(r for r in ranks_seen if parent_rank < r < rank)
    if not skipped:
        return []
    names = ", ".join(_KIND_EXAMPLE[r] for r in skipped)
    where = f"under {_quote(parent.marker, text)}" if parent else "at the top"
    return [
        Issue(
            DiagnosticCode.SKIPPED_LEVEL,
            f"{_quote(marker, text)} stands {where}, skipping the level of {names}",
            marker.start,
            marker.end,
        )
    ]


_KIND_EXAMPLE: Final = {-1: "第一部分", 0: "一、", 1: "（一）", 2: "1.", 3: "（1）", 4: "①"}


def _numbering(marker: Marker, prev: Marker | None, text: str) -> list[Issue]:
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


def _issue(code: DiagnosticCode, message: str, marker: Marker) -> Issue:
    return Issue(code, message, marker.start, marker.end)


def _quote(marker: Marker, text: str) -> str:
    return f"「{text[marker.start : marker.end]}」"


def _same_style(a: Marker, b: Marker, text: str) -> bool:
    return _style(text[a.start : a.end]) == _style(text[b.start : b.end])


# A speech writes a few dozen distinct markers (一、 二、 … 一是 二是 …) thousands of times.
@lru_cache(maxsize=4096)
def _style(marker_text: str) -> str:
    """The marker with its numeral blanked: 「（N）」 and 「(N)」, 「N．」 and 「N、」 differ."""
    return _NUMERAL.sub("N", marker_text)


def clip_tree(nodes: Sequence[Node], end: int, text: str) -> None:
    """End every section that reaches past `end` there (white space trimmed): the closing words
    or trailing boilerplate are split off the last sections."""
    for node in nodes:
        if node.end > end:
            _close(node, max(end, node.marker.end), text)
            clip_tree(node.children, end, text)
