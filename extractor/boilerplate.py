"""boilerplate: [Line] → [Line] of the speech, [Boilerplate] that is not the speech.

Web copies of speeches carry a site's furniture: ads and subscription prompts, membership and
QQ/WeChat group lines, 「仅供学习 禁止外传」, 推荐阅读 lists, the editor's 「下面是小编为大家整理
的…供大家参考」, 「预览阅读已结束」, 「由互联网用户分享整理」, 文章地址 and bare URLs, download
prompts, 【…】 promo headers, copyright and licence footers; PDF copies carry page numbers
(「— 3 —」「第 3 页 共 10 页」). News pages add datelines, edition lines and photo captions,
government sites their fields, breadcrumbs and font-size controls, wikis a licence notice and
back-linked notes, collected works 注释 and 出处, work reports an 附件 after the closing.
Each kind is a BOILERPLATE_RULES row, matched on the folded
view of a paragraph. Nothing is dropped: what a rule matches is returned as a Boilerplate record
with its span, and the lines it leaves are returned for the later stages.

Precision comes first: a paragraph that holds speech keeps it. A match inside a paragraph
removes only the sentence it starts in and what follows it (「……谢谢大家！预览阅读已结束」
keeps 「……谢谢大家！」), and a rule never removes more than MAX_CHARS of one paragraph. The
MATCH rows (a dateline, a photo caption) remove their match alone, wherever it stands: a crawl
glues a caption between two sentences, which stay, as two lines.

Beyond single paragraphs (each row's Extent): a 推荐阅读 heading takes the list items under
it, a licence footer the fragments after it to the end of the text, a page's label the value a
crawl put on the next line, a notes heading its notes, an appendix heading what follows it; and
a site's slogans between two boilerplate lines belong to its ad. This stage reads no titles:
the editor's line is kept verbatim in its record, for the stage that reads the title inside it.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from extractor import patterns
from extractor.marker_rules import kind_at
from extractor.source import FOLD, Line, opens_paragraph, opens_with_marker, renumbered
from extractor.triggers import Scanner, is_cased, lead, trie, triggers
from schemas import MarkerKind, RemovedReason

if TYPE_CHECKING:
    import regex


class Extent(StrEnum):
    LINE = "line"  # the paragraph alone (from the sentence the match starts in)
    LIST = "list"  # the paragraph and the list items after it, as one block
    FOOTER = "footer"  # the paragraph and all after it, when all after it are fragments
    MATCH = "match"  # the match alone, anywhere in the paragraph: what stands around it stays
    VALUE = "value"  # a page's label and the value a crawl put on the next lines
    NOTES = "notes"  # a notes heading and the notes after it, one record each
    LICENCE = "licence"  # the paragraph and all after it, when that is a short licence notice
    APPENDIX = "appendix"  # what follows a speech's closing, up to the next boilerplate


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    """One kind of boilerplate. `pattern` is searched in the folded paragraph, after its
    indentation (`^` is where the content starts); case is ignored."""

    reason: RemovedReason
    pattern: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    extent: Extent = Extent.LINE


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A stretch of the source that is not the speech: [start, end) of the text."""

    start: int
    end: int
    reason: RemovedReason


# A paragraph longer than this is speech, whatever it mentions.
MAX_CHARS: Final = 160
# A list item or a footer fragment: short, and no sentence of Han text ends in it.
FRAGMENT_CHARS: Final = 60
_HAN_SENTENCE_END: Final = patterns.compile(r"\p{Han}[。!?]")
_SENTENCE_ENDS: Final = "。!?"
_SENTENCE_END: Final = patterns.compile(f"[{_SENTENCE_ENDS}]")
# A list of links (推荐阅读) may number its own items 1. or ①, but never runs into the speech's
# Han-numbered headings.
_LIST_STOPS: Final = frozenset({MarkerKind.HAN_COMMA, MarkerKind.HAN_PAREN})
# Words of a speech's title: an ad block never swallows 「在全区…会议上的讲话」.
_TITLE_WORDS: Final = patterns.compile(r"讲话|講話|报告|報告|会议|會議|发言|發言|致辞|致詞|讲稿")
_DASH: Final = r"[-—–~_=]"
_SIZE_WORDS: Final = r"大|中|小|加大|减小|还原|默认|放大|缩小|标准|超大|特大"
# A news agency or paper, the place, the day: 新华社北京9月22日电, 本报长沙3月5日电.
_AGENCY: Final = (
    r"(?:新华社|中新社|本报|本台|本网|[\u4e00-\u9fff]{2,8}?(?:通讯社|日报|晚报|报社|网))"
)
_PLACE: Final = r"[\u4e00-\u9fff]{0,8}?"
_DAY: Final = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
# A photo's credit: the paper's reporter and name(s), then 摄 (「新华社记者 某某/摄」).
_CREDIT: Final = (
    r"(?:(?:新华社|中新社|本报|本台|[\u4e00-\u9fff]{2,8}(?:日报|晚报|新闻|社|网|台))?(?:摄影)?记者"
    r"|通讯员|(?:新华社|中新社)发)(?:\s+[\u4e00-\u9fff·]{1,4}){1,4}\s*/?\s*摄(?:影)?"
)
# A caption opens with the day of the photo: 「2020年2月10日，」「5月12日上午，」.
_CAPTION_DAY: Final = r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?(?:[上下]午|晚|晨)?,"

BOILERPLATE_RULES: Final = (
    BoilerplateRule(
        RemovedReason.PAGE_NUMBER,
        rf"^(?:{_DASH}+\s*\d{{1,4}}\s*{_DASH}+"
        r"|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?"
        r"|共\s*\d{1,4}\s*页\s*[,/]?\s*第\s*\d{1,4}\s*页"
        r"|\d{1,3}\s*/\s*\d{1,3}"
        r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$",
        examples=(
            "— 3 —",
            "-3-",
            "－ 12 －",
            "第 3 页 共 10 页",
            "第3页/共10页",
            "12 / 40",
            "Page 7 of 20",
        ),
        counterexamples=(
            "—— 3月5日，我们召开了动员大会。",
            "第3页的表格数据要认真核实。",
            "2023/2024学年",
            "2023/2024",
            "3",
        ),
    ),
    BoilerplateRule(
        RemovedReason.NO_REDISTRIBUTION,
        r"(?:仅供|只供|仅限)(?:个人|内部)?(?:学习|参考|交流|研究)(?:交流|使用|参考){0,2}"
        r"[\s,、;。!]*(?:禁止|严禁|请勿|不得|切勿)(?:外传|转载|传播|商用|转发|外泄)",
        examples=("仅供学习 禁止外传", "仅供参考，请勿转载", "仅供个人学习交流使用，严禁商用！"),
        counterexamples=("本材料仅供内部学习。", "严禁外传涉密文件，这是纪律。"),
    ),
    BoilerplateRule(
        RemovedReason.EDITOR_NOTE,
        r"小编(?:为|给|帮)?(?:大家|您|你们|你)?(?:精心|用心)?(?:整理|收集|搜集|准备|带来|分享|推荐|编辑)"
        r"|^以下是.{0,40}(?:整理|收集|搜集)的.{0,80}(?:供大家参考|仅供参考|有所帮助|欢迎阅读)",
        examples=(
            "下面是小编为大家整理的2023年全市工作会议讲话，供大家参考。",
            "以下是小编精心整理的在全县安全生产会议上的讲话范文，欢迎阅读与收藏。",
            "以下是本站为大家搜集的讲话稿范文，仅供参考。",
        ),
        counterexamples=("下面，我讲几点意见，供大家参考。", "以下是对全年工作的整理和回顾。"),
    ),
    BoilerplateRule(
        RemovedReason.PREVIEW_END,
        r"(?:预览|试读|免费阅读|在线阅读)(?:内容)?已(?:经)?结束"
        r"|(?:若|如)(?:您|你)?需要?(?:阅读|查看|下载)?(?:全文|完整版|剩余内容)",
        examples=(
            "预览阅读已结束，若您需要全文或代笔。",
            "试读已结束，如需查看全文请下载。",
            "免费阅读已结束，点击付费阅读剩下内容。",
        ),
        counterexamples=("学习阶段已经结束，转入查摆问题阶段。", "全文共分三个部分。"),
    ),
    BoilerplateRule(
        RemovedReason.USER_SHARED,
        r"由(?:互联网|网络|热心)?(?:用户|网友)(?:分享|上传|投稿|提供|发布)"
        r"|本文(?:来源于|来自|转自|摘自)(?:网络|互联网)"
        r"|(?:来源|转载自|摘自)\s*:\s*(?:网络|互联网)\s*$",
        examples=(
            "《在全区工作会议上的讲话》由互联网用户分享整理。",
            "本文来源于网络，如有侵权请联系删除",
            "本文由网友投稿上传",
            "来源：网络",
        ),
        counterexamples=("发展成果由人民共享。", "让广大用户分享改革红利。"),
    ),
    BoilerplateRule(
        RemovedReason.ARTICLE_ADDRESS,
        r"(?:文章|本文|原文|原帖)(?:地址|链接|网址|出处|来源)\s*:",
        examples=(
            "文章地址:http://www.example.com/news/1.html",
            "本文链接：https://example.cn/a/2.html",
            "原文出处：某某范文网",
        ),
        counterexamples=("文章地址不明的问题要查清。",),
    ),
    BoilerplateRule(
        RemovedReason.URL,
        r"(?:^|(?<=[。!?]))\s*(?:网址|链接|地址|网站|url)?\s*:?\s*(?:https?://|www\.)[^\s]+\s*$",
        examples=(
            "http://www.example.com/a/123.html",
            "www.example.cn",
            "网址：https://example.org",
        ),
        counterexamples=("请登录www.gov.cn查阅政策原文，及时掌握最新要求。",),
    ),
    BoilerplateRule(
        RemovedReason.CONTACT,
        r"(?:qq|微信|vx|wx|v信)\s*群?\s*号?\s*:"
        r"|加(?:入)?(?:我们的)?(?:qq|微信|vx)群"
        r"|(?:点击|添加|扫码).{0,20}联系(?:老师|客服|小编|站长|作者)"
        r"|联系(?:客服|小编|站长)"
        r"|(?:客服|站长)(?:微信|qq|电话)",
        examples=(
            "请点击👉 mooonya 👈联系老师",
            "免费QQ群：123456",
            "加入我们的微信群，获取更多资料",
            "如有疑问请联系客服",
            "客服微信 abc123",
        ),
        counterexamples=(
            "学校要落实家长联系老师制度。",
            "请各学校联系老师做好家访工作。",
            "各级干部要在微信群里及时回应群众关切。",
            "建立党员联系群众制度。",
        ),
    ),
    BoilerplateRule(
        RemovedReason.MEMBERSHIP,
        # 会员权益 and 会员资料 are also a trade union's words; a site sells, groups and logs in.
        r"(?<![工协学商农社会党])会员(?:群|专享|特权|充值|开通|下载|专区|登录)"
        r"|(?:开通|升级|购买)(?:vip|会员)|vip(?:会员|专享|用户)|赠送.{0,6}会员|举报倒卖",
        examples=(
            "会员群：",
            "举报倒卖会员资料的人，举报成功免费赠送一年会员材料！",
            "开通VIP会员，海量范文免费下载",
        ),
        counterexamples=(
            "要切实维护工会会员权益。",
            "全县发展农民专业合作社会员三千余户。",
            "商会会员企业要发挥带头作用。",
            "全县新发展工会会员2000余名，会员权益得到有效维护。",
            "鼓励更多企业成为会员单位。",
        ),
    ),
    BoilerplateRule(
        RemovedReason.SUBSCRIPTION,
        r"(?:立即|马上|现在|点击)订阅|点击关注|欢迎关注(?:本站|本号|我们|公众号|微信)"
        r"|订阅.{0,8}(?:立享|即享|即可|享受|权益|会员|资料|更新)"
        r"|关注(?:我们|本站|本号|公众号|微信公众号).{0,4}(?:获取|领取|了解更多|查看更多)"
        r"|扫码(?:关注|订阅)(?:本站|本号|我们|小编)|长按(?:识别)?二维码",
        examples=(
            "现在订阅立享前3年的所有权益和资料",
            "欢迎关注本站，每日更新",
            "关注公众号获取更多范文",
            "长按识别二维码",
        ),
        counterexamples=(
            "做好2024年度党报党刊订阅工作。",
            "社会各界高度关注我们的工作，期待我们交出满意答卷。",
            "请各单位扫码关注“平安某县”公众号，及时获取预警信息。",
            "各部门要立即关注舆情动态。",
            "欢迎关注和支持我县发展。",
        ),
    ),
    BoilerplateRule(
        RemovedReason.DOWNLOAD,
        # 立即下载 and 免费下载 also tell citizens to install an app: 「立即下载国家反诈中心APP」.
        r"点击(?:免费|立即)?下载"
        r"|下载(?:本文|全文|文档|完整版|原文|地址|链接|word|doc|pdf)"
        r"|(?:word|docx?|pdf)(?:版|格式|文档)(?:下载|免费)",
        examples=(
            "点击下载全文",
            "本文Word版免费下载",
            "下载地址：见附件",
            "立即下载完整版",
            "【热门】2025年最新领导讲话稿合集，点击免费下载！",
        ),
        counterexamples=(
            "要推广政务服务APP，方便群众下载使用。",
            "全体干部要立即下载安装国家反诈中心APP。",
            "各类表格可在政府网站免费下载。",
        ),
    ),
    BoilerplateRule(
        RemovedReason.AD,
        r"(?:本站|本网|本网站)(?:提供|推荐|收集|整理|专注|免费|所有)"
        r"|海量(?:范文|资料|文档|素材)"
        r"|(?:专业|承接|提供|诚接)(?:代写|代笔)|代写(?:服务|各类|各种)"
        r"|广告(?:位|合作|投放|招商|联系)",
        examples=(
            "本站提供海量范文免费下载",
            "专业代写各类讲话稿、工作总结",
            "广告合作请联系站长",
        ),
        counterexamples=(
            "要严肃查处领导干部讲话稿由他人代写的问题。",
            "本平台提供政策咨询、项目申报等一站式服务。",
        ),
    ),
    BoilerplateRule(
        RemovedReason.RECOMMENDED,
        # At a paragraph's start, or after its last sentence in a crawl that lost line breaks.
        r"(?:^|(?<=[。!?]))\s*(?:推荐访问|相关推荐|推荐阅读|相关阅读|延伸阅读|猜你喜欢|热门推荐|热门文章|相关文章"
        r"|精彩推荐|相关报道|相关新闻|相关链接|相关附件|相关稿件|相关专题|更多(?:推荐|精彩|相关|阅读|文章|范文))"
        r"\s*(?:>{1,2}|»|》》)?\s*(?::[^。!?]*)?$",
        examples=(
            "推荐访问:统战 全区 政法 在全区工作会议上的讲话",
            "相关推荐：",
            "推荐阅读",
            "猜你喜欢",
            "相关附件>>",
        ),
        counterexamples=("推荐阅读《之江新语》，大家要认真学。", "相关推荐工作要在月底前完成。"),
        extent=Extent.LIST,
    ),
    BoilerplateRule(
        RemovedReason.NAVIGATION,
        # Font-size controls: 【字号：加大 还原 减小】, 【字体：小 中 大】, also one word a
        # line, and a bracket a crawl left alone (「【⏎打印本页⏎】」): the block runs to its 】.
        rf"^(?:【?\s*(?:字号|字体)\s*:?(?:\s*(?:{_SIZE_WORDS}))*\s*】?|【"
        r"|[【\[] ?(?:大 中 小|小 中 大)\s*[】\]]?)\s*$",
        examples=(
            "【字号：",
            "【字号：大 中 小】",
            "【字体：小 中 大】",
            "字号：加大 还原 减小",
            "[ 大 中 小 ]",
        ),
        counterexamples=("【经验做法】", "字体要规范，字号要统一。"),
        extent=Extent.VALUE,
    ),
    BoilerplateRule(
        RemovedReason.NAVIGATION,
        # A news page's tool bar, one button a line: 下载 打印 全屏 收藏 分享 扫一扫.
        # Several may share a line, each in brackets: 【打印本页】 【关闭窗口】 【我要纠错】.
        rf"^(?:[【\[]?\s*(?:(?:字号|字体)\s*:?(?:\s*(?:{_SIZE_WORDS}))+|下载|打印(?:本页|此页)?|全屏"
        r"|收藏(?:本页)?|分享(?:到)?\s*:?|关闭(?:窗口|本页)?"
        r"|返回(?:顶部|首页|列表|目录)|加大|减小|还原|(?:我要)?\s*纠错|上一篇|下一篇"
        r"|(?:责任)?编辑\s*:\s*[^\s【】\[\]。!?]{1,12}"
        r"|扫一扫[^。!?【】]{0,12}|(?:用)?手机(?:扫码)?(?:阅读|浏览|打开)(?:本页|本文|当前页)?)"
        r"\s*[】\]]?\s*){1,6}$|^】\s*$",
        examples=(
            "下载",
            "打印",
            "全屏",
            "收藏",
            "加大",
            "】",
            "关闭窗口",
            "分享：",
            "扫一扫在手机打开当前页",
            "【打印本页】 【关闭窗口】 【我要纠错】",
            "【字体：大 中 小】 打印 关闭",
            "【我要纠错】 责任编辑：张三",
        ),
        counterexamples=("打印机采购要公开招标。", "收藏家协会换届。", "大", "分享发展成果"),
    ),
    BoilerplateRule(
        RemovedReason.NAVIGATION,
        # A page's fields, one a line: 来源：某某日报, 发布时间：2024-03-01 10:30, 责任编辑：张三;
        # a crawl puts the value on the next line (「来源：⏎某某日报」). A bare 时间：or 日期：is
        # chrome only with a machine-written date: a notice's 「时间：3月1日上午9时」 stays.
        r"^[(【\[]?\s*(?:(?:发布|发表|更新|上传|录入|发稿)\s*(?:时间|日期)|(?:信息|文章|稿件)?来源|稿源"
        r"|作者|(?:责任)?编辑|责编|审核|校对|(?:阅读|浏览|点击|访问)(?:量|数|次数)?|字数):"
        r"\s*[^。!?]{0,30}$"
        r"|^(?:时间|日期):\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+[\d:]{4,8})?\s*$",
        examples=(
            "来源：河北日报",
            "时间：2024-03-01",
            "发布时间：2024年03月01日 10:30",
            "责任编辑：张三",
            "阅读量：",
            "来源:",
            "（责任编辑：张三）",
            "【责编：李四】",
        ),
        counterexamples=(
            "时间：2024年3月1日上午9时",
            "时间：",
            "来源：市统计局。全年地区生产总值增长5.8%。",
            "作者要深入基层，写出有温度的作品。",
        ),
        extent=Extent.VALUE,
    ),
    BoilerplateRule(
        RemovedReason.NAVIGATION,
        # Where the page stands: 「当前位置：首页 > 政务信息」, also cut one item a line.
        r"^(?:(?:当前|您的|你的|所在|您现在的)位置\s*(?:是)?\s*:?[^。!?]{0,60}"
        r"|[^。!?:]{0,6}位置(?:是)?:[^。!?]{0,60}|(?:网站)?首页)$",
        examples=("当前位置：", "您的位置：首页 > 新闻中心", "首页", "您当前的位置：首页"),
        counterexamples=("当前位置十分关键，我们要抓住机遇。", "首页面设计要简洁。"),
        extent=Extent.VALUE,
    ),
    BoilerplateRule(
        RemovedReason.NAVIGATION,
        # A page's time stamp alone on its line: a speech dates itself in words, not to the second.
        r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
        r"(?:\s+(?:来源|作者|编辑):\s*[^。!?\s]{1,20})*\s*$"
        # A news page's date line: 「2020年09月23日04:29 | 来源：某某网」.
        r"|^\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}(?::\d{2})?\s*\|?\s*来源:[^。!?]{0,30}$",
        examples=(
            "2026-02-09 09:45:30",
            "2024-03-01",
            "2024-03-12 18:19 来源：某某社",
            "2020年09月23日04:29 | 来源：某某网",
        ),
        counterexamples=("2024年3月1日", "2024年3月1日上午9时召开全县大会。"),
    ),
    BoilerplateRule(
        RemovedReason.NAVIGATION,
        # A breadcrumb (首页 > 范文 > 正文), or a page's byline of fields: 时间：… 来源：… 作者：….
        r"^(?:(?:首页|当前位置\s*:?\s*首页)\s*[>›»/]\s*\S.*"
        r"|(?:(?:发布)?时间|来源|作者|编辑|点击|浏览|阅读)\s*:[^。]{0,40}?\s"
        r"(?:来源|作者|编辑|点击|浏览|阅读|字数)\s*:.*)$",
        examples=(
            "首页 > 范文大全 > 领导讲话 > 正文",
            "当前位置：首页 > 讲话稿",
            "时间：2024-03-01 来源：本站 作者：admin 点击：",
            "来源：河北日报 作者：张三",
        ),
        counterexamples=(
            "首页面设计要简洁。",
            "时间：2024年3月1日",
            "来源：市统计局。全年地区生产总值增长5.8%。",
        ),
    ),
    BoilerplateRule(
        RemovedReason.DATELINE,
        # A news agency's dateline that opens a paragraph, also glued to the speech's first
        # words in a crawl (「新华社北京3月8日电在…之际」): the dateline alone goes.
        rf"^\s*\(?\s*(?:(?:据)?{_AGENCY}{_PLACE}{_DAY}(?:专)?电|本报讯)"
        r"(?:\s*\(记者[^()]{0,20}\))?\s*\)?",
        examples=(
            "新华社北京9月22日电",
            "（新华社长沙9月19日电）",
            "本报北京3月5日电（记者 王某）",
            "本报讯（记者 王某 李某）",
        ),
        counterexamples=("新华社记者要深入一线。", "9月22日电力供应恢复正常。"),
        extent=Extent.MATCH,
    ),
    BoilerplateRule(
        RemovedReason.DATELINE,
        # The dateline a news page prints after the speech's last sentence, with what follows.
        rf"(?:^|(?<=[。!?”]))\s*\(\s*(?:据)?{_AGENCY}{_PLACE}{_DAY}(?:专)?电",
        examples=("（据新华社合肥8月21日电）",),
        counterexamples=("据新华社报道，全国春运客流平稳。",),
    ),
    BoilerplateRule(
        RemovedReason.PUBLICATION,
        # A newspaper's edition line: 《 人民日报 》（ 2020年09月23日 03 版）.
        r"(?:^|(?<=[。!?”)]))\s*《\s*[^《》]{2,12}?\s*》\s*\(\s*\d{4}\s*年\s*\d{1,2}\s*月"
        r"\s*\d{1,2}\s*日\s*(?:第)?\s*\d{1,3}\s*版\)",
        examples=("《 人民日报 》（ 2020年09月23日 03 版）", "《某某日报》（2024年3月2日第5版）"),
        counterexamples=("《关于加强基层治理的意见》（2024年3月2日）要认真学习。",),
    ),
    BoilerplateRule(
        RemovedReason.PUBLICATION,
        # Where the text was taken from: 出处：某某文选第一卷, 原标题：…
        r"(?:^|(?<=[。!?”]))\s*(?:出处|出處|原标题|原標題|原文标题)\s*:",
        examples=("出处：某某文选第二卷    人民出版社2006年8月第1版", "原标题：坚定信心 实干担当"),
        counterexamples=("要讲清楚政策的出处和依据。",),
    ),
    BoilerplateRule(
        RemovedReason.PUBLICATION,
        # An editor's note on where the text was first printed or what it was translated from,
        # a paragraph in parentheses. The collected works' 「（这是…的讲话。）」 tells the occasion
        # and stays.
        r"^\(\s*(?:(?:本文|此文|本篇|原文)(?:原)?(?:刊载|刊登|发表|刊載|發表|载|載)(?:于|於|在)"
        r"|原载|原載|(?:译|譯|选|選|摘|录|錄)自|根据[^()]{0,60}刊印)[^()]{0,100}\)\s*$"
        # A news story's end mark.
        r"|(?:^|(?<=[。!?”]))\s*\(完\)\s*$",
        examples=(
            "（本文刊载于某某日报一九四一年四月十五日第三版。）",
            "(譯自某檔案館俄文稿)",
            "（根据中央档案馆保存的记录稿刊印）",
            "（完）",
        ),
        counterexamples=("（这是在全县干部大会上的讲话。）", "（一）选自群众的意见要认真研究。"),
    ),
    BoilerplateRule(
        RemovedReason.PHOTO_CAPTION,
        # A photo's credit, 「新华社记者 某某/摄」, with its caption: the whole paragraph when it is
        # one, else the caption a crawl glued between two sentences, which opens with a date.
        rf"^[^\n]{{0,100}}?{_CREDIT}\s*$"
        rf"|{_CAPTION_DAY}[^。!?]{{0,150}}[。!?](?:[^。!?]{{1,150}}[。!?]){{0,2}}\s*{_CREDIT}"
        rf"|(?:^|(?<=[\s。!?,、]))\s*{_CREDIT}|\(\s*{_CREDIT}\s*\)",
        examples=(
            "新华社记者 某某/摄",
            "全县干部大会召开。本报记者 某某 摄",
            "3月1日，全县干部大会在县会议中心召开。 新华社记者 某某/摄",
            "（本报记者 某某 摄）",
        ),
        counterexamples=("记者要深入一线拍摄群众生活。", "广大新闻记者拍摄了大量照片。"),
        extent=Extent.MATCH,
    ),
    BoilerplateRule(
        RemovedReason.APPENDIX,
        # What a work report appends after its closing: 附件1, a 名词解释 glossary. A notice's
        # 「附件：某某实施方案」 is its attached plan and stays; a bare 附件 counts only after a
        # closing (see _block_length).
        r"^(?:(?:附件|附表)\s*[0-9一二三四五六七八九十]{0,2}\s*:?"
        r"|[^。!?]{0,30}名词(?:解释|解釋|注释|注釋|解读))\s*:?\s*$",
        examples=("名词解释", "《政府工作报告》有关内容名词注释"),
        counterexamples=(
            "附件：全区“机关作风建设年”活动实施方案",
            "要做好名词解释工作，让群众听得懂。",
        ),
        extent=Extent.APPENDIX,
    ),
    BoilerplateRule(
        RemovedReason.ENDNOTE,
        # A notes heading alone, and the notes after it (〔1〕…, ①…): an editor's, not the speech.
        r"^(?:[\u4e00-\u9fff]{0,6}(?:注释|註釋)|注:|註:|注解|附注|尾注)\s*:?\s*$",
        examples=("注释", "附注", "字库未存字注释："),
        counterexamples=("注意", "注释要简明。"),
        extent=Extent.NOTES,
    ),
    BoilerplateRule(
        RemovedReason.ENDNOTE,
        # A wiki's note: its back link 「↑」 on a line of its own, then the note.
        r"^↑\s*$",
        examples=("↑",),
        counterexamples=("↑ 增长5%",),
        extent=Extent.NOTES,
    ),
    BoilerplateRule(
        RemovedReason.ENDNOTE,
        # A note's number that a wiki crawl cut one character a line: 「[⏎1⏎]」.
        r"^\[\s*$",
        examples=("[",),
        counterexamples=("[1]",),
        extent=Extent.VALUE,
    ),
    BoilerplateRule(
        RemovedReason.STRAY,
        # A crawler's stray marks on a line of their own.
        r"^[\'\"`´|\\~^]{1,3}\s*$",
        examples=("'", "|", "~"),
        counterexamples=("。", "”", "、"),
    ),
    BoilerplateRule(
        RemovedReason.NAVIGATION,
        # A government or news site's footer: who runs it, its registration numbers.
        r"^[主承协]\s*办单位:|icp备|icp证|公网安备|网站标识码",
        examples=(
            "主办单位：某某省人民政府办公厅",
            "网站标识码：1100000000 京ICP备05070218号",
            "某公网安备 11010502000001号",
        ),
        counterexamples=(
            "主办方要做好安全保障。",
            "主办：某某协会",
            "承办好全国运动会是我们的光荣任务。",
        ),
        extent=Extent.FOOTER,
    ),
    BoilerplateRule(
        RemovedReason.NAVIGATION,
        # A wiki page's foot: its categories, where it was taken from, when it was last edited.
        r"^(?:隐藏)?分类:[^。!?]{0,60}$|^取自\s*[“\"]?(?:https?://|www\.)"
        r"|^本页面最后(?:修订|编辑|修改)于",
        examples=(
            "分类：政府工作报告",
            "取自“https://example.org/w/index.php?title=某页面”",
            "本页面最后修订于2024年3月1日 (星期五) 08:00。",
        ),
        counterexamples=("分类施策，精准发力。", "分类推进垃圾处理，是一项民生工程。"),
        extent=Extent.FOOTER,
    ),
    BoilerplateRule(
        RemovedReason.PROMO_HEADER,
        # A header alone on its line that sells: a speech's own 【经验做法】 stays.
        r"^【[^】]{0,16}(?:活动|推荐|精品|精选|热门|范文|优惠|限时|福利|广告|必读|下载|会员|vip"
        r"|免费|特惠|独家|置顶|原创|最新|荐)[^】]{0,16}】\s*$",
        examples=("【打击倒卖活动】", "【精品范文】", "【推荐】", "【限时免费】"),
        counterexamples=(
            "【一、提高政治站位】",
            "【例文】同志们：今天召开全县大会。",
            "【经验做法】",
            "【基本情况】",
        ),
    ),
    BoilerplateRule(
        RemovedReason.COPYRIGHT,
        # A wiki's licence notice after the text, cut into fragments by its links, with notes
        # and sentences of its own: from its first words to the end (see _block_length).
        r"^(?:本|这|這)部?作品(?:是|来自|來自|在|于|於|属于|屬於|采用|採用|依据|依據|根据|根據|不适用"
        r"|不適用|已|由)",
        examples=("本作品是中华人民共和国的法律、法规，不适用著作权法，属于公有领域。",),
        counterexamples=("本作品在全区征文比赛中获得一等奖，体现了基层干部的精神风貌。",),
        extent=Extent.LICENCE,
    ),
    BoilerplateRule(
        RemovedReason.COPYRIGHT,
        r"版权(?:所有|归|声明)|版權(?:所有|歸|聲明|期限)|©|\(c\)\s*\d{4}|copyright"
        r"|all rights reserved|公有(?:领域|領域)|public domain|如有侵权|侵权(?:请)?(?:联系|删除)"
        r"|转载请注明|未经(?:许可|授权).{0,10}(?:转载|复制)|creative commons|知识共享(?:署名|许可)"
        r"|(?:这|這)部作品.{0,30}(?:以前|之前).{0,10}(?:发表|發表)",
        examples=(
            "版权所有 © 2024 某某范文网",
            "Copyright 2023 example.com All Rights Reserved",
            "如有侵权请联系删除",
            "这部作品在1930年以前发表，在多数国家属于公有领域",
            "本文采用知识共享署名许可协议",
        ),
        counterexamples=(
            "要加强知识产权保护，依法打击侵权盗版行为。",
            "这部作品发表后引起强烈反响。",
        ),
        extent=Extent.FOOTER,
    ),
)


@functools.cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    """A row's pattern, compiled when a text first holds one of its triggers: most texts hold
    the triggers of a few rows only."""
    return patterns.compile(pattern, patterns.IGNORECASE)


# The rows tried on a paragraph's tail; the MATCH rows are tried on whole paragraphs first.
_LINE_RULES: Final = tuple(rule for rule in BOILERPLATE_RULES if rule.extent is not Extent.MATCH)
# A row each of whose alternatives opens with `^` matches only at a paragraph's first character,
# and only in a paragraph searched whole (`^` is not where a tail's search starts): it is tried
# on a short paragraph whose first two characters its lead matches (see `triggers.lead`), and
# never looked for in the scan of the tails. Its triggers are mostly one common character
# (「-」, 「【」, 「页」) where the scan would stop in every paragraph that holds one.
_LEADS: Final = tuple(lead(rule.pattern) for rule in _LINE_RULES)
_FIRSTS: Final = tuple(
    None if found is None else patterns.compile(found[0], patterns.IGNORECASE) for found in _LEADS
)
_PAIRS: Final = tuple(
    None if found is None else patterns.compile(found[1], patterns.IGNORECASE) for found in _LEADS
)
# Most paragraphs match no row. Each other row's triggers (strings every match of it contains)
# are looked for in a paragraph's searched tail; a row is tried only where one of them stands,
# and a paragraph that holds none is not searched at all. A row without triggers (and no lead)
# is tried everywhere.
_TRIGGERS: Final = tuple(
    frozenset() if found else triggers(rule.pattern)
    for rule, found in zip(_LINE_RULES, _LEADS, strict=True)
)
_SCANNER: Final = Scanner(s for t in _TRIGGERS if t for s in t)
_UNTRIGGERED: Final = tuple(i for i, t in enumerate(_TRIGGERS) if t is None)


class _LedRows(dict[str, tuple[int, ...]]):
    """A paragraph's first character → the rows with a lead whose first character it can be,
    in order; filled as characters come (a text opens its paragraphs with a few hundred)."""

    def __missing__(self, first: str) -> tuple[int, ...]:
        rows = tuple(i for i, led in enumerate(_FIRSTS) if led and led.match(first))
        self[first] = rows
        return rows


class _PairedRows(dict[str, tuple[int, ...]]):
    """A paragraph's first two characters, the first one some row's lead opens with → the
    rows whose lead they match, in order."""

    def __missing__(self, pair: str) -> tuple[int, ...]:
        rows = tuple(i for i in _LED_ROWS[pair[0]] if (led := _PAIRS[i]) and led.match(pair))
        self[pair] = rows
        return rows


_LED_ROWS: Final = _LedRows()
_PAIRED_ROWS: Final = _PairedRows()


def _led_rows(folded: str, body: int) -> tuple[int, ...]:
    """The rows led by the paragraph's first characters (see `_LEADS`): most first characters
    lead none, and a pair is looked up only after one that does."""
    return _LED_ROWS[folded[body]] and _PAIRED_ROWS[folded[body : body + 2]]


def _rows_opening_with(rows: Sequence[frozenset[str] | None]) -> dict[str, frozenset[int]]:
    """For each trigger without letters, the rows it may stand for: the scan reports the
    shortest trigger that opens at a position, and a longer one that opens with it (「本站」,
    「本站提供」) may stand there too."""
    out: dict[str, set[int]] = {s: set() for t in rows if t for s in t if not is_cased(s)}
    for row, strings in enumerate(rows):
        for string in strings or ():
            for end in range(1, len(string) + 1):
                if string[:end] in out:
                    out[string[:end]].add(row)
    return {s: frozenset(found) for s, found in out.items()}


_ROWS_OPENING_WITH: Final = _rows_opening_with(_TRIGGERS)
# The rows with a trigger that has letters, tried where a letter one could open with stands.
_CASED_ROWS: Final = tuple(i for i, t in enumerate(_TRIGGERS) if t and any(map(is_cased, t)))


def _rows_to_try(line: Line) -> list[int]:
    """The indexes in `_LINE_RULES`, in order, of the rows that may match in the line's
    searched tail (see `_tail_start`): those whose triggers stand there, those without
    triggers, and in a line searched whole those led by its first character."""
    folded = line.source.folded
    start = _tail_start(line)
    found = _SCANNER.held_openings(folded, start, line.end)
    rows = _rows_opened(*found) if found is not None else list(_UNTRIGGERED)
    if start == line.body < line.end:
        rows = sorted({*rows, *_led_rows(folded, start)})
    return rows


def _rows_opened(opened: Sequence[str], cased: bool) -> list[int]:
    """The rows of `_rows_to_try` that a stretch's `Scanner.held_openings` select."""
    rows = set(_UNTRIGGERED)
    for found in opened:
        rows |= _ROWS_OPENING_WITH[found]
    if cased:
        rows.update(_CASED_ROWS)
    return sorted(rows)


def strip_boilerplate(lines: Sequence[Line]) -> tuple[list[Line], list[Boilerplate]]:
    """Split the lines into the speech and the boilerplate found in them, both in order.

    A line partly removed comes back shortened to what it keeps, or cut in two around a
    caption a crawl glued inside it; a line wholly removed does not come back."""
    lines, removed = _cut_glued(lines)
    hits: dict[int, tuple[int, RemovedReason, Extent]] = {}
    found: list[int] = []  # the indexes of the lines with a hit, in order
    for i, line, rows in _candidates(lines):
        hit = _match(line, rows)
        if hit is not None:
            hits[line.number] = hit
            found.append(i)
    # Only the lines with a hit, and stray lines, are read one by one: the runs of lines
    # between them are kept as they are.
    marked = sorted({*found, *_add_ad_blocks(lines, hits, found), *_strays(lines)})
    kept: list[Line] = []
    i = 0
    for at in marked:
        if at < i:
            continue  # inside the block of a hit before it
        kept += lines[i:at]
        line = lines[at]
        hit = hits.get(line.number)
        if hit is None:
            removed.append(_record(line, line.start, RemovedReason.STRAY))
            _cut_off(kept)
            i = at + 1
            continue
        start, reason, extent = hit
        length = _block_length(lines, at, extent, hits)
        if length == 0:
            kept.append(line)
            i = at + 1
            continue
        last = at + length - 1
        if start > line.body:
            kept.append(line._replace(end=start))
        _cut_off(kept)
        if extent is Extent.NOTES:
            # One record a note: a crawl that lost its line breaks keeps them as paragraphs.
            removed += [
                _record(note, note.body if n else start, reason)
                for n, note in enumerate(lines[at : last + 1])
                if note.source.folded[note.body : note.end].strip()
            ]
        else:
            removed.append(_record(lines[last], start, reason))
        i = last + 1
    kept += lines[i:]
    removed.sort(key=lambda r: r.start)
    return kept, removed


def _cut_off(kept: list[Line]) -> None:
    """The last line kept before a removal runs on into nothing kept (`Line.continues`): a
    heading's title cut by a hard wrap ends with it, not in the page number or licence line
    removed after it, which a title or a marker read across the lines would take in. (The
    line kept after the removal still opens mid-sentence: `continued` stays.)"""
    if kept and kept[-1].continues:
        kept[-1] = kept[-1]._replace(continues=False)


def _record(last: Line, start: int, reason: RemovedReason) -> Boilerplate:
    """The record of what is removed from `start` to the end of the line `last`, trailing
    white space left out."""
    end = last.end
    text = last.source.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return Boilerplate(start, end, reason)


# Invisible characters that are not white space to a reader of the spans.
_INVISIBLES: Final = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE: Final = patterns.compile_re(f"[{_INVISIBLES}]")
# Those that fold to a space: a line of nothing else is blank in the folded view, which the
# others, content to it, never leave a line.
_BLANK_INVISIBLES: Final = "".join(c for c in _INVISIBLES if c.translate(FOLD).isspace())


def _strays(lines: Sequence[Line]) -> list[int]:
    """The indexes of the stray lines. Most texts hold no invisible character that folds to
    a space, which a search for each (in C, at memchr speed) tells before any line is read."""
    if not lines or not any(map(lines[0].source.text.__contains__, _BLANK_INVISIBLES)):
        return []
    return [i for i, line in enumerate(lines) if _is_stray(line)]


def _is_stray(line: Line) -> bool:
    """A line of nothing but invisible characters (a zero-width space a crawl kept)."""
    return (
        line.start < line.body == line.end
        and _INVISIBLE.search(line.source.text, line.start, line.end) is not None
    )


# The rows that cut their match out of a paragraph, and the strings one of their matches holds.
_CUT_ROWS: Final = tuple(rule for rule in BOILERPLATE_RULES if rule.extent is Extent.MATCH)
_CUT_STRINGS: Final = sorted(
    t
    for rule in BOILERPLATE_RULES
    if rule.extent is Extent.MATCH
    for t in triggers(rule.pattern) or ()
)
_CUT_TRIGGERS: Final = patterns.compile_re("|".join(map(re.escape, _CUT_STRINGS)))
# The same strings, one scan for those of each first character: led by one literal, a scan
# skips to it in a tight loop of a few instructions a character, where the search of
# `_CUT_TRIGGERS`, led by the class of first characters, spends tens on each.
_CUT_SCANS: Final = tuple(
    patterns.compile_re(trie(s for s in _CUT_STRINGS if s[0] == first))
    for first in sorted({s[0] for s in _CUT_STRINGS})
)


def _cut_triggers(text: str) -> list[int]:
    """Where one of `_CUT_STRINGS` opens in `text`, in order: every start of a match of
    `_CUT_TRIGGERS`, and of the strings it overlaps."""
    out: list[int] = []
    for scan in _CUT_SCANS:
        found = scan.search(text)
        while found is not None:
            out.append(found.start())
            found = scan.search(text, found.start() + 1)
    out.sort()
    return out


def _cut_glued(lines: Sequence[Line]) -> tuple[list[Line], list[Boilerplate]]:
    """Cut the MATCH rows' matches (a dateline, a photo caption) out of the paragraphs, which
    may hold several: what stands before and after each stays, as lines of their own. The
    lines are numbered afresh when any is cut."""
    out: list[Line] = []
    removed: list[Boilerplate] = []
    if not lines:
        return out, removed
    folded = lines[0].source.folded
    # Where a trigger stands: most paragraphs hold none and are passed as they are.
    found = _cut_triggers(folded)
    if not found:
        return list(lines), removed
    for line in lines:
        at = bisect_left(found, line.body)
        if at == len(found) or found[at] >= line.end:
            out.append(line)
            continue
        piece = line
        while _CUT_TRIGGERS.search(folded, piece.body, piece.end) is not None:
            cut = _first_cut(piece)
            if cut is None:
                break
            start, end, reason = cut
            if start > piece.body:
                out.append(piece._replace(end=start, continues=False))
            removed.append(Boilerplate(start, end, reason))
            body = end
            while body < piece.end and folded[body].isspace():
                body += 1
            piece = piece._replace(start=end, body=body, continued=False)
        if piece.body < piece.end or piece is line:
            out.append(piece)
    if not removed:
        return list(lines), removed
    return renumbered(out), removed


@functools.cache
def _alternatives(pattern: str) -> tuple[regex.Pattern[str], ...]:
    """A row's top-level alternatives, each compiled alone (see `_leftmost`)."""
    return tuple(
        patterns.compile(part, patterns.IGNORECASE) for part in patterns.alternatives(pattern)
    )


def _leftmost(pattern: str, text: str, start: int, end: int) -> regex.Match[str] | None:
    """`_compiled(pattern).search(text, start, end)`, found alternative by alternative. Alone,
    an alternative is searched with its own skip to where it can stand (a caption's credit
    after white space or a stop, its date at a digit), which `regex` gives up for an
    alternation of ones that open differently: a photo caption's row, searched whole, tries
    every position. The match opens where the first of them does, and is there what the
    whole pattern matches."""
    parts = _alternatives(pattern)
    if len(parts) == 1:
        return _compiled(pattern).search(text, start, end)
    opens = [m.start() for part in parts if (m := part.search(text, start, end)) is not None]
    return _compiled(pattern).match(text, min(opens), end) if opens else None


# How far a cut reaches around its trigger: a caption's date stands up to three sentences before
# the credit's 「记者」, and the credit ends a few names after it.
CUT_BEFORE: Final = 480
CUT_AFTER: Final = 40


# Every photo caption ends on its credit's 摄 (「新华社记者 某某/摄」): around a trigger without
# one, the caption's row (four searches of up to CUT_BEFORE + CUT_AFTER characters) is not tried.
_CREDIT_MARK: Final = "摄"


def _first_cut(piece: Line) -> tuple[int, int, RemovedReason] | None:
    """The earliest match of a MATCH row in the piece, without white space around it. Each row
    is searched only around the triggers, so a long crawled paragraph is not scanned whole."""
    folded = piece.source.folded
    body = folded[piece.body : piece.end]
    for trigger in _CUT_TRIGGERS.finditer(folded, piece.body, piece.end):
        at = trigger.start() - piece.body
        low, high = max(0, at - CUT_BEFORE), min(len(body), at + CUT_AFTER)
        best: tuple[int, int, RemovedReason] | None = None
        credited = body.find(_CREDIT_MARK, low, high) >= 0
        for rule in _CUT_ROWS:
            if rule.reason is RemovedReason.PHOTO_CAPTION and not credited:
                continue
            m = _leftmost(rule.pattern, body, low, high)
            if m is None or (best is not None and m.start() >= best[0] - piece.body):
                continue
            start, end = m.span()
            while start < end and body[start].isspace():
                start += 1
            while end > start and body[end - 1].isspace():
                end -= 1
            if end > start:
                best = (piece.body + start, piece.body + end, rule.reason)
        if best is not None:
            return best
    return None


def _tail_start(line: Line) -> int:
    """Where the searched tail of a paragraph starts. What is removed runs from the match's
    sentence to the end and is at most MAX_CHARS long, so only the tail can hold a match."""
    end = line.end
    if end - line.body <= MAX_CHARS:
        return line.body  # most paragraphs: the whole of it
    folded = line.source.folded
    while end > line.body and folded[end - 1].isspace():
        end -= 1
    return max(line.body, end - MAX_CHARS)


def _candidates(lines: Sequence[Line]) -> list[tuple[int, Line, list[int]]]:
    """The lines whose tail holds a trigger of some row (all lines when a row has none), or
    that open with a character some row's lead matches, with their indexes and the rows to
    try on them (see `_rows_to_try`): a match lies wholly inside the tail (see `_match`), and
    so does its trigger. Only the tails are scanned."""
    if not lines:
        return []
    if _UNTRIGGERED:
        return [(i, line, _rows_to_try(line)) for i, line in enumerate(lines)]
    folded = lines[0].source.folded
    held = _SCANNER.held_openings
    led, paired = _LED_ROWS, _PAIRED_ROWS
    out: list[tuple[int, Line, list[int]]] = []
    for i, line in enumerate(lines):
        body, end = line.body, line.end
        # A blank line, nearly one in two, has nothing to scan; most others are searched whole
        # (see `_tail_start`).
        if body < end:
            if end - body <= MAX_CHARS:
                start, first = body, led[folded[body]] and paired[folded[body : body + 2]]
            else:
                start = _tail_start(line)
                first = _led_rows(folded, start) if start == body else ()
            found = held(folded, start, end)
            if found is not None:
                rows = _rows_opened(*found)
                out.append((i, line, sorted({*rows, *first}) if first else rows))
            elif first:
                out.append((i, line, list(first)))
    return out


def _match(line: Line, rows: Sequence[int]) -> tuple[int, RemovedReason, Extent] | None:
    """The first rule of `rows` that matches, and where its removal starts: the start of the
    sentence that holds the match."""
    body = line.source.folded[line.body : line.end]
    # Only the paragraph's tail is searched (`^` still means the paragraph's start); most
    # paragraphs are searched whole.
    tail = 0 if len(body) <= MAX_CHARS else _tail_start(line) - line.body
    if not body.strip():
        return None
    for row in rows:
        rule = _LINE_RULES[row]
        m = _compiled(rule.pattern).search(body, tail)
        if m is None:
            continue
        # After the last sentence end before the match (-1 + 1 when there is none).
        start = max([body.rfind(stop, 0, m.start()) for stop in _SENTENCE_ENDS]) + 1
        while start < m.start() and body[start].isspace():
            start += 1
        if len(body.rstrip()) - start > MAX_CHARS:
            continue
        return line.body + start, rule.reason, rule.extent
    return None


def _is_fragment(line: Line) -> bool:
    body = line.source.folded[line.body : line.end].strip()
    return len(body) <= FRAGMENT_CHARS and _HAN_SENTENCE_END.search(body) is None


Hits = dict[int, tuple[int, RemovedReason, Extent]]


def _block_length(lines: Sequence[Line], i: int, extent: Extent, hits: Hits) -> int:
    """How many lines from lines[i] the removal takes: 1, a list with its items (blank lines
    inside it included, after it not), the rest of the text, or 0 when the row's extent does
    not hold here and nothing is removed."""
    if extent is Extent.LINE:
        return 1
    rest = lines[i + 1 :]
    if extent is Extent.FOOTER:
        # A footer follows some text and holds no heading.
        follows = any(line.source.text[line.body : line.end].strip() for line in lines[:i])
        footer = all(_is_fragment(line) and not opens_with_marker(line) for line in rest)
        return 1 + len(rest) if follows and footer else 1
    if extent is Extent.LICENCE:
        return _licence_length(lines, i)
    if extent is Extent.VALUE:
        return _value_length(lines, i, hits)
    if extent is Extent.NOTES:
        return _notes_length(lines, i, hits)
    if extent is Extent.APPENDIX:
        return _appendix_length(lines, i, hits)
    length = 1
    for n, line in enumerate(rest, 2):
        body = line.source.folded[line.body : line.end]
        if not body.strip():
            continue
        if (
            not _is_fragment(line)
            or kind_at(body, 0, len(body)) in _LIST_STOPS
            or line.number in hits
        ):
            break
        length = n
    return length


def _content(line: Line) -> str:
    return line.source.folded[line.body : line.end].strip()


def _next_content(lines: Sequence[Line], i: int) -> int | None:
    """The index of the first line after lines[i] with content."""
    for j in range(i + 1, len(lines)):
        if _content(lines[j]):
            return j
    return None


# A licence notice names what it grants; the rest of a text that holds none of these is not one.
_LICENCE_TERMS: Final = patterns.compile(
    r"公有领域|公有領域|public domain|著作权|著作權|版权|版權|copyright|licen[cs]e"
    r"|许可协议|許可協議",
    patterns.IGNORECASE,
)
# A licence notice is short: beyond this the rest of the text is speech.
LICENCE_CHARS: Final = 2500


def _licence_length(lines: Sequence[Line], i: int) -> int:
    """The rest of the text, when it is a licence notice: short, naming a licence term, with
    no heading; else 0."""
    if lines[-1].end - lines[i].body > LICENCE_CHARS:
        return 0
    rest = lines[i:]
    tail = lines[i].source.folded[lines[i].body : lines[-1].end]
    if _LICENCE_TERMS.search(tail) is None:
        return 0
    if any(opens_paragraph(line) for line in rest):
        return 0
    return len(rest)


# A bracket's or label's value: a few characters, no sentence.
VALUE_CHARS: Final = 24
_OPEN_BRACKET: Final = patterns.compile(r"[【\[][^】\]]*$")
_CLOSE_BRACKET: Final = patterns.compile(r"[】\]]$")
# Between the items of a breadcrumb cut one a line.
_CRUMB: Final = patterns.compile(r"^(?:>{1,2}|›|»|/|\||-)$")


def _is_value(line: Line, hits: Hits) -> bool:
    body = _content(line)
    return (
        line.number not in hits
        and 0 < len(body) <= VALUE_CHARS
        and _SENTENCE_END.search(body) is None
        and _TITLE_WORDS.search(body) is None
        and not opens_with_marker(line)
    )


def _value_length(lines: Sequence[Line], i: int, hits: Hits) -> int:
    """A page's label with the value a crawl put on the lines after it: an open bracket runs
    to the line that closes it (「【字体：⏎小⏎中⏎大⏎】」, a note's 「[⏎1⏎]」), a label alone takes
    the next line (「来源：⏎某某日报」), and a breadcrumb its items (「首页⏎>⏎政务信息」)."""
    body = _content(lines[i])
    if _OPEN_BRACKET.search(body):
        j = i
        for _ in range(6):
            nxt = _next_content(lines, j)
            if nxt is None:
                break
            inner = lines[nxt]
            text = _content(inner)
            hit = hits.get(inner.number)
            # Inside: the controls' words, each maybe a button of its own.
            if not (_is_value(inner, hits) or (hit and hit[1] is RemovedReason.NAVIGATION)):
                break
            if _CLOSE_BRACKET.search(text):
                return nxt - i + 1
            j = nxt
        return 1
    last = i
    if body.endswith(":"):
        nxt = _next_content(lines, i)
        # The value may be chrome of its own: 「发表时间：⏎2024-02-09 09:45」, 「当前位置：⏎首页」.
        hit = hits.get(lines[nxt].number) if nxt is not None else None
        if nxt is not None and (
            _is_value(lines[nxt], hits)
            or (hit and hit[1] is RemovedReason.NAVIGATION and hit[2] is not Extent.VALUE)
            or _CRUMB_START.fullmatch(_content(lines[nxt]))
        ):
            last = nxt
    while True:
        sep = _next_content(lines, last)
        if sep is None or not _CRUMB.match(_content(lines[sep])):
            break
        item = _next_content(lines, sep)
        if item is None or not _is_value(lines[item], hits):
            break
        last = item
    return last - i + 1


# A breadcrumb's first item alone on its line.
_CRUMB_START: Final = patterns.compile(r"(?:网站)?首页")
# What opens a note: 〔1〕 [1] ① (1) ＠①, and the collected works' 「*」.
_NOTE_MARK: Final = patterns.compile(r"^(?:〔\d{1,3}〕|\[\d{1,3}\]|@?[\u2460-\u2473]|\(\d{1,3}\))")
# A note without a mark, alone after its heading: one sentence or two.
NOTE_CHARS: Final = 300


def _notes_length(lines: Sequence[Line], i: int, hits: Hits) -> int:
    """A notes heading and the notes after it: every paragraph that opens with a note's mark,
    or the one paragraph after it when it has none; the notes end at a paragraph of anything
    else or at other boilerplate."""
    last = i
    while True:
        nxt = _next_content(lines, last)
        if nxt is None or lines[nxt].number in hits:
            break
        text = _content(lines[nxt])
        if _NOTE_MARK.match(text):
            last = nxt
            continue
        # One note without a mark: the note a wiki's 「↑」 links back to, or a gloss after a
        # speech that ended on an exclamation. After a notice's last request, 「注：」 is the
        # notice's own remark.
        if last == i and len(text) <= NOTE_CHARS and not opens_paragraph(lines[nxt]):
            before = next((c for line in reversed(lines[:i]) if (c := _content(line))), "")
            if _content(lines[i]) == "↑" or _CLOSED.search(before):
                last = nxt
        elif last > i and _EDITORS_NOTES.search(_content(lines[i])):
            # Under an editor's 注释 a long note runs on over paragraphs of its own
            # (「〔2〕…主要表现在以下几个方面。⏎第一，…⏎第二，…」): the notes are the end of the
            # text, up to the next boilerplate.
            end = next((j for j in range(nxt, len(lines)) if lines[j].number in hits), len(lines))
            last = max(j for j in range(last, end) if _content(lines[j]))
        break
    if last == i and _BARE_NOTE.fullmatch(_content(lines[i])):
        return 0  # a 「注：」 that heads no note is a notice's remark, its text after it
    return last - i + 1


_EDITORS_NOTES: Final = patterns.compile(r"注释|註釋")


_BARE_NOTE: Final = patterns.compile(r"[注註]:")


# A closing ends on an exclamation: 「…不懈奋斗！」.
_CLOSED: Final = patterns.compile(r"!\s*$")
_GLOSSARY: Final = patterns.compile(r"名词(?:解释|解釋|注释|注釋|解读)")


def _appendix_length(lines: Sequence[Line], i: int, hits: Hits) -> int:
    """What follows a closing, from an appendix heading (附件, 名词解释) up to the next
    boilerplate or the end. A 附件 counts only after a paragraph that ends on an
    exclamation, as a closing does: a notice's attached plan is its text."""
    if _GLOSSARY.search(_content(lines[i])) is None:
        before = next((c for line in reversed(lines[:i]) if (c := _content(line))), "")
        if _CLOSED.search(before) is None:
            return 0
    last = i
    for j in range(i + 1, len(lines)):
        if lines[j].number in hits:
            break
        if _content(lines[j]):
            last = j
    return last - i + 1


# The boilerplate of a site that sells: what stands between two such lines is its ad. A page's
# furniture (navigation, datelines, notes) bounds no ad: a speaker's byline may stand between.
_AD_REASONS: Final = frozenset(
    {
        RemovedReason.AD,
        RemovedReason.SUBSCRIPTION,
        RemovedReason.MEMBERSHIP,
        RemovedReason.CONTACT,
        RemovedReason.NO_REDISTRIBUTION,
        RemovedReason.EDITOR_NOTE,
        RemovedReason.PREVIEW_END,
        RemovedReason.USER_SHARED,
        RemovedReason.ARTICLE_ADDRESS,
        RemovedReason.URL,
        RemovedReason.DOWNLOAD,
        RemovedReason.PROMO_HEADER,
        RemovedReason.COPYRIGHT,
    }
)


def _add_ad_blocks(
    lines: Sequence[Line], hits: dict[int, tuple[int, RemovedReason, Extent]], found: list[int]
) -> list[int]:
    """A site's slogans between two boilerplate lines (「仅供学习 禁止外传」, a site name, its
    slogans, 「现在订阅…」) are part of its ad: short lines, no sentence, no title words, with
    no blank line separating them from the boilerplate on either side. `found` are the indexes
    of the lines with a hit, in order; the indexes of the lines added are returned."""
    opens = [i for i in found if _opens_ad(lines[i], hits)]
    added: list[int] = []
    for before, after in pairwise(opens):
        between = range(before + 1, after)
        if all(_is_slogan(lines[j]) for j in between):
            for j in between:
                inner = lines[j]
                hits[inner.number] = (inner.body, RemovedReason.AD, Extent.LINE)
            added += between
    return added


def _opens_ad(line: Line, hits: Hits) -> bool:
    """Whether the line's hit is the boilerplate of a site that sells, from its start."""
    hit = hits[line.number]
    return hit[0] == line.body and hit[1] in _AD_REASONS


def _is_slogan(line: Line) -> bool:
    """A line that may stand inside an ad: a fragment with content and no title words."""
    body = line.source.folded[line.body : line.end].strip()
    return bool(body) and _is_fragment(line) and not _TITLE_WORDS.search(body)


def blank_removed(text: str, removed: Sequence[Boilerplate]) -> str:
    """The text with every removed stretch turned to spaces, same length: a section trimmed of
    trailing white space on it ends before a removed footer or page number."""
    parts: list[str] = []
    at = 0
    for r in removed:
        parts += [text[at : r.start], " " * (r.end - r.start)]
        at = r.end
    parts.append(text[at:])
    return "".join(parts)


def speech_extent(lines: Sequence[Line]) -> tuple[int, int]:
    """[start, end) from the first to the last character of the kept lines' content: what
    the preamble and the last section may cover, so a removed header or footer counts towards
    neither."""
    # Each end read from its side: most texts open and end with a line of content.
    for first in lines:
        if _content(first):
            break
    else:
        return (0, 0)
    last = next(line for line in reversed(lines) if _content(line))
    return first.body, last.end
