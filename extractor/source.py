"""source: decoded text → Source (text + folded view) → [Line].

The folded view has the same length as the text, position i ↔ position i, so a match on the
folded view is a span of the text. Folding maps full-width ASCII (（）．，：；！？ and digits)
to its half-width form and the many spaces of Chinese typesetting (U+3000, NBSP) to " ".
Traditional characters fold to simplified ones (extractor/_t2s.py). Nothing here rewrites the
text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, compress, count, pairwise, repeat
from operator import add, itemgetter, sub
from typing import Final, NamedTuple

from extractor import patterns
from extractor._t2s import SIMPLIFIED, TRADITIONAL
from extractor.marker_rules import HEADING_RANK, MARKER_OPENERS, kind_at, marker_at

# One code point to one code point, so len(folded) == len(text). NFKC is not usable:
# 「㈠」 becomes 「(一)」, three code points. Traditional characters fold to simplified ones
# (「經濟發展」 → 「经济发展」), so that every cue, written in simplified characters, also reads
# a text in traditional script (Wikisource, Hong Kong and Taiwan reprints, older collections).
FOLD: Final = str.maketrans(
    {
        **dict(zip(TRADITIONAL, SIMPLIFIED, strict=True)),
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

# The characters FOLD changes, for a text that holds an astral one (a rare ideograph): the
# scanner below covers the Basic Multilingual Plane only.
_FOLDABLE: Final = frozenset(map(chr, FOLD))
# Beyond this many distinct characters to fold, one translate pass is cheaper than replaces:
# translate looks each character up in FOLD (about 170 ns a character), a replace passes over
# the text in C (under 1 ns a character), so replaces win up to a few hundred of them.
_MAX_REPLACES: Final = 100
# Building the scanner below (from its program in extractor/_programs.py: its class, some
# 2,800 ranges, would take `re` several milliseconds to parse) costs what the set of a text's
# characters costs on about this many characters: a process builds it once it has folded that
# much text, so that a single speech folded by `outline FILE` does not pay for it, and a batch
# or a long text does.
_SCAN_AFTER: Final = 100_000
_folded_by_set = [0]  # characters folded in this process before the scanner was built


@functools.cache
def _foldable_scan() -> re.Pattern[str]:
    """The characters FOLD changes in the BMP, and every astral character (left to
    `_fold_by_set`). Under `re` a class of BMP characters is a bitmap, one look-up per
    character whatever its size. The class is written as the negation of the BMP characters
    FOLD leaves alone: `re` tests a character against a class op by op, and nearly every
    character of a text is one of those, which the negated class rejects at its bitmap, where
    the class of the characters to fold would try its bitmap, then the astral range, then end
    (a sixth fewer instructions a character over a text). Built on first use, from its program
    in the table (extractor/_programs.py): parsing its class takes `re` several milliseconds."""
    bmp = sorted(ord(c) for c in _FOLDABLE if ord(c) <= 0xFFFF)
    # The gaps between the characters to fold, from U+0000 to U+FFFF.
    gaps = [
        (a, b)
        for a, b in zip([0, *(c + 1 for c in bmp)], [*(c - 1 for c in bmp), 0xFFFF], strict=True)
        if a <= b
    ]
    kept = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in gaps
    )
    return patterns.compile_re(f"[^{kept}]")


def fold(text: str) -> str:
    """`text.translate(FOLD)`, faster: a text holds a handful of the characters FOLD changes,
    and replacing each of them is a pass in C, where translate looks every character up.
    No value of FOLD is a key of it, so the order of the replaces does not matter."""
    if _folded_by_set[0] < _SCAN_AFTER:
        _folded_by_set[0] += len(text)
        return _fold_by_set(text)
    return _fold_by_scan(text)


def _fold_by_scan(text: str) -> str:
    """The characters to replace found by one scan: once replaced, a character is not found
    again, so the scan goes on from where it found it."""
    search = _foldable_scan().search
    replaced = 0
    found = search(text)
    while found is not None:
        c = found.group()
        if ord(c) > 0xFFFF:
            return _fold_by_set(text)
        replaced += 1
        if replaced > _MAX_REPLACES:
            return text.translate(FOLD)
        text = text.replace(c, FOLD[ord(c)])
        found = search(text, found.start())
    return text


def _fold_by_set(text: str) -> str:
    """The characters to replace found as the set of the text's characters that FOLD has: a
    step per character, nothing to build first."""
    present = _FOLDABLE.intersection(text)
    if len(present) > _MAX_REPLACES:
        return text.translate(FOLD)
    for c in present:
        text = text.replace(c, FOLD[ord(c)])
    return text


# A paragraph ends at a line break (LF, CRLF, CR, U+2028, U+2029, NEL, and the form feed that
# separates pages in PDF exports), and a web crawl that lost its line breaks keeps runs of two
# or more U+3000 as its only paragraph marks: the paragraph ends where such a run follows a
# character other than white space (the look-behind's class is patterns.WHITE_SPACE, `regex`'s
# \s; `re`'s also holds \x1c-\x1f), and the run opens the next one. Such
# a run is matched by its first U+3000 alone, which `split_lines` gives back to the next line.
# Every alternative opens with a literal, so that `re` skips to the next candidate character
# in C; in one group, so that `split` returns [line, break, line, …, line].
_RUN: Final = "\u3000"
_AFTER_TEXT: Final = f"[^{patterns.WHITE_SPACE}]"
# A run of U+3000 after text, matched by its first U+3000.
_RUN_AT: Final = f"\u3000(?<={_AFTER_TEXT}\u3000)(?=\u3000)"
_BREAK: Final = patterns.compile_re(f"(\r\n?|\n|\f|\x85|\u2028|\u2029|{_RUN_AT})")
# Markup left over from a web page (folded view): tags around a heading (「<b>一、…</b>」,
# 「<p>」, 「<div align="center">」) and non-breaking spaces written as entities, also escaped
# twice (「&amp;nbsp;」). They lay out the text, like spaces, and hold no words.
MARKUP: Final = (
    r"</?[a-zA-Z][a-zA-Z0-9]{0,9}(?:[ \t][^<>\r\n]{0,120})?/?>"
    r"|&(?:amp;){0,3}(?:nbsp|ensp|emsp|thinsp|#160|#12288);"
)
# A paragraph's last line ends in one of these (closing quotes and brackets after them).
_PARAGRAPH_END: Final = patterns.compile(rf"[。!?;:…][”’」』)》]*(?:\s|{MARKUP})*$")
# A line that continues a sentence opens with a Han character other than those that open a
# page number (第 3 页, 共 10 页), or with what closes a bracket or a clause (a crawl that put
# a linked title on a line of its own: 「执行国务院《」 ‖ 「关于…的通知」 ‖ 「》，总的来看…」);
# the line it continues holds a pause and ends on a word, a comma or an opening bracket.
_CONTINUATION: Final = patterns.compile(r"(?![第共])\p{Han}|[》”)」』,、;:。]")
_WORD_END: Final = patterns.compile(r"[\p{Han}0-9,、《“(「『]")
_OPENERS: Final = frozenset("《“(「『")
_SENTENCE_ENDS: Final = frozenset("。!?;:…”’」』)》")
_BRACKET_REST: Final = patterns.compile(r"[一二三四五六七八九十0-9]{1,3}\)")
_CLOSERS: Final = frozenset("》”)」』")
_PAUSE: Final = patterns.compile(r"[,。;、]")
# A hard-wrapped copy (PDF, e-mail) has many lines of one width; below this it is not a width.
_MIN_WRAP: Final = 16
_FIRST: Final = itemgetter(0)


# Not frozen, as `Decoded` (one is built for every call); `Final` keeps it unchanged.
@dataclass(slots=True, unsafe_hash=True)
class Source:
    """The decoded input and its folded view of equal length."""

    text: Final[str]
    folded: Final[str]

    @classmethod
    def from_text(cls, text: str) -> Source:
        return cls(text, fold(text))


class Line(NamedTuple):
    """One paragraph of the source: [start, end) without its line break; `number` counts the
    paragraphs from 0.

    `body` is where the paragraph's content starts, after indentation. `continues` is set on
    a line of a hard-wrapped copy that runs on into the next line (its sentence or heading is
    cut by the wrap, not ended); `continued` on the line it runs into, which therefore starts
    mid-sentence.
    """

    number: int
    start: int
    body: int
    end: int
    source: Source
    continues: bool = False
    continued: bool = False

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]

    @property
    def folded(self) -> str:
        return self.source.folded[self.start : self.end]


def split_lines(source: Source) -> list[Line]:
    """Split the source into paragraphs, dropping none: every character outside a line is a
    line break."""
    text, folded = source.text, source.folded
    kind = _breaks(text, folded)
    if kind == "\n":
        # Most texts: `str.split` finds the lines in C, where `_BREAK` tries every character.
        # The folded view has the text's line breaks (FOLD maps none of them, nor to them), so
        # its lines are the folded lines; each starts after the line and the LF before it.
        parts = folded.split("\n")
        sizes = list(map(len, parts))
        starts = list(accumulate(map(add, sizes, repeat(1)), initial=0))
        del starts[-1]
        ends = list(map(add, starts, sizes))
    else:
        # The lines are the even items, the breaks the odd ones: their lengths, summed, give
        # each line's [start, end) without a step per line in Python. A web crawl's breaks are
        # all runs of U+3000, found by a pattern that opens with the literal, not by `_BREAK`.
        pieces = (_RUN_BREAK if kind == _RUN else _BREAK).split(text)
        offsets = list(accumulate(map(len, pieces), initial=0))
        starts, ends = offsets[0::2], offsets[1::2]
        # A run of U+3000 is no break: the line after it starts with it. A crawl's breaks are
        # all such runs, and each line starts where the one before ends.
        if kind == _RUN:
            starts[1:] = ends[:-1]
        elif _RUN in (breaks := pieces[1::2]):
            starts[1:] = [
                end if found == _RUN else end + len(found)
                for end, found in zip(ends, breaks, strict=False)  # no break after the last line
            ]
        parts = list(map(folded.__getitem__, map(slice, starts, ends)))
    # A line's content after its indentation ([ \t]* of the folded view, where every space
    # folds to " "); none for a blank line.
    contents = list(map(str.lstrip, parts, repeat(" \t")))
    bodies = list(map(sub, ends, map(len, contents)))
    # Most texts are not hard-wrapped, and their lines' lengths tell so (see `_cannot_wrap`)
    # before any line is asked whether it opens with a marker.
    lengths = list(map(len, map(str.rstrip, contents)))  # `len(_content(line))`
    if _cannot_wrap(lengths, contents):
        return _join_broken_sentences(source, parts, contents, starts, bodies, ends)
    lines = _lines(source, starts, bodies, ends)
    # `_width` of each line: `kind_at` tells no marker from the content's first character for
    # most lines, as `opens_with_marker` asks it.
    widths = [
        0 if content[:1] in MARKER_OPENERS and kind_at(folded, body, end) is not None else length
        for content, length, body, end in zip(contents, lengths, bodies, ends, strict=True)
    ]
    width = _wrap_width(lines, widths)
    if width is not None:
        return _mark_wrapped(lines, width)
    return _join_broken_sentences(source, parts, contents, starts, bodies, ends)


def _lines(source: Source, starts: list[int], bodies: list[int], ends: list[int]) -> list[Line]:
    """The lines of these columns, numbered from 0."""
    fields = zip(count(), starts, bodies, ends, repeat(source), repeat(False), repeat(False))
    # tuple.__new__ builds each Line in C; Line(...) would run the NamedTuple's __new__.
    return list(map(tuple.__new__, repeat(Line), fields))


# The line breaks of `_BREAK` other than LF, and the runs of U+3000 it breaks at: after a
# character other than white space (its look-behind). Without LF and the other breaks, the
# runs are all it finds, and `_RUN_BREAK` finds them as it does, with a literal to skip to.
_OTHER_BREAKS: Final = "\r\f\x85\u2028\u2029"
_RUN_AFTER_TEXT: Final = patterns.compile_re(f"\u3000\u3000(?<={_AFTER_TEXT}\u3000\u3000)")
_RUN_BREAK: Final = patterns.compile_re(f"({_RUN_AT})")


def _breaks(text: str, folded: str) -> str:
    """The one kind of line break `_BREAK` finds in `text`: "\\n" when it finds LF alone (or
    no break), _RUN when it finds runs of U+3000 alone, else "". The other breaks are looked for
    in the folded view, which holds them where the text does (FOLD maps none of them), each
    in C: `str` finds a character of a Chinese text by the low byte of its code point, and
    there full-width commas (U+FF0C) look like form feeds."""
    if any(map(folded.__contains__, _OTHER_BREAKS)):  # in C, no generator
        return ""
    if _RUN_AFTER_TEXT.search(text) is None:
        return "\n"
    return "" if "\n" in text else _RUN


def _join_broken_sentences(
    source: Source,
    parts: list[str],
    contents: list[str],
    starts: list[int],
    bodies: list[int],
    ends: list[int],
) -> list[Line]:
    """The lines, a paragraph cut by a stray line break inside a sentence joined to its rest.
    A line that is not indented and opens with a word continues the line of prose before it
    (blank lines, zero-width spaces included, may stand between) when that line ends
    mid-sentence and the text indents its paragraphs (「社会财产沒」 ‖ 「有遭到損坏，…」), or,
    in any text, when the break falls inside brackets (「签署《」 ‖ 「全面禁止核试验条约」 ‖
    「》的进程」). The joined line spans the break; nothing is dropped. `parts` are the lines'
    folded text, `contents` the same after their indentation; the lines are built once, from
    the columns joined."""
    folded = source.folded
    known: list[bool] = []  # whether the text indents its paragraphs, once asked

    def indents() -> bool:
        if not known:
            known.append(_indents(parts, contents))
        return known[0]

    # Only a line with content may run on into the next line with content, blank lines between,
    # and only when it is not indented and the one before does not end a sentence (most pairs).
    full = list(compress(count(), contents))
    pairs = [
        (before, at)
        for before, at in pairwise(full)
        if parts[at][0] not in " \t" and parts[before][-1] not in _SENTENCE_ENDS
    ]
    joined: dict[int, int] = {}  # the index of a line others run on into → its end, joined
    gone: set[int] = set()  # the lines joined to one before them, and the blank lines between
    head = 0  # the index of the line `before` is part of
    for before, at in pairs:
        if before not in gone:
            head = before
        # The line `head` ends where the line `before` does.
        if _runs_on(
            bodies[head], joined.get(head, ends[head]), bodies[at], ends[at], folded, indents
        ):
            joined[head] = ends[at]
            gone.update(range(before + 1, at + 1))
    if joined:
        ends = ends.copy()
        for at, end in joined.items():
            ends[at] = end
        kept = [True] * len(ends)
        for at in gone:
            kept[at] = False
        starts, bodies, ends = (list(compress(column, kept)) for column in (starts, bodies, ends))
    return _lines(source, starts, bodies, ends)


def renumbered(lines: list[Line], first: int = 0) -> list[Line]:
    """The lines numbered on from `first`: the columns of all but their number, zipped with
    the new numbers, and each Line built by tuple.__new__ in C."""
    if not lines:
        return []
    columns = list(zip(*lines, strict=True))[1:]
    return list(map(tuple.__new__, repeat(Line), zip(count(first), *columns, strict=False)))


def _indents(parts: list[str], contents: list[str]) -> bool:
    """Whether the text indents its paragraphs: most lines that end a sentence are indented.
    `parts` are the lines' folded text, `contents` the same after their indentation."""
    # For each line whose content, trailing spaces left out, ends a sentence: is it indented?
    indented = [
        len(part) > len(content)
        for part, content in zip(parts, contents, strict=True)
        if (rest := content.rstrip(" ")) and rest[-1] in _SENTENCE_ENDS
    ]
    return 2 * sum(indented) > len(indented)


def _runs_on(
    body: int, end: int, nxt: int, nxt_end: int, folded: str, indenting: Callable[[], bool]
) -> bool:
    """Whether the line that starts at `nxt`, not indented, continues the sentence the line
    [body, end) leaves open (see `_join_broken_sentences`)."""
    if not _opens_continuation(folded, nxt, nxt_end):
        return False
    if kind_at(folded, nxt, nxt_end) is not None:  # `opens_with_marker`
        return False
    while end > body and folded[end - 1].isspace():
        end -= 1
    # A heading marker alone on its line (「一、」 ‖ 「我国人民…」) has no title; an enumeration
    # opens a sentence, which runs on (「第一，」 ‖ 「在工商业方面，我们…」).
    opening = marker_at(folded, body, end)
    if opening is not None and opening[1] == end:
        return opening[0] not in HEADING_RANK
    if folded[end - 1] == "(" and _BRACKET_REST.match(folded, nxt, nxt_end):
        return False  # a marker cut after its bracket: 「（」 ‖ 「三）加强督导」 opens a heading
    if folded[end - 1] in _OPENERS or folded[nxt] in _CLOSERS:
        return True
    # Prose, not a title or a byline: the line holds a pause, and ends on a word.
    return (
        _ends_on_word(folded, end) and _PAUSE.search(folded, body, end) is not None and indenting()
    )


# Most lines run on with a character of the CJK Unified Ideographs (all Han, \p{Han}), and
# most lines end on one: a comparison tells, where a call of `regex` costs several times it.
# The patterns read the characters outside the block.
_CONTINUING: Final = frozenset("》”)」』,、;:。")
_ENDING: Final = frozenset("0123456789,、《“(「『")


def _opens_continuation(folded: str, at: int, end: int) -> bool:
    """Whether `_CONTINUATION` matches at `at` (before `end`)."""
    c = folded[at]
    if "\u4e00" <= c <= "\u9fff":
        return c not in "第共"
    return c in _CONTINUING or _CONTINUATION.match(folded, at, end) is not None


def _ends_on_word(folded: str, end: int) -> bool:
    """Whether `_WORD_END` matches the character before `end`."""
    c = folded[end - 1]
    return (
        "\u4e00" <= c <= "\u9fff"
        or c in _ENDING
        or _WORD_END.match(folded, end - 1, end) is not None
    )


def wrap_width(lines: list[Line]) -> int | None:
    """The width a hard-wrapped copy was cut at, or None when the text is not hard-wrapped:
    at least three lines, and three in ten of its lines, share one width (±1) of _MIN_WRAP or
    more, and most of them end mid-sentence. Lines that open with a marker are not counted."""
    return _wrap_width(lines, [_width(line) for line in lines])


def _width(line: Line) -> int:
    """A line's width as `wrap_width` counts it: headings do not vote (three headings of one
    length are no wrap width), nor blank lines (0)."""
    return 0 if opens_with_marker(line) else len(_content(line))


def _wrap_width(lines: list[Line], widths: list[int]) -> int | None:
    """`wrap_width` of the lines, given their `_width`s."""
    filled = [w for w in widths if w]
    common = Counter(w for w in filled if w >= _MIN_WRAP).most_common(1)
    if not common:
        return None
    width = common[0][0]
    full = [line for line, w in zip(lines, widths, strict=True) if w and abs(w - width) <= 1]
    if len(full) < max(3, 0.3 * len(filled)):
        return None
    cut = sum(_PARAGRAPH_END.search(line.folded) is None for line in full)
    return width if 2 * cut > len(full) else None


def _cannot_wrap(lengths: list[int], contents: list[str]) -> bool:
    """Whether `_wrap_width` is None for lines of these content lengths, whichever of the lines
    that open with a character a marker opens with open with a marker (their width is 0 then,
    else their length): counting every line, too few stand within ±1 of any width of _MIN_WRAP
    or more, for the fewest lines with content there can be. Those lines are counted only when
    the answer depends on them."""
    if len(lengths) < 3:
        return True  # no three lines to share a width: a snippet, a title, a one-line text
    counts = Counter(lengths)
    get = counts.get  # no Counter.__missing__, a call in Python for each length absent
    # The width `_wrap_width` finds is one of these lengths, and it finds no more lines at it.
    most = max(
        [get(w - 1, 0) + n + get(w + 1, 0) for w, n in counts.items() if w >= _MIN_WRAP],
        default=0,
    )
    if most < 3:
        return True
    filled = len(lengths) - get(0, 0)
    if most >= 0.3 * filled:
        return False  # even if no line opens with a marker
    openers = sum(map(MARKER_OPENERS.__contains__, map(_FIRST, filter(None, contents))))
    return most < 0.3 * (filled - openers)


def _mark_wrapped(lines: list[Line], width: int) -> list[Line]:
    """Set `continues` (and `continued` on the next line) where a line of the wrap `width` ends
    mid-sentence and the next line does not open a paragraph with a heading marker."""
    out = list(lines)
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        content = _content(line)
        if (
            len(content) >= width - 1
            and _PARAGRAPH_END.search(content) is None
            and nxt.body < nxt.end
            and not opens_paragraph(nxt)
        ):
            out[i] = out[i]._replace(continues=True)
            out[i + 1] = out[i + 1]._replace(continued=True)
    return out


def _content(line: Line) -> str:
    return line.source.folded[line.body : line.end].rstrip()


def opens_paragraph(line: Line) -> bool:
    """Whether the line opens with a heading marker: it starts a paragraph of its own, whatever
    the line before it. An enumeration does not: after a line cut mid-sentence it is a word
    (「思想统」「一是…」)."""
    return kind_at(line.source.folded, line.body, line.end) in HEADING_RANK


def opens_with_marker(line: Line) -> bool:
    """Whether the line opens with a heading or an enumeration marker."""
    return kind_at(line.source.folded, line.body, line.end) is not None
