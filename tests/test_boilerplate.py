"""Boilerplate rules: each table row on its own examples, rows together on micro-cases, and the
outline around what is removed."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import parse, patterns
from extractor.boilerplate import (
    _CUT_STRINGS,
    _CUT_TRIGGERS,
    BOILERPLATE_RULES,
    BoilerplateRule,
    _compiled,
    _cut_triggers,
    _leftmost,
    strip_boilerplate,
)
from extractor.source import Source, split_lines
from schemas import RemovedReason
from tests.conftest import MicroCase, load_cases
from tests.invariants import check_invariants


def removed_in(text: str) -> list[tuple[RemovedReason, str]]:
    _, removed = strip_boilerplate(split_lines(Source.from_text(text)))
    return [(r.reason, text[r.start : r.end]) for r in removed]


ROW_EXAMPLES = [(rule, ex) for rule in BOILERPLATE_RULES for ex in rule.examples]
ROW_COUNTEREXAMPLES = [(rule, ex) for rule in BOILERPLATE_RULES for ex in rule.counterexamples]


def test_every_reason_has_a_row() -> None:
    assert {r.reason for r in BOILERPLATE_RULES} == set(RemovedReason)


@pytest.mark.parametrize(
    ("rule", "example"), ROW_EXAMPLES, ids=[f"{r.reason}:{e[:12]}" for r, e in ROW_EXAMPLES]
)
def test_row_removes_its_examples(rule: BoilerplateRule, example: str) -> None:
    source = Source.from_text(example)
    assert regex.search(rule.pattern, source.folded, regex.IGNORECASE), "the row itself matches"
    assert [text for _, text in removed_in(example)] == [example.rstrip()]


@pytest.mark.parametrize(
    ("rule", "example"),
    ROW_COUNTEREXAMPLES,
    ids=[f"{r.reason}:{e[:12]}" for r, e in ROW_COUNTEREXAMPLES],
)
def test_row_keeps_its_counterexamples(rule: BoilerplateRule, example: str) -> None:
    assert removed_in(example) == []


@pytest.mark.parametrize("case", load_cases("boilerplate.txt"), ids=lambda c: c.id)
def test_micro_case(case: MicroCase) -> None:
    found = [f"{reason}: {text}".replace("\n", "\\n") for reason, text in removed_in(case.input)]
    assert (found or ["(none)"]) == case.expected, case.title


SPEECH_WITH_ADS = """仅供学习 禁止外传
某某材料网
现在订阅立享全部范文资料
【限时优惠】

区委书记在全区安全生产工作会议上的讲话
同志们：
一、认清形势
今年以来，全区安全生产形势总体平稳。
二、压实责任
一是压实属地责任。二是压实部门监管责任。
推荐阅读：
1.在全区防汛工作会议上的讲话
2.在全区消防安全工作会议上的讲话
《在全区安全生产工作会议上的讲话》由互联网用户分享整理。
"""


def test_removed_lines_are_in_the_outline_and_nowhere_else() -> None:
    outline = parse(SPEECH_WITH_ADS)
    check_invariants(outline, SPEECH_WITH_ADS)
    reasons = [r.reason for r in outline.removed]
    assert reasons == [
        RemovedReason.NO_REDISTRIBUTION,
        RemovedReason.AD,
        RemovedReason.SUBSCRIPTION,
        RemovedReason.PROMO_HEADER,
        RemovedReason.RECOMMENDED,
        RemovedReason.USER_SHARED,
    ]
    # The numbered list items are not scanned for markers: only the speech's own headings.
    assert [s.marker.text for s in outline.sections] == ["一、", "二、"]
    # The last section ends before the footer; the preamble starts after the header.
    last = outline.sections[-1]
    assert SPEECH_WITH_ADS[last.span[0] : last.span[1]].endswith("二是压实部门监管责任。")
    assert outline.preamble is not None
    assert outline.preamble.text.startswith("区委书记在全区安全生产工作会议上的讲话")


def test_the_removed_editor_line_keeps_the_title_verbatim() -> None:
    text = "下面是小编为大家整理的在全县教育工作会议上的讲话，供大家参考。\n同志们：\n一、提高认识"
    (removed,) = parse(text).removed
    assert removed.text == "下面是小编为大家整理的在全县教育工作会议上的讲话，供大家参考。"
    assert removed.span == (0, len(removed.text))


def test_a_long_paragraph_of_speech_is_never_removed() -> None:
    long = "要深入学习贯彻党的二十大精神，" * 12 + "如有侵权问题，要依法处理。"
    assert removed_in(long) == []


def test_a_section_ends_before_a_removed_line_that_closes_it() -> None:
    text = (
        "一、认清形势\n全区安全生产形势总体平稳。\n— 2 —\n"
        "二、压实责任\n压实属地责任。\n推荐阅读：\n相关讲话"
    )
    outline = parse(text)
    check_invariants(outline, text)
    first, second = outline.sections
    assert text[first.span[0] : first.span[1]] == "一、认清形势\n全区安全生产形势总体平稳。"
    assert text[second.span[0] : second.span[1]] == "二、压实责任\n压实属地责任。"
    assert [r.reason for r in outline.removed] == [
        RemovedReason.PAGE_NUMBER,
        RemovedReason.RECOMMENDED,
    ]


def test_a_caption_glued_inside_a_crawl_is_cut_out_and_the_next_sentence_opens_its_own_line() -> (
    None
):
    text = (
        "同志们：今天召开全省安全生产工作会议。第一，要压实责任。各级党委要扛起政治责任。"
        "2024年3月5日，全省安全生产工作会议在省城召开。 新华社记者 某某/摄"
        "第二，要排查隐患。对重点行业开展全面排查。"
    )
    outline = parse(text)
    check_invariants(outline, text)
    (caption,) = outline.removed
    assert caption.reason is RemovedReason.PHOTO_CAPTION
    assert caption.text == "2024年3月5日，全省安全生产工作会议在省城召开。 新华社记者 某某/摄"
    # What followed the caption opens a paragraph: its enumeration is found.
    assert [s.marker.text for s in outline.sections] == ["第一，", "第二，"]
    first, second = outline.sections
    assert first.title == "要压实责任"
    assert "摄" not in text[second.span[0] : second.span[1]]


def test_what_follows_the_closing_is_an_appendix_not_the_last_section() -> None:
    text = (
        "各位代表：\n一、过去一年工作回顾\n全省经济运行稳中有进。\n二、今年工作安排\n"
        "（一）扩大有效需求。加力提振消费。\n（二）发展现代产业。培育新兴产业。\n"
        "各位代表！让我们团结奋斗，为谱写新篇章而努力奋斗！\n"
        "附件\n2024年省民生实事\n1.提高城乡低保标准。\n2.新增托育服务机构。\n"
        "名词解释\n1.“两新”：指大规模设备更新和消费品以旧换新。\n"
    )
    outline = parse(text)
    check_invariants(outline, text)
    assert [r.reason for r in outline.removed] == [RemovedReason.APPENDIX] * 2
    last = outline.sections[-1].children[-1]
    assert text[last.span[0] : last.span[1]].startswith("（二）发展现代产业")
    assert "附件" not in text[last.span[0] : last.span[1]]
    assert outline.closing is not None
    assert outline.closing.text.startswith("各位代表！让我们团结奋斗")


def test_a_wiki_licence_is_removed_whole_and_the_closing_is_found() -> None:
    text = (
        "各位代表：\n一、工作回顾\n过去一年，各项工作取得新进展。\n二、今年任务\n要扎实推进各项工作。\n"
        "各位代表！\n奋斗创造历史，实干成就未来！\n\n\n"
        "本作品是某国的\n法律\n、\n法规\n，国家机关的文件。根据该法第五条，本作品不适用于该法，属于\n"
        "公有领域\n。\n\n注：社群认为，公务演讲不总是具有立法性质的文件。\n\nPublic domain\nfalse\n"
    )
    outline = parse(text)
    check_invariants(outline, text)
    (licence,) = outline.removed
    assert licence.reason is RemovedReason.COPYRIGHT
    assert licence.text.startswith("本作品是某国的") and licence.text.endswith("false")
    assert outline.closing is not None
    assert outline.closing.text.endswith("实干成就未来！")


def test_a_zero_width_space_alone_on_a_line_is_in_a_span() -> None:
    text = "\u200b\n\n政府工作报告\n各位代表：\n现在，我代表政府向大会报告工作。\n"
    outline = parse(text)
    check_invariants(outline, text)
    assert [(r.reason, r.span) for r in outline.removed] == [(RemovedReason.STRAY, (0, 1))]


# The rows' own examples and pieces of them, with what stands around a caption's credit and
# date: most texts so built match some row, in a few places.
_PIECES = sorted(
    {
        ex[i : i + n]
        for rule in BOILERPLATE_RULES
        for ex in rule.examples
        for n in (1, 3, 8, len(ex))
        for i in range(len(ex))
    }
    | set("记者摄月日2024年,。!?()/ \n")
)


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_a_row_is_searched_alternative_by_alternative_as_whole(
    text: str, start: int, length: int
) -> None:
    end = min(len(text), start + length)
    for rule in BOILERPLATE_RULES:
        whole = _compiled(rule.pattern).search(text, start, end)
        found = _leftmost(rule.pattern, text, start, end)
        assert (found and found.span()) == (whole and whole.span()), rule.pattern


@given(
    st.lists(
        st.sampled_from([*_CUT_STRINGS, "日", "记", "新华", "中新", "电", "讯", " ", "\n"])
    ).map("".join)
)
def test_the_cut_triggers_are_found_where_they_open(text: str) -> None:
    found = _cut_triggers(text)
    opens = [at for at in range(len(text)) if any(text.startswith(s, at) for s in _CUT_STRINGS)]
    assert found == opens
    assert {m.start() for m in _CUT_TRIGGERS.finditer(text)} <= set(found)


def test_every_photo_caption_holds_its_credit_mark() -> None:
    """Each alternative of the caption row spells 摄 outside any optional part, so a window
    without one holds no caption (see `_first_cut`)."""
    from extractor import boilerplate, patterns
    from extractor.triggers import sre, sre_parse

    (row,) = [r for r in boilerplate._CUT_ROWS if r.reason is RemovedReason.PHOTO_CAPTION]
    for part in patterns.alternatives(row.pattern):
        spelled = [chr(av) for op, av in sre_parse.parse(part) if op is sre.LITERAL]
        assert boilerplate._CREDIT_MARK in spelled, part


# Paragraphs as web copies hold them: the rows' own examples and counterexamples, speech,
# and what may stand before them (indentation of every kind, a bracket, letters of both cases).
_SPEECH = (
    "同志们：",
    "今天我们召开全县经济工作会议，主要任务是总结过去一年的工作。",
    "我们要坚持稳中求进工作总基调，加快推进高质量发展。",
    "第一，抓好项目建设。",
    "（一）持续改善民生。",
    "这是在全县干部大会上的讲话。",
    "本次会议的主要任务是部署全年工作。",
    "2024年，全县地区生产总值增长6.5%。",
    "下面，我讲三点意见。",
    "加大投入力度，全面完成目标任务。",
    "谢谢大家！",
)
_LEADING = ("", " ", "\u3000", "\u00a0", "\u2003", "\x1c", "\u200b", "(", "【", "[", "P", "ſ")


def _paragraph(parts: list[str]) -> str:
    return "".join(parts).replace("\n", "")


_PARAGRAPHS = st.builds(
    lambda lead, parts, trailing: lead + _paragraph(parts) + trailing,
    st.sampled_from(_LEADING),
    st.lists(
        st.sampled_from(
            [*(e for r in BOILERPLATE_RULES for e in (*r.examples, *r.counterexamples)), *_SPEECH]
        ),
        min_size=1,
        max_size=12,
    ),
    # Trailing white space makes no paragraph long (see `_tail_start`).
    st.sampled_from(("", " ", " " * 160)),
).map(lambda p: p.upper() if len(p) % 7 == 0 else p)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PARAGRAPHS, min_size=1, max_size=8))
def test_the_rows_tried_on_a_paragraph_hold_every_row_that_matches_its_tail(
    paragraphs: list[str],
) -> None:
    """A row led by its first character (see `triggers.lead`) is tried where it can match: on
    a paragraph searched whole whose first character its lead matches, never on a tail."""
    from extractor import boilerplate

    lines = split_lines(Source.from_text("\n".join(paragraphs)))
    candidates = {line.number: rows for _, line, rows in boilerplate._candidates(lines)}
    for line in lines:
        body = line.source.folded[line.body : line.end]
        tail = boilerplate._tail_start(line) - line.body
        matching = [
            row
            for row, rule in enumerate(boilerplate._LINE_RULES)
            if _compiled(rule.pattern).search(body, tail)
        ]
        tried = candidates.get(line.number, [])
        assert tried == sorted(set(tried))
        assert set(matching) <= set(tried), (body, matching, tried)
        assert boilerplate._match(line, tried) == boilerplate._match(
            line, range(len(boilerplate._LINE_RULES))
        )


def test_the_rows_led_by_a_first_character_are_the_anchored_ones() -> None:
    """The rows with a lead: page numbers, a site's fields and buttons, notes' marks, stray
    marks, promo headers and a wiki's foot; a row that may match inside a paragraph has none."""
    from extractor import boilerplate

    led = {row for row, found in enumerate(boilerplate._LEADS) if found is not None}
    reasons = {boilerplate._LINE_RULES[row].reason for row in led}
    assert RemovedReason.PAGE_NUMBER in reasons and RemovedReason.STRAY in reasons
    for row in led:
        pattern = boilerplate._LINE_RULES[row].pattern
        assert all(part.startswith("^") for part in patterns.alternatives(pattern)), pattern
    for rule in boilerplate._LINE_RULES:
        if rule.reason in (RemovedReason.URL, RemovedReason.RECOMMENDED, RemovedReason.AD):
            assert boilerplate._LEADS[boilerplate._LINE_RULES.index(rule)] is None


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("— 3 —", {"page_number"}),
        ("Page 7 of 20", {"page_number"}),
        ("PAGE 7", {"page_number"}),
        ("\u3000【字体：小 中 大】", {"navigation", "promo_header"}),
        ("我要纠错", {"navigation"}),
        ("我们要坚持稳中求进工作总基调。", set()),  # 「我要纠错」 opens with 我, not with 我们
        ("（一）持续改善民生。", set()),  # 「（责任编辑：…）」 opens with （, not with （一
        ("（责任编辑：张三）", {"navigation"}),
        ("同志们：", set()),
        ("↑", {"endnote"}),
    ],
)
def test_a_short_paragraph_is_tried_on_the_rows_its_first_character_leads(
    text: str, rows: set[str]
) -> None:
    from extractor import boilerplate

    (line,) = split_lines(Source.from_text(text))
    led = boilerplate._led_rows(line.source.folded, line.body)
    assert {boilerplate._LINE_RULES[row].reason.value for row in led} == rows
    assert set(led) <= set(boilerplate._rows_to_try(line))
    # A long paragraph's tail is never tried on them: `^` is not where its search starts.
    (long,) = split_lines(Source.from_text(text + "。" + "全县上下要团结一心。" * 20))
    assert not set(led) & set(boilerplate._rows_to_try(long))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"\u200b\u200c\u200d\u2060\ufeff \u3000\t\n", "同志们：", "【", "新华社北京9月22日电"]
        ),
        max_size=30,
    ).map("".join)
)
def test_the_stray_lines_are_those_of_nothing_but_invisible_characters(text: str) -> None:
    """Only a line of invisible characters that fold to spaces can be blank in the folded
    view: a text without any of them holds no stray line, whatever else it holds."""
    from extractor import boilerplate

    # As `strip_boilerplate` reads them: with the datelines a crawl glued on cut out.
    lines, _ = boilerplate._cut_glued(split_lines(Source.from_text(text)))
    strays = [i for i, line in enumerate(lines) if boilerplate._is_stray(line)]
    assert boilerplate._strays(lines) == strays


# A crawl hard-wrapped at 24 characters, a page number between two of its lines: 「一是」's title
# is cut by the wrap just before it.
_WRAPPED_BODY = (
    "今年以来，全市上下认真贯彻落实中央和省委决策部署，经济运行总体平稳，主要指标好于预期，"
    "民生保障持续加强，社会大局和谐稳定。下一步，要重点抓好三项工作：一是加快推进重大项目建设"
    "和产业转型升级，确保年底前全部开工；二是持续优化营商环境，切实减轻企业负担，激发市场主体活力；"
    "三是统筹抓好安全生产和疫情防控，守牢不发生重大事故的底线，确保全市大局稳定。同志们，任务艰巨，"
    "使命光荣，让我们团结一心，奋力开创高质量发展新局面。"
)


def _wrapped_with_page_number() -> str:
    rows = [_WRAPPED_BODY[i : i + 24] for i in range(0, len(_WRAPPED_BODY), 24)]
    at = next(k for k, row in enumerate(rows) if "一是" in row)
    rows.insert(at + 1, "第 2 页 共 5 页")
    return "\n".join(["在全市经济工作会议上的讲话", "同志们：", *rows])


def test_a_wrapped_line_before_a_removed_one_runs_on_into_nothing() -> None:
    text = _wrapped_with_page_number()
    lines = split_lines(Source.from_text(text))
    page = next(i for i, line in enumerate(lines) if line.text == "第 2 页 共 5 页")
    assert lines[page - 1].continues  # read as hard-wrapped
    kept, removed = strip_boilerplate(lines)
    assert [(r.reason, text[r.start : r.end]) for r in removed] == [
        (RemovedReason.PAGE_NUMBER, "第 2 页 共 5 页")
    ]
    before = next(line for line in kept if line.number == lines[page - 1].number)
    assert not before.continues
    # The lines before it still run on as the wrap cut them, and so do the ones after the page.
    assert [line.continues for line in kept if line.number < page - 1][2:] == [True] * (page - 3)
    assert next(line for line in kept if line.number == page + 1).continues


def test_a_title_cut_by_a_wrap_ends_before_a_removed_line() -> None:
    text = _wrapped_with_page_number()
    outline = parse(text)
    check_invariants(outline, text)
    first = outline.sections[0]
    assert (first.marker.text, first.title) == ("一是", "加快推进重大项目建设和产业转型升级，确")
    # The next points' titles still run on over the wrap.
    assert outline.sections[1].title == "持续优化营商环境，切实减轻\n企业负担，激发市场主体活力"
    page = next(r for r in outline.removed if r.reason is RemovedReason.PAGE_NUMBER)
    for section in outline.sections:
        assert section.title_span is not None
        assert section.title_span[1] <= page.span[0] or section.title_span[0] >= page.span[1]
