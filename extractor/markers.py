"""markers: [Line] → [Marker], the numbering that opens headings and enumerations.

A marker is found on the folded view and reported as spans of the text. Heading markers
(一、 （一） 1. （1） ①) open a paragraph; enumerations (一是 一要 第一， 其一，) open a sentence:
at the start of a paragraph or right after 。；！？：, outside brackets and quotes.

Markers do not know their level; tree.py decides. Each marker carries its title: for a heading
the rest of its paragraph, or up to the first 。！？ when text follows; for an enumeration its
first sentence (up to 。！？；). A title never runs into the next marker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, NamedTuple

import regex

from extractor.numerals import CIRCLED, HAN_NUMERAL_CHARS, to_int
from extractor.source import MARKUP, Line
from schemas import MarkerKind


class Anchor(StrEnum):
    LINE = "line"  # only at the start of a paragraph
    SENTENCE = "sentence"  # at the start of a paragraph, or right after 。；！？：


@dataclass(frozen=True, slots=True)
class MarkerRule:
    """One marker shape. `pattern` runs on folded text and defines the group `num`."""

    kind: MarkerKind
    anchor: Anchor
    pattern: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    # Whether a heading marker may also stand inside a paragraph, after 。！？ (a crawl that lost
    # its line breaks); only in a run, like every heading marker found there.
    inline: bool = True
    # Whether the marker counts only in a run: the previous or next marker of its kind
    # continues its numbering.
    in_run_only: bool = False


# The records built per marker, line or section are named tuples: as immutable as a frozen
# dataclass, whose __init__ sets each field through object.__setattr__ and so costs several
# times as much to build (thousands are built per megabyte).
class Marker(NamedTuple):
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


# A numeral that can open a list: never 〇/零, nor 两 (「两要两不要」 is a slogan, not a list).
_LEAD: Final = "一二三四五六七八九十壹贰貳叁參参肆伍陆陸柒捌玖拾"
_HAN: Final = HAN_NUMERAL_CHARS
_NUM: Final = rf"(?P<num>[{_LEAD}][{_HAN}]{{0,2}})"
# 「一、二季度」「第一、二产业」 list two numbers; the 、 there is not a marker's.
_NOT_A_RANGE: Final = rf"(?![{_HAN}]+[、季等产类级线名])"
# 「一、两年之内」 counts one or two years: a numeral, 、 and the next numeral before a word of
# time or number is a range, where 「一、五年来的工作回顾」 is a heading.
_NOT_A_SPAN_OF_TIME: Final = (
    "(?!(?:(?<=一、)[二两]|(?<=二、)三|(?<=三、)四|(?<=四、)五|(?<=五、)六|(?<=六、)七"
    "|(?<=七、)八|(?<=八、)九|(?<=九、)十)[年月天日周个次倍])"
)

MARKER_RULES: Final = (
    MarkerRule(
        MarkerKind.DI_HAN_PART,
        Anchor.LINE,
        # A speech announced as 「我讲三个问题」 is built on its parts. The pause after the part is
        # part of the marker, as in 「第一，」; 「第一部分　总体要求」 is followed by spaces.
        rf"第{_NUM}(?:个问题|部分)(?:[,:、]|(?=[ \t]))",
        # Examples and counterexamples are runs, since a part counts only in one.
        examples=(
            "第一个问题：关于形势和任务。\n第二个问题，关于作风建设。",
            "开好这次会议很重要。第一个问题：关于形势。第二个问题：关于加强领导。",
            "第一部分\u3000总体要求\n第二部分\u3000主要任务",
        ),
        counterexamples=(
            "这是必须解决的第一个问题，不能回避。下面讲第二个问题，作风问题。",
            "报告的第一部分，对当前工作作了部署。第二部分，讲了作风。",
            "第一个问题是什么？第二个问题是什么？",
        ),
        in_run_only=True,
    ),
    MarkerRule(
        MarkerKind.HAN_COMMA,
        Anchor.LINE,
        rf"{_NUM}、{_NOT_A_RANGE}{_NOT_A_SPAN_OF_TIME}",
        examples=(
            "一、强化政治引领，深入学习宣传贯彻党的二十大精神",
            "二、坚持固本强基。要进一步做优服务保障体系。",
            "\u3000\u3000十二、推进国家安全体系和能力现代化",
            "二十九、其他事项",
            "一、五年来的工作回顾",
            "二、两个确立的决定性意义",
            "陸、附則",
        ),
        counterexamples=(
            "一、二季度全区经济运行总体平稳",
            "统一、规范的市场体系",
            "〇、说明",
            "一、两年之内逐步活跃起来",
            "三、四个月就能见效",
        ),
    ),
    MarkerRule(
        MarkerKind.HAN_BARE,
        Anchor.LINE,
        # Collected works print a section's numeral alone, then spaces: 「一　三三制政权的实质」,
        # or 「二」 on its own line before the section's text. Only at a paragraph's start and
        # only in a run: a numeral that opens a line may also be a word (「一　九」 in a table).
        rf"{_NUM}(?=[ \t]|{MARKUP}|$)",
        # Examples and counterexamples are runs, since a bare numeral counts only in one.
        examples=(
            "一\u3000三三制政权的实质是民主\n正文。\n二\u3000反对以党治国的观念",
            "\u3000\u3000一\u3000\u3000\u3000在当前形势下。\u3000\u3000二\u3000\u3000\u3000这次会议。",
            "<b>一</b>\n正文。\n<p>二</p>",
            "十\u3000加强民主教育\n十一\u3000改进工作作风",
        ),
        counterexamples=(
            "一切为了群众。\n二\u3000反对官僚主义",
            "〇\u3000说明\n一\u3000总则",
            "三三制 是民主\n四\u3000党团的运用",
        ),
        inline=False,
        in_run_only=True,
    ),
    MarkerRule(
        MarkerKind.HAN_PAREN,
        Anchor.LINE,
        rf"\({_NUM}\)",
        examples=(
            "（一）全面加强党的政治领导。习近平总书记指出",
            "(三)优化营商环境,激发市场活力",
            "（十一）其他",
        ),
        counterexamples=("（二〇二三年三月一日）", "(市、区)要抓好落实"),
    ),
    MarkerRule(
        MarkerKind.ARABIC_DOT,
        Anchor.LINE,
        r"(?P<num>[0-9]{1,2})[.、](?![0-9])",
        examples=("1．吸收新党员", "2、压实主体责任", "3. 成立工人学校", "１２．其他", "99.附则"),
        counterexamples=("1.5亿元资金全部到位", "2023.1起施行", "3.2%的增速", "3、4月份"),
    ),
    MarkerRule(
        MarkerKind.ARABIC_PAREN,
        Anchor.LINE,
        r"\((?P<num>[0-9]{1,2})\)",
        examples=("（1）健全工作机制", "(2)压实责任", "（１０）其他"),
        counterexamples=("(2023)12号文件", "（100）"),
    ),
    MarkerRule(
        MarkerKind.CIRCLED,
        Anchor.LINE,
        rf"(?P<num>[{CIRCLED}])",
        examples=("①工会学校", "⑳其他"),
        # Inside a paragraph a circled number is an endnote mark: 「…自己创造的。①毫无疑义」.
        counterexamples=("工会学校①", "这是群众自己创造的。①毫无疑义。②我们要学习。"),
        inline=False,
    ),
    MarkerRule(
        MarkerKind.HAN_SHI,
        Anchor.SENTENCE,
        # 「一是一、二是二」 is an idiom (call a spade a spade), not a list.
        rf"{_NUM}是(?!(?P=num)[、,])",
        examples=(
            "一是加强组织领导。",
            "会议要求：一是提高站位。",
            "取得了显著成效。二是党的建设实现新提升。",
            "十二是做好民族宗教工作。",
        ),
        counterexamples=(
            "思想统一是行动一致的前提。",
            "这是唯一是非标准。",
            "坚持实事求是：一是一、二是二。",
            "他说：“一是要学，二是要用。”",
            "三分部署（一是部署，二是落实）。",
        ),
    ),
    MarkerRule(
        MarkerKind.HAN_YAO,
        Anchor.SENTENCE,
        rf"{_NUM}要",
        examples=("一要强化主体责任。", "必须做到：二要注重统筹推进。"),
        counterexamples=("我们进一步要加强。", "坚持两要两不要。", "一分部署，九分落实。"),
    ),
    MarkerRule(
        MarkerKind.DI_HAN,
        Anchor.SENTENCE,
        # 第一 must be followed by a pause: 第一书记 and 第一阶段 are nouns.
        rf"第{_NUM}[,、:]{_NOT_A_RANGE}",
        examples=(
            "第一，要提高政治站位。",
            "因为：第一，经费困难；第二，思想混乱。",
            "第十二、其他",
        ),
        counterexamples=(
            "第一书记要带头。",
            "落实第一议题制度。",
            "第一阶段(动员学习阶段)全面启动。",
            "组建第二梯队。",
            "第一、二季度增长较快。",
            "调查研究的方法“第一是眼睛向下”。",
        ),
    ),
    MarkerRule(
        MarkerKind.QI_HAN,
        Anchor.SENTENCE,
        rf"其{_NUM}[,、:]",
        examples=("其一，思想认识不到位；其二，工作作风不扎实。",),
        counterexamples=("其一致性有待提高。", "其次，要加强领导。"),
    ),
)

_ANCHOR: Final = {rule.kind: rule.anchor for rule in MARKER_RULES}
_IN_RUN_ONLY: Final = frozenset(rule.kind for rule in MARKER_RULES if rule.in_run_only)


def _alternation(rules: Sequence[MarkerRule]) -> str:
    return "|".join(f"(?P<{rule.kind}>{rule.pattern})" for rule in rules)


# Where a paragraph's content starts, any marker may stand.
_AT_START: Final = regex.compile(_alternation(MARKER_RULES))
# Inside a paragraph, after a pause. Heading markers found here are kept only after 。！？ and
# in a run (a crawl that lost its line breaks); enumerations after any of 。；！？：.
# A comma opens an enumeration only to continue a run: 「三件大事：一是…，二是…，三是…」.
# The pause is matched, not looked behind at: a pattern that opens with a character class lets
# the engine skip to the next pause, several times faster than a look-behind tried everywhere.
# The look-ahead for a character that can open a marker (`_OPENING`) lets the engine leave most
# pauses, commas above all, after one test instead of nine alternatives: a quarter of the scan.
# A photo credit glued before a sentence (「新华社记者 某某/摄第三，…」) ends like a sentence:
# 摄 is a pause only after 「/」 or a space.
# Between the pause and the marker: spaces, and markup left over from a web page (「&nbsp;」).
_OPENING: Final = rf"[{_LEAD}(0-9{CIRCLED}第其]"
_INSIDE: Final = regex.compile(
    rf"(?P<pause>[。;!:?,摄])[ \t]*(?:(?=[<&])(?:{MARKUP})[ \t]*)*(?={_OPENING})"
    rf"(?:{_alternation([r for r in MARKER_RULES if r.inline])})"
)
_CREDIT_BEFORE: Final = frozenset("/ ")
_SENTENCE_END: Final = frozenset("。!?摄")
# What ends a title, and the quotes whose content never ends one.
# The group number of each kind's group in each pattern: a match names its kind by the one kind
# group that took part in it, read from `Match.regs` in one call.
_KIND_GROUPS: Final = {
    pattern: tuple(
        (pattern.groupindex[rule.kind], rule.kind)
        for rule in MARKER_RULES
        if rule.kind in pattern.groupindex
    )
    for pattern in (_AT_START, _INSIDE)
}
# A title also ends at a tag: 「<b>一、总体要求</b>」.
_TITLE_STOPS: Final = {
    Anchor.LINE: regex.compile(r"[。!?“”]|</?[a-zA-Z]"),
    Anchor.SENTENCE: regex.compile(r"[。!?;“”]|</?[a-zA-Z]"),
}
# Spaces and markup: what may stand before a marker at a paragraph's start and between a
# marker and its title.
_LAYOUT: Final = regex.compile(rf"(?:\s|{MARKUP})*")
# The rest of a marker cut by a hard wrap after its opening bracket: 「（」 ends a line and
# 「三）」 opens the next.
_PAREN_REST: Final = regex.compile(rf"(?P<num>[{_LEAD}][{_HAN}]{{0,2}}|[0-9]{{1,2}})\)")
_OPENERS: Final = "(“「『《【"
_CLOSERS: Final = ")”」』》】"
_BRACKETS: Final = regex.compile(rf'[{regex.escape(_OPENERS + _CLOSERS)}"]')


# Scratch, one per candidate marker and private to the scan: not frozen, since a frozen
# dataclass sets each field through object.__setattr__ (twice the cost of building one).
@dataclass(slots=True)
class _Found:
    kind: MarkerKind
    anchor: Anchor
    ordinal: int
    start: int
    end: int
    line: int
    needs_run: bool  # kept only in a run: a heading marker inside a paragraph, a bare numeral
    announced: bool = False


def scan_markers(lines: Sequence[Line]) -> list[Marker]:
    """Every marker in the lines, in document order, with its title span."""
    found: list[_Found] = []
    folded = lines[0].source.folded if lines else ""
    previous: Line | None = None
    for n, line in enumerate(lines):
        if (
            previous is not None
            and previous.end > previous.body
            and folded[previous.end - 1] in "( \t"
            and previous.number == line.number - 1
        ):
            _split_paren(previous, line, found)
        count = len(found)
        if _scan_line(line, found) and _announced(lines, n, folded):
            found[count].announced = True
        if line.continues and n + 1 < len(lines):
            _straddling(line, lines[n + 1], found)
        previous = line
    kept = _kept(found)
    position = {line.number: n for n, line in enumerate(lines)}  # lines may skip removed ones
    markers: list[Marker] = []
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
        if nxt is not None and nxt.start < limit:
            limit = nxt.start  # a marker cut by a wrap opens on this line: 「…。（」
        title_start, title_end = _title(line, f, limit)
        markers.append(
            Marker(
                f.kind,
                f.anchor,
                f.ordinal,
                f.start,
                f.end,
                title_start,
                title_end,
                f.line,
                f.announced,
            )
        )
    return markers


def _scan_line(line: Line, out: list[_Found]) -> bool:
    """Append the line's markers to `out`; return whether one opens the paragraph.

    The search for pauses and the checks of a match are written out here rather than in a
    generator and helpers: this runs per line and per marker, thousands of times a megabyte."""
    folded = line.source.folded
    body, end_of_line, number = line.body, line.end, line.number
    first = len(out)  # where this line's markers start in `out`
    # A line a hard wrap runs into starts mid-sentence, where no marker stands.
    start_at = body
    if body < end_of_line and folded[body] in "<&":
        layout = _LAYOUT.match(folded, body, end_of_line)  # 「<b>一、…」
        start_at = layout.end() if layout is not None else body
    m = None if line.continued else _AT_START.match(folded, start_at, end_of_line)
    opened = False
    if m is not None:
        kind, start, end = _kind_of(m)
        ordinal = to_int(m.group("num"))
        if ordinal is not None and ordinal >= 1:
            needs_run = kind in _IN_RUN_ONLY
            out.append(_Found(kind, _ANCHOR[kind], ordinal, start, end, number, needs_run))
            opened = True
    enclosed: _Enclosure | None = None
    # The matches of _INSIDE as a look-behind for the pause would find them: the pause of one
    # marker may be the last character of the previous one (「第一，二是」).
    m = _INSIDE.search(folded, body, end_of_line)
    while m is not None:
        kind, start, end = _kind_of(m)
        anchor = _ANCHOR[kind]
        pause_at = m.start()
        pause = folded[pause_at]
        ordinal = to_int(m.group("num"))
        m = _INSIDE.search(folded, m.end() - 1, end_of_line)
        if anchor is Anchor.LINE and pause not in _SENTENCE_END:
            continue  # a heading marker inside a paragraph stands only after a sentence end
        if pause == "摄" and (pause_at == body or folded[pause_at - 1] not in _CREDIT_BEFORE):
            continue
        if enclosed is None:
            enclosed = _Enclosure(folded, body)
        if enclosed.at(start) or ordinal is None or ordinal < 1:
            continue
        needs_run = anchor is Anchor.LINE or kind in _IN_RUN_ONLY
        # A comma opens an enumeration only to continue a run of this paragraph's markers (a
        # hard wrap may have put the last one on the line before), or to open one that goes
        # on (「两个基本含义，一是…。二是…」).
        if pause == "," and not (
            (len(out) > first or (out and line.continued))
            and out[-1].kind is kind
            and out[-1].ordinal == ordinal - 1
        ):
            if ordinal != 1:
                continue
            needs_run = True
        out.append(_Found(kind, anchor, ordinal, start, end, number, needs_run))
    return opened


def _straddling(line: Line, nxt: Line, out: list[_Found]) -> None:
    """Append a marker that a hard wrap cut in two after a pause: 「…为王，一」 ‖ 「要强化…」.
    The marker spans the line break; its title is on the next line."""
    folded = line.source.folded
    tail_start = max(line.body, line.end - 4)
    tail = folded[tail_start : line.end]
    m = _INSIDE.search(tail + folded[nxt.body : nxt.body + 5])
    if m is None or not m.start() < len(tail) < m.end():
        return
    kind, start, end = _kind_of(m)
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
    needs_run = anchor is Anchor.LINE or kind in _IN_RUN_ONLY or (pause == "," and not continuing)
    start, end = tail_start + start, nxt.body + end - len(tail)
    out.append(_Found(kind, anchor, ordinal, start, end, nxt.number, needs_run))


def _announced(lines: Sequence[Line], n: int, folded: str) -> bool:
    """Whether the last paragraph with content before line `n` ends with ：."""
    for line in reversed(lines[max(0, n - 8) : n]):
        end = line.end
        while end > line.body and folded[end - 1] in " \t":
            end -= 1
        if end > line.body:
            return folded[end - 1] == ":"
    return False


def _split_paren(previous: Line, line: Line, out: list[_Found]) -> None:
    """Append a bracketed marker that a hard wrap cut after its opening bracket: the previous
    line ends with 「（」 and this one opens with 「三）」. The marker spans the line break."""
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
    out.append(_Found(kind, Anchor.LINE, ordinal, end - 1, m.end(), line.number, False))


def _kind_of(m: regex.Match[str]) -> tuple[MarkerKind, int, int]:
    """The kind of the marker matched, and its [start, end) without the pause before it."""
    regs = m.regs
    for index, kind in _KIND_GROUPS[m.re]:
        start, end = regs[index]
        if start >= 0:
            return kind, start, end
    raise AssertionError("a marker match names its kind")


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


def _title(line: Line, f: _Found, limit: int) -> tuple[int, int]:
    """The title's [start, end): after the marker and its spaces, up to the first sentence end
    outside quotes (exclusive), the next marker, or the end of the paragraph."""
    folded = line.source.folded
    gap = _LAYOUT.match(folded, f.end, limit)
    start = gap.end() if gap is not None else f.end
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
