"""The output contract of `outline`: pydantic models and the schema version."""

from schemas.outline import (
    Diagnostic,
    DiagnosticCode,
    Excerpt,
    Marker,
    MarkerKind,
    Outline,
    Removed,
    RemovedReason,
    Section,
    SourceInfo,
    Span,
)
from schemas.version import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "Diagnostic",
    "DiagnosticCode",
    "Excerpt",
    "Marker",
    "MarkerKind",
    "Outline",
    "Removed",
    "RemovedReason",
    "Section",
    "SourceInfo",
    "Span",
]
