"""Word input: a .docx outlines like the same speech saved as text, numbering included.

Each speech is built twice from one list of paragraphs (tests/docx_build.py): as a .docx whose
markers exist only as numbering definitions, and as the .txt Word would save, markers typed.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor import parse_file
from extractor.cli import app
from extractor.decode import read_input
from extractor.docx import NUMBER_FORMATS, NumberFormat, read_docx, render_number
from schemas import DiagnosticCode, Outline, Section
from schemas.version import SCHEMA_VERSION
from tests.docx_build import (
    Level,
    Para,
    Speech,
    content_control,
    deleted,
    hyperlink,
    inserted,
    run,
    text_box,
)
from tests.invariants import check_invariants
from tests.test_cli import one_line_error

runner = CliRunner()

FORMAT_EXAMPLES = [(f, n, shown) for f in NUMBER_FORMATS for n, shown in f.examples]


@pytest.mark.parametrize(
    ("fmt", "n", "shown"), FORMAT_EXAMPLES, ids=[f"{f.name}:{n}" for f, n, _ in FORMAT_EXAMPLES]
)
def test_number_format_row_renders_its_examples(fmt: NumberFormat, n: int, shown: str) -> None:
    assert render_number(n, fmt.name) == shown


def test_unknown_number_format_reads_as_decimal() -> None:
    assert render_number(7, "someFutureFormat") == "7"


# ── Speeches ────────────────────────────────────────────────────────────────────────────────

# Every required format in one multi-level list and two single-level ones.
FORMATS = Speech(
    abstracts={
        201: (
            Level("chineseCounting", "%1、"),
            Level("chineseCountingThousand", "（%2）"),
            Level("decimal", "%3.", suffix="space"),
            Level("decimalEnclosedCircle", "%4"),
        ),
        202: (Level("decimalFullWidth", "（%1）"),),
        203: (Level("ideographTraditional", "%1、"),),
    },
    nums={21: (201, {}), 22: (202, {}), 23: (203, {})},
    paras=(
        Para("区委书记在全区高质量发展推进会上的讲话"),
        Para("同志们："),
        Para("今天这次会议，主要任务是总结工作、分析形势、部署任务。下面，我讲三点意见。"),
        Para("总体要求", "一、", (21, 0)),
        Para("指导思想", "（一）", (21, 1)),
        Para("坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"),
        Para("目标任务", "（二）", (21, 1)),
        Para("经济增长稳中有进", "1. ", (21, 2)),
        Para("地区生产总值增长6%左右", "（１）", (22, 0)),
        Para("一般公共预算收入增长5%", "（２）", (22, 0)),
        Para("改革开放纵深推进", "2. ", (21, 2)),
        Para("重点工作", "二、", (21, 0)),
        Para("扩大有效投资", "（一）", (21, 1)),
        Para("抓好重大项目", "1. ", (21, 2)),
        Para("加快前期工作，年内完成立项审批。", "①", (21, 3)),
        Para("确保按期开工建设。", "②", (21, 3)),
        Para("提振消费需求", "（二）", (21, 1)),
        Para("保障措施", "三、", (21, 0)),
        Para("一是加强组织领导。二是强化督查考核。三是营造良好氛围。"),
        Para("附件：有关责任单位"),
        Para("区发展改革局", "甲、", (23, 0)),
        Para("区财政局", "乙、", (23, 0)),
    ),
)

ELEVEN_HEADINGS = (
    ("一、", "着力扩大内需"),
    ("二、", "加快建设现代化产业体系"),
    ("三、", "深化重点领域改革"),
    ("四、", "扩大高水平对外开放"),
    ("五、", "全面推进乡村振兴"),
    ("六、", "推进新型城镇化"),
    ("七、", "加强生态文明建设"),
    ("八、", "切实保障和改善民生"),
    ("九、", "统筹发展和安全"),
    ("十、", "加强政府自身建设"),
    ("十一、", "做好民族宗教侨务工作"),
)

# A government work report with eleven headings: 十、 and 十一、, a tab after each marker.
ELEVEN = Speech(
    abstracts={205: (Level("chineseCounting", "%1、", suffix="tab"),)},
    nums={25: (205, {})},
    paras=(
        Para("2025年政府工作报告"),
        Para("各位代表："),
        *(Para(title, shown + "\t", (25, 0)) for shown, title in ELEVEN_HEADINGS),
    ),
)

# Numbering that comes from the heading styles, directly and through a style based on one.
STYLED = Speech(
    abstracts={
        211: (
            Level("chineseCounting", "%1、", style="Heading1"),
            Level("chineseCountingThousand", "（%2）", style="Heading2"),
        )
    },
    nums={31: (211, {})},
    style_numbering={"Heading1": (31, None), "Heading2": (31, 1)},
    derived_styles={"讲话一级标题": "Heading1"},
    paras=(
        Para("在全市安全生产工作会议上的讲话"),
        Para("同志们："),
        Para("统一思想认识", "一、", style="Heading1"),
        Para("安全生产事关人民群众生命财产安全。"),
        Para("压实安全责任", "二、", style="讲话一级标题"),
        Para("压实企业主体责任", "（一）", style="Heading2"),
        Para("压实部门监管责任", "（二）", style="Heading2"),
        Para("强化隐患排查", "三、", style="Heading1"),
        # numId 0 switches the style's numbering off for this paragraph.
        Para("附件", num=(0, None), style="Heading1"),
    ),
)

# Restarts: a second w:num with a startOverride starts again at 一; a third w:num of the same
# list without one continues it. A start value of 4 and a level that never restarts.
RESTARTED = Speech(
    abstracts={
        221: (Level("chineseCounting", "%1、"), Level("chineseCountingThousand", "（%2）")),
        222: (Level("decimal", "%1."), Level("decimalFullWidth", "（%2）", restart=0)),
        223: (Level("chineseCounting", "%1、", start=4),),
    },
    nums={41: (221, {}), 42: (221, {0: 1}), 43: (221, {}), 44: (222, {}), 45: (223, {})},
    paras=(
        Para("在全县乡村振兴工作推进会上的讲话"),
        Para("第一部分　去年工作回顾"),
        Para("产业发展势头良好", "一、", (41, 0)),
        Para("粮食生产再获丰收", "（一）", (41, 1)),
        Para("农村改革不断深化", "二、", (41, 0)),
        Para("第二部分　今年工作安排"),
        Para("稳定粮食生产", "一、", (42, 0)),
        Para("抓好高标准农田建设", "（一）", (42, 1)),
        Para("发展特色产业", "二、", (42, 0)),
        Para("（一）培育龙头企业"),  # typed by hand, not numbering
        Para("深化农村改革", "三、", (43, 0)),
        Para("附件一　考核细则"),
        Para("考核对象", "1.", (44, 0)),
        Para("乡镇党委", "（１）", (44, 1)),
        Para("考核内容", "2.", (44, 0)),
        Para("产业发展", "（２）", (44, 1)),
        Para("续上文"),
        Para("强化要素保障", "四、", (45, 0)),
        Para("加强组织领导", "五、", (45, 0)),
    ),
)

# Tracked changes and containers: insertions are read, deletions, hidden runs, comments,
# headers and footers are skipped and reported.
TRACKED = Speech(
    abstracts={241: (Level("chineseCounting", "%1、"),)},
    nums={51: (241, {})},
    comment_on=3,
    header="××区人民政府办公室",
    footer="第 1 页",
    paras=(
        Para(
            "在全区作风建设大会上的讲话",
            xml=run("在全区作风建设") + content_control("大会") + run("上的讲话"),
        ),
        Para("同志们："),
        Para(
            "加强组织领导",
            "一、",
            (51, 0),
            xml=run("加强") + inserted("组织") + deleted("党的") + run("领导"),
        ),
        Para("各级党组织要把作风建设摆在突出位置。"),
        Para(
            "具体安排详见区政府网站公告。",
            xml=run("具体安排详见")
            + hyperlink("区政府网站")
            + run("公告。")
            + run("（内部掌握）", hidden=True),
        ),
        Para("狠抓工作落实", "二、", (51, 0), in_control=True),
        Para("会议材料", xml=run("会议材料") + text_box("此件公开发布")),
        Para("此件公开发布", boxed=True),  # the text box's paragraph, after its anchor's
    ),
)

SPEECHES = {
    "formats": FORMATS,
    "eleven": ELEVEN,
    "styled": STYLED,
    "restarted": RESTARTED,
    "tracked": TRACKED,
}


def shape(sections: list[Section]) -> list[tuple[Any, ...]]:
    """What an outline says, without spans: level, marker, kind, ordinal, title, children."""
    return [
        (s.level, s.marker.text, s.marker.kind, s.marker.ordinal, s.title, shape(s.children))
        for s in sections
    ]


def write(tmp_path: Path, name: str, speech: Speech) -> tuple[Path, Path]:
    docx = tmp_path / f"{name}.docx"
    txt = tmp_path / f"{name}.txt"
    docx.write_bytes(speech.docx())
    txt.write_text(speech.text(), encoding="utf-8")
    return docx, txt


@pytest.mark.parametrize("name", SPEECHES)
def test_docx_outlines_like_its_text_twin(name: str, tmp_path: Path) -> None:
    docx, txt = write(tmp_path, name, SPEECHES[name])
    from_docx, from_txt = parse_file(docx), parse_file(txt)
    assert from_docx.sections, "the speech has sections"
    assert shape(from_docx.sections) == shape(from_txt.sections)
    codes = [(d.code, d.message) for d in from_docx.diagnostics]
    assert [c for c in codes if c[0] is not DiagnosticCode.DOCX_SKIPPED] == [
        (d.code, d.message) for d in from_txt.diagnostics
    ]


@pytest.mark.parametrize("name", SPEECHES)
def test_docx_text_is_the_text_word_saves(name: str, tmp_path: Path) -> None:
    docx, txt = write(tmp_path, name, SPEECHES[name])
    assert read_input(docx).text == txt.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SPEECHES)
def test_spans_index_the_built_text(name: str, tmp_path: Path) -> None:
    docx, _ = write(tmp_path, name, SPEECHES[name])
    decoded = read_input(docx)
    outline = parse_file(docx)
    assert outline.source.encoding == "docx"
    check_invariants(outline, decoded.text)


def _markers(outline: Outline) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []

    def walk(sections: list[Section]) -> None:
        for s in sections:
            out.append((s.marker.text, s.marker.generated))
            walk(s.children)

    walk(outline.sections)
    return out


def test_numbering_markers_are_flagged_generated_and_typed_ones_are_not(tmp_path: Path) -> None:
    docx, txt = write(tmp_path, "formats", FORMATS)
    markers = _markers(parse_file(docx))
    assert ("一、", True) in markers and ("①", True) in markers and ("（１）", True) in markers
    assert [m for m in markers if m[0] in ("一是", "二是", "三是")] == [
        ("一是", False),
        ("二是", False),
        ("三是", False),
    ]
    assert all(not generated for _, generated in _markers(parse_file(txt)))


def test_a_typed_marker_beside_numbering_is_not_generated(tmp_path: Path) -> None:
    docx, _ = write(tmp_path, "restarted", RESTARTED)
    flags = [g for text, g in _markers(parse_file(docx)) if text == "（一）"]
    # Two （一） from numbering, one typed by hand under 二、.
    assert sorted(flags) == [False, True, True]


def test_skipped_parts_are_reported_once(tmp_path: Path) -> None:
    docx, _ = write(tmp_path, "tracked", TRACKED)
    outline = parse_file(docx)
    notes = [d for d in outline.diagnostics if d.code is DiagnosticCode.DOCX_SKIPPED]
    assert [n.message for n in notes] == [
        "skipped 1 comment, 1 deleted run, 1 hidden run, header and footer"
    ]
    assert notes[0].span == (0, outline.source.chars)


def test_nothing_skipped_means_no_note(tmp_path: Path) -> None:
    docx, _ = write(tmp_path, "formats", FORMATS)
    assert read_docx(docx.read_bytes(), str(docx)).skipped == ""
    codes = {d.code for d in parse_file(docx).diagnostics}
    assert DiagnosticCode.DOCX_SKIPPED not in codes


def test_zip_bytes_on_stdin_are_read_as_docx() -> None:
    data = FORMATS.docx()
    result = runner.invoke(app, ["-", "--text"], input=data)
    assert result.exit_code == 0, result.output
    assert result.stdout == FORMATS.text()


# ── The command line ────────────────────────────────────────────────────────────────────────


def test_text_flag_prints_the_built_text(tmp_path: Path) -> None:
    docx, txt = write(tmp_path, "styled", STYLED)
    result = runner.invoke(app, [str(docx), "--text"])
    assert result.exit_code == 0, result.output
    assert result.stdout == txt.read_text(encoding="utf-8")


def test_json_of_a_docx(tmp_path: Path) -> None:
    docx, _ = write(tmp_path, "styled", STYLED)
    result = runner.invoke(app, [str(docx)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["source"]["encoding"] == "docx"
    first = data["sections"][0]
    assert (first["marker"]["text"], first["marker"]["generated"], first["title"]) == (
        "一、",
        True,
        "统一思想认识",
    )
    text = runner.invoke(app, [str(docx), "--text"]).stdout
    start, end = first["marker"]["span"]
    assert text[start:end] == "一、"


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _broken_document() -> bytes:
    with zipfile.ZipFile(io.BytesIO(FORMATS.docx())) as z:
        members = {name: z.read(name) for name in z.namelist()}
    members["word/document.xml"] = members["word/document.xml"][:-40]
    return _zip(members)


CORRUPT = {
    "no_document_part": (
        lambda: _zip({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<styles/>"}),
        "not a Word document: no word/document.xml",
    ),
    "truncated": (
        lambda: FORMATS.docx()[:3000],
        "not a Word document: not a zip archive, or truncated",
    ),
    "not_a_zip": (
        lambda: "一、总体要求".encode(),
        "not a Word document: not a zip archive, or truncated",
    ),
    "broken_xml": (
        _broken_document,
        "damaged Word document: word/document.xml is not well-formed XML",
    ),
}


@pytest.mark.parametrize("case", CORRUPT)
def test_corrupt_docx_is_one_line_exit_2(case: str, tmp_path: Path) -> None:
    make, reason = CORRUPT[case]
    path = tmp_path / "讲话.docx"
    path.write_bytes(make())
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 2
    assert one_line_error(result.stderr).startswith(f"outline: {path}: {reason}")


# ── Containers the fixtures above do not use ────────────────────────────────────────────────


def test_table_cells_are_read_in_order(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("同志们：")
    table = doc.add_table(rows=2, cols=2)
    for cell, text in zip(
        (c for row in table.rows for c in row.cells),
        ("一是健全制度", "二是压实责任", "三是严格考核", "四是强化问责"),
        strict=True,
    ):
        cell.text = text
    doc.add_paragraph("散会。")
    path = tmp_path / "表格.docx"
    doc.save(str(path))
    text = read_input(path).text
    assert text == "同志们：\n一是健全制度\n二是压实责任\n三是严格考核\n四是强化问责\n散会。"


# ── Numbering details, on hand-written parts ────────────────────────────────────────────────

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def minimal_docx(body: str, numbering: str = "", styles: str = "", notes: str = "") -> bytes:
    """A package with only the parts the reader looks at, related as Word relates them."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    pkg = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
    targets = {"numbering": numbering, "styles": styles, "footnotes": notes}
    rels = "".join(
        f'<Relationship Id="r{i}" Type="{rel}{kind}" Target="{kind}.xml"/>'
        for i, (kind, xml) in enumerate(targets.items())
        if xml
    )
    members = {
        "_rels/.rels": f'<Relationships {pkg}><Relationship Id="r1" '
        f'Type="{rel}officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": f"<Relationships {pkg}>{rels}</Relationships>",
        "word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>",
        **{
            f"word/{kind}.xml": f"<w:{kind} {W}>{xml}</w:{kind}>"
            for kind, xml in targets.items()
            if xml
        },
    }
    return _zip({name: text.encode("utf-8") for name, text in members.items()})


def p(text: str, num: tuple[int, int] | None = None, style: str = "") -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr>{run(text)}</w:p>"


def lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/></w:lvl>'
    )


def text_of(data: bytes) -> list[str]:
    return read_docx(data, "x.docx").text.split("\n")


def test_legal_style_level_writes_every_number_in_arabic_digits() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="1">'
        + lvl(0, "chineseCounting", "第%1章")
        + lvl(1, "decimal", "%1.%2　", "<w:isLgl/>")
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    body = p("总则", (1, 0)) + p("目的", (1, 1)) + p("依据", (1, 1)) + p("职责", (1, 0))
    body += p("分工", (1, 1))
    assert text_of(minimal_docx(body, numbering)) == [
        "第一章总则",
        "1.1　目的",
        "1.2　依据",
        "第二章职责",
        "2.1　分工",
    ]


def test_a_level_that_never_restarts_keeps_counting() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="1">'
        + lvl(0, "chineseCounting", "%1、")
        + lvl(1, "chineseCountingThousand", "（%2）", '<w:lvlRestart w:val="0"/>')
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    body = p("甲", (1, 0)) + p("乙", (1, 1)) + p("丙", (1, 0)) + p("丁", (1, 1))
    assert text_of(minimal_docx(body, numbering)) == ["一、甲", "（一）乙", "二、丙", "（二）丁"]


def test_numbering_through_a_numbering_style_link() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="讲话编号"/>'
        + lvl(0, "chineseCounting", "%1、")
        + '</w:abstractNum><w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="讲话编号"/>'
        "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    )
    styles = (
        '<w:style w:type="numbering" w:styleId="讲话编号"><w:pPr><w:numPr>'
        '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = p("提高站位", (2, 0)) + p("压实责任", (2, 0))
    assert text_of(minimal_docx(body, numbering, styles)) == ["一、提高站位", "二、压实责任"]


def test_bullets_unknown_lists_and_moved_text() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="1">' + lvl(0, "bullet", "\uf0b7") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    moved = (
        '<w:p><w:moveFrom w:id="1" w:author="办公室">'
        + run("旧位置")
        + '</w:moveFrom><w:moveTo w:id="2" w:author="办公室">'
        + run("新位置")
        + "</w:moveTo></w:p>"
    )
    body = p("要点", (1, 0)) + p("无此编号", (7, 0)) + moved
    docx = read_docx(minimal_docx(body, numbering), "x.docx")
    assert docx.text.split("\n") == ["要点", "无此编号", "新位置"]
    assert docx.generated == ()
    assert docx.skipped == "skipped 1 deleted run"


def test_footnotes_are_counted_without_their_separators() -> None:
    notes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p/></w:footnote>'
        f'<w:footnote w:id="1">{p("数据来源：区统计局。")}</w:footnote>'
    )
    docx = read_docx(minimal_docx(p("同志们："), notes=notes), "x.docx")
    assert docx.skipped == "skipped 1 footnote"


def test_page_breaks_keep_a_heading_whole_and_line_breaks_split_it() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="1">'
        + lvl(0, "chineseCounting", "%1、")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    page = '<w:r><w:br w:type="page"/></w:r>'
    line = "<w:r><w:br/></w:r>"
    body = (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"{page}{run('总体要求')}</w:p>"
        f"<w:p>{run('会议强调：')}{line}{run('一是提高站位。')}</w:p>"
    )
    assert text_of(minimal_docx(body, numbering)) == [
        "一、总体要求",
        "会议强调：",
        "一是提高站位。",
    ]


def test_custom_formats_read_their_standard_fallback() -> None:
    custom = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/>'
        '</mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback>'
        '</mc:AlternateContent><w:suff w:val="space"/><w:lvlText w:val="%1"/></w:lvl>'
    )
    numbering = (
        f'<w:abstractNum w:abstractNumId="1">{custom}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    body = p("会议议程", (1, 0)) + p("会议纪要", (1, 0))
    assert text_of(minimal_docx(body, numbering)) == ["01 会议议程", "02 会议纪要"]


def test_lists_sharing_a_definition_share_counters_after_a_start_override() -> None:
    # Headings numbered through the style (numId 1); one heading set to start at 八 through
    # a second w:num of the same definition; the style's headings then go on from 九, as in Word.
    numbering = (
        '<w:abstractNum w:abstractNumId="3">'
        + lvl(0, "chineseCounting", "%1、")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="3"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="8"/></w:lvlOverride></w:num>'
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="1"/>'
        "</w:numPr></w:pPr></w:style>"
    )
    body = p("总体要求", style="1") + p("重点任务", style="1") + p("工作要求", (2, 0))
    body += p("保障措施", style="1") + p("组织实施", (2, 0))
    assert text_of(minimal_docx(body, numbering, styles)) == [
        "一、总体要求",
        "二、重点任务",
        "八、工作要求",
        "九、保障措施",
        "十、组织实施",
    ]
