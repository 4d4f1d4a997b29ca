"""Traditional script folds to simplified: every cue reads a text in either script."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from extractor import parse
from extractor._t2s import SIMPLIFIED, TRADITIONAL
from extractor.lexicon import HEADING_CUES
from extractor.source import FOLD, Source
from schemas import Outline, Role

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("gen_t2s", ROOT / "tools" / "gen_t2s.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_table_is_current() -> None:
    pytest.importorskip("opencc")
    generator = _generator()
    committed = (ROOT / "extractor" / "_t2s.py").read_text(encoding="utf-8")
    assert committed == generator.render(), "run: .venv/bin/python tools/gen_t2s.py"  # type: ignore[attr-defined]


def test_table_is_one_code_point_to_one_and_never_chains() -> None:
    assert len(TRADITIONAL) == len(SIMPLIFIED) == len(set(TRADITIONAL))
    assert not set(SIMPLIFIED) & set(TRADITIONAL)
    assert all(FOLD[ord(t)] == s for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True))


def test_simplified_text_is_left_as_it_is() -> None:
    # Simplified characters that are also values of the table, and 著, 瞭, 覆 that both scripts use.
    text = "于是显著成效,后来发展,干部积极,只有一个,台里余下,一目了然,瞭望,覆盖"
    assert Source.from_text(text).folded == text


def test_traditional_text_folds_position_by_position() -> None:
    text = "過去一年的工作回顧：經濟發展穩中有進。"
    source = Source.from_text(text)
    assert len(source.folded) == len(text)
    assert source.folded == "过去一年的工作回顾:经济发展稳中有进。"


def test_heading_cues_match_a_traditional_heading() -> None:
    folded = Source.from_text("過去五年的工作回顧").folded
    roles = {cue.role for cue in HEADING_CUES if cue.compiled.search(folded)}
    assert Role.ACHIEVEMENTS in roles


SIMPLIFIED_SPEECH = (
    "在全县经济工作会议上的讲话\n\n同志们：\n\n一、过去一年的工作回顾\n\n"
    "一年来，全县上下团结一心，地区生产总值增长百分之六，粮食产量再创新高。\n\n"
    "二、存在的问题\n\n我们也要清醒看到，发展中还存在不少困难和问题。部分企业经营困难，"
    "农民增收渠道不宽。\n\n三、明年的主要任务\n\n明年要坚持稳中求进，着力扩大有效投资，"
    "切实抓好春耕生产。\n\n同志们，让我们振奋精神，扎实工作，努力完成全年各项任务！\n"
)
TRADITIONAL_SPEECH = (
    "在全縣經濟工作會議上的講話\n\n同志們：\n\n一、過去一年的工作回顧\n\n"
    "一年來，全縣上下團結一心，地區生產總值增長百分之六，糧食產量再創新高。\n\n"
    "二、存在的問題\n\n我們也要清醒看到，發展中還存在不少困難和問題。部分企業經營困難，"
    "農民增收渠道不寬。\n\n三、明年的主要任務\n\n明年要堅持穩中求進，着力擴大有效投資，"
    "切實抓好春耕生產。\n\n同志們，讓我們振奮精神，紮實工作，努力完成全年各項任務！\n"
)


def _shape(outline: Outline) -> tuple[object, ...]:
    return (
        [s.role for s in outline.sections],
        [r.span for r in outline.achievements],
        [r.span for r in outline.problems],
        [r.span for r in outline.tasks],
        outline.salutation.span if outline.salutation else None,
        outline.closing.span if outline.closing else None,
    )


def test_a_speech_in_traditional_script_outlines_like_its_simplified_copy() -> None:
    assert len(TRADITIONAL_SPEECH) == len(SIMPLIFIED_SPEECH)
    traditional = parse(TRADITIONAL_SPEECH)
    assert _shape(traditional) == _shape(parse(SIMPLIFIED_SPEECH))
    assert traditional.achievements[0].text.startswith("一年來")
    assert traditional.closing is not None
