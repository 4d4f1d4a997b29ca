"""The span invariants every outline must satisfy, checked on any output."""

from __future__ import annotations

from typing import Any

from schemas import Outline, Section


def check_invariants(outline: Outline, text: str) -> None:
    """Text equals its slice; spans nest and are ordered; every non-space character is inside
    some span; the output round-trips through the model."""
    data = outline.model_dump(mode="json")
    assert outline.source.chars == len(text)
    for span, quoted in _pairs(data):
        assert text[span[0] : span[1]] == quoted, (span, quoted)
    covered = bytearray(len(text))
    for start, end in _spans(data):
        assert 0 <= start <= end <= len(text), (start, end)
        covered[start:end] = b"\x01" * (end - start)
    uncovered = [i for i, c in enumerate(text) if not c.isspace() and not covered[i]]
    assert not uncovered, f"uncovered characters at {uncovered[:5]}"
    _check_nesting(outline.sections, (0, len(text)))
    _check_removed(outline)
    assert Outline.model_validate_json(outline.model_dump_json()) == outline


def _check_removed(outline: Outline) -> None:
    """Removed stretches are in order, disjoint, and hold no marker: nothing removed is read."""
    previous_end = 0
    for r in outline.removed:
        assert previous_end <= r.span[0] < r.span[1], (r.span, previous_end)
        previous_end = r.span[1]
    markers = [s.marker.span for s in _walk(outline.sections)]
    for r in outline.removed:
        assert not any(r.span[0] <= m[0] < r.span[1] for m in markers), (r, markers)


def _walk(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(_walk(s.children))
    return out


def _check_nesting(sections: list[Section], parent: tuple[int, int]) -> None:
    previous_end = parent[0]
    for s in sections:
        assert parent[0] <= s.span[0] <= s.span[1] <= parent[1], (s.span, parent)
        assert s.span[0] >= previous_end, "siblings overlap"
        assert s.marker.span[0] == s.span[0] and s.marker.span[1] <= s.span[1]
        if s.title_span is not None:
            assert s.marker.span[1] <= s.title_span[0] < s.title_span[1] <= s.span[1]
        assert all(child.level == s.level + 1 for child in s.children)
        _check_nesting(s.children, s.span)
        previous_end = s.span[1]


def _pairs(obj: Any) -> list[tuple[list[int], str]]:
    out: list[tuple[list[int], str]] = []
    if isinstance(obj, dict):
        for text_key, span_key in (("text", "span"), ("title", "title_span")):
            if isinstance(obj.get(text_key), str) and obj.get(span_key) is not None:
                out.append((obj[span_key], obj[text_key]))
        for value in obj.values():
            out.extend(_pairs(value))
    elif isinstance(obj, list):
        for value in obj:
            out.extend(_pairs(value))
    return out


def _spans(obj: Any) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key.endswith("span") and isinstance(value, list) and len(value) == 2:
                out.append((value[0], value[1]))
            else:
                out.extend(_spans(value))
    elif isinstance(obj, list):
        for value in obj:
            out.extend(_spans(value))
    return out
