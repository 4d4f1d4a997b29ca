"""Layouts speeches arrive in: line-break styles, indentation, paragraph styles, hard wraps,
PDF page furniture. Each gives the headings of the clean text, with spans into its own text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import parse
from extractor.cli import app
from extractor.source import Source, split_lines, wrap_width
from schemas import Outline, RemovedReason
from tests.invariants import check_invariants
from tests.samples import SPEECH, headings


def squeezed(outline: Outline) -> list[tuple[str, str | None]]:
    """Headings with white space taken out of markers and titles: a hard wrap puts a line break
    inside a title, and may cut a marker (「…为王，一」 ‖ 「要强化…」)."""
    return [
        ("".join(marker.split()), None if title is None else "".join(title.split()))
        for marker, title in headings(outline.model_dump(mode="json"))
    ]


CLEAN = squeezed(parse(SPEECH))


def hard_wrap(text: str, width: int) -> str:
    """Cut every paragraph into lines of `width` characters, as a PDF copy does."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        out += [paragraph[i : i + width] for i in range(0, len(paragraph), width)] or [""]
    return "\n".join(out)


def with_page_furniture(text: str, every: int) -> str:
    """Insert a page number line after every `every` lines, in the styles of PDF exports."""
    styles = ("— {n} —", "-{n}-", "第 {n} 页 共 9 页")
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % every == 0 and i < len(lines) - 1:
            n = i // every
            out.append(styles[n % len(styles)].format(n=n))
    return "\n".join(out)


def indented(indent: str) -> Callable[[str], str]:
    return lambda text: "\n".join(indent + line if line else line for line in text.split("\n"))


LAYOUTS: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "line_separator": lambda t: t.replace("\n", "\u2028"),
    "ideographic_indent": indented("\u3000\u3000"),
    "nbsp_indent": indented("\u00a0\u00a0\u00a0\u00a0"),
    "tab_indent": indented("\t"),
    "blank_line_paragraphs": lambda t: t.replace("\n", "\n\n"),
    "hard_wrapped_20": lambda t: hard_wrap(t, 20),
    "hard_wrapped_crlf": lambda t: hard_wrap(t, 18).replace("\n", "\r\n"),
    "page_furniture": lambda t: with_page_furniture(t, 4),
    "form_feed_pages": lambda t: t.replace("\n（二）", "\n\f（二）"),
    "wrapped_with_page_furniture": lambda t: with_page_furniture(hard_wrap(t, 20), 5),
}


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_layout_gives_the_headings_of_the_clean_text(layout: Callable[[str], str]) -> None:
    text = layout(SPEECH)
    outline = parse(text)
    check_invariants(outline, text)
    assert squeezed(outline) == CLEAN
    for reason in {r.reason for r in outline.removed}:
        assert reason is RemovedReason.PAGE_NUMBER


def test_page_furniture_is_removed_not_dropped() -> None:
    text = with_page_furniture(SPEECH, 4)
    removed = parse(text).removed
    assert [r.text for r in removed] == ["-1-", "第 2 页 共 9 页", "— 3 —"]
    assert all(text[r.span[0] : r.span[1]] == r.text for r in removed)


def test_a_heading_cut_by_the_wrap_keeps_its_whole_title() -> None:
    long_heading = SPEECH.replace(
        "二、突出工作重点，推动高质量发展", "二、突出工作重点，推动全县经济社会高质量发展再上新台阶"
    )
    text = hard_wrap(long_heading, 20)
    assert "\n发展再上新台阶\n" in text
    titles = dict(headings(parse(text).model_dump(mode="json")))
    assert titles["二、"] == "突出工作重点，推动全县经济社会高质量\n发展再上新台阶"


def test_newlines_are_never_rewritten() -> None:
    text = "同志们：\r\n一、提高认识\r二、狠抓落实\u2028三、加强领导\n"
    outline = parse(text)
    assert outline.source.chars == len(text)
    assert [text[s.span[0] : s.span[1]] for s in outline.sections] == [
        "一、提高认识",
        "二、狠抓落实",
        "三、加强领导",
    ]


def test_a_speech_of_whole_paragraphs_is_not_hard_wrapped() -> None:
    assert wrap_width(split_lines(Source.from_text(SPEECH))) is None
    # Headings of one length end mid-sentence too; three of them are not a wrap width.
    same_length = "\n".join(
        [
            "一、坚持以人民为中心，推动经济高质量发展",
            "全县上下要统一思想。",
            "二、坚持以改革为动力，推动社会高质量发展",
            "各级各部门要压实责任，狠抓工作落实，确保各项任务落地见效。",
            "三、坚持以法治为保障，推动治理高质量发展",
            "要健全制度机制，提升依法行政水平，为发展提供坚强保障。",
            "同志们，让我们团结一心，奋力完成全年目标任务！",
        ]
    )
    lines = split_lines(Source.from_text(same_length))
    assert not any(line.continues for line in lines)


ENCODED_LAYOUTS = [
    ("gb18030", "crlf"),
    ("gb18030", "hard_wrapped_20"),
    ("utf-16", "ideographic_indent"),
    ("big5", "hard_wrapped_20"),
]


@pytest.mark.parametrize(("encoding", "layout"), ENCODED_LAYOUTS)
def test_encoded_layouts_through_the_command_line(
    tmp_path: Path, encoding: str, layout: str
) -> None:
    from tests.samples import SPEECH_TRADITIONAL

    clean = SPEECH_TRADITIONAL if encoding == "big5" else SPEECH
    text = LAYOUTS[layout](clean)
    path = tmp_path / f"{encoding}_{layout}.txt"
    path.write_bytes(text.encode(encoding))
    result = CliRunner().invoke(app, [str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    outline = Outline.model_validate(data)
    check_invariants(outline, text)
    assert squeezed(outline) == squeezed(parse(clean))


def test_a_word_cut_by_the_wrap_is_not_an_enumeration() -> None:
    paragraph = (
        "各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务，做到思想统"
        "一是行动一致的前提，切实把思想和行动统一到党中央决策部署上来，确保各项工作落地见效。"
    )
    text = "\n".join(["一、提高政治站位", *hard_wrap(paragraph * 3, 33).split("\n")])
    lines = split_lines(Source.from_text(text))
    assert any(line.continued and line.text.startswith("一是") for line in lines)
    outline = parse(text)
    check_invariants(outline, text)
    assert [s.marker.text for s in outline.sections] == ["一、"]
    assert outline.sections[0].children == []
