"""The output's vocabularies (enums) and the span type, without pydantic.

The pipeline's stages name these values while they work; importing them from here does not
build the models of schemas/outline.py, which only the Python API and `--flat` need.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeAlias

Span: TypeAlias = tuple[int, int]
"""[start, end) in code points of the decoded input (the models' `Span` checks it)."""


class MarkerKind(StrEnum):
    """The shape of a numbering marker."""

    DI_HAN_PART = "di_han_part"
    HAN_COMMA = "han_comma"
    HAN_BARE = "han_bare"
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
    DOCX_SKIPPED = "docx_skipped"


class Role(StrEnum):
    """What a section does in the speech."""

    ACHIEVEMENTS = "achievements"
    PROBLEMS = "problems"
    SITUATION = "situation"
    TASKS = "tasks"
    OTHER = "other"


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
    DATELINE = "dateline"
    PUBLICATION = "publication"
    PHOTO_CAPTION = "photo_caption"
    ENDNOTE = "endnote"
    APPENDIX = "appendix"
    STRAY = "stray"
