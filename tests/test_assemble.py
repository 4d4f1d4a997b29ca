"""assemble: the outline built without re-validating each section, and its JSON text."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extractor import parse
from extractor.emit import dump_json, dump_json_bytes
from schemas import Outline
from tests.test_emit import pydantic_json

SPEECH = (
    "区委书记在全区安全生产工作会议上的讲话\n同志们：\n"
    "一、提高政治站位\n（一）压实责任。一是落实属地责任。二是落实部门监管责任。\n"
    "（三）强化督导\n二、狠抓隐患排查\n1．开展专项整治\n1．建立台账\n"
    "同志们，安全生产责任重于泰山。谢谢大家。\n"
)


def test_the_built_outline_equals_a_validated_one() -> None:
    outline = parse(SPEECH)
    validated = Outline.model_validate(outline.model_dump())
    assert validated == outline
    assert validated.model_dump() == outline.model_dump()
    assert outline.diagnostics  # （三） after （一）, a repeated 1．: the diagnostics are built too


def test_json_text_and_bytes_agree() -> None:
    outline = parse(SPEECH)
    text = dump_json(outline)
    assert text.encode() == pydantic_json(outline)
    assert dump_json_bytes(outline) == text.encode("utf-8")
    assert "区委书记" in text  # Chinese as written, not \u escapes


def test_the_collector_is_left_as_it_was_found() -> None:
    assert gc.isenabled()
    parse(SPEECH)
    assert gc.isenabled()
    gc.disable()
    try:
        parse(SPEECH)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_constructed_models_are_what_model_construct_builds() -> None:
    from extractor.assemble import _construct
    from schemas import Excerpt, Marker, MarkerKind

    values = {"text": "（一）", "span": (3, 6), "span_utf16": None}
    fields = set(Excerpt.model_fields)
    built = _construct(Excerpt, dict(values))
    reference = Excerpt.model_construct(fields, **values)
    assert built == reference
    assert built.__dict__ == reference.__dict__
    assert built.model_fields_set == reference.model_fields_set
    assert built.model_dump_json() == reference.model_dump_json()
    marker = {**values, "kind": MarkerKind.HAN_PAREN, "ordinal": 1, "generated": False}
    assert list(marker) == list(Marker.model_fields), "every field, in declaration order"
    m = _construct(Marker, marker)
    assert m == Marker.model_validate({k: v for k, v in marker.items() if v is not None})


REVIEW = (
    "县长在全县经济工作会议上的讲话\n同志们：\n"
    "一、过去一年工作回顾\n过去一年，全县完成地区生产总值128.6亿元，同比增长6.5%。"
    "新增市场主体320户。但也要清醒看到，招商引资质量不高。\n"
    "二、扎实做好今年工作\n要加强组织领导；要压实工作责任；要强化督促检查。\n"
)


def test_items_metrics_and_points_built_equal_validated_ones() -> None:
    outline = parse(REVIEW)
    assert outline.achievements and outline.achievements[0].metrics
    validated = Outline.model_validate_json(dump_json(outline))
    assert validated == outline
    assert dump_json(validated) == dump_json(outline)


def test_json_pieces_join_to_what_pydantic_writes_for_the_whole_outline() -> None:
    from bench.run import speeches_of_size
    from extractor.emit import json_pieces

    nested_task = "同志们：\n一、回顾\n（一）去年成绩\n（二）今年要加强组织领导\n二、部署\n"
    for text in (
        SPEECH,
        REVIEW,
        nested_task,
        "没有标题也没有序号的一段话。",
        speeches_of_size(30_000),
    ):
        outline = parse(text)
        whole = pydantic_json(outline)
        assert b"".join(json_pieces(outline)) == whole
        assert dump_json_bytes(outline) == whole


def test_the_collector_stays_paused_while_the_json_is_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """parse_json and a batch's conversion write the JSON with the collector paused, as the
    stages ran: a collection in between would walk every record the stages built."""
    from extractor import batch, emit, pipeline
    from extractor.render import RenderOptions

    seen: list[bool] = []
    pieces = emit.emit_pieces

    def watched(*args: Any, **kwargs: Any) -> Iterator[bytes]:
        for piece in pieces(*args, **kwargs):
            seen.append(gc.isenabled())
            yield piece

    monkeypatch.setattr(pipeline, "emit_pieces", watched)
    monkeypatch.setattr(emit, "emit_pieces", watched)
    assert json.loads(pipeline.parse_json(SPEECH))["title"]["text"] == SPEECH.split("\n")[0]
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    converted = batch.convert(str(path), RenderOptions())
    assert converted.data is not None and json.loads(converted.data)["sections"]
    assert len(seen) >= 2 and not any(seen)
    assert gc.isenabled()
