"""emit: the JSON written from the records is, byte for byte, the JSON of the model.

The command line writes `emit`'s bytes; the Python API returns the model. Every case here
compares the two on one input, so a field the writer misses, an escape it gets wrong, or a task
written with the wrong path fails here; and one case adds fields to `Section` and checks that
both the writer and the builder follow with no edit.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import schemas.outline
from bench.run import speeches_of_size
from extractor import assemble, emit, parse, parse_file, parse_json, placeholders
from extractor.decode import Decoded, read_input
from extractor.emit import COMPACT, dump_json_bytes, emit_pieces
from extractor.pipeline import analyse, outline_json
from extractor.render import RenderOptions, render
from schemas import Outline, Section
from tests.conftest import ROOT
from tests.test_properties import SPEECHY, speeches

FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))
PLACEHOLDERS = ROOT / "extractor" / "placeholders.py"


def pydantic_json(outline: BaseModel) -> bytes:
    """The JSON as pydantic itself writes the whole model, each array of two integers joined
    onto one line: the reference for both writers."""
    return spans_joined(outline.__pydantic_serializer__.to_json(outline, indent=2)) + b"\n"


def spans_joined(pretty: bytes) -> bytes:
    """Pydantic's `indent=2` JSON with the four lines of each array of two integers made one,
    `[3, 6]`: done line by line here, apart from the writers' own way of doing it."""
    lines = pretty.split(b"\n")
    out: list[bytes] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        pair = [x.strip() for x in lines[i + 1 : i + 4]]
        if (
            line.endswith(b"[")
            and len(pair) == 3
            and pair[0].endswith(b",")
            and pair[0][:-1].lstrip(b"-").isdigit()
            and pair[1].lstrip(b"-").isdigit()
            and pair[2].startswith(b"]")
        ):
            out.append(line + pair[0] + b" " + pair[1] + pair[2])
            i += 4
        else:
            out.append(line)
            i += 1
    return b"\n".join(out)


def compact(decoded: Decoded) -> bytes:
    """The line `--jsonl` writes, from the records."""
    return b"".join(emit_pieces(analyse(decoded), COMPACT))


def agree(text: str) -> bytes:
    """The command's JSON (from the records), the model's and pydantic's are the same bytes,
    and so are the compact line of `--jsonl` and pydantic's compact JSON."""
    written = parse_json(text)
    outline = parse(text)
    assert written == dump_json_bytes(outline) == pydantic_json(outline)
    line = outline.__pydantic_serializer__.to_json(outline) + b"\n"
    assert compact(Decoded.from_text(text)) == line
    return written


@pytest.mark.parametrize("txt", FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_is_written_as_its_golden_file(
    txt: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # the stored source path is relative to the repository
    rel = txt.relative_to(ROOT).as_posix()
    written = b"".join(outline_json(read_input(rel)))
    outline = parse_file(rel)
    assert written == dump_json_bytes(outline) == pydantic_json(outline)
    line = outline.__pydantic_serializer__.to_json(outline) + b"\n"
    assert compact(read_input(rel)) == line
    assert written == txt.with_suffix(".json").read_bytes()


def test_spans_stand_on_one_line_and_nothing_else_moves() -> None:
    text = (
        "市长在全市安全生产工作会议上的讲话\n同志们：\n一、压实“[1,2]”责任\n"
        "（一）加强领导。一是落实属地责任。\n二、狠抓隐患排查\n同志们，谢谢大家。\n"
    )
    written = agree(text)
    lines = written.decode().splitlines()
    assert '    "span": [0, 17]' in lines  # the title's excerpt, as a reader scans it
    assert not [line for line in lines if line.strip().rstrip(",").isdigit()]
    assert '      "title": "压实“[1,2]”责任",' in lines  # a string is never a pair
    reference = parse(text).__pydantic_serializer__.to_json(parse(text), indent=2)
    assert json.loads(written) == json.loads(reference)
    assert len(lines) < reference.count(b"\n") * 0.7
    flat = render(parse(text), text, RenderOptions(flat=True))
    assert b'"span": [0, 17]' in flat and b'    "span": [23, 54],' in flat


def test_findings_with_figures_and_section_paths_are_written_as_the_model_writes_them() -> None:
    text = (
        "在全市经济工作会议上的讲话\n同志们：\n"
        "过去一年，全市地区生产总值增长5.2%，财政收入达到120亿元。\n"
        "一、过去一年的主要成绩\n"
        "（一）经济运行稳中向好。规模以上工业增加值增长8.5%，新增“专精特新”\\企业36家。\n"
        "（二）民生保障更加有力。城镇新增就业1.2万人。\n"
        "二、存在的问题\n一是创新能力不强。二是营商环境还有差距。\n"
        "三、今年的主要任务\n（一）要加快项目建设。\n同志们，让我们共同努力！\n"
    )
    outline = parse(text)
    assert outline.achievements[0].section is None and outline.achievements[0].metrics
    assert outline.achievements[1].section == ["一、", "（一）"]
    assert outline.problems and not outline.problems[-1].metrics
    agree(text)


def test_nested_tasks_keep_their_paths_and_untitled_ancestors_their_markers() -> None:
    text = (
        "同志们：\n一、\n（一）去年成绩\n（二）今年要加强组织领导\n一是压实责任。二是强化督导。\n"
        "二、部署\n1．要狠抓项目建设\n同志们，让我们共同努力！\n"
    )
    data = json.loads(agree(text))
    assert [(t["title"], t["path"]) for t in data["tasks"]] == [
        ("今年要加强组织领导", ["一、"]),
        ("部署", []),
    ]
    assert data["tasks"][0]["children"][0]["path"] == ["一、", "今年要加强组织领导"]
    assert any(s["cue"] for s in data["sections"])


def test_titles_that_need_escaping_are_escaped_as_pydantic_escapes_them() -> None:
    text = (
        '一、坚持"两个确立"\\不动摇\t，抓好\x01落实\n'
        "（一）𠮷祥村“三资”管理\u2028要规范\x7f\n"
        "一是要把握方向，在全面学习上下功夫。二是要“一\u00e9”。\n"
    )
    written = agree(text)
    assert b'\\"\xe4\xb8\xa4' in written and b"\\\\" in written and b"\\u0001" in written
    assert "𠮷".encode() in written  # astral characters as written, not as \u escapes


def test_word_numbering_is_written_as_generated(tmp_path: Path) -> None:
    from tests.test_docx import FORMATS, write

    docx, _ = write(tmp_path, "formats", FORMATS)
    decoded = read_input(docx)
    assert decoded.generated
    written = b"".join(outline_json(decoded))
    outline = parse_file(docx)
    assert written == dump_json_bytes(outline) == pydantic_json(outline)
    assert b'"generated": true' in written


def test_the_json_is_written_one_top_level_section_at_a_time() -> None:
    text = speeches_of_size(60_000)
    pieces = list(analyse_pieces(text))
    whole = b"".join(pieces)
    assert whole == pydantic_json(parse(text))
    sections = len(json.loads(whole)["sections"])
    assert sections > 20
    assert len(pieces) > 2 * sections  # a section and its separator each, then the tasks
    assert max(map(len, pieces)) < len(whole) / 20


def analyse_pieces(text: str) -> list[bytes]:
    return list(emit_pieces(analyse(Decoded.from_text(text))))


@settings(max_examples=100, deadline=None)
@given(speeches())
def test_generated_speeches_are_written_as_the_model_writes_them(
    speech: tuple[str, list[str]],
) -> None:
    agree(speech[0])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), SPEECHY))
def test_any_text_is_written_as_the_model_writes_it(text: str) -> None:
    agree(text)


def test_spans_in_utf16_units_are_written_as_pydantic_writes_them() -> None:
    from extractor.render import with_utf16

    text = "同志们：\n一、𠮷祥村要规范“三资”管理\n（一）加强领导。一是压实责任。\n二、部署\n"
    outline = with_utf16(parse(text), text)
    written = dump_json_bytes(outline)
    assert written == pydantic_json(outline)
    assert b'"span_utf16"' in written and b'"title_span_utf16"' in written


class _Note(BaseModel):
    note: str | None = "待核实"
    """A field the schema might gain: a mixin's fields come before the model's own."""


class Reviewed(Section, _Note):
    """`Section` with two optional fields added, first and last, as a later schema might add
    them."""

    children: list[Reviewed] = []
    reviewed: bool = False
    """Whether a person has checked the section."""


class ReviewedOutline(Outline):
    sections: list[Reviewed]
    tasks: list[Reviewed] = []  # noqa: RUF012 (a pydantic field)


@pytest.fixture
def reviewed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The writer and the builder using `Reviewed` where they use `Section`."""
    monkeypatch.setattr(schemas.outline, "Section", Reviewed)
    # The placeholders' JSON as the test of extractor/placeholders.py would write it.
    for name, value in current_placeholders().items():
        monkeypatch.setattr(placeholders, name, value)
    emit._templates.cache_clear()
    yield
    emit._templates.cache_clear()


@pytest.mark.usefixtures("reviewed")
def test_a_field_added_to_section_is_written_with_no_edit_in_the_writer() -> None:
    text = (
        "县长在全县经济工作会议上的讲话\n同志们：\n一、\n（一）去年成绩\n"
        "（二）今年要加强组织领导\n一是压实责任。二是强化督导。\n二、部署今年工作\n"
        "要把握方向，在全面学习上下功夫。要突出重点，在狠抓落实上见成效。\n"
        "同志们，让我们共同努力！\n"
    )
    built = assemble.assemble(analyse(Decoded.from_text(text)))
    assert isinstance(built.sections[0], Reviewed)
    outline = ReviewedOutline(**dict(built))
    assert outline.sections[0].note == "待核实" and not outline.sections[0].reviewed
    expected = pydantic_json(outline)
    assert b'"note": "\xe5\xbe\x85' in expected and b'"reviewed": false' in expected
    assert [t.path for t in outline.tasks] == [["一、"], []]  # nested, with points, with cues
    assert outline.tasks[1].points and outline.tasks[1].cue
    assert b"".join(emit_pieces(analyse(Decoded.from_text(text)))) == expected
    line = outline.__pydantic_serializer__.to_json(outline) + b"\n"
    assert compact(Decoded.from_text(text)) == line


def placeholders_source() -> str:
    """The text of extractor/placeholders.py for the models as they are: one bytes literal a
    line of JSON (a member in the compact layout), so that no line of it runs long."""
    text = PLACEHOLDERS.read_text(encoding="utf-8")
    head = text[: text.index("from typing import Final\n")] + "from typing import Final\n"
    out = [head]
    for name, value in current_placeholders().items():
        compact = name.endswith("COMPACT")
        pieces = re.findall(rb"[^,]*,?", value) if compact else value.splitlines(True)
        body = "".join(f"    {piece!r}\n" for piece in pieces if piece)
        out.append(f"\n{name}: Final = (\n{body})\n")
    return "".join(out)


def current_placeholders() -> dict[str, bytes]:
    out = {}
    for layout, compact in (("PRETTY", False), ("COMPACT", True)):
        section, excerpt = emit.placeholder_json(compact)
        out[f"SECTION_{layout}"], out[f"EXCERPT_{layout}"] = section, excerpt
    return out


def test_the_placeholders_of_the_templates_are_current(update_golden: bool) -> None:
    """The command line cuts its templates from the placeholders' JSON kept in
    extractor/placeholders.py: it must be what the models write now."""
    if update_golden:
        PLACEHOLDERS.write_text(placeholders_source(), encoding="utf-8")
        ruff = Path(sys.executable).with_name("ruff")
        subprocess.run([str(ruff), "format", "-q", str(PLACEHOLDERS)], check=False)
    namespace: dict[str, object] = {}
    exec(PLACEHOLDERS.read_text(encoding="utf-8"), namespace)
    kept = {name: namespace.get(name) for name in current_placeholders()}
    assert kept == current_placeholders(), (
        "extractor/placeholders.py is stale: run pytest tests/test_emit.py --update-golden"
    )


_PLAIN_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_PLAIN_VALUES)
def test_the_shell_is_written_as_pydantic_core_writes_plain_values(value: object) -> None:
    """`jsontext.to_json` (the outline's shell on the command line, without pydantic) gives
    pydantic-core's bytes, pretty and compact: floats such as 1e-07 and 1e+16, escapes."""
    from pydantic_core import to_json as pydantic_to_json

    from extractor.jsontext import to_json

    for indent in (None, 2):
        assert to_json(value, indent) == pydantic_to_json(value, indent=indent)


@settings(max_examples=300, deadline=None)
@given(_PLAIN_VALUES)
def test_the_shell_puts_spans_on_one_line_as_pairs_on_one_line_does(value: object) -> None:
    """`to_json(pairs=True)`, the shell as the command line writes it: every array of two
    integers on one line with an indent (`[3, 6]`), the compact form unchanged."""
    from pydantic_core import to_json as pydantic_to_json

    from extractor.jsontext import to_json

    pretty = emit.pairs_on_one_line(pydantic_to_json(value, indent=2))
    assert to_json(value, 2, pairs=True) == pretty
    assert to_json(value, pairs=True) == pydantic_to_json(value)


def test_the_shell_puts_spans_nested_in_findings_on_one_line() -> None:
    from extractor.jsontext import to_json

    finding = {"text": "完成投资12.5亿元", "span": (3, 13), "section": ["一、"], "flags": [True, 1]}
    written = to_json({"achievements": [finding]}, 2, pairs=True).decode()
    assert '"span": [3, 13]' in written
    assert '"flags": [\n        true,\n        1\n      ]' in written


def test_the_writer_spells_small_and_large_floats_as_pydantic_core() -> None:
    from pydantic_core import to_json as pydantic_to_json

    from extractor.jsontext import to_json

    for f in (1e-05, 1.25e-05, -1e-05, 1e-06, 1.5e-07, 1e16, 1.5e300, 0.0001, -0.0, 3.6):
        assert to_json(f) == pydantic_to_json(f), f


# Front matter with a title, a date, a speaker and a salutation, for the shell's every object.
_FRONT = "在全市经济工作会议上的讲话\n（2023年12月20日）\n市长 张三\n同志们：\n"


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.text(max_size=300), SPEECHY, st.builds(_FRONT.__add__, SPEECHY)),
    st.none() | st.text(max_size=12),
    st.booleans(),
    st.text(max_size=12),
    st.booleans(),
)
def test_the_shell_is_written_as_the_generic_writer_writes_its_values(
    text: str, path: str | None, bom: bool, skipped: str, compact: bool
) -> None:
    """The shell written into its templates (`emit._shell`) is what `jsontext.to_json` writes
    for all of `shell_values`, findings included: any front matter, source and diagnostics."""
    from dataclasses import replace

    from extractor.jsontext import to_json

    parsed = analyse(Decoded.from_text(text))
    decoded = replace(parsed.decoded, path=path, bom=bom, skipped=skipped)
    parsed = replace(parsed, decoded=decoded)
    layout = COMPACT if compact else emit.PRETTY
    shell = to_json(assemble.shell_values(parsed), layout.indent, pairs=True)
    expected = b"".join(emit.splice(shell, [], [], layout))
    assert b"".join(emit._outline(emit._shell(parsed, compact), [], [], layout)) == expected
