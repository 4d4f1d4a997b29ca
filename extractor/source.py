"""source: decoded text → Source (text + folded view) → [Line].

The folded view has the same length as the text, position i ↔ position i, so a match on the
folded view is a span of the text. Folding maps full-width ASCII (（）．，：；！？ and digits)
to its half-width form and the many spaces of Chinese typesetting (U+3000, NBSP) to " ".
Nothing here rewrites the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

# One code point to one code point, so len(folded) == len(text). NFKC is not usable:
# 「㈠」 becomes 「(一)」, three code points.
FOLD: Final = str.maketrans(
    {
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},  # ！ … ～ → ! … ~
        "\u3000": " ",  # ideographic space, the indentation of Word and web copies
        "\u00a0": " ",
        **{chr(c): " " for c in range(0x2000, 0x200B)},
        "\u202f": " ",
        "\u205f": " ",
        "\u200b": " ",  # zero-width space and BOM-as-text, left over in web copies
        "\ufeff": " ",
    }
)

# A paragraph ends at a line break (LF, CRLF, CR, U+2028, U+2029), and a web crawl that lost
# its line breaks keeps runs of two or more U+3000 as its only paragraph marks.
_BREAK: Final = regex.compile(r"\r\n|[\n\r\u2028\u2029]|(?<=\S)(?=\u3000{2,})")
_INDENT: Final = regex.compile(r"[ \t]*")


@dataclass(frozen=True, slots=True)
class Source:
    """The decoded input and its folded view of equal length."""

    text: str
    folded: str

    @classmethod
    def from_text(cls, text: str) -> Source:
        return cls(text, text.translate(FOLD))


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of the source: [start, end) without its line break.

    `body` is where the paragraph's content starts, after indentation.
    """

    index: int
    start: int
    body: int
    end: int
    source: Source

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]

    @property
    def folded(self) -> str:
        return self.source.folded[self.start : self.end]


def split_lines(source: Source) -> list[Line]:
    """Split the source into paragraphs, dropping none: every character outside a line is a
    line break."""
    lines: list[Line] = []
    start = 0
    folded = source.folded
    for m in _BREAK.finditer(source.text):
        lines.append(_line(len(lines), start, m.start(), source, folded))
        start = m.end()
    lines.append(_line(len(lines), start, len(source.text), source, folded))
    return lines


def _line(index: int, start: int, end: int, source: Source, folded: str) -> Line:
    indent = _INDENT.match(folded, start, end)
    body = indent.end() if indent else start
    return Line(index, start, body, end, source)
