"""The output tree: pydantic v2 models of one speech's outline.

Every span is [start, end) in code points of the decoded input (BOM dropped, newlines as they
were). Wherever a model has `text` and `span`, or `title` and `title_span`, the text is the
input sliced by the span, verbatim.
"""

from __future__ import annotations

import functools
import operator
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt

from schemas.version import SCHEMA_VERSION
from schemas.vocab import DiagnosticCode as DiagnosticCode
from schemas.vocab import MarkerKind as MarkerKind
from schemas.vocab import RemovedReason as RemovedReason
from schemas.vocab import Role as Role

# Whether a `*_utf16` field is left out of the JSON: `None is value`, called from pydantic-core
# for each such field of each object written, in C (a lambda costs a Python frame a call).
_IS_NONE = functools.partial(operator.is_, None)

Span = Annotated[
    tuple[NonNegativeInt, NonNegativeInt],
    Field(description="[start, end) in code points of the decoded input."),
]

Utf16Span = Annotated[
    tuple[NonNegativeInt, NonNegativeInt] | None,
    Field(
        exclude_if=_IS_NONE,
        description="[start, end) in UTF-16 code units, as JavaScript strings index; present "
        "only with `--offsets utf16`. It differs from the code point span after any character "
        "outside the Basic Multilingual Plane (such as 𠮷), which takes two units.",
    ),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Excerpt(_Model):
    """A piece of the input, quoted exactly."""

    text: str
    """The input sliced by `span`."""
    span: Span
    """Where the excerpt stands: [start, end) in code points of the decoded input."""
    span_utf16: Utf16Span = None
    """`span` in UTF-16 code units; only with `--offsets utf16`."""


class Marker(_Model):
    """The numbering that opens a heading or an enumeration, as written."""

    text: str
    """The marker as written, delimiter included: 「一、」「（一）」「1．」「一是」「第一，」."""
    span: Span
    """Where the marker stands: [start, end) in code points of the decoded input."""
    span_utf16: Utf16Span = None
    """`span` in UTF-16 code units; only with `--offsets utf16`."""
    kind: MarkerKind
    """The marker's shape: han_comma 一、, han_paren （一）, arabic_dot 1. 1． 1、, arabic_paren
    （1）, circled ①, han_shi 一是, han_yao 一要, di_han 第一，, qi_han 其一，."""
    ordinal: PositiveInt
    """The number the marker stands for: 1 for 一/1/第一/①, 2 for 二/2/第二, …"""
    generated: bool = False
    """True when the marker is Word's automatic numbering, rendered by the reader from the
    document's numbering definitions: it is in the text outlined (see `--text`), not among the
    file's characters."""


# Fields come in the order of a model's bases, last base first, then its own: the tree and the
# flat view (schemas/flat.py) build their sections and outlines from these shared parts, each
# with its fields where the JSON has them.


class _SectionHead(_Model):
    marker: Marker
    """The numbering that opens the section."""
    level: PositiveInt
    """Depth in the tree, 1 for the top. Levels follow the document, not the marker kind: a
    speech whose highest heading is （一） has （一） at level 1."""
    title: str | None
    """For a heading, the rest of its line, or up to the first 。！？ when its paragraph follows
    on the same line; for an enumeration, its first sentence. Null when nothing follows the
    marker."""
    title_span: Span | None
    """Where `title` stands; null with it."""
    span: Span
    """The section with all it contains, up to the next section at its level or above, trailing
    white space left out."""
    role: Role = Role.OTHER
    """What the section does: achievements (review of work done), problems (shortfalls,
    difficulties), situation (significance, understanding, the situation faced), tasks (work to
    come and its safeguards), or other when no cue decides."""
    cue: Excerpt | None = None
    """The words that decided `role` (in the heading or the section's opening text); null when
    the role is inherited from the enclosing section or no cue was found."""
    points: list[Excerpt] = []
    """For a task section without numbered children: its unnumbered points, the parallel lead
    sentences that open with 要 (「要把握方向，在全面学习上下功夫。」)."""


class _SectionTail(_Model):
    path: list[str] = []
    """The titles of the enclosing sections, outermost first (an untitled one by its marker as
    written); empty at the top level. For search and chunking."""
    span_utf16: Utf16Span = None
    """`span` in UTF-16 code units; only with `--offsets utf16`."""
    title_span_utf16: Utf16Span = None
    """`title_span` in UTF-16 code units; only with `--offsets utf16`."""


class _Subsections(_Model):
    children: list[Section] = []
    """Sections nested under this one, in document order."""


class Section(_SectionTail, _Subsections, _SectionHead):
    """A marker-led unit (a heading or an enumerated point) and everything under it."""


class Speaker(_Model):
    """Who gives the speech, as the text states it (never inferred from 我代表区委)."""

    text: str
    """The input sliced by `span`: 「区委书记」「市长李明」「王建国」."""
    span: Span
    """Where the speaker stands: [start, end) in code points of the decoded input."""
    span_utf16: Utf16Span = None
    """`span` in UTF-16 code units; only with `--offsets utf16`."""
    role: Excerpt | None = None
    """The office, where stated: 「区委书记」「市长」."""
    name: Excerpt | None = None
    """The person's name, where stated: 「李明」."""


class SpeechDate(_Model):
    """The date the speech was given, as written."""

    text: str
    """The input sliced by `span`: 「2024年2月20日」「二〇二四年二月二十日」."""
    span: Span
    """Where the date stands: [start, end) in code points of the decoded input."""
    span_utf16: Utf16Span = None
    """`span` in UTF-16 code units; only with `--offsets utf16`."""
    iso: str | None = None
    """The date as YYYY-MM-DD when year, month and day are all given; otherwise null."""


class Metric(_Model):
    """A figure in an achievement or problem: a number with its unit."""

    text: str
    """The input sliced by `span`: 「100%」「20名」「3.6亿元」."""
    span: Span
    """Where the figure stands: [start, end) in code points of the decoded input."""
    span_utf16: Utf16Span = None
    """`span` in UTF-16 code units; only with `--offsets utf16`."""
    value: float
    """The number as written (全角 digits read as ASCII; 万/亿 stay in `unit`)."""
    unit: str
    """What is counted or measured: 「%」「名」「亿元」「个」."""


class Item(_Model):
    """One achievement or problem: a sentence, clause or enumerated point of the speech."""

    text: str
    """The input sliced by `span`."""
    span: Span
    """Where the item stands: [start, end) in code points of the decoded input."""
    span_utf16: Utf16Span = None
    """`span` in UTF-16 code units; only with `--offsets utf16`."""
    section: list[str] | None = None
    """The markers of the innermost section holding the item, from the top
    (「["一、", "一是"]」); null for an item in the preamble."""
    metrics: list[Metric] = []
    """The figures the item states, in order."""


class Diagnostic(_Model):
    """An irregularity noticed while outlining; never fatal."""

    code: DiagnosticCode
    """What kind of irregularity: a stable name to match on. docx_skipped lists what of a Word
    document was left out of the text (comments, deleted text, headers and footers)."""
    message: str
    """What is irregular, in English, quoting the markers involved."""
    span: Span
    """Where it is: the marker concerned, or the whole text."""
    span_utf16: Utf16Span = None
    """`span` in UTF-16 code units; only with `--offsets utf16`."""


class Removed(_Model):
    """A stretch of the input that is not the speech (web boilerplate, page furniture), kept
    here instead of being dropped: it counts towards no section."""

    text: str
    """The input sliced by `span`: one line, or a block of lines (a 推荐阅读 list with its
    items, a licence footer) with its line breaks."""
    span: Span
    """Where it stands: [start, end) in code points of the decoded input."""
    span_utf16: Utf16Span = None
    """`span` in UTF-16 code units; only with `--offsets utf16`."""
    reason: RemovedReason
    """What kind of boilerplate: ad, subscription, membership, contact (QQ/WeChat groups),
    no_redistribution (仅供学习 禁止外传), recommended (推荐阅读 lists), editor_note (下面是小编为
    大家整理的…), preview_end (预览已结束), user_shared (由互联网用户分享整理), article_address
    (文章地址), url, download, promo_header (【…】), copyright, page_number (— 3 —),
    navigation (a page's tool bar: 打印 收藏 【字号：大 中 小】)."""


class SourceInfo(_Model):
    """Where the text came from and how it was read."""

    path: str | None
    """The input path as given, "-" for standard input, null for text passed to `parse()`."""
    encoding: str
    """The encoding the bytes were decoded with, "utf-8" for text passed to `parse()`; "docx"
    for a Word document, whose spans index the plain text built from its body."""
    bom: bool
    """Whether a byte order mark was present and dropped (spans never count it)."""
    sha256: str
    """SHA-256 of the input bytes as read (for `parse()`, of the text encoded as UTF-8)."""
    chars: NonNegativeInt
    """Length of the decoded text in code points: every span lies within [0, chars]."""
    chars_utf16: NonNegativeInt | None = Field(default=None, exclude_if=_IS_NONE)
    """Length of the decoded text in UTF-16 code units; only with `--offsets utf16`."""


class _OutlineFront(_Model):
    schema_version: str = Field(default=SCHEMA_VERSION, pattern=r"^\d+\.\d+$")
    """Version of this JSON format (semver major.minor), independent of the tool's version."""
    source: SourceInfo
    """The input: where it came from, how it was decoded, its hash and length."""
    title: Excerpt | None = None
    """The speech's title as written (a main title without its subtitle line), also when it
    survives only inside boilerplate (下面是小编为大家整理的X，供大家参考); null when the text
    has none."""
    occasion: Excerpt | None = None
    """The meeting or event, as named, without 在…上的讲话: from the title, its subtitle, or
    the opening 今天，我们召开X; null when not named."""
    speaker: Speaker | None = None
    """Who speaks, from the title or a byline; null when not stated."""
    date: SpeechDate | None = None
    """When the speech was given, from a date line, the subtitle or the title; null when not
    stated."""
    salutation: Excerpt | None = None
    """The opening address without its colon: 「同志们」「各位代表」「同志们、朋友们」."""
    purpose: Excerpt | None = None
    """The sentence that states the meeting's task (主要任务是…, 主要目的是…)."""
    preamble: Excerpt | None
    """Everything before the first section (title, salutation, opening words), trimmed of
    surrounding white space; null when the text opens with a section or has no text."""


class _OutlineFindings(_Model):
    achievements: list[Item] = []
    """The review of work done, item by item, wherever it stands (preamble or sections)."""
    problems: list[Item] = []
    """Shortfalls, difficulties and challenges, item by item."""


class _OutlineBack(_Model):
    closing: Excerpt | None = None
    """The closing words (同志们，…; 总之，…; 谢谢大家), split off the last section: no section
    span reaches into them."""
    diagnostics: list[Diagnostic] = []
    """Irregular numbering and other notes, in document order."""
    removed: list[Removed] = []
    """Lines that are not the speech, in document order: read, never scanned for markers."""


class _Sections(_Model):
    sections: list[Section]
    """The top-level sections in document order."""


class _Tasks(_Model):
    tasks: list[Section] = []
    """The sections that deploy work to come (with their safeguards), in order, each with its
    subtree: the outermost sections whose role is tasks."""


class Outline(_OutlineBack, _Tasks, _OutlineFindings, _Sections, _OutlineFront):
    """The structural outline of one speech."""
