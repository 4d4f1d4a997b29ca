"""render: Outline → the bytes written out, in the format and view asked for.

Formats: `json` (the tree, or the flat rows with `flat`), `jsonl` (the same, one compact line),
`markdown` (headings and lists with their markers, for people) and `text` (a terminal tree).
Views derived from an Outline and the text it indexes: `flat` (sections as rows with `id` and
`parent`) and `utf16` (every span also in UTF-16 code units, for JavaScript).

Rendering is a pure function of the outline and the text: the same input gives the same bytes
(field order from the models, no timestamps, UTF-8 unescaped, a final newline).
It does not parse: the outline comes from the pipeline.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from extractor.parsed import Parsed
    from schemas import Outline, Section
    from schemas.flat import FlatOutline


class Format(StrEnum):
    JSON = "json"
    MARKDOWN = "markdown"
    TEXT = "text"


class Offsets(StrEnum):
    CODEPOINT = "codepoint"
    UTF16 = "utf16"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    format: Format = Format.JSON
    flat: bool = False
    offsets: Offsets = Offsets.CODEPOINT
    jsonl: bool = False

    @property
    def suffix(self) -> str:
        """The file suffix of one document in this format."""
        return {Format.JSON: ".json", Format.MARKDOWN: ".md", Format.TEXT: ".txt"}[self.format]


_JSONL: Final = RenderOptions(jsonl=True)


def render(outline: Outline, text: str, options: RenderOptions) -> bytes:
    """The document as written to a file or stdout."""
    from extractor.emit import dump_json_bytes

    if options == RenderOptions():
        return dump_json_bytes(outline)
    return _render(outline, text, options)


def render_parsed(parsed: Parsed, options: RenderOptions) -> Iterator[bytes]:
    """`render` of the parsed speech's outline, in pieces for a stream. The JSON tree, pretty
    (the default) or on one line (`--jsonl`), is written from the records without building the
    model (see `emit`), a few kilobytes at a time; the other views are rendered from the
    model."""
    # The pipeline's modules, imported when there is a speech to write: not for --help.
    from extractor.assemble import assemble
    from extractor.emit import COMPACT, emit_pieces

    if options == RenderOptions():
        return emit_pieces(parsed)
    if options == _JSONL:
        return emit_pieces(parsed, COMPACT)
    return iter((_render(assemble(parsed), parsed.decoded.text, options),))


def _render(outline: Outline, text: str, options: RenderOptions) -> bytes:
    from extractor.emit import dump_json_bytes, pairs_on_one_line
    from schemas import Outline  # the views other than the default JSON are the model's

    if options.offsets is Offsets.UTF16:
        outline = with_utf16(outline, text)
    if options.format is Format.MARKDOWN:
        return to_markdown(outline).encode("utf-8")
    if options.format is Format.TEXT:
        return to_text(outline).encode("utf-8")
    document: Outline | FlatOutline = to_flat(outline) if options.flat else outline
    if options.jsonl:
        return document.__pydantic_serializer__.to_json(document) + b"\n"
    if isinstance(document, Outline):
        return dump_json_bytes(document)
    return pairs_on_one_line(document.__pydantic_serializer__.to_json(document, indent=2)) + b"\n"


# --- views -------------------------------------------------------------------------------

# Patterns are compiled when first used (re caches them): most runs render nothing.
_ASTRAL: Final = "[\U00010000-\U0010ffff]"


def with_utf16(outline: Outline, text: str) -> Outline:
    """The outline with every span also given in UTF-16 code units of `text`.

    A character outside the Basic Multilingual Plane (𠮷, U+20BB7) is one code point and two
    UTF-16 units, so each such character before an offset moves it by one. The models declare
    what to fill: a field `<name>_utf16` beside `<name>` holds `<name>` (a span, or an offset
    such as `chars`) in UTF-16 units, on whatever model it appears.
    """
    from pydantic import BaseModel

    from schemas import Outline

    astral = [m.start() for m in re.finditer(_ASTRAL, text)]

    def unit(offset: int) -> int:
        return offset + bisect_left(astral, offset)

    def convert(value: object) -> object:
        if isinstance(value, int):
            return unit(value)
        assert isinstance(value, tuple)
        return tuple(unit(offset) for offset in value)

    def visit(value: object) -> object:
        if isinstance(value, list):
            return [visit(item) for item in value]
        if not isinstance(value, BaseModel):
            return value
        fields = type(value).model_fields
        update: dict[str, object] = {}
        for name in fields:
            if name.endswith("_utf16"):
                continue
            current = getattr(value, name)
            update[name] = visit(current)
            if f"{name}_utf16" in fields and current is not None:
                update[f"{name}_utf16"] = convert(current)
        return value.model_copy(update=update)

    result = visit(outline)
    assert isinstance(result, Outline)
    return result


def to_flat(outline: Outline) -> FlatOutline:
    """The sections as rows in document order, each naming its parent by `id`."""
    from schemas import Outline, Section
    from schemas.flat import FlatOutline, FlatSection  # only --flat pays for these models

    rows: list[FlatSection] = []
    # Every field but the nesting is copied by name: the flat models share the tree's fields
    # through their base classes (a test compares the two).
    section_fields = [name for name in Section.model_fields if name != "children"]

    def visit(sections: Sequence[Section], parent: int | None) -> None:
        for s in sections:
            row = len(rows)
            fields = {name: getattr(s, name) for name in section_fields}
            rows.append(FlatSection(id=row, parent=parent, **fields))
            visit(s.children, row)

    visit(outline.sections, None)
    ids = {row.span[0]: row.id for row in rows}  # a section opens where its marker stands
    fields = {
        name: getattr(outline, name)
        for name in Outline.model_fields
        if name not in ("sections", "tasks")
    }
    tasks = [ids[t.span[0]] for t in outline.tasks]
    return FlatOutline(nodes=rows, tasks=tasks, **fields)


# --- for people ----------------------------------------------------------------------------

_MARKDOWN_SPECIAL: Final = r"([\\`*_\[\]<>#|])"


def _label(s: Section) -> str:
    """The heading as a reader sees it: the marker as written, then the title."""
    return s.marker.text + (s.title or "")


def _head(outline: Outline) -> list[tuple[str, str]]:
    """What the head of the speech states, as (label, text as written), in reading order:
    the speaker, the occasion and the date; the title and the closing are placed apart."""
    found = (
        ("Speaker", outline.speaker),
        ("Occasion", outline.occasion),
        ("Date", outline.date),
    )
    return [(name, _one_line(value.text)) for name, value in found if value is not None]


_LINE_BREAKS: Final = r"[ \t\u3000]*[\r\n]+[ \t\u3000]*"


def _one_line(text: str) -> str:
    """A quoted stretch on one line: each run of line breaks (with the white space around it)
    as one space; everything else as written."""
    return re.sub(_LINE_BREAKS, " ", text)


def to_markdown(outline: Outline) -> str:
    """The title as the top heading, then the speaker, occasion and date found; headings
    (一、 （一） 1. …) as Markdown headings by their level, below the title's; enumerations
    (一是, 第一，…) as list items, nested under the heading they belong to; then the closing.
    Markers and every quoted text as written."""
    from extractor.tree import HEADING_RANK

    out: list[str] = []
    top = 1
    if outline.title is not None:
        out.extend((f"# {_escape(_one_line(outline.title.text))}", ""))
        top = 2
    head = _head(outline)
    if head:
        out.extend(f"- {name}: {_escape(text)}" for name, text in head)
        out.append("")

    def visit(sections: Sequence[Section], depth: int, indent: int) -> None:
        for s in sections:
            label = _escape(_label(s))
            if s.marker.kind in HEADING_RANK:
                if out and out[-1]:
                    out.append("")  # a heading after a list needs a blank line
                out.extend((f"{'#' * min(depth, 6)} {label}", ""))
                visit(s.children, depth + 1, 0)
            else:
                out.append(f"{'  ' * indent}- {label}")
                visit(s.children, depth + 1, indent + 1)

    visit(outline.sections, top, 0)
    if outline.closing is not None:
        if out and out[-1]:
            out.append("")
        out.append(_escape(_one_line(outline.closing.text)))
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _escape(text: str) -> str:
    """`text` with what Markdown would read as markup escaped."""
    return re.sub(_MARKDOWN_SPECIAL, r"\\\1", text)


def to_text(outline: Outline) -> str:
    """A tree for the terminal: the source, the title, speaker, occasion and date found, one
    line per section with box-drawing guides, then the closing and the diagnostics."""
    lines = [outline.source.path or "<text>"]
    if outline.title is not None:
        lines.append(f"Title: {_one_line(outline.title.text)}")
    lines.extend(f"{name}: {text}" for name, text in _head(outline))
    lines.extend(_tree_lines(outline.sections, ""))
    if outline.closing is not None:
        lines.append(f"Closing: {_one_line(outline.closing.text)}")
    for d in outline.diagnostics:
        lines.append(f"! {d.code}: {d.message}")
    return "\n".join(lines) + "\n"


def _tree_lines(sections: Sequence[Section], prefix: str) -> Iterator[str]:
    for i, s in enumerate(sections):
        last = i == len(sections) - 1
        yield f"{prefix}{'└── ' if last else '├── '}{_label(s)}"
        yield from _tree_lines(s.children, prefix + ("    " if last else "│   "))
