"""outline: structural outlines of Chinese official speeches, with exact source spans.

>>> from extractor import parse
>>> parse("一、总体要求\n（一）指导思想").sections[0].children[0].title
'指导思想'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extractor.errors import ExtractorError

if TYPE_CHECKING:
    from extractor.pipeline import parse, parse_file, parse_json
    from schemas import Outline

__all__ = ["ExtractorError", "Outline", "parse", "parse_file", "parse_json"]
__version__ = "0.1.0"  # the package's version (pyproject.toml reads it from here)


def __getattr__(name: str) -> Any:
    """The API, imported when first named (PEP 562): `outline --help` (extractor.cli) needs
    none of the pipeline, and the command line builds no model (`Outline`)."""
    if name == "Outline":
        from schemas import Outline

        return Outline
    if name in ("parse", "parse_file", "parse_json"):
        from extractor import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
