"""Triggers: the literal strings a pattern cannot match without, and the scan that finds them.

The boilerplate stage tries its rows only where a row's trigger occurs, so a trigger set that
misses a match would silently keep an ad in the speech: these tests check soundness."""

from __future__ import annotations

import importlib.util

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import boilerplate, regions
from extractor._triggers import SKELETONS, TRIES, TRIGGERS
from extractor.boilerplate import BOILERPLATE_RULES, strip_boilerplate
from extractor.source import Source, split_lines
from extractor.triggers import (
    ODD_CASE,
    Scanner,
    derive,
    derive_openers,
    derive_reaches,
    derive_skeleton,
    lead,
    plain_pattern,
    reaches,
    skeleton,
    trie,
    triggers,
)
from tests.conftest import ROOT


def test_committed_table_is_current() -> None:
    """extractor/_triggers.py holds the triggers of every pattern a run asks about, as derived
    from the rows as they are now."""
    spec = importlib.util.spec_from_file_location("gen", ROOT / "tools" / "gen_triggers.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    committed = (ROOT / "extractor" / "_triggers.py").read_text(encoding="utf-8")
    assert committed == generator.render(), "run: .venv/bin/python tools/gen_triggers.py"
    assert set(TRIGGERS) == set(generator.patterns())


def test_a_pattern_the_table_does_not_hold_is_derived() -> None:
    pattern = "(?:本站|本网)(?:提供|推荐)\\s*文章"
    assert pattern not in TRIGGERS
    assert triggers(pattern) == derive(pattern) == {"本站提供", "本站推荐", "本网提供", "本网推荐"}
    for rule in BOILERPLATE_RULES:
        assert triggers(rule.pattern) == derive(rule.pattern), rule.reason


def test_a_trie_the_table_does_not_hold_is_built() -> None:
    strings = ("本站提供", "本网", "本站推荐")
    assert tuple(sorted(strings)) not in TRIES
    assert trie(strings) == "本(?:站(?:推荐|提供)|网)"  # in code point order
    assert TRIES, "the boilerplate scan's trie is generated"


def test_triggers_of_small_patterns() -> None:
    assert triggers("(?:本站|本网)(?:提供|推荐)") == {
        "本站提供",
        "本站推荐",
        "本网提供",
        "本网推荐",
    }
    assert triggers(r"加(?:入)?群") == {"加群", "加入群"}
    assert triggers(r"^\s*第\d+页$") == {"页"}  # a tie goes to the later part
    assert triggers(r"(?:qq|微信)\s*:") == {"qq", "微信"}
    assert triggers(r"a?b*") is None  # nothing is required
    assert triggers(r"\d+|版权") is None  # one branch requires nothing literal
    assert triggers(r"\p{Han}+") is None  # not readable by `re`: no triggers, search everywhere


def test_a_trigger_that_holds_another_is_left_out() -> None:
    # Text that holds 「还有差距」 holds 「差距」: the set needs only the shorter.
    assert derive("还有差距|(?:也|仍)有[^。]{0,8}差距|差距") == {"差距"}
    # The editor's note: past sixty spellings that all hold 「小编」, the rare noun is chosen
    # over the verbs after it (准备, 带来, 整理, …).
    (editors_note,) = [r for r in BOILERPLATE_RULES if r.pattern.startswith("小编")]
    found = triggers(editors_note.pattern)
    assert found is not None and "小编" in found and not {"准备", "带来", "整理"} & found


def test_triggers_spend_little_on_what_is_common() -> None:
    # A string that opens with 「，」 is found hardly less often, and a scan stops at each.
    assert triggers("有的[^。]{2,40}[,;]有的") == {"有的"}
    # 「工作」 and 「情况」 are among the commonest words: the rarer part is chosen.
    assert triggers("(?:回顾|总结)[^。]{0,30}?(?:过去|以来)[^。]{0,12}?的?(?:工作|情况)") == {
        "过去",
        "以来",
    }


def test_reaches_bound_where_a_trigger_stands_in_a_match() -> None:
    assert derive_reaches("(?:本站|本网)提供") == {"本站提供": 0, "本网提供": 0}
    assert derive_reaches("我[^。]{2,4}?提出批评") == {"提出批评": 5}
    # The trigger comes before the open-ended part: the part after it bounds nothing.
    assert derive_reaches("值得注意的是\\s*有的") == {"值得注意的是": 0}
    assert derive_reaches("(?:19|20)[0-9]{2}年|去年") == {"19": 0, "20": 0, "去年": 0}
    # 「差距」 stands for 「还有差距」 too (see `_pruned`), two characters further in.
    assert derive_reaches("还有差距|差距") == {"差距": 2}
    # An open-ended part before the trigger: no bound.
    assert derive_reaches(".*版权") is None
    assert derive_reaches("版权\\s*所有") is None


def test_openers_are_the_characters_a_match_opens_with() -> None:
    assert derive_openers("(?:本站|本网)提供") == {"本"}
    assert derive_openers("(?:(?:今后|为此)[,]?)?要") == {"今", "为", "要"}
    # Look-arounds and anchors consume nothing: the characters after them open the match.
    assert derive_openers("^(?<!不)(?=要求)要求") == {"要"}
    assert derive_openers("以上(?:就|便)?是") == {"以"}


def test_a_pattern_that_may_open_with_many_characters_has_no_openers() -> None:
    assert derive_openers(r"\s*总之") is None  # a category
    assert derive_openers("[^。]+是") is None  # a negated class
    assert derive_openers("[0-9]+年") is None  # a range
    assert derive_openers("(?:总之)?") is None  # a match may be empty
    assert derive_openers("(?i)qq") is None  # another case may open it
    assert derive_openers(r"\p{Han}+") is None  # not readable by `re`


_PROBLEM_HINT = regions.hint_patterns(regions._PROBLEM_PATTERNS)[0]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "有的",
                "单位",
                "，",
                "；",
                "我们",
                "想",
                "就",
                "工作",
                "提出批评",
                "值得注意的是",
                " ",
                "同",
                "先进地区",
                "的",
                "差距",
                "还很大",
                "存在",
                "问题",
                "不足",
                "。",
            ]
        ),
        max_size=30,
    )
)
def test_a_problem_cue_holds_a_trigger_within_its_reach(pieces: list[str]) -> None:
    """Every match of the problem cues holds one of their triggers no further from its start
    than that trigger's reach: the search for a cue may start that far before the first."""
    text = "".join(pieces)
    reach = reaches(_PROBLEM_HINT)
    assert reach is not None and set(reach) == triggers(_PROBLEM_HINT)
    for m in regex.finditer(_PROBLEM_HINT, text, overlapped=True):
        assert any(
            text.startswith(string, at) and at + len(string) <= m.end()
            for string, n in reach.items()
            for at in range(m.start(), m.start() + n + 1)
        ), m.group()


def test_every_boilerplate_row_has_triggers_found_in_its_examples() -> None:
    # A row without triggers would make every paragraph a candidate again.
    for rule in BOILERPLATE_RULES:
        found = triggers(rule.pattern)
        assert found, rule.reason
        for example in rule.examples:
            folded = Source.from_text(example).folded
            assert Scanner(found).spans(folded), (rule.reason, example)


def test_odd_case_lists_every_non_ascii_character_ignorecase_equates_with_a_letter() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    found: dict[str, set[str]] = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        pattern = regex.compile(letter, regex.IGNORECASE)
        others = {m.group() for m in pattern.finditer(every)} - {letter, letter.upper()}
        if others:
            found[letter] = others
    assert found == {k: {v} for k, v in ODD_CASE.items()}


def test_uncased_trigger_characters_equal_only_themselves_under_ignorecase() -> None:
    every = "".join(chr(c) for c in range(0x2000, 0x10000) if not 0xD800 <= c < 0xE000)
    every += "".join(chr(c) for c in range(0x2000))
    chars = {c for rule in BOILERPLATE_RULES for t in triggers(rule.pattern) or () for c in t}
    for c in sorted(chars):
        if c.lower() != c.upper() or c.lower() in ODD_CASE:
            continue
        matched = {m.group() for m in regex.finditer(regex.escape(c), every, regex.IGNORECASE)}
        assert matched == {c}


def test_a_cased_trigger_is_found_in_any_case_and_after_han_characters() -> None:
    scanner = Scanner({"加qq群", "copyright", "版权所有"})
    text = "欢迎加QQ群：123。CopyRight 2024，版权所有。加强领导。"
    spans = scanner.spans(text)
    assert [text[s:e] for s, e in spans] == ["Q", "C", "版权所有"]
    assert scanner.spans("加强领导，群众满意。") == []


def test_a_stretch_holds_a_string_only_when_it_stands_wholly_inside() -> None:
    scanner = Scanner({"加qq群", "版权所有"})
    text = "会议结束。欢迎加QQ群交流，版权所有。"
    qq, rights = text.index("加"), text.index("版权")
    assert scanner.holds(text, qq, qq + 4)
    assert not scanner.holds(text, qq + 1, len(text) - 5)  # the cased string, cut at its start
    assert not scanner.holds(text, 0, qq + 3)  # and at its end
    assert scanner.holds(text, rights, rights + 4)
    assert not scanner.holds(text, rights, rights + 3)
    assert not scanner.holds("加强领导，群众满意。", 0, 10)
    # A letter no cased string stands around does not hide a string after it.
    assert scanner.holds("Q版权所有", 0, 5)
    assert not scanner.holds("Q版权所", 0, 4)


def test_openings_name_the_shortest_string_at_every_position_inside_the_stretch() -> None:
    scanner = Scanner({"本站", "本站提供", "提供代写", "版权所有", "加qq群"})
    text = "本站提供代写服务，版权所有。加QQ群"
    # and whether a letter a cased string could open with stands in the stretch
    assert scanner.openings(text, 0, len(text)) == (["本站", "提供代写", "版权所有"], True)
    assert scanner.openings(text, 1, 12) == (["提供代写"], False)  # 「版权所有」 runs past 12
    assert scanner.openings(text, 0, len(text) - 3) == (["本站", "提供代写", "版权所有"], False)


ALPHABET = st.sampled_from(
    [
        "本站",
        "提供",
        "代写",
        "专业",
        "推荐阅读",
        "相关",
        "阅读",
        "Q",
        "q",
        "群",
        "加",
        "版权",
        "所有",
        "。",
        "，",
        "\n",
        "　",
        "下载",
        "全文",
        "共",
        "页",
        "3",
        "—",
        "WWW.",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40))
def test_the_candidate_scan_never_hides_a_match(pieces: list[str]) -> None:
    """Every paragraph some row matches is among the candidates the trigger scan selects."""
    lines = split_lines(Source.from_text("".join(pieces)))
    candidates = {line.number for _, line, _ in boilerplate._candidates(lines)}
    for line in lines:
        body = line.source.folded[line.body : line.end]
        tail = boilerplate._tail_start(line) - line.body
        rows = boilerplate._LINE_RULES
        matched = any(boilerplate._compiled(r.pattern).search(body, tail) for r in rows)
        if matched:
            assert line.number in candidates, body


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40))
def test_the_rows_tried_on_a_paragraph_hold_every_row_that_matches_it(pieces: list[str]) -> None:
    """Every row that matches a paragraph's tail is among the rows the trigger scan tries."""
    for line in split_lines(Source.from_text("".join(pieces))):
        folded = line.source.folded
        body = folded[line.body : line.end]
        tail = boilerplate._tail_start(line) - line.body
        tried = boilerplate._rows_to_try(line)
        assert tried == sorted(set(tried))
        for row, rule in enumerate(boilerplate._LINE_RULES):
            if boilerplate._compiled(rule.pattern).search(body, tail):
                assert row in tried, (rule.pattern, body)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40))
def test_the_candidates_carry_the_rows_to_try_on_their_tails(pieces: list[str]) -> None:
    """The rows a candidate comes with are those `_rows_to_try` reads from its tail and, in a
    paragraph searched whole, its first character."""
    lines = split_lines(Source.from_text("".join(pieces)))
    candidates = {line.number: rows for _, line, rows in boilerplate._candidates(lines)}
    for line in lines:
        rows = boilerplate._rows_to_try(line) if line.body < line.end else []
        assert candidates.get(line.number, []) == rows


def test_a_trigger_inside_a_longer_one_selects_the_rows_of_both() -> None:
    # 「本站提供」 holds 「本站」 as the scan reports it; 「提供代写」 opens inside it.
    text = "本站提供代写服务"
    rows = boilerplate._rows_to_try(split_lines(Source.from_text(text))[0])
    for row, rule in enumerate(boilerplate._LINE_RULES):
        if boilerplate._compiled(rule.pattern).search(text):
            assert row in rows
    assert len(rows) < len(boilerplate._LINE_RULES)


def test_overlapping_triggers_still_select_their_paragraph() -> None:
    # 「本站提供」 (an ad) overlaps 「提供代写」's first half; both rows must still be tried.
    text = "同志们：\n一、加强领导\n本站提供代写服务\n"
    _, removed = strip_boilerplate(split_lines(Source.from_text(text)))
    assert [text[r.start : r.end] for r in removed] == ["本站提供代写服务"]


@settings(max_examples=300, deadline=None)
@given(
    st.frozensets(st.text(alphabet="一是问题存在不足ab", min_size=1, max_size=4), min_size=1),
    st.text(alphabet="一是问题存在不足ab，。", max_size=30),
)
def test_a_plain_pattern_finds_a_text_exactly_when_it_holds_one_of_the_strings(
    strings: frozenset[str], text: str
) -> None:
    assert (plain_pattern(strings).search(text) is not None) is any(s in text for s in strings)


@settings(max_examples=300, deadline=None)
@given(
    st.frozensets(
        st.text(alphabet="【】本站提供代写版权所有—", min_size=1, max_size=4), min_size=1
    ),
    st.text(alphabet="【】本站提供代写版权所有—，。会议", max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_a_stretch_holds_a_plain_string_exactly_when_one_stands_wholly_inside_it(
    strings: frozenset[str], text: str, start: int, end: int
) -> None:
    # Strings of one character and longer ones opening with them, as the boilerplate
    # triggers mix them (【, 【字号); the scan for `holds` is built apart from the trie.
    scanner = Scanner(strings)
    inside = text[start:end] if start <= end else ""
    assert scanner.holds(text, start, end) is any(s in inside for s in strings)
    # and the shortest string opening at each position of the stretch, ending inside it
    shortest = [
        min((s for s in strings if inside.startswith(s, i)), key=len)
        for i in range(len(inside))
        if any(inside.startswith(s, i) for s in strings)
    ]
    assert scanner.openings(text, start, end) == (shortest, False)


def test_a_skeleton_is_the_pattern_without_its_look_arounds() -> None:
    assert derive_skeleton(r"(?<!克服)(?:问题|不足)(?!的)") == "(?:问题|不足)"
    assert derive_skeleton(r"(?=(?:差距|短板))(?<!补齐[^。]{0,4})(?:差距|短板)") == "(?:差距|短板)"
    plain = r"值得注意的是[,]?\s*(?:有的|有些)"
    assert derive_skeleton(plain) == plain
    # The look-around's brackets, classes and escapes do not end it early.
    assert derive_skeleton(r"过去(?![)\]](?:a|\())年") == "过去年"


def test_a_pattern_whose_rest_could_reject_a_match_has_no_skeleton() -> None:
    assert derive_skeleton(r"^要求") is None  # an anchor
    assert derive_skeleton(r"[^\s]要") is None  # `re`'s \s holds more: its negation less
    assert derive_skeleton(r"\p{Han}{2}会议") is None  # not readable by `re`
    assert derive_skeleton(r"(?i)qq") is None  # a flag
    assert derive_skeleton(r"(?>会议)") is None  # an atomic group
    assert derive_skeleton(r"(要|应)\1") is None  # a reference


def test_re_reads_the_white_space_of_a_skeleton_as_regex_does_or_wider() -> None:
    """A skeleton keeps \\s only where more of it means more matches; \\d, which `regex`
    reads more widely, not at all."""
    import re

    assert all(re.match(r"\s", c) for c in map(chr, range(0x110000)) if regex.match(r"\s", c))
    assert derive_skeleton(r"[0-9]+年") == "[0-9]+年"
    assert derive_skeleton(r"\d+年") is None


# Pieces of the searched rows' words, and the words around them that their look-arounds read.
_SEARCHED_PIECES = st.sampled_from(
    [
        *"不还也仍有但是要的了，。；：\u3000 ",
        *("问题", "不足", "差距", "困难", "存在", "解决", "克服", "针对", "面临", "挑战"),
        *("有的", "情况下", "我们", "看到", "必须", "突出", "严重", "忽视", "不够", "缺乏"),
        *("过去", "五年", "年来", "以来", "回顾", "工作", "取得了", "成绩", "成效", "进展"),
        *("主要任务是", "这次会议", "2020年", "去年", "完成", "对", "将"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SEARCHED_PIECES, max_size=16), st.integers(0, 60))
def test_a_skeleton_matches_wherever_its_row_matches(pieces: list[str], cut: int) -> None:
    """Where a searched row matches, its skeleton matches: at the same position, by the
    same end."""
    import re

    text = "".join(pieces)
    end = min(cut, len(text))
    for row in regions.SEARCHED:
        found = skeleton(row.pattern)
        assert found is not None, row.pattern
        plain = re.compile(found)
        for position in range(end):
            if row.compiled.match(text, position, end):
                assert plain.match(text, position, end), (row.pattern, text, position)


def test_the_committed_skeletons_are_derived_from_the_rows() -> None:
    for row in regions.SEARCHED:
        assert SKELETONS[row.pattern] == derive_skeleton(row.pattern)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="【】本站提供代写版权所有加qQ群—，。会议", max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_held_openings_are_the_openings_of_a_stretch_that_holds_a_string(
    text: str, start: int, end: int
) -> None:
    scanner = Scanner(
        {"【", "【字号", "本站", "本站提供", "提供代写", "版权所有", "加qq群", "qq群"}
    )
    held = scanner.held_openings(text, start, end)
    if scanner.holds(text, start, end):
        assert held == scanner.openings(text, start, end)
    else:
        assert held is None


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"qQcCvVwWpPsSiI(ſKİ©) ：:",
                *("GDP", "APP", "PPT", "vip", "VIP", "QQ", "(C)", "copyright", "www.", "Http://"),
                *("word", "WORD版下载", "icp备", "v信", "会议", "版权所有", "全文", "，", "。"),
            ]
        ),
        max_size=20,
    ).map("".join),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_the_boilerplate_scan_holds_what_it_reads_among_letters(
    text: str, start: int, end: int
) -> None:
    """Where only letters stand, `held_openings` asks for a cased string among all of them at
    once; `holds` asks letter by letter, from where each string would open around it."""
    scanner = boilerplate._SCANNER
    held = scanner.held_openings(text, start, end)
    if scanner.holds(text, start, end):
        assert held == scanner.openings(text, start, end)
    else:
        assert held is None


@pytest.mark.parametrize(
    ("pattern", "first", "pairs"),
    [
        (r"^a|^b", "[ab]", "[ab]"),
        (r"^(?:页|第)\d", "[第页]", r"[第页][\d]"),
        (r"^\s*(?:x|\d+)", r"[\d\sx]", r"[\d]|[\d][\d]|[\s][\d]|[\s][\s]|[\s][x]|[x]"),
        (r"^【?字号", "[【字]", "[【][字]|[字][号]"),
        (r"^[-]{1,3}\s*$", r"[\-]", r"[\-]|[\-][\-]|[\-][\s]"),
        (r"^【[^】]{0,3}】", "[【]", "[【](?s:.)|[【][】]"),
    ],
)
def test_the_lead_of_a_pattern(pattern: str, first: str, pairs: str) -> None:
    assert lead(pattern) == (first, pairs)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:^|(?<=。))a",  # may match after a stop
        r"^a|b",
        r"^[^。]{0,6}a",  # opens with nearly anything
        r"^[一-龥]a",
        r"^\S",
        r"^a?$",  # may be empty
        r"^.",
        r"(?i)^a",
        r"^(?:a?|b?)*c",  # unrolls without end
    ],
)
def test_a_pattern_that_may_open_anywhere_or_with_anything_has_no_lead(pattern: str) -> None:
    assert lead(pattern) is None


_LED = (
    r"^a|^b",
    r"^(?:页|第)\d",
    r"^\s*(?:x|\d+)",
    r"^【?字号",
    r"^【[^】]{0,3}】",
    r"^-{1,3}\s*$",
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1２ ａ\u3000\u2003xyXY页第字号【】-", max_size=8))
def test_a_led_pattern_matches_only_at_the_start_and_where_its_lead_does(text: str) -> None:
    for pattern in _LED:
        found = lead(pattern)
        assert found is not None
        first, pairs = (regex.compile(p, regex.IGNORECASE) for p in found)
        compiled = regex.compile(pattern, regex.IGNORECASE)
        if compiled.search(text):
            assert first.match(text[:1]), (pattern, text)
            assert pairs.match(text[:2]), (pattern, text)
        assert not any(compiled.search(text, at) for at in range(1, len(text) + 1))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 100),
            st.lists(ALPHABET, max_size=12),
            st.integers(0, 170),
            st.integers(0, 100),
        )
    )
)
def test_the_candidates_read_a_long_paragraphs_tail_as_rows_to_try_does(
    paragraphs: list[tuple[int, list[str], int, int]],
) -> None:
    """Paragraphs longer than MAX_CHARS, their triggers at any distance from the end, spaces
    after some: `_candidates` finds their tails (`_tail_start`, written out there) as
    `_rows_to_try` does."""
    text = "\n".join(
        "经" * before + "".join(pieces) + "济" * after + " " * spaces
        for before, pieces, after, spaces in paragraphs
    )
    lines = split_lines(Source.from_text(text))
    candidates = {line.number: rows for _, line, rows in boilerplate._candidates(lines)}
    for line in lines:
        rows = boilerplate._rows_to_try(line) if line.body < line.end else []
        assert candidates.get(line.number, []) == rows
