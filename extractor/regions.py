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
   remedies (对此，要…，必须…). Inside task sections, a problem stands a sentence at a time.
   Paragraphs of a section whose role is achievements or problems are in that run by default.

Where no cue decides, the role is `other` and nothing is reported: a missing answer costs
users less than a wrong one.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple

import regex

from extractor import lexicon
from extractor.markers import Anchor, MarkerHit
from extractor.source import Line
from extractor.tree import Node
from extractor.triggers import plain_pattern, triggers
from schemas import Role
from schemas.vocab import Span

_HEADING_CUES: Final = tuple(
    (cue.role, cue.find) for cue in lexicon.HEADING_CUES if cue.role is not None
)
# A negative look-behind, nested groups and all: dropped, it leaves a pattern that matches more.
_NEGATIVE_LOOK_BEHIND: Final = regex.compile(r"\(\?<!(?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")
_REVIEW_CUES: Final = (lexicon.REVIEW_SPAN, lexicon.REVIEW_YEAR, lexicon.REVIEW_RESULT)
_PROBLEM_PATTERNS: Final = (lexicon._PROBLEM_CUES,)
_REVIEW_PATTERNS: Final = tuple(cue.pattern for cue in _REVIEW_CUES)


@functools.cache
def _hint(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """A plain scan for strings one of which every match of `patterns` holds (their triggers,
    with negative look-behinds dropped: patterns that match more), built on first use. Most
    sentences hold none, and the scan spares them the full patterns. None when a pattern has
    no such strings: then every stretch is tried."""
    found = [triggers(_NEGATIVE_LOOK_BEHIND.sub("", pattern)) for pattern in patterns]
    if not all(found):
        return None
    return plain_pattern(t for strings in found if strings for t in strings)


_TASK_HEADING: Final = next(f for role, f in _HEADING_CUES if role is Role.TASKS)
_REVIEW: Final = tuple(cue.find for cue in _REVIEW_CUES)
# How far back the sentence that leads into a run of markers is looked for.
_LEAD_REACH: Final = 160
# A sentence start inside a paragraph: after 。！？ and any closing quote, and white space.
_SENTENCE_START: Final = regex.compile(r"(?<=[。!?][”’」』)]?)\s*(?=\S)")
# Items go sentence by sentence, where ；and ： end a sentence too (「一是…；二是…」 are two
# items); closing quotes and brackets stay with the sentence they end.
_ITEM_SENTENCE: Final = regex.compile(r"[^。!?;:]+(?:[。!?;:]+[”’」』)]*)?")
# Whether a stretch holds an item sentence that `_strip` leaves non-empty: a character that is
# neither white space (str.isspace: regex's \s less \x1c-\x1f) nor a sentence end, or any
# character before a sentence end. One search instead of a walk over the sentences.
_HAS_SENTENCE: Final = regex.compile(r"[^\s\x1c-\x1f。!?;:]|[^。!?;:][。!?;:]")
_DIGIT: Final = re.compile("[0-9]")
_CLAUSE_BREAK: Final = regex.compile(r"[,:]")
_CONTRAST: Final = regex.compile(r"但(?:是)?|然而|不过|可是")
_PRAISE: Final = next(p for role, p in _HEADING_CUES if role is Role.ACHIEVEMENTS)
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
    _align_by_lead(sections, verdicts, folded)
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
    """The closing words, looked for after the last marker among the last few paragraphs and,
    inside the last one, among its last sentences (see `_closing_start`), to the end of the text
    (white space trimmed). None when nothing there closes."""
    content = [ln for ln in lines if ln.body < ln.end]
    if not content:
        return None
    folded = content[0].source.folded
    last_marker = markers[-1].start if markers else -1
    # The first line is the title, unless the crawl kept the whole speech on one line.
    body = content[1:] if len(content) > 1 else content
    window = [ln for ln in body if ln.end > last_marker][-_CLOSING_WINDOW:]
    if not window:
        return None
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
    paragraphs = [ln.body for ln in window if ln.body > last_marker]
    last = window[-1]
    inner_from = max(last.body + 1, last_marker + 1, last.end - _CLOSING_REACH)
    inner = [m.end() for m in _SENTENCE_START.finditer(folded, inner_from, last.end)]
    addressed = [p for p in paragraphs if lexicon.CLOSING.find(folded, p, last.end)]
    # An exclaimed address (同志们！) opens the closing's run of paragraphs; one with a comma
    # may still carry the last section's work (各位代表，…我们要…), so only the last counts.
    exclaimed = [p for p in addressed if lexicon.CLOSING_INLINE.find(folded, p, last.end)]
    calls = [p for p in exclaimed if not _deploys(folded, p, _paragraph_end(window, p))]
    addressed = calls[:1] or exclaimed[-1:] or addressed[-1:]
    inner_addressed = [p for p in inner if lexicon.CLOSING_INLINE.find(folded, p, last.end)][-1:]
    if addressed == [last.body] and inner_addressed:
        addressed = []  # the last paragraph addresses its audience again before it ends
    addressed += inner_addressed
    starts = sorted([*paragraphs, *inner])
    summing_up = [p for p in starts if lexicon.CLOSING_SUMMARY.find(folded, p, last.end)][:1]
    candidates = [*addressed, *summing_up] or [
        p for p in starts if lexicon.CLOSING_PLAIN.find(folded, p, last.end)
    ][:1]
    return min(candidates) if candidates else None


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
    if lexicon.CLOSING_PLAIN.compiled.search(folded, start, end):
        return False
    return lexicon.CLOSING_DEPLOYS.find(folded, start, end) is not None


# --- 2. Roles of sections ---------------------------------------------------------------


def _problem(folded: str, start: int, end: int) -> regex.Match[str] | None:
    """The first problem cue in [start, end), found only where a hint of one stands."""
    hint = _hint(_PROBLEM_PATTERNS)
    if hint is not None and hint.search(folded, start, end) is None:
        return None
    return lexicon.PROBLEM.find(folded, start, end)


def _uncued(folded: str, start: int, end: int) -> bool:
    """Whether [start, end) holds no hint of a problem cue nor of a review cue: then neither
    `_problem` nor `_review_cue` finds one there."""
    hint = _hint(_PROBLEM_PATTERNS + _REVIEW_PATTERNS)
    return hint is not None and hint.search(folded, start, end) is None


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
        # only where no section above gives one (at the top, or under a section without a
        # role, such as a bare 「二」) does its own lead sentence speak.
        if parent is not None:
            # Under a section, a point's nouns (领导, 措施) say little; what it asks does.
            asks = lexicon.IMPERATIVE.find(
                folded, m.title_start, m.title_end
            ) or lexicon.OBLIGATION.find(folded, m.title_start, m.title_end)
            role, cue = (Role.TASKS, asks.span()) if asks is not None else (Role.OTHER, None)
        speaks = inherited.role is Role.OTHER and role is Role.TASKS
        return Verdict(role, cue) if speaks else inherited
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
    """Points of one run where no section gives a role (第一，…第三，, at the top or under a
    section without one) do one job: when one of them is a task and the others have no role
    of their own, they are tasks too."""
    _align_run(sections, verdicts)
    for node in sections:
        if node.children and verdicts[node.marker.start].role is Role.OTHER:
            _align_top_runs(node.children, verdicts)
            # A section that states no role of its own and whose points are tasks deploys
            # work: 「三　党对政权是采取指导与监督政策」 and its 「第一，党要…」 points.
            points = [c for c in node.children if c.marker.anchor is Anchor.SENTENCE]
            if len(points) >= 2 and all(
                verdicts[c.marker.start].role is Role.TASKS for c in points
            ):
                verdicts[node.marker.start] = Verdict(Role.TASKS)


def _align_run(sections: Sequence[Node], verdicts: dict[int, Verdict]) -> None:
    run: list[Node] = []
    for node in [*sections, None]:
        if (
            node is not None
            and node.marker.anchor is Anchor.SENTENCE
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
        if any(verdicts[n.marker.start].role is Role.TASKS for n in run):
            for n in run:
                if verdicts[n.marker.start].role is Role.OTHER:
                    verdicts[n.marker.start] = Verdict(Role.TASKS)
        run = [node] if node is not None and node.marker.anchor is Anchor.SENTENCE else []


def _align_by_lead(
    nodes: Sequence[Node],
    verdicts: dict[int, Verdict],
    folded: str,
    floor: int = 0,
    mixed: bool = False,
) -> None:
    """A run of sibling markers takes its role from the sentence that leads into it. After
    「我强调几点」 or 「要抓好以下几项重点工作」 the run is the task list (where its headings state
    no other role); after 「问题也不容忽视。」 or a review, an enumeration is no task list, and
    pass 3 reads it as the run it stands in. Under a heading that reviews and deploys
    (`mixed`: 「…发展成就和…主要目标任务」), a run that deploys leaves the review's role."""
    for run in _sibling_runs(nodes):
        lead = _lead(folded, run[0].marker.start, floor)
        deploys = lexicon.DEPLOYMENT.find(folded, *lead)
        open_roles = (Role.OTHER, Role.ACHIEVEMENTS) if mixed else (Role.OTHER,)
        if deploys is not None:
            for node in run:
                verdict = verdicts[node.marker.start]
                if verdict.role in open_roles and (verdict.role is Role.OTHER or not verdict.cue):
                    _judge(node, Verdict(Role.TASKS), verdicts, folded)
                    verdicts[node.marker.start] = Verdict(Role.TASKS, deploys.span())
        elif run[0].marker.anchor is Anchor.SENTENCE and (
            (_problem(folded, *lead) or _review_cue(folded, *lead))
            and not lexicon.REMEDY.find(folded, *lead)
        ):
            for node in run:
                if verdicts[node.marker.start].role is Role.TASKS:
                    _judge(node, Verdict(Role.OTHER), verdicts, folded)
        elif run[0].marker.anchor is Anchor.SENTENCE and all(
            verdicts[n.marker.start].role in open_roles and not verdicts[n.marker.start].cue
            for n in run
        ):
            # Points that say what must be done (第一，党要…；第二，…必须…; 一是坚守职责使命…)
            # are tasks, under a heading that names them or not.
            musts = [
                m
                for n in run
                if (m := lexicon.REMEDY.find(folded, n.marker.end, _title_end(n)))
                or (m := lexicon.IMPERATIVE.find(folded, n.marker.title_start, _title_end(n)))
            ]
            if len(run) >= 2 and 2 * len(musts) >= len(run):
                for node in run:
                    _judge(node, Verdict(Role.TASKS), verdicts, folded)
                    verdicts[node.marker.start] = Verdict(Role.TASKS, musts[0].span())
        for node in run:
            _align_by_lead(
                node.children, verdicts, folded, node.marker.title_end, _mixed(node, folded)
            )


def _mixed(node: Node, folded: str) -> bool:
    """Whether a heading names a review and then a deployment (「成就和…任务」)."""
    m = node.marker
    review = next(f for role, f in _HEADING_CUES if role is Role.ACHIEVEMENTS)
    found = review(folded, m.title_start, m.title_end)
    return found is not None and _TASK_HEADING(folded, found.end(), m.title_end) is not None


def _title_end(node: Node) -> int:
    """The end of a point's first sentence (its title, or the sentence its marker opens)."""
    if node.marker.title_end > node.marker.end:
        return node.marker.title_end
    return min(node.end, node.marker.end + _LEAD_REACH)


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
    cut = max(folded.rfind(c, begin, end - 1) for c in "。!?;")
    return (cut + 1 if cut >= 0 else begin), end


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
    if m is None or _problem(folded, m.start(), m.end()):
        return None  # 「近年来…取得成效，但…不容忽视」 leads into a task, not a review
    return _review_cue(folded, m.start(), m.end())


def _review_cue(folded: str, start: int, end: int) -> Span | None:
    hint = _hint(_REVIEW_PATTERNS)
    if hint is not None and hint.search(folded, start, end) is None:
        return None
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
        # The paths asked for: a run asks again for each of its sentences.
        self._paths: dict[int, tuple[Span, ...]] = {}
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
        known = self._paths.get(i)
        if known is not None:
            return known
        out: list[Span] = []
        j = i
        while j >= 0:
            m = self.nodes[j].marker
            out.append((m.start, m.end))
            j = self.parents[j]
        path = self._paths[i] = tuple(reversed(out))
        return path

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
    # Whether a problems run goes on past sentences without a cue: the section is about problems,
    # or the run was announced.
    held = section_held = paragraph_held = False
    run_from = 0
    # The point (一是…) the run's last paragraph ended in: the next point goes on with it.
    run_point: MarkerHit | None = None
    for line in content:
        if line.body >= limit:
            break
        start = line.body
        heading = index.heading_at(start)
        if heading is not None:
            start = heading.marker.title_end
        node_i = index.at(start)
        context = _context(index, node_i, verdicts)
        if not carried and not _next_point(index, node_i, start, run_point):
            mode = context if context in (Role.ACHIEVEMENTS, Role.PROBLEMS) else None
            held = section_held = mode is Role.PROBLEMS
            paragraph_held = False
        run_point = None
        # A paragraph that opens with a review is one, even in a section about problems.
        fresh = not carried
        end = min(line.end, limit)
        if context is Role.TASKS and index.nodes[node_i].end >= end:
            # The paragraph lies in one task section, whose subsections are tasks too: each
            # sentence would end the run and join none.
            if _has_sentence(folded, start, end):
                mode = None
            carried = _carries(folded, start, end, mode)
            if _problem(folded, start, end):
                _problems_in_tasks(items[Role.PROBLEMS], index, folded, start, end)
            continue
        if mode is None and _uncued(folded, start, end):
            # No sentence of the paragraph opens a run, and none carries one over.
            carried = False
            continue
        for s in _ITEM_SENTENCE.finditer(folded, start, end):
            s_start, s_end = _strip(folded, s.start(), s.end())
            if s_start == s_end:
                continue
            if mode is None and _uncued(folded, s_start, s_end):
                # Most sentences: no run to go on with, and no cue to open one or to name a
                # problem inside a task section. Such a sentence only closes the paragraph's
                # opening, as the full steps below would.
                if _context(index, index.at(s_start), verdicts) is not Role.TASKS:
                    fresh = held = paragraph_held = False
                    run_point = None
                continue
            node_i = index.at(s_start)
            if _context(index, node_i, verdicts) is Role.TASKS:
                mode = None
                _problems_in_tasks(items[Role.PROBLEMS], index, folded, s_start, s_end)
                continue
            # The enumerated point (一是…) the sentence stands in, if any.
            point = index.nodes[node_i] if node_i >= 0 else None
            if point is not None and (
                point.marker.anchor is not Anchor.SENTENCE
                or (mode is not None and point.marker.start < run_from)
            ):
                point = None  # only the points the run enumerates carry it
            if (
                mode is Role.PROBLEMS
                and not held
                and point is None
                and not lexicon.PROBLEM_GOES_ON.find(folded, s_start, s_end)
                and not _problem(folded, s_start, s_end)
            ):
                mode = None  # a problem named in passing holds its own sentence only
            if (
                mode is Role.PROBLEMS
                and point is not None
                and point.marker.start == s_start
                and lexicon.IMPERATIVE.find(folded, point.marker.title_start, s_end)
                and not _problem(folded, s_start, s_end)
            ):
                mode = None  # 「二是切实加强…」 deploys
            was, sentence = mode, s_start
            mode, s_start = _next_mode(
                folded,
                s_start,
                s_end,
                mode,
                whole=point is not None and point.marker.start == s_start,
                # A point goes on past an imperative only when the run led into it.
                in_point=point is not None and (mode is None or point.marker.start > run_from),
                fresh=fresh,
            )
            fresh = False
            # 「几年来，这项工作有成绩，也有缺点。」: the clauses before the problem review.
            if (
                mode is Role.PROBLEMS
                and was is not Role.PROBLEMS
                and s_start > sentence
                and _review_cue(folded, sentence, s_start)
                and not _problem(folded, sentence, s_start)
            ):
                _add(items[Role.ACHIEVEMENTS], index, node_i, sentence, s_start, folded)
            if mode is not None and mode is not was:
                run_from = s_start
            if mode is not Role.PROBLEMS:
                held = paragraph_held = False
            elif was is not Role.PROBLEMS or not held:
                paragraph_held = lexicon.PROBLEM_OPENS.find(folded, s_start, s_end) is not None
                held = paragraph_held or bool(
                    lexicon.PROBLEM_ANNOUNCED.find(folded, s_start, s_end)
                )
            elif not (section_held or paragraph_held) and folded[s_end - 1] in _FULL_STOP:
                held = False  # an announced list ends at its first full stop
            if mode is not None:
                _add(items[mode], index, node_i, s_start, s_end, folded)
            run_point = point.marker if mode is not None and point is not None else None
        carried = _carries(folded, start, end, mode)
    return items[Role.ACHIEVEMENTS], items[Role.PROBLEMS]


def _problems_in_tasks(
    items: list[Finding], index: _NodeIndex, folded: str, start: int, end: int
) -> None:
    """Problems named inside a task section, a sentence at a time (「…还存在…问题。」): the
    sentences of [start, end) with a problem cue that neither deploy nor remedy."""
    for s in _ITEM_SENTENCE.finditer(folded, start, end):
        s_start, s_end = _strip(folded, s.start(), s.end())
        problem = _problem(folded, s_start, s_end)
        if problem is None or lexicon.REMEDY.find(folded, s_start, s_end):
            continue
        if lexicon.IMPERATIVE.find(folded, s_start, s_end) or lexicon.PURPOSE.find(
            folded, s_start, s_end
        ):
            continue
        clause = _clause_start(folded, s_start, problem.start())
        if lexicon.IMPERATIVE.find(folded, clause, s_end):
            continue
        _add(items, index, index.at(clause), clause, s_end, folded)


def _next_point(index: _NodeIndex, i: int, start: int, last: MarkerHit | None) -> bool:
    """Whether the paragraph at `start` opens with the point that follows `last` in its run
    (二是 after 一是), each point a paragraph of its own."""
    if last is None or i < 0:
        return False
    m = index.nodes[i].marker
    return (
        m.start == start
        and m.anchor is Anchor.SENTENCE
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
    problem = _problem(folded, start, end)
    review = (
        problem is None and (mode is None or fresh) and _review_cue(folded, start, end) is not None
    )
    if mode is None and problem is None and not review:
        return None, start  # no run to end and no cue to open one: the end cues change nothing
    if lexicon.PURPOSE.find(folded, start, end) or lexicon.RUN_END.find(folded, start, end):
        return None, start
    if not in_point and lexicon.TURN_TO_TASKS.find(folded, start, end):
        return None, start
    if problem is not None:
        if whole or mode is Role.PROBLEMS:
            return Role.PROBLEMS, start
        return Role.PROBLEMS, _clause_start(folded, start, problem.start())
    if review:
        return Role.ACHIEVEMENTS, start
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
        if not lexicon.PROBLEM_LEAD.find(folded, *before) and (
            _review_cue(folded, *before)
            or lexicon.REMEDY.find(folded, *before)
            or _PRAISE(folded, *before)
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
    enumeration = node_i >= 0 and index.nodes[node_i].marker.anchor is Anchor.SENTENCE
    section = index.path(node_i)
    if (
        enumeration
        and items
        and items[-1].section == section
        and not folded[items[-1].span[1] : start].strip()
        and "\n" not in folded[items[-1].span[1] : start]
    ):
        last = items.pop()
        if folded[last.span[1] - 1] in _SENTENCE_MARK:
            metrics = last.metrics + _metrics(folded, start, end)
        else:  # a figure may run on over the join: the whole stretch is read again
            metrics = _metrics(folded, last.span[0], end)
        items.append(Finding((last.span[0], end), section, metrics))
        return
    items.append(Finding((start, end), section, _metrics(folded, start, end)))


def _metrics(folded: str, start: int, end: int) -> tuple[tuple[Span, float, Span], ...]:
    # A figure's value opens with a digit: most sentences hold none and are spared the pattern.
    if _DIGIT.search(folded, start, end) is None:
        return ()
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
