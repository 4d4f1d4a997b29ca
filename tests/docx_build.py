"""Build .docx speeches for the tests with python-docx, with real numbering definitions.

A speech is a list of `Para`: the characters a paragraph holds in the file, the numbering Word
applies to it, and `shown`, the marker Word displays for that numbering. The same speech saved as
text is each paragraph's `shown` + `text`, one a line, so a .docx and its .txt twin are written
from one list, and only the .txt carries the markers as characters.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


@dataclass(frozen=True)
class Level:
    """One w:lvl of an abstract numbering definition."""

    fmt: str
    text: str
    start: int = 1
    suffix: str = "nothing"
    style: str | None = None
    restart: int | None = None

    def xml(self, ilvl: int) -> str:
        style = f'<w:pStyle w:val="{self.style}"/>' if self.style else ""
        restart = f'<w:lvlRestart w:val="{self.restart}"/>' if self.restart is not None else ""
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{self.start}"/>'
            f'<w:numFmt w:val="{self.fmt}"/>{restart}{style}<w:suff w:val="{self.suffix}"/>'
            f'<w:lvlText w:val="{self.text}"/><w:lvlJc w:val="left"/></w:lvl>'
        )


@dataclass(frozen=True)
class Para:
    """A paragraph: `text` is in the file; `shown` is the marker Word displays for `num`."""

    text: str
    shown: str = ""
    num: tuple[int, int | None] | None = None  # (numId, ilvl); ilvl None: from the style
    style: str | None = None
    xml: str | None = None  # the paragraph's runs as raw XML, when `text` alone cannot say it
    in_control: bool = False  # the whole paragraph inside a block-level content control
    boxed: bool = False  # a text box's paragraph: in the text, but inside the previous one's run


@dataclass
class Speech:
    """A speech as a Word document and as the text Word would save."""

    paras: Sequence[Para]
    abstracts: dict[int, Sequence[Level]] = field(default_factory=dict)
    nums: dict[int, tuple[int, dict[int, int]]] = field(default_factory=dict)
    """numId → (abstractNumId, {ilvl: startOverride})"""
    style_numbering: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    derived_styles: dict[str, str] = field(default_factory=dict)
    """new style name → the style id it is based on"""
    header: str = ""
    footer: str = ""
    comment_on: int | None = None  # index of the paragraph whose first run gets a comment

    def text(self) -> str:
        return "\n".join(p.shown + p.text for p in self.paras)

    def docx(self) -> bytes:
        doc = Document()
        self._add_numbering(doc)
        for name, base in self.derived_styles.items():
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = next(s for s in doc.styles if s.style_id == base)
        for style_id, (num_id, ilvl) in self.style_numbering.items():
            element = next(s for s in doc.styles if s.style_id == style_id).element
            _set_num_pr(element.get_or_add_pPr(), num_id, ilvl)
        created = []
        for para in self.paras:
            if para.boxed:
                continue
            p = doc.add_paragraph("" if para.xml else para.text)
            created.append(p)
            if para.xml:
                for run in parse_xml(f"<w:wrap {NAMESPACES}>{para.xml}</w:wrap>"):
                    p._p.append(run)
            ppr = p._p.get_or_add_pPr()
            if para.style:
                ppr.style = para.style
            if para.num:
                _set_num_pr(ppr, *para.num)
            if para.in_control:
                control = parse_xml(
                    f'<w:sdt {NAMESPACES}><w:sdtPr><w:tag w:val="正文"/></w:sdtPr>'
                    "<w:sdtContent/></w:sdt>"
                )
                p._p.addprevious(control)
                control[1].append(p._p)
        if self.comment_on is not None:
            doc.add_comment(
                created[self.comment_on].runs[0], text="此处数据请再核实", author="办公室"
            )
        if self.header:
            doc.sections[0].header.paragraphs[0].text = self.header
        if self.footer:
            doc.sections[0].footer.paragraphs[0].text = self.footer
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    def _add_numbering(self, doc: object) -> None:
        numbering = doc.part.numbering_part.element  # type: ignore[attr-defined]
        first_num = numbering.find(qn("w:num"))
        for abstract_id, levels in self.abstracts.items():
            inner = "".join(level.xml(i) for i, level in enumerate(levels))
            element = parse_xml(
                f'<w:abstractNum {NAMESPACES} w:abstractNumId="{abstract_id}">'
                f'<w:multiLevelType w:val="multilevel"/>{inner}</w:abstractNum>'
            )
            first_num.addprevious(element)  # the schema wants every abstractNum first
        for num_id, (abstract_id, overrides) in self.nums.items():
            inner = "".join(
                f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                for ilvl, start in overrides.items()
            )
            numbering.append(
                parse_xml(
                    f'<w:num {NAMESPACES} w:numId="{num_id}">'
                    f'<w:abstractNumId w:val="{abstract_id}"/>{inner}</w:num>'
                )
            )


def _set_num_pr(ppr: object, num_id: int, ilvl: int | None) -> None:
    num_pr = ppr.get_or_add_numPr()  # type: ignore[attr-defined]
    if ilvl is not None:
        num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def run(text: str, *, hidden: bool = False) -> str:
    props = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def inserted(text: str) -> str:
    return f'<w:ins w:id="91" w:author="办公室" w:date="2025-03-01T09:00:00Z">{run(text)}</w:ins>'


def deleted(text: str) -> str:
    return (
        f'<w:del w:id="92" w:author="办公室" w:date="2025-03-01T09:00:00Z"><w:r>'
        f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def hyperlink(text: str) -> str:
    return f'<w:hyperlink w:anchor="_附件一">{run(text)}</w:hyperlink>'


def content_control(text: str) -> str:
    return (
        '<w:sdt><w:sdtPr><w:alias w:val="会议名称"/><w:showingPlcHdr/></w:sdtPr>'
        f"<w:sdtContent>{run(text)}</w:sdtContent></w:sdt>"
    )


def text_box(text: str) -> str:
    """A run anchoring a text box, as Word writes it: drawingML, with a VML copy as fallback."""
    box = f"<w:txbxContent><w:p>{run(text)}</w:p></w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
