"""Roles, achievements, problems, tasks, points and the closing, on short speeches."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractor import parse
from extractor.regions import Verdict
from extractor.tree import Node
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


# A sentence opens after 。！？ and any closing quote, past white space: how `regex` reads it.
_SENTENCE_START = r"(?<=[。!?][”’」』)]?)\s*(?=\S)"


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list(" \t\x1c\x1f\u2028。!?”’」』)好,a\n")), max_size=16),
    st.integers(min_value=0, max_value=16),
    st.integers(min_value=0, max_value=16),
)
def test_sentence_starts_are_where_the_pattern_finds_them(text: str, start: int, end: int) -> None:
    from extractor import patterns
    from extractor.regions import _sentence_starts

    start, end = min(start, len(text)), min(end, len(text))
    found = [m.end() for m in patterns.compile(_SENTENCE_START).finditer(text, start, end)]
    assert _sentence_starts(text, start, end) == found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["同志们", "各位代表", "先生们", "、", "和", "，", "！", " ", "好"]),
        max_size=8,
    )
)
def test_an_exclaimed_address_ends_on_its_exclamation(pieces: list[str]) -> None:
    from extractor import lexicon
    from extractor.source import fold

    text = fold("".join(pieces))
    m = lexicon.CLOSING_INLINE.find(text, 0, len(text))
    assert m is None or "!" in m.group()


def test_the_closing_window_skips_the_title_and_reads_the_last_paragraphs() -> None:
    from extractor.regions import find_closing
    from extractor.source import Source, split_lines

    # One paragraph: the title is the speech. Two to four: the first is the title.
    for text in ("同志们，让我们共同努力！\n", "谢谢大家！\n\n同志们，让我们共同努力！\n"):
        lines = split_lines(Source.from_text(text))
        closing = find_closing(lines, [])
        assert closing is not None and text[closing[0] : closing[1]] == text.split("\n")[-2]
    assert find_closing(split_lines(Source.from_text("谢谢大家！\n好。\n")), []) is None
    # Five or more: the window is the last four, where the first closing cue stands.
    text = "谢谢大家！\n好。\n让我们干！\n好。\n好。\n好。\n"
    closing = find_closing(split_lines(Source.from_text(text)), [])
    assert closing is not None and text[closing[0] : closing[1]] == "让我们干！\n好。\n好。\n好。"
    text = "谢谢大家！\n好。\n好。\n好。\n好。\n好。\n"
    assert find_closing(split_lines(Source.from_text(text)), []) is None


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
        "计划",
        "我们要",
        "要",
        "对",
        "以来",
        # Hint strings the scan finds as the shorter ones they end with (see
        # `regions._scanned`), and pieces of them.
        "建国以来",
        "改革开放",
        "五年来",
        "年来",
        "这五年",
        "我们",
        "工作",
        "，",
        "。",
    ]
)


# Review cues with what turns a sentence away from a review (see `regions._TURNS_AWAY`):
# their words, near misses and pieces of them.
_TURNING_PIECES = st.one_of(
    _REVIEW_PIECES,
    st.sampled_from(
        [
            "这就要求",
            "应该",
            "应该说",
            "今后",
            "对今后",
            "有信心",
            "将继续",
            "将",
            "的关键之年",
            "的关键",
            "达到预期",
            "预期",
            "一定要",
            "要确保",
            "提出批评",
            "批评意见",
            "批评",
            "小结",
            "总 结",
            "结束语",
            "结",
            "？",
            "?",
            " ",
        ]
    ),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TURNING_PIECES, max_size=12), st.integers(min_value=0, max_value=6))
@example(["一年来", "取得了", "成效", "？"], 0)
@example(["这几年", "取得了", "成果", "，", "今后", "要确保"], 0)
@example(["2020年", "取得了", "成效", "，", "提出批评"], 0)
def test_a_review_cue_is_turned_away_as_by_each_row(pieces: list[str], cut: int) -> None:
    """A sentence with a review cue is no review when it looks ahead, asks, demands or turns
    to criticism: one scan for the hints of the three rows, then each row where a hint stands,
    finds what each row tried everywhere finds."""
    from extractor import lexicon
    from extractor.regions import _REVIEW_CUES, _review_cue
    from extractor.source import fold

    text = fold("".join(pieces))
    start, end = min(cut, len(text)), len(text)
    every = next((m.span() for cue in _REVIEW_CUES if (m := cue.find(text, start, end))), None)
    if every is not None and (
        lexicon.FORWARD.find(text, start, end)
        or text[end - 1] == "?"
        or lexicon.REVIEW_END.find(text, start, end)
        or lexicon.REVIEW_STOP.find(text, start, end)
    ):
        every = None
    assert _review_cue(text, start, end) == every


@settings(max_examples=300, deadline=None)
@given(st.lists(_REVIEW_PIECES, max_size=12))
def test_the_review_hint_never_hides_a_review_cue(pieces: list[str]) -> None:
    """Looking for a review cue only where one of its triggers stands finds what trying every
    cue everywhere finds."""
    from extractor import lexicon
    from extractor.regions import _REVIEW_CUES, _review_cue

    text = "".join(pieces)
    every: tuple[int, int] | None = None
    if not lexicon.FORWARD.find(text, 0, len(text)):
        every = next(
            (m.span() for cue in _REVIEW_CUES if (m := cue.find(text, 0, len(text)))), None
        )
    assert _review_cue(text, 0, len(text)) == every


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            # \x1c is white space to `re` only: no figure runs on over it.
            [
                *("3.5", "12", "三", "十", "万", "亿元", "个", "%", "人次", "增长", "，"),
                *(" ", "\u3000", "\x1c", "\n"),
            ]
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


def test_a_problems_run_in_a_task_section_ends_at_the_turn_to_remedies() -> None:
    text = HEAD + (
        "一、持续深化作风建设\n"
        "在肯定成绩的同时，我们也要清醒看到存在的问题，主要是：有的干部调查研究不深入，"
        "满足于听汇报；有些整改事项还没有到位；有的部门仍然存在推诿扯皮现象，如此等等。"
        "要以钉钉子精神抓好整改。各级党组织要压实主体责任。\n"
    )
    outline = parse(text)
    assert roles(outline) == [("一、", Role.TASKS)]
    problems = "".join(texts(outline.problems))
    assert problems.startswith("在肯定成绩的同时，我们也要清醒看到存在的问题，主要是：")
    assert problems.endswith("有的部门仍然存在推诿扯皮现象，如此等等。")
    assert "钉钉子" not in problems


def test_shortfalls_listed_one_by_one_are_problems_in_a_task_section() -> None:
    text = HEAD + (
        "一、加强理论学习\n"
        "学习是干部成长的阶梯。现在，有的干部对理论学习不重视，以干代学；"
        "有的浅尝辄止、不求甚解；有的学用脱节，说起来头头是道。"
        "要把学习作为一种责任。\n"
    )
    outline = parse(text)
    assert texts(outline.problems) == [
        "现在，有的干部对理论学习不重视，以干代学；",
        "有的浅尝辄止、不求甚解；",
        "有的学用脱节，说起来头头是道。",
    ]


def test_parallel_points_that_are_no_shortfalls_are_no_problems() -> None:
    text = HEAD + (
        "一、推进产业发展\n"
        "各地探索了不少好办法。有的地区建成了一批示范项目；有的地区引进了龙头企业。"
        "要总结推广这些经验。\n"
    )
    assert parse(text).problems == []


def test_a_shortfall_stated_without_a_problem_noun() -> None:
    text = HEAD + (
        "一、全面从严治党\n"
        "应该看到，党内存在的一些突出问题尚未得到根本解决。"
        "现在，不愿担当、不敢担当的问题不同程度存在。全党必须保持清醒。\n"
    )
    outline = parse(text)
    assert texts(outline.problems) == [
        "应该看到，党内存在的一些突出问题尚未得到根本解决。",
        "现在，不愿担当、不敢担当的问题不同程度存在。",
    ]


def test_headings_announced_as_shortfalls_inside_a_task_section_are_problems() -> None:
    text = HEAD + (
        "一、今后宣传工作的方针和任务\n"
        "（一）加强对敌宣传\n对敌宣传要讲究方法。\n"
        "（二）加强对内教育\n连队教育要经常进行。\n"
        "但是，工作中尚有不足的地方。这些缺点表现为：\n"
        "（一）宣传内容不够生动\n有些材料照搬照抄，群众不爱看。\n"
        "（二）对外宣传显得极微弱\n敌人造谣，我们往往不去驳斥。\n"
        "今后的努力方向是：\n"
        "（一）要同轻视宣传工作的倾向作斗争\n宣传是全军的事。\n"
    )
    outline = parse(text)
    assert roles(outline) == [
        ("一、", Role.TASKS),
        ("（一）", Role.TASKS),
        ("（二）", Role.TASKS),
        ("（一）", Role.PROBLEMS),
        ("（二）", Role.PROBLEMS),
        ("（一）", Role.TASKS),
    ]
    # Each heading states a shortfall: the run holds it with its paragraph; the lead into
    # the task list that follows is none.
    assert texts(outline.problems)[-4:] == [
        "（一）宣传内容不够生动",
        "有些材料照搬照抄，群众不爱看。",
        "（二）对外宣传显得极微弱",
        "敌人造谣，我们往往不去驳斥。",
    ]
    problems = "".join(texts(outline.problems))
    assert "敌人造谣，我们往往不去驳斥。" in problems
    assert "宣传是全军的事" not in problems


def test_a_problem_named_at_a_task_points_end_leads_into_the_points_after_it() -> None:
    text = HEAD + (
        "一是加快重大项目建设。二是持续优化营商环境。成绩固然可喜，问题也不容忽视。"
        "一是生态环境本底仍然脆弱。二是产业链条短，附加值低。三是营商环境还需改善。\n"
        "今年，我们要重点抓好以下工作。\n"
    )
    outline = parse(text)
    assert [role for _, role in roles(outline)] == [Role.TASKS] * 2 + [Role.PROBLEMS] * 3
    assert texts(outline.problems) == [
        "问题也不容忽视。",
        "一是生态环境本底仍然脆弱。",
        "二是产业链条短，附加值低。",
        "三是营商环境还需改善。",
    ]


def test_announced_criticism_of_the_speakers_own_side_runs_to_the_paragraphs_end() -> None:
    text = HEAD + (
        "现在我想就我们一年来的工作提出批评意见。首先我们忽略了党员的教育工作。"
        "许多新党员对党的原则没有认识。\n"
        "我们的组织这一年发展到三百多人。\n"
    )
    outline = parse(text)
    assert "".join(texts(outline.problems)) == (
        "现在我想就我们一年来的工作提出批评意见。首先我们忽略了党员的教育工作。"
        "许多新党员对党的原则没有认识。"
    )


def test_a_difficulty_conceded_on_the_way_to_what_was_done_is_no_problem() -> None:
    text = HEAD + (
        "我们在自身面临巨大压力的情况下，尽己所能向灾区提供援助。"
        "虽然我们的财力还不是很强，但我们的制度是好的。"
        "尽管前进道路上还会遇到困难和问题，但我们有信心克服困难。\n"
    )
    assert parse(text).problems == []


def test_the_promise_to_deal_with_the_problems_ends_their_run() -> None:
    text = HEAD + (
        "在肯定成绩的同时，我们也清醒看到，发展中还存在不少困难和问题，主要是：有效需求不足；"
        "部分企业经营困难；民生领域还有短板。对这些问题，我们将高度重视，切实加以解决。\n"
    )
    problems = "".join(texts(parse(text).problems))
    assert problems.endswith("民生领域还有短板。")
    assert "高度重视" not in problems


# --- Reviews that carry no cue but their frame ---------------------------------------------


def test_a_framed_review_goes_on_over_its_paragraphs_in_collected_works() -> None:
    text = (
        "三年来的工作概述\n（一九四四年二月十日）\n"
        "　　三年来，我们同困难进行了艰苦的斗争，大致可以分作两个阶段。\n"
        "　　第一阶段，敌人的封锁很紧，我们一面生产，一面打仗，把根据地保存下来。\n"
        "　　在经济上，各县组织了合作社，群众的负担减轻了。但在某些县，注意力仍嫌不够。\n"
        "　　第二阶段，我们转入反攻，收复了七个县城。\n"
        "　　以上就是三年来工作的概述。\n"
        "　　小　　结\n"
        "　　在三年的斗争中，我们学到了什么呢？\n"
        "　　一、群众是我们的靠山。\n"
    )
    outline = parse(text)
    assert texts(outline.achievements) == [
        "三年来，我们同困难进行了艰苦的斗争，大致可以分作两个阶段。",
        "第一阶段，敌人的封锁很紧，我们一面生产，一面打仗，把根据地保存下来。",
        "在经济上，各县组织了合作社，群众的负担减轻了。",
        "第二阶段，我们转入反攻，收复了七个县城。",
        "以上就是三年来工作的概述。",
    ]
    # The shortfall inside the narrative is a problem; the review takes the next paragraph back.
    assert texts(outline.problems) == ["但在某些县，注意力仍嫌不够。"]


def test_an_announced_report_of_past_work_goes_on_until_it_turns_to_criticism() -> None:
    text = (
        "县工委的工作报告\n"
        "现在，再回过头来谈谈县工委过去的活动。去年春天，我们在城关办了一所夜校。\n"
        "在工人中的工作\n"
        "夜校开学以后，来听课的工人逐渐多起来，后来成立了搬运工人工会。\n"
        "我们还出版了一份小报，出到第五期停刊。\n"
        "现在我想就我们一年来的工作提出批评意见。我们的干部太少，许多地方没有去。\n"
    )
    outline = parse(text)
    assert texts(outline.achievements) == [
        "现在，再回过头来谈谈县工委过去的活动。",
        "去年春天，我们在城关办了一所夜校。",
        "在工人中的工作",
        "夜校开学以后，来听课的工人逐渐多起来，后来成立了搬运工人工会。",
        "我们还出版了一份小报，出到第五期停刊。",
    ]


def test_a_review_in_the_preamble_of_a_symposium_ends_where_it_demands() -> None:
    text = (
        "在民营企业座谈会上的讲话\n同志们：\n"
        "今天，我们召开民营企业座谈会，听取大家的意见和建议。党的十八大以来，我们坚持“两个毫不动摇”，"
        "出台了一系列支持民营经济发展的政策措施，民营经济取得了长足发展。"
        "民营企业是推动发展的重要力量。好的政策都应该顺应企业所思所盼。刚才，几位同志作了发言。\n"
    )
    outline = parse(text)
    assert texts(outline.achievements) == [
        "党的十八大以来，我们坚持“两个毫不动摇”，出台了一系列支持民营经济发展的政策措施，"
        "民营经济取得了长足发展。",
        "民营企业是推动发展的重要力量。",
    ]


def test_dash_items_under_a_review_heading_without_a_marker() -> None:
    text = (
        "2026年临江市政府工作报告\n各位代表：\n"
        "现在，我代表市人民政府向大会报告工作，请予审议。\n"
        "“十四五”时期工作回顾\n"
        "“十四五”时期是临江发展极不平凡的五年。\n"
        "——这五年综合实力大幅提升。地区生产总值达到2100亿元。\n"
        "——这五年城乡面貌焕然一新。新建农村公路860公里。\n"
        "我们也清醒看到，发展中还存在不少困难和问题。\n"
        "“十五五”时期主要目标任务\n"
        "今后五年，全市地区生产总值年均增长5%左右。一是首都功能持续提升。\n"
    )
    outline = parse(text)
    achieved = texts(outline.achievements)
    assert achieved[0] == "“十四五”时期工作回顾"
    assert "——这五年综合实力大幅提升。" in achieved
    assert "新建农村公路860公里。" in achieved
    # The goals of the next plan period are no achievements.
    assert not [t for t in achieved if "今后五年" in t or "一是" in t]
    assert texts(outline.problems) == ["我们也清醒看到，发展中还存在不少困难和问题。"]


def test_dash_items_after_a_review_paragraph_go_on_with_it() -> None:
    text = HEAD + (
        "过去五年，全县上下团结奋斗，取得了显著成绩。\n"
        "——产业基础更加坚实。新增规上企业126家。\n"
        "——民生福祉持续增进。城镇新增就业2.1万人。\n"
        "一、明确今后五年的目标任务\n要推动高质量发展。\n"
    )
    outline = parse(text)
    assert texts(outline.achievements) == [
        "过去五年，全县上下团结奋斗，取得了显著成绩。",
        "——产业基础更加坚实。",
        "新增规上企业126家。",
        "——民生福祉持续增进。",
        "城镇新增就业2.1万人。",
    ]


def test_the_thanks_paragraph_after_a_review_is_no_review() -> None:
    text = (
        "政府工作报告\n各位代表：\n"
        "过去五年的回顾\n"
        "五年来，全县经济总量迈上新台阶，城乡居民收入年均增长7%。\n"
        "在这里，我代表县人民政府，向全县各族干部群众表示衷心的感谢！\n"
        "我们也要看到，发展不平衡的问题仍然突出。\n"
    )
    outline = parse(text)
    assert texts(outline.achievements) == [
        "过去五年的回顾",
        "五年来，全县经济总量迈上新台阶，城乡居民收入年均增长7%。",
    ]


def test_a_review_inside_a_task_section_stands_a_sentence_at_a_time() -> None:
    text = HEAD + (
        "一、进一步加强立法工作\n"
        "要抓紧制定地方性法规。建县以来特别是近十年来，我县法治建设取得了显著成绩。"
        "今后要加强监督。\n"
        "二、加强自身建设\n近些年来，各级人大的工作取得了很大成绩，今后应继续完善各项职能。\n"
    )
    outline = parse(text)
    assert texts(outline.achievements) == ["建县以来特别是近十年来，我县法治建设取得了显著成绩。"]
    assert [t.marker.text for t in outline.tasks] == ["一、", "二、"]


def test_experience_points_after_a_review_are_reported_with_it() -> None:
    text = HEAD + (
        "这次集中整治，对作风建设进行了新探索、积累了新经验。"
        "一是聚焦主题、紧扣主线。各单位围绕主题查摆问题，做到了不走过场。"
        "二是以上率下、示范带动。县委常委会带头开展专题学习。\n"
        "一、巩固整治成果\n要建立长效机制。\n"
    )
    outline = parse(text)
    assert texts(outline.achievements) == [
        "这次集中整治，对作风建设进行了新探索、积累了新经验。",
        "一是聚焦主题、紧扣主线。各单位围绕主题查摆问题，做到了不走过场。",
        "二是以上率下、示范带动。县委常委会带头开展专题学习。",
    ]
    assert [t.marker.text for t in outline.tasks] == ["一、"]


def test_a_section_that_reviews_and_deploys_stops_reviewing_where_it_turns_ahead() -> None:
    text = (
        "政府工作报告\n各位代表：\n"
        "一、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
        "过去五年，全市地区生产总值年均增长5.6%，城乡居民收入稳步提高。\n"
        "“十五五”时期是基本实现现代化的关键时期。根据市委的建议，我们编制了规划纲要草案。\n"
        "纲要草案设置了24项主要指标，包括地区生产总值年均增长5%左右。\n"
    )
    outline = parse(text)
    assert texts(outline.achievements) == [
        "过去五年，全市地区生产总值年均增长5.6%，城乡居民收入稳步提高。"
    ]


def test_a_section_reviewed_by_its_opening_sentence_stops_where_it_demands() -> None:
    text = HEAD + (
        "（一）加强自身建设\n"
        "近些年来，各级人大的工作取得了很大成绩。"
        "随着改革深入进行，人大担负的任务越来越繁重，这就要求各级人大把自身建设放在重要位置上。\n"
    )
    outline = parse(text)
    assert outline.sections[0].role is Role.ACHIEVEMENTS
    assert texts(outline.achievements) == ["近些年来，各级人大的工作取得了很大成绩。"]


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


# --- Parallel topic headings share their run's role ---------------------------------------


def test_a_verb_inside_one_of_parallel_topic_headings_deploys_nothing() -> None:
    text = "在全省经济工作座谈会上的讲话\n" + (
        "一、当前和长远的关系\n既要立足当前，又要着眼长远，两者不可偏废。\n"
        "二、城市和乡村的关系\n城乡发展不能一条腿长、一条腿短。\n"
        "三、扩大内需和稳定外需的关系\n内需和外需都是经济增长的动力。\n"
        "四、政府和市场的关系\n市场配置资源，政府弥补失灵。\n"
    )
    assert roles(parse(text)) == [
        ("一、", Role.OTHER),
        ("二、", Role.OTHER),
        ("三、", Role.OTHER),
        ("四、", Role.OTHER),
    ]


def test_task_headings_that_share_an_ending_stay_tasks() -> None:
    text = HEAD + (
        "一、加强基层党组织的建设\n各级党委要把基层组织建设摆在突出位置。\n"
        "二、推进干部队伍的建设\n要选优配强领导班子。\n"
        "三、深化机关作风的建设\n要大兴调查研究之风。\n"
    )
    assert [role for _, role in roles(parse(text))] == [Role.TASKS] * 3


def test_one_verb_led_heading_among_few_topics_keeps_its_role() -> None:
    # Two headings are no run of parallel topics: the verb still deploys.
    text = HEAD + (
        "一、发展和安全的关系\n发展和安全要同步推进。\n二、扩大开放的问题\n要稳步扩大制度型开放。\n"
    )
    assert roles(parse(text))[1] == ("二、", Role.TASKS)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_REVIEW_PIECES.elements, "问题", "不足", "差距", "还很大", "同"])),
    st.integers(min_value=0, max_value=40),
)
def test_a_problem_cue_is_found_where_a_search_from_the_stretch_start_finds_it(
    pieces: list[str], offset: int
) -> None:
    """A problem cue, tried only where a match can start near its hints, is found where a
    search from the stretch's start finds it."""
    from extractor import lexicon
    from extractor.regions import _problem

    text = "".join(pieces)
    start = min(offset, len(text))
    found = _problem(text, start, len(text))
    every = lexicon.PROBLEM.find(text, start, len(text))
    assert (found and found.span()) == (every and every.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(_REVIEW_PIECES, max_size=12), st.integers(min_value=0, max_value=40))
def test_a_hinted_row_finds_what_the_row_finds(pieces: list[str], offset: int) -> None:
    """A row tried only where its hint stands, from its hints' reach, finds what it finds."""
    from extractor import lexicon
    from extractor.regions import _REVIEW_CUES, _hinted

    text = "".join(pieces)
    start = min(offset, len(text))
    for row in (*_REVIEW_CUES, lexicon.REVIEW_END, lexicon.REVIEW_STOP, lexicon.REVIEW_ANNOUNCED):
        found = _hinted(row, text, start, len(text))
        every = row.find(text, start, len(text))
        assert (found and found.span()) == (every and every.span()), row.pattern


def test_the_review_cues_are_searched_as_hinted_finds_them() -> None:
    """`_review_cue` and `_next_mode` search the hints for the sets `_hinted` would: the review
    cues and PURPOSE match anywhere, and each stands for its own set."""
    from extractor import lexicon
    from extractor.regions import _PURPOSE_SEARCHED, _REVIEW_CUES, _REVIEW_SEARCHED, _ROW_HINTS

    assert all(cue.mode is lexicon.MatchMode.ANYWHERE for cue in (*_REVIEW_CUES, lexicon.PURPOSE))
    assert _ROW_HINTS[lexicon.PURPOSE.pattern] == _PURPOSE_SEARCHED
    assert tuple(_ROW_HINTS[cue.pattern] for cue in _REVIEW_CUES) == _REVIEW_SEARCHED


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["3.5", "12", "0.", "7", "万", "亿元", "个", "%", "人次", "增长", "，", " ", "\n"]
        ),
        max_size=10,
    ),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=0, max_value=40),
)
def test_figures_of_a_stretch_are_found_from_its_first_digit(
    pieces: list[str], start: int, end: int
) -> None:
    """Read from the stretch's first digit on, its figures are those METRIC finds in it."""
    from extractor import lexicon
    from extractor.regions import _metrics

    text = "".join(pieces)
    start, end = min(start, len(text)), min(max(start, end), len(text))
    every = tuple(
        (m.span(), float(m.group("value")), m.span("unit"))
        for m in lexicon.METRIC.compiled.finditer(text, start, end)
    )
    assert _metrics(text, start, end) == every


def test_classifying_holds_no_text_once_it_returns() -> None:
    """The hints of a text live while it is classified: a long text read earlier is neither
    kept in memory nor reused for the next one."""
    from extractor import regions

    first = parse(
        HEAD + "一、加强作风建设\n当前，一些地方还存在形式主义、官僚主义问题，群众反映强烈。\n"
    )
    assert regions._last_hints is None
    second = parse(HEAD + "一、加强作风建设\n要坚持以上率下，久久为功。\n")
    assert regions._last_hints is None
    assert [p.text for p in first.problems] and not second.problems


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "主要任务",
                "主要目的",
                "就",
                "是",
                "这次会议的",
                "召开这次会议",
                "，",
                "以上",
                "回顾",
                "。",
            ]
        ),
        max_size=12,
    ),
    st.integers(min_value=0, max_value=20),
)
def test_a_rare_turn_is_found_where_the_row_finds_it(pieces: list[str], offset: int) -> None:
    """主要任务是 and 以上就是, tried only where their hints stand, are found as the rows find
    them."""
    from extractor.regions import _RARE_TURNS, _hinted
    from extractor.source import FOLD

    text = "".join(pieces).translate(FOLD)
    start = min(offset, len(text))
    for row in _RARE_TURNS:
        found = _hinted(row, text, start, len(text))
        every = row.find(text, start, len(text))
        assert (found and found.span()) == (every and every.span()), row.pattern


def test_a_row_tried_by_its_opening_character_finds_what_the_row_finds() -> None:
    """Every row of OPENED, tried at every position of the fixtures and of the lexicon's
    examples, finds what the row finds there; each opens with few characters."""
    from extractor import lexicon
    from extractor.regions import OPENED, _opens
    from extractor.source import FOLD
    from extractor.triggers import openers
    from tests.conftest import ROOT

    texts = [path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("fixtures/*.txt"))]
    texts += [
        example
        for row in vars(lexicon).values()
        if isinstance(row, lexicon.Cue)
        for example in (*row.examples, *row.counterexamples)
    ]
    for row in OPENED:
        assert row.mode is lexicon.MatchMode.AT_START and openers(row.pattern), row.pattern
        for text in (t.translate(FOLD) for t in texts):
            for start in range(len(text) + 1):
                found = _opens(row, text, start, len(text))
                every = row.find(text, start, len(text))
                assert (found and found.span()) == (every and every.span()), row.pattern


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=" \t\n\u3000\u2028\x1c。!?;:”’」』)有的问题", max_size=16),
    st.integers(min_value=0, max_value=16),
    st.integers(min_value=0, max_value=16),
)
def test_stripped_sentences_are_the_item_sentences_stripped(
    text: str, start: int, end: int
) -> None:
    """One match per item sentence gives it as `_strip` leaves it, those left empty passed
    over."""
    from extractor.regions import _ITEM_SENTENCE, _STRIPPED_SENTENCE, _strip

    start, end = min(start, len(text)), min(max(start, end), len(text))
    stripped = [_strip(text, *m.span()) for m in _ITEM_SENTENCE.finditer(text, start, end)]
    found = [m.span(1) for m in _STRIPPED_SENTENCE.finditer(text, start, end)]
    assert found == [(s, e) for s, e in stripped if s < e]


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=" \n\u3000。!?;:”’」』)有的问题", max_size=24),
    st.integers(min_value=0, max_value=24),
    st.integers(min_value=0, max_value=24),
    st.integers(min_value=0, max_value=24),
    st.integers(min_value=-2, max_value=24),
)
def test_a_walk_of_sentences_goes_on_alike_from_the_last_sentence_end(
    text: str, start: int, end: int, walked: int, limit: int
) -> None:
    """From where a walk of the stretch's sentences stands (its start, or where one of its
    matches ends), `_sentence_end_by` finds a position no match of the walk crosses: a walk
    from there finds the walk's later matches, and no more."""
    from extractor.regions import _STRIPPED_SENTENCE, _sentence_end_by

    start, end = min(start, len(text)), min(max(start, end), len(text))
    every = [m.span() for m in _STRIPPED_SENTENCE.finditer(text, start, end)]
    ends = [start, *(e for _, e in every)]
    at = ends[min(walked, len(ends) - 1)]
    limit = min(limit, end - 1)  # the paragraph holds the hint it looks before
    after = _sentence_end_by(text, at, limit)
    assert at <= after <= max(at, limit)
    assert all(e <= after for s, e in every if s < after)
    later = [m.span() for m in _STRIPPED_SENTENCE.finditer(text, after, end)]
    assert later == [(s, e) for s, e in every if s >= after]


# Pieces of sentences around a problem cue: verbs that address a problem (克服, 针对, 把),
# cues, clause breaks, other words.
_PROBLEM_PIECES = (
    "克服",
    "针对",
    "把",
    "虽然",
    "解决",
    "避免",
    "存在的问题",
    "差距和不足",
    "不够",
    "忽视",
    "不能忽视",
    "短板",
    "补齐短板",
    "仍然比较突出",
    "有的",
    "发展",
    "工作中",
    "我们",
    "的情况下",
    "，",
    "。",
    "；",
    "：",
    "\n",
    " ",
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PROBLEM_PIECES), max_size=24))
def test_the_problem_row_matches_alike_at_every_position(pieces: list[str]) -> None:
    """`_problem_at`, which asks `re` what the row's look-behind refuses, matches as the row
    does at every position of the text, up to every end."""
    from extractor import lexicon
    from extractor.regions import _problem_at
    from extractor.source import FOLD

    match = _problem_at()
    assert match != lexicon.PROBLEM.compiled.match  # the row's shape is the one it reads
    text = "".join(pieces).translate(FOLD)
    for end in {len(text), *(i for i, c in enumerate(text) if c in "。;")}:
        for position in range(end + 1):
            found = match(text, position, end)
            every = lexicon.PROBLEM.compiled.match(text, position, end)
            assert (found and found.span()) == (every and every.span()), (text, position)


# Paragraphs of a work report: headings, a review, its dash items, tasks with points, problems
# named in passing, an editor's note, a call to the audience.
_REPORT_PIECES = (
    "一、过去五年的工作回顾",
    "五年来，全区经济总量突破千亿元，城乡居民收入稳步增长。",
    "——这五年，民生福祉持续增进。",
    "二、今后五年的主要任务",
    "（一）加快建设现代化产业体系",
    "要坚持创新驱动，推动传统产业转型升级。",
    "一是抓好重大项目建设；二是持续优化营商环境；三是加强人才引进。",
    "同时也要看到，部分企业生产经营还面临不少困难。",
    "有的干部作风不实，有的单位落实不力。",
    "2023年以来，我们完成了各项既定任务。",
    "三、存在的问题和不足",
    "*这是在全区经济工作会议上讲话的一部分。",
    "同志们，让我们团结一心，开拓进取！",
    "第一，必须坚持党的全面领导。",
    "第二，必须坚持以人民为中心。",
    "——这五年，改革开放不断深化。",
    "我们取得了显著成绩，积累了宝贵经验。",
    "四、几点说明",
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_REPORT_PIECES), min_size=1, max_size=14))
def test_quiet_task_paragraphs_passed_over_change_nothing(pieces: list[str]) -> None:
    """The paragraphs `_runs` passes over in a task section (see `_quiet_tasks`) leave the
    outline as reading each of them would: the same with the shortcut and without it."""
    from unittest.mock import patch

    from extractor import parse_json, regions

    text = "\n".join(pieces)
    with patch.object(regions, "_quiet_tasks", return_value=-1):
        read = parse_json(text)
    assert parse_json(text) == read


def test_quiet_task_paragraphs_of_the_fixtures_change_nothing() -> None:
    from unittest.mock import patch

    from extractor import parse_json, regions
    from tests.conftest import ROOT

    for path in sorted(ROOT.glob("fixtures/*.txt")):
        text = path.read_text(encoding="utf-8")
        with patch.object(regions, "_quiet_tasks", return_value=-1):
            read = parse_json(text)
        assert parse_json(text) == read, path.name


# Sentences of a work report's paragraphs: most hold no hint of what opens a run, some a
# review, a problem named in passing, a list of shortfalls, a look back.
_REPORT_SENTENCES = (
    "全区上下坚定信心、攻坚克难，各项工作扎实推进。",
    "我们坚持稳中求进工作总基调，统筹发展和安全。",
    "城乡面貌焕然一新，人民群众获得感明显增强！",
    "“十件民生实事”全部完成。",
    "重点领域改革扎实推进；",
    "少数单位工作作风松懈；",
    "五年来，地区生产总值年均增长百分之七；",
    "我们取得了显著成绩，积累了宝贵经验。",
    "同时也要看到，部分企业生产经营还面临不少困难。",
    "有的干部作风不实；有的单位落实不力。",
    "存在的问题主要是：创新能力不强，发展不够平衡。",
    "对这些问题，我们将采取有力措施加以解决。",
    "2023年以来，我们完成了各项既定任务。",
    "要坚持创新驱动，推动传统产业转型升级。",
    "一是抓好重大项目建设；二是持续优化营商环境。",
    "以上就是过去五年工作的简要回顾。",
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_REPORT_PIECES[::3]),
            st.lists(st.sampled_from(_REPORT_SENTENCES), min_size=1, max_size=9).map("".join),
        ),
        min_size=1,
        max_size=8,
    )
)
@example(
    [
        "全区上下坚定信心、攻坚克难，各项工作扎实推进。我们坚持稳中求进工作总基调，统筹发展和"
        "安全。少数单位工作作风松懈；有的干部作风不实；有的单位落实不力。"
    ]
)
def test_quiet_sentences_passed_over_change_nothing(paragraphs: list[str]) -> None:
    """The sentences `_runs` passes over before a paragraph's next hint (see
    `_sentence_end_by`) leave the outline as reading each of them would: the same when every
    chance to pass over them is taken and when none is."""
    from unittest.mock import patch

    from extractor import parse_json, regions

    text = "\n".join(paragraphs)
    with patch.object(regions, "_QUIET_JUMP", len(text)):
        read = parse_json(text)
    with patch.object(regions, "_QUIET_JUMP", -1):
        assert parse_json(text) == read


def test_a_row_is_found_from_the_hint_its_trigger_ends_with() -> None:
    """Where a trigger (改革开放以来) is found as the shorter hint it ends with (以来), a match
    that opens at the trigger's start, before that hint, is still found."""
    from extractor import lexicon
    from extractor.regions import _REVIEW_CUES, _hinted, _problem, _scanned

    found_as = _scanned()[2]
    longer = [s for s, (ending, at) in found_as.items() if at > 0]
    assert "以来" in {found_as[s][0] for s in longer}
    texts = [
        f"{opening}{rest}"
        for opening in (*longer, "改革开放以来", "党的十八大以来", "新中国成立以来")
        for rest in ("，我们取得了重大成果。", "，工作中还存在不少问题和不足。", "的工作")
    ]
    for text in texts:
        for row in (*_REVIEW_CUES, lexicon.REVIEW_ANNOUNCED):
            found = _hinted(row, text, 0, len(text))
            every = row.find(text, 0, len(text))
            assert (found and found.span()) == (every and every.span()), (row.pattern, text)
        found = _problem(text, 0, len(text))
        every = lexicon.PROBLEM.find(text, 0, len(text))
        assert (found and found.span()) == (every and every.span()), text


# Headings and points of every kind a role is judged for, and the leads that align them: a
# review lead before points that open with a verb, an announced deployment, shortfalls
# announced, topic headings, points under a review.
_JUDGED_PIECES = (
    "一、坚定不移地强化监督检查，推动工作取得新成效",
    "二、过去一年的工作回顾",
    "三、存在的问题和不足",
    "四、今后的主要任务",
    "五、当前和长远的关系",
    "六、扩大内需和稳定外需的关系",
    "七、改革和发展的关系",
    "（一）做好党建工作是高质量发展的必然要求",
    "（二）大力完善风险防控。",
    "（三）认清形势",
    "二",
    "过去一年，着力深化营商环境，取得了显著成效。",
    "2023年，全区经济运行稳中向好，取得了较为显著的成果。",
    "下面，我讲几点意见。",
    "这些缺点表现为：",
    "问题也不容忽视。",
    "第一，规范“放管服”改革。",
    "第二，党要细心地研究政策。",
    "第三，必须坚持以人民为中心。",
    "一是强化重点项目建设。",
    "二是聚焦主题、紧扣主线。",
    "三是工作作风不实。",
    "一要深化组织领导。",
    "二要健全民生保障。",
    "第一，认清形势，统一思想。",
    "第二，成绩来之不易。",
    "四是存在的差距和不足。",
    "有的干部作风不实，有的单位落实不力。",
    "（1）工作作风明显好转。",
    "（2）扎实强化作风建设。",
    "1．切实强化组织领导。",
)


def _verdict_of_every_section(node: Node, parent: Verdict | None, folded: str) -> Verdict:
    """`regions._verdict` with the heading's role asked of every section it reads."""
    from extractor import lexicon
    from extractor.markers import Anchor
    from extractor.regions import _INHERITED, _heading_role, _opening_review, _opens

    inherited = _INHERITED[parent.role if parent is not None else Role.OTHER]
    if inherited.role is Role.TASKS:
        return inherited
    m = node.marker
    role, cue, by_verb = _heading_role(folded, m.title_start, m.title_end)
    if m.anchor is Anchor.SENTENCE:
        if parent is not None:
            asks = _opens(
                lexicon.IMPERATIVE, folded, m.title_start, m.title_end
            ) or lexicon.OBLIGATION.find(folded, m.title_start, m.title_end)
            role, cue = (Role.TASKS, asks.span()) if asks is not None else (Role.OTHER, None)
        speaks = inherited.role is Role.OTHER and role is Role.TASKS
        return Verdict(role, cue) if speaks else inherited
    if inherited.role in (Role.ACHIEVEMENTS, Role.PROBLEMS, Role.SITUATION):
        if role in (Role.ACHIEVEMENTS, Role.PROBLEMS) and not by_verb:
            return Verdict(role, cue)
        return inherited
    if role is Role.OTHER or by_verb:
        opening = _opening_review(node, folded)
        if opening is not None:
            return Verdict(Role.ACHIEVEMENTS, opening)
    if role is Role.OTHER:
        return inherited
    return Verdict(role, cue)


def _judge_every_section(
    node: Node, parent: Verdict | None, verdicts: dict[int, Verdict], folded: str
) -> None:
    """`regions._judge` asking `_verdict_of_every_section` of every section, tasks and all."""
    verdict = _verdict_of_every_section(node, parent, folded)
    verdicts[node.marker.start] = verdict
    for child in node.children:
        _judge_every_section(child, verdict, verdicts, folded)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_JUDGED_PIECES), st.sampled_from(("\n", "", "\n\u3000\u3000"))),
        min_size=1,
        max_size=14,
    )
)
def test_sections_judged_without_asking_what_cannot_change_their_role(
    pieces: list[tuple[str, str]],
) -> None:
    """The roles `_judge` gives, setting a task section's subtree at once and asking a point
    only what can make it a task, are those it gives asking every section everything."""
    from unittest.mock import patch

    from extractor import parse_json, regions

    text = HEAD + "".join(piece + sep for piece, sep in pieces)
    with patch.object(regions, "_judge", _judge_every_section):
        read = parse_json(text)
    assert parse_json(text) == read


def test_sections_of_the_fixtures_judged_without_asking_everything() -> None:
    from unittest.mock import patch

    from extractor import parse_json, regions
    from tests.conftest import ROOT

    for path in sorted(ROOT.glob("fixtures/*.txt")):
        text = path.read_text(encoding="utf-8")
        with patch.object(regions, "_judge", _judge_every_section):
            read = parse_json(text)
        assert parse_json(text) == read, path.name


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("问题不足差距困难存在有的。，\n 一"), max_size=30),
    st.data(),
)
def test_an_empty_stretch_holds_no_problem_cue(text: str, data: st.DataObject) -> None:
    """`_problems_by_lead` reads no problem cue in an enumeration's lead, taken as empty."""
    from extractor.regions import _problem

    at = data.draw(st.integers(0, len(text)))
    assert _problem(text, at, at) is None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*("一是", "要", "加强", "坚持", "做好", "工作", "必须", "的"), *"。；： \n"]
        ),
        max_size=16,
    )
)
def test_a_task_sections_points_are_the_sentences_a_point_opens(pieces: list[str]) -> None:
    from types import SimpleNamespace

    from extractor import lexicon
    from extractor.regions import _STRIPPED_SENTENCE, _opens, _points

    text = "".join(pieces)
    node = SimpleNamespace(marker=SimpleNamespace(title_end=0), end=len(text))
    every = [
        m.span(1)
        for m in _STRIPPED_SENTENCE.finditer(text, 0, len(text))
        if _opens(lexicon.POINT, text, *m.span(1)) is not None
    ]
    assert _points(node, text) == every  # type: ignore[arg-type]


def _hints_every_set_listed(folded: str) -> tuple[list[object], list[object], list[object]]:
    """What `_Hints` finds, with lists made for every set before the scan."""
    from extractor.regions import HINTED, _hint_layout, _hint_scan, _opening_reaches

    _, unhinted = _hint_layout()
    scan, openings = _hint_scan()
    reached = _opening_reaches()
    starts: list[list[int]] = [[] for _ in HINTED]
    ends: list[list[int]] = [[] for _ in HINTED]
    froms: list[list[int]] = [[] for _ in HINTED]
    for m in scan.finditer(folded):
        position = m.start()
        for string, owners in openings[m.group(1)]:
            if folded.startswith(string, position):
                for k in owners:
                    if not starts[k] or starts[k][-1] != position:
                        starts[k].append(position)
                        ends[k].append(position + len(string))
                        reach = reached[k]
                        if reach is not None:
                            froms[k].append(position - reach[string])
    return (
        [None if none else found for none, found in zip(unhinted, starts, strict=True)],
        list(ends),
        [found if reach is not None else None for found, reach in zip(froms, reached, strict=True)],
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(_REVIEW_PIECES, max_size=14))
def test_hints_found_with_lists_made_at_a_sets_first_hint(pieces: list[str]) -> None:
    """The hints `_Hints` holds, its lists made at each set's first hint, are those found with
    a list made for every set before the scan; a text read after it finds its own."""
    from extractor.regions import _NONE_FOUND, _Hints

    text = "".join(pieces)
    first = _Hints(text)
    again = _Hints(text + "问题仍然突出。五年来")
    assert (first._starts, first._ends, first._froms) == _hints_every_set_listed(text)
    assert (again._starts, again._ends, again._froms) == _hints_every_set_listed(
        text + "问题仍然突出。五年来"
    )
    assert _NONE_FOUND == []  # shared by every set before its first hint, never added to


# Pieces of texts holding every kind of hint a run asks about: review and problem cues, looks
# back, lists of shortfalls, what turns a run, sentence ends.
_RUN_PIECES = st.sampled_from(
    [
        *("一年来", "过去一年", "2020年", "取得了", "显著成效", "建国以来", "的工作", "回顾"),
        *("存在", "问题", "不足", "不够", "有的", "差距", "面临", "困难", "清醒看到"),
        *("主要任务是", "以上就是", "概述", "力争", "计划", "今后", "批评意见", "结", "要"),
        *("我们", "加强", "，", "。", "；", "：", "\n", "　"),
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_RUN_PIECES, max_size=16),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12),
)
def test_a_search_asked_again_answers_as_the_row_does(
    pieces: list[str], stretches: list[tuple[int, int]]
) -> None:
    """`_Hints.search` keeps its last answer for each set: asked about stretches in any order,
    again or not, it finds what the row finds."""
    from extractor.regions import HINTED, _Hints, _searched_patterns

    text = "".join(pieces)
    hints = _Hints(text)
    searched = [k for k, pattern in enumerate(_searched_patterns()) if pattern is not None]
    assert len(searched) < len(HINTED)
    for a, b in stretches + stretches[::-1]:
        start, end = min(a, b, len(text)), min(max(a, b), len(text))
        for k in searched:
            pattern = _searched_patterns()[k]
            assert pattern is not None
            found = hints.search(k, start, end)
            every = pattern.search(text, start, end)
            assert (found and found.span()) == (every and every.span()), (k, start, end)


@settings(max_examples=200, deadline=None)
@given(st.lists(_RUN_PIECES, max_size=16))
def test_a_stretch_holds_a_hint_where_one_lies_wholly_inside(pieces: list[str]) -> None:
    """`_Hints.holds`, which reads the hints starting inside the stretch, answers as a walk
    over every hint the scan found would, for every set and every stretch."""
    from extractor.regions import HINTED, _Hints

    text = "".join(pieces)
    hints = _Hints(text)
    for k in range(len(HINTED)):
        starts = hints._starts[k]
        if hints._apart[k] is not None or starts is None:
            continue
        found = list(zip(starts, hints._ends[k], strict=True))
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                every = any(start <= s and e <= end for s, e in found)
                assert hints.holds(k, start, end) == every, (k, start, end)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.integers(0, 30), st.integers(1, 8), max_size=12))
def test_a_stretch_holds_a_hint_whatever_the_hints_lengths(found: dict[int, int]) -> None:
    """The same for hints of any lengths, one overlapping another or lying inside it."""
    from extractor.regions import _OPENING_HINT, _Hints

    hints = _Hints("。" * 40)
    starts = sorted(found)
    hints._starts[_OPENING_HINT] = starts
    hints._ends[_OPENING_HINT] = [s + found[s] for s in starts]
    for start in range(41):
        for end in range(start, 41):
            every = any(start <= s and s + found[s] <= end for s in starts)
            assert hints.holds(_OPENING_HINT, start, end) == every, (start, end)


@settings(max_examples=200, deadline=None)
@given(st.lists(_RUN_PIECES, max_size=16), st.integers(0, 80), st.integers(0, 80))
def test_no_stretch_before_the_next_opening_hint_holds_one(
    pieces: list[str], start: int, length: int
) -> None:
    """`_runs` spares a sentence `holds` where it ends by the next hint of what can open a
    run from the paragraph's start: no stretch from there that ends by it holds one."""
    from extractor.regions import _OPENING_HINT, _Hints

    text = "".join(pieces)
    hints = _Hints(text)
    start = min(start, len(text))
    bound = hints.next_start(_OPENING_HINT, start)
    for s_start in range(start, len(text) + 1):
        end = min(s_start + length, bound, len(text))
        if end > s_start:
            assert not hints.holds(_OPENING_HINT, s_start, end)


@settings(max_examples=200, deadline=None)
@given(st.lists(_RUN_PIECES, max_size=16), st.integers(0, 8))
def test_a_task_sentence_without_an_opening_hint_names_nothing(
    pieces: list[str], past: int
) -> None:
    """`_runs` passes over a sentence of a task section, no problem held, that holds no hint
    of what can open a run (to a little past it): reading it would find no problem and no
    review, and hold none over."""
    from extractor.regions import (
        _OPENING_HINT,
        _STRIPPED_SENTENCE,
        _hints,
        _NodeIndex,
        _problems_in_tasks,
        _reviews_in_tasks,
    )

    text = "".join(pieces) + "加强工作。"
    index = _NodeIndex([])
    for s in _STRIPPED_SENTENCE.finditer(text):
        s_start, s_end = s.span(1)
        reach = min(len(text), s_end + 8)
        if _hints(text).holds(_OPENING_HINT, s_start, reach):
            continue
        problems: list[object] = []
        reviews: list[object] = []
        hold = _problems_in_tasks(problems, index, text, (s_start, s_end), None, len(text))  # type: ignore[arg-type]
        _reviews_in_tasks(reviews, index, text, s_start, s_end)  # type: ignore[arg-type]
        assert (hold, problems, reviews) == (None, [], [])


@settings(max_examples=200, deadline=None)
@given(st.lists(_RUN_PIECES, max_size=10))
def test_a_line_without_an_achievements_heading_cue_heads_no_review(pieces: list[str]) -> None:
    """`_review_holds` reads a heading line's role only where an achievements heading cue
    finds: elsewhere the role is never achievements."""
    from extractor.regions import _ACHIEVEMENTS_HEADINGS, ACHIEVEMENTS, _heading_role

    text = "".join(pieces)
    if not any(cue.find(text, 0, len(text)) for cue in _ACHIEVEMENTS_HEADINGS):
        assert _heading_role(text, 0, len(text))[0] is not ACHIEVEMENTS


@settings(max_examples=200, deadline=None)
@given(st.lists(_RUN_PIECES, max_size=16), st.integers(0, 20))
def test_a_sections_opening_review_is_read_as_without_the_hint_check(
    pieces: list[str], title_end: int
) -> None:
    """`_opening_review` asks for the review hint before the problem cue: the answer is the
    one the problem cue and `_review_cue` give."""
    from types import SimpleNamespace

    from extractor.regions import _ITEM_SENTENCE, _opening_review, _problem, _review_cue

    text = "".join(pieces)
    node = SimpleNamespace(
        marker=SimpleNamespace(title_end=min(title_end, len(text))), end=len(text)
    )
    start = node.marker.title_end
    while start < node.end and text[start] in "。!?;: \t\r\n\u2028\u2029":
        start += 1
    m = _ITEM_SENTENCE.match(text, start, node.end)
    every = None
    if m is not None and not _problem(text, m.start(), m.end()):
        every = _review_cue(text, m.start(), m.end())
    assert _opening_review(node, text) == every  # type: ignore[arg-type]


def test_the_rows_read_under_re_are_plain() -> None:
    """A row of _RE_ROWS is its own skeleton (no look-around, anchor, flag or `regex`-only
    construct) and uses no class escape, whose members `re` and `regex` read differently: what
    `re` matches of it is what `regex` matches."""
    import re

    from extractor.regions import _RE_ROWS
    from extractor.triggers import derive_skeleton

    for row in _RE_ROWS:
        assert derive_skeleton(row.pattern) == row.pattern
        assert re.search(r"\\[sSdDwWbBpPX]", row.pattern) is None


def _re_row_texts() -> st.SearchStrategy[str]:
    """Texts built of the rows' own words, cut and mixed: matches, near misses and runs of
    repeated prefixes (切实全面加强…)."""
    from extractor.patterns import alternatives
    from extractor.regions import _RE_ROWS

    words = sorted(
        {
            part
            for row in _RE_ROWS
            for top in alternatives(row.pattern)
            for part in top.replace("(?:", "|").replace(")*", "|").replace(")", "|").split("|")
            if part
        }
    )
    pieces = st.one_of(
        st.sampled_from(words),
        st.sampled_from(words).map(lambda w: w[:1]),
        st.sampled_from(list("，。的工作a 要")),
    )
    return st.lists(pieces, max_size=8).map("".join)


def _re_searched_texts() -> st.SearchStrategy[str]:
    """Texts built of the words of the rows `_Hints.search` reads under `re`, cut and mixed,
    with digits, white space `re` and `regex` read differently (\x1c), and breaks."""
    import re

    from extractor import lexicon

    words = sorted(
        {
            part
            for row in (lexicon.REVIEW_SPAN, lexicon.REVIEW_YEAR)
            for part in re.split(r"[^\u4e00-\u9fff]+", row.pattern)
            if part
        }
    )
    pieces = st.one_of(
        st.sampled_from(words),
        st.sampled_from(words).map(lambda w: w[:1]),
        st.sampled_from(["19", "2023", "5", "十多", "，", "。", "\n", " ", "\x1c", "\u3000", "对"]),
    )
    return st.lists(pieces, max_size=10).map("".join)


@settings(max_examples=500, deadline=None)
@given(_re_searched_texts(), st.integers(min_value=0, max_value=40))
@example("\x1c近些年来，我们取得了新成绩。", 16)
@example("2023年全市完成投资\u3000近些年来", 16)
def test_the_rows_searched_under_re_match_as_under_regex(text: str, end: int) -> None:
    """At every position, up to every end, a row of `_RE_SEARCHED` under `re` matches as the
    row does."""
    from extractor import lexicon
    from extractor.regions import _RE_SEARCHED, _row_match

    end = min(end, len(text))
    for row in (lexicon.REVIEW_SPAN, lexicon.REVIEW_YEAR):
        assert row.pattern in _RE_SEARCHED
        match = _row_match(row.compiled)
        assert match != row.compiled.match
        for position in range(end + 1):
            found, every = match(text, position, end), row.compiled.match(text, position, end)
            assert (found and found.span()) == (every and every.span()), (row.pattern, position)


@settings(max_examples=500, deadline=None)
@given(
    _re_row_texts(), st.integers(min_value=0, max_value=4), st.integers(min_value=0, max_value=40)
)
def test_the_rows_read_under_re_match_as_under_regex(text: str, start: int, end: int) -> None:
    from extractor.regions import _RE_FINDS, _RE_ROWS

    start, end = min(start, len(text)), min(max(start, end), len(text))
    for row in _RE_ROWS:
        found, expected = _RE_FINDS[row.pattern](text, start, end), row.find(text, start, end)
        assert (found and found.span()) == (expected and expected.span())


_ADDRESS_PIECES = st.sampled_from(
    [
        *("尊敬的", "各位", "全体", "同志们", "朋友们", "代表", "来宾", "老领导", "的领导", "领导"),
        *("主席", "先生", "女士们", "阁下", "企业家", "青年朋友们", "各界人士", "同事", "负责人"),
        # Folded text: its commas and exclamation marks are ASCII.
        *("、", ",", "和", "!", ":", " ", "\n", "我们", "工作", "发展", "新征程", "今年"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ADDRESS_PIECES, max_size=14))
def test_a_closing_address_holds_a_hint_within_its_reach(pieces: list[str]) -> None:
    """Wherever CLOSING or CLOSING_INLINE matches, the addressee hint stands within its reach
    of the position: a paragraph without one is passed over as the rows would pass it."""
    from extractor import lexicon
    from extractor.regions import _addressee_hint

    text = "".join(pieces)
    hint, reach = _addressee_hint()
    assert reach > 0
    for position in range(len(text) + 1):
        if hint(text, position, min(len(text), position + reach)) is None:
            for row in (lexicon.CLOSING, lexicon.CLOSING_INLINE):
                assert row.find(text, position, len(text)) is None, (row.pattern, position)


_CLOSING_PLAIN_PIECES = st.sampled_from(
    [
        *("让我", "们", "谢谢", "大家", "我就讲", "这些", "到这里", "以上", "现", "请予", "审议"),
        *(
            "我们",
            "相信",
            "深信",
            ",",
            "只要",
            "在",
            "我的",
            "报告",
            "讲话",
            "就要",
            "完了",
            "到此",
        ),
        *("。", "!", "?", "提请大会", "工作", "\n"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CLOSING_PLAIN_PIECES, max_size=14), st.integers(0, 6), st.integers(0, 40))
def test_a_stretch_without_a_closing_plain_hint_holds_no_match(
    pieces: list[str], start: int, end: int
) -> None:
    """`_deploys` searches CLOSING_PLAIN only where its hint scan finds a trigger: where it
    finds none, the row finds none either."""
    from extractor import lexicon
    from extractor.regions import _hint

    text = "".join(pieces)
    start, end = min(start, len(text)), min(max(start, end), len(text))
    hint = _hint((lexicon.CLOSING_PLAIN.pattern,))
    assert hint is not None
    if hint.search(text, start, end) is None:
        assert lexicon.CLOSING_PLAIN.compiled.search(text, start, end) is None
