"""regions: [Line] and [MarkerHit] → the closing; [Node] and [Line] → roles, achievements,
problems, tasks.

Three passes, each reading cue tables from lexicon.py:

1. The closing (`find_closing`): the last paragraphs after the last marker that open with
   同志们， 总之， 谢谢大家 and the like. It is found before the tree is built, and the pipeline
   ends the sections before it, so that `classify` reads sections that never reach into it.
2. Roles of sections, from the heading (认清形势 → situation, 工作回顾 → achievements, 存在的问题
   → problems, an imperative verb or 任务/要求/措施 → tasks) and, where the heading only gives
   a verb, from the opening sentence (「2020年，…取得了较为显著的成果。」 is a review, whatever
   verb its heading opens with). A section without a cue of its own inherits its parent's role;
   under a task section, everything is a task.
3. Review and problem runs, sentence by sentence, outside task sections: a sentence with a review
   cue opens an achievements run, one with a problem cue a problems run (from the clause that
   holds the cue); the run goes on to the end of the paragraph, or into the next one when the
   paragraph breaks mid-sentence, and stops at a summary, thanks or an imperative 要….
   Paragraphs of a section whose role is achievements or problems are in that run by default.

Where no cue decides, the role is `other` and nothing is reported: a missing answer costs
users less than a wrong one.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple

import regex

from extractor import lexicon
from extractor.markers import Anchor, MarkerHit
from extractor.source import Line
from extractor.tree import Node
from schemas import Role
from schemas.vocab import Span

_HEADING_CUES: Final = tuple(
    (cue.role, cue.find) for cue in lexicon.HEADING_CUES if cue.role is not None
)
_REVIEW: Final = (lexicon.REVIEW_SPAN.find, lexicon.REVIEW_YEAR.find)
# Items go sentence by sentence, where ；and ： end a sentence too (「一是…；二是…」 are two
# items); closing quotes and brackets stay with the sentence they end.
_ITEM_SENTENCE: Final = regex.compile(r"[^。!?;:]+(?:[。!?;:]+[”’」』)]*)?")
# Whether a stretch holds an item sentence that `_strip` leaves non-empty: a character that is
# neither white space (str.isspace: regex's \s less \x1c-\x1f) nor a sentence end, or any
# character before a sentence end. One search instead of a walk over the sentences.
_HAS_SENTENCE: Final = regex.compile(r"[^\s\x1c-\x1f。!?;:]|[^。!?;:][。!?;:]")
_CLAUSE_BREAK: Final = regex.compile(r"[,:]")
_PAUSE_END: Final = frozenset("。!?”’」』)")
# The closing is looked for among the last few paragraphs only.
_CLOSING_WINDOW: Final = 4


class Verdict(NamedTuple):
    """A section's role and the cue that decided it (None when inherited or undecided)."""

    role: Role
    cue: Span | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """An achievement or problem: its span, the markers of the section holding it, its
    figures as (span, value, unit span)."""

    span: Span
    section: tuple[Span, ...]
    metrics: tuple[tuple[Span, float, Span], ...]


@dataclass(frozen=True, slots=True)
class Regions:
    """What classify() found; sections are keyed by their marker's start."""

    verdicts: dict[int, Verdict] = field(default_factory=dict)
    achievements: list[Finding] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    tasks: list[int] = field(default_factory=list)
    points: dict[int, list[Span]] = field(default_factory=dict)


def classify(sections: Sequence[Node], lines: Sequence[Line], closing: Span | None) -> Regions:
    """Find each section's role, the review and problem items before the `closing`, the task
    sections and their points. No section may reach into the closing (see `clip_tree`)."""
    content = [ln for ln in lines if ln.body < ln.end]
    if not content:
        return Regions()
    folded = content[0].source.folded
    verdicts: dict[int, Verdict] = {}
    for node in sections:
        _judge(node, None, verdicts, folded)
    _align_top_runs(sections, verdicts)
    index = _NodeIndex(sections)
    limit = closing[0] if closing else len(folded)
    achievements, problems = _runs(content, index, verdicts, folded, limit)
    for role, items in ((Role.ACHIEVEMENTS, achievements), (Role.PROBLEMS, problems)):
        for item in items:
            _mark_enumerations(item, role, index, verdicts)
    task_nodes = list(_outermost(sections, verdicts, Role.TASKS))
    points = {
        n.marker.start: spans
        for n in task_nodes
        if not n.children and len(spans := _points(n, folded)) >= 2
    }
    tasks = [n.marker.start for n in task_nodes]
    return Regions(verdicts, achievements, problems, tasks, points)


# --- 1. The closing ---------------------------------------------------------------------


def find_closing(lines: Sequence[Line], markers: Sequence[MarkerHit]) -> Span | None:
    """The closing words, looked for among the last few paragraphs after the last marker: from
    the last that opens with an address (同志们，) or the first that sums up (总之，), whichever
    comes first, else from the first plain closing (谢谢大家), to the end of the text (white
    space trimmed). None when no paragraph there closes."""
    content = [ln for ln in lines if ln.body < ln.end]
    if not content:
        return None
    folded = content[0].source.folded
    last_marker = markers[-1].start if markers else -1
    after = [ln for ln in content[1:] if ln.body > last_marker]
    window = after[-_CLOSING_WINDOW:]
    addressed = [ln for ln in window if lexicon.CLOSING.find(folded, ln.body, ln.end)]
    summing_up = [ln for ln in window if lexicon.CLOSING_SUMMARY.find(folded, ln.body, ln.end)]
    plain = [ln for ln in window if lexicon.CLOSING_PLAIN.find(folded, ln.body, ln.end)]
    candidates = [*addressed[-1:], *summing_up[:1]] or plain[:1]
    if not candidates:
        return None
    opening = min(candidates, key=lambda ln: ln.body)
    end = window[-1].end
    while end > opening.body and folded[end - 1].isspace():
        end -= 1
    return (opening.body, end)


# --- 2. Roles of sections ---------------------------------------------------------------


def _judge(node: Node, parent: Verdict | None, verdicts: dict[int, Verdict], folded: str) -> None:
    verdict = _verdict(node, parent, folded)
    verdicts[node.marker.start] = verdict
    for child in node.children:
        _judge(child, verdict, verdicts, folded)


def _verdict(node: Node, parent: Verdict | None, folded: str) -> Verdict:
    inherited = Verdict(parent.role) if parent is not None else Verdict(Role.OTHER)
    if inherited.role is Role.TASKS:
        return inherited  # the subtree of a task section is tasks, whatever its headings say
    m = node.marker
    role, cue, by_verb = _heading_role(folded, m.title_start, m.title_end)
    if m.anchor is Anchor.SENTENCE:
        # An enumeration's role comes from its section, or from the run it stands in (pass 3);
        # only at the top, with no section above, does its own lead sentence speak.
        return Verdict(role, cue) if parent is None and role is Role.TASKS else inherited
    if inherited.role in (Role.ACHIEVEMENTS, Role.PROBLEMS, Role.SITUATION):
        # Under a review or a reading of the situation, only an explicit achievements/problems
        # heading changes the role: 「（一）做好党建工作是…的必然要求」 argues, it does not deploy.
        if role in (Role.ACHIEVEMENTS, Role.PROBLEMS) and not by_verb:
            return Verdict(role, cue)
        return inherited
    if role is Role.OTHER or by_verb:
        opening = _opening_review(node, folded)
        if opening is not None:
            return Verdict(Role.ACHIEVEMENTS, opening)
    if role is Role.OTHER:
        return inherited
    return Verdict(role, cue)


def _align_top_runs(sections: Sequence[Node], verdicts: dict[int, Verdict]) -> None:
    """Points of one run at the top (第一，…第三，) do one job: when one of them is a task and
    the others have no role of their own, they are tasks too."""
    run: list[Node] = []
    for node in [*sections, None]:
        if (
            node is not None
            and node.marker.anchor is Anchor.SENTENCE
            and (not run or node.marker.kind is run[-1].marker.kind)
        ):
            run.append(node)
            continue
        if any(verdicts[n.marker.start].role is Role.TASKS for n in run):
            for n in run:
                if verdicts[n.marker.start].role is Role.OTHER:
                    verdicts[n.marker.start] = Verdict(Role.TASKS)
        run = [node] if node is not None and node.marker.anchor is Anchor.SENTENCE else []


def _heading_role(folded: str, start: int, end: int) -> tuple[Role, Span | None, bool]:
    """The role a heading states, its cue, and whether only an imperative verb decided it."""
    if start == end:
        return Role.OTHER, None, False
    imperative = lexicon.IMPERATIVE.find(folded, start, end)
    for role, find in _HEADING_CUES:
        if imperative and role in (Role.ACHIEVEMENTS, Role.PROBLEMS):
            continue
        m = find(folded, start, end)
        if m is not None:
            return role, m.span(), False
    if imperative is not None:
        return Role.TASKS, imperative.span(), True
    return Role.OTHER, None, False


def _opening_review(node: Node, folded: str) -> Span | None:
    """The review cue of the section's first sentence after its heading, if that sentence is
    a review and nothing else."""
    start = node.marker.title_end
    while start < node.end and folded[start] in "。!?;: \t\r\n\u2028\u2029":
        start += 1
    m = _ITEM_SENTENCE.match(folded, start, node.end)
    if m is None or lexicon.PROBLEM.find(folded, m.start(), m.end()):
        return None  # 「近年来…取得成效，但…不容忽视」 leads into a task, not a review
    return _review_cue(folded, m.start(), m.end())


def _review_cue(folded: str, start: int, end: int) -> Span | None:
    if lexicon.FORWARD.find(folded, start, end):
        return None
    for find in _REVIEW:
        m = find(folded, start, end)
        if m is not None:
            return m.span()
    return None


def _outermost(nodes: Sequence[Node], verdicts: dict[int, Verdict], role: Role) -> Iterator[Node]:
    for node in nodes:
        if verdicts[node.marker.start].role is role:
            yield node
        else:
            yield from _outermost(node.children, verdicts, role)


# --- 3. Review and problem runs ---------------------------------------------------------


class _NodeIndex:
    """The innermost section at a position, by bisection over sections in document order."""

    def __init__(self, sections: Sequence[Node]) -> None:
        self.nodes: list[Node] = []
        self.parents: list[int] = []
        self._add(sections, -1)
        self.starts = [n.marker.start for n in self.nodes]

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

    def path(self, i: int) -> tuple[Span, ...]:
        out: list[Span] = []
        while i >= 0:
            m = self.nodes[i].marker
            out.append((m.start, m.end))
            i = self.parents[i]
        return tuple(reversed(out))

    def heading_at(self, position: int) -> Node | None:
        """The heading (not enumeration) whose marker opens at `position`."""
        i = bisect.bisect_left(self.starts, position)
        if i < len(self.nodes) and self.starts[i] == position:
            node = self.nodes[i]
            if node.marker.anchor is Anchor.LINE:
                return node
        return None


def _runs(
    content: Sequence[Line],
    index: _NodeIndex,
    verdicts: dict[int, Verdict],
    folded: str,
    limit: int,
) -> tuple[list[Finding], list[Finding]]:
    items: dict[Role, list[Finding]] = {Role.ACHIEVEMENTS: [], Role.PROBLEMS: []}
    mode: Role | None = None
    carried = False
    for line in content:
        if line.body >= limit:
            break
        start = line.body
        heading = index.heading_at(start)
        if heading is not None:
            start = heading.marker.title_end
        node_i = index.at(start)
        context = _context(index, node_i, verdicts)
        if not carried:
            mode = context if context in (Role.ACHIEVEMENTS, Role.PROBLEMS) else None
        # A paragraph that opens with a review is one, even in a section about problems.
        fresh = not carried
        end = min(line.end, limit)
        if context is Role.TASKS and index.nodes[node_i].end >= end:
            # The paragraph lies in one task section, whose subsections are tasks too: each
            # sentence would end the run and join none.
            if _has_sentence(folded, start, end):
                mode = None
            carried = _carries(folded, start, end, mode)
            continue
        for s in _ITEM_SENTENCE.finditer(folded, start, end):
            s_start, s_end = _strip(folded, s.start(), s.end())
            if s_start == s_end:
                continue
            node_i = index.at(s_start)
            if _context(index, node_i, verdicts) is Role.TASKS:
                mode = None
                continue
            # The enumerated point (一是…) the sentence stands in, if any.
            point = index.nodes[node_i] if node_i >= 0 else None
            if point is not None and point.marker.anchor is not Anchor.SENTENCE:
                point = None
            mode, s_start = _next_mode(
                folded,
                s_start,
                s_end,
                mode,
                whole=point is not None and point.marker.start == s_start,
                in_point=point is not None,
                fresh=fresh,
            )
            fresh = False
            if mode is not None:
                _add(items[mode], index, node_i, s_start, s_end, folded)
        carried = _carries(folded, start, end, mode)
    return items[Role.ACHIEVEMENTS], items[Role.PROBLEMS]


def _has_sentence(folded: str, start: int, end: int) -> bool:
    """Whether [start, end) holds a sentence with more than white space (one of `_ITEM_SENTENCE`'s
    matches that `_strip` leaves non-empty)."""
    return _HAS_SENTENCE.search(folded, start, end) is not None


def _carries(folded: str, start: int, end: int, mode: Role | None) -> bool:
    """Whether a run goes on into the next paragraph: this one breaks off mid-sentence. A
    heading alone on its line carries nothing over."""
    while end > start and folded[end - 1].isspace():
        end -= 1
    return end > start and folded[end - 1] not in _PAUSE_END and mode is not None


def _context(index: _NodeIndex, i: int, verdicts: dict[int, Verdict]) -> Role | None:
    if i < 0:
        return None
    return verdicts[index.nodes[i].marker.start].role


def _next_mode(
    folded: str,
    start: int,
    end: int,
    mode: Role | None,
    *,
    whole: bool,
    in_point: bool,
    fresh: bool,
) -> tuple[Role | None, int]:
    """The run a sentence belongs to, and where in it the run starts: at the clause holding a
    problem cue, or at the sentence start when it is `whole` (an enumerated point: 「其一，…」).
    `in_point`: the sentence stands inside an enumerated point, which an imperative does not
    end. `fresh`: the sentence opens a paragraph, where a review may open whatever run the
    section's role implies."""
    if lexicon.PURPOSE.find(folded, start, end) or lexicon.RUN_END.find(folded, start, end):
        return None, start
    if not in_point and lexicon.TURN_TO_TASKS.find(folded, start, end):
        return None, start
    problem = lexicon.PROBLEM.find(folded, start, end)
    if problem is not None:
        if whole or mode is Role.PROBLEMS:
            return Role.PROBLEMS, start
        return Role.PROBLEMS, _clause_start(folded, start, problem.start())
    if (mode is None or fresh) and _review_cue(folded, start, end) is not None:
        return Role.ACHIEVEMENTS, start
    return mode, start


def _clause_start(folded: str, start: int, cue: int) -> int:
    """Where the clause holding the cue starts (after the last comma or colon before it), or
    earlier, over the clauses that lead into the problem."""
    starts = [start, *(m.end() for m in _CLAUSE_BREAK.finditer(folded, start, cue))]
    i = len(starts) - 1
    # 「在看到成绩的同时，必须清醒看到，」 lead into the problem and stay with it.
    lead = lexicon.PROBLEM_LEAD.find
    while i > 0 and lead(folded, _skip_space(folded, starts[i - 1]), starts[i]):
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
    enumeration = node_i >= 0 and index.nodes[node_i].marker.anchor is Anchor.SENTENCE
    section = index.path(node_i)
    if (
        enumeration
        and items
        and items[-1].section == section
        and not folded[items[-1].span[1] : start].strip()
        and "\n" not in folded[items[-1].span[1] : start]
    ):
        start = items.pop().span[0]
    items.append(Finding((start, end), section, _metrics(folded, start, end)))


def _metrics(folded: str, start: int, end: int) -> tuple[tuple[Span, float, Span], ...]:
    return tuple(
        (m.span(), float(m.group("value")), m.span("unit"))
        for m in lexicon.METRIC.compiled.finditer(folded, start, end)
    )


def _mark_enumerations(
    item: Finding, role: Role, index: _NodeIndex, verdicts: dict[int, Verdict]
) -> None:
    """An enumerated point inside a run takes the run's role."""
    i = bisect.bisect_left(index.starts, item.span[0])
    while i < len(index.nodes) and index.starts[i] < item.span[1]:
        node = index.nodes[i]
        if node.marker.anchor is Anchor.SENTENCE:
            verdicts[node.marker.start] = Verdict(role)
        i += 1


def _strip(folded: str, start: int, end: int) -> Span:
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end


# --- Points of a task section -----------------------------------------------------------


def _points(node: Node, folded: str) -> list[Span]:
    spans = []
    for s in _ITEM_SENTENCE.finditer(folded, node.marker.title_end, node.end):
        start, end = _strip(folded, s.start(), s.end())
        if lexicon.POINT.find(folded, start, end) is not None:
            spans.append((start, end))
    return spans
