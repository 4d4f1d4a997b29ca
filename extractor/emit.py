"""emit: internal records → the outline's JSON, without building the pydantic tree.

`outline FILE` writes what `dump_json_bytes(assemble(parsed))` would, byte for byte, but builds
no model: the sections are formatted from the `Node` records straight into bytes, a few
kilobytes at a time, and the rest of the outline (metadata, findings, diagnostics: as small as
the speech's front matter) is `shell_values`, the plain values `assemble` validates, serialized
by pydantic_core. On a long speech the model tree would be most of the memory of a run and
about a third of its time.

A field added to `Section` must be added to the templates below: `tests/test_emit.py` compares
this writer with the model's JSON on every fixture and on generated speeches, and fails until
it is.

The format is pydantic's `to_json(indent=2)`: two spaces a level, `"key": value`, an empty
list as `[]`, strings with only `"`, `\\` and control characters escaped, `*_utf16` fields left
out when null. A task section is written where it stands in `sections` and again in `tasks`:
both are formatted from the records rather than one kept for the other, which would hold the
JSON of most of a long speech in memory until the end.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Final

from pydantic_core import to_json

from extractor.assemble import PRETTY, Layout, inside_any, shell_values, splice
from extractor.parsed import Parsed
from extractor.regions import Regions, Verdict
from extractor.tree import Node
from schemas import MarkerKind, Role, Span

_UNDECIDED: Final = Verdict(Role.OTHER)
_FALSE_TRUE: Final = (b"false", b"true")
# Parts of a top-level section's text gathered before they are joined and handed on: a few
# kilobytes, so the memory the JSON takes while written does not grow with the speech.
_CHUNK: Final = 16
# What pydantic writes for each enum member. A StrEnum member hashes as its str: the lookup
# costs what a str key does, unlike `.value`, a Python-level property.
_VALUE: Final[dict[str, bytes]] = {
    member: member.value.encode() for kind in (MarkerKind, Role) for member in kind
}


def _string(value: str) -> bytes:
    """A JSON string as pydantic writes one: quoted, with only `"`, `\\` and control
    characters escaped, UTF-8."""
    return encode_basestring(value).encode()


def emit_pieces(parsed: Parsed, layout: Layout = PRETTY) -> Iterator[bytes]:
    """The outline's JSON in pieces, a few kilobytes each; joined, they are what pydantic
    writes for `assemble(parsed)` in that layout (`dump_json_bytes` for PRETTY, the line of
    `--jsonl` for COMPACT), with a final line break."""
    writer = _Writer(parsed, layout)
    by_start = writer.by_start(set(parsed.regions.tasks))
    return splice(
        to_json(shell_values(parsed), indent=layout.indent),
        map(writer.item, parsed.sections),
        (writer.item(*by_start[start]) for start in parsed.regions.tasks),
        layout,
    )


class _Writer:
    """Formats sections from their records, each as an item of a list at depth 2 (the depth of
    the outline's `sections` and `tasks` items), indentation included."""

    __slots__ = ("compact", "generated", "item_indent", "points", "roots", "text", "verdicts")

    def __init__(self, parsed: Parsed, layout: Layout) -> None:
        self.compact = layout.indent is None
        self.item_indent = layout.item_indent
        regions: Regions = parsed.regions
        self.text = parsed.decoded.text
        self.verdicts = regions.verdicts
        self.points = regions.points
        self.generated = parsed.decoded.generated or None
        self.roots = parsed.sections

    def by_start(self, starts: set[int]) -> dict[int, tuple[Node, tuple[bytes, ...]]]:
        """The nodes whose marker opens at one of `starts`, with their paths; the walk does not
        enter one it has found (tasks are the outermost task sections)."""
        out: dict[int, tuple[Node, tuple[bytes, ...]]] = {}
        stack: list[tuple[Node, tuple[bytes, ...]]] = [(node, ()) for node in reversed(self.roots)]
        while stack and len(out) < len(starts):
            node, path = stack.pop()
            if node.marker.start in starts:
                out[node.marker.start] = (node, path)
            else:
                inner = (*path, self.label(node))
                stack.extend((child, inner) for child in reversed(node.children))
        return out

    def item(self, node: Node, path: tuple[bytes, ...] = ()) -> Iterator[bytes]:
        """The JSON of a top-level section or task in chunks: one after each child whose
        subtree took the text past `_CHUNK` parts, so a long section is never held whole."""
        out = [self.item_indent]
        t = _templates(2, self.compact)
        inner = self.head(out, node, t, path)
        for i, child in enumerate(node.children):
            out.append(t.next if i else t.first)
            self.section(out, child, 4, inner)
            if len(out) > _CHUNK:
                yield b"".join(out)
                out.clear()
        self.tail(out, node, t, path)
        yield b"".join(out)

    def label(self, node: Node) -> bytes:
        """The JSON string that stands for `node` in its descendants' paths: its title, or its
        marker when it has none."""
        m = node.marker
        if m.title_end > m.title_start:
            return _string(self.text[m.title_start : m.title_end])
        return _string(self.text[m.start : m.end])

    def section(self, out: list[bytes], node: Node, depth: int, path: tuple[bytes, ...]) -> None:
        """Append the JSON of `node` with its braces at `depth`; `path` holds the JSON strings
        of its ancestors' labels."""
        t = _templates(depth, self.compact)
        inner = self.head(out, node, t, path)
        for i, child in enumerate(node.children):
            out.append(t.next if i else t.first)
            self.section(out, child, depth + 2, inner)
        self.tail(out, node, t, path)

    def head(
        self, out: list[bytes], node: Node, t: _Templates, path: tuple[bytes, ...]
    ) -> tuple[bytes, ...]:
        """Append the section up to its children's items (from the list's `[`, if it has any);
        return its children's path. `t`: the templates of the section's depth."""
        text = self.text
        m = node.marker
        marker_text = encode_basestring(text[m.start : m.end]).encode()
        if m.title_end > m.title_start:
            title = label = encode_basestring(text[m.title_start : m.title_end]).encode()
            title_span = t.span_in % (m.title_start, m.title_end)
        else:
            title = title_span = b"null"
            label = marker_text  # an untitled ancestor stands in the path by its marker
        verdict = self.verdicts.get(m.start, _UNDECIDED)
        cue = verdict.cue
        generated = self.generated is not None and inside_any(self.generated, m.start, m.end)
        out.append(
            t.head
            % (
                marker_text,
                m.start,
                m.end,
                _VALUE[m.kind],
                m.ordinal,
                _FALSE_TRUE[generated],
                node.level,
                title,
                title_span,
                m.start,
                node.end,
                _VALUE[verdict.role],
                b"null" if cue is None or cue[0] == cue[1] else self.excerpt(cue, t.cue),
            )
        )
        points = self.points.get(m.start)
        if points:
            for i, point in enumerate(points):
                out.append((t.next if i else t.first) + self.excerpt(point, t.item))
            out.append(t.points_end)
        else:
            out.append(t.no_points)
        return (*path, label) if node.children else path

    def tail(self, out: list[bytes], node: Node, t: _Templates, path: tuple[bytes, ...]) -> None:
        """Append the rest of the section after its children's items."""
        out.append(t.children_end if node.children else t.no_children)
        out.append(t.path % t.next.join(path) if path else t.no_path)

    def excerpt(self, span: Span, template: bytes) -> bytes:
        start, end = span
        return template % (encode_basestring(self.text[start:end]).encode(), start, end)


@dataclass(frozen=True, slots=True)
class _Templates:
    """The text of a section with its braces at one depth, all but the values: `head` up to
    the points, `path % labels`, and the excerpts of the cue and of a point."""

    head: bytes
    span_in: bytes
    cue: bytes
    item: bytes
    first: bytes
    next: bytes
    points_end: bytes
    no_points: bytes
    children_end: bytes
    no_children: bytes
    path: bytes
    no_path: bytes


def _excerpt_template(depth: int, compact: bool) -> bytes:
    b0, b1, b2 = (_break(depth + i, compact) for i in range(3))
    return _laid_out(f'{{{b1}"text": %s,{b1}"span": [{b2}%d,{b2}%d{b1}]{b0}}}', compact)


def _break(depth: int, compact: bool) -> str:
    """The line break and indentation that open a line at `depth` (two spaces a level); none
    in the compact layout."""
    return "" if compact else "\n" + "  " * depth


def _laid_out(template: str, compact: bool) -> bytes:
    """The template's bytes; compact, without the space after each key's colon (a template
    holds keys and placeholders only, so every `": ` is a key's)."""
    return (template.replace('": ', '":') if compact else template).encode()


@functools.cache
def _templates(depth: int, compact: bool) -> _Templates:
    b0, b1, b2, b3 = (_break(depth + i, compact) for i in range(4))
    head = (
        f'{{{b1}"marker": {{{b2}"text": %s,{b2}"span": [{b3}%d,{b3}%d{b2}],{b2}"kind": "%s",'
        f'{b2}"ordinal": %d,{b2}"generated": %s{b1}}},{b1}"level": %d,{b1}"title": %s,'
        f'{b1}"title_span": %s,{b1}"span": [{b2}%d,{b2}%d{b1}],{b1}"role": "%s",{b1}"cue": %s,'
        f'{b1}"points": '
    )
    return _Templates(
        head=_laid_out(head, compact),
        span_in=_laid_out(f"[{b2}%d,{b2}%d{b1}]", compact),
        cue=_excerpt_template(depth + 1, compact),
        item=_excerpt_template(depth + 2, compact),
        first=_laid_out("[" + b2, compact),
        next=_laid_out("," + b2, compact),
        points_end=_laid_out(f'{b1}],{b1}"children": ', compact),
        no_points=_laid_out(f'[],{b1}"children": ', compact),
        children_end=_laid_out(f'{b1}],{b1}"path": ', compact),
        no_children=_laid_out(f'[],{b1}"path": ', compact),
        path=_laid_out(f"[{b2}%s{b1}]{b0}}}", compact),
        no_path=_laid_out(f"[]{b0}}}", compact),
    )
