"""boilerplate: [Line] → [Line] of the speech, [Boilerplate] that is not the speech.

Web copies of speeches carry a site's furniture: ads and subscription prompts, membership and
QQ/WeChat group lines, 「仅供学习 禁止外传」, 推荐阅读 lists, the editor's 「下面是小编为大家整理
的…供大家参考」, 「预览阅读已结束」, 「由互联网用户分享整理」, 文章地址 and bare URLs, download
prompts, 【…】 promo headers, copyright and licence footers; PDF copies carry page numbers
(「— 3 —」「第 3 页 共 10 页」). Each kind is a BOILERPLATE_RULES row, matched on the folded
view of a paragraph. Nothing is dropped: what a rule matches is returned as a Boilerplate record
with its span, and the lines it leaves are returned for the later stages.

Precision comes first: a paragraph that holds speech keeps it. A match inside a paragraph
removes only the sentence it starts in and what follows it (「……谢谢大家！预览阅读已结束」
keeps 「……谢谢大家！」), and a rule never removes more than MAX_CHARS of one paragraph.

Beyond single paragraphs: a 推荐阅读 heading takes the list items under it, a licence footer
takes the fragments after it to the end of the text, and a site's slogans between two
boilerplate lines belong to its ad. This stage reads no titles: the editor's line is kept
verbatim in its record, for the stage that reads the title inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

import regex

from extractor.marker_rules import kind_at
from extractor.source import Line, opens_with_marker
from extractor.triggers import Scanner, is_cased, triggers
from schemas import MarkerKind, RemovedReason


class Extent(StrEnum):
    LINE = "line"  # the paragraph alone (from the sentence the match starts in)
    LIST = "list"  # the paragraph and the list items after it, as one block
    FOOTER = "footer"  # the paragraph and all after it, when all after it are fragments


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
_HAN_SENTENCE_END: Final = regex.compile(r"\p{Han}[。!?]")
_SENTENCE_END: Final = regex.compile(r"[。!?]")
# A list of links (推荐阅读) may number its own items 1. or ①, but never runs into the speech's
# Han-numbered headings.
_LIST_STOPS: Final = frozenset({MarkerKind.HAN_COMMA, MarkerKind.HAN_PAREN})
# Words of a speech's title: an ad block never swallows 「在全区…会议上的讲话」.
_TITLE_WORDS: Final = regex.compile(r"讲话|講話|报告|報告|会议|會議|发言|發言|致辞|致詞|讲稿")
_DASH: Final = r"[-—–~_=]"

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
        r"|精彩推荐|相关报道|相关新闻|相关链接|更多(?:推荐|精彩|相关|阅读|文章|范文))"
        r"\s*(?::[^。!?]*)?$",
        examples=(
            "推荐访问:统战 全区 政法 在全区工作会议上的讲话",
            "相关推荐：",
            "推荐阅读",
            "猜你喜欢",
        ),
        counterexamples=("推荐阅读《之江新语》，大家要认真学。", "相关推荐工作要在月底前完成。"),
        extent=Extent.LIST,
    ),
    BoilerplateRule(
        RemovedReason.NAVIGATION,
        # A news page's tool bar, one button a line: 下载 打印 全屏 收藏 【字号：加大 还原 减小】.
        r"^(?:【?\s*字号\s*:?(?:\s*(?:大|中|小|加大|减小|还原|默认))*\s*】?|下载|打印(?:本页)?|全屏"
        r"|收藏(?:本页)?|分享到?|关闭(?:窗口|本页)?|返回(?:顶部|首页|列表)|加大|减小|还原|】"
        r"|上一篇|下一篇)\s*$",
        examples=(
            "下载",
            "打印",
            "全屏",
            "收藏",
            "【字号：",
            "加大",
            "】",
            "【字号：大 中 小】",
            "关闭窗口",
        ),
        counterexamples=("打印机采购要公开招标。", "收藏家协会换届。", "大"),
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

_COMPILED: Final = tuple(
    (rule, regex.compile(rule.pattern, regex.IGNORECASE)) for rule in BOILERPLATE_RULES
)
# Most paragraphs match no row. Each row's triggers (strings every match of it contains) are
# found in one scan of the whole text; a row is tried only on a paragraph whose searched tail
# holds one of its triggers. A row without triggers is tried everywhere.
_TRIGGERS: Final = tuple(triggers(rule.pattern) for rule in BOILERPLATE_RULES)
_SCANNER: Final = Scanner(s for t in _TRIGGERS if t for s in t) if all(_TRIGGERS) else None
# For a row whose triggers hold no letters, one `re` search tells whether a tail holds one.
_PLAIN: Final = tuple(
    re.compile("|".join(map(re.escape, sorted(t)))) if t and not any(map(is_cased, t)) else None
    for t in _TRIGGERS
)


def strip_boilerplate(lines: Sequence[Line]) -> tuple[list[Line], list[Boilerplate]]:
    """Split the lines into the speech and the boilerplate found in them, both in order.

    A line partly removed comes back shortened to what it keeps; a line wholly removed does
    not come back."""
    hits: dict[int, tuple[int, RemovedReason, Extent]] = {}
    for line in _candidates(lines):
        hit = _match(line)
        if hit is not None:
            hits[line.number] = hit
    _add_ad_blocks(lines, hits)
    kept: list[Line] = []
    removed: list[Boilerplate] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        hit = hits.get(line.number)
        if hit is None:
            kept.append(line)
            i += 1
            continue
        start, reason, extent = hit
        last = i + _block_length(lines, i, extent) - 1
        if start > line.body:
            kept.append(line._replace(end=start))
        end = lines[last].end
        text = line.source.text
        while end > start and text[end - 1].isspace():
            end -= 1
        removed.append(Boilerplate(start, end, reason))
        i = last + 1
    return kept, removed


def _tail_start(line: Line) -> int:
    """Where the searched tail of a paragraph starts. What is removed runs from the match's
    sentence to the end and is at most MAX_CHARS long, so only the tail can hold a match."""
    folded = line.source.folded
    end = line.end
    while end > line.body and folded[end - 1].isspace():
        end -= 1
    return max(line.body, end - MAX_CHARS)


def _candidates(lines: Sequence[Line]) -> Sequence[Line]:
    """The lines whose tail holds a trigger of some row (all lines when a row has none)."""
    if _SCANNER is None or not lines:
        return lines
    spans = _SCANNER.spans(lines[0].source.folded)
    starts = [start for start, _ in spans]
    out = []
    for line in lines:
        # The last occurrence starting before the line ends reaches furthest (no overlaps).
        i = bisect_left(starts, line.end) - 1
        if i >= 0 and spans[i][1] > _tail_start(line):
            out.append(line)
    return out


def _match(line: Line) -> tuple[int, RemovedReason, Extent] | None:
    """The first rule that matches, and where its removal starts: the start of the sentence
    that holds the match."""
    body = line.source.folded[line.body : line.end]
    # Only the paragraph's tail is searched (`^` still means the paragraph's start).
    tail = _tail_start(line) - line.body
    if not body.strip():
        return None
    searched = body[tail:]
    for (rule, pattern), plain in zip(_COMPILED, _PLAIN, strict=True):
        if plain is not None and plain.search(searched) is None:
            continue
        m = pattern.search(body, tail)
        if m is None:
            continue
        ends = [e.end() for e in _SENTENCE_END.finditer(body, 0, m.start())]
        start = ends[-1] if ends else 0
        while start < m.start() and body[start].isspace():
            start += 1
        if len(body.rstrip()) - start > MAX_CHARS:
            continue
        return line.body + start, rule.reason, rule.extent
    return None


def _is_fragment(line: Line) -> bool:
    body = line.source.folded[line.body : line.end].strip()
    return len(body) <= FRAGMENT_CHARS and _HAN_SENTENCE_END.search(body) is None


def _block_length(lines: Sequence[Line], i: int, extent: Extent) -> int:
    """How many lines from lines[i] the removal takes: 1, a list with its items (blank lines
    inside it included, after it not), or the rest of the text."""
    if extent is Extent.LINE:
        return 1
    rest = lines[i + 1 :]
    if extent is Extent.FOOTER:
        # A footer follows some text and holds no heading.
        follows = any(line.source.text[line.body : line.end].strip() for line in lines[:i])
        footer = all(_is_fragment(line) and not opens_with_marker(line) for line in rest)
        return 1 + len(rest) if follows and footer else 1
    length = 1
    for n, line in enumerate(rest, 2):
        body = line.source.folded[line.body : line.end]
        if not body.strip():
            continue
        if not _is_fragment(line) or kind_at(body, 0, len(body)) in _LIST_STOPS:
            break
        length = n
    return length


def _add_ad_blocks(
    lines: Sequence[Line], hits: dict[int, tuple[int, RemovedReason, Extent]]
) -> None:
    """A site's slogans between two boilerplate lines (「仅供学习 禁止外传」, a site name, its
    slogans, 「现在订阅…」) are part of its ad: short lines, no sentence, no title words, with
    no blank line separating them from the boilerplate on either side."""
    run: list[Line] = []
    opened = False
    for line in lines:
        hit = hits.get(line.number)
        if hit is not None and hit[0] == line.body and hit[2] is Extent.LINE:
            if opened:
                for inner in run:
                    hits[inner.number] = (inner.body, RemovedReason.AD, Extent.LINE)
            run, opened = [], True
            continue
        body = line.source.folded[line.body : line.end].strip()
        if opened and body and _is_fragment(line) and not _TITLE_WORDS.search(body):
            run.append(line)
        else:
            run, opened = [], False


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
    content = [line for line in lines if line.source.folded[line.body : line.end].strip()]
    if not content:
        return (0, 0)
    return content[0].body, content[-1].end
