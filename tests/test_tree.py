"""Nesting and numbering diagnostics, on small speeches."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import parse
from schemas import DiagnosticCode, Section
from tests.conftest import MicroCase, load_cases


def render(sections: list[Section]) -> list[str]:
    out: list[str] = []
    for s in sections:
        out.append("  " * (s.level - 1) + s.marker.text + (s.title or ""))
        out.extend(render(s.children))
    return out


@pytest.mark.parametrize("case", load_cases("tree.txt"), ids=lambda c: c.id)
def test_micro_case(case: MicroCase) -> None:
    assert render(parse(case.input).sections) == case.expected, case.title


def codes(text: str) -> list[tuple[DiagnosticCode, str]]:
    outline = parse(text)
    return [(d.code, text[d.span[0] : d.span[1]]) for d in outline.diagnostics]


def test_regular_numbering_has_no_diagnostics() -> None:
    text = "一、甲\n（一）乙\n（二）丙\n二、丁\n一是戊。二是己。一是庚。"
    assert codes(text) == []


def test_gap() -> None:
    assert codes("一、甲\n二、乙\n四、丙") == [(DiagnosticCode.ORDINAL_GAP, "四、")]


def test_repeat() -> None:
    text = "一、甲\n（一）乙\n（二）丙\n（二）丁"
    assert codes(text) == [(DiagnosticCode.ORDINAL_REPEAT, "（二）")]


def test_out_of_order() -> None:
    text = "一、甲\n1.乙\n3.丙\n2.丁"
    assert codes(text) == [
        (DiagnosticCode.ORDINAL_GAP, "3."),
        (DiagnosticCode.ORDINAL_OUT_OF_ORDER, "2."),
    ]


def test_run_that_does_not_start_at_one() -> None:
    assert codes("会议指出：二是加强领导。三是狠抓落实。") == [(DiagnosticCode.ORDINAL_GAP, "二是")]


def test_heading_restart_is_noted_enumeration_restart_is_not() -> None:
    text = "一、甲\n二、乙\n一、丙\n一是丁。二是戊。一是己。"
    assert codes(text) == [(DiagnosticCode.ORDINAL_RESTART, "一、")]


def test_skipped_level() -> None:
    text = "一、甲\n（一）乙\n二、丙\n（1）丁"
    assert codes(text) == [(DiagnosticCode.SKIPPED_LEVEL, "（1）")]


def test_no_skipped_level_when_the_speech_never_uses_that_level() -> None:
    assert codes("一、甲\n（1）乙\n（2）丙") == []


def test_mixed_styles_at_one_level() -> None:
    text = "一、甲\n（一）乙\n(二)丙\n1．丁\n2、戊"
    assert codes(text) == [
        (DiagnosticCode.MIXED_STYLE, "(二)"),
        (DiagnosticCode.MIXED_STYLE, "2、"),
    ]


def test_text_without_markers_has_a_diagnostic_and_no_sections() -> None:
    text = "同志们：今天的会议很重要，大家要认真贯彻落实。"
    outline = parse(text)
    assert outline.sections == []
    assert [d.code for d in outline.diagnostics] == [DiagnosticCode.NO_MARKERS]
    assert outline.preamble is not None and outline.preamble.text == text


def test_section_spans_run_to_the_next_section_at_their_level_or_above() -> None:
    text = "一、甲\n乙。一是丙。二是丁。\n\n二、戊\n"
    first, second = parse(text).sections
    assert text[slice(*first.span)] == "一、甲\n乙。一是丙。二是丁。"
    assert [text[slice(*c.span)] for c in first.children] == ["一是丙。", "二是丁。"]
    assert text[slice(*second.span)] == "二、戊"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(["一", "是", " ", "\n"]), max_size=30),
    st.text(alphabet=st.sampled_from([" ", "\n", "\u3000", "\t"]), max_size=40),
    st.data(),
)
def test_a_sections_end_moves_back_over_white_space_as_rstrip_does(
    body: str, spaces: str, data: st.DataObject
) -> None:
    """`_trimmed` reads the last few characters first; it ends where rstrip does, however
    long the white space (a removed footer stands there as spaces)."""
    from extractor.tree import _trimmed

    text = body + spaces
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    expected = start + len(text[start:end].rstrip()) if end > start else end
    assert _trimmed(text, start, end) == expected
