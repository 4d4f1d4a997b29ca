"""The output tree: pydantic v2 models of one speech's outline.

Every span is [start, end) in code points of the decoded input (BOM dropped, newlines as they
were). Wherever a model has `text` and `span`, or `title` and `title_span`, the text is the
input sliced by the span, verbatim.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt

from schemas.version import SCHEMA_VERSION

Span = Annotated[
    tuple[NonNegativeInt, NonNegativeInt],
    Field(description="[start, end) in code points of the decoded input."),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class MarkerKind(StrEnum):
    """The shape of a numbering marker."""

    HAN_COMMA = "han_comma"
    HAN_PAREN = "han_paren"
    ARABIC_DOT = "arabic_dot"
    ARABIC_PAREN = "arabic_paren"
    CIRCLED = "circled"
    HAN_SHI = "han_shi"
    HAN_YAO = "han_yao"
    DI_HAN = "di_han"
    QI_HAN = "qi_han"


class DiagnosticCode(StrEnum):
    """What is irregular about the numbering."""

    ORDINAL_GAP = "ordinal_gap"
    ORDINAL_REPEAT = "ordinal_repeat"
    ORDINAL_OUT_OF_ORDER = "ordinal_out_of_order"
    ORDINAL_RESTART = "ordinal_restart"
    SKIPPED_LEVEL = "skipped_level"
    MIXED_STYLE = "mixed_style"
    NO_MARKERS = "no_markers"


class RemovedReason(StrEnum):
    """Why a stretch of the input is not part of the speech."""

    AD = "ad"
    SUBSCRIPTION = "subscription"
    MEMBERSHIP = "membership"
    CONTACT = "contact"
    NO_REDISTRIBUTION = "no_redistribution"
    RECOMMENDED = "recommended"
    EDITOR_NOTE = "editor_note"
    PREVIEW_END = "preview_end"
    USER_SHARED = "user_shared"
    ARTICLE_ADDRESS = "article_address"
    URL = "url"
    DOWNLOAD = "download"
    PROMO_HEADER = "promo_header"
    COPYRIGHT = "copyright"
    PAGE_NUMBER = "page_number"
    NAVIGATION = "navigation"


class Excerpt(_Model):
    """A piece of the input, quoted exactly."""

    text: str
    """The input sliced by `span`."""
    span: Span
    """Where the excerpt stands: [start, end) in code points of the decoded input."""


class Marker(_Model):
    """The numbering that opens a heading or an enumeration, as written."""

    text: str
    """The marker as written, delimiter included: 「一、」「（一）」「1．」「一是」「第一，」."""
    span: Span
    """Where the marker stands: [start, end) in code points of the decoded input."""
    kind: MarkerKind
    """The marker's shape: han_comma 一、, han_paren （一）, arabic_dot 1. 1． 1、, arabic_paren
    （1）, circled ①, han_shi 一是, han_yao 一要, di_han 第一，, qi_han 其一，."""
    ordinal: PositiveInt
    """The number the marker stands for: 1 for 一/1/第一/①, 2 for 二/2/第二, …"""


class Section(_Model):
    """A marker-led unit (a heading or an enumerated point) and everything under it."""

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
    children: list[Section] = []
    """Sections nested under this one, in document order."""


class Diagnostic(_Model):
    """An irregularity noticed while outlining; never fatal."""

    code: DiagnosticCode
    """What kind of irregularity: a stable name to match on."""
    message: str
    """What is irregular, in English, quoting the markers involved."""
    span: Span
    """Where it is: the marker concerned, or the whole text."""


class Removed(_Model):
    """A stretch of the input that is not the speech (web boilerplate, page furniture), kept
    here instead of being dropped: it counts towards no section."""

    text: str
    """The input sliced by `span`: one line, or a block of lines (a 推荐阅读 list with its
    items, a licence footer) with its line breaks."""
    span: Span
    """Where it stands: [start, end) in code points of the decoded input."""
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
    """The encoding the bytes were decoded with, "utf-8" for text passed to `parse()`."""
    bom: bool
    """Whether a byte order mark was present and dropped (spans never count it)."""
    sha256: str
    """SHA-256 of the input bytes as read (for `parse()`, of the text encoded as UTF-8)."""
    chars: NonNegativeInt
    """Length of the decoded text in code points: every span lies within [0, chars]."""


class Outline(_Model):
    """The structural outline of one speech."""

    schema_version: str = Field(default=SCHEMA_VERSION, pattern=r"^\d+\.\d+$")
    """Version of this JSON format (semver major.minor), independent of the tool's version."""
    source: SourceInfo
    """The input: where it came from, how it was decoded, its hash and length."""
    preamble: Excerpt | None
    """Everything before the first section (title, salutation, opening words), trimmed of
    surrounding white space; null when the text opens with a section or has no text."""
    sections: list[Section]
    """The top-level sections in document order."""
    diagnostics: list[Diagnostic] = []
    """Irregular numbering and other notes, in document order."""
    removed: list[Removed] = []
    """Lines that are not the speech, in document order: read, never scanned for markers."""
