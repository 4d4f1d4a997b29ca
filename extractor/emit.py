"""emit: the outline → its JSON bytes, from the model or straight from the parsed records.

The layout is pydantic's: `to_json(indent=2)` for files and stdout (two spaces a level,
`"key": value`, an empty list as `[]`, strings with only `"`, `\\` and control characters
escaped, `*_utf16` fields left out when null) with every array of two integers on one line
(`"span": [1203, 1205]`, see `pairs_on_one_line`), or pydantic's compact form for `--jsonl`.
Both writers here produce exactly those bytes, in pieces: a stream takes them without the whole
JSON in memory at once.

- `json_pieces` / `dump_json_bytes` write a built `Outline` (the Python API's model).
- `emit_pieces` writes what `dump_json_bytes(assemble(parsed))` would, byte for byte, but
  builds no model: what each section says comes from `assemble.section_facts` (here as
  `marker_facts`, the same from the marker's fields) and `assemble.label` (the one place
  that decides it, for both outputs), quoted and formatted into bytes, a few kilobytes at a
  time. The rest of the outline (metadata, diagnostics:
  as small as the speech's front matter) is `assemble.shell_values`, each value formatted
  into a template cut from the JSON `jsontext.to_json` (pydantic-core's bytes for plain
  values) writes for the object `assemble` builds it with, placeholders for values
  (`_shell_templates`): the keys, the indentation and the empty lists are written once a
  process, not walked for every speech. Achievements and problems, one item a sentence, are
  formatted into templates cut the same way from `assemble.item_fields` and
  `assemble.metric_fields` (`_finding_templates`). Written through the model instead, the
  command costs about a third more.

What the fast writer knows of the schema is which values it gives a section (`_HOLES`) and how
each is quoted; the field order, the keys and every other field (with its default) come from the
models: `_templates` cuts holes where the values go, once per depth, in the JSON of a
placeholder `Section` and `Excerpt` (`placeholder_json`), kept in `extractor/placeholders.py`
so that the command line builds no model. `tests/test_emit.py` compares this writer with the model's
JSON on every fixture, on generated speeches, and with a field added to `Section`.

A task section is written where it stands in `sections` and again in `tasks`: both are
formatted from the records rather than one kept for the other, which would hold the JSON of
most of a long speech in memory until the end.
"""

from __future__ import annotations

import functools
import operator
import re

# json.encoder's own function (its C accelerator), without importing the json package.
from _json import encode_basestring
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from extractor import placeholders
from extractor.assemble import (
    date_fields,
    diagnostic_fields,
    excerpt_fields,
    item_fields,
    label,
    marker_facts,
    metric_fields,
    removed_fields,
    shell_values,
    source_fields,
    speaker_fields,
)
from extractor.jsontext import scalar, to_json
from extractor.parsed import Parsed
from extractor.tree import Node
from schemas.vocab import MarkerKind, Role, Span

if TYPE_CHECKING:
    from pydantic import BaseModel

    from extractor.regions import Finding
    from schemas import Outline, Section

# --- layout ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layout:
    """How the outline's JSON is laid out: pydantic's `indent=2` (files, stdout) or compact
    (one line, `--jsonl`). An empty list of sections or tasks stands at the top level as its
    slot, never inside a section (deeper) or a string (whose quotes are escaped)."""

    indent: int | None
    item_indent: bytes  # before each item's text
    first: bytes  # between a list's `[` and its first item
    next: bytes  # between two items
    end: bytes  # after the last item

    def slot(self, name: str) -> bytes:
        """Where the shell holds the empty top-level list `name`."""
        if self.indent is None:
            return b'"%s":[]' % name.encode()
        return b'\n  "%s": []' % name.encode()


PRETTY: Final = Layout(2, b"    ", b"\n", b",\n", b"\n  ]")
COMPACT: Final = Layout(None, b"", b"", b",", b"]")


# An array of two integers as pydantic's `indent=2` spreads it, over four lines. A JSON string
# holds no raw line break, so no string's content can match.
_PAIR: Final = re.compile(rb"\[\n *(-?\d+),\n *(-?\d+)\n *\]")


def pairs_on_one_line(pretty: bytes) -> bytes:
    """Pydantic's `indent=2` JSON with every array of two integers (a span) on one line:
    `[1203, 1205]`, not four lines; everything else as pydantic wrote it."""
    return _PAIR.sub(rb"[\1, \2]", pretty)


def dump_json(outline: Outline) -> str:
    """The outline as written to files and stdout: 2-space indent, spans on one line, field
    order, UTF-8 text unescaped, a final newline."""
    return dump_json_bytes(outline).decode("utf-8")


def dump_json_bytes(outline: Outline) -> bytes:
    """`dump_json` encoded as UTF-8, without building the str: for writing to a file or stdout.

    No str is built: a Chinese JSON text takes 2 bytes per code point as a str, and the JSON
    of a speech is about ten times its size."""
    return b"".join(json_pieces(outline))


def json_pieces(outline: Outline) -> Iterator[bytes]:
    """The bytes of `dump_json_bytes` in pieces, one per top-level section and task: a stream
    can take them without the whole JSON in memory at once. A top-level section that is also a
    task is serialized once."""
    top_tasks = {id(t) for t in outline.tasks} & {id(s) for s in outline.sections}
    kept: dict[int, bytes] = {}

    def sections() -> Iterator[tuple[bytes]]:
        for section in outline.sections:
            piece = _item_json(section)
            if id(section) in top_tasks:
                kept[id(section)] = piece
            yield (piece,)

    def tasks() -> Iterator[tuple[bytes]]:
        for task in outline.tasks:
            yield (kept.pop(id(task), b"") or _item_json(task),)

    shell = _to_json(outline.model_copy(update={"sections": [], "tasks": []}))
    yield from splice(shell, sections(), tasks())


def splice(
    shell: bytes,
    sections: Iterable[Iterable[bytes]],
    tasks: Iterable[Iterable[bytes]],
    layout: Layout = PRETTY,
) -> Iterator[bytes]:
    """The JSON `shell` of an outline whose sections and tasks are empty, with the items given
    in those two lists: each item the JSON of a section at depth 2 (indentation included), in
    one or more pieces. Then a line break.

    The pieces join to what pydantic writes for the whole outline (a test checks it)."""
    sections_slot, tasks_slot = layout.slot("sections"), layout.slot("tasks")
    sections_at = shell.find(sections_slot)
    tasks_at = shell.find(tasks_slot)
    if sections_at < 0 or tasks_at < sections_at:
        raise AssertionError("the outline's sections and tasks are not where the schema had them")
    sections_end = sections_at + len(sections_slot)
    tasks_end = tasks_at + len(tasks_slot)
    # Each part up to a list's `[` or from its `]`.
    parts = (shell[: sections_end - 1], shell[sections_end : tasks_end - 1], shell[tasks_end:])
    return _outline(parts, sections, tasks, layout)


def _outline(
    parts: tuple[bytes, bytes, bytes],
    sections: Iterable[Iterable[bytes]],
    tasks: Iterable[Iterable[bytes]],
    layout: Layout,
) -> Iterator[bytes]:
    """The outline's JSON from its shell in three `parts` (up to the `[` of the sections, from
    their `]` to the `[` of the tasks, from their `]` on) and the items of the two lists (see
    `splice`), then a line break."""
    head, middle, tail = parts
    yield head
    yield from _items(sections, layout)
    yield middle
    yield from _items(tasks, layout)
    yield tail
    yield b"\n"


def _items(items: Iterable[Iterable[bytes]], layout: Layout) -> Iterator[bytes]:
    """The items of a top-level list, from its `[` (already written) to its `]`."""
    separator = layout.first
    for pieces in items:
        yield separator
        yield from pieces
        separator = layout.next
    yield b"]" if separator is layout.first else layout.end


def _to_json(model: BaseModel) -> bytes:
    return pairs_on_one_line(model.__pydantic_serializer__.to_json(model, indent=2))


def _item_json(section: Section) -> bytes:
    """A section as an item of a list at depth 1 (JSON strings hold no raw line break)."""
    return PRETTY.item_indent + _to_json(section).replace(b"\n", b"\n" + PRETTY.item_indent)


# --- the outline from the records ------------------------------------------------------------

_FALSE_TRUE: Final = (b"false", b"true")
# Parts of a top-level section's text gathered before they are joined and handed on: a few
# kilobytes, so the memory the JSON takes while written does not grow with the speech.
_CHUNK: Final = 16
# What pydantic writes for each enum member, quoted. A StrEnum member hashes as its str: the
# lookup costs what a str key does, unlike `.value`, a Python-level property.
_VALUE: Final[dict[str, bytes]] = {
    member: b'"%s"' % member.value.encode() for kind in (MarkerKind, Role) for member in kind
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
    tasks = parsed.regions.tasks
    by_start = writer.by_start(set(tasks)) if tasks else {}
    return _outline(
        _shell(parsed, layout.indent is None),
        map(writer.item, parsed.sections),
        (writer.item(*by_start[start]) for start in tasks),
        layout,
    )


class _Writer:
    """Formats sections from their records, each as an item of a list at depth 2 (the depth of
    the outline's `sections` and `tasks` items), indentation included."""

    __slots__ = (
        "compact",
        "generated",
        "item_indent",
        "parsed",
        "points",
        "regions",
        "text",
        "top",
        "under_top",
    )

    def __init__(self, parsed: Parsed, layout: Layout) -> None:
        self.compact = layout.indent is None
        # The templates of a top-level item and of its children, looked up once a call rather
        # than once an item.
        self.top = _templates(2, self.compact)
        self.under_top = _templates(4, self.compact)
        self.item_indent = layout.item_indent
        self.parsed = parsed
        self.text = parsed.decoded.text
        self.generated = parsed.decoded.generated
        self.regions = parsed.regions
        self.points = parsed.regions.points

    def by_start(self, starts: set[int]) -> dict[int, tuple[Node, tuple[str, ...]]]:
        """The nodes whose marker opens at one of `starts`, with their paths; the walk does not
        enter one it has found (tasks are the outermost task sections)."""
        out: dict[int, tuple[Node, tuple[str, ...]]] = {}
        stack: list[tuple[Node, tuple[str, ...]]] = [
            (node, ()) for node in reversed(self.parsed.sections)
        ]
        while stack and len(out) < len(starts):
            node, path = stack.pop()
            if node.marker.start in starts:
                out[node.marker.start] = (node, path)
            else:
                inner = (*path, label(self.text, node))
                stack.extend((child, inner) for child in reversed(node.children))
        return out

    def item(self, node: Node, path: tuple[str, ...] = ()) -> Iterator[bytes]:
        """The JSON of a top-level section or task in chunks: one after each child whose
        subtree took the text past `_CHUNK` parts, so a long section is never held whole."""
        t = self.top
        # A top-level section's path, most items', is empty: no labels to quote.
        labels = tuple(map(_string, path)) if path else ()
        holes = self.values(node, t, t.list_of(labels))
        children = node.children
        if not children:
            yield self.item_indent + t.leaf % t.leaf_values(holes)
            return
        out = [self.item_indent, t.head % t.head_values(holes)]
        ct = self.under_top
        inner_labels, inner_json = self.inner(node, ct, labels)
        separator = t.first
        for child in children:
            out.append(separator)
            separator = t.next
            if child.children:
                self.section(out, child, ct, inner_labels, inner_json)
            else:
                out.append(ct.leaf % ct.leaf_values(self.values(child, ct, inner_json)))
            if len(out) > _CHUNK:
                yield b"".join(out)
                out.clear()
        out.append(t.end)
        out.append(t.tail % t.tail_values(holes))
        yield b"".join(out)

    def section(
        self,
        out: list[bytes],
        node: Node,
        t: _Templates,
        labels: tuple[bytes, ...],
        path_json: bytes,
    ) -> None:
        """Append the JSON of `node`, a section with children, with its braces at the depth of
        `t`, its templates; `labels` holds its ancestors' labels as JSON strings, `path_json`
        their JSON list at this depth. A child without children (most are) is written here,
        without a call of its own."""
        holes = self.values(node, t, path_json)
        out.append(t.head % t.head_values(holes))
        ct = _templates(t.depth + 2, self.compact)
        inner_labels, inner_json = self.inner(node, ct, labels)
        separator = t.first
        for child in node.children:
            out.append(separator)
            separator = t.next
            if child.children:
                self.section(out, child, ct, inner_labels, inner_json)
            else:
                out.append(ct.leaf % ct.leaf_values(self.values(child, ct, inner_json)))
        out.append(t.end)
        out.append(t.tail % t.tail_values(holes))

    def inner(
        self, node: Node, ct: _Templates, labels: tuple[bytes, ...]
    ) -> tuple[tuple[bytes, ...], bytes]:
        """The path of the children of `node`: its labels as JSON strings, and their JSON list
        in the children's templates `ct`. Only the JSON is kept: the labels as text serve no
        one below."""
        inner_labels = (*labels, encode_basestring(label(self.text, node)).encode())
        return inner_labels, ct.list_of(inner_labels)

    def values(self, node: Node, t: _Templates, path_json: bytes) -> tuple[Any, ...]:
        """The values of the holes of the section of `node`, in the order of `_HOLES`. `t`: the
        templates of the section's depth."""
        text = self.text
        # Unpacked at once: each field of a named tuple read by name costs a descriptor call.
        kind, _, ordinal, start, end, title_start, title_end, _, _ = node.marker
        title, title_span, role, cue, generated = marker_facts(
            text, start, end, title_start, title_end, self.regions, self.generated
        )
        points = self.points.get(start)
        if cue is None:
            cue_json = b"null"
        else:
            cue_start, cue_end = cue
            cue_json = t.cue % t.excerpt_values(
                (encode_basestring(text[cue_start:cue_end]).encode(), cue_start, cue_end)
            )
        # In the order of `_HOLES`.
        return (
            encode_basestring(text[start:end]).encode(),
            start,
            end,
            _VALUE[kind],
            ordinal,
            _FALSE_TRUE[generated],
            node.level,
            b"null" if title is None else encode_basestring(title).encode(),
            b"null" if title_span is None else t.span % title_span,
            start,
            node.end,
            _VALUE[role],
            cue_json,
            t.list_of(
                [
                    t.point % t.excerpt_values((encode_basestring(text[s:e]).encode(), s, e))
                    for s, e in points
                ]
            )
            if points
            else b"[]",
            path_json,
        )


# --- achievements and problems from the records ---------------------------------------------


def _findings_json(
    text: str,
    findings: Sequence[Finding],
    t: _FindingTemplates,
    paths: dict[tuple[Span, ...], bytes],
) -> bytes:
    """The JSON of the outline's achievements or problems, each item's values in the order of
    `_FINDING_HOLES`; `paths` holds the JSON of the sections' paths written so far (the items
    of a section share its path).

    One loop, no call a finding: a speech has more of them than sections, and a finding's
    fields are unpacked at once (a named tuple's field read by name costs a descriptor call)."""
    if not findings:
        return b"[]"
    item, metric, inner = t.item, t.metric, t.inner
    items = []
    # The findings of a section follow one another and share its tuple of spans: the path of
    # the one before serves, without hashing the tuple again.
    held: tuple[Span, ...] | None = None
    path = b"null"
    for (start, end), section, metrics in findings:
        if section is not held:
            held = section
            found = paths.get(section)
            if found is None:
                found = paths[section] = (
                    t.list_of([_string(text[s:e]) for s, e in section], inner)
                    if section
                    else b"null"
                )
            path = found
        items.append(
            item
            % (
                encode_basestring(text[start:end]).encode(),
                start,
                end,
                path,
                t.list_of(
                    [
                        metric
                        % (
                            encode_basestring(text[s:e]).encode(),
                            s,
                            e,
                            scalar(value).encode(),
                            encode_basestring(text[us:ue]).encode(),
                        )
                        for (s, e), value, (us, ue) in metrics
                    ],
                    inner,
                )
                if metrics
                else b"[]",
            )
        )
    # The list's brackets joined to its first and last items: the items, most of the JSON of a
    # long speech's findings, are copied once.
    first, between, last = t.outer
    items[0] = first + items[0]
    items[-1] += last
    return between.join(items)


@dataclass(frozen=True, slots=True)
class _FindingTemplates:
    """An achievement's or problem's JSON as an item of its top-level list (`item`), and a
    metric's as an item of the item's `metrics` (`metric`), with positional holes in the order
    of `_FINDING_HOLES` and `_METRIC_HOLES`; the separators of the top-level list (`outer`) and
    of a list that is an item's field (`inner`): before the first item, between two, after the
    last."""

    item: bytes
    metric: bytes
    outer: tuple[bytes, bytes, bytes]
    inner: tuple[bytes, bytes, bytes]

    @staticmethod
    def list_of(items: Sequence[bytes], separators: tuple[bytes, bytes, bytes]) -> bytes:
        first, between, last = separators
        return first + between.join(items) + last if items else b"[]"


_FINDING_HOLES: Final = ("text", "start", "end", "section", "metrics")
_METRIC_HOLES: Final = ("text", "start", "end", "value", "unit")


@functools.cache
def _finding_templates(compact: bool) -> _FindingTemplates:
    """The templates of achievements and problems, cut from the JSON `jsontext` writes for
    the fields `assemble` gives them, placeholders for values (see `_cut`)."""
    indent = None if compact else 2
    ends = ("start", "end")
    span = (_INT_HOLE, _INT_HOLE + 1)
    item = item_fields(_hole("text"), span, _hole("section"), _hole("metrics"))
    metric = metric_fields(_hole("text"), span, _hole("value"), _hole("unit"))
    item_json = _cut(to_json(item, indent, pairs=True), compact, 2, ends)
    metric_json = _cut(to_json(metric, indent, pairs=True), compact, 4, ends)
    item_template, pick = _positional(item_json, _FINDING_HOLES)
    metric_template, metric_pick = _positional(metric_json, _METRIC_HOLES)
    if pick is not tuple or metric_pick is not tuple:
        raise AssertionError("the findings' holes are not in the order their values are given")
    return _FindingTemplates(
        item=item_template,
        metric=metric_template,
        outer=(b"[" + _break(2, compact), b"," + _break(2, compact), _break(1, compact) + b"]"),
        inner=(b"[" + _break(4, compact), b"," + _break(4, compact), _break(3, compact) + b"]"),
    )


# --- the shell from its values ----------------------------------------------------------------


def _shell(parsed: Parsed, compact: bool) -> tuple[bytes, bytes, bytes]:
    """The outline's JSON but for its sections and tasks, in the three parts `_outline` takes:
    `assemble.shell_values`, each value formatted into the templates of its object (see
    `_shell_templates`), achievements and problems from the records."""
    values = shell_values(parsed, findings=False)
    t = _shell_templates(tuple(values), compact)
    ft = _finding_templates(compact)
    text = parsed.decoded.text
    regions = parsed.regions
    paths: dict[tuple[Span, ...], bytes] = {}  # the items of a section share its path
    excerpt = t.excerpt
    source = values["source"]
    path = source["path"]
    speaker = values["speaker"]
    date = values["date"]
    diagnostics = values["diagnostics"]
    removed = values["removed"]
    # In the order of `_SHELL_HOLES`.
    holes = (
        _string(values["schema_version"]),
        t.source
        % (
            b"null" if path is None else _string(path),
            _string(source["encoding"]),
            _FALSE_TRUE[source["bom"]],
            _string(source["sha256"]),
            source["chars"],
        ),
        _excerpt_json(excerpt, values["title"]),
        _excerpt_json(excerpt, values["occasion"]),
        b"null"
        if speaker is None
        else t.speaker
        % (
            *_excerpt_values(speaker),
            _excerpt_json(t.inner_excerpt, speaker["role"]),
            _excerpt_json(t.inner_excerpt, speaker["name"]),
        ),
        b"null"
        if date is None
        else t.date
        % (*_excerpt_values(date), b"null" if date["iso"] is None else _string(date["iso"])),
        _excerpt_json(excerpt, values["salutation"]),
        _excerpt_json(excerpt, values["purpose"]),
        _excerpt_json(excerpt, values["preamble"]),
        _findings_json(text, regions.achievements, ft, paths),
        _findings_json(text, regions.problems, ft, paths),
        _excerpt_json(excerpt, values["closing"]),
        ft.list_of(
            [
                t.diagnostic % (_string(d["code"]), _string(d["message"]), *d["span"])
                for d in diagnostics
            ],
            ft.outer,
        )
        if diagnostics
        else b"[]",
        ft.list_of(
            [t.removed % (*_excerpt_values(r), _string(r["reason"])) for r in removed], ft.outer
        )
        if removed
        else b"[]",
    )
    return (
        t.head % t.head_values(holes),
        t.middle % t.middle_values(holes),
        t.tail % t.tail_values(holes),
    )


def _excerpt_values(value: dict[str, Any]) -> tuple[bytes, int, int]:
    """The text and span of an excerpt (or of an object that begins as one) as its template's
    first holes take them."""
    start, end = value["span"]
    return encode_basestring(value["text"]).encode(), start, end


def _excerpt_json(template: bytes, value: dict[str, Any] | None) -> bytes:
    return b"null" if value is None else template % _excerpt_values(value)


@dataclass(frozen=True, slots=True)
class _ShellTemplates:
    """The outline's JSON without its sections and tasks, in the three parts `_outline` takes
    (`head`, `middle`, `tail`), each with the function that takes its holes' values from the
    writer's (see `_SHELL_HOLES`); and the templates of the objects the shell holds, with
    positional holes in the order of their fields: an excerpt as a top-level field (`excerpt`)
    and as a field of one (`inner_excerpt`), the source, the speaker and the date (their
    excerpts' fields as holes), a diagnostic and a removed line as items of a top-level list."""

    head: bytes
    head_values: _Pick
    middle: bytes
    middle_values: _Pick
    tail: bytes
    tail_values: _Pick
    source: bytes
    excerpt: bytes
    inner_excerpt: bytes
    speaker: bytes
    date: bytes
    diagnostic: bytes
    removed: bytes


# The top-level values the shell writer gives, in its order; `sections` and `tasks` are where
# the shell is cut into its parts.
_SHELL_HOLES: Final = (
    "schema_version",
    "source",
    "title",
    "occasion",
    "speaker",
    "date",
    "salutation",
    "purpose",
    "preamble",
    "achievements",
    "problems",
    "closing",
    "diagnostics",
    "removed",
)


@functools.cache
def _shell_templates(fields: tuple[str, ...], compact: bool) -> _ShellTemplates:
    """The templates of the shell whose top-level fields are `fields` (`shell_values`'s keys,
    in order), cut from the JSON `jsontext` writes for the objects `assemble` gives it, with
    placeholders for values (see `_cut`). Made on first use: the command line pays for them
    once a process, and not at all when it writes no outline."""
    if sorted(fields) != sorted((*_SHELL_HOLES, "sections", "tasks")):
        raise AssertionError("the outline's fields are not those the shell writer gives")
    indent = None if compact else 2
    span = (_INT_HOLE, _INT_HOLE + 1)
    ends = ("start", "end")

    def cut(value: Any, depth: int, order: tuple[str, ...], ints: tuple[str, ...] = ends) -> bytes:
        template, pick = _positional(
            _cut(to_json(value, indent, pairs=True), compact, depth, ints), order
        )
        if pick is not tuple:
            raise AssertionError("an object's holes are not in the order their values are given")
        return template

    excerpt_holes = ("text", "start", "end")
    shell = _cut(
        to_json({name: _hole(name) for name in fields}, indent, pairs=True), compact, 0, ()
    )
    before, rest = shell.split(b"%(sections)s")
    between, after = rest.split(b"%(tasks)s")
    # Each part up to a list's `[` or from its `]`, as `_outline` takes them.
    head, head_values = _positional(before + b"[", _SHELL_HOLES)
    middle, middle_values = _positional(between + b"[", _SHELL_HOLES)
    tail, tail_values = _positional(after, _SHELL_HOLES)
    return _ShellTemplates(
        head=head,
        head_values=head_values,
        middle=middle,
        middle_values=middle_values,
        tail=tail,
        tail_values=tail_values,
        source=cut(
            source_fields(
                _hole("path"), _hole("encoding"), _hole("bom"), _hole("sha256"), _INT_HOLE
            ),
            1,
            ("path", "encoding", "bom", "sha256", "chars"),
            ("chars",),
        ),
        excerpt=cut(excerpt_fields(_hole("text"), span), 1, excerpt_holes),
        inner_excerpt=cut(excerpt_fields(_hole("text"), span), 2, excerpt_holes),
        speaker=cut(
            speaker_fields(_hole("text"), span, _hole("role"), _hole("name")),
            1,
            (*excerpt_holes, "role", "name"),
        ),
        date=cut(date_fields(_hole("text"), span, _hole("iso")), 1, (*excerpt_holes, "iso")),
        diagnostic=cut(
            diagnostic_fields(_hole("code"), _hole("message"), span),
            2,
            ("code", "message", "start", "end"),
        ),
        removed=cut(
            removed_fields(_hole("text"), span, _hole("reason")), 2, (*excerpt_holes, "reason")
        ),
    )


@dataclass(frozen=True, slots=True)
class _Templates:
    """The JSON of a section with its braces at one depth, the values left as holes: `head`
    up to its children's value, `tail` after it, `leaf` the whole of a section without
    children, each with the function that takes the values of its holes, in order, from the
    writer's (see `_HOLES`); `span` with its start and end in order; `cue` and `point` (an
    excerpt as a field's value and as an item of one) with the function that orders their
    values (see `_EXCERPT_HOLES`); and the separators of a list that is a field's value."""

    depth: int
    head: bytes
    head_values: _Pick
    tail: bytes
    tail_values: _Pick
    leaf: bytes
    leaf_values: _Pick
    span: bytes
    cue: bytes
    point: bytes
    excerpt_values: _Pick
    first: bytes
    next: bytes
    end: bytes

    def list_of(self, items: Sequence[bytes]) -> bytes:
        """A list of the section's items (already JSON), as the value of one of its fields."""
        return self.first + self.next.join(items) + self.end if items else b"[]"


_Pick = Callable[[tuple[Any, ...]], Any]
# The holes the writer fills in a section's templates, in the order it gives their values:
# named by field (`marker.text` inside the marker), a span's start and end apart. The
# templates hold them in the schema's order; a field not named here keeps its default there.
_HOLES: Final = (
    "marker.text",
    "marker.start",
    "marker.end",
    "marker.kind",
    "marker.ordinal",
    "marker.generated",
    "level",
    "title",
    "title_span",
    "start",
    "end",
    "role",
    "cue",
    "points",
    "path",
)
_EXCERPT_HOLES: Final = ("text", "start", "end")
_HOLE: Final = re.compile(rb"%\(([\w.]+)\)")


def _positional(template: bytes, order: tuple[str, ...] = _HOLES) -> tuple[bytes, _Pick]:
    """`template` with its named holes made positional, and the function that takes their
    values in order from the writer's (given in `order`): `%` with a tuple costs half what it
    costs with a mapping."""
    at = [order.index(name.decode()) for name in _HOLE.findall(template)]
    pick: _Pick
    if at == list(range(len(order))):
        pick = tuple  # the values as given: `tuple` of a tuple is that tuple
    else:
        # One value is formatted as itself (none is a tuple); `itemgetter` of one gives that.
        pick = operator.itemgetter(*at) if at else (lambda holes: ())
    return _HOLE.sub(b"%", template), pick


def _hole(name: str) -> str:
    """A string that pydantic writes as `"\\u0000name\\u0000"`, which no value holds."""
    return f"\x00{name}\x00"


# Integer placeholders: larger than any offset, each written as its digits.
_INT_HOLE: Final = 10**15


def _cut(raw: bytes, compact: bool, depth: int, ints: tuple[str, ...]) -> bytes:
    """A placeholder model's JSON `raw` at `depth` (its inner lines indented by that many
    levels), with a `%(name)s` hole for each string placeholder `_hole(name)` and a `%(name)d`
    hole for each integer placeholder `_INT_HOLE + i`, `ints[i]` its name."""
    raw = raw.replace(b"%", b"%%")
    if not compact:
        raw = pairs_on_one_line(raw).replace(b"\n", b"\n" + b"  " * depth)
    for i, int_name in enumerate(ints):
        raw = raw.replace(b"%d" % (_INT_HOLE + i), b"%%(%s)d" % int_name.encode())
    parts = raw.split(b'"\\u0000')
    for i in range(1, len(parts)):
        name, rest = parts[i].split(b'\\u0000"', 1)
        parts[i] = b"%%(%s)s%s" % (name, rest)
    return b"".join(parts)


def _break(depth: int, compact: bool) -> bytes:
    """The line break and indentation that open a line at `depth` (two spaces a level); none
    in the compact layout."""
    return b"" if compact else b"\n" + b"  " * depth


_INTS: Final = ("marker.start", "marker.end", "marker.ordinal", "level", "start", "end")


def placeholder_json(compact: bool) -> tuple[bytes, bytes]:
    """What pydantic writes for the placeholder `Section` and `Excerpt` the templates are cut
    from, at depth 0. Kept in `extractor/placeholders.py` (tests/test_emit.py
    writes it), so that the command line builds no model; a test checks that it is current."""
    from schemas.outline import Excerpt, Marker, Section

    n = {name: _INT_HOLE + i for i, name in enumerate(_INTS)}
    # A placeholder for each value the writer gives (see `_HOLES`); the other fields keep their
    # defaults. Constructed, so the placeholders' types are not checked.
    marker: dict[str, Any] = {
        "text": _hole("marker.text"),
        "span": (n["marker.start"], n["marker.end"]),
        "kind": _hole("marker.kind"),
        "ordinal": n["marker.ordinal"],
        "generated": _hole("marker.generated"),
    }
    holes: dict[str, Any] = {
        "marker": Marker.model_construct(**marker),
        "level": n["level"],
        "span": (n["start"], n["end"]),
        **{
            name: _hole(name)
            for name in ("title", "title_span", "role", "cue", "points", "children", "path")
        },
    }
    section = Section.model_construct(**holes)
    excerpt = Excerpt.model_construct(text=_hole("text"), span=(_INT_HOLE, _INT_HOLE + 1))
    indent = None if compact else 2
    section_json = section.__pydantic_serializer__.to_json(section, indent=indent, warnings=False)
    excerpt_json = excerpt.__pydantic_serializer__.to_json(excerpt, indent=indent, warnings=False)
    return section_json, excerpt_json


@functools.cache
def _templates(depth: int, compact: bool) -> _Templates:
    """The templates of a section at `depth`, cut from placeholder models (see `_cut`)."""
    if compact:
        section, excerpt = placeholders.SECTION_COMPACT, placeholders.EXCERPT_COMPACT
    else:
        section, excerpt = placeholders.SECTION_PRETTY, placeholders.EXCERPT_PRETTY
    head, tail = _cut(section, compact, depth, _INTS).split(b"%(children)s")
    leaf, leaf_values = _positional(head + b"[]" + tail)
    head, head_values = _positional(head)
    tail, tail_values = _positional(tail)
    ends = ("start", "end")
    cue, excerpt_values = _positional(_cut(excerpt, compact, depth + 1, ends), _EXCERPT_HOLES)
    point, _ = _positional(_cut(excerpt, compact, depth + 2, ends), _EXCERPT_HOLES)
    span = to_json((_INT_HOLE, _INT_HOLE + 1), indent=None if compact else 2, pairs=True)
    return _Templates(
        depth=depth,
        head=head,
        head_values=head_values,
        tail=tail,
        tail_values=tail_values,
        leaf=leaf,
        leaf_values=leaf_values,
        span=span.replace(b"%d" % _INT_HOLE, b"%d").replace(b"%d" % (_INT_HOLE + 1), b"%d"),
        cue=cue,
        point=point,
        excerpt_values=excerpt_values,
        first=b"[" + _break(depth + 2, compact),
        next=b"," + _break(depth + 2, compact),
        end=_break(depth + 1, compact) + b"]",
    )
