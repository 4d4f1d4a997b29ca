"""Properties that hold on any input: generated speeches and arbitrary text."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import parse
from schemas import Section
from tests.invariants import check_invariants

HAN = "一二三四五六七八九十"
FILLER = (
    "要提高政治站位",
    "切实增强责任感和使命感",
    "推动各项工作落地见效",
    "坚持问题导向，狠抓整改落实",
    "全区上下要统一思想",
    "进一步优化营商环境",
    "确保完成全年目标任务",
)


def han(n: int) -> str:
    if n <= 10:
        return HAN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else HAN[tens - 1]) + "十" + (HAN[ones - 1] if ones else "")


def full_width_digits(s: str) -> str:
    return s.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


# Heading levels top-down; each renders an ordinal in one of the widths real texts use.
LEVEL_STYLES = (
    (lambda n, w: f"{han(n)}、",),
    (lambda n, w: f"（{han(n)}）", lambda n, w: f"({han(n)})"),
    (
        lambda n, w: f"{n}.",
        lambda n, w: f"{n}．",
        lambda n, w: f"{n}、",
        lambda n, w: f"{full_width_digits(str(n))}．",
    ),
    (lambda n, w: f"（{n}）", lambda n, w: f"({n})"),
)
ENUM_STYLES = (
    lambda n: f"{han(n)}是",
    lambda n: f"{han(n)}要",
    lambda n: f"第{han(n)}，",
)


@dataclass
class Heading:
    marker: str
    title: str
    glued: bool  # the paragraph follows on the heading's line
    enumeration: list[tuple[str, str]] = field(default_factory=list)
    children: list[Heading] = field(default_factory=list)


@st.composite
def headings(draw: st.DrawFn, depth: int = 0, top: int = 0) -> list[Heading]:
    count = draw(st.integers(1, 3 if depth else 4))
    style = draw(st.sampled_from(LEVEL_STYLES[top + depth]))
    out = []
    for n in range(1, count + 1):
        title = draw(st.sampled_from(FILLER))
        glued = draw(st.booleans())
        enum_style = draw(st.sampled_from(ENUM_STYLES))
        items = draw(st.integers(0, 3))
        enumeration = [(enum_style(i), draw(st.sampled_from(FILLER))) for i in range(1, items + 1)]
        children: list[Heading] = []
        if top + depth < 3 and draw(st.booleans()):
            children = draw(headings(depth + 1, top))
        out.append(Heading(style(n, None), title, glued, enumeration, children))
    return out


@st.composite
def speeches(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A speech text and its expected outline (as rendered by `render`)."""
    top = draw(st.integers(0, 2))
    tree = draw(headings(0, top))
    newline = draw(st.sampled_from(["\n", "\r\n", "\n\n"]))
    indent = draw(st.sampled_from(["", "\u3000\u3000", "  "]))
    lines = [f"{indent}同志们：", f"{indent}今天召开全区工作会议，主要任务是部署今年工作。"]
    expected: list[str] = []

    def emit(nodes: list[Heading], level: int) -> None:
        for h in nodes:
            body = "。".join(f"{m}{t}" for m, t in h.enumeration)
            body = f"{FILLER[0]}。{body}。" if body else f"{FILLER[1]}。"
            if h.glued:
                lines.append(f"{indent}{h.marker}{h.title}。{body}")
            else:
                lines.extend([f"{indent}{h.marker}{h.title}", f"{indent}{body}"])
            expected.append("  " * level + h.marker + h.title)
            expected.extend("  " * (level + 1) + m + t for m, t in h.enumeration)
            emit(h.children, level + 1)

    emit(tree, 0)
    lines.append(f"{indent}同志们，让我们共同努力。谢谢大家！")
    return newline.join(lines) + newline, expected


def render(sections: list[Section]) -> list[str]:
    out: list[str] = []
    for s in sections:
        out.append("  " * (s.level - 1) + s.marker.text + (s.title or ""))
        out.extend(render(s.children))
    return out


@settings(max_examples=150, deadline=None)
@given(speeches())
def test_generated_speeches_outline_as_written(speech: tuple[str, list[str]]) -> None:
    text, expected = speech
    outline = parse(text)
    check_invariants(outline, text)
    assert render(outline.sections) == expected


SPEECHY = st.text(
    alphabet=st.sampled_from(
        list('一二三四五六七八九十是要第其、，。；：！？（）()“”"12３.．①\n\r\u3000 \t甲乙丙')
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), SPEECHY))
def test_any_text_parses_and_keeps_the_span_invariants(text: str) -> None:
    check_invariants(parse(text), text)
