from __future__ import annotations

from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st

from extractor.markers import scan_markers
from extractor.source import FOLD, Source, fold, split_lines


def test_fold_maps_one_code_point_to_one() -> None:
    assert all(isinstance(v, int) or len(v) == 1 for v in FOLD.values())


def test_folded_view_keeps_length_and_positions() -> None:
    text = "（一）全面加强。１２．其他：１０％\u3000\u3000二、"
    source = Source.from_text(text)
    assert len(source.folded) == len(text)
    assert source.folded == "(一)全面加强。12.其他:10%  二、"


def lines_of(text: str) -> list[str]:
    return [line.text for line in split_lines(Source.from_text(text))]


def test_every_line_break_style_ends_a_paragraph() -> None:
    assert lines_of("甲\r\n乙\r丙\n丁\u2028戊\f己\x85庚") == [
        "甲",
        "乙",
        "丙",
        "丁",
        "戊",
        "己",
        "庚",
    ]


def test_blank_lines_are_kept_as_empty_paragraphs() -> None:
    assert lines_of("甲\n\n乙\r\n\r\n") == ["甲", "", "乙", "", ""]


def test_two_ideographic_spaces_mid_line_open_a_paragraph() -> None:
    text = "同志们：\u3000\u3000一、认清形势。\u3000\u3000二、突出重点。\u3000单个全角空格不分段。"
    assert lines_of(text) == [
        "同志们：",
        "\u3000\u3000一、认清形势。",
        "\u3000\u3000二、突出重点。\u3000单个全角空格不分段。",
    ]


def test_a_run_of_ideographic_spaces_opens_a_paragraph_only_after_text() -> None:
    text = (
        "会议指出：\u3000\u3000\u3000一是提高站位。"
        "\n\u3000\u3000\u3000\u3000二是压实责任。 \u3000\u3000三"
    )
    assert lines_of(text) == [
        "会议指出：",
        "\u3000\u3000\u3000一是提高站位。",
        "\u3000\u3000\u3000\u3000二是压实责任。 \u3000\u3000三",
    ]
    assert lines_of("\u3000\u3000甲\u3000\u3000") == ["\u3000\u3000甲", "\u3000\u3000"]


def test_indentation_is_skipped_to_the_body() -> None:
    (line,) = split_lines(Source.from_text("\u3000\u3000\u00a0 \t一、总体要求"))
    assert line.source.text[line.body :] == "一、总体要求"


def test_fold_equals_translate_whatever_characters_the_text_holds() -> None:
    from extractor.source import _fold_by_scan, _fold_by_set

    keys = "".join(chr(k) for k in sorted(FOLD))
    few = "同志们：今天召开（全区）大会，１２３！\u3000\u3000一是提高站位；二是压实责任？"
    # An astral ideograph, folded (U+2005E) or not (U+20000), among a few to fold.
    astral = "（\U0002005e）\U00020000發展，" + few
    for text in (few, keys, keys + few, astral, "\U00020000", "", "no fold at all"):
        expected = text.translate(FOLD)
        assert fold(text) == _fold_by_scan(text) == _fold_by_set(text) == expected


def test_the_fold_scan_finds_each_character_to_fold_and_every_astral_one() -> None:
    """The scan's class, written as the negation of the characters FOLD leaves alone, holds
    every BMP character FOLD changes (and no other), lone surrogates left out, and every
    astral character (left to `_fold_by_set`)."""
    from extractor.source import _foldable_scan

    scan = _foldable_scan()
    found = {c for c in map(chr, range(0x10000)) if scan.match(c)}
    assert found == {c for c in map(chr, FOLD) if ord(c) <= 0xFFFF}
    astral = (0x10000, 0x2005E, 0x20000, 0x10FFFF)
    assert all(scan.match(chr(c)) for c in astral)


def paragraphs(text: str) -> list[str]:
    return [line.text for line in split_lines(Source.from_text(text))]


INDENTED = "\u3000\u3000一年来，全省经济平稳运行。\n\u3000\u3000农业生产再获丰收。\n"


def test_a_stray_break_inside_a_sentence_does_not_end_the_paragraph() -> None:
    text = INDENTED + "\u3000\u3000在这一年里，社会财产没\n\u200b\n有遭到损坏，秩序良好。\n"
    assert (
        paragraphs(text)[2] == "\u3000\u3000在这一年里，社会财产没\n\u200b\n有遭到损坏，秩序良好。"
    )
    assert len(paragraphs(text)) == 4  # the last, empty paragraph after the final break


def test_an_indented_line_after_an_unfinished_one_opens_a_paragraph() -> None:
    text = INDENTED + "\u3000\u3000极大地鼓舞了人民的斗争\n\n\u3000\u3000总理强调指出，要团结。\n"
    assert "\u3000\u3000总理强调指出，要团结。" in paragraphs(text)


def test_a_title_and_a_byline_are_not_joined() -> None:
    text = "政府工作报告\n——在全省人民代表大会上\n省长\n" + INDENTED
    assert paragraphs(text)[:3] == ["政府工作报告", "——在全省人民代表大会上", "省长"]


def test_a_heading_marker_alone_on_its_line_keeps_its_line() -> None:
    text = INDENTED + "一、\n在工商业方面，我们取得了胜利。\n"
    assert paragraphs(text)[2:4] == ["一、", "在工商业方面，我们取得了胜利。"]


def test_an_enumeration_alone_on_its_line_runs_on_into_its_sentence() -> None:
    text = INDENTED + "第一，\n在工商业方面，我们取得了胜利。\n"
    assert paragraphs(text)[2] == "第一，\n在工商业方面，我们取得了胜利。"
    (marker,) = scan_markers(split_lines(Source.from_text(text)))
    assert text[marker.title_start : marker.title_end] == "在工商业方面，我们取得了胜利"


def test_a_break_inside_title_brackets_is_joined_in_any_text() -> None:
    text = "我国签署了《\n全面禁止核试验条约\n》，作出了贡献。\n下一段。"
    assert paragraphs(text) == ["我国签署了《\n全面禁止核试验条约\n》，作出了贡献。", "下一段。"]


def test_a_page_number_between_the_halves_is_not_joined() -> None:
    text = INDENTED + "\u3000\u3000这一年，工业生产有了\n第 3 页 共 10 页\n新的发展。\n"
    assert "第 3 页 共 10 页" in paragraphs(text)


# What decides where a paragraph ends: every break `_BREAK` knows, the white space that may
# stand before a run of U+3000, and text, with full-width punctuation that the folded view,
# where the breaks are looked for, holds otherwise.
_BREAK_ALPHABET = "\n\r\f\x85\u2028\u2029\u3000\u3000\u3000 \t\xa0\u2003同志们：一、。，（"


@given(st.text(alphabet=_BREAK_ALPHABET, max_size=40))
def test_lines_split_at_one_kind_of_break_are_the_lines_break_finds(text: str) -> None:
    """`split_lines` splits a text whose only breaks are LF with `str.split`, and one whose
    only breaks are runs of U+3000 with `_RUN_BREAK`: it does for a text where `_BREAK` finds
    no other break, and finds the lines `_BREAK` would."""
    from extractor import source as module

    found = module._BREAK.split(text)[1::2]
    if all(b == "\n" for b in found):
        expected = "\n"
    elif all(b == module._RUN for b in found):
        expected = module._RUN
    else:
        expected = ""
    assert module._breaks(text, fold(text)) == expected
    lines = split_lines(Source.from_text(text))
    with patch.object(module, "_breaks", return_value=""):
        assert split_lines(Source.from_text(text)) == lines


def test_the_characters_read_without_regex_are_those_the_patterns_match() -> None:
    """`_opens_continuation` and `_ends_on_word` read the CJK Unified Ideographs and a few
    marks themselves: for every character of the BMP and a few astral ones, as the patterns."""
    from extractor.source import (
        _CONTINUATION,
        _WORD_END,
        _ends_on_word,
        _opens_continuation,
    )

    for code in [*range(0x10000), 0x20000, 0x2005E, 0x1F600]:
        text = f"甲{chr(code)}乙"
        assert _opens_continuation(text, 1, 3) == (_CONTINUATION.match(text, 1, 3) is not None)
        assert _ends_on_word(text, 2) == (_WORD_END.match(text, 1, 2) is not None)


@st.composite
def _maybe_wrapped(draw: st.DrawFn) -> str:
    """A text whose lines may share a width: blank lines, lines that open with a marker or
    are indented, lines that end a sentence or not, of about one width or not."""
    width = draw(st.sampled_from([12, 16, 17, 24]))
    lines = []
    for _ in range(draw(st.integers(0, 16))):
        opening = draw(
            st.sampled_from(["", "", "", "一、", "（二）", "3.", "第一，", "\u3000\u3000"])
        )
        ending = draw(st.sampled_from(["", "", "。", "，", "："]))
        size = width + draw(st.sampled_from([-1, 0, 0, 1, 2, -6])) - len(opening) - len(ending)
        filler = "我们全面推进经济建设和社会发展各项事业" * 2
        lines.append(draw(st.sampled_from(["", opening + filler[: max(size, 0)] + ending])))
    return "\n".join(lines)


@given(_maybe_wrapped())
def test_a_text_that_cannot_be_wrapped_is_split_as_when_asked_in_full(text: str) -> None:
    """`_cannot_wrap` tells from the lines' lengths, and counts the lines that open with a
    marker's first character only when it must: whenever it says so, the lines are those of
    `wrap_width` and the join after it."""
    from extractor import source as module

    expected = split_lines(Source.from_text(text))
    with patch.object(module, "_cannot_wrap", return_value=False):
        assert split_lines(Source.from_text(text)) == expected


def test_an_indented_speech_is_split_at_its_line_breaks() -> None:
    text = "\u3000\u3000同志们：\n\u3000\u3000今天召开全区大会。\n\n\u3000\u3000一、认清形势\n"
    assert lines_of(text) == [
        "\u3000\u3000同志们：",
        "\u3000\u3000今天召开全区大会。",
        "",
        "\u3000\u3000一、认清形势",
        "",
    ]
