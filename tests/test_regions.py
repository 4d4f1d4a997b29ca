"""Roles, achievements, problems, tasks, points and the closing, on short speeches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import parse
from schemas import Outline, Role

HEAD = "区委书记在全区工作会议上的讲话\n同志们：\n"


def texts(items: list[object]) -> list[str]:
    return [getattr(i, "text") for i in items]  # noqa: B009


def roles(outline: Outline) -> list[tuple[str, Role]]:
    out = []

    def walk(sections: list[object]) -> None:
        for s in sections:
            out.append((s.marker.text, s.role))  # type: ignore[attr-defined]
            walk(s.children)  # type: ignore[attr-defined]

    walk(outline.sections)  # type: ignore[arg-type]
    return out


def test_review_paragraph_in_the_preamble() -> None:
    text = HEAD + (
        "今天，我们召开全区工作会议，主要任务是部署今年工作。\n"
        "刚刚过去的一年，全区上下砥砺奋进。一年来，我们减税降费3.6亿元；新增就业8600人。\n"
        "成绩来之不易，我代表区委向大家表示感谢！\n"
        "一、强化政治引领\n要把握方向。\n"
    )
    outline = parse(text)
    assert texts(outline.achievements) == [
        "刚刚过去的一年，全区上下砥砺奋进。",
        "一年来，我们减税降费3.6亿元；",
        "新增就业8600人。",
    ]
    assert [(m.text, m.value, m.unit) for m in outline.achievements[1].metrics] == [
        ("3.6亿元", 3.6, "亿元")
    ]
    assert outline.achievements[0].section is None
    assert outline.problems == []


def test_enumerated_review_then_problems_in_one_section() -> None:
    text = HEAD + (
        "一、肯定成绩，正视问题\n"
        "过去一年，全区党建工作呈现良好态势。一是政治建设全面加强。全年开展专题学习120余场次。"
        "二是基层组织持续夯实。\n"
        "在肯定成绩的同时，也要清醒看到存在的差距和不足。一是有的党组织书记抓党建的意识不强。"
        "二是有的基层党组织作用发挥不够。\n"
        "二、突出重点，狠抓落实\n一要把牢政治方向。二要夯实基层基础。\n"
    )
    outline = parse(text)
    assert roles(outline) == [
        ("一、", Role.ACHIEVEMENTS),
        ("一是", Role.ACHIEVEMENTS),
        ("二是", Role.ACHIEVEMENTS),
        ("一是", Role.PROBLEMS),
        ("二是", Role.PROBLEMS),
        ("二、", Role.TASKS),
        ("一要", Role.TASKS),
        ("二要", Role.TASKS),
    ]
    assert texts(outline.achievements)[1] == "一是政治建设全面加强。全年开展专题学习120余场次。"
    assert outline.achievements[1].section == ["一、", "一是"]
    assert texts(outline.problems) == [
        "在肯定成绩的同时，也要清醒看到存在的差距和不足。",
        "一是有的党组织书记抓党建的意识不强。",
        "二是有的基层党组织作用发挥不够。",
    ]
    assert [t.marker.text for t in outline.tasks] == ["二、"]
    assert [c.marker.text for c in outline.tasks[0].children] == ["一要", "二要"]


def test_a_speech_without_a_review_reports_none() -> None:
    text = HEAD + (
        "下面，我讲两点意见。\n"
        "一、提高认识，增强紧迫感\n安全生产是发展的前提。\n"
        "二、压实责任，抓好落实\n要落实企业主体责任。要强化部门监管责任。\n"
    )
    outline = parse(text)
    assert outline.achievements == []
    assert outline.problems == []
    assert roles(outline) == [("一、", Role.SITUATION), ("二、", Role.TASKS)]
    assert outline.sections[0].cue is not None and outline.sections[0].cue.text == "认识"


def test_a_heading_verb_yields_to_an_opening_review() -> None:
    text = HEAD + (
        "一、坚持强优势补短板，推动高质量转型发展\n"
        "从大家发言情况看，2020年，全区各级各部门取得了较为显著的成果。一是经济社会发展迈上新台阶。\n"
        "二、坚持抓党建打基础\n要全面加强党的政治领导。\n"
    )
    outline = parse(text)
    first = outline.sections[0]
    assert (first.role, first.cue.text if first.cue else None) == (Role.ACHIEVEMENTS, "2020年")
    assert [t.marker.text for t in outline.tasks] == ["二、"]


def test_work_report_sections() -> None:
    text = (
        "政府工作报告\n各位代表：\n"
        "一、2023年工作回顾\n过去一年，全市地区生产总值增长5.8%。\n"
        "（一）经济运行稳中向好。规上工业增加值增长6.5%。\n"
        "二、2024年经济社会发展总体要求和政策取向\n今年政府工作的总体要求是稳中求进。\n"
        "三、2024年政府工作任务\n（一）着力扩大有效需求。\n（二）着力深化改革开放。\n"
    )
    outline = parse(text)
    assert [(s.title, s.role) for s in outline.sections] == [
        ("2023年工作回顾", Role.ACHIEVEMENTS),
        ("2024年经济社会发展总体要求和政策取向", Role.TASKS),
        ("2024年政府工作任务", Role.TASKS),
    ]
    assert outline.sections[0].children[0].role is Role.ACHIEVEMENTS
    assert "规上工业增加值增长6.5%。" in texts(outline.achievements)


def test_review_words_inside_a_task_section_are_not_achievements() -> None:
    text = (
        HEAD
        + "一、狠抓整改落实\n近年来，全区作风建设取得明显成效，但一些问题也不容忽视。要持续用力。\n"
    )
    outline = parse(text)
    assert outline.achievements == []
    # A problem named inside a task section stands there a sentence at a time, from its clause.
    assert texts(outline.problems) == ["但一些问题也不容忽视。"]


def test_problem_inside_a_task_section_is_one_sentence_and_remedies_are_not() -> None:
    text = HEAD + (
        "一、加快补齐民生短板\n"
        "要着力解决群众反映强烈的突出问题。当前，我区养老服务供给还存在不少短板。"
        "要加快补齐农村养老服务短板。\n"
    )
    outline = parse(text)
    assert roles(outline) == [("一、", Role.TASKS)]
    assert texts(outline.problems) == ["当前，我区养老服务供给还存在不少短板。"]


def test_problems_run_ends_at_the_turn_to_remedies() -> None:
    text = HEAD + (
        "但是，我们也要清醒看到，全区发展中仍然存在一些突出矛盾和问题。"
        "产业结构不够合理，创新能力不强。有的部门服务意识淡薄，有的干部担当精神不够。\n"
        "对此，我们必须高度重视，认真加以解决。当前，要抓好以下几项重点工作。"
        "第一，抓项目建设。要盯紧重大项目。第二，抓营商环境。要深化改革。\n"
    )
    outline = parse(text)
    assert texts(outline.problems) == [
        "但是，我们也要清醒看到，全区发展中仍然存在一些突出矛盾和问题。",
        "产业结构不够合理，创新能力不强。",
        "有的部门服务意识淡薄，有的干部担当精神不够。",
    ]
    assert roles(outline) == [("第一，", Role.TASKS), ("第二，", Role.TASKS)]


def test_a_problem_named_in_passing_holds_its_sentence_only() -> None:
    text = HEAD + (
        "这几年，我们忽视了对青年干部的培养。后来我们开办了培训班，培养了一批骨干。"
        "这些骨干现在都在基层发挥作用。\n"
    )
    outline = parse(text)
    assert texts(outline.problems) == ["这几年，我们忽视了对青年干部的培养。"]


def test_topic_headings_about_a_matter_are_not_problems() -> None:
    text = HEAD + (
        "一、关于农业合作化的问题\n合作社要稳步发展。\n二、关于工业建设的问题\n工业要有计划地发展。\n"
    )
    outline = parse(text)
    assert all(role is not Role.PROBLEMS for _, role in roles(outline))
    assert outline.problems == []


def test_a_heading_on_several_questions_is_a_topic_not_problems() -> None:
    text = HEAD + (
        "一、计划执行中的若干问题\n基本建设的规模要同财力相适应。\n"
        "二、关于农业的若干重要问题\n农业合作化要稳步推进。\n"
    )
    outline = parse(text)
    assert all(role is not Role.PROBLEMS for _, role in roles(outline))
    assert outline.problems == []


def test_enumeration_after_a_problem_lead_is_no_task_list() -> None:
    text = HEAD + (
        "成绩固然可喜，问题也不容忽视。一是生态环境本底仍然脆弱。二是产业结构仍然偏重。"
        "三是公共服务短板较多。\n"
        "今年，我们要重点抓好以下工作。\n"
    )
    outline = parse(text)
    assert [role for _, role in roles(outline)] == [Role.PROBLEMS] * 3
    assert outline.tasks == []
    assert "".join(texts(outline.problems)).startswith("问题也不容忽视。一是生态环境本底仍然脆弱。")


def test_enumeration_after_an_announced_deployment_is_the_task_list() -> None:
    text = HEAD + (
        "今天召开这次会议，主要任务是部署安全生产工作。下面，我强调几点。\n"
        "第一，安全生产是底线。各级各部门负责同志要亲自抓。\n"
        "第二，隐患排查不能走过场。对重点行业逐一过筛。\n"
        "第三，应急值守一刻也不能放松。确保信息畅通。\n"
    )
    outline = parse(text)
    assert roles(outline) == [
        ("第一，", Role.TASKS),
        ("第二，", Role.TASKS),
        ("第三，", Role.TASKS),
    ]
    assert [t.marker.text for t in outline.tasks] == ["第一，", "第二，", "第三，"]
    assert all(s.cue is not None and s.cue.text == "强调几点" for s in outline.sections)


def test_closing_without_an_address() -> None:
    text = HEAD + (
        "一、抓好春耕生产\n要落实种粮补贴。\n"
        "我们相信，只要全区上下团结一心，今年的各项目标就一定能够实现。\n"
    )
    outline = parse(text)
    assert outline.closing is not None
    assert outline.closing.text == "我们相信，只要全区上下团结一心，今年的各项目标就一定能够实现。"


def test_closing_address_inside_the_last_paragraph_of_a_crawl() -> None:
    text = (
        "在国际论坛上的致辞　　主席先生！今年是联合国成立七十五周年。我们主张加强合作。"
        "主席先生！各国应该携手应对挑战。主席先生、各位同事！历史的接力棒已经交到我们手中。"
        "让我们团结起来，共同创造更加美好的未来！"
    )
    outline = parse(text)
    assert outline.closing is not None
    assert outline.closing.text.startswith("主席先生、各位同事！历史的接力棒")


def test_request_for_deliberation_closes_an_explanation() -> None:
    text = HEAD + "一、关于条例的起草\n条例草案经过多次修改。\n以上说明连同条例草案，请予审议。\n"
    outline = parse(text)
    assert outline.closing is not None
    assert outline.closing.text == "以上说明连同条例草案，请予审议。"


def test_excerpt_that_stops_mid_argument_has_no_closing() -> None:
    text = HEAD + (
        "一、要坚持党的领导\n有人认为，坚持党的领导反而是劣势。这是一种极端错误的言论。"
        "历史已经证明，没有中国共产党就没有新中国。\n"
        "要加强党的领导，发挥我们的政治优势。在这个问题上，我们一定要有清醒的头脑。\n"
    )
    outline = parse(text)
    assert outline.closing is None


def test_addressed_paragraph_that_still_deploys_is_not_the_closing() -> None:
    text = "某省政府工作报告\n各位代表：\n" + (
        "一、2026年主要任务\n要扩大有效投资。\n"
        "各位代表！新征程对政府自身建设提出了新要求。我们要坚持依法行政，建设法治政府。\n"
        "各位代表！蓝图已经绘就。让我们更加紧密地团结起来，奋力谱写新篇章！\n"
    )
    outline = parse(text)
    assert outline.closing is not None
    assert outline.closing.text.startswith("各位代表！蓝图已经绘就。")


def test_closing_is_split_off_the_last_section() -> None:
    text = HEAD + (
        "一、强化责任\n要压实责任。\n"
        "同志们，任务艰巨，使命光荣。让我们奋力开创新局面！\n"
        "谢谢大家。\n"
    )
    outline = parse(text)
    assert outline.closing is not None
    assert outline.closing.text == "同志们，任务艰巨，使命光荣。让我们奋力开创新局面！\n谢谢大家。"
    last = outline.sections[-1]
    assert text[last.span[0] : last.span[1]] == "一、强化责任\n要压实责任。"
    assert outline.tasks[0].span == last.span


def test_the_closing_ends_the_sections_in_a_new_tree() -> None:
    from extractor.boilerplate import strip_boilerplate
    from extractor.markers import scan_markers
    from extractor.regions import find_closing
    from extractor.source import Source, split_lines
    from extractor.tree import build_tree, clip_tree

    text = HEAD + (
        "一、回顾成绩\n一年来，全区经济稳中向好。\n"
        "二、部署任务\n（一）抓项目。要盯紧重大项目。\n（二）抓民生。要办好实事。\n"
        "同志们，使命在肩，让我们真抓实干！\n"
    )
    source = Source.from_text(text)
    lines, _ = strip_boilerplate(split_lines(source))
    markers = scan_markers(lines)
    closing = find_closing(lines, markers)
    assert closing is not None
    assert text[closing[0] : closing[1]] == "同志们，使命在肩，让我们真抓实干！"
    built, _ = build_tree(markers, text)
    clipped = clip_tree(built, closing[0], text)
    # The tree as built still reaches the end of the text; the clipped copy stops short.
    assert built[-1].end == built[-1].children[-1].end == len(text.rstrip())
    last, inner = clipped[-1], clipped[-1].children[-1]
    assert text[inner.marker.start : inner.end] == "（二）抓民生。要办好实事。"
    assert last.end == inner.end
    # Sections that end before the closing are the same records, not copies.
    assert clipped[0] is built[0]
    assert clipped[-1].children[0] is built[-1].children[0]


def test_no_closing_words_no_closing() -> None:
    text = HEAD + "一、强化责任\n要压实责任。\n二、狠抓落实\n我们特意把这一段放在最后。\n"
    assert parse(text).closing is None


def test_points_of_a_task_section_without_numbered_children() -> None:
    text = HEAD + (
        "一、强化政治引领，深入学习宣传贯彻党的二十大精神。这是首要政治任务。"
        "要把握方向，在全面学习上下功夫。突出重点内容。要围绕中心，在全面提升上下功夫。\n"
    )
    (section,) = parse(text).tasks
    assert texts(section.points) == [
        "要把握方向，在全面学习上下功夫。",
        "要围绕中心，在全面提升上下功夫。",
    ]


def test_points_of_one_top_level_run_share_the_task_role() -> None:
    text = HEAD + (
        "今年，村两委打算干好这么几件事。\n"
        "第一，把村里的路修好。年底前完成通组道路硬化。\n"
        "第二，扩大特色种植规模。\n"
        "第三，管好村集体的钱。每一笔开支都要公开。\n"
    )
    outline = parse(text)
    assert [s.role for s in outline.sections] == [Role.TASKS] * 3
    assert [t.marker.text for t in outline.tasks] == ["第一，", "第二，", "第三，"]


def test_a_work_report_by_a_committee_names_no_occasion() -> None:
    outline = parse("政协第十届委员会常务委员会工作报告\n各位委员：\n一、过去一年的主要工作\n")
    assert outline.title is not None and outline.occasion is None
    assert outline.sections[0].role is Role.ACHIEVEMENTS


def test_the_last_address_opens_the_closing_unless_a_summing_up_comes_first() -> None:
    hopes = (
        "一、开学第一课\n要立志做大先生。\n"
        "同学们，大学是人生的新起点。我想对大家提两点希望。\n"
        "希望你们勤学。\n希望你们修德。\n"
        "同学们，青春由磨砺而出彩。祝大家学业有成！\n"
    )
    outline = parse("在开学典礼上的讲话\n亲爱的同学们：\n" + hopes)
    assert outline.closing is not None
    assert outline.closing.text == "同学们，青春由磨砺而出彩。祝大家学业有成！"
    summed = HEAD + "一、强化责任\n要压实责任。\n总之，任务艰巨。\n同志们，让我们共同努力！\n"
    closing = parse(summed).closing
    assert closing is not None and closing.text == "总之，任务艰巨。\n同志们，让我们共同努力！"


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list(" \t\u3000\x1c\x1f\u2028。!?;:”」)好，,要a\n")), max_size=12
    )
)
def test_a_stretch_has_a_sentence_when_a_sentence_in_it_is_more_than_white_space(
    text: str,
) -> None:
    from extractor.regions import _ITEM_SENTENCE, _has_sentence, _strip

    walked = any(
        _strip(text, m.start(), m.end())[0] < _strip(text, m.start(), m.end())[1]
        for m in _ITEM_SENTENCE.finditer(text)
    )
    assert _has_sentence(text, 0, len(text)) is walked


def test_a_section_without_a_role_whose_points_ask_for_work_is_a_task() -> None:
    text = (
        "　　一　政权的实质是民主\n"
        "　　政权是几个阶级的联合专政，这是它的特点。\n"
        "　　第一，在组织形式上，各方都有代表。第二，在政策性质上，照顾各方利益。\n"
        "　　二　党对政权的领导\n"
        "　　第一，党要细心地研究政策。\n"
        "　　第二，今天在各地的政权中，基本上保证了党的领导。\n"
        "　　第三，党的指导机关必须定期讨论政策。\n"
    )
    assert roles(parse(text)) == [
        ("一", Role.OTHER),
        ("第一，", Role.OTHER),
        ("第二，", Role.OTHER),
        ("二", Role.TASKS),
        ("第一，", Role.TASKS),
        ("第二，", Role.TASKS),
        ("第三，", Role.TASKS),
    ]


def test_points_under_an_untitled_section_speak_by_what_they_ask() -> None:
    text = (
        "　　一　　　当前形势很复杂，我们不能缺少国防观念。\n"
        "　　二　　　这次会议开得很好。我讲几点意见。第一，要结合国情，有所赶有所不赶。"
        "第二，要高度重视体制问题。\n"
    )
    outline = parse(text)
    assert ("第一，", Role.TASKS) in roles(outline)
    assert [s.marker.text for s in outline.sections] == ["一", "二"]


def test_a_span_of_time_counted_with_ge_keeps_its_noun() -> None:
    text = HEAD + (
        "一年来，我们深化放管服改革，企业开办时间压缩至1个工作日，办结事项3个月内增长12个百分点。\n"
        "一、强化政治引领\n要把握方向。\n"
    )
    (item,) = parse(text).achievements
    assert [(m.text, m.unit) for m in item.metrics] == [
        ("1个工作日", "个工作日"),
        ("3个月", "个月"),
        ("12个百分点", "个百分点"),
    ]


_REVIEW_PIECES = st.sampled_from(
    [
        "一年来",
        "近几年",
        "过去的",
        "2020年",
        "去年",
        "取得了",
        "重大",
        "成果",
        "成效",
        "明显",
        "力争",
        "对",
        "以来",
        "我们",
        "工作",
        "，",
        "。",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_REVIEW_PIECES, max_size=12))
def test_the_review_hint_never_hides_a_review_cue(pieces: list[str]) -> None:
    """Looking for a review cue only where one of its triggers stands finds what trying every
    cue everywhere finds."""
    from extractor import lexicon
    from extractor.regions import _REVIEW, _review_cue

    text = "".join(pieces)
    every: tuple[int, int] | None = None
    if not lexicon.FORWARD.find(text, 0, len(text)):
        every = next((m.span() for f in _REVIEW if (m := f(text, 0, len(text)))), None)
    assert _review_cue(text, 0, len(text)) == every


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["3.5", "12", "三", "十", "万", "亿元", "个", "%", "人次", "增长", "，", " "]
        ),
        max_size=10,
    )
)
def test_figures_are_found_with_the_digit_check_as_without(pieces: list[str]) -> None:
    from extractor import lexicon
    from extractor.regions import _metrics

    text = "".join(pieces)
    every = tuple(
        (m.span(), float(m.group("value")), m.span("unit"))
        for m in lexicon.METRIC.compiled.finditer(text)
    )
    assert _metrics(text, 0, len(text)) == every


_FIGURE_PIECES = st.sampled_from(
    [
        "3.5",
        "12",
        "万",
        "亿元",
        "个",
        "%",
        "人次",
        "增长",
        "，",
        "。",
        "；",
        "：",
        "”",
        " ",
        "\u3000",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FIGURE_PIECES, max_size=8), st.lists(_FIGURE_PIECES, max_size=8))
def test_the_figures_of_two_sentences_joined_after_a_sentence_mark_are_each_ones(
    first: list[str], second: list[str]
) -> None:
    """A run's item that takes in the next sentence adds that sentence's figures to its own
    when it ends on a sentence mark: reading the joined stretch again finds the same."""
    from extractor.regions import _SENTENCE_MARK, _metrics

    head, tail = "".join(first), "".join(second)
    text = head + "  " + tail
    if not head or head[-1] not in _SENTENCE_MARK:
        return
    joined = _metrics(text, 0, len(head)) + _metrics(text, len(head) + 2, len(text))
    assert _metrics(text, 0, len(text)) == joined


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_REVIEW_PIECES.elements, "问题", "不足", "差距", "短板"])))
def test_a_sentence_without_a_hint_holds_no_problem_nor_review_cue(pieces: list[str]) -> None:
    """The one scan that lets most sentences skip the run's steps never skips a cue."""
    from extractor.regions import _problem, _review_cue, _uncued

    text = "".join(pieces)
    if _uncued(text, 0, len(text)):
        assert _problem(text, 0, len(text)) is None
        assert _review_cue(text, 0, len(text)) is None
