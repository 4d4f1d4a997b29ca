"""The flat view: the same outline with its sections as a list of rows, not a tree.

For consumers that cannot take a recursive schema (several LLM tool APIs) or want rows: each
node names its parent by `id`, so the schema has no self-reference. The fields mean what they
mean in `schemas.outline`; only the nesting differs.
"""

from __future__ import annotations

from pydantic import Field, NonNegativeInt, PositiveInt

from schemas.outline import (
    Diagnostic,
    Excerpt,
    Item,
    Marker,
    Removed,
    Role,
    SourceInfo,
    Span,
    Speaker,
    SpeechDate,
    Utf16Span,
    _Model,
)
from schemas.version import SCHEMA_VERSION


class FlatSection(_Model):
    """One section of the outline as a row; its children are the rows whose `parent` is its
    `id`."""

    id: NonNegativeInt
    """The section's position in document order (pre-order), from 0."""
    parent: NonNegativeInt | None
    """The `id` of the enclosing section; null at the top level."""
    marker: Marker
    """The numbering that opens the section."""
    level: PositiveInt
    """Depth in the tree, 1 for the top."""
    title: str | None
    """As in the tree: the heading, or the enumeration's first sentence; null when nothing
    follows the marker."""
    title_span: Span | None
    """Where `title` stands; null with it."""
    span: Span
    """The section with all it contains, its descendants' rows included."""
    role: Role = Role.OTHER
    """What the section does (achievements, problems, situation, tasks, other), as in the
    tree."""
    cue: Excerpt | None = None
    """The words that decided `role`; null when inherited or undecided."""
    points: list[Excerpt] = []  # noqa: RUF012 (a pydantic field)
    """For a task section without numbered children: its parallel 要… lead sentences."""
    path: list[str] = []  # noqa: RUF012 (a pydantic field: copied per instance)
    """The titles of the enclosing sections, outermost first (an untitled one by its marker as
    written); empty at the top level."""
    span_utf16: Utf16Span = None
    """`span` in UTF-16 code units; only with `--offsets utf16`."""
    title_span_utf16: Utf16Span = None
    """`title_span` in UTF-16 code units; only with `--offsets utf16`."""


class FlatOutline(_Model):
    """The structural outline of one speech, its sections as rows in document order."""

    schema_version: str = Field(default=SCHEMA_VERSION, pattern=r"^\d+\.\d+$")
    """Version of this JSON format (semver major.minor), shared with the tree format."""
    source: SourceInfo
    """The input: where it came from, how it was decoded, its hash and length."""
    title: Excerpt | None = None
    """The speech's title as written; null when the text has none."""
    occasion: Excerpt | None = None
    """The meeting or event, as named, without 在…上的讲话."""
    speaker: Speaker | None = None
    """Who speaks, from the title or a byline; null when not stated."""
    date: SpeechDate | None = None
    """When the speech was given; null when not stated."""
    salutation: Excerpt | None = None
    """The opening address without its colon."""
    purpose: Excerpt | None = None
    """The sentence that states the meeting's task."""
    preamble: Excerpt | None
    """Everything before the first section, trimmed of surrounding white space; null when
    there is none."""
    nodes: list[FlatSection]
    """Every section, in document order (a parent before its children)."""
    achievements: list[Item] = []  # noqa: RUF012 (a pydantic field)
    """The review of work done, item by item."""
    problems: list[Item] = []  # noqa: RUF012 (a pydantic field)
    """Shortfalls, difficulties and challenges, item by item."""
    tasks: list[NonNegativeInt] = []  # noqa: RUF012 (a pydantic field)
    """The `id`s of the task sections (the outermost sections whose role is tasks), in order."""
    closing: Excerpt | None = None
    """The closing words, split off the last section."""
    diagnostics: list[Diagnostic] = []  # noqa: RUF012 (a pydantic field)
    """Irregular numbering and other notes, in document order."""
    removed: list[Removed] = []  # noqa: RUF012 (a pydantic field)
    """What is not the speech (web boilerplate, page numbers), in order, with span and reason."""
