"""Marker rules: each table row on its own examples, then rows together on micro-cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.markers import MARKER_RULES, Anchor, MarkerRule, scan_markers
from extractor.source import Source, split_lines
from schemas import MarkerKind
from tests.conftest import MicroCase, load_cases


def markers_in(text: str) -> list[tuple[MarkerKind, str, int]]:
    source = Source.from_text(text)
    return [(m.kind, text[m.start : m.end], m.ordinal) for m in scan_markers(split_lines(source))]


ROW_EXAMPLES = [(rule, ex) for rule in MARKER_RULES for ex in rule.examples]
ROW_COUNTEREXAMPLES = [(rule, ex) for rule in MARKER_RULES for ex in rule.counterexamples]


def test_every_kind_has_one_row() -> None:
    assert sorted(r.kind for r in MARKER_RULES) == sorted(MarkerKind)


@pytest.mark.parametrize(
    ("rule", "example"), ROW_EXAMPLES, ids=[f"{r.kind}:{e[:12]}" for r, e in ROW_EXAMPLES]
)
def test_row_finds_its_examples(rule: MarkerRule, example: str) -> None:
    kinds = [kind for kind, _, _ in markers_in(example)]
    assert rule.kind in kinds


@pytest.mark.parametrize(
    ("rule", "example"),
    ROW_COUNTEREXAMPLES,
    ids=[f"{r.kind}:{e[:12]}" for r, e in ROW_COUNTEREXAMPLES],
)
def test_row_rejects_its_counterexamples(rule: MarkerRule, example: str) -> None:
    kinds = [kind for kind, _, _ in markers_in(example)]
    assert rule.kind not in kinds


@pytest.mark.parametrize("case", load_cases("markers.txt"), ids=lambda c: c.id)
def test_micro_case(case: MicroCase) -> None:
    found = " | ".join(text for _, text, _ in markers_in(case.input)) or "(none)"
    assert found == case.expected[0], case.title


def test_heading_rows_anchor_at_paragraph_start() -> None:
    heading_rows = [r for r in MARKER_RULES if r.anchor is Anchor.LINE]
    for rule in heading_rows:
        example = rule.examples[0].lstrip("\u3000")
        assert rule.kind not in [k for k, _, _ in markers_in("我们要：" + example)]


@pytest.mark.parametrize(
    ("text", "ordinals"),
    [
        ("一是甲。二是乙。十是丙。十一是丁。二十九是戊。", [1, 2, 10, 11, 29]),
        ("（九十九）其他", [99]),
        ("99.附则", [99]),
        ("参、附则\n貳、其他", [3, 2]),
        ("⑳其他", [20]),
    ],
)
def test_ordinals(text: str, ordinals: list[int]) -> None:
    assert [o for _, _, o in markers_in(text)] == ordinals


def test_title_stops_at_sentence_end_outside_quotes() -> None:
    text = "（一）全面加强党的政治领导。习近平总书记指出，“党的政治建设是根本性建设。”"
    lines = split_lines(Source.from_text(text))
    (marker,) = scan_markers(lines)
    assert text[marker.title_start : marker.title_end] == "全面加强党的政治领导"


def test_enumeration_title_is_its_first_sentence_not_the_next_marker() -> None:
    text = "因为：第一，经费困难；第二，“思想混乱。”工会涣散。"
    markers = scan_markers(split_lines(Source.from_text(text)))
    titles = [text[m.title_start : m.title_end] for m in markers]
    assert titles == ["经费困难", "“思想混乱。”工会涣散"]


def test_comma_separated_run_titles_drop_the_comma() -> None:
    text = "三件大事：一是迎来建党一百周年，二是进入新时代，三是完成脱贫攻坚。"
    markers = scan_markers(split_lines(Source.from_text(text)))
    titles = [text[m.title_start : m.title_end] for m in markers]
    assert titles == ["迎来建党一百周年", "进入新时代", "完成脱贫攻坚"]


HAN_ORDINALS = [*"一二三四五六七八九十", *(f"十{d}" for d in "一二三四五六七八九"), "二十"]


def test_a_very_long_paragraph_keeps_every_marker_and_title() -> None:
    # A crawl that lost its line breaks: one paragraph of twenty enumerations, each followed by
    # a long stretch without punctuation, and a heading run inside it.
    filler = "坚持稳中求进工作总基调完整准确全面贯彻新发展理念" * 2_000
    items = [f"{n}是加强{filler}。" for n in HAN_ORDINALS]
    headings = "。一、总体要求。二、重点任务。三、保障措施"
    text = "区委书记在全区经济工作会议上的讲话同志们：" + "".join(items) + headings
    source = Source.from_text(text)
    markers = scan_markers(split_lines(source))
    assert [text[m.start : m.end] for m in markers] == [
        *(f"{n}是" for n in HAN_ORDINALS),
        "一、",
        "二、",
        "三、",
    ]
    for m in markers[:20]:
        assert text[m.title_start : m.title_end] == "加强" + filler
    assert [text[m.title_start : m.title_end] for m in markers[20:]] == [
        "总体要求",
        "重点任务",
        "保障措施",
    ]


def test_a_marker_after_a_megabyte_without_punctuation_is_found() -> None:
    text = "全面加强党的领导" * 125_000 + "。一是压实责任。二是强化督导。"
    assert [t for _, t, _ in markers_in(text)] == ["一是", "二是"]


@pytest.mark.parametrize(
    ("rule", "example"), ROW_EXAMPLES, ids=[f"{r.kind}:{e[:12]}" for r, e in ROW_EXAMPLES]
)
def test_every_marker_opens_with_a_character_the_scan_looks_ahead_for(
    rule: MarkerRule, example: str
) -> None:
    import regex

    from extractor.marker_rules import FIRST_CHARS
    from extractor.source import fold

    found = regex.search(rule.pattern, fold(example))
    assert found is not None
    assert regex.match(FIRST_CHARS, found.group()), found.group()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们看到，一些地方，三个方面，一是抓学习，二是抓落实。", ["一是", "二是"]),
        (
            "会议要求：&nbsp;一是提高站位，一些同志认识不足。"
            "&nbsp; <b>二是</b>压实责任；三是强化督导。",
            ["一是", "二是", "三是"],
        ),
    ],
    ids=["pauses_before_numerals_that_open_no_marker", "markup_between_pause_and_marker"],
)
def test_a_marker_inside_a_paragraph_is_found_among_pauses_that_open_none(
    text: str, expected: list[str]
) -> None:
    assert [t for _, t, _ in markers_in(text)] == expected


def test_the_set_of_marker_openers_is_the_class_the_scan_looks_ahead_for() -> None:
    import regex

    from extractor.marker_rules import FIRST_CHARS, MARKER_OPENERS

    first = regex.compile(FIRST_CHARS)
    assert {c for c in map(chr, range(0x10000)) if first.match(c)} == MARKER_OPENERS


def test_the_scan_for_places_inside_a_paragraph_passes_over_no_marker() -> None:
    """The `re` scans find every pause where the `regex` pattern matches (their rules are
    read as a superset), on every row's examples and counterexamples and the fixtures."""
    from extractor import markers
    from extractor.source import FOLD
    from tests.conftest import ROOT

    texts = [ex for rule in MARKER_RULES for ex in (*rule.examples, *rule.counterexamples)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("fixtures/*.txt"))]
    for text in (t.translate(FOLD) for t in texts):
        for inside, scans in markers._MAY_HOLD.items():
            found = {m.start() for scan in scans for m in scan.finditer(text)}
            matched = {i for i in range(len(text)) if inside.match(text, i)}
            assert matched <= found


@given(st.text(alphabet=st.sampled_from("。;!:?,摄 <&一二1（第、是其x"), max_size=40))
def test_the_candidates_are_every_place_a_pause_scan_finds_from_the_start(text: str) -> None:
    """`_candidates` passes over the pauses absent from the text and starts each scan at its
    pause: it finds what every scan finds over the whole text, in order."""
    from extractor import markers

    for inside, scans in markers._MAY_HOLD.items():
        expected = sorted(m.start() for scan in scans for m in scan.finditer(text))
        assert markers._candidates(text, inside) == expected


def test_white_space_to_regex_is_white_space_to_str() -> None:
    """A title's start skips the layout pattern where `str.isspace` sees no white space."""
    import sys

    import regex

    space = regex.compile(r"\s")
    assert all(c.isspace() for c in map(chr, range(sys.maxunicode + 1)) if space.match(c))


def test_a_paragraph_opening_with_no_marker_character_has_no_marker() -> None:
    from extractor.marker_rules import kind_at

    text = "　　同志们：一、二季度全区经济运行总体平稳。"
    assert kind_at(text, 2, len(text)) is None
    assert kind_at("一、强化政治引领", 0, 8) is MarkerKind.HAN_COMMA
    assert kind_at("一、强化政治引领", 0, 0) is None


def titles_in(text: str) -> list[tuple[str, str]]:
    markers = scan_markers(split_lines(Source.from_text(text)))
    return [(text[m.start : m.end], text[m.title_start : m.title_end]) for m in markers]


def test_a_title_stops_before_the_closing_tag() -> None:
    text = "<b>一、关于解放思想问题</b>　　解放思想是前提。\n<b>二、关于作风问题</b>"
    assert titles_in(text) == [("一、", "关于解放思想问题"), ("二、", "关于作风问题")]


def test_a_bare_numeral_titles_the_rest_of_its_line_or_nothing() -> None:
    text = "　　一　政权的实质是民主\n　　正文。\n　　二　　　\n　　党要善于领导。"
    assert titles_in(text) == [("一", "政权的实质是民主"), ("二", "")]


def test_a_part_titles_what_follows_its_colon_to_the_first_full_stop() -> None:
    text = "第一个问题：关于形势和任务。形势很好。\n第二个问题：关于作风建设"
    assert titles_in(text) == [("第一个问题：", "关于形势和任务"), ("第二个问题：", "关于作风建设")]


def test_a_bracket_cut_by_a_wrap_is_one_marker_across_the_line_break() -> None:
    text = "（二）抓好落实。要压实责任。（\n三）加强督导\n（四）严格考核"
    markers = scan_markers(split_lines(Source.from_text(text)))
    found = [(m.kind, text[m.start : m.end], m.ordinal) for m in markers]
    assert found == [
        (MarkerKind.HAN_PAREN, "（二）", 2),
        (MarkerKind.HAN_PAREN, "（\n三）", 3),
        (MarkerKind.HAN_PAREN, "（四）", 4),
    ]
    # The title before it ends before the bracket, which belongs to the next marker.
    assert text[markers[0].title_start : markers[0].title_end] == "抓好落实"
    assert text[markers[1].title_start : markers[1].title_end] == "加强督导"


def test_an_arabic_bracket_cut_by_a_wrap() -> None:
    assert [t for _, t, _ in markers_in("1．健全机制。（\n2）压实责任")] == ["1．", "（\n2）"]


def test_a_line_ending_in_an_open_bracket_without_a_marker_after_it_is_text() -> None:
    assert markers_in("我们要做到（\n认真学习）") == []


def test_a_marker_after_a_paragraph_ending_with_a_colon_is_announced() -> None:
    text = (
        "主要来源有以下几个：\n\n\u3000\u3000\n一、\n推翻了旧的统治；\n"
        + "二、\n实行了土地改革。\n三、其他"
    )
    markers = scan_markers(split_lines(Source.from_text(text)))
    assert [(text[m.start : m.end], m.announced) for m in markers] == [
        ("一、", True),
        ("二、", False),
        ("三、", False),
    ]


def test_an_enumeration_cut_by_a_hard_wrap_is_one_marker_across_the_break() -> None:
    width = "（一）抓项目建设。要坚持项目为王，一"
    text = (
        f"{width}\n要强化要素保障，二要优化审批服务。\n"
        + "各级领导干部要把思想和行动统一到县\n" * 3
    )
    assert [t for _, t, _ in markers_in(text)] == ["（一）", "一\n要", "二要"]


# Text built from what the scan for places inside a paragraph tells apart: pauses, spaces,
# markup, characters that open a marker or end one, and plain text.
_SCAN_PIECES = st.sampled_from(
    [
        *"。;!:?,摄/ \t一二十第其(1①是要、).的",
        *("<b>", "</b>", "&nbsp;", "一是", "二要", "第一,", "(三)", "1.", "(2)", "其一,"),
        *("三、", "第二部分", "一、两年", "一是一、", "全面加强"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SCAN_PIECES, max_size=40).map("".join))
def test_the_scan_for_places_inside_a_paragraph_finds_what_its_rules_find(text: str) -> None:
    """The scans, each started at its pause's first occurrence and each testing the character
    after a pause before running the rules, find exactly the pauses where the rules (as `re`
    reads them) match, and every place where the `regex` pattern does."""
    import re

    from extractor import markers
    from extractor.marker_rules import FIRST_CHARS
    from extractor.source import MARKUP

    pause = f"[{re.escape(markers._PAUSES)}]"
    rules = markers._INLINE_FOR_RE
    general = {
        markers._INSIDE: re.compile(rf"{pause}(?=[ \t]*(?={FIRST_CHARS})(?:{rules}))"),
        markers._INSIDE_MARKUP: re.compile(
            rf"{pause}(?=[ \t]*(?:(?=[<&])(?:{MARKUP})[ \t]*)*(?={FIRST_CHARS})(?:{rules}))"
        ),
    }
    for inside, scan in general.items():
        found = markers._candidates(text, inside)
        assert found == [m.start() for m in scan.finditer(text)]
        assert {i for i in range(len(text)) if inside.match(text, i)} <= set(found)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*'()“”「」『』《》【】"。!?;<>/aZ9 一是', "</b>"])).map("".join))
def test_the_brackets_and_title_stops_read_the_same_in_re_as_in_regex(text: str) -> None:
    """Brackets and a title's stops are found with `re`; `regex` reads their patterns alike."""
    import regex

    from extractor import markers

    for pattern in (markers._BRACKETS, *markers._TITLE_STOPS.values()):
        general = regex.compile(pattern.pattern)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in general.finditer(text)
        ]


@settings(max_examples=400, deadline=None)
@given(st.lists(_SCAN_PIECES, max_size=30).map("".join))
def test_a_line_is_matched_with_re_as_regex_matches_it(text: str) -> None:
    """At every position the `re` patterns a line is matched with find the marker `regex`
    finds with the rules' own alternation: the same span, kind and numeral."""
    from extractor import markers
    from extractor.marker_rules import AT_START, kind_groups, kind_of

    pairs = [
        (AT_START, markers._AT_START_RE, markers._AT_START_KINDS),
        *(
            (found, markers._INSIDE_RE[found], markers._INSIDE_KINDS[found])
            for found in markers._INSIDE_RE
        ),
    ]
    for general, fast, kinds in pairs:
        groups = kind_groups(general)
        for i in range(len(text) + 1):
            expected = general.match(text, i)
            got = fast.match(text, i)
            assert (got is None) == (expected is None), (general.pattern[:40], i)
            if got is None or expected is None:
                continue
            kind, group, num = kinds[got.lastindex]
            assert got.span() == expected.span()
            assert (kind, *got.span(group)) == kind_of(expected, groups)
            assert got.group(num) == expected.group("num")
