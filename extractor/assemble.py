"""assemble: internal records → schemas.Outline, the only module that builds schema objects.

Every text in the output is sliced from the source here, by the span it is reported with.

The outline's shell (metadata, findings, diagnostics, removed lines) is `shell_values`: plain
values that `Outline.model_validate` turns into the model, and that `emit` serializes as they
are for the command line, so both outputs come from one mapping. The objects built once per
marker (sections, markers, cues, points) are constructed, not validated: they come from
internal records whose invariants the stages keep (ordinals ≥ 1, spans within the text).
`_construct` builds what `model_construct` would, without its loop over fields, and all of them
share one set of field names instead of one each. The tests validate whole outlines
(`Outline.model_validate` of the dumped JSON round-trips) and compare `_construct` with
`model_construct`.

The cyclic garbage collector is paused while the outline is built (see `collector_paused`).
"""

from __future__ import annotations

import functools
import gc
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final, ParamSpec, TypeVar

from pydantic import BaseModel

from extractor.parsed import Parsed
from extractor.regions import Finding, Regions, Verdict
from extractor.tree import Node
from schemas import (
    DiagnosticCode,
    Excerpt,
    Marker,
    Outline,
    Role,
    Section,
    Span,
)
from schemas.version import SCHEMA_VERSION

_P = ParamSpec("_P")
_R = TypeVar("_R")
_M = TypeVar("_M", bound=BaseModel)
_new = object.__new__
_set = object.__setattr__


def _construct(cls: type[_M], fields: set[str], values: dict[str, Any]) -> _M:
    """`cls.model_construct(fields, **values)` for `values` that give every field of `cls` in
    declaration order: the same instance, without pydantic's per-field loop (which would take
    a third of the time of building an outline)."""
    model = _new(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", fields)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def collector_paused(build: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run `build` with the cyclic garbage collector paused, restoring it after.

    Building the outline (and, in the pipeline, every stage's records) allocates containers by
    the hundred thousand that all outlive the step, and no reference cycles: each collection
    triggered meanwhile only walks them again, so that a byte of a long speech would cost more
    than a byte of a short one; paused, the two cost the same.
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


@collector_paused
def assemble(parsed: Parsed) -> Outline:
    """The outline of the parsed speech, sections and tasks built as models."""
    text = parsed.decoded.text
    regions, generated = parsed.regions, parsed.decoded.generated
    tree = [_section(text, node, regions, generated) for node in parsed.sections]
    by_start = _by_start(tree, set(regions.tasks))
    values = shell_values(parsed)
    values["sections"] = tree
    values["tasks"] = [by_start[start] for start in regions.tasks]
    return Outline.model_validate(values)


def shell_values(parsed: Parsed) -> dict[str, Any]:
    """The outline's fields as plain values (dicts, lists, tuples, enum members) in the
    schema's order, with its sections and tasks empty; a `*_utf16` field is left out, as the
    JSON leaves it out when null. Everything here is as small as the speech's front matter and
    findings: `Outline.model_validate` of it is the outline (`assemble` fills the two lists
    first), and its JSON is the outline's JSON around them (see `emit`)."""
    decoded, metadata, regions = parsed.decoded, parsed.metadata, parsed.regions
    text = decoded.text
    start, end = parsed.speech if parsed.speech is not None else (0, len(text))
    first = parsed.sections[0].marker.start if parsed.sections else end
    if parsed.closing is not None:
        first = min(first, parsed.closing[0])
    diagnostics = [
        {"code": i.code, "message": i.message, "span": (i.start, i.end)} for i in parsed.issues
    ]
    if decoded.skipped:
        note = {"code": DiagnosticCode.DOCX_SKIPPED, "message": decoded.skipped}
        diagnostics.insert(0, {**note, "span": (0, len(text))})
    speaker = metadata.speaker
    date = metadata.date
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {
            "path": decoded.path,
            "encoding": decoded.encoding,
            "bom": decoded.bom,
            "sha256": decoded.sha256,
            "chars": len(text),
        },
        "title": _text_at(text, metadata.title),
        "occasion": _text_at(text, metadata.occasion),
        "speaker": None
        if speaker is None
        else {
            **_span_text(text, speaker.span),
            "role": _text_at(text, speaker.role),
            "name": _text_at(text, speaker.name),
        },
        "date": None if date is None else {**_span_text(text, date.span), "iso": date.iso},
        "salutation": _text_at(text, metadata.salutation),
        "purpose": _text_at(text, metadata.purpose),
        "preamble": _trimmed(text, min(start, first), first),
        "sections": [],
        "achievements": [_item_values(text, i) for i in regions.achievements],
        "problems": [_item_values(text, i) for i in regions.problems],
        "tasks": [],
        "closing": _text_at(text, parsed.closing),
        "diagnostics": diagnostics,
        "removed": [
            {**_span_text(text, (r.start, r.end)), "reason": r.reason} for r in parsed.removed
        ],
    }


def _span_text(text: str, span: Span) -> dict[str, Any]:
    return {"text": text[span[0] : span[1]], "span": span}


def _text_at(text: str, span: Span | None) -> dict[str, Any] | None:
    """An excerpt's values; None for no span or an empty one."""
    if span is None or span[0] == span[1]:
        return None
    return _span_text(text, span)


def _trimmed(text: str, start: int, end: int) -> dict[str, Any] | None:
    """The excerpt of text[start:end] trimmed of white space at both ends; None when nothing
    is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _text_at(text, (start, end))


def _item_values(text: str, item: Finding) -> dict[str, Any]:
    return {
        **_span_text(text, item.span),
        "section": [text[s:e] for s, e in item.section] or None,
        "metrics": [
            {**_span_text(text, span), "value": value, "unit": text[us:ue]}
            for span, value, (us, ue) in item.metrics
        ],
    }


# Every field is given explicitly, as validated construction would record it.
_SECTION_FIELDS: Final = set(Section.model_fields)
_MARKER_FIELDS: Final = set(Marker.model_fields)
_EXCERPT_FIELDS: Final = set(Excerpt.model_fields)
_UNDECIDED: Final = Verdict(Role.OTHER)


def dump_json(outline: Outline) -> str:
    """The outline as written to files and stdout: 2-space indent, field order, UTF-8 text
    unescaped, a final newline."""
    return dump_json_bytes(outline).decode("utf-8")


def dump_json_bytes(outline: Outline) -> bytes:
    """`dump_json` encoded as UTF-8, without building the str: for writing to a file or stdout.

    No str is built: a Chinese JSON text takes 2 bytes per code point as a str, and the JSON
    of a speech is about ten times its size."""
    return b"".join(json_pieces(outline))


@dataclass(frozen=True, slots=True)
class Layout:
    """How the outline's JSON is laid out: pydantic's `indent=2` (files, stdout) or compact
    (one line, `--jsonl`). An empty list of sections or tasks stands at the top level as its
    slot, never inside a section (deeper) or a string (whose quotes are escaped)."""

    indent: int | None
    sections_slot: bytes
    tasks_slot: bytes
    item_indent: bytes  # before each item's text
    first: bytes  # between a list's `[` and its first item
    next: bytes  # between two items
    end: bytes  # after the last item


PRETTY: Final = Layout(
    2, b'\n  "sections": []', b'\n  "tasks": []', b"    ", b"\n", b",\n", b"\n  ]"
)
COMPACT: Final = Layout(None, b'"sections":[]', b'"tasks":[]', b"", b"", b",", b"]")


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
    sections_at = shell.find(layout.sections_slot)
    tasks_at = shell.find(layout.tasks_slot)
    if sections_at < 0 or tasks_at < sections_at:
        raise AssertionError("the outline's sections and tasks are not where the schema had them")
    sections_end = sections_at + len(layout.sections_slot)
    tasks_end = tasks_at + len(layout.tasks_slot)
    yield shell[: sections_end - 1]  # up to the list's `[`
    yield from _items(sections, layout)
    yield shell[sections_end : tasks_end - 1]
    yield from _items(tasks, layout)
    yield shell[tasks_end:]
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
    return model.__pydantic_serializer__.to_json(model, indent=2)


def _item_json(section: Section) -> bytes:
    """A section as an item of a list at depth 1 (JSON strings hold no raw line break)."""
    return PRETTY.item_indent + _to_json(section).replace(b"\n", b"\n" + PRETTY.item_indent)


def _point(text: str, span: Span) -> Excerpt:
    values = {"text": text[span[0] : span[1]], "span": span, "span_utf16": None}
    return _construct(Excerpt, _EXCERPT_FIELDS, values)


def _by_start(sections: Sequence[Section], starts: set[int]) -> dict[int, Section]:
    """The sections whose marker opens at one of `starts`. Tasks are the outermost task
    sections, so the walk does not enter one it has found."""
    out: dict[int, Section] = {}
    stack = list(reversed(sections))
    while stack and len(out) < len(starts):
        s = stack.pop()
        if s.marker.span[0] in starts:
            out[s.marker.span[0]] = s
        else:
            stack.extend(reversed(s.children))
    return out


def inside_any(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of `spans` (sorted, not overlapping)."""
    i = bisect_right(spans, start, key=lambda span: span[0]) - 1
    return i >= 0 and end <= spans[i][1]


def _section(
    text: str,
    node: Node,
    regions: Regions,
    generated: Sequence[tuple[int, int]],
    path: tuple[str, ...] = (),
) -> Section:
    m = node.marker
    start, end = m.start, m.end
    verdict = regions.verdicts.get(start, _UNDECIDED)
    marker_text = text[start:end]
    if m.title_end > m.title_start:
        title: str | None = text[m.title_start : m.title_end]
        title_span: Span | None = (m.title_start, m.title_end)
    else:
        title = title_span = None
    cue = verdict.cue
    points = regions.points.get(start)
    # Most sections have no points and no children: no comprehension is started for them.
    children = node.children
    if children:
        # An untitled ancestor (a bare 「一、」 line) stands in the path by its marker.
        inner = (*path, marker_text if title is None else title)
        built = [_section(text, child, regions, generated, inner) for child in children]
    else:
        built = []
    marker = {
        "text": marker_text,
        "span": (start, end),
        "span_utf16": None,
        "kind": m.kind,
        "ordinal": m.ordinal,
        "generated": bool(generated) and inside_any(generated, start, end),
    }
    section = {
        "marker": _construct(Marker, _MARKER_FIELDS, marker),
        "level": node.level,
        "title": title,
        "title_span": title_span,
        "span": (start, node.end),
        "role": verdict.role,
        "cue": None if cue is None or cue[0] == cue[1] else _point(text, cue),
        "points": [_point(text, p) for p in points] if points else [],
        "children": built,
        "path": list(path),
        "span_utf16": None,
        "title_span_utf16": None,
    }
    return _construct(Section, _SECTION_FIELDS, section)
