"""Output views and formats: --flat rows, --offsets utf16, markdown, text, --schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor import parse
from extractor.cli import app
from extractor.render import Format, Offsets, RenderOptions, render, to_flat, with_utf16
from schemas import Outline, Section
from schemas.export import FLAT_SCHEMA_FILE, SCHEMA_FILE, schema
from schemas.export import render as render_schema
from schemas.flat import FlatOutline, FlatSection

runner = CliRunner()

# 𠮷 (U+20BB7) lies outside the Basic Multilingual Plane: one code point, two UTF-16 units.
SPEECH = """县委书记在全县乡村振兴现场推进会上的讲话
同志们：
一、提高认识，把握𠮷祥村经验
一是统一思想。二是压实责任。
（一）明确目标
1.健全工作机制
二、
（一）狠抓落实
"""


def stdout_of(*args: str, text: str = SPEECH) -> str:
    result = runner.invoke(app, ["-", *args], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    return result.stdout


def walk(sections: list[Section]) -> list[Section]:
    return [n for s in sections for n in (s, *walk(s.children))]


def test_path_names_the_ancestors_of_every_section() -> None:
    nodes = walk(parse(SPEECH).sections)
    paths = {(n.marker.text, n.title): n.path for n in nodes}
    assert paths[("一、", "提高认识，把握𠮷祥村经验")] == []
    assert paths[("二是", "压实责任")] == ["提高认识，把握𠮷祥村经验"]
    assert paths[("1.", "健全工作机制")] == ["提高认识，把握𠮷祥村经验", "明确目标"]
    # An untitled heading stands in the path by its marker.
    assert paths[("（一）", "狠抓落实")] == ["二、"]


def test_flat_rows_rebuild_the_tree() -> None:
    outline = parse(SPEECH)
    flat = FlatOutline.model_validate_json(stdout_of("--flat"))
    assert [n.id for n in flat.nodes] == list(range(len(flat.nodes)))
    children: dict[int | None, list[int]] = {}
    for node in flat.nodes:
        assert node.parent is None or node.parent < node.id  # a parent comes first
        children.setdefault(node.parent, []).append(node.id)

    def rebuild(parent: int | None) -> list[dict[str, Any]]:
        return [
            {"title": flat.nodes[i].title, "span": flat.nodes[i].span, "kids": rebuild(i)}
            for i in children.get(parent, [])
        ]

    def shape(sections: list[Section]) -> list[dict[str, Any]]:
        return [{"title": s.title, "span": s.span, "kids": shape(s.children)} for s in sections]

    assert rebuild(None) == shape(outline.sections)
    assert [n.path for n in flat.nodes] == [s.path for s in walk(outline.sections)]
    assert flat.preamble == outline.preamble
    assert flat.source.sha256 == outline.source.sha256


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[-1]} if "$ref" in node else set()
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


def _recursive(schema: dict[str, Any]) -> set[str]:
    """Definitions that reach themselves through $refs."""
    graph = {name: _refs(d) for name, d in schema.get("$defs", {}).items()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(
            n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in graph[start]
        )

    return {name for name in graph if reaches(name, name, set())}


def test_the_flat_models_carry_every_field_of_the_tree() -> None:
    """A field added to Section or Outline goes into one of the parts the flat models share:
    the same fields, in the same order, with the same descriptions."""
    row = [name for name in FlatSection.model_fields if name not in ("id", "parent")]
    assert row == [name for name in Section.model_fields if name != "children"]
    flat = [name for name in FlatOutline.model_fields if name not in ("nodes", "tasks")]
    assert flat == [name for name in Outline.model_fields if name not in ("sections", "tasks")]
    for tree_model, flat_model, names in (
        (Section, FlatSection, row),
        (Outline, FlatOutline, flat),
    ):
        for name in names:
            tree_field, flat_field = tree_model.model_fields[name], flat_model.model_fields[name]
            assert flat_field.description == tree_field.description, name
            assert flat_field.annotation == tree_field.annotation, name


def test_the_flat_schema_has_no_recursion_and_the_tree_schema_has() -> None:
    assert _recursive(json.loads(render_schema(flat=True))) == set()
    assert _recursive(json.loads(render_schema())) == {"Section"}


def utf16_slice(text: str, span: list[int]) -> str:
    units = text.encode("utf-16-le")
    return units[2 * span[0] : 2 * span[1]].decode("utf-16-le")


def spans(node: Any, key: str) -> list[tuple[list[int], list[int]]]:
    """(span, span_utf16) pairs anywhere in a JSON document, `key` naming the code point one."""
    found = []
    if isinstance(node, dict):
        if key in node and node[key] is not None:
            found.append((node[key], node[f"{key}_utf16"]))
        for value in node.values():
            found.extend(spans(value, key))
    elif isinstance(node, list):
        for value in node:
            found.extend(spans(value, key))
    return found


@pytest.mark.parametrize("flat", [False, True], ids=["tree", "flat"])
def test_utf16_spans_slice_the_same_text_in_javascript_units(flat: bool) -> None:
    data = json.loads(stdout_of("--offsets", "utf16", *(["--flat"] if flat else [])))
    pairs = spans(data, "span") + spans(data, "title_span")
    assert len(pairs) > 10
    for span, span_utf16 in pairs:
        assert utf16_slice(SPEECH, span_utf16) == SPEECH[span[0] : span[1]]
    # After 𠮷 the units run one ahead of the code points; before it they agree.
    assert any(u != s for s, u in pairs) and any(u == s for s, u in pairs)
    assert (
        data["source"]["chars_utf16"]
        == len(SPEECH.encode("utf-16-le")) // 2
        == len(SPEECH) + SPEECH.count("𠮷")
    )


@pytest.mark.parametrize("flat", [False, True], ids=["tree", "flat"])
def test_every_span_field_has_a_utf16_twin(flat: bool) -> None:
    """A model given a span must get its `<name>_utf16` too, or --offsets utf16 skips it."""
    schema = json.loads(render_schema(flat=flat))
    missing = [
        f"{model}.{name}_utf16"
        for model, definition in [("Outline", schema), *schema["$defs"].items()]
        for name in definition.get("properties", {})
        if (name == "span" or name.endswith("_span"))
        and f"{name}_utf16" not in definition["properties"]
    ]
    assert missing == []


def test_utf16_fields_are_absent_without_the_option() -> None:
    plain = stdout_of()
    assert "utf16" not in plain
    assert Outline.model_validate_json(plain) == parse(SPEECH).model_copy(
        update={"source": Outline.model_validate_json(plain).source}
    )
    wide = with_utf16(parse(SPEECH), SPEECH)
    assert Outline.model_validate_json(wide.model_dump_json()) == wide


def test_markdown_outline_keeps_markers_as_written() -> None:
    assert stdout_of("--format", "markdown") == (
        "# 县委书记在全县乡村振兴现场推进会上的讲话\n"
        "\n"
        "- Speaker: 县委书记\n"
        "- Occasion: 全县乡村振兴现场推进会\n"
        "\n"
        "## 一、提高认识，把握𠮷祥村经验\n"
        "\n"
        "- 一是统一思想\n"
        "- 二是压实责任\n"
        "\n"
        "### （一）明确目标\n"
        "\n"
        "#### 1.健全工作机制\n"
        "\n"
        "## 二、\n"
        "\n"
        "### （一）狠抓落实\n"
    )


def test_markdown_escapes_what_markdown_would_read_as_markup() -> None:
    text = "一、坚持*两个毫不动摇*\n二、落实[重点]任务\n"
    assert render(parse(text), text, RenderOptions(format=Format.MARKDOWN)).decode() == (
        "# 一、坚持\\*两个毫不动摇\\*\n\n# 二、落实\\[重点\\]任务\n"
    )


def test_text_format_draws_the_tree() -> None:
    assert stdout_of("--format", "text") == (
        "-\n"
        "Title: 县委书记在全县乡村振兴现场推进会上的讲话\n"
        "Speaker: 县委书记\n"
        "Occasion: 全县乡村振兴现场推进会\n"
        "├── 一、提高认识，把握𠮷祥村经验\n"
        "│   ├── 一是统一思想\n"
        "│   ├── 二是压实责任\n"
        "│   └── （一）明确目标\n"
        "│       └── 1.健全工作机制\n"
        "└── 二、\n"
        "    └── （一）狠抓落实\n"
    )


# A head with every field the views show, and a closing over two lines.
HEADED = """市长在全市安全生产工作会议上的讲话
（2024年3月5日）
市长　李明
同志们：
一、压实安全生产责任
一是落实属地责任。二是落实部门监管责任。
二、狠抓隐患排查整治
同志们，安全生产责任重于泰山。
谢谢大家。
"""


def test_markdown_and_text_show_the_head_and_the_closing_that_were_found() -> None:
    outline = parse(HEADED)
    assert outline.title and outline.speaker and outline.occasion and outline.date
    assert outline.closing
    markdown = render(outline, HEADED, RenderOptions(format=Format.MARKDOWN)).decode()
    assert markdown == (
        "# 市长在全市安全生产工作会议上的讲话\n"
        "\n"
        "- Speaker: 市长\n"
        "- Occasion: 全市安全生产工作会议\n"
        "- Date: 2024年3月5日\n"
        "\n"
        "## 一、压实安全生产责任\n"
        "\n"
        "- 一是落实属地责任\n"
        "- 二是落实部门监管责任\n"
        "\n"
        "## 二、狠抓隐患排查整治\n"
        "\n"
        "同志们，安全生产责任重于泰山。 谢谢大家。\n"
    )
    text = render(outline, HEADED, RenderOptions(format=Format.TEXT)).decode().splitlines()
    assert text[1:5] == [
        "Title: 市长在全市安全生产工作会议上的讲话",
        "Speaker: 市长",
        "Occasion: 全市安全生产工作会议",
        "Date: 2024年3月5日",
    ]
    assert text[-1] == "Closing: 同志们，安全生产责任重于泰山。 谢谢大家。"


def test_without_a_head_the_views_open_with_the_sections() -> None:
    text = "一、压实安全生产责任\n一是落实属地责任。\n"
    outline = parse(text)
    assert outline.title is outline.speaker is outline.closing is None
    markdown = render(outline, text, RenderOptions(format=Format.MARKDOWN)).decode()
    assert markdown.startswith("# 一、压实安全生产责任\n")
    lines = render(outline, text, RenderOptions(format=Format.TEXT)).decode().splitlines()
    assert lines[:2] == ["<text>", "└── 一、压实安全生产责任"]


def test_text_format_lists_diagnostics() -> None:
    out = stdout_of("--format", "text", text="一、开头\n三、跳号\n")
    assert out.splitlines()[-1].startswith("! ordinal_gap: ")


def test_jsonl_is_one_compact_line_of_the_same_document() -> None:
    line = stdout_of("--jsonl")
    assert line.count("\n") == 1 and line.endswith("}\n")
    assert json.loads(line) == json.loads(stdout_of())


def test_schema_option_prints_the_committed_schemas() -> None:
    tree = runner.invoke(app, ["--schema"])
    flat = runner.invoke(app, ["--schema", "--flat"])
    assert tree.exit_code == flat.exit_code == 0
    assert tree.stdout == SCHEMA_FILE.read_text(encoding="utf-8")
    assert flat.stdout == FLAT_SCHEMA_FILE.read_text(encoding="utf-8")
    assert json.loads(flat.stdout)["$id"] != json.loads(tree.stdout)["$id"]


@pytest.mark.parametrize(
    "options",
    [
        RenderOptions(),
        RenderOptions(flat=True),
        RenderOptions(offsets=Offsets.UTF16),
        RenderOptions(flat=True, offsets=Offsets.UTF16, jsonl=True),
    ],
    ids=["tree", "flat", "utf16", "flat-utf16-jsonl"],
)
def test_every_json_output_validates_against_its_model(options: RenderOptions) -> None:
    data = render(parse(SPEECH), SPEECH, options)
    model = FlatOutline if options.flat else Outline
    validated = model.model_validate_json(data)  # extra="forbid": no stray field passes
    assert json.loads(validated.model_dump_json()) == json.loads(data)


@pytest.mark.parametrize(
    "args", [[], ["--flat"], ["--offsets", "utf16"], ["--flat", "--offsets", "utf16"]]
)
def test_every_json_output_validates_against_the_committed_schema(args: list[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    flat = "--flat" in args
    schema_file = FLAT_SCHEMA_FILE if flat else SCHEMA_FILE
    published = json.loads(schema_file.read_text(encoding="utf-8"))
    # The committed file accepts what a later 1.x adds; the closed form, what we may write.
    closed = schema(flat=flat, closed=True)
    for each in (published, closed):
        jsonschema.Draft202012Validator.check_schema(each)
    for text in (SPEECH, "没有任何序号的一段话。\n", "一、开头\n三、跳号\n"):
        document = json.loads(stdout_of(*args, text=text))
        jsonschema.Draft202012Validator(published).validate(document)
        jsonschema.Draft202012Validator(closed).validate(document)


def test_to_flat_keeps_utf16_spans() -> None:
    flat = to_flat(with_utf16(parse(SPEECH), SPEECH))
    assert all(n.span_utf16 is not None for n in flat.nodes)
