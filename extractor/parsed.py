"""parsed: what the stages found in one speech, as internal records, before any output.

Two boundaries take it from here: `assemble` builds the pydantic `Outline` (the Python API),
and `emit` writes the outline's JSON straight from these records (the command line), the same
bytes without building the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractor.boilerplate import Boilerplate
from extractor.decode import Decoded
from extractor.metadata import Metadata
from extractor.regions import Regions
from extractor.tree import Issue, Node
from schemas.vocab import Span


@dataclass(frozen=True, slots=True)
class Parsed:
    decoded: Decoded
    sections: Sequence[Node]
    issues: Sequence[Issue]
    metadata: Metadata
    regions: Regions
    closing: Span | None
    """The closing words, which no section reaches into."""
    removed: Sequence[Boilerplate] = ()
    speech: Span | None = None
    """The [start, end) the preamble may cover (None: the whole text)."""
