"""assemble: internal records → schemas.Outline, the only module that builds schema objects.

Every text in the output is sliced from the source here, by the span it is reported with.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.boilerplate import Boilerplate
from extractor.decode import Decoded
from extractor.tree import Issue, Node
from schemas import (
    Diagnostic,
    Excerpt,
    Marker,
    Outline,
    Removed,
    Section,
    SourceInfo,
)


def assemble(
    decoded: Decoded,
    sections: Sequence[Node],
    issues: Sequence[Issue],
    removed: Sequence[Boilerplate] = (),
    speech: tuple[int, int] | None = None,
) -> Outline:
    """`speech` is the [start, end) the preamble may cover (default: the whole text)."""
    text = decoded.text
    start, end = speech if speech is not None else (0, len(text))
    source = SourceInfo(
        path=decoded.path,
        encoding=decoded.encoding,
        bom=decoded.bom,
        sha256=decoded.sha256,
        chars=len(text),
    )
    first = sections[0].marker.start if sections else end
    return Outline(
        source=source,
        preamble=_excerpt(text, min(start, first), first),
        sections=[_section(text, node) for node in sections],
        diagnostics=[
            Diagnostic(code=i.code, message=i.message, span=(i.start, i.end)) for i in issues
        ],
        removed=[
            Removed(text=text[r.start : r.end], span=(r.start, r.end), reason=r.reason)
            for r in removed
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


def _section(text: str, node: Node) -> Section:
    m = node.marker
    has_title = m.title_end > m.title_start
    return Section(
        marker=Marker(
            text=text[m.start : m.end], span=(m.start, m.end), kind=m.kind, ordinal=m.ordinal
        ),
        level=node.level,
        title=text[m.title_start : m.title_end] if has_title else None,
        title_span=(m.title_start, m.title_end) if has_title else None,
        span=(m.start, node.end),
        children=[_section(text, child) for child in node.children],
    )
