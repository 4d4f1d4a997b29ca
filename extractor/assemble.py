"""assemble: internal records → schemas.Outline, the only module that builds schema objects.

Every text in the output is sliced from the source here, by the span it is reported with.
"""

from __future__ import annotations

from collections.abc import Sequence

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
            Diagnostic(code=i.code, message=i.message, span=(i.start, i.end)) for i in issues
        ],
    )


def dump_json(outline: Outline) -> str:
    """The outline as written to files and stdout: 2-space indent, field order, UTF-8 text
    unescaped, a final newline."""
    return outline.model_dump_json(indent=2) + "\n"


def _excerpt(text: str, start: int, end: int) -> Excerpt | None:
    """text[start:end] trimmed of white space at both ends; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Excerpt(text=text[start:end], span=(start, end))


def _section(text: str, node: Node, path: tuple[str, ...] = ()) -> Section:
    m = node.marker
    has_title = m.title_end > m.title_start
    # An untitled ancestor (a bare 「一、」 line) stands in the path by its marker.
    label = text[m.title_start : m.title_end] if has_title else text[m.start : m.end]
    return Section(
        marker=Marker(
            text=text[m.start : m.end], span=(m.start, m.end), kind=m.kind, ordinal=m.ordinal
        ),
        level=node.level,
        title=text[m.title_start : m.title_end] if has_title else None,
        title_span=(m.title_start, m.title_end) if has_title else None,
        span=(m.start, node.end),
        children=[_section(text, child, (*path, label)) for child in node.children],
        path=list(path),
    )
