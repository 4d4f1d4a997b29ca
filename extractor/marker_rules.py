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
from typing import Final, NamedTuple

import regex

from extractor.numerals import CIRCLED, HAN_NUMERAL_CHARS
from schemas import MarkerKind


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

    @property
    def anchor(self) -> Anchor:
        return Anchor.LINE if isinstance(self.level, Heading) else Anchor.SENTENCE

    @property
    def label(self) -> str:
        return self.level.label


# A numeral that can open a list: never 〇/零, nor 两 (「两要两不要」 is a slogan, not a list).
_LEAD: Final = "一二三四五六七八九十壹贰貳叁參参肆伍陆陸柒捌玖拾"
_HAN: Final = HAN_NUMERAL_CHARS
_NUM: Final = rf"(?P<num>[{_LEAD}][{_HAN}]{{0,2}})"
# 「一、二季度」「第一、二产业」 list two numbers; the 、 there is not a marker's.
_NOT_A_RANGE: Final = rf"(?![{_HAN}]+[、季等产类级线名])"

MARKER_RULES: Final = (
    MarkerRule(
        MarkerKind.HAN_COMMA,
        Heading(0, "一、"),
        rf"{_NUM}、{_NOT_A_RANGE}",
        examples=(
            "一、强化政治引领，深入学习宣传贯彻党的二十大精神",
            "二、坚持固本强基。要进一步做优服务保障体系。",
            "\u3000\u3000十二、推进国家安全体系和能力现代化",
            "二十九、其他事项",
            "陸、附則",
        ),
        counterexamples=(
            "一、二季度全区经济运行总体平稳",
            "统一、规范的市场体系",
            "〇、说明",
        ),
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
        counterexamples=("工会学校①",),
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
HEADING_LABEL: Final = {heading.rank: heading.label for _, heading in _HEADINGS}

# Every rule in one alternation, each in a group named after its kind; where two rows could
# match at one position, the earlier row takes it.
ALTERNATION: Final = "|".join(f"(?P<{rule.kind}>{rule.pattern})" for rule in MARKER_RULES)
# Where a paragraph's content starts, any marker may stand.
AT_START: Final = regex.compile(ALTERNATION)
# A marker opens with one of these characters: a scan can look ahead for one after a pause.
FIRST_CHARS: Final = rf"[{_LEAD}(0-9{CIRCLED}第其]"


def kind_groups(pattern: regex.Pattern[str]) -> tuple[tuple[int, MarkerKind], ...]:
    """The number of each kind's group in a pattern built on ALTERNATION."""
    return tuple((pattern.groupindex[rule.kind], rule.kind) for rule in MARKER_RULES)


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
    m = AT_START.match(text, start, end)
    return None if m is None else kind_of(m, _AT_START_GROUPS)[0]
