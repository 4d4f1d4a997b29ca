"""docx: Word document bytes → plain text, with the automatic numbering Word shows rendered.

The text is what a reader sees in the body, one paragraph a line, in document order: runs in
tracked insertions, hyperlinks, content controls, fields, tables (cell by cell) and text boxes
(each box's paragraphs after the paragraph that anchors it). Automatic numbering is rendered from
numbering.xml as Word renders it: `一、` for a chineseCounting level with lvlText `%1、`, `（１）`
for decimalFullWidth with `（%1）`, followed by the level's suffix (tab, space or nothing). Those
rendered markers are not characters of the file; their spans are returned as `generated`.

What a reader does not see in the body is left out and reported in `skipped`: comments, tracked
deletions, hidden runs, footnotes and endnotes, headers and footers.

Only the standard library is used (zipfile, xml.etree): numbering needs the raw XML anyway,
which python-docx does not interpret. ElementTree resolves no external entities, and the expat
it is built on refuses entity-expansion bombs.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Final
from xml.etree import ElementTree as ET

from extractor.errors import DocxError

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL_TYPE: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MAX_LEVELS: Final = 9


@dataclass(frozen=True, slots=True)
class DocxText:
    """The plain text of a document's body; `generated` are the spans of rendered numbering."""

    text: str
    generated: tuple[tuple[int, int], ...]
    skipped: str
    """What was left out, e.g. "skipped 2 comments, 1 deleted run, header and footer"; "" when
    nothing was."""


def read_docx(data: bytes, path: str) -> DocxText:
    """Read a .docx file's body as plain text. Raises DocxError when it is not a readable one."""
    package = _Package(data, path)
    document = package.xml(package.main)
    if document is None:
        raise DocxError(path, f"not a Word document: no {package.main}")
    body = document.find(f"{_W}body")
    if body is None:
        raise DocxError(path, f"damaged Word document: {package.main} has no body")
    styles = _Styles(package.related_xml("styles"))
    numbering = _numbering(package.related_xml("numbering"), styles)
    reader = _BodyReader(numbering, styles)
    reader.blocks(body)
    skipped = reader.skipped
    skipped["comment"] += _count_elements(package.related_xml("comments"), f"{_W}comment")
    skipped["footnote"] += _notes(package.related_xml("footnotes"), f"{_W}footnote")
    skipped["endnote"] += _notes(package.related_xml("endnotes"), f"{_W}endnote")
    for kind in ("header", "footer"):
        skipped[kind] += sum(1 for part in package.related_all(kind) if _has_text(part))
    return reader.result(_skipped_message(skipped))


# ── The package: zip members and relationships ─────────────────────────────────────────────


class _Package:
    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise DocxError(path, "not a Word document: not a zip archive, or truncated") from None
        self.names = set(self.zip.namelist())
        self.main = self._main_part()
        self.rels = self._relationships(self.main)

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as e:
            raise DocxError(self.path, f"damaged Word document: cannot read {name} ({e})") from None

    def xml(self, name: str) -> ET.Element | None:
        data = self.read(name)
        if data is None:
            return None
        try:
            return ET.fromstring(data)
        except ET.ParseError as e:
            line, column = e.position
            reason = f"damaged Word document: {name} is not well-formed XML (line {line})"
            raise DocxError(self.path, reason, column) from None

    def related_all(self, kind: str) -> Iterator[ET.Element]:
        for rel_type, target in self.rels:
            if rel_type == _REL_TYPE + kind:
                part = self.xml(target)
                if part is not None:
                    yield part

    def related_xml(self, kind: str) -> ET.Element | None:
        return next(self.related_all(kind), None)

    def _main_part(self) -> str:
        root = self.xml("_rels/.rels")
        for rel in root.iter(f"{_REL}Relationship") if root is not None else ():
            if rel.get("Type", "").endswith("/officeDocument"):
                return _resolve("", rel.get("Target", ""))
        return "word/document.xml"

    def _relationships(self, part: str) -> list[tuple[str, str]]:
        folder, name = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
        if root is None:
            return []
        return [
            (rel.get("Type", ""), _resolve(folder, rel.get("Target", "")))
            for rel in root.iter(f"{_REL}Relationship")
            if rel.get("TargetMode") != "External"
        ]


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


# ── Number formats (ST_NumberFormat) ────────────────────────────────────────────────────────

_HAN: Final = "〇一二三四五六七八九"
_LEGAL_SIMPLIFIED: Final = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL: Final = "零壹貳參肆伍陸柒捌玖"
_STEMS: Final = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES: Final = "子丑寅卯辰巳午未申酉戌亥"


def _han_counting(n: int, digits: str, units: str, *, bare_ten: bool) -> str:
    """Counting numerals below 10000: 十一, 一百零五, 二千〇三 (with `digits[0]` as zero).
    `bare_ten` writes 10–19 as 十… (not 一十…), as Chinese lists do."""
    if not 0 < n < 10000:
        return str(n)
    figures = str(n)
    out: list[str] = []
    zero = False
    for i, figure in enumerate(figures):
        d, place = int(figure), len(figures) - 1 - i
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        if not (bare_ten and d == 1 and place == 1 and not out):
            out.append(digits[d])
        out.append(units[place] if place else "")
    return "".join(out)


def _chinese_counting(n: int) -> str:
    """chineseCounting: 十, 十一, 九十九 below 100, digit by digit from 100 (一〇〇)."""
    if n < 100:
        return _han_counting(n, _HAN, " 十百千", bare_ten=True)
    return "".join(_HAN[int(d)] for d in str(n))


def _chinese_thousand(n: int) -> str:
    return _han_counting(n, "零" + _HAN[1:], " 十百千", bare_ten=True)


def _in_set(chars: str, offset: int = 0) -> Callable[[int], str]:
    """A bounded set (①…⑳, 甲…癸): past its end Word falls back to decimal."""
    return lambda n: chars[n - 1 - offset] if 0 < n - offset <= len(chars) else str(n)


def _letters(n: int) -> str:
    """A…Z, then AA…ZZ: the letter repeats, it is not base 26."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _full_width(n: int) -> str:
    return "".join(chr(ord(d) + 0xFEE0) for d in str(n))


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """One `w:numFmt` value: how a counter reads. `examples` pair a number with its rendering."""

    name: str
    render: Callable[[int], str]
    examples: tuple[tuple[int, str], ...]


NUMBER_FORMATS: Final = (
    NumberFormat("decimal", str, ((1, "1"), (12, "12"))),
    NumberFormat("decimalHalfWidth", str, ((3, "3"),)),
    NumberFormat("decimalZero", lambda n: f"{n:02d}", ((3, "03"), (12, "12"))),
    NumberFormat("decimalFullWidth", _full_width, ((1, "１"), (12, "１２"))),
    NumberFormat("decimalFullWidth2", _full_width, ((2, "２"),)),
    NumberFormat(
        "decimalEnclosedCircle",
        _in_set("".join(map(chr, range(0x2460, 0x2474)))),
        ((1, "①"), (20, "⑳"), (21, "21")),
    ),
    NumberFormat(
        "decimalEnclosedCircleChinese",
        _in_set("".join(map(chr, range(0x2460, 0x2474)))),
        ((3, "③"),),
    ),
    NumberFormat(
        "decimalEnclosedFullstop",
        _in_set("".join(map(chr, range(0x2488, 0x249C)))),
        ((1, "⒈"),),
    ),
    NumberFormat(
        "decimalEnclosedParen",
        _in_set("".join(map(chr, range(0x2474, 0x2488)))),
        ((1, "⑴"),),
    ),
    NumberFormat(
        "chineseCounting",
        _chinese_counting,
        ((1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"), (105, "一〇五")),
    ),
    NumberFormat(
        "chineseCountingThousand",
        _chinese_thousand,
        ((1, "一"), (10, "十"), (12, "十二"), (30, "三十"), (105, "一百零五"), (110, "一百一十")),
    ),
    NumberFormat("taiwaneseCounting", _chinese_counting, ((3, "三"),)),
    NumberFormat("taiwaneseCountingThousand", _chinese_thousand, ((13, "十三"),)),
    NumberFormat("japaneseCounting", _chinese_thousand, ((4, "四"),)),
    NumberFormat(
        "chineseLegalSimplified",
        lambda n: _han_counting(n, _LEGAL_SIMPLIFIED, " 拾佰仟", bare_ten=False),
        ((2, "贰"), (10, "壹拾"), (13, "壹拾叁")),
    ),
    NumberFormat(
        "ideographLegalTraditional",
        lambda n: _han_counting(n, _LEGAL_TRADITIONAL, " 拾佰仟", bare_ten=False),
        ((2, "貳"), (6, "陸")),
    ),
    NumberFormat(
        "ideographDigital", lambda n: "".join(_HAN[int(d)] for d in str(n)), ((10, "一〇"),)
    ),
    # The heavenly stems and earthly branches, as Word lists them: 甲、乙、丙…
    NumberFormat("ideographTraditional", _in_set(_STEMS), ((1, "甲"), (10, "癸"), (11, "11"))),
    NumberFormat("ideographZodiac", _in_set(_BRANCHES), ((1, "子"), (12, "亥"))),
    NumberFormat(
        "ideographEnclosedCircle",
        _in_set("".join(map(chr, range(0x3280, 0x328A)))),
        ((1, "㊀"),),
    ),
    NumberFormat("upperLetter", _letters, ((1, "A"), (27, "AA"))),
    NumberFormat("lowerLetter", lambda n: _letters(n).lower(), ((2, "b"),)),
    NumberFormat("upperRoman", _roman, ((4, "IV"), (14, "XIV"))),
    NumberFormat("lowerRoman", lambda n: _roman(n).lower(), ((9, "ix"),)),
    NumberFormat("none", lambda n: "", ((1, ""),)),
)
_RENDER: Final = {f.name: f.render for f in NUMBER_FORMATS}


def render_number(n: int, fmt: str) -> str:
    """`n` in the format named `fmt`; formats this table lacks read as decimal, as in Word."""
    return _RENDER.get(fmt, str)(n)


# ── Styles and numbering definitions ────────────────────────────────────────────────────────


def _val(el: ET.Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(f"{_W}val", default)


def _int(el: ET.Element | None, default: int | None = None) -> int | None:
    value = _val(el)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on(el: ET.Element | None) -> bool:
    """A toggle property (w:vanish, w:isLgl): present and not switched off."""
    return el is not None and _val(el, "true") not in ("0", "false", "off")


@dataclass(frozen=True, slots=True)
class _StyleNumbering:
    num_id: str | None
    ilvl: int | None
    based_on: str | None


class _Styles:
    """Paragraph styles' numbering (w:pPr/w:numPr), inherited along w:basedOn."""

    def __init__(self, root: ET.Element | None) -> None:
        self.styles: dict[str, _StyleNumbering] = {}
        self.default: str | None = None
        for style in root.iter(f"{_W}style") if root is not None else ():
            if style.get(f"{_W}type") not in ("paragraph", "numbering"):
                continue
            style_id = style.get(f"{_W}styleId", "")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            self.styles[style_id] = _StyleNumbering(
                _val(num_pr.find(f"{_W}numId")) if num_pr is not None else None,
                _int(num_pr.find(f"{_W}ilvl")) if num_pr is not None else None,
                _val(style.find(f"{_W}basedOn")),
            )
            is_default = style.get(f"{_W}default") in ("1", "true", "on")
            if is_default and style.get(f"{_W}type") == "paragraph":
                self.default = style_id

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The numId and ilvl a style gives its paragraphs, the nearest in its basedOn chain."""
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
            style_id = style.based_on
        return num_id, ilvl


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str
    restart: int | None  # w:lvlRestart: None restarts after any shallower level, 0 never
    suffix: str
    legal: bool
    style: str | None


_SUFFIX: Final = {"tab": "\t", "space": " ", "nothing": ""}


def _num_fmt(lvl: ET.Element) -> str:
    """The level's format. Word 2010 writes its custom formats (001, 002, …) inside
    mc:AlternateContent with a standard format as the fallback, which is what is read here."""
    fmt = _val(lvl.find(f"{_W}numFmt"))
    if fmt is None or fmt == "custom":
        fmt = _val(lvl.find(f"{_MC}AlternateContent/{_MC}Fallback/{_W}numFmt"))
    return fmt if fmt is not None and fmt != "custom" else "decimal"


def _level(lvl: ET.Element) -> _Level:
    return _Level(
        start=_int(lvl.find(f"{_W}start"), 0) or 0,
        fmt=_num_fmt(lvl),
        text=_val(lvl.find(f"{_W}lvlText"), "") or "",
        restart=_int(lvl.find(f"{_W}lvlRestart")),
        suffix=_SUFFIX.get(_val(lvl.find(f"{_W}suff"), "tab") or "tab", "\t"),
        legal=_on(lvl.find(f"{_W}isLgl")),
        style=_val(lvl.find(f"{_W}pStyle")),
    )


@dataclass(frozen=True, slots=True)
class _List:
    """A w:num resolved: its nine levels with overrides applied, and the abstract definition
    whose counters it shares."""

    abstract: str
    levels: tuple[_Level | None, ...]
    start_overrides: dict[int, int]

    def level(self, ilvl: int) -> _Level:
        return self.levels[ilvl] or _NO_LEVEL

    def level_for_style(self, style_id: str | None) -> int:
        """The level tied to a paragraph style (w:lvl/w:pStyle), else 0."""
        for ilvl, lvl in enumerate(self.levels):
            if style_id is not None and lvl is not None and lvl.style == style_id:
                return ilvl
        return 0


_NO_LEVEL: Final = _Level(0, "decimal", "", None, "", False, None)


def _numbering(root: ET.Element | None, styles: _Styles) -> dict[str, _List]:
    """numId → its resolved list."""
    if root is None:
        return {}
    abstracts: dict[str, dict[int, _Level]] = {}
    style_links: dict[str, str] = {}  # abstractNumId → numbering style (w:numStyleLink)
    for definition in root.iter(f"{_W}abstractNum"):
        key = definition.get(f"{_W}abstractNumId", "")
        abstracts[key] = {
            _int_attr(lvl, "ilvl"): _level(lvl) for lvl in definition.iter(f"{_W}lvl")
        }
        link = _val(definition.find(f"{_W}numStyleLink"))
        if link is not None:
            style_links[key] = link
    nums: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
    for num in root.iter(f"{_W}num"):
        levels: dict[int, _Level] = {}
        starts: dict[int, int] = {}
        for override in num.iter(f"{_W}lvlOverride"):
            ilvl = _int_attr(override, "ilvl")
            lvl = override.find(f"{_W}lvl")
            if lvl is not None:
                levels[ilvl] = _level(lvl)
            start = _int(override.find(f"{_W}startOverride"))
            if start is not None:
                starts[ilvl] = start
        abstract_id = _val(num.find(f"{_W}abstractNumId"), "") or ""
        nums[num.get(f"{_W}numId", "")] = (abstract_id, levels, starts)

    def follow_links(abstract: str) -> str:
        """A numStyleLink points to a numbering style, whose numId names the real list."""
        for _ in range(_MAX_LEVELS):
            link = style_links.get(abstract)
            linked_num, _ = styles.numbering(link)
            target = nums.get(linked_num or "") if link is not None else None
            if target is None or target[0] == abstract:
                break
            abstract = target[0]
        return abstract

    lists: dict[str, _List] = {}
    for num_id, (abstract_id, overrides, starts) in nums.items():
        shared = follow_links(abstract_id)
        defined = abstracts.get(shared, {})
        resolved = tuple(overrides.get(i) or defined.get(i) for i in range(_MAX_LEVELS))
        lists[num_id] = _List(shared, resolved, starts)
    return lists


def _int_attr(el: ET.Element, name: str) -> int:
    try:
        return int(el.get(f"{_W}{name}", "0"))
    except ValueError:
        return 0


# ── The body ────────────────────────────────────────────────────────────────────────────────

# Elements whose content a reader never sees in the body: properties, field codes, ruby
# guides, the fallback copy of a text box (its drawingML twin in mc:Choice is read).
_NOT_SHOWN: Final = frozenset(
    f"{_W}{tag}"
    for tag in (
        "pPr", "rPr", "sdtPr", "sdtEndPr", "tblPr", "trPr", "tcPr", "tblGrid", "sectPr",
        "instrText", "delInstrText", "rt",
    )
) | {f"{_MC}Fallback"}  # fmt: skip
_DELETED: Final = frozenset({f"{_W}del", f"{_W}moveFrom"})
_BREAKS: Final = frozenset({f"{_W}br", f"{_W}cr"})
_TABS: Final = frozenset({f"{_W}tab", f"{_W}ptab"})


@dataclass(slots=True)
class _Counter:
    """Word's counters for one list (an abstract definition), one per level."""

    values: list[int | None] = field(default_factory=lambda: [None] * _MAX_LEVELS)


class _BodyReader:
    def __init__(self, numbering: dict[str, _List], styles: _Styles) -> None:
        self.numbering = numbering
        self.styles = styles
        self.parts: list[str] = []
        self.length = 0
        self.generated: list[tuple[int, int]] = []
        self.counters: dict[str, _Counter] = {}
        self.started: set[tuple[str, int]] = set()  # (numId, ilvl) whose startOverride is used
        self.skipped: Counter[str] = Counter()

    def result(self, skipped: str) -> DocxText:
        return DocxText("".join(self.parts), tuple(self.generated), skipped)

    def blocks(self, container: ET.Element) -> None:
        for child in container:
            if child.tag == f"{_W}p":
                self.paragraph(child)
            elif child.tag in _DELETED:
                self.skipped["deleted run"] += sum(1 for _ in child.iter(f"{_W}r"))
            elif child.tag not in _NOT_SHOWN:
                self.blocks(child)  # tables, rows, cells, block content controls, customXml

    def paragraph(self, p: ET.Element) -> None:
        if self.parts:
            self._append("\n")
        prefix = self._number(p)
        if prefix:
            start = self.length
            self._append(prefix)
            self.generated.append((start, self.length))
        boxes: list[ET.Element] = []
        self._append("".join(self._inline(p, boxes)))
        for box in boxes:
            self.blocks(box)

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def _inline(self, element: ET.Element, boxes: list[ET.Element]) -> Iterator[str]:
        for child in element:
            tag = child.tag
            if tag == f"{_W}t":
                yield child.text or ""
            elif tag in _TABS:
                yield "\t"
            elif tag in _BREAKS:
                # A line break (Shift+Enter) starts a new line; a page or column break only
                # moves the text, so 「一、<page break>总体要求」 stays one heading.
                yield "" if child.get(f"{_W}type") in ("page", "column") else "\n"
            elif tag == f"{_W}noBreakHyphen":
                yield "\u2011"
            elif tag in _NOT_SHOWN:
                continue
            elif tag in _DELETED:
                self.skipped["deleted run"] += sum(1 for _ in child.iter(f"{_W}r"))
            elif tag == f"{_W}r" and _on(child.find(f"{_W}rPr/{_W}vanish")):
                self.skipped["hidden run"] += 1
            elif tag == f"{_W}txbxContent":
                boxes.append(child)
            else:
                # Runs, insertions, hyperlinks, content controls, simple fields, smart tags,
                # drawings down to their text boxes.
                yield from self._inline(child, boxes)

    def _number(self, p: ET.Element) -> str:
        """The rendered numbering of a paragraph with its suffix; "" when it has none."""
        ppr = p.find(f"{_W}pPr")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        num_id = _val(num_pr.find(f"{_W}numId")) if num_pr is not None else None
        ilvl = _int(num_pr.find(f"{_W}ilvl")) if num_pr is not None else None
        style_id = _val(ppr.find(f"{_W}pStyle")) if ppr is not None else None
        style_id = style_id or self.styles.default
        if num_id is None or ilvl is None:
            style_num, style_ilvl = self.styles.numbering(style_id)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        num = self.numbering.get(num_id or "")
        if num is None:
            return ""  # no numbering, or numId 0: numbering switched off
        if ilvl is None:
            ilvl = num.level_for_style(style_id)
        ilvl = min(max(ilvl, 0), _MAX_LEVELS - 1)
        level = num.levels[ilvl]
        if level is None or level.fmt == "bullet":
            return ""  # a bullet is not a marker
        values = self._count(num_id or "", num, ilvl, level)
        text = self._render(num, level, values)
        return text + level.suffix if text else ""

    def _count(self, num_id: str, num: _List, ilvl: int, level: _Level) -> list[int | None]:
        """Advance the counter of `ilvl` and reset the deeper ones it restarts.

        Lists that share an abstract definition share counters, as in Word; a w:num's
        startOverride restarts its level the first time that w:num is used at it.
        """
        counter = self.counters.setdefault(num.abstract, _Counter())
        values = counter.values
        if ilvl in num.start_overrides and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            values[ilvl] = num.start_overrides[ilvl]
        else:
            current = values[ilvl]
            values[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            restart = num.level(deeper).restart
            if restart is None or (restart != 0 and ilvl < restart):
                values[deeper] = None
        return values

    def _render(self, num: _List, level: _Level, values: list[int | None]) -> str:
        """lvlText with %1…%9 replaced by the counters of levels 0…8 in their formats (all in
        Arabic digits on a legal-style level, w:isLgl)."""
        out: list[str] = []
        text = level.text
        i = 0
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
                k = int(text[i + 1]) - 1
                other = num.level(k)
                value = values[k]
                n = value if value is not None else other.start
                out.append(str(n) if level.legal else render_number(n, other.fmt))
                i += 2
            else:
                out.append(text[i])
                i += 1
        return "".join(out)


# ── What was skipped ────────────────────────────────────────────────────────────────────────


def _count_elements(root: ET.Element | None, tag: str) -> int:
    return sum(1 for _ in root.iter(tag)) if root is not None else 0


def _notes(root: ET.Element | None, tag: str) -> int:
    """Footnotes or endnotes, not counting the separators Word keeps among them."""
    if root is None:
        return 0
    return sum(1 for note in root.iter(tag) if note.get(f"{_W}type") in (None, "normal"))


def _has_text(part: ET.Element) -> bool:
    return any((t.text or "").strip() for t in part.iter(f"{_W}t"))


def _skipped_message(skipped: Counter[str]) -> str:
    items: list[str] = []
    for name in ("comment", "deleted run", "hidden run", "footnote", "endnote"):
        if skipped[name]:
            items.append(f"{skipped[name]} {name}{'s' if skipped[name] > 1 else ''}")
    for name in ("header", "footer"):
        if skipped[name]:
            items.append(name if skipped[name] == 1 else f"{skipped[name]} {name}s")
    if not items:
        return ""
    listed = items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
    return f"skipped {listed}"
