"""The output contract of `outline`: pydantic models and the schema version.

The models are built when first named (`from schemas import Outline`): the enums come from
`schemas.vocab` and need no pydantic, so a stage that names `Role` does not pay for the models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from schemas.version import SCHEMA_VERSION
from schemas.vocab import DiagnosticCode, MarkerKind, RemovedReason, Role

if TYPE_CHECKING:
    from schemas.outline import (
        Diagnostic,
        Excerpt,
        Item,
        Marker,
        Metric,
        Outline,
        Removed,
        Section,
        SourceInfo,
        Span,
        Speaker,
        SpeechDate,
    )

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


def __getattr__(name: str) -> Any:
    """The models, imported from schemas.outline when first asked for (PEP 562)."""
    if name in __all__:
        value = getattr(importlib.import_module("schemas.outline"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
