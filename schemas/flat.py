"""The flat view: the same outline with its sections as a list of rows, not a tree.

For consumers that cannot take a recursive schema (several LLM tool APIs) or want rows: each
node names its parent by `id`, so the schema has no self-reference. The fields mean what they
mean in `schemas.outline`; only the nesting differs.
"""

from __future__ import annotations

from pydantic import Field, NonNegativeInt, PositiveInt

from schemas.outline import Diagnostic, Excerpt, Marker, SourceInfo, Span, Utf16Span, _Model
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
    preamble: Excerpt | None
    """Everything before the first section, trimmed of surrounding white space; null when
    there is none."""
    nodes: list[FlatSection]
    """Every section, in document order (a parent before its children)."""
    diagnostics: list[Diagnostic] = []  # noqa: RUF012 (a pydantic field)
    """Irregular numbering and other notes, in document order."""
