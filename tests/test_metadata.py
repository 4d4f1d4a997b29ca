"""The head of a speech: title, occasion, speaker, date, salutation and purpose, per title form."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import parse
from extractor.lexicon import HEAD_FORMS
from schemas import Excerpt, Outline
from tests.conftest import MicroCase, load_cases

BODY = "一、提高认识\n要统一思想。\n二、狠抓落实\n要压实责任。\n"


def text_of(excerpt: Excerpt | None) -> str | None:
    return excerpt.text if excerpt is not None else None


@pytest.mark.parametrize(
    ("head", "title", "occasion", "speaker"),
    [
        (
            "区委书记在全区优化营商环境攻坚推进会上的讲话\n同志们：\n",
            "区委书记在全区优化营商环境攻坚推进会上的讲话",
            "全区优化营商环境攻坚推进会",
            "区委书记",
        ),
        (
            "在全镇防汛抗旱工作部署会上的讲话\n同志们：\n",
            "在全镇防汛抗旱工作部署会上的讲话",
            "全镇防汛抗旱工作部署会",
            None,
        ),
        (
            "市长李明同志在全市安全生产工作会议上的讲话\n同志们：\n",
            "市长李明同志在全市安全生产工作会议上的讲话",
            "全市安全生产工作会议",
            "市长李明",
        ),
        (
            "陈志强同志在全区抓党建促发展工作会议上的总结讲话\n同志们：\n",
            "陈志强同志在全区抓党建促发展工作会议上的总结讲话",
            "全区抓党建促发展工作会议",
            "陈志强",
        ),
        (
            "张华在全区人才工作会议上的发言\n同志们：\n",
            "张华在全区人才工作会议上的发言",
            "全区人才工作会议",
            "张华",
        ),
        (
            "在2024年全区新春团拜会上的致辞\n各位老领导、同志们、朋友们：\n",
            "在2024年全区新春团拜会上的致辞",
            "2024年全区新春团拜会",
            None,
        ),
        (
            "2024年全区教育工作会议讲话\n同志们：\n",
            "2024年全区教育工作会议讲话",
            "2024年全区教育工作会议",
            None,
        ),
        (
            "凝心聚力　纵深推进全面从严治党\n"
            "——在中国共产党青山县第十五届纪律检查委员会第四次全体会议上的工作报告\n同志们：\n",
            "凝心聚力　纵深推进全面从严治党",
            "中国共产党青山县第十五届纪律检查委员会第四次全体会议",
            None,
        ),
        (
            # A year before 在 is not a speaker.
            "2023年在全区组织宣传统战政法工作会议上讲话\n同志们：\n",
            "2023年在全区组织宣传统战政法工作会议上讲话",
            "全区组织宣传统战政法工作会议",
            None,
        ),
        (
            "坚持系统观念　统筹推进乡村振兴\n——在全县乡村振兴工作会议上的讲话\n"
            "县委书记　王建国\n（2024年2月20日）\n同志们：\n",
            "坚持系统观念　统筹推进乡村振兴",
            "全县乡村振兴工作会议",
            "县委书记　王建国",
        ),
        (
            "下面是小编为大家整理的区委副书记在全区机关作风建设大会上的讲话，供大家参考。\n同志们：\n",
            "区委副书记在全区机关作风建设大会上的讲话",
            "全区机关作风建设大会",
            "区委副书记",
        ),
        (
            "同志们：\n今天，我们召开全县文明城市创建工作推进会，主要目的是统一思想。\n",
            None,
            "全县文明城市创建工作推进会",
            None,
        ),
        (
            # No title, and the meeting only named as 这次会议: nothing is guessed.
            "同志们：\n今天转入第二阶段，召开这次会议的主要任务是总结工作。\n",
            None,
            None,
            None,
        ),
    ],
)
def test_title_forms(
    head: str, title: str | None, occasion: str | None, speaker: str | None
) -> None:
    outline = parse(head + BODY)
    assert text_of(outline.title) == title
    assert text_of(outline.occasion) == occasion
    assert (outline.speaker.text if outline.speaker else None) == speaker


def test_role_and_name_apart() -> None:
    outline = parse("市长李明同志在全市安全生产工作会议上的讲话\n同志们：\n" + BODY)
    assert outline.speaker is not None
    assert text_of(outline.speaker.role) == "市长"
    assert text_of(outline.speaker.name) == "李明"


def test_byline_date_and_subtitle() -> None:
    text = (
        "政府工作报告\n——2024年1月16日在清河市第十七届人民代表大会第四次会议上\n市长　刘洋\n\n"
        "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n" + BODY
    )
    outline = parse(text)
    assert text_of(outline.title) == "政府工作报告"
    assert text_of(outline.occasion) == "清河市第十七届人民代表大会第四次会议"
    assert outline.speaker is not None
    assert (text_of(outline.speaker.role), text_of(outline.speaker.name)) == ("市长", "刘洋")
    assert outline.date is not None
    assert (outline.date.text, outline.date.iso) == ("2024年1月16日", "2024-01-16")
    assert text_of(outline.salutation) == "各位代表"


def test_date_in_han_numerals() -> None:
    outline = parse("在全市工作会议上的讲话\n（二〇二三年三月一日）\n同志们：\n" + BODY)
    assert outline.date is not None
    assert (outline.date.text, outline.date.iso) == ("二〇二三年三月一日", "2023-03-01")


def test_a_byline_without_a_title_is_the_speaker_not_the_title() -> None:
    outline = parse("县委副书记 周文斌\n（2024年3月15日）\n同志们：\n" + BODY)
    assert outline.title is None
    assert outline.speaker is not None
    assert (text_of(outline.speaker.role), text_of(outline.speaker.name)) == (
        "县委副书记",
        "周文斌",
    )


def test_a_subtitle_without_its_dash_still_names_the_occasion() -> None:
    outline = parse(
        "坚持系统观念　统筹推进乡村振兴\n在全县乡村振兴工作会议上的讲话\n同志们：\n" + BODY
    )
    assert text_of(outline.title) == "坚持系统观念　统筹推进乡村振兴"
    assert text_of(outline.occasion) == "全县乡村振兴工作会议"


def test_a_speaker_is_never_inferred_from_the_body() -> None:
    outline = parse("同志们：\n我代表区委，向大家表示感谢。\n" + BODY)
    assert outline.speaker is None
    assert outline.title is None


@pytest.mark.parametrize(
    ("line", "salutation"),
    [
        ("同志们：", "同志们"),
        ("  同志们:", "同志们"),
        ("各位代表：", "各位代表"),
        ("女士们、先生们：", "女士们、先生们"),
        ("同志们、朋友们：", "同志们、朋友们"),
    ],
)
def test_salutation_without_its_colon(line: str, salutation: str) -> None:
    outline = parse("在全市工作会议上的讲话\n" + line + "\n" + BODY)
    assert text_of(outline.salutation) == salutation


def test_purpose_is_the_sentence_stating_the_task() -> None:
    text = (
        "同志们：\n今天，我们召开全区作风建设大会，主要任务是总结工作、部署任务。刚才，大家作了发言。\n"
        + BODY
    )
    assert (
        text_of(parse(text).purpose)
        == "今天，我们召开全区作风建设大会，主要任务是总结工作、部署任务。"
    )


def test_purpose_is_the_first_stating_sentence_after_quotes_and_several_sentences() -> None:
    text = (
        "同志们：\n刚才，大家观看了专题片。“这次会议很重要！”主要目的是统一思想。"
        "这次会议的任务是部署工作。\n" + BODY
    )
    assert text_of(parse(text).purpose) == "主要目的是统一思想。"


def test_the_purpose_phrase_cannot_span_a_sentence_end() -> None:
    """The head's purpose is the sentence the phrase's first match in a paragraph stands in:
    no part of the pattern may match 。！？ (no `.`, negated class or escape; `?` is a quantifier
    there, as the folded ？ would be escaped)."""
    from extractor.lexicon import PURPOSE

    assert not any(c in PURPOSE.pattern for c in "。!.\\")
    assert "[^" not in PURPOSE.pattern


def test_every_salutation_ends_with_a_colon_or_an_exclamation() -> None:
    """The head is searched for a salutation only where a line holds ： or ！."""
    from extractor.lexicon import SALUTATION
    from extractor.source import fold

    assert SALUTATION.pattern.endswith("[:!]")
    for example in SALUTATION.examples:
        folded = fold(example)
        m = SALUTATION.find(folded, 0, len(folded))
        assert m is not None and folded[m.end() - 1] in ":!", example


def test_every_head_field_is_a_slice_of_the_text() -> None:
    text = (
        "坚持系统观念　统筹推进乡村振兴\r\n——在全县乡村振兴工作会议上的讲话\r\n"
        "县委书记　王建国\r\n同志们：\r\n" + BODY
    )
    outline: Outline = parse(text)
    for excerpt in (outline.title, outline.occasion, outline.salutation):
        assert excerpt is not None
        assert text[excerpt.span[0] : excerpt.span[1]] == excerpt.text


HEAD_FIELDS = ("title", "occasion", "speaker", "date", "salutation")


@pytest.mark.parametrize("case", load_cases("head.txt"), ids=lambda c: c.id)
def test_head_case(case: MicroCase) -> None:
    outline = parse(case.input)
    stated = {
        name: getattr(outline, name).text.replace("\n", "\\n")
        for name in HEAD_FIELDS
        if getattr(outline, name) is not None
    }
    expected = dict(line.split(": ", 1) for line in case.expected if line != "(none)")
    assert stated == expected, case.title


# The rows metadata.py searches only where a stretch holds one of the given characters.
HELD_CHARACTERS = [
    ("OPENING_ADDRESS", "_OPENING_ADDRESS_HOLDS"),
    ("GLUED_HEAD", "_GLUED_HEAD_HOLDS"),
    ("NOTE", "_NOTE_HOLDS"),
    ("NOTE_SPEAKER", "_NOTE_HOLDS"),
    ("ORIGINAL_TITLE", "_ORIGINAL_TITLE_HOLDS"),
    ("TITLE_IN_BOILERPLATE", "_TITLE_IN_BOILERPLATE_HOLDS"),
    ("OCCASION_IN_BODY", "_OCCASION_IN_BODY_HOLDS"),
    ("OCCASION_ADDRESSED", "_OCCASION_ADDRESSED_HOLDS"),
    ("OCCASION_OPENING", "_OCCASION_OPENING_HOLDS"),
]


@pytest.mark.parametrize(("row_name", "held_name"), HELD_CHARACTERS)
def test_every_match_of_a_row_holds_one_of_its_characters(row_name: str, held_name: str) -> None:
    from extractor import lexicon, metadata
    from extractor.source import fold

    row = getattr(lexicon, row_name)
    held = getattr(metadata, held_name)
    for example in row.examples:
        folded = fold(example)
        m = row.find(folded, 0, len(folded))
        assert m is not None and any(c in m.group() for c in held), example


@settings(max_examples=60, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize(("row_name", "held_name"), HELD_CHARACTERS)
def test_a_stretch_without_the_characters_holds_no_match(
    row_name: str, held_name: str, data: st.DataObject
) -> None:
    """An example of the row with its held characters replaced by others (of its examples and
    the text's usual punctuation) matches no more: the pre-check skips no stretch that
    matches."""
    from extractor import lexicon, metadata
    from extractor.source import fold

    row = getattr(lexicon, row_name)
    held = getattr(metadata, held_name)
    examples = [fold(e) for e in (*row.examples, *row.counterexamples)]
    alphabet = sorted(({c for e in examples for c in e} | set("—(※*原下今向会,。:")) - set(held))
    example = data.draw(st.sampled_from([fold(e) for e in row.examples]))
    text = "".join(
        data.draw(st.sampled_from(alphabet)) if c in held else c for c in example
    ) + data.draw(st.text(alphabet=alphabet, max_size=20))
    assert not metadata._holds(text, 0, len(text), held)
    assert row.find(text, 0, len(text)) is None


def test_an_endnote_opens_with_one_of_the_characters_looked_for() -> None:
    """The last paragraphs are tried as endnotes only where they open with one of these."""
    from extractor import lexicon, metadata
    from extractor.triggers import openers

    found = openers(lexicon.ENDNOTE.pattern)
    assert found is not None and found <= set(metadata._ENDNOTE_OPENERS)


def test_every_note_says_this_is_or_opens_with_a_dated_bracket() -> None:
    """The note's rows are searched only where a stretch holds 「这是」 and 「*」「※」 or 「(」,
    or a bracketed year."""
    from extractor import lexicon, metadata
    from extractor.source import fold

    for row in (lexicon.NOTE, lexicon.NOTE_SPEAKER):
        for example in row.examples:
            folded = fold(example)
            assert metadata._may_hold_note(folded, 0, len(folded)), example


def _passed_over_holds_no_note(text: str, start: int, end: int) -> None:
    """Where the note check says no, neither of the note's rows matches: in the stretch, and
    in any stretch inside a stretch it says no to (the last paragraphs are looked over
    together)."""
    from extractor import lexicon, metadata

    if not metadata._may_hold_note(text, 0, len(text)):
        assert not metadata._may_hold_note(text, start, end)
    if not metadata._may_hold_note(text, start, end):
        for row in (lexicon.NOTE, lexicon.NOTE_SPEAKER):
            assert row.find(text, start, end) is None, (row.name, text[start:end])


# The characters the note check looks for, and others that stand where they do.
NOTE_OPENINGS = "这是*※( \t2〇年"


def _note_texts() -> list[str]:
    from extractor import lexicon
    from extractor.source import fold

    rows = (lexicon.NOTE, lexicon.NOTE_SPEAKER)
    return [fold(e) for row in rows for e in (*row.examples, *row.counterexamples)]


def test_a_note_with_its_opening_changed_is_passed_over_only_if_it_no_longer_matches() -> None:
    """Each example with one of the characters looked for replaced throughout by another
    (「*这是」 → 「※这是」, 「(2024年」 → 「(2024〇」)."""
    for text in _note_texts():
        for old in NOTE_OPENINGS:
            for new in NOTE_OPENINGS:
                changed = text.replace(old, new)
                _passed_over_holds_no_note(changed, 0, len(changed))


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_stretch_the_note_check_passes_over_holds_no_note(data: st.DataObject) -> None:
    """Examples of the note's rows with characters replaced here and there, and a stretch of
    them."""
    examples = _note_texts()
    alphabet = sorted({c for e in examples for c in e} | set(NOTE_OPENINGS))
    example = data.draw(st.sampled_from(examples))
    changes = data.draw(
        st.dictionaries(st.integers(0, len(example) - 1), st.sampled_from(alphabet))
    )
    text = "".join(changes.get(i, c) for i, c in enumerate(example))
    text += data.draw(st.text(alphabet=alphabet, max_size=12))
    start = data.draw(st.just(0) | st.integers(0, len(text)))
    end = data.draw(st.just(len(text)) | st.integers(start, len(text)))
    _passed_over_holds_no_note(text, start, end)


def test_every_office_of_a_byline_ends_with_a_character_looked_for() -> None:
    from extractor import lexicon, metadata, patterns

    offices = patterns.alternatives(lexicon.ROLE_END.removeprefix("(?:").removesuffix(")"))
    assert offices and {office[-1] for office in offices} <= metadata._ROLE_END_LAST


# Parts that head lines are made of, and characters the checks of the head forms look for.
HEAD_PARTS = (
    *"县市区委书记长主任席员政理专总司令王建国李明张三欧阳小平在上的了会年月日一二三〇",
    *("——", "(", ")", " ", "\t", "·", "2024", "二〇二四", "2024年", "1月", "5日", "同志"),
    *("讲话", "上的讲话", "的讲话", "工作会议", "书记", "主任", "司令员", ",", "。"),
)


@settings(max_examples=500, deadline=None)
@given(
    piece=st.one_of(
        st.lists(st.sampled_from(HEAD_PARTS), max_size=10).map("".join),
        st.sampled_from([e for form in HEAD_FORMS for e in form.examples]),
    )
)
def test_a_piece_a_head_form_check_passes_over_is_not_that_form(piece: str) -> None:
    """Where the check of a head form says no, the form does not match the piece (the piece
    inside a longer text, as the head's lines are)."""
    from extractor import metadata
    from extractor.source import fold

    text = "前言\n" + fold(piece) + "\n后记"
    start, end = 3, 3 + len(piece)
    for form, may_be, _ in metadata._HEAD_FORM_CHECKS:
        if may_be is not None and not may_be(text, start, end):
            assert form.find(text, start, end) is None, (form.name, piece)


def test_every_trigger_of_the_purpose_holds_a_string_looked_for() -> None:
    from extractor import lexicon, metadata
    from extractor.triggers import triggers

    found = triggers(lexicon.PURPOSE.pattern)
    assert found and all(any(s in t for s in metadata._PURPOSE_HOLDS) for t in found)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="主要这次会议今天\n 。,", max_size=60),
    strings=st.lists(st.sampled_from(["主要", "这次会议", "今", "会"]), min_size=1, max_size=3),
)
def test_the_lines_holding_a_string_are_those_a_search_line_by_line_finds(
    text: str, strings: list[str]
) -> None:
    """One find over the lines' stretch and again past each line given skips no line that
    holds a string, and gives lines in order, none twice."""
    from extractor import metadata
    from extractor.source import Source, split_lines

    lines = [ln for ln in split_lines(Source.from_text(text)) if ln.body < ln.end]
    folded = lines[0].source.folded if lines else ""
    given_lines = []
    i = metadata._line_holding(lines, strings, lines[0].body) if lines else -1
    while i >= 0:
        given_lines.append(lines[i])
        i = metadata._line_holding(lines, strings, lines[i].end)
    holding = [ln for ln in lines if any(folded.find(s, ln.body, ln.end) >= 0 for s in strings)]
    assert [ln for ln in given_lines if ln in holding] == holding
    assert all(a.end <= b.body for a, b in pairwise(given_lines))


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_line_that_opens_with_a_bracket_or_a_stop_is_no_glued_head(data: st.DataObject) -> None:
    """GLUED_HEAD is not tried on a line that opens with a character no dateline or title
    opens with: such a line, an example of the row behind it, matches no more."""
    from extractor import lexicon, metadata
    from extractor.source import fold

    opener = data.draw(st.sampled_from(metadata._NOT_GLUED_HEAD_OPENERS))
    example = data.draw(st.sampled_from([fold(e) for e in lexicon.GLUED_HEAD.examples]))
    rest = data.draw(st.text(alphabet="——(※)在上的讲话2025年1月8日电新华社 ,。", max_size=20))
    text = opener + data.draw(st.sampled_from([example, rest, rest + example]))
    assert lexicon.GLUED_HEAD.find(text, 0, len(text)) is None


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="这次本此个一今天年的隆重盛大举行全县会议在京", min_size=1, max_size=24)
)
def test_an_occasion_lead_opens_with_a_word_of_the_lead_or_holds_held_at(text: str) -> None:
    """_occasion tries _OCCASION_LEAD only where the meeting opens with the first character of
    one of its words, or holds 「举行的」."""
    from extractor import metadata

    if text[0] not in metadata._OCCASION_LEAD_OPENERS and metadata._HELD_AT not in text:
        assert metadata._OCCASION_LEAD.match(text, 0, len(text)) is None


def test_every_word_of_the_occasion_lead_opens_with_a_letter() -> None:
    """The lead's words are read for their first characters: each opens with a literal Han
    character, not a group, class or escape."""
    from extractor import lexicon, metadata, patterns

    words = patterns.alternatives(lexicon.OCCASION_LEAD.removeprefix("(?:").removesuffix(")"))
    assert len(words) > 1 and all("\u4e00" <= word[0] <= "\u9fff" for word in words), words
    for word in ("一次", "今天的", "隆重的", "这个"):
        meeting = word + "全县工作会议"
        assert metadata._OCCASION_LEAD.match(meeting, 0, len(meeting)) is not None
        assert word[0] in metadata._OCCASION_LEAD_OPENERS


def _plain_patterns() -> list[tuple[str, str, tuple[str, ...]]]:
    """The plain patterns metadata.py compiles with `re`: each with how it is matched and the
    texts it is meant for."""
    from extractor import lexicon, metadata

    forms = {form.name: form for form in HEAD_FORMS}
    plain = [
        (forms[form.name].pattern, "fullmatch", (*form.examples, *form.counterexamples))
        for form, _, compiled in metadata._HEAD_FORM_CHECKS
        if metadata._is_plain(form.pattern)
    ]
    dates = ("2024年2月20日", "二〇二三年三月一日", "一九四一年五月", "2023年13月40日", "2023年1月")
    purposes = (*lexicon.PURPOSE.examples, *lexicon.PURPOSE.counterexamples)
    sentences = ("今天召开会议。主要目的是“统一思想。”下面，", "同志们！这次会议的任务？是", "")
    return [
        *plain,
        (metadata._DATE_PARTS.pattern, "match", dates),
        (metadata._PURPOSE.pattern, "search", purposes),
        (metadata._FULL_SENTENCE.pattern, "finditer", sentences),
    ]


def test_the_plain_patterns_are_the_rows_and_are_plain() -> None:
    from extractor import lexicon, metadata

    assert metadata._PURPOSE.pattern == lexicon.PURPOSE.pattern
    names = [
        form.name for form, _, _ in metadata._HEAD_FORM_CHECKS if metadata._is_plain(form.pattern)
    ]
    assert "speech_at" in names
    for form, _, find in metadata._HEAD_FORM_CHECKS:
        if metadata._is_plain(form.pattern):
            assert find is not None
            assert find.__self__.pattern == form.pattern  # type: ignore[attr-defined]
        else:
            assert find is (metadata._date_line if form.name == "date" else None)


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_a_plain_pattern_matches_under_re_as_under_regex(data: st.DataObject) -> None:
    """`re` reads the plain patterns as `regex` does: the same match, groups and all, anywhere
    in texts cut from and around the ones they are meant for."""
    import re

    import regex

    from extractor.source import fold

    pattern, how, texts = data.draw(st.sampled_from(_plain_patterns()))
    pieces = [fold(t) for t in texts]
    alphabet = sorted({c for t in pieces for c in t} | set("在上的讲话会议同志年月日。!?,\n "))
    parts = data.draw(
        st.lists(st.one_of(st.sampled_from(pieces), st.text(alphabet=alphabet, max_size=6)))
    )
    text = "".join(parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    under_re, under_regex = re.compile(pattern), regex.compile(pattern)
    if how == "finditer":
        assert [m.regs for m in under_re.finditer(text, start, end)] == [
            m.regs for m in under_regex.finditer(text, start, end)
        ]
        return
    m_re = getattr(under_re, how)(text, start, end)
    m_regex = getattr(under_regex, how)(text, start, end)
    assert (m_re and m_re.regs) == (m_regex and m_regex.regs), (pattern, text[start:end])
    for text in pieces:
        m_re, m_regex = getattr(under_re, how)(text), getattr(under_regex, how)(text)
        assert (m_re and m_re.regs) == (m_regex and m_regex.regs), (pattern, text)


@settings(max_examples=300, deadline=None)
@given(
    data=st.data(),
    noise=st.text(alphabet="(), 　年月日0123456789一二十〇北京在上", max_size=6),
)
def test_a_plain_date_line_is_a_date_line_with_the_same_date(
    data: st.DataObject, noise: str
) -> None:
    """Where `re`'s plain date line fits a piece, the date row matches it whole, with the same
    date, read by the same group number; where it does not, the row is tried."""
    from extractor import metadata
    from extractor.source import fold

    row = metadata._HEAD_FORM["date"]
    assert metadata._PLAIN_DATE_LINE.groupindex["date"] == metadata._DATE_GROUP == 1
    examples = [fold(e) for e in (*row.examples, *row.counterexamples)]
    example = data.draw(st.sampled_from(examples))
    cut = data.draw(st.integers(0, len(example)))
    for text in (example, example[:cut] + noise + example[cut:], noise):
        plain = metadata._PLAIN_DATE_LINE.fullmatch(text, 0, len(text))
        whole = row.find(text, 0, len(text))
        if plain is not None:
            assert whole is not None and plain.span(1) == whole.span(1), text
        found = metadata._date_line(text, 0, len(text))
        assert (found is None) == (whole is None), text
        assert found is None or whole is None or found.span(1) == whole.span(1), text
