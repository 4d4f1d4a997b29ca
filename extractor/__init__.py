"""outline: structural outlines of Chinese official speeches, with exact source spans.

>>> from extractor import parse
>>> parse("一、总体要求\n（一）指导思想").sections[0].children[0].title
'指导思想'
"""

from extractor.errors import ExtractorError
from extractor.pipeline import parse, parse_file, parse_json
from schemas import Outline

__all__ = ["ExtractorError", "Outline", "parse", "parse_file", "parse_json"]
