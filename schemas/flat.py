"""The flat view: the same outline with its sections as a list of rows, not a tree.

For consumers that cannot take a recursive schema (several LLM tool APIs) or want rows: each
node names its parent by `id`, so the schema has no self-reference. The fields are those of
`schemas.outline`, shared through its base classes; only the nesting differs.
"""

from __future__ import annotations

from pydantic import NonNegativeInt

from schemas.outline import (
    _Model,
    _OutlineBack,
    _OutlineFindings,
    _OutlineFront,
    _SectionHead,
    _SectionTail,
)


class _Row(_Model):
    id: NonNegativeInt
    """The section's position in document order (pre-order), from 0."""
    parent: NonNegativeInt | None
    """The `id` of the enclosing section; null at the top level."""


class FlatSection(_SectionTail, _SectionHead, _Row):
    """One section of the outline as a row; its children are the rows whose `parent` is its
    `id`. Its other fields are the tree's `Section`'s."""


class _Nodes(_Model):
    nodes: list[FlatSection]
    """Every section, in document order (a parent before its children)."""


class _TaskIds(_Model):
    tasks: list[NonNegativeInt] = []  # noqa: RUF012 (a pydantic field)
    """The `id`s of the task sections (the outermost sections whose role is tasks), in order."""


class FlatOutline(_OutlineBack, _TaskIds, _OutlineFindings, _Nodes, _OutlineFront):
    """The structural outline of one speech, its sections as rows in document order. Its
    other fields are the tree's `Outline`'s."""
