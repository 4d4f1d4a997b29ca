"""The output contract of `outline`: pydantic models and the schema version."""

from schemas.outline import (
    Diagnostic,
    DiagnosticCode,
    Excerpt,
    Item,
    Marker,
    MarkerKind,
    Metric,
    Outline,
    Removed,
    RemovedReason,
    Role,
    Section,
    SourceInfo,
    Span,
    Speaker,
    SpeechDate,
)
from schemas.version import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "Diagnostic",
    "DiagnosticCode",
    "Excerpt",
    "Item",
    "Marker",
    "MarkerKind",
    "Metric",
    "Outline",
    "Removed",
    "RemovedReason",
    "Role",
    "Section",
    "SourceInfo",
    "Span",
    "Speaker",
    "SpeechDate",
]
