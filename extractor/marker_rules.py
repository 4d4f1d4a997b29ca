"""marker_rules: the shapes of the numbering that opens headings and enumerations, each once.

MARKER_RULES has one row a shape: whether it is a heading (with its rank) or an enumeration,
which says where it may stand; the label that names it in a message; its pattern on the folded
view. Every other view of the shapes is compiled from the rows here: the scan (markers.py), what
opens a paragraph of its own (source.py), what a list of links never runs into
(boilerplate.py), the heading ranks (tree.py).

This module imports nothing from the pipeline, so that every stage can read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Final, NamedTuple

from extractor import patterns
from extractor.numerals import CIRCLED, HAN_NUMERAL_CHARS
from schemas import MarkerKind

if TYPE_CHECKING:
    import regex


class Anchor(StrEnum):
    LINE = "line"  # only at the start of a paragraph
    SENTENCE = "sentence"  # at the start of a paragraph, or right after 。；！？：


class Heading(NamedTuple):
    """A heading marker stands only at the start of a paragraph and nests by its rank, 0
    outermost; `label` names its shape in a message."""

    rank: int
    label: str


class Enumeration(NamedTuple):
    """An enumeration marker opens a sentence and nests under the nearest heading; `label`
    names its shape."""

    label: str


@dataclass(frozen=True, slots=True)
class MarkerRule:
    """One marker shape. `pattern` runs on folded text and defines the group `num`."""

    kind: MarkerKind
    level: Heading | Enumeration
    pattern: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    # Whether a heading marker may also stand inside a paragraph, after 。！？ (a crawl that lost
    # its line breaks); only in a run, like every heading marker found there.
    inline: bool = True
    # Whether the marker counts only in a run: the previous or next marker of its kind
    # continues its numbering.
    in_run_only: bool = False

    @property
    def anchor(self) -> Anchor:
        return Anchor.LINE if isinstance(self.level, Heading) else Anchor.SENTENCE

    @property
    def label(self) -> str:
        return self.level.label


# A numeral that can open a list: never 〇/零, nor 两 (「两要两不要」 is a slogan, not a list).
_LEAD: Final = "一二三四五六七八九十壹贰貳叁參参肆伍陆陸柒捌玖拾"
_HAN: Final = HAN_NUMERAL_CHARS
# The numeral of a marker: a leading numeral and up to two more (十二, 二十九).
LEAD_NUMERAL: Final = rf"[{_LEAD}][{_HAN}]{{0,2}}"
_NUM: Final = rf"(?P<num>{LEAD_NUMERAL})"
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
        # A speech announced as 「我讲三个问题」 is built on its parts, above every other marker.
        Heading(-1, "第一部分"),
        # The pause after the part is part of the marker, as in 「第一，」; 「第一部分　总体要求」
        # is followed by spaces.
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
        Heading(0, "一、"),
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
        # Collected works print a section's numeral alone, then spaces: 「一　三三制政权的实质」,
        # or 「二」 on its own line before the section's text; a section of the 一、 rank.
        Heading(0, "一"),
        # Only at a paragraph's start and only in a run: a numeral that opens a line may also be
        # a word (「三　五成群」). A tag may follow it (「<b>一</b>」).
        rf"{_NUM}(?=[ \t<&]|$)",
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
        Heading(1, "（一）"),
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
        Heading(2, "1."),
        r"(?P<num>[0-9]{1,2})[.、](?![0-9])",
        examples=("1．吸收新党员", "2、压实主体责任", "3. 成立工人学校", "１２．其他", "99.附则"),
        counterexamples=("1.5亿元资金全部到位", "2023.1起施行", "3.2%的增速", "3、4月份"),
    ),
    MarkerRule(
        MarkerKind.ARABIC_PAREN,
        Heading(3, "（1）"),
        r"\((?P<num>[0-9]{1,2})\)",
        examples=("（1）健全工作机制", "(2)压实责任", "（１０）其他"),
        counterexamples=("(2023)12号文件", "（100）"),
    ),
    MarkerRule(
        MarkerKind.CIRCLED,
        Heading(4, "①"),
        rf"(?P<num>[{CIRCLED}])",
        examples=("①工会学校", "⑳其他"),
        # Inside a paragraph a circled number is an endnote mark: 「…自己创造的。①毫无疑义」.
        counterexamples=("工会学校①", "这是群众自己创造的。①毫无疑义。②我们要学习。"),
        inline=False,
    ),
    MarkerRule(
        MarkerKind.HAN_SHI,
        Enumeration("一是"),
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
        Enumeration("一要"),
        rf"{_NUM}要",
        examples=("一要强化主体责任。", "必须做到：二要注重统筹推进。"),
        counterexamples=("我们进一步要加强。", "坚持两要两不要。", "一分部署，九分落实。"),
    ),
    MarkerRule(
        MarkerKind.DI_HAN,
        Enumeration("第一，"),
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
        Enumeration("其一，"),
        rf"其{_NUM}[,、:]",
        examples=("其一，思想认识不到位；其二，工作作风不扎实。",),
        counterexamples=("其一致性有待提高。", "其次，要加强领导。"),
    ),
)

_HEADINGS: Final = tuple(
    (rule.kind, rule.level) for rule in MARKER_RULES if isinstance(rule.level, Heading)
)
HEADING_RANK: Final = {kind: heading.rank for kind, heading in _HEADINGS}
# The first row of a rank names it (一、 rather than a bare 一).
HEADING_LABEL: Final = {heading.rank: heading.label for _, heading in reversed(_HEADINGS)}
# The kinds that count only in a run (see MarkerRule.in_run_only).
IN_RUN_ONLY: Final = frozenset(rule.kind for rule in MARKER_RULES if rule.in_run_only)


def _alternation(rules: tuple[MarkerRule, ...]) -> str:
    return "|".join(f"(?P<{rule.kind}>{rule.pattern})" for rule in rules)


# Every rule in one alternation, each in a group named after its kind; where two rows could
# match at one position, the earlier row takes it.
ALTERNATION: Final = _alternation(MARKER_RULES)
# The rules that may also stand inside a paragraph (see MarkerRule.inline).
INLINE_ALTERNATION: Final = _alternation(tuple(rule for rule in MARKER_RULES if rule.inline))
# Where a paragraph's content starts, any marker may stand.
AT_START: Final = patterns.compile(ALTERNATION)
# A marker opens with one of these characters: a scan can look ahead for one after a pause.
FIRST_CHARS: Final = rf"[{_LEAD}(0-9{CIRCLED}第其]"
# The same characters as a set: most paragraphs open with none of them, and a look-up tells so
# without running the alternation.
MARKER_OPENERS: Final = frozenset(f"{_LEAD}(0123456789{CIRCLED}第其")


def kind_groups(pattern: regex.Pattern[str]) -> tuple[tuple[int, MarkerKind], ...]:
    """The number of each kind's group in a pattern built on ALTERNATION (or a part of it)."""
    return tuple(
        (pattern.groupindex[rule.kind], rule.kind)
        for rule in MARKER_RULES
        if rule.kind in pattern.groupindex
    )


def kind_of(
    m: regex.Match[str], groups: tuple[tuple[int, MarkerKind], ...]
) -> tuple[MarkerKind, int, int]:
    """The kind of the marker matched, named by the one kind group that took part in the match
    (read from `Match.regs` in one call), and the marker's [start, end)."""
    regs = m.regs
    for index, kind in groups:
        start, end = regs[index]
        if start >= 0:
            return kind, start, end
    raise AssertionError("a marker match names its kind")


_AT_START_GROUPS: Final = kind_groups(AT_START)


def kind_at(text: str, start: int, end: int) -> MarkerKind | None:
    """The kind of the marker that stands at `start` of text[:end], if one does: a paragraph
    opens with a heading when it is a kind of HEADING_RANK."""
    if start >= end or text[start] not in MARKER_OPENERS:
        return None
    m = AT_START.match(text, start, end)
    return None if m is None else kind_of(m, _AT_START_GROUPS)[0]


def marker_at(text: str, start: int, end: int) -> tuple[MarkerKind, int] | None:
    """The kind and the end of the marker that stands at `start` of text[:end], if one does."""
    if start >= end or text[start] not in MARKER_OPENERS:
        return None
    m = AT_START.match(text, start, end)
    if m is None:
        return None
    kind, _, marker_end = kind_of(m, _AT_START_GROUPS)
    return kind, marker_end
