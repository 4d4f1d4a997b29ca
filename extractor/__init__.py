"""outline: structural outlines of Chinese official speeches, with exact source spans.

>>> from extractor import parse
>>> parse("一、总体要求\n（一）指导思想").sections[0].children[0].title
'指导思想'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extractor.errors import ExtractorError
from extractor.pipeline import parse, parse_file, parse_json

if TYPE_CHECKING:
    from schemas import Outline

__all__ = ["ExtractorError", "Outline", "parse", "parse_file", "parse_json"]


def __getattr__(name: str) -> Any:
    """`Outline`, from schemas when first asked for: the command line builds no model."""
    if name == "Outline":
        from schemas import Outline

        return Outline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
