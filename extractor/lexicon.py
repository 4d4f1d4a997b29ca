"""lexicon: the words and phrases that decide metadata and roles; data, and no logic beyond
compiling each row.

Every row says how it matches (`MatchMode`) and carries the examples it must match that way and
the counterexamples it must not; one test walks every row (tests/test_lexicon.py). A row
compiles itself when first used: `row.find(text, start, end)` matches the way its mode says, and
`row.compiled` is the pattern. Patterns run on the folded view (source.FOLD): full-width
，：（）！？ and digits appear half-width here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Final, TypeAlias

from extractor import patterns
from schemas import Role

if TYPE_CHECKING:
    import regex

# How a row is matched: (text, start, end) → the match or None.
Find: TypeAlias = "Callable[[str, int, int], regex.Match[str] | None]"


class MatchMode(StrEnum):
    """How a row matches the stretch of text it is given."""

    WHOLE_LINE = "whole_line"  # the whole stretch: a line of the head is one form or none
    AT_START = "at_start"  # from the stretch's start: a paragraph or sentence opens with it
    ANYWHERE = "anywhere"  # anywhere in the stretch


class _Row:
    """Compiles a row's pattern once, when the row is first used (a run uses some rows only),
    and picks how it is matched.

    `find` starts as `_first_find`, which compiles the pattern and puts the pattern's own
    method in its place. Both are plain slots: a `__getattr__` on the class would make every
    read of every field go through the hook, and the classifier reads `find` per sentence."""

    __slots__ = ()
    mode: MatchMode
    pattern: str
    find: Find
    _compiled: regex.Pattern[str] | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "find", self._first_find)

    @property
    def compiled(self) -> regex.Pattern[str]:
        compiled = self._compiled
        return compiled if compiled is not None else self._compile()

    def _first_find(self, text: str, start: int, end: int) -> regex.Match[str] | None:
        if self._compiled is None:  # else a copy of `find` read before the first call
            self._compile()
        return self.find(text, start, end)

    def _compile(self) -> regex.Pattern[str]:
        """Compile the pattern; set `compiled` and `find` to it."""
        compiled = patterns.compile(self.pattern)
        find: Find
        if self.mode is MatchMode.WHOLE_LINE:
            find = compiled.fullmatch
        elif self.mode is MatchMode.AT_START:
            find = compiled.match
        else:
            find = compiled.search
        object.__setattr__(self, "_compiled", compiled)
        object.__setattr__(self, "find", find)
        return compiled


@dataclass(frozen=True, slots=True)
class Cue(_Row):
    """A phrase that signals a role, or (role None) the end of a review or problem run."""

    role: Role | None
    mode: MatchMode
    pattern: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    find: Find = field(init=False, repr=False, compare=False)
    _compiled: regex.Pattern[str] | None = field(
        default=None, init=False, repr=False, compare=False
    )


@dataclass(frozen=True, slots=True)
class Form(_Row):
    """A line shape of the speech's head; `pattern` names the parts it yields as groups."""

    name: str
    mode: MatchMode
    pattern: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    find: Find = field(init=False, repr=False, compare=False)
    _compiled: regex.Pattern[str] | None = field(
        default=None, init=False, repr=False, compare=False
    )


_GENRE: Final = (
    r"(?:总结|动员|主题|主旨|开幕|闭幕|书面|专题)?"
    r"(?:讲话|发言|致辞|致词|演讲|讲演|贺词|(?:工作|辅导)?报告|主持词)(?:稿|提纲)?"
)
# A date as the head states it, in Arabic or Han numerals.
_DATE: Final = (
    r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年"
    r"[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日"
)
_MONTH: Final = r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月"
# What a head's date line states (HEAD_FORMS' "date"), for metadata.py's plain reading of it.
HEAD_DATE: Final = _DATE
HEAD_MONTH: Final = _MONTH
# The office that ends a byline's role: 「县委书记」「市长」「国务院总理」.
ROLE_END: Final = r"(?:书记|长|主任|主席|委员|政委|经理|专员|总理|司令员)"
# A name as bylines print it: 「王建国」, spaced 「龚　正」, or transliterated 「艾尔肯·吐尼亚孜」.
_NAME: Final = r"(?:\p{Han}{1,8}·\p{Han}{1,10}|\p{Han}(?:[ \t]{0,2}\p{Han}){1,3})"
# 委员会 and 常委会 name a body that reports, not a meeting: 「政协…常务委员会工作报告」.
_MEETING: Final = (
    r"(?:会议|大会|(?<!委员|常委)会|座谈会|论坛|典礼|仪式|报告会|团拜会|开班式|培训班)"
)

# Lines of the head of a speech, tried in order on each line before the salutation.
HEAD_FORMS: Final = (
    Form(
        "subtitle",
        MatchMode.WHOLE_LINE,
        # The dash may be lost (「2026年1月14日在…会议上」) or turned into brackets
        # (「（2026年…上）」); without either, a date must lead, or the line is a title
        # 「在…上的讲话」. (?s): a subtitle wrapped over two lines is read as one.
        rf"(?s)(?:——\s*|\(\s*(?={_DATE})|(?={_DATE}))(?P<date>{_DATE})?\s*"
        rf"(?:(?P<speaker>[^在,。]{{1,20}}?)(?:同志)?)?在(?P<occasion>.+?)"
        rf"(?:上(?:的?{_GENRE})?|的{_GENRE})\s*\)?$",
        examples=(
            "——在全县乡村振兴工作会议上的讲话",
            "——2024年1月16日在清河市第十七届人民代表大会第四次会议上",
            "2025年1月20日在临江市第九届人民代表大会第三次会议上",
            "（2025年1月20日在临江市第九届人民代表大会第三次会议上）",
            "——二〇二五年一月二十日在临江市第九届人民代表大会第三次会议上",
            "——在第五届湖滨发展论坛的主旨演讲",
        ),
        counterexamples=("——摘自区委书记的讲话", "在全市工作会议上的讲话"),
    ),
    Form(
        "date",
        MatchMode.WHOLE_LINE,
        # Collected works may date a speech by its month alone: 「（一九四一年五月）」.
        rf"\(?\s*(?P<date>{_DATE}|{_MONTH})\s*(?:,\s*\p{{Han}}{{1,8}}\s*)?\)?$",
        examples=(
            "（一九四一年五月）",
            "（2024年2月20日）",
            "2023年2月1日",
            "(二〇二三年三月一日)",
            "（2024年5月8日，北京）",
        ),
        counterexamples=("2023年2月1日召开的会议",),
    ),
    Form(
        "byline",
        MatchMode.WHOLE_LINE,
        rf"(?:(?P<role>\p{{Han}}{{0,12}}?{ROLE_END})\s*(?P<name>{_NAME})?"
        r"|(?P<only_name>\p{Han}{2,3}|\p{Han}(?:[ \t]{1,2}\p{Han}){1,2}))$",
        examples=(
            "县委书记　王建国",
            "市长　刘洋",
            "区委书记 张三",
            "张三",
            "区委书记",
            "临江市市长 周 明",
            "国务院总理　王　平",
            "自治区主席 阿不都·热依木",
            "赵　立　新",
        ),
        counterexamples=("政府工作报告", "同志们：", "关于开展作风建设年活动的通知"),
    ),
    Form(
        "speech_at",
        MatchMode.WHOLE_LINE,
        rf"(?:(?P<speaker>[^在,。:]{{1,20}}?)(?:同志)?)?在(?P<occasion>.+?)(?:上的?|的){_GENRE}$",
        examples=(
            "区委书记在全区优化营商环境攻坚推进会上的讲话",
            "在全镇防汛抗旱工作部署会上的讲话",
            "市长李明同志在全市安全生产工作会议上的讲话",
            "陈志强同志在全区抓党建促发展工作会议上的总结讲话",
            "2023年在全区组织宣传统战政法工作会议上讲话",
            "在2024年全区新春团拜会上的致辞",
            "在第五届湖滨发展论坛的主旨演讲",
        ),
        counterexamples=("坚持系统观念 统筹推进乡村振兴", "政府工作报告"),
    ),
    Form(
        "meeting_speech",
        MatchMode.WHOLE_LINE,
        rf"(?P<occasion>[^,。:]{{2,40}}?{_MEETING})(?:上的?)?{_GENRE}$",
        examples=("2024年全区教育工作会议讲话", "全市组织工作会议上的讲话"),
        counterexamples=("区委书记在全区人才工作会议上的讲话会",),
    ),
)

# What a head line never is, though short and without a full stop: a news dateline, a
# translator's or editor's bracketed line, a time stamp, a photo caption, markup.
NOT_A_TITLE: Final = Form(
    "not_a_title",
    MatchMode.AT_START,
    r"(?:[\p{Han} ]{0,12}?[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日电"
    r"|\(|\[|(?:现在|現在)?,?我(?:代表|受)|[0-9]{4}[-年/.][0-9]{1,2}[-月/.][0-9]{1,2}日?\s*[0-9]{1,2}[时:]"
    r"|.*(?:摄|<[a-zA-Z/][^>]*>)\s*$)",
    examples=(
        "新华社北京3月8日电",
        "人民网北京5月12日电",
        "（译自代表团档案俄文稿）",
        "现在我代表县委常委会作工作报告",
        "2026年02月10日 07时41分",
        "市长在大会上作报告。本报记者 张明 摄",
        '<div align="center">',
    ),
    counterexamples=("凝心聚力　纵深推进全面从严治党", "政府工作报告"),
)

# A crawl that lost the head's line breaks: the title, then a subtitle, a bracketed date
# and place, or 「※」, and the byline runs on into the salutation or the first sentence.
GLUED_HEAD: Final = Form(
    "glued_head",
    MatchMode.AT_START,
    r"(?:\p{Han}{0,10}?[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日电\s*)?"
    r"(?P<title>[^。!?;:※()]{2,80}?)\s*"
    rf"(?:(?P<subtitle>——[^。!?;:※()]{{2,80}}?(?:上的?{_GENRE}|的{_GENRE}|上(?!的)))\s*"
    rf"(?:\((?P<date>{_DATE})(?:,\s*\p{{Han}}{{1,8}})?\))?"
    rf"|\((?P<date>{_DATE})(?:,\s*\p{{Han}}{{1,8}})?\)|※)\s*",
    examples=(
        "携手共进 共创未来——在第五届湖滨发展论坛上的主旨演讲（2025年6月3日，临江）",
        "在全省科技创新大会上的讲话（2025年1月8日）",
        "新华社临江5月3日电携手共进——在湖滨发展论坛上的演讲（2025年5月2日，临江）",
        "坚持人民至上 健全基层治理体系※",
    ),
    counterexamples=("今天，我们召开全县文明城市创建工作推进会（扩大）",),
)

# The editor's note that states the speech at the end of a collected work:
# 「*这是X同志在Y上讲话的一部分。」「（这是X同志在Y上的报告要点。）」, or a crawl's
# 「（2024年3月1日在Y上的讲话）」 under an excerpt.
NOTE: Final = Form(
    "note",
    MatchMode.ANYWHERE,
    r"(?:[*※]\s*这是|\(这是)(?P<speaker>[^,。;:在()]{2,40}?)(?:同志[^,。;:在()]{0,20}?)?"
    rf"(?:(?P<date>{_DATE}|[0-9一二三四五六七八九十]{{1,2}}月[0-9一二三四五六七八九十]{{1,3}}日)"
    r"(?:上午|下午|晚上?)?)?"
    r"(?:在(?P<occasion>[^。;()]{2,80}?)(?<![的在])上(?:[^。;()]{0,60}?)?"
    rf"|(?:在\p{{Han}}{{1,12}}?)?(?:主持召开|参加|出席)(?P<occasion>[^。;()]{{2,60}}?{_MEETING})时的?)"
    rf"(?:所作的?)?(?:《[^》]{{2,80}}》)?(?:{_GENRE}|说明)"
    rf"|\((?P<date>{_DATE})在(?P<occasion>[^。;()]{{2,80}}?)上的?{_GENRE}\)",
    examples=(
        "*这是王立同志在全省农村工作会议上讲话的一部分。",
        "（这是赵平同志在边区第二次参议会上的报告要点。）",
        "（这是中共县委书记、县长周明3月4日下午参加县政协委员联组会时的讲话。）",
        "*这是李清同志在南京主持召开苏南五市发展座谈会时的讲话。",
        "*这是周平同志在省人大常委会第九次会议上所作的关于设立开发区的说明。",
        "*这是周平同志在上海举行的东亚经济论坛上的讲话。",
        "*这是周平同志访问瑞士期间在日内瓦裁军谈判会议上的讲话。",
        "*这是周平同志在县委常委会会议上关于防汛问题的两次讲话的要点。",
        "（2024年3月1日在全省生态环境保护大会上的讲话）",
    ),
    counterexamples=(
        "（这是完全必要的），共产党员必须深入群众。",
        "*这是孙平同志同出席省总工会执委会议的全体同志座谈时讲话的要点。",
        "*这是陈明同志在《学习》杂志一九九〇年第三期上发表的文章。",
    ),
)
# A note that names the speaker though no meeting: 「*这是X同志会见…时谈话的要点」.
NOTE_SPEAKER: Final = Form(
    "note_speaker",
    MatchMode.ANYWHERE,
    r"(?:[*※]\s*|\()这是(?P<speaker>\p{Han}{2,4})同志",
    examples=("*这是王立同志会见外宾时谈话的要点。", "（这是赵平同志写给县委的信。）"),
    counterexamples=("（这是完全必要的），共产党员必须深入群众。", "这是同志们共同努力的结果。"),
)
# The title a note names: 「原题为《X》」, 「的讲话《X》」, 「所作的关于…的说明」.
NOTE_TITLE: Final = Form(
    "note_title",
    MatchMode.ANYWHERE,
    r"(?:原题为|题为|所作的?|讲话|演讲|报告)《(?P<title>[^》]{4,80})》"
    r"|所作的(?P<title>关于[^。;]{2,80}?的(?:说明|报告))",
    examples=(
        "原题为《加强团结，携手共进》",
        "所作的关于设置开发区和《开发区条例》的说明",
        "在全省工作会议上的讲话《统一思想，扎实工作》的一部分",
    ),
    counterexamples=("在《求是》杂志上发表的文章",),
)
# A crawl's footer that keeps the headline the site replaced.
ORIGINAL_TITLE: Final = Form(
    "original_title",
    MatchMode.ANYWHERE,
    r"原标题\s*:\s*(?P<title>[^\n。]{4,80}?)\s*$",
    examples=("原标题：坚持人民至上 健全基层治理体系",),
    counterexamples=("标题：无",),
)

# A line that ends as a title ends: above a subtitle, it is a title of its own (the page's
# headline over the document's), never the first line of a title printed over two.
TITLE_END: Final = Cue(
    None,
    MatchMode.ANYWHERE,
    r"(?:报告|讲话|发言|致辞|致词|演讲)$",
    examples=("2025年临江市政府工作报告", "在全县工作会议上的讲话"),
    counterexamples=("坚定信心　砥砺奋进",),
)
# Addressees that open a salutation for certain: a byline glued before them never ends in
# them (「王立新同志们：」 is a name and 同志们).
ADDRESS_OPENS: Final = Cue(
    None,
    MatchMode.AT_START,
    r"尊敬|各位|全体|亲爱|同志|同胞|女士|先生|朋友|主席|大会",
    examples=("同志们：", "尊敬的各位来宾：", "各位代表："),
    counterexamples=("新同志们：",),
)
# An endnote or its heading after a collected work's note (「〔3〕见…」「注释」): the note is
# looked for above them.
ENDNOTE: Final = Cue(
    None,
    MatchMode.AT_START,
    r"〔[0-9]{1,3}〕|\[[0-9]{1,3}\]|↑|注释\s*$",
    examples=("〔1〕见某某《文集》第2卷，第12页。", "注释", "[2]原文无货币单位。"),
    counterexamples=("*这是王立同志在全省工作会议上讲话的一部分。",),
)

# The title that survives only inside a web copy's boilerplate.
TITLE_IN_BOILERPLATE: Final = Form(
    "boilerplate_title",
    MatchMode.ANYWHERE,
    r"(?:下面|以下)是?(?:小编|本站|我们)?(?:为|给)?大家(?:精心)?(?:整理|收集|搜集|准备)的"
    r"(?:一篇|关于)?(?P<title>[^,。]{4,80}?)[,，]\s*(?:仅?供(?:大家)?(?:参考|借鉴|学习)|希望)",
    examples=(
        "下面是小编为大家整理的区委副书记在全区机关作风建设大会上的讲话，供大家参考。",
        "以下是小编为大家收集的在全市工作会议上的讲话,仅供参考。",
    ),
    counterexamples=("下面，我讲三点意见。",),
)

# An opening address alone on its line (or opening it), before its colon. 「…党的领导，」 is
# not one: only 尊敬的 stands before an addressed 领导 with 的.
_ADDRESSEE: Final = (
    r"(?:(?:尊敬的)?(?:各位|全体)?\p{Han}{0,6}?"
    r"(?:同志们|朋友们?|代表们?|委员们?|(?<!(?<!尊敬)的)领导|嘉宾|来宾|贵宾|同学们|老师们|乡亲们|先生们|女士们"
    r"|同仁们?|企业家们?|战友们|青年朋友们|学员们?|学生们?|职工们?|干部职工|老同志们?|各界人士"
    r"|同胞们|同事们?|理事们?|团长|元首|首脑|负责人)"
    # A dignitary: 「尊敬的」 and whoever follows, or an office with 先生 「大会主席先生」.
    r"|尊敬的\p{Han}{2,16}|\p{Han}{1,12}?(?:先生|女士|阁下|陛下|殿下))"
)
# A letter's label (回信, 贺信) may stand glued before its addressees.
_SALUTATION_BODY: Final = (
    rf"(?:(?:回信|复信|贺信|贺电|致信)?"
    rf"(?P<salutation>{_ADDRESSEE}(?:\s*[、,和及]\s*{_ADDRESSEE})*)"
    # A letter names its addressees as it likes: 「回信某大学全体留学生：」.
    rf"|(?:回信|复信)(?P<salutation>[^:。!?,]{{2,40}}?))\s*"
)
SALUTATION: Final = Form(
    "salutation",
    MatchMode.AT_START,
    rf"{_SALUTATION_BODY}[:!]",
    examples=(
        "同志们：",
        "各位代表：",
        "各位老领导、同志们、朋友们：",
        "女士们、先生们：",
        "同志们:今天",
        "同胞们，同志们，朋友们：",
        "主席先生，各位同事：",
        "尊敬的阿米尔总统，尊敬的各位同事：",
        "回信乡亲们：",
        "大会主席先生，国际组织总干事先生，各位代表：",
        "尊敬的各位理事，各代表团团长，各位嘉宾，女士们，先生们，朋友们：",
        "尊敬的各位国家元首、政府首脑，尊敬的各位国际组织负责人，各位来宾：",
        "尊敬的联合国秘书长先生，尊敬的各位同事：",
        "回信临江大学全体“00后”学生：",
    ),
    counterexamples=("各镇（街道）党（工）委，区直各部门：", "同志们，让我们共同努力！"),
)
# The addressees that open a speech's first line are its salutation, though a comma follows.
OPENING_ADDRESS: Final = Form(
    "opening_address",
    MatchMode.AT_START,
    rf"{_SALUTATION_BODY}[:!,]",
    examples=("同志们，这次会议开得很好。", "各位代表，现在我代表县人民政府报告工作。"),
    counterexamples=("现在，我代表县委讲几点意见。",),
)

# Words before a meeting's name that are no part of it: a quantifier, a demonstrative, praise.
OCCASION_LEAD: Final = r"(?:这次|本次|此次|这个|这一|一个|一次|今天的?|今年的?|隆重的|盛大的)"
# The meeting named in the opening words when the title names none.
OCCASION_IN_BODY: Final = Form(
    "occasion_in_body",
    MatchMode.ANYWHERE,
    r"(?:今天|今天上午|今天下午|今年)[,]?\s*(?:我们)?(?:在这里)?(?:隆重)?(?:召开|举行)了?"
    rf"(?!{OCCASION_LEAD})(?P<occasion>[^,。;:!?、]{{4,40}}?{_MEETING})(?=[,。;])",
    examples=(
        "今天，我们召开全县文明城市创建工作推进会，主要目的是统一思想。",
        "今天,我们在这里召开全区创建全国双拥模范城工作推进会,主要目的是传达精神。",
    ),
    counterexamples=(
        "今天转入第二阶段，召开这次会议的主要任务是总结工作。",
        "今天，我们在这里召开隆重的大会，纪念建县六十周年。",
    ),
)

# The meeting a report is addressed to, in its opening words: 「我代表县人民政府，向第九届人民代表
# 大会第三次会议作政府工作报告」. 「向大会作报告」 names no meeting.
OCCASION_ADDRESSED: Final = Form(
    "occasion_addressed",
    MatchMode.ANYWHERE,
    rf"(?<![将要])向(?!{OCCASION_LEAD})(?P<occasion>[^,。;:!?、向]{{4,40}}?{_MEETING}),?\s*(?:作|提出|报告)",
    examples=(
        "现在，我代表县人民政府，向第九届人民代表大会第三次会议作政府工作报告，请予审议。",
        "我代表第八届县委，向中国共产党临江县第九次代表大会作报告。",
        "县人民政府向县第九届人民代表大会第二次会议提出关于五年规划的议案。",
    ),
    counterexamples=(
        "现在，我代表县人民政府向大会作政府工作报告，请予审议。",
        "我代表县委向这次大会作报告。",
        "我也将向县人民代表大会提出辞去县长职务。",
    ),
)

# A paragraph of the opening that starts with the meeting's name as its subject:
# 「中国共产党临江县第九次代表大会，现在开幕了！」「…代表大会是一次极为重要的大会。」
OCCASION_OPENING: Final = Form(
    "occasion_opening",
    MatchMode.AT_START,
    rf"(?!{OCCASION_LEAD})"
    r"(?P<occasion>(?:(?!这次|本次|此次|召开|举行|要|将)[^,。;:!?、]){4,40}?"
    r"(?:代表大会|全体会议|全会|大会|会议))"
    r"(?:,|是|现在|今天|在)",
    examples=(
        "中国共产党临江县第九次代表大会，现在开幕了！",
        "中国共产党临江县第十次代表大会是一次极为重要的大会。",
    ),
    counterexamples=(
        "县委这次全会，是个很重要的会议。",
        "党的十一届三中全会以来，我们取得了很大成绩。",
        "明年要召开第四次全县工作会议，届时应正式宣布开工。",
    ),
)

# The sentence that states what the meeting is for.
PURPOSE: Final = Cue(
    None,
    MatchMode.ANYWHERE,
    r"主要(?:任务|目的)(?:就)?是|这次会议的(?:主要)?(?:任务|目的)|召开这次会议[,]?(?:就是|主要是)",
    examples=("这次会议的主要任务是，总结工作、部署任务。", "今天召开会议，主要目的是统一思想。"),
    counterexamples=("今年的主要目标是增长5%。",),
)

# Roles read from a heading. Tried in order; the first row that matches decides.
# Achievements and problems are named by nouns (成效, 问题); a heading that opens with an
# imperative verb (坚持问题导向, 推动…取得新成效) is a task, whatever nouns follow.
IMPERATIVE: Final = Cue(
    Role.TASKS,
    MatchMode.AT_START,
    r"(?:要|必须|着力|切实|进一步|要进一步|全力|全面|大力|积极|扎实|持续|不断|坚决|牢牢|深入"
    r"|全力以赴|奋发有为|真抓实干|凝心聚力|攻坚克难|锐意进取|守正创新|踔厉奋发|勇毅前行|埋头苦干"
    r"|乘势而上|多措并举|统筹兼顾)*"
    r"(?:加强|强化|推进|推动|坚持|聚焦|突出|压实|压紧|狠抓|提升|提高|着力|深化|健全|完善|优化"
    r"|抓好|抓实|抓紧|抓住|做好|做实|做优|做强|确保|筑牢|守牢|守住|夯实|加快|加大|严格|落实|打造|构建"
    r"|建设|实施|开展|坚定|聚力|凝心|凝聚|统筹|创新|激发|营造|防范|维护|保障|巩固|拓展|明确|细化|紧盯"
    r"|紧扣|围绕|立足|把握|发挥|增强|树立|弘扬|践行|贯彻|共享|汇聚|锚定|锻造|培育|促进|严守|严把|用好"
    r"|管好|办好|打好|打赢|稳住|稳定|扩大|激活|释放|聚焦|勇于|敢于|善于|主动|用心|倾力|奋力|合力|协力"
    r"|下好|走好|答好|写好|当好|扛起|扛牢|把牢|织密|补齐|补强|破解|攻坚|深耕|做足|挖掘|增进"
    r"|充分|开辟|开创|谱写|铸就|书写|构筑|提振|引领|带动|助力|集聚|打通|畅通|改善|保持|坚守|守护|捍卫"
    r"|牢记|赋能|擦亮|叫响|做大|做精|做细|抓牢|盯紧|严防|整治|治理|规范|加速|加紧|用足|盘活)",
    examples=(
        "坚持问题导向，狠抓整改落实",
        "推动党建工作取得新成效",
        "全面加强政府自身建设",
        "要进一步压实责任，形成创建工作的合力",
    ),
    counterexamples=("当前工作中存在的问题", "2023年工作回顾", "现状"),
)
HEADING_CUES: Final = (
    Cue(
        Role.ACHIEVEMENTS,
        MatchMode.ANYWHERE,
        r"工作回顾|回顾|成绩|成效|成就|过去(?:的)?(?:一|五|几|十)年(?:的|来)?(?:主要)?工作"
        r"|(?:去年|上年)(?:的)?(?:主要)?工作",
        examples=(
            "2023年工作回顾",
            "动员迅速,学习扎实,第一阶段工作初见成效",
            "肯定成绩，正视问题",
            "过去五年的工作和新时代十年的伟大变革",
            "过去一年的主要工作",
        ),
        counterexamples=("营造氛围、汇聚合力共创双拥佳绩",),
    ),
    Cue(
        Role.PROBLEMS,
        MatchMode.ANYWHERE,
        # 「关于…问题」, 「几个问题」, 「若干问题」 name a topic: 问题 there means "the matter of".
        r"(?<!关于[^。]{0,30}|(?:[几两三四五六七八九十]个|若干)(?:重大|重要|理论|实际|具体)?)"
        r"问题(?!导向)"
        r"|不足|差距|短板|弱项|困难|挑战|薄弱",
        examples=(
            "当前工作中存在的问题",
            "存在的差距和不足",
            "清醒认识发展中存在的突出问题",
            "深刻认识营商环境建设存在的短板弱项",
        ),
        counterexamples=(
            "现状",
            "关于过渡时期总路线的问题",
            "几个重大问题",
            "国民经济计划执行中的若干问题",
        ),
    ),
    Cue(
        Role.SITUATION,
        MatchMode.ANYWHERE,
        r"认清形势|形势|认识|意义|站位|统一思想|重要性|必要性|紧迫性|自觉性|紧迫感|责任感|使命感",
        examples=(
            "认清形势、凝心聚力争创“三连冠”",
            "提高政治站位,深刻认识党建工作的重要意义",
            "要进一步统一思想，增强创建工作的紧迫感",
        ),
        counterexamples=("突出重点、精准发力推进双拥创建",),
    ),
    Cue(
        Role.TASKS,
        MatchMode.ANYWHERE,
        r"任务|要求|措施|部署|安排|打算|意见|建议|步骤|目标|重点|今后|下一步|保障|举措|思路|领导"
        r"|主要工作|(?:明年|今年|下一步|下半年)(?:的)?(?:各项|主要|重点)?工作",
        examples=(
            "2024年政府工作任务",
            "今后意见",
            "总体要求和政策取向",
            "方法步骤",
            "2026年主要工作",
        ),
        counterexamples=("去年", "现状"),
    ),
)

# Sentence cues of the review and the problems, outside task sections.
# A review opens with a time span looking back; 去年 or a year needs a verb of completion too.
REVIEW_SPAN: Final = Cue(
    Role.ACHIEVEMENTS,
    MatchMode.ANYWHERE,
    r"(?<!对)(?:(?:刚刚)?过去(?:的)?(?:一|五|几|(?:19|20)[0-9]{2})年|(?:一|五|几|两|三|十)年来|(?:(?<![0-9])[0-9]{1,3}多?|[二三四五六七八九]十多)年来(?!最|首次|第一次)|近年来|近几年"
    # 近些年 opens its clause: 「对于近些年来日益突出的…问题」 names a problem's age.
    r"|(?<![^\s,。:;!?])近些年来?|去年以来|这(?:五|十)年(?:来|里|间|中)?"
    r"|今年以来|一段时间以来"
    # Since an event the speaker's side lived through (抗战以来, 党的十八大以来).
    r"|(?:抗战|解放|建国|新中国成立|改革开放|党的十[八九]大|十[八九]大|二十大|本届政府|上次大会"
    r"|上次会议|三中全会)以来)",
    examples=(
        "刚刚过去的一年，全区工作紧扣总目标。",
        "一年来，我们始终坚持改革引领。",
        "特别是近几年,我们做了大量工作。",
        "党的十八大以来，我们坚持把解决好“三农”问题作为全党工作重中之重。",
        "抗战以来，我们的文化工作有了很大的发展。",
        "刚刚过去的2025年，我们统筹做好改革发展稳定工作。",
        "近些年来，各级人大的工作取得了很大成绩。",
        "70年来，全县水利建设取得显著成效。",
        "四十多年来，我们的工作有了很大的发展。",
        "——这五年城乡面貌焕然一新。",
    ),
    counterexamples=(
        "今年是全面贯彻党的二十大精神的开局之年。",
        "对过去一年的工作，区委是满意的。",
        "长期以来，一些地方重建设轻管理。",
        "对于近些年来日益突出的下岗职工问题，中央多次研究。",
        "去年世界经济增速为6年来最低。",
    ),
)
REVIEW_YEAR: Final = Cue(
    Role.ACHIEVEMENTS,
    MatchMode.ANYWHERE,
    r"(?:去年|上年|前一阶段|这几年|(?:19|20)[0-9]{2}年)"
    r"(?=.*(?:取得|完成|实现|做了|获得|荣获|增长|达到|成效|成果|突破|迈上|办成|建成|新建|新增|累计))",
    examples=(
        "从大家发言情况看，2020年，全区各级各部门取得了较为显著的成果。",
        "这几年，县委宣传部在这方面做了大量工作。",
    ),
    counterexamples=(
        "2024年是全面贯彻党的二十大精神的关键之年。",
        "这几年以来，我一直引用这句话。",
    ),
)
# A review that names its results without a time span: 「…达到了预期目的，取得了重大成果。」
REVIEW_RESULT: Final = Cue(
    Role.ACHIEVEMENTS,
    MatchMode.ANYWHERE,
    r"取得了[^。,;]{0,8}(?:成果|成效|成绩|成就|进展|胜利)|(?:成效|成绩|进展)(?:明显|显著|突出)"
    # What a campaign yields besides results: 「进行了新探索、积累了新经验」, 「进展良好」.
    r"|积累了[^。,;]{0,8}经验|进展(?:良好|顺利)",
    examples=(
        "整个主题教育特点鲜明、扎实紧凑，达到了预期目的，取得了重大成果。",
        "这次集中整治，对作风建设进行了新探索、积累了新经验。",
        "开发区筹建以来进展良好，已显示出一些好的前景。",
    ),
    counterexamples=(
        "推动各项工作取得新成效。",
        "力争取得更大成绩。",
        "要注意积累经验。",
        "确保各项工程进展顺畅。",
    ),
)
# A report of the work done, announced (「再回过头来谈谈…过去的活动」, 「作…以来的工作报告」): the
# review goes on over the paragraphs after it, whatever cues they lack.
REVIEW_ANNOUNCED: Final = Cue(
    Role.ACHIEVEMENTS,
    MatchMode.ANYWHERE,
    # A meeting's agenda pairs the review with the deployment (总结…，部署…): what follows
    # is the deployment, not a report of the work done.
    r"(?<!将)(?<![^简主重需]要)(?:回过头来|回顾|谈谈|讲讲|说说|汇报|报告|总结)(?!了)"
    r"(?![^。!?;]{0,60}部署)[^。!?;]{0,30}?"
    r"(?:过去|以来|年来|上届|前一阶段)[^。!?;]{0,12}?的?(?:工作|活动|斗争|情况)"
    r"|(?:以来|年来)的?工作报告",
    examples=(
        "现在，再回过头来谈谈县工委过去的活动和计划。",
        "现在我代表执行委员会作关于上次大会以来的工作报告。",
        "下面，我简要汇报一下去年以来的主要工作。",
    ),
    counterexamples=(
        "要认真总结经验，把握规律。",
        "现在，我代表县人民政府向大会报告工作，请予审议。",
        "这次大会将总结县妇联五年来的工作。",
        "上次大会总结了过去五年的工作，确定了今后的目标。",
        "今天召开这次会议，主要任务是总结前一阶段安全生产工作情况，部署下一步工作。",
    ),
)
# A paragraph that opens looking back (「五年来，…」) and says the review unfolds in parts: the
# paragraphs after it are those parts.
REVIEW_FRAMED: Final = Cue(
    Role.ACHIEVEMENTS,
    MatchMode.ANYWHERE,
    r"(?:分作|分为|分成|经历了?)[^。!?;]{0,8}?(?:阶段|时期|方面|部分)"
    r"|(?:以下|如下)(?:几个|[两三四五六七八九十]个)?方面|(?:主要|重点)(?:做了|抓了)",
    examples=(
        "几年来，我们同困难进行了艰苦的斗争，大致可以分作两个阶段。",
        "一年来，我们主要做了以下几个方面的工作：",
    ),
    counterexamples=(
        "一年来，我们始终坚持改革引领。",
        "改革开放以来我们取得一切成绩的根本原因，归结起来就是：",
    ),
)
# What ends a review that goes on over paragraphs, at a paragraph's start: criticism turned to
# (「现在我想就…提出批评意见」), a part that sums up (小结).
REVIEW_STOP: Final = Cue(
    None,
    MatchMode.AT_START,
    r"[^。!?]{0,30}?(?:批评意见|提出批评)|(?:小|总)\s*结\s*$|结\s*(?:束\s*)?语\s*$",
    examples=("现在我想就我们最近一年的工作提出批评意见。", "小　　结", "结束语"),
    counterexamples=("我们在工人中进行了宣传。", "小结一下经验，就是三条。"),
)
# The sentence that closes such a review, itself a part of it: 「以上就是…的概述。」
REVIEW_CLOSES: Final = Cue(
    Role.ACHIEVEMENTS,
    MatchMode.AT_START,
    r"以上(?:就|便)?是[^。!?;]{0,24}?(?:概述|概况|回顾|总结)",
    examples=("以上就是我们对敌斗争的概述。", "以上是一年来工作的简要回顾。"),
    counterexamples=("以上报告，请予审议。",),
)
# A sentence of a review run outside a review section that no longer reports: it demands, or
# looks ahead (「这就要求…」, 「应该…」, 「我们有信心…」). The run ends before it.
REVIEW_END: Final = Cue(
    None,
    MatchMode.ANYWHERE,
    r"这就(?:要求|需要)|应该(?!说|看到|承认)|应当(?!说|看到|承认)|应继续|(?<![为对])今后|有信心|有决心"
    r"|将(?:继续|进一步|逐步|坚持)|的(?:关键|开局|起步)(?:之年|时期|阶段)",
    examples=(
        "任务越来越繁重，这就要求各级人大把自身建设放在重要位置上。",
        "好的政策都应该顺应人民意愿。",
        "我们有信心如期完成全年目标任务。",
        "“十五五”时期是全面发力的关键时期。",
    ),
    counterexamples=(
        "应该说，这一年的成绩是显著的。",
        "应当说，这九年是经济实力增长最快的时期。",
        "全年新增就业8600人。",
        "为今后发展奠定了坚实基础。",
    ),
)
# A completed action (了, 已, 取得…) in a sentence that looks back: inside a task section, that
# sentence reviews.
REVIEW_DONE: Final = Cue(
    Role.ACHIEVEMENTS,
    MatchMode.ANYWHERE,
    r"(?<![为除])了(?!解)|已经?|取得|获得|实现|成效|成绩|成就|进展",
    examples=(
        "抗战以来，部队的文化水平提高了一步。",
        "近年来，全县已建成高标准农田12万亩。",
    ),
    counterexamples=("近年来，一些地方重建设轻管理。", "为了解决这个问题"),
)
# A sentence about the future is not a review, whatever years and verbs it holds.
FORWARD: Final = Cue(
    None,
    MatchMode.ANYWHERE,
    r"力争|(?<!达到了?|实现了?)预期|争取|计划|目标是|将要|将会|(?:我们|今年|明年|下一步|一定)要|要确保",
    examples=("2024年，全市地区生产总值力争增长5.5%左右。", "明年要实现新突破。"),
    counterexamples=(
        "一年来，我们始终坚持把党的政治建设摆在首位。",
        "达到了预期目的，取得了重大成果。",
    ),
)
# What a clause sets out to overcome (克服侥幸心理, 消除了…存在的隐患) is a task or an
# achievement, not a problem; a clause that addresses one (针对…困难和问题, 加强薄弱环节)
# reports the work.
# Each alternative: the words, the class of what may stand between a word and the cue, and at
# most how many such characters (regions asks `re` for the look-behind from these pieces).
ADDRESSING: Final = (
    (
        "克服|消除|防止|杜绝|破除|避免|解决|补齐|补强|整改|化解|防范|针对|加强|弥补|应对|堵塞"
        "|填补|补上|补好|正视|研究|回应|聚焦|着力|回避|掩饰|遮掩|纠正|改正|缩小|避免|把|虽然|尽管",
        "[^。,;:]",
        20,
    ),
    ("针对", "[^。;]", 40),
)
_ADDRESSED: Final = (
    "(?<!"
    + "|".join(
        (f"(?:{words})" if "|" in words else words) + f"{gap}{{0,{most}}}"
        for words, gap, most in ADDRESSING
    )
    + ")"
)
_PROBLEM_CUES: Final = (
    r"(?:"
    r"差距和不足|不足和差距|差距与不足|问题和不足|不足之处|困难和挑战|困难和问题|短板和不足"
    r"|存在[^。,;:]{0,12}?(?:问题|困难|不足|短板|差距|薄弱环节|漏洞|盲区|隐患)"
    r"|(?<![补齐])短板|(?<![补强])弱项|不到位|不容忽视|遗憾的是|清醒(?:地)?(?:认识|看到)"
    r"|(?:但是?|同时|当然)[,]?(?:我们)?(?:也|还)(?:必须|要|应当|应该)?看到"
    r"|面临[^。,;:]{0,8}?(?:困难|挑战|压力)|面临[^。,;:]{0,8}?(?:突出|严重|深层次)(?:矛盾和|的)?问题|问题(?:比较|较为|仍然|依然|还)?突出|滞后(?!影响|效应)"
    r"|侥幸心理|麻痹(?:思想|大意)|(?:还有|有一定|不小的)差距"
    r"|必须(?:清醒(?:地)?)?看到|(?:依然|仍然)严峻|不容乐观|(?:仍然|依然|还|较为|比较)薄弱"
    # Shortfalls the speaker names in his own side's work.
    r"|暴露(?:出|了)|缺乏|(?<!不能再?|不可|不容|切勿|不要|可以)忽视|不适应|亟待|不够(?!的)|仍嫌"
    r"|不力|不完善|不健全|不完备|(?:很|较|甚)差|缺点|恶果|弊病|(?<=[的种个些了])偏向"
    r"|有的[^。;]{2,40}[,;]有的[^。;]{0,30}?(?:不|没有|缺乏|差|难|少)"
    # Shortfalls stated without a noun of their own: what is lacking, weak, unsolved or wrong.
    r"|(?:尚|还|仍然?|也)有[^。,;:]{0,8}?(?:不足|缺点|弱点|缺陷|失误|偏差)"
    r"|(?:问题|现象|矛盾)(?:比较|较为|仍然|依然|还|十分|相当|仍|更加|日益)?严重"
    r"|(?:现象|矛盾)(?:比较|较为|仍然|依然|还|十分|相当|仍)?突出(?!的)"
    r"|(?:问题|现象)(?:不同程度|普遍|大量|仍然|依然|还)(?:地)?存在"
    r"|(?:尚未|还没有|没有|未能)(?:得到)?(?:从根本上|根本|彻底|有效|真正)(?:解决|扭转|破解|理顺)"
    r"|主要问题(?:是|有|在于)|(?:还|仍|也)不是很|忽略了"
    r"|值得(?:注意|警惕)的是[,]?\s*(?:有的|有些|一些|少数|个别)"
    r"|(?:还|仍|也)有(?:一些|不少|许多|很多)困难"
    # A speaker who announces criticism of his own side: 「我想就…的工作提出批评意见」.
    r"|我(?:们)?想?(?:就|对)[^。,;:]{2,30}?提出批评"
    r"|(?:效益|效率)(?:仍然|还|也)?(?:不高|低下)"
    r"|浪费(?:是|很|十分|相当)?(?:很大|严重|惊人)"
    r"|(?:但是?|然而|不过)[,]?(?:也|还|仍)(?:有|存在)(?:一些|少数|个别|部分|的)"
    r"|(?:甚为|极为?|很|十分|仍然|依然|显得)(?:微弱|无力|软弱)"
    r"|(?:没有|未获|未取得|未有)(?:多大|多少|什么)(?:成绩|成就|成效|进展)"
    r"|未(?:能)?引起[^。,;:]{0,6}?(?:注意|警觉|重视)"
    # An error made, not one to avoid or a person who made one: 「犯了很多错误」, not
    # 「不犯颠覆性错误」「否则发生错误」「犯了错误的同志」.
    r"|(?:犯|产生|发生|出现)(?:了|过)[^。,;:]{0,10}?(?:错误|失误|偏差)(?![的而])|失算"
    r"|(?:还|仍然?|也)(?:很|太)(?:少|差|低|弱)|(?:仍然|依然|还|也|普遍|总体)不高(?!兴)"
    r"|(?:还|仍然?|也|都)(?:很|极其|十分|非常|相当)困难(?!的(?:条件|情况|环境|时候))"
    r"|(?:也|还|很|十分|非常|比较|相当)有限(?![额公责])"
    # A gap of the speaker's side that stays or grows, not one that narrows.
    r"|(?:同|与)[^。,;:]{2,24}?的[^。,;:]{0,4}?差距[^。,;:]{0,4}?"
    r"(?:还|仍|依然|越来越大|拉大|扩大|很大|较大|不小)"
    r"|(?:还|仍|也)有(?:很大|较大|不小|一定|明显)的?差距"
    r")"
)
# What PROBLEM opens with: a cue looked ahead at, and what it may not follow (regions reads
# the rest of the row after it).
PROBLEM_GUARD: Final = rf"(?={_PROBLEM_CUES}){_ADDRESSED}"
PROBLEM: Final = Cue(
    Role.PROBLEMS,
    MatchMode.ANYWHERE,
    # The cues looked ahead first: the look behind is tried only where one stands.
    # 「在…面临巨大压力的情况下，…」 concedes a difficulty on the way to what was done.
    rf"{PROBLEM_GUARD}{_PROBLEM_CUES}"
    r"(?![^。,;:]{0,8}?的(?:情况|条件|背景|形势)下)",
    examples=(
        "在看到成绩的同时，还要看到我们存在的差距和不足：",
        "争创“三连冠”工作仍然存在一些困难和挑战。",
        "最遗憾的是我们非常需要钱。",
        "但是也要看到，当前正值汛期和农忙季节。",
        "同时也要看到，民营企业发展还面临不少困难。",
        "招工难等问题比较突出。",
        "比如，部分县区污水管网建设滞后。",
        "当然，我们的工作离群众期盼还有差距。",
        "但在巡视过程中充分暴露出我区在党建工作方面还存在不少问题。",
        "有的单位表态多、调门高，有的干部行动少、落实差。",
        "我们对敌占区的组织工作重视不够。",
        "下层干部缺乏经验。",
        "它所造成的恶果也不小，主要表现为：",
        "但是，在推进中尚有不少不足的地方。",
        "党内存在的一些突出问题尚未得到根本解决。",
        "现在，不愿担当、不敢担当的问题不同程度存在。",
        "基层有法不依、执法不严的现象比较突出。",
        "由于种种原因，配套措施还不是很实，主要问题是：",
        "当前，我们在经济建设中面临的一个严重问题是资金不足。",
        "首先我们忽略了党员的教育工作。",
        "现在我想就我们一年来的工作提出批评意见。",
        "现在，值得注意的是，有的人存在着一种消极情绪。",
        "花的钱不少，效益不高。",
        "我国经济现在还有一些困难。",
        "由于分散造成的浪费是很大的。",
        "工作中出现了急于求成的偏向。",
        "但也有一些地方面对疫情进退失措。",
        "在对敌经济斗争上，我们仍然无力。",
        "一九四一年在反特务斗争上没有多大成绩。",
        "前三次“扫荡”都未引起我们的警觉。",
        "两地都产生了政策上“左”的错误。",
        "我们人手还很少，不能立即展开工作。",
        "在农村，宣传工作还很困难。",
        "同时，目前财力物力也有限。",
        "在这方面，我们同先进水平的差距越来越大。",
        "我国的技术水平同发达国家相比还有很大差距。",
        "欠发达地区同沿海发达地区的发展差距还很大。",
    ),
    counterexamples=(
        "针对民营企业发展遇到的困难和问题，千方百计帮助解忧纾困。",
        "加强了薄弱环节，补上了发展短板。",
        "决不能忽视安全生产。",
        "抓紧补短板、堵漏洞、强弱项。",
        "其中有的是真相，有的却是假象。",
        "针对工程建设、土地使用权出让、政府采购等重点领域存在的问题，加大查处力度。",
        "重点支持薄弱环节。",
        "但是，只说“对”是不够的。",
        "同时也不掩饰我们工作中存在的问题。",
        "必须及时纠正工作中的偏向。",
        "必须时刻保持清醒的头脑。",
        "对矛盾和问题不回避、不遮掩。",
        "消除了党、国家、军队内部存在的严重隐患。",
        "要看到成绩来之不易。",
        "各村、各单位要坚决克服侥幸心理和松劲思想。",
        "加快补齐教育、医疗、养老、托幼等民生短板。",
        "明知山有虎，偏向虎山行。",
        "虽然我们的经济力量还不是很强大，但制度是好的。",
        "东亚面临着三个问题，是我们进行战略谋划的重点地区。",
        "有人认为计划搞坏了，这是完全错误的。",
        "尽管我们还有不少困难，但是形势比过去好得多。",
        "群众经常对政府的工作提出批评和建议。",
        "特别值得注意的是，帝国主义正在破坏这些国家的团结。",
        "切实把存在问题解决好。",
        "我们在自身面临巨大压力的情况下，尽己所能提供援助。",
        "要努力缩小同发达地区的差距。",
        "在十分困难的条件下，我们完成了全年任务。",
        "我们始终注意避免发生错误。",
        "这些问题已经得到根本解决。",
        "守正才能不迷失方向、不犯颠覆性错误。",
        "否则发生错误，易为敌所乘。",
        "对犯了错误的同志，要治病救人。",
        "搞得群众也不高兴。",
        "还有限额以下的建设单位六千多个。",
        "在结构性矛盾突出的情况下，我们积极作为。",
        "城乡区域发展差距和居民生活水平差距显著缩小。",
        "这就使复辟成为很困难的事情。",
    ),
)
# What ends a review or problem run: a summary, thanks, or the turn to what comes next.
RUN_END: Final = Cue(
    None,
    MatchMode.AT_START,
    r"(?:总的来看|总的来说|总之|总体来看|可以说|这些成绩|成绩来之不易|成绩的取得|借此机会|在此|下面|今年是|刚才"
    r"|各位代表!|同志们[,!]"
    r"|新的一年|今年的工作"
    # Thanks are no review: 「我向大家表示衷心的感谢！」
    r"|(?:在这里[,]?)?我?(?:代表[^,。]{0,30}[,]?)?(?:向|对)[^。]{0,40}?表示(?:衷心|诚挚|崇高|亲切)?的?"
    r"(?:感谢|谢意|敬意|慰问))",
    examples=(
        "这些成绩的取得，是大家共同努力的结果。",
        "我向大家表示衷心的感谢！",
        "我代表区委，向全区广大干部群众表示诚挚的慰问！",
        "在这里，我代表县人民政府，向全县各族群众表示衷心的感谢。",
        "总的来看，去年工作有亮点。",
        "刚才，县文明办通报了前一阶段创建工作情况。",
    ),
    counterexamples=("一是创建要求越来越高。",),
)
# An imperative sentence turns from problems to what must be done; inside an enumerated
# problem (三是…。我们要充分认识到…) it is part of the point and does not end the run.
TURN_TO_TASKS: Final = Cue(
    None,
    MatchMode.AT_START,
    r"(?:(?:今后|下一步|当前|为此|对此|因此|针对[^,。]{0,24})[,]?)?(?:我们)?(?:一定)?"
    r"(?:要(?!求|看到|清醒)|必须(?!看到|清醒|指出))|(?:对此|为此)[,]"
    r"|(?:我们|中方|中国)(?:主张|倡议|呼吁|建议)",
    examples=(
        "要以最坚决的态度抓好整改。",
        "我们要充分认识到，争创工作不是轻轻松松就能实现的。",
        "我们必须增强忧患意识，保持战略定力。",
        "今后，必须大力加强第一产业。",
        "当前，要抓好以下几项重点工作。",
        "对此，区委已经作出安排。",
        "我们主张：第一，坚持开放包容。",
    ),
    counterexamples=("要求越来越高。", "但必须指出：过去我们忽视了敌占区的组织工作。"),
)
# The sentence after a list of problems that promises to deal with them (「对这些问题，我们将高度
# 重视…」「我们一定正视困难…」「这些…问题，都是…能够解决的」): no problem, it ends the run.
PROBLEM_TURN: Final = Cue(
    None,
    MatchMode.AT_START,
    r"(?:对(?:于)?(?:这些|上述|以上|此类)[^,。]{0,12}?[,]?\s*)?(?:我们|政府|各级政府)"
    r"(?:一定|将|必须(?!(?:清醒(?:地)?)?看到)|要(?!(?:清醒(?:地)?)?(?:看到|认识)))"
    r"|对(?:于)?(?:这些|上述|以上)[^,。]{0,12}?(?:问题|困难|矛盾|不足|挑战)"
    r"|(?:这些|以上|上述)[^,。]{0,12}?(?:问题|困难|矛盾)[^。]{0,24}?(?:解决|重视)",
    examples=(
        "对这些问题，我们将高度重视，采取有效措施加以解决。",
        "我们将加大工作力度，努力在发展中加以解决。",
        "我们一定正视困难、直面挑战，迎难而上。",
        "这些发展中的问题，都是经过努力能够解决的。",
        "以上问题事关全省长远发展，必须下决心予以解决。",
    ),
    counterexamples=(
        "我们也要清醒看到，发展中还存在不少问题。",
        "我们的工作还存在不少问题。",
        "这些问题表现为：",
    ),
)
# A lead that names a problem and says what to do about it (针对…短板，抓紧…；既要…更要…)
# still leads into tasks.
REMEDY: Final = Cue(
    Role.TASKS,
    MatchMode.ANYWHERE,
    # 「也要清醒看到」 asks the audience to see the problem: it leads into one, remedies none.
    r"(?<![主重需只想不])要(?!求|(?:清醒(?:地)?)?(?:看到|认识))|必须(?!(?:清醒(?:地)?)?看到|指出)"
    r"|抓紧|着力|务必"
    # 「把存在问题解决好」: the problem named as the object of a remedy.
    r"|把[^。,;:]{0,16}?(?:问题|短板|矛盾|风险|困难)[^。,;:]{0,4}?(?:解决|化解|补齐|处置|克服)",
    examples=(
        "既要立足当前，更要放眼长远，针对暴露出来的短板，抓紧补短板。",
        "切实把矛盾风险化解掉，把存在问题解决好。",
    ),
    counterexamples=(
        "成绩固然可喜，问题也不容忽视。",
        "它所造成的恶果也不小，主要表现为：",
        "在肯定成绩的同时，我们也要清醒看到存在的问题，主要是：",
    ),
)
# A sentence that announces the deployment to come: the enumeration after it is the task list.
DEPLOYMENT: Final = Cue(
    Role.TASKS,
    MatchMode.ANYWHERE,
    r"(?:讲|提|强调|谈|抓好|做好|提出|明确|部署)(?:以下|这么|这样)?(?:几|[两三四五六七八九十])"
    r"(?:项|个方面的?|点)(?:重点|主要|具体)?(?:工作|意见|要求|建议|希望|任务|看法)?"
    r"|主要目标(?:任务)?(?:是|为)",
    examples=(
        "当前，要抓好以下几项重点工作。",
        "我强调几点。",
        "下面，我讲几点意见。",
        "我提几点建议：",
        "对做好下一步工作，我再提三点要求。",
        "今后五年经济社会发展的主要目标是：",
    ),
    counterexamples=("一年来，我们取得了三个方面的成效。", "我讲三个问题。"),
)
# A problem named in passing holds one sentence; a run goes on past it only when announced
# (「…存在一些困难和问题，主要是：」) or when the next sentence carries it on (比如…, 有的…).
PROBLEM_ANNOUNCED: Final = Cue(
    Role.PROBLEMS,
    MatchMode.ANYWHERE,
    r"(?:主要(?:是|有|表现(?:为|在))|表现(?:为|在)|如下)[:,]|[:]\s*$",
    examples=("这些缺点表现为：", "我们的工作还存在一些不足，主要有："),
    counterexamples=("招工难等问题比较突出。", "主要是严把土地审批和信贷投放两个闸门。"),
)
# A lead that names the problems in general (「…仍然存在一些突出矛盾和问题。」) holds the run to
# the paragraph's end, or to the turn to remedies.
PROBLEM_OPENS: Final = Cue(
    Role.PROBLEMS,
    MatchMode.ANYWHERE,
    r"清醒(?:地)?(?:认识|看到)|(?:也|还)要看到|必须看到"
    r"|我(?:们)?想?(?:就|对)[^。,;:]{2,30}?提出批评"
    r"|(?:存在|面临|还有)(?:着)?(?:一些|不少|许多|诸多|很多|一定的?)[^。;]{0,12}?"
    r"(?:问题|困难|挑战|不足|矛盾|风险)",
    examples=(
        "但是，经济社会发展中仍然存在一些突出矛盾和问题。",
        "我们也清醒地看到，我国经济社会发展仍然面临不少困难和挑战。",
        "现在我想就我们一年来的工作提出批评意见。",
    ),
    counterexamples=("招工难等问题比较突出。",),
)
PROBLEM_GOES_ON: Final = Cue(
    Role.PROBLEMS,
    MatchMode.AT_START,
    r"(?:比如|例如|譬如|再如|又如|如|特别是|尤其是|有的|有些|一些|个别|少数|部分|同时|此外|另外|还有"
    r"|甚至|而且|加之|其中|这些|这种|由于)",
    examples=("比如，部分县区污水管网建设滞后。", "有的干部接受任务强调困难多。"),
    counterexamples=("此期我们充分利用了敌人的弱点，打开了局面。",),
)
# Shortfalls listed by who falls short, each item after 「；」 (「现在，有的干部…不重视…；有的…；
# 有的…」): matched on a sentence with the start of the next, the first item naming a lack.
PROBLEM_LISTED: Final = Cue(
    Role.PROBLEMS,
    MatchMode.AT_START,
    r"(?:(?:现在|当前|目前|同时|但是?|然而|(?:实际)?工作中|在[^,。;:]{1,24}中)[,]?\s*){0,2}"
    r"(?:有的|有些|少数|个别|一些)"
    r"(?=[^。;!?]{0,80}?(?:不|没|未|缺|差|弱|淡|难|少|乱|虚|浮|松|懒|软|散|怕|假|空|退化|懈怠|脱节))"
    r"[^。;!?:]{2,80}?;\s*(?:有的|有些)",
    examples=(
        "现在，有的干部对理论学习不重视，把自学变不学；有的想起来就学一学",
        "当前，少数干部进取精神淡化，安于现状；有的遇事推诿",
    ),
    counterexamples=(
        "有的同志在部队，有的在地方。",
        "有的地区建成了一批示范项目；有的地区引进了龙头企业",
        "现在，有的干部对学习不重视，把自学变不学。",
    ),
)
# The clause before a problem cue that belongs with it: 「在看到成绩的同时，还要看到…不足」.
PROBLEM_LEAD: Final = Cue(
    Role.PROBLEMS,
    MatchMode.AT_START,
    r"在[^,。]{0,12}?(?:看到|肯定)[^,。]{0,24}?(?:成绩|成效|成就)的同时"
    r"|(?:但是?|同时|当然)?(?:我们)?(?:也|还)?(?:必须|要|应当|应该)?(?:清醒(?:地)?)?(?:看到|认识到?)"
    r"|(?:但是?|同时|当然|但同时|不过|然而|此外|另外|当前|目前|现在|过去|这几年|几年来)(?=,)",
    examples=(
        "在看到成绩的同时",
        "在肯定成绩的同时",
        "在充分肯定党和国家事业取得举世瞩目成就的同时",
        "必须清醒看到",
        "我们也要看到",
        "当然，",
        "当前，",
    ),
    counterexamples=("在推进工作的同时",),
)

# Where the closing words start: a paragraph that opens with one of these, or, in the last
# paragraph (a crawl saved as one line keeps the whole speech there), a sentence that does.
# An address (同志们！) turns to the audience: the first exclaimed address among the last few
# paragraphs after the last section opens the closing (else the last address with a comma);
# within one paragraph, the last exclaimed address does, since a speech to a forum addresses
# its chair at every turn (主席先生！…主席先生！).
CLOSING: Final = Cue(
    None,
    MatchMode.AT_START,
    rf"{_ADDRESSEE}(?:\s*[、,和]\s*{_ADDRESSEE})*[,!](?!\s*{_ADDRESSEE})",
    examples=(
        "同志们，抓党建就是抓发展。",
        "各位代表！新的征程催人奋进。",
        "企业家朋友们，民营企业的发展离不开大家的拼搏奋斗。",
        "主席先生、各位同事！历史接力棒已经传到我们这一代人手中。",
        "同胞们、同志们、朋友们！鉴往事，知来者。",
    ),
    counterexamples=(
        "同志们：",
        "总体要求",
        "各级领导干部要带头。",
        "要加强党的领导，发挥政治优势。",
        "同胞们，同志们，朋友们：今天，我们在这里隆重集会。",
    ),
)
# Within a paragraph, an address opens the closing only when it stands alone before a 「！」.
CLOSING_INLINE: Final = Cue(
    None,
    MatchMode.AT_START,
    rf"{_ADDRESSEE}(?:\s*[、,和]\s*{_ADDRESSEE})*!",
    examples=("女士们、先生们、朋友们！疫情终将过去。", "各位同事！“天不言而四时行。”"),
    counterexamples=("同志们，我们要再接再厉。",),
)
CLOSING_SUMMARY: Final = Cue(
    None,
    MatchMode.AT_START,
    r"(?:总之|最后|总而言之)[,]",
    examples=("总之,作风建设是一项长期任务。", "最后，我要强调的是，成就是干出来的。"),
    counterexamples=("最后一公里要打通。",),
)
# Without such an address, the first of these opens it: the call to unite, thanks, the turn to
# the assembly (请予审议), the confidence that ends a report (我们相信，只要…).
CLOSING_PLAIN: Final = Cue(
    None,
    MatchMode.AT_START,
    r"让我们|谢谢大家|我就讲(?:这些|这么多|到这里)|(?:以上|现)?[^。!?]{0,16}?请予审议"
    r"|我们(?:相信|坚信|深信)[,]?(?:只要|在|有)|我的(?:报告|讲话)(?:就要|就)?(?:完了|到此|结束)",
    examples=(
        "谢谢大家！",
        "让我们携起手来，共创美好未来！",
        "我就讲这些。",
        "请予审议。",
        "以上报告，请予审议。",
        "我们相信，只要全区上下团结一心，目标就一定能够实现。",
        "我的报告就要完了，我还有几句话要说一说。",
    ),
    counterexamples=(
        "我们要让群众满意。",
        "我们相信群众、依靠群众。",
        "让我来讲一讲。",
    ),
)
# An addressed paragraph that still deploys work (各位代表！…我们要…；各级政府必须…) belongs to
# the last section; a later address opens the closing. Matched at a clause start.
CLOSING_DEPLOYS: Final = Cue(
    None,
    MatchMode.ANYWHERE,
    r"(?:(?<=[,。!?;:\n])|^)\s*(?:(?:我们|各级政府|政府)(?:都|也)?(?:一定|必须|要)|要(?!求))",
    examples=(
        "我们要以更强自觉笃信笃行。",
        "实现今年的目标任务，各级政府必须坚持以政治建设为统领。",
        "要坚决支持国防和军队现代化建设。",
    ),
    counterexamples=(
        "全党必须牢记，团结奋斗是必由之路，必须倍加珍惜。",
        "让我们更加紧密地团结起来。",
    ),
)

# A point of a task section without numbered children: a short sentence opening with 要.
POINT: Final = Cue(
    Role.TASKS,
    MatchMode.AT_START,
    r"要(?!求)[^。!?;]{3,38}[。!;]",
    examples=("要把握方向，在全面学习上下功夫。", "要进一步做优服务保障体系。"),
    counterexamples=(
        "要求越来越高。",
        "要坚持把党的政治建设摆在首位，以高质量党建引领高质量发展，推动各项决策部署落地见效。",
    ),
)

# An enumerated point whose lead clause says what someone must do (「第一，党要细心地研究政
# 策」「第二，各级领导干部必须坚持…」) deploys work: a subject, then 要/必须/应当.
OBLIGATION: Final = Cue(
    Role.TASKS,
    MatchMode.AT_START,
    # 「不要」 forbids rather than deploys: 「提醒他们不要忘记…」 is a point of method.
    r"[^。!?;:,]{0,12}?(?:(?<!不)要(?!求|是|害|素|点|么)|必须|应当|务必)",
    examples=("党要细心地研究政策，正确地决定政策。", "各级领导干部必须坚持实事求是。"),
    counterexamples=(
        "这些同志误解了党的优势，以为党员包办就是党的领导。",
        "工作要求越来越高。",
        "在组织形式上，无论行政机关或民意机关，都要保证。",
        "提醒他们不要忘记我们组织的目的。",
    ),
)

# A figure: a number and what it counts. Dates (年 月 日) are not figures. A span of time
# counted with 个 keeps its noun: 「1个工作日」 counts working days, not 个.
METRIC: Final = Cue(
    None,
    MatchMode.ANYWHERE,
    r"(?P<value>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>%|个百分点|个(?:工作日|月|小时|季度|星期)"
    r"|[万亿]?(?:元|亩|斤|吨|人次|人|户|平方米)"
    r"|名|个|项|件|次|场次|场|所|家|对|台|套|公里|千米|倍|批|座|条|处|余件|余场次|余人)",
    examples=(
        "全年各类人员安置任务100%完成",
        "评出一等奖2名",
        "70个单位结成35对",
        "减税降费3.6亿元",
        "审批时限压缩至1个工作日",
    ),
    counterexamples=("2023年2月1日",),
)
