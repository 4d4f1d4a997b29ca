"""assemble: the outline built without re-validating each section, and its JSON text."""

from __future__ import annotations

import gc

from extractor import parse
from extractor.assemble import dump_json, dump_json_bytes
from schemas import Outline

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
    assert text == outline.model_dump_json(indent=2) + "\n"
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
