"""parsed: what the stages found in one speech, as internal records, before any output.

Two boundaries take it from here: `assemble` builds the pydantic `Outline` (the Python API),
and `emit` writes the outline's JSON straight from these records (the command line), the same
bytes without building the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from extractor.boilerplate import Boilerplate
from extractor.decode import Decoded
from extractor.metadata import Metadata
from extractor.regions import Regions
from extractor.tree import Issue, Node
from schemas.vocab import Span


# Not frozen, as `Decoded` (one is built for every call); `Final` keeps it unchanged.
@dataclass(slots=True, unsafe_hash=True)
class Parsed:
    decoded: Final[Decoded]
    sections: Final[Sequence[Node]]
    issues: Final[Sequence[Issue]]
    metadata: Final[Metadata]
    regions: Final[Regions]
    closing: Final[Span | None]
    """The closing words, which no section reaches into."""
    removed: Final[Sequence[Boilerplate]] = ()
    speech: Final[Span | None] = None
    """The [start, end) the preamble may cover (None: the whole text)."""
