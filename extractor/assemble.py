"""assemble: internal records → schemas.Outline, the only module that builds schema objects.

It decides what goes into the outline, for both outputs: `shell_values` (everything but the
sections) and `section_facts` with `label` (what a section says) are what the model is built
from here, and what `emit` writes as JSON without building it. The JSON layout is `emit`'s.

Every text in the output is sliced from the source here, by the span it is reported with.

The outline's shell (metadata, findings, diagnostics, removed lines) is `shell_values`: plain
values that `Outline.model_validate` turns into the model, and that `emit` serializes as they
are for the command line, so both outputs come from one mapping; each of its objects is built
by one `*_fields` function, whose keys `emit` cuts its templates from. The objects built once per
marker (sections, markers, cues, points) are constructed, not validated: they come from
internal records whose invariants the stages keep (ordinals ≥ 1, spans within the text).
`_construct` builds what `model_construct` would, without its loop over fields, and all of them
share one set of field names instead of one each. The tests validate whole outlines
(`Outline.model_validate` of the dumped JSON round-trips) and compare `_construct` with
`model_construct`.

The cyclic garbage collector is paused while the outline is built (see `collector_paused`).
"""

from __future__ import annotations

import copy
import functools
import gc
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, ParamSpec, TypeVar

from extractor.parsed import Parsed
from extractor.regions import Finding, Regions, Verdict
from extractor.tree import Node
from schemas.version import SCHEMA_VERSION
from schemas.vocab import DiagnosticCode, Role, Span

if TYPE_CHECKING:
    from pydantic import BaseModel

    from schemas.outline import Excerpt, Outline, Section

_P = ParamSpec("_P")
_R = TypeVar("_R")
_M = TypeVar("_M", bound="BaseModel")
_new = object.__new__
_set = object.__setattr__


def _construct(cls: type[_M], values: dict[str, Any]) -> _M:
    """`cls.model_construct(fields, **values)`, `fields` every field of `cls` (one set for all its
    instances): the same instance, without pydantic's per-field
    loop (which would take a third of the time of building an outline). A field that `values` leaves
    out takes its default, so an optional field added to a model needs no edit here; each model
    is built in one place, which gives the same fields at every call. pydantic writes a model's
    JSON in the order of its `__dict__`: the values are kept in declaration order."""
    rest = _REST.get(cls)
    if rest is None:
        rest = _REST[cls] = _Rest.of(cls, values)
    fields = rest.fields
    if rest.defaults:  # none for the models built here today: they give every field
        if rest.blank:
            values = {**rest.blank, **values}
        else:
            values.update(rest.defaults)
        for name in rest.mutable:
            values[name] = copy.copy(values[name])
    model = _new(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", fields)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


@dataclass(frozen=True, slots=True)
class _Rest:
    """The fields of a model that its builder leaves out: their defaults, which of them are
    mutable (copied for each instance, as pydantic copies them), and, when one of them comes
    before a field given, every field in declaration order to lay the values over."""

    fields: set[str]
    defaults: dict[str, Any]
    mutable: tuple[str, ...]
    blank: dict[str, Any] | None

    @classmethod
    def of(cls, model: type[BaseModel], given: dict[str, Any]) -> _Rest:
        defaults = {
            name: field.get_default(call_default_factory=True)
            for name, field in model.model_fields.items()
            if name not in given
        }
        mutable = tuple(n for n, d in defaults.items() if isinstance(d, list | dict | set))
        in_order = [*given, *defaults] == list(model.model_fields)
        blank = None if in_order else {name: defaults.get(name) for name in model.model_fields}
        # Every field is given explicitly, as validated construction would record it.
        return cls(set(model.model_fields), defaults, mutable, blank)


_REST: dict[type[BaseModel], _Rest] = {}


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
    from schemas.outline import Outline

    text = parsed.decoded.text
    regions, generated = parsed.regions, parsed.decoded.generated
    tree = [_section(text, node, regions, generated) for node in parsed.sections]
    by_start = _by_start(tree, set(regions.tasks))
    values = shell_values(parsed)
    values["sections"] = tree
    values["tasks"] = [by_start[start] for start in regions.tasks]
    return Outline.model_validate(values)


def shell_values(parsed: Parsed, *, findings: bool = True) -> dict[str, Any]:
    """The outline's fields as plain values (dicts, lists, tuples, enum members) in the
    schema's order, with its sections and tasks empty; a `*_utf16` field is left out, as the
    JSON leaves it out when null. Everything here is as small as the speech's front matter and
    findings: `Outline.model_validate` of it is the outline (`assemble` fills the two lists
    first), and its JSON is the outline's JSON around them (see `emit`). Without `findings`,
    achievements and problems are empty too, for a writer that formats them from the records."""
    decoded, metadata, regions = parsed.decoded, parsed.metadata, parsed.regions
    text = decoded.text
    start, end = parsed.speech if parsed.speech is not None else (0, len(text))
    first = parsed.sections[0].marker.start if parsed.sections else end
    if parsed.closing is not None:
        first = min(first, parsed.closing[0])
    diagnostics = [diagnostic_fields(i.code, i.message, (i.start, i.end)) for i in parsed.issues]
    if decoded.skipped:
        note = diagnostic_fields(DiagnosticCode.DOCX_SKIPPED, decoded.skipped, (0, len(text)))
        diagnostics.insert(0, note)
    speaker = metadata.speaker
    date = metadata.date
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source_fields(
            decoded.path, decoded.encoding, decoded.bom, decoded.sha256, len(text)
        ),
        "title": _text_at(text, metadata.title),
        "occasion": _text_at(text, metadata.occasion),
        "speaker": None
        if speaker is None
        else speaker_fields(
            text[speaker.span[0] : speaker.span[1]],
            speaker.span,
            _text_at(text, speaker.role),
            _text_at(text, speaker.name),
        ),
        "date": None
        if date is None
        else date_fields(text[date.span[0] : date.span[1]], date.span, date.iso),
        "salutation": _text_at(text, metadata.salutation),
        "purpose": _text_at(text, metadata.purpose),
        "preamble": _trimmed(text, min(start, first), first),
        "sections": [],
        "achievements": [_item_values(text, i) for i in regions.achievements] if findings else [],
        "problems": [_item_values(text, i) for i in regions.problems] if findings else [],
        "tasks": [],
        "closing": _text_at(text, parsed.closing),
        "diagnostics": diagnostics,
        "removed": [
            removed_fields(text[r.start : r.end], (r.start, r.end), r.reason)
            for r in parsed.removed
        ],
    }


# The fields of the shell's objects in the schema's order, `*_utf16` left out (see
# `item_fields`): `emit` cuts its templates from them, with placeholders for the values.


def source_fields(path: Any, encoding: Any, bom: Any, sha256: Any, chars: Any) -> dict[str, Any]:
    return {"path": path, "encoding": encoding, "bom": bom, "sha256": sha256, "chars": chars}


def excerpt_fields(text: Any, span: Any) -> dict[str, Any]:
    return {"text": text, "span": span}


def speaker_fields(text: Any, span: Any, role: Any, name: Any) -> dict[str, Any]:
    return {"text": text, "span": span, "role": role, "name": name}


def date_fields(text: Any, span: Any, iso: Any) -> dict[str, Any]:
    return {"text": text, "span": span, "iso": iso}


def diagnostic_fields(code: Any, message: Any, span: Any) -> dict[str, Any]:
    return {"code": code, "message": message, "span": span}


def removed_fields(text: Any, span: Any, reason: Any) -> dict[str, Any]:
    return {"text": text, "span": span, "reason": reason}


def _text_at(text: str, span: Span | None) -> dict[str, Any] | None:
    """An excerpt's values; None for no span or an empty one."""
    if span is None or span[0] == span[1]:
        return None
    return excerpt_fields(text[span[0] : span[1]], span)


def _trimmed(text: str, start: int, end: int) -> dict[str, Any] | None:
    """The excerpt of text[start:end] trimmed of white space at both ends; None when nothing
    is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _text_at(text, (start, end))


def _item_values(text: str, item: Finding) -> dict[str, Any]:
    start, end = span = item.span
    return item_fields(
        text[start:end],
        span,
        [text[s:e] for s, e in item.section] or None,
        [
            metric_fields(text[s:e], (s, e), value, text[us:ue])
            for (s, e), value, (us, ue) in item.metrics
        ]
        if item.metrics
        else [],
    )


def item_fields(text: Any, span: Any, section: Any, metrics: Any) -> dict[str, Any]:
    """An achievement's or problem's fields in the schema's order, `*_utf16` left out; `emit`
    cuts its template from them, with placeholders for the values."""
    return {"text": text, "span": span, "section": section, "metrics": metrics}


def metric_fields(text: Any, span: Any, value: Any, unit: Any) -> dict[str, Any]:
    """A metric's fields in the schema's order, `*_utf16` left out (see `item_fields`)."""
    return {"text": text, "span": span, "value": value, "unit": unit}


_UNDECIDED: Final = Verdict(Role.OTHER)


def _point(text: str, span: Span) -> Excerpt:
    from schemas.outline import Excerpt

    values = {"text": text[span[0] : span[1]], "span": span, "span_utf16": None}
    return _construct(Excerpt, values)


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


def label(text: str, node: Node) -> str:
    """What stands for `node` in its descendants' paths: its title, or its marker as written
    when it has none (a bare 「一、」 line)."""
    m = node.marker
    if m.title_end > m.title_start:
        return text[m.title_start : m.title_end]
    return text[m.start : m.end]


def section_facts(
    text: str, node: Node, regions: Regions, generated: Sequence[Span]
) -> tuple[str | None, Span | None, Role, Span | None, bool]:
    """What the section of `node` says beyond its records' numbers, decided once for both
    outputs (the model here, the JSON in `emit`): its title and title span (None when nothing
    follows the marker), its role, the span of the cue that decided it (None when none did:
    inherited, undecided, or an empty match), and whether its marker is generated numbering.
    A section's path is its ancestors' `label`s."""
    # Unpacked at once: each field of a named tuple read by name costs a descriptor call.
    _, _, _, start, end, title_start, title_end, _, _ = node.marker
    return marker_facts(text, start, end, title_start, title_end, regions, generated)


def marker_facts(
    text: str,
    start: int,
    end: int,
    title_start: int,
    title_end: int,
    regions: Regions,
    generated: Sequence[Span],
) -> tuple[str | None, Span | None, Role, Span | None, bool]:
    """`section_facts` of the section whose marker spans [start, end) and its title
    [title_start, title_end): for a writer that has read the marker's fields already."""
    role, cue = regions.verdicts.get(start, _UNDECIDED)
    if cue is not None and cue[0] == cue[1]:
        cue = None
    is_generated = inside_any(generated, start, end) if generated else False
    if title_end > title_start:
        return text[title_start:title_end], (title_start, title_end), role, cue, is_generated
    return None, None, role, cue, is_generated


def _section(
    text: str,
    node: Node,
    regions: Regions,
    generated: Sequence[Span],
    path: tuple[str, ...] = (),
) -> Section:
    from schemas.outline import Marker, Section

    m = node.marker
    start, end = m.start, m.end
    title, title_span, role, cue, is_generated = section_facts(text, node, regions, generated)
    points = regions.points.get(start)
    # Most sections have no points and no children: no comprehension is started for them.
    children = node.children
    if children:
        inner = (*path, label(text, node))
        built = [_section(text, child, regions, generated, inner) for child in children]
    else:
        built = []
    marker = {
        "text": text[start:end],
        "span": (start, end),
        "span_utf16": None,
        "kind": m.kind,
        "ordinal": m.ordinal,
        "generated": is_generated,
    }
    section = {
        "marker": _construct(Marker, marker),
        "level": node.level,
        "title": title,
        "title_span": title_span,
        "span": (start, node.end),
        "role": role,
        "cue": None if cue is None else _point(text, cue),
        "points": [_point(text, p) for p in points] if points else [],
        "children": built,
        "path": list(path),
        "span_utf16": None,
        "title_span_utf16": None,
    }
    return _construct(Section, section)
