"""assemble: internal records → schemas.Outline, the only module that builds schema objects.

Every text in the output is sliced from the source here, by the span it is reported with.

Sections, markers and diagnostics, one per marker, are built with `model_construct`: they come
from internal records whose invariants the stages keep (ordinals ≥ 1, spans within the text),
so they are not validated again, and sharing one set of field names instead of one per object
halves the outline's memory. The tests validate whole outlines (`Outline.model_validate` of
the dumped JSON round-trips).

The cyclic garbage collector is paused while the outline is built (see `_collector_paused`).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Sequence
from typing import Final, ParamSpec, TypeVar

from extractor.decode import Decoded
from extractor.tree import Issue, Node
from schemas import (
    Diagnostic,
    Excerpt,
    Marker,
    Outline,
    Section,
    SourceInfo,
)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _collector_paused(build: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run `build` with the cyclic garbage collector paused, restoring it after.

    Building the outline allocates four containers per marker that all outlive the call, and no
    reference cycles: each collection triggered meanwhile only walks the growing outline again.
    On 10 MB that made a byte cost 1.3 times what it costs on 1 MB; paused, the two are equal.
    Reference counting still frees everything. The switch is process-wide: a collection
    another thread wanted during the call happens after it.
    """

    @functools.wraps(build)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return build(*args, **kwargs)
        gc.disable()
        try:
            return build(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@_collector_paused
def assemble(decoded: Decoded, sections: Sequence[Node], issues: Sequence[Issue]) -> Outline:
    text = decoded.text
    source = SourceInfo(
        path=decoded.path,
        encoding=decoded.encoding,
        bom=decoded.bom,
        sha256=decoded.sha256,
        chars=len(text),
    )
    first = sections[0].marker.start if sections else len(text)
    return Outline(
        source=source,
        preamble=_excerpt(text, 0, first),
        sections=[_section(text, node) for node in sections],
        diagnostics=[
            Diagnostic.model_construct(
                _DIAGNOSTIC_FIELDS, code=i.code, message=i.message, span=(i.start, i.end)
            )
            for i in issues
        ],
    )


# Every field is given explicitly, as validated construction would record it.
_SECTION_FIELDS: Final = set(Section.model_fields)
_MARKER_FIELDS: Final = set(Marker.model_fields)
_DIAGNOSTIC_FIELDS: Final = set(Diagnostic.model_fields)


def dump_json(outline: Outline) -> str:
    """The outline as written to files and stdout: 2-space indent, field order, UTF-8 text
    unescaped, a final newline."""
    return dump_json_bytes(outline).decode("utf-8")


def dump_json_bytes(outline: Outline) -> bytes:
    """`dump_json` encoded as UTF-8, without building the str: for writing to a file or stdout.

    The newline is added to the serializer's bytes, not to a str: appending to the str copies
    the largest object of a parse once more (a Chinese JSON text takes 2 bytes per code point).
    """
    return outline.__pydantic_serializer__.to_json(outline, indent=2) + b"\n"


def _excerpt(text: str, start: int, end: int) -> Excerpt | None:
    """text[start:end] trimmed of white space at both ends; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Excerpt(text=text[start:end], span=(start, end))


def _section(text: str, node: Node) -> Section:
    m = node.marker
    has_title = m.title_end > m.title_start
    return Section.model_construct(
        _SECTION_FIELDS,
        marker=Marker.model_construct(
            _MARKER_FIELDS,
            text=text[m.start : m.end],
            span=(m.start, m.end),
            kind=m.kind,
            ordinal=m.ordinal,
        ),
        level=node.level,
        title=text[m.title_start : m.title_end] if has_title else None,
        title_span=(m.title_start, m.title_end) if has_title else None,
        span=(m.start, node.end),
        children=[_section(text, child) for child in node.children],
    )
