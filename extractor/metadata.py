"""metadata: the head of a speech → title, occasion, speaker, date, salutation, purpose.

The head is what stands before the first marker. Its lines are read in order against
lexicon.HEAD_FORMS (a subtitle 「——在…上的讲话」, a date line, a byline, a title 「X在Y上的讲话」);
the salutation closes the head. A crawl that lost the head's line breaks is cut into the same
pieces first (lexicon.GLUED_HEAD). The title is the run of title lines just above the first
subtitle, date or byline (a title printed over two lines is one title), else the first title
line. What the head does not state is read from the speech's edges: an editor's note at the
end (lexicon.NOTE: 「*这是X同志在Y上讲话的一部分」), a crawl's 「原标题：」, and a title that
survives only inside boilerplate (下面是小编为大家整理的X，供大家参考). Nothing is guessed: a
field that no form states is None. Every value is a span of the text.

Metadata does not read the body's structure; regions.py does.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, TypeAlias

from extractor import lexicon, patterns
from extractor.numerals import han_to_int
from extractor.source import MARKUP, Line
from extractor.triggers import openers, triggers
from schemas.vocab import Span

if TYPE_CHECKING:
    import regex

# A match of a row, by `regex`, or by `re` for a plain row (see _DATE_PARTS).
_Match: TypeAlias = "regex.Match[str] | re.Match[str]"

# The head forms by name, for the readers that need one form in particular.
_HEAD_FORM: Final = {form.name: form for form in lexicon.HEAD_FORMS}
# A salutation inside a glued head starts where the byline or a caption (「…摄」) ends.
_SALUTATION_AFTER: Final = patterns.compile(rf"(?<=[。!?摄 ]){lexicon.SALUTATION.pattern}")
_HELD_AT: Final = "举行的"
_OCCASION_LEAD: Final = patterns.compile(
    lexicon.OCCASION_LEAD + rf"|[\p{{Han}}]{{2,16}}?{_HELD_AT}(?=\p{{Han}}{{4}})"
)
# What an _OCCASION_LEAD match opens with: the first character of a word of lexicon.OCCASION_LEAD
# (each opens with one), or a place, and then it holds 「举行的」.
_OCCASION_LEAD_OPENERS: Final = frozenset(
    word[0]
    for word in patterns.alternatives(lexicon.OCCASION_LEAD.removeprefix("(?:").removesuffix(")"))
)
_SPEAKER_ROLE: Final = patterns.compile(
    rf"^(?P<role>.*?{lexicon.ROLE_END})(?P<name>\p{{Han}}{{2,4}})?$"
)
_NAME: Final = patterns.compile(r"^\p{Han}{2,4}$")
_HAN_RUN: Final = patterns.compile(r"\p{Han}{1,8}")
# A year in Han digits (二〇二五) reads digit by digit.
_HAN_YEAR_DIGITS: Final = "〇零一二三四五六七八九"
_YEAR_DIGITS: Final = str.maketrans({c: str(han_to_int(c) or 0) for c in _HAN_YEAR_DIGITS})
# Plain patterns (no \p{…}, \s or flags), which `re` matches as `regex` does, are compiled by
# `re`: it enters a pattern and walks it for a third of what `regex` costs (tests/test_metadata.py
# holds the two to the same matches).
_DATE_PARTS: Final = patterns.compile_re(
    rf"(?P<year>[0-9]{{4}}|[{_HAN_YEAR_DIGITS}]{{4}})年(?P<month>[0-9一二三四五六七八九十]{{1,3}})月"
    r"(?P<day>[0-9一二三四五六七八九十]{1,3})日"
)
# A month or day in two digits, for the ISO form.
_TWO_DIGITS: Final = tuple(f"{n:02d}" for n in range(32))
# A sentence to its full stop (。！？, not ；or ：), the purpose 「为…，今天召开…」 read whole, or
# to the end of the paragraph.
_FULL_SENTENCE: Final = patterns.compile_re(r"[^。!?]*(?:[。!?]+[”’」』)]*|$)")
# lexicon.PURPOSE, a plain row.
_PURPOSE: Final = patterns.compile_re(lexicon.PURPOSE.pattern)
_HAS_HAN: Final = patterns.compile(r"\p{Han}")
_LINE_END: Final = operator.attrgetter("end")


def _line_holding(lines: Sequence[Line], strings: Sequence[str], at: int) -> int:
    """Where the first of `lines` (in the text's order) past `at` stands that holds one of
    `strings`, or maybe one that a string runs on past the end of; -1 when none does. Called
    with `at` the first line's start, then each line given's end, it gives every line that
    holds one: one `str.find` a string over the stretch the lines span, and again past each
    line given, in place of one a line and string. A `re` scan for many strings costs more
    than a find a string: it tests every character against their first characters, and 「这」
    opens many of them. (A function and not a generator: its readers stop at the first line
    that serves, and closing a generator costs more than calling it again.)"""
    if not lines:
        return -1
    folded = lines[0].source.folded
    stop = lines[-1].end
    while at < stop:
        # Each string is looked for before the first found so far; one that runs on past it
        # stands in a line that holds that one, or in none.
        hit = stop
        for string in strings:
            found = folded.find(string, at, hit)
            if found >= 0:
                hit = found
        if hit == stop:
            return -1
        i = bisect_right(lines, hit, key=_LINE_END)
        if lines[i].body <= hit:
            return i
        at = lines[i].body
    return -1


# The purpose's triggers (extractor/_triggers.py), one of which every match holds: the
# opening's lines are searched only where one stands. The triggers that open alike are looked
# for by what they share (「主要任务是」「主要目的就是」… by 「主要」): a few finds a stretch in
# place of one a trigger, and a line that holds one and no trigger is searched in vain.
_PURPOSE_TRIGGERS: Final = sorted(triggers(lexicon.PURPOSE.pattern) or ())


def _shared_start(strings: Sequence[str]) -> str:
    """What `strings` (sorted) all open with: what the first and the last share."""
    first, last = strings[0], strings[-1]
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


_PURPOSE_HOLDS: Final = tuple(
    _shared_start([t for t in _PURPOSE_TRIGGERS if t.startswith(opening)])
    for opening in sorted({t[:2] for t in _PURPOSE_TRIGGERS})
)
# HTML a crawl left around a line of the head (「<p>在Y上的讲话</p>」): not part of the piece.
_LEADING_TAGS: Final = patterns.compile(rf"(?:\s*(?:{MARKUP}))+\s*")
_TRAILING_TAGS: Final = patterns.compile(rf"\s*(?:(?:{MARKUP})\s*)+$")
# A title is one short line without a full stop; a longer line or one ending in 。 is body text.
_MAX_TITLE: Final = 80
_MIN_TITLE: Final = 4
# A line this short above a title is a site's menu entry, not the title's first line.
_MENU_ENTRY: Final = 4
# Web copies put navigation, source and time lines above the salutation.
_MAX_HEAD_LINES: Final = 32
# A byline between a glued head and its salutation is short; a longer stretch is a caption.
_MAX_BYLINE: Final = 30
# How far past a glued byline a salutation is looked for (a photo caption may stand between).
_SALUTATION_REACH: Final = 200
# Where a report names the meeting it is made to: its salutation and first paragraphs.
_OPENING_LINES: Final = 4
_OPENING_CHARS: Final = 300
# An editor's note stands in the last paragraphs, before the endnotes and the source line.
_NOTE_LINES: Final = 8
_NOTE_REACH: Final = 800
# The characters an endnote opens with, read from lexicon.ENDNOTE (triggers.openers, kept in
# extractor/_triggers.py); None would try every line.
_ENDNOTE_OPENERS: Final = openers(lexicon.ENDNOTE.pattern)
# Characters one of which every match of a row holds, each a literal of the row's pattern that
# every branch consumes (tests/test_metadata.py checks them against the rows): a stretch that
# holds none is not searched (`_holds`, or one `str.find` for a single character).
# SALUTATION: every salutation ends with ： or ！; OPENING_ADDRESS with ：, ！ or ，.
_SALUTATION_HOLDS: Final = ":!"
_OPENING_ADDRESS_HOLDS: Final = ":!,"
# GLUED_HEAD: the title ends at a subtitle's 「——」, a bracketed date's 「(」 or 「※」. It opens
# with a dateline's Han or digits or with the title, none of whose characters is one of these
# (a bracketed date line 「（2024年1月5日）」 is no glued head).
_GLUED_HEAD_HOLDS: Final = "—(※"
_NOT_GLUED_HEAD_OPENERS: Final = "。!?;:※()"
# NOTE and NOTE_SPEAKER open with 「*」「※」 or 「(」.
_NOTE_HOLDS: Final = "*※("
# And they say 「这是」 right after (「*这是X同志…」), all but NOTE's dated form
# 「(2024年3月1日在…上的讲话)」, which opens with a bracketed year: a stretch that holds neither
# is not searched.
_NOTE_SAYS: Final = "这是"
_DATED_NOTE: Final = patterns.compile_re(r"\((?:[0-9]{4}|[〇零一二三四五六七八九]{4})年")
# ORIGINAL_TITLE opens with 原标题, TITLE_IN_BOILERPLATE with 下面 or 以下, OCCASION_IN_BODY
# with 今天 or 今年; OCCASION_ADDRESSED names the meeting after 向.
_ORIGINAL_TITLE_HOLDS: Final = "原"
_TITLE_IN_BOILERPLATE_HOLDS: Final = "下"
_OCCASION_IN_BODY_HOLDS: Final = "今"
_OCCASION_ADDRESSED_HOLDS: Final = "向"
# OCCASION_OPENING's meeting ends in 会 (代表大会, 全体会议, 全会, 大会, 会议).
_OCCASION_OPENING_HOLDS: Final = "会"
# Pieces of the head that a title runs up to.
_ANCHORS: Final = frozenset({"subtitle", "date", "speech_at", "meeting_speech", "byline"})
# The groups read on every head, by number: `regex` reads a group's name only after failing to
# read it as a number, and formats that error each time (see _read_parts).
_SALUTATION_GROUP: Final = lexicon.SALUTATION.compiled.groupindex["salutation"]
_OPENING_ADDRESS_GROUP: Final = lexicon.OPENING_ADDRESS.compiled.groupindex["salutation"]
_GLUED_GROUPS: Final = lexicon.GLUED_HEAD.compiled.groupindex
_GLUED_TITLE: Final = _GLUED_GROUPS["title"]
_GLUED_SUBTITLE: Final = _GLUED_GROUPS["subtitle"]
_GLUED_DATE: Final = _GLUED_GROUPS["date"]
_DATE_GROUP: Final = _HEAD_FORM["date"].compiled.groupindex["date"]
_BYLINE_GROUPS: Final = _HEAD_FORM["byline"].compiled.groupindex
_BYLINE_ROLE: Final = _BYLINE_GROUPS["role"]
_BYLINE_NAME: Final = _BYLINE_GROUPS["name"]
_BYLINE_ONLY_NAME: Final = _BYLINE_GROUPS["only_name"]


# The records below are read-only to the type checker (Final), as a frozen dataclass is at run
# time, without its cost: a frozen dataclass's __init__ sets each field through
# object.__setattr__, and a head builds up to three of them on every call (see tree.Node).
@dataclass(slots=True)
class SpeakerSpans:
    """The speaker as stated: the whole byline, and the role and name within it."""

    span: Final[Span]
    role: Final[Span | None]
    name: Final[Span | None]


@dataclass(slots=True)
class Date:
    span: Final[Span]
    iso: Final[str | None]


@dataclass(slots=True)
class Metadata:
    title: Final[Span | None] = None
    occasion: Final[Span | None] = None
    speaker: Final[SpeakerSpans | None] = None
    date: Final[Date | None] = None
    salutation: Final[Span | None] = None
    purpose: Final[Span | None] = None


@dataclass(slots=True)
class _Found:
    """What the head has stated so far; each field is set once, by the first form that states
    it."""

    title: Span | None = None
    occasion: Span | None = None
    speaker: SpeakerSpans | None = None
    date: Date | None = None
    salutation: Span | None = None
    purpose: Span | None = None


def read_metadata(lines: Sequence[Line], removed: Sequence[Span], body_start: int) -> Metadata:
    """Read the head of the speech: the kept `lines` that start before `body_start` (the first
    marker), the note at the end of `lines`, and the `removed` boilerplate stretches, which
    may hold the only copy of the title."""
    # The lines are in the text's order: those before `body_start` are a prefix of them, read
    # up to the first _MAX_HEAD_LINES that hold text (the first marker is most often a few
    # lines in, where a bisection over the speech's lines would take longer to find it).
    head = []
    for line in lines:
        if line.start >= body_start:
            break
        if line.body < line.end:
            head.append(line)
            if len(head) == _MAX_HEAD_LINES:
                break
    if not head:
        return Metadata()
    folded = head[0].source.folded
    found = _Found()
    pieces, opening = _head_pieces(head, found)
    _read_pieces(folded, pieces, found)
    last = _last_stretches(lines)
    edges = [*last, *removed]
    # Where the head states no title, its lines are searched for one in other forms.
    head_stretches = [(ln.body, ln.end) for ln in head] if found.title is None else []
    if found.title is None:
        _original_title(folded, [*head_stretches, *edges], found)
    # The last stretches (last first) stand together at the end: one look over them all, in
    # vain most of the time, spares a look at each.
    reach = (last[-1][0], last[0][1]) if last else (0, 0)
    _note(folded, edges if _may_hold_note(folded, *reach) else removed, found)
    if found.title is None:
        for start, end in [*removed, *head_stretches]:
            if folded.find(_TITLE_IN_BOILERPLATE_HOLDS, start, end) < 0:
                continue
            m = lexicon.TITLE_IN_BOILERPLATE.find(folded, start, end)
            if m is not None:
                found.title = m.span("title")
                _read_title(folded, m.span("title"), found)
                break
    if found.occasion is None:
        _occasion_in_body(opening, found)
    _purpose(opening, found)
    return Metadata(
        found.title, found.occasion, found.speaker, found.date, found.salutation, found.purpose
    )


def _head_pieces(head: Sequence[Line], found: _Found) -> tuple[list[Span], list[Line]]:
    """The pieces of the head before the salutation (one per line, or the parts of a glued
    head), and the lines from the salutation on, where the speech opens."""
    for i, line in enumerate(head):
        folded, body, end = line.source.folded, line.body, line.end
        if not _holds(folded, body, end, _SALUTATION_HOLDS):
            continue
        m = lexicon.SALUTATION.find(folded, body, end)
        if m is not None:
            found.salutation = m.span(_SALUTATION_GROUP)
            return _line_pieces(head[:i], found), list(head[i:])
    first = head[0]
    opening = (
        lexicon.OPENING_ADDRESS.find(first.source.folded, first.body, first.end)
        if _holds(first.source.folded, first.body, first.end, _OPENING_ADDRESS_HOLDS)
        else None
    )
    if opening is not None:
        # 「同志们，…」 opening the speech is its salutation, though a comma follows.
        found.salutation = opening.span(_OPENING_ADDRESS_GROUP)
        return [], list(head)
    pieces: list[Span] = []
    for i, line in enumerate(head):
        end = _rstrip(line.source.folded, line.body, line.end)
        glued = _glued_head(line, end)
        if glued is not None and not glued.whole_line:
            # The head runs on into the speech's first words: the speech opens here.
            found.salutation = glued.salutation
            return [*pieces, *glued.pieces], list(head[i:])
        if glued is not None:
            pieces.extend(glued.pieces)
            continue
        if _is_body_text(line):
            break
        # The line is no glued head (see _line_pieces): it is one piece.
        if line.body < end:
            pieces.append((line.body, end))
    return pieces, list(head)


def _line_pieces(lines: Sequence[Line], found: _Found) -> list[Span]:
    """One piece a line, or the parts of a line that holds title, subtitle and date."""
    pieces = []
    for line in lines:
        end = _rstrip(line.source.folded, line.body, line.end)
        glued = _glued_head(line, end)
        # A glued head that fills its line: 「在Y上的讲话（日期）姓名」 alone, its salutation on a
        # later line (a caption between them is removed).
        if glued is not None and (glued.whole_line or glued.pieces[-1][1] >= end):
            pieces.extend(glued.pieces)
        elif line.body < end:
            pieces.append((line.body, end))
    return pieces


def _is_body_text(line: Line) -> bool:
    text = line.source.folded[line.body : line.end].rstrip()
    return len(text) > _MAX_TITLE or text.endswith(("。", ":", ";", "!", "?", ","))


@dataclass(frozen=True, slots=True)
class _GluedHead:
    """A head that a crawl ran into one paragraph: its pieces (title, subtitle, date, byline),
    whether they fill the line, and the salutation that follows them."""

    pieces: list[Span]
    whole_line: bool
    salutation: Span | None = None


def _glued_head(line: Line, end: int) -> _GluedHead | None:
    """The pieces of a head glued into one paragraph (「X——在Y上的讲话（日期）职务姓名尊敬的
    …：」), `end` the line's end before trailing blanks; None when the line does not open so."""
    folded = line.source.folded
    if folded[line.body] in _NOT_GLUED_HEAD_OPENERS or not _holds(
        folded, line.body, end, _GLUED_HEAD_HOLDS
    ):
        return None
    m = lexicon.GLUED_HEAD.find(folded, line.body, end)
    if m is None:
        return None
    if m.end() >= end:
        # A whole line 「X——在Y上的讲话（日期）」; without its subtitle, the line is a title
        # 「在Y上的讲话（日期）」 or a byline 「县委书记 王建国（日期）」, else no head.
        title_form = _form(folded, m.span(_GLUED_TITLE))
        if not m.group(_GLUED_SUBTITLE) and (
            title_form is None or title_form[0] not in ("speech_at", "meeting_speech", "byline")
        ):
            return None
        spans = (m.span(_GLUED_TITLE), m.span(_GLUED_SUBTITLE), m.span(_GLUED_DATE))
        return _GluedHead([span for span in spans if span[0] >= 0], True)
    pieces = [m.span(_GLUED_TITLE)]
    if m.group(_GLUED_SUBTITLE):
        pieces.append(m.span(_GLUED_SUBTITLE))
    if m.group(_GLUED_DATE):
        pieces.append(m.span(_GLUED_DATE))
    start = m.end()
    byline_end, salutation = _glued_salutation(folded, start, line.end)
    if byline_end is None:
        byline_end = _name_end(line.source.text, folded, start, line.end)
    if start < byline_end:
        pieces.append((start, byline_end))
    return _GluedHead(pieces, False, salutation)


def _glued_salutation(folded: str, start: int, end: int) -> tuple[int | None, Span | None]:
    """Where the byline after a glued head ends (None when no salutation follows it right
    away), and the salutation after it. Of the places where a byline can end and a
    salutation start, the last one before a sure addressee (尊敬的, 各位, 同志们) wins:
    「习近平同志们：」 is a name and 同志们."""
    best: tuple[tuple[bool, int], regex.Match[str]] | None = None
    ends = range(start, min(end, start + _MAX_BYLINE) + 1)
    for p in ends if _holds(folded, start, end, _SALUTATION_HOLDS) else ():
        byline_end = _rstrip(folded, start, p)
        if start < byline_end and _HEAD_FORM["byline"].find(folded, start, byline_end) is None:
            continue
        m = lexicon.SALUTATION.find(folded, p, end)
        if m is None:
            continue
        key = (lexicon.ADDRESS_OPENS.find(folded, m.start("salutation"), end) is not None, p)
        if best is None or key > best[0]:
            best = (key, m)
    if best is not None:
        return _rstrip(folded, start, best[0][1]), best[1].span("salutation")
    # A photo caption may stand between the byline and the salutation.
    m = _SALUTATION_AFTER.search(folded, start, min(end, start + _SALUTATION_REACH))
    return None, m.span("salutation") if m is not None else None


def _holds(folded: str, start: int, end: int, chars: str) -> bool:
    """Whether folded[start:end] holds one of `chars`: a pattern every match of which holds
    one (see the *_HOLDS constants) is not tried on a stretch that holds none. `str.find` for
    one character runs at memchr's pace, a fraction of what a `regex` search costs to enter
    the pattern and try it position by position, in vain on most stretches. The stretch is
    copied once and each character looked for with `in`: a `find` given bounds costs more to
    read its arguments than copying a head line or a few paragraphs does."""
    text = folded[start:end]
    for char in chars:  # noqa: SIM110 (any() over a generator costs more than the tests)
        if char in text:
            return True
    return False


def _name_end(text: str, folded: str, start: int, end: int) -> int:
    """Where a name glued to the first sentence ends (「※王立新当前，…」): at the first
    character that is not Han, else after the two or three characters that recur elsewhere
    in the text (a name is named again), three when neither does."""
    run = _HAN_RUN.match(folded, start, end)
    if run is None:
        return start
    if run.end() - start <= 4 and (run.end() == end or not _HAS_HAN.match(folded[run.end()])):
        return run.end()
    for size in (3, 2):
        name = text[start : start + size]
        if text.find(name, start + size) >= 0 or text.rfind(name, 0, start) >= 0:
            return start + size
    return start + 3


def _read_pieces(folded: str, pieces: Sequence[Span], found: _Found) -> None:
    """Match every piece against the head forms, choose the title, then read the parts the
    other pieces state."""
    # Tags and wrapped subtitles are looked for piece by piece only where the head holds one.
    if pieces:
        text = folded[pieces[0][0] : pieces[-1][1]]
        if "<" in text:
            pieces = [_untagged(folded, piece) for piece in pieces]
        if "——" in text:
            pieces = _join_wrapped_subtitles(folded, pieces)
    forms = [_form(folded, piece) for piece in pieces]
    title_at = _title_run(folded, pieces, forms)
    if title_at is not None:
        first, last = title_at
        found.title = (pieces[first][0], pieces[last][1])
        title_form = forms[first]
        if first == last and title_form is not None:
            _read_parts(title_form[1], found)
    pending: SpeakerSpans | None = None  # a byline of an office alone, the name maybe below
    for i, form in enumerate(forms):
        # What stands above the title is a site's furniture (「首页」「政务信息」).
        if title_at is not None and i <= title_at[1]:
            continue
        pending = _HEAD_READERS[form[0]](form[1], found, pending) if form is not None else None


def _untagged(folded: str, piece: Span) -> Span:
    """The piece without the HTML tags at its ends."""
    start, end = piece
    if folded.find("<", start, end) < 0:
        return piece
    lead = _LEADING_TAGS.match(folded, start, end)
    if lead is not None:
        start = lead.end()
    trail = _TRAILING_TAGS.search(folded, start, end)
    if trail is not None:
        end = trail.start()
    return (start, end) if start < end else piece


def _read_date_piece(m: _Match, found: _Found, pending: SpeakerSpans | None) -> SpeakerSpans | None:
    if found.date is None:
        span = m.span(_DATE_GROUP)
        found.date = _date(span, _DATE_PARTS.match(m.string, *span))
    return None


def _read_byline_piece(
    m: _Match, found: _Found, pending: SpeakerSpans | None
) -> SpeakerSpans | None:
    """Record the speaker a byline states; return the byline when it names an office alone,
    for a name on the next line to complete."""
    if pending is not None and m.group(_BYLINE_ONLY_NAME):
        # The office and the name on two lines: 「国务院总理」「王平」.
        found.speaker = SpeakerSpans(
            (pending.span[0], m.end(_BYLINE_ONLY_NAME)), pending.role, m.span(_BYLINE_ONLY_NAME)
        )
        return None
    # A byline follows a title; one that names both office and name stands alone too
    # (「县委副书记 周文斌」 over a date line, the title lost in copying).
    if found.speaker is None and (
        found.title is not None or (m.group(_BYLINE_ROLE) and m.group(_BYLINE_NAME))
    ):
        found.speaker = _byline(m)
        if not m.group(_BYLINE_NAME) and not m.group(_BYLINE_ONLY_NAME):
            return found.speaker
    return None


def _read_parts_piece(
    m: _Match, found: _Found, pending: SpeakerSpans | None
) -> SpeakerSpans | None:
    _read_parts(m, found)
    return None


def _read_title_piece(
    m: _Match, found: _Found, pending: SpeakerSpans | None
) -> SpeakerSpans | None:
    """A title 「X在Y上的讲话」 below the title is its subtitle: it states occasion and speaker."""
    _read_parts(m, found)
    return None


# What a piece of the head states, per HEAD_FORMS row: given its match, what the head has
# stated so far and a byline of an office alone on the piece before; it returns such a byline.
_HEAD_READERS: Final[
    dict[str, Callable[[_Match, _Found, SpeakerSpans | None], SpeakerSpans | None]]
] = {
    "subtitle": _read_parts_piece,
    "date": _read_date_piece,
    "byline": _read_byline_piece,
    "speech_at": _read_title_piece,
    "meeting_speech": _read_title_piece,
}
# The forms of a title that names its occasion and speaker (a form without a reader fails here).
_TITLE_FORMS: Final = tuple(
    form for form in lexicon.HEAD_FORMS if _HEAD_READERS[form.name] is _read_title_piece
)


def _join_wrapped_subtitles(folded: str, pieces: Sequence[Span]) -> list[Span]:
    """A subtitle wrapped over two lines (「——…在某省第十四届」「人民代表大会第五次会议上」)
    is one piece, line break and all."""
    subtitle = _HEAD_FORM["subtitle"]
    joined: list[Span] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if (
            i + 1 < len(pieces)
            and folded.startswith("——", piece[0])
            and subtitle.find(folded, *piece) is None
            and subtitle.find(folded, piece[0], pieces[i + 1][1]) is not None
        ):
            joined.append((piece[0], pieces[i + 1][1]))
            i += 2
            continue
        joined.append(piece)
        i += 1
    return joined


def _form(folded: str, piece: Span) -> tuple[str, _Match] | None:
    start, end = piece
    for form, may_be, plain in _HEAD_FORM_CHECKS:
        if may_be is not None and not may_be(folded, start, end):
            continue
        m = form.find(folded, start, end) if plain is None else plain(folded, start, end)
        if m is not None:
            return form.name, m
    return None


# What a head form needs of a piece it matches whole, looked at before the form is tried: a
# `regex` call costs more to enter than these to run, and most pieces are one form or none
# (tests/test_metadata.py checks each against its form).
# A subtitle opens with 「——」, a bracket or a date's year, and names its meeting after 在.
_SUBTITLE_OPENERS: Final = "—(0123456789" + _HAN_YEAR_DIGITS
# The characters one of which every office of a byline ends with: the last of each
# alternative of lexicon.ROLE_END.
_ROLE_END_LAST: Final = frozenset(
    office[-1]
    for office in patterns.alternatives(lexicon.ROLE_END.removeprefix("(?:").removesuffix(")"))
)
# A byline's name has at most this many characters, when neither white space nor 「·」 stands in
# the byline; a byline that is a name alone, at most three.
_MAX_PLAIN_NAME: Final = 4
_MAX_ONLY_NAME: Final = 3


def _may_be_subtitle(folded: str, start: int, end: int) -> bool:
    return folded[start : start + 1] in _SUBTITLE_OPENERS and folded.find("在", start, end) >= 0


def _may_be_date(folded: str, start: int, end: int) -> bool:
    return folded.find("年", start, end) >= 0


def _may_be_byline(folded: str, start: int, end: int) -> bool:
    """A byline of letters alone (no white space or 「·」) longer than a name is an office and
    a name of at most four characters: the office ends within the last five."""
    if end - start <= _MAX_ONLY_NAME or not folded[start:end].isalpha():
        return True
    return not _ROLE_END_LAST.isdisjoint(folded[max(start, end - _MAX_PLAIN_NAME - 1) : end])


_MAY_BE: Final = {"subtitle": _may_be_subtitle, "date": _may_be_date, "byline": _may_be_byline}


def _is_plain(pattern: str) -> bool:
    """Whether `pattern` uses only what `re` matches as `regex` does: no escape (\\p{Han}, \\s)
    and no inline flag."""
    return "\\" not in pattern and not any(f"(?{flag}" in pattern for flag in "aiLmsux")


# A date line as most heads print it, the date alone or bracketed (「（2024年2月20日）」): plain,
# so `re` tries it before the date row, which also reads white space and a place after the date
# (「（2024年5月8日，北京）」). A line it fits, the row matches with the same date, as group 1 of
# both (tests/test_metadata.py).
_PLAIN_DATE_LINE: Final = patterns.compile_re(
    rf"\(?(?P<date>{lexicon.HEAD_DATE}|{lexicon.HEAD_MONTH})\)?"
)


def _date_line(folded: str, start: int, end: int) -> _Match | None:
    m = _PLAIN_DATE_LINE.fullmatch(folded, start, end)
    return m if m is not None else _HEAD_FORM["date"].find(folded, start, end)


# The head forms in order, each with its check (None: tried on every piece) and what matches
# it in place of the row's own `find` (None: that): `re`'s for a plain form (see _DATE_PARTS).
_HEAD_FORM_CHECKS: Final = tuple(
    (
        form,
        _MAY_BE.get(form.name),
        patterns.compile_re(form.pattern).fullmatch
        if _is_plain(form.pattern)
        else (_date_line if form.name == "date" else None),
    )
    for form in lexicon.HEAD_FORMS
)


def _title_run(
    folded: str, pieces: Sequence[Span], forms: Sequence[tuple[str, _Match] | None]
) -> tuple[int, int] | None:
    """The first and last piece of the title: the title lines just above the first subtitle,
    date or byline; else the first title line or 「在…上的讲话」."""
    anchor = None
    for i, form in enumerate(forms):
        if form is not None and _is_anchor(form):
            anchor = i
            break
    if anchor is not None:
        last = anchor - 1
        first = anchor
        while (
            first > 0
            and forms[first - 1] is None
            and _is_title_like(folded, pieces[first - 1])
            # A line that ends as a title ends (「…工作报告」) is a title of its own: the page's
            # headline over the document's.
            and (first == anchor or lexicon.TITLE_END.find(folded, *pieces[first - 1]) is None)
        ):
            first -= 1
        # The run opens with a whole line, not a site's short menu entry (「要闻」「首页」) above
        # it; a lone character continues a wrapped title.
        while first <= last and (
            pieces[first][1] - pieces[first][0] < _MIN_TITLE
            or (first < last and pieces[first][1] - pieces[first][0] <= _MENU_ENTRY)
        ):
            first += 1
        if first <= last:
            return first, last
    for i, form in enumerate(forms):
        if form is not None:
            if _HEAD_READERS[form[0]] is _read_title_piece:
                return i, i
        elif pieces[i][1] - pieces[i][0] >= _MIN_TITLE and _is_title_like(folded, pieces[i]):
            return i, i
    return None


def _is_anchor(form: tuple[str, _Match]) -> bool:
    name, m = form
    if name not in _ANCHORS:
        return False
    return name != "byline" or not m.group(_BYLINE_ONLY_NAME)


def _is_title_like(folded: str, piece: Span) -> bool:
    text = folded[piece[0] : piece[1]]
    return (
        piece[1] - piece[0] <= _MAX_TITLE
        and _HAS_HAN.search(text) is not None
        and not any(c in text for c in "。!?;:")
        and lexicon.NOT_A_TITLE.find(folded, *piece) is None
    )


def _last_stretches(lines: Sequence[Line]) -> list[Span]:
    """The ends of the last paragraphs, where an editor's note or 「原标题」 stands, last first;
    the endnotes after the note (「〔3〕见…」) do not count against the reach."""
    stretches: list[Span] = []
    if not lines:
        return stretches
    folded = lines[0].source.folded
    endnote = lexicon.ENDNOTE.find
    for line in reversed(lines):
        body, end = line.body, line.end
        # An empty line holds no note; a line that opens with none of the characters an
        # endnote opens with is none, and ENDNOTE is not entered for it.
        if body >= end or (
            (_ENDNOTE_OPENERS is None or folded[body] in _ENDNOTE_OPENERS)
            and endnote(folded, body, end)
        ):
            continue
        stretches.append((body if end - body <= _NOTE_REACH else end - _NOTE_REACH, end))
        if len(stretches) == _NOTE_LINES:
            break
    return stretches


def _original_title(folded: str, stretches: Sequence[Span], found: _Found) -> None:
    for start, end in stretches:
        if folded.find(_ORIGINAL_TITLE_HOLDS, start, end) < 0:
            continue
        m = lexicon.ORIGINAL_TITLE.find(folded, start, end)
        if m is not None:
            found.title = m.span("title")
            return


def _note(folded: str, stretches: Sequence[Span], found: _Found) -> None:
    """Fill what the head left open from the editor's note about the speech: the meeting, the
    speaker (named even when no meeting is, 「*这是X同志会见…时的谈话」) and a title it names."""
    for start, end in stretches:
        if not _may_hold_note(folded, start, end):
            continue
        m = lexicon.NOTE.find(folded, start, end)
        named = lexicon.NOTE_SPEAKER.find(folded, start, end)
        if m is None and named is None:
            continue
        if m is not None:
            _read_parts(m, found)
        if named is not None and found.speaker is None:
            span = named.span("speaker")
            found.speaker = SpeakerSpans(span, None, span)
        if found.title is None:
            opening = min(x.start() for x in (m, named) if x is not None)
            sentence_end = folded.find("。", opening, end)
            t = lexicon.NOTE_TITLE.find(folded, opening, sentence_end if sentence_end >= 0 else end)
            if t is not None:
                found.title = t.span("title")
        return


def _may_hold_note(folded: str, start: int, end: int) -> bool:
    """Whether NOTE or NOTE_SPEAKER may match inside folded[start:end] (see _NOTE_SAYS): a
    `str.find` and a search for a literal character cost a fraction of the rows' searches."""
    if folded.find(_NOTE_SAYS, start, end) >= 0:
        return _holds(folded, start, end, _NOTE_HOLDS)
    return folded.find("年", start, end) >= 0 and _DATED_NOTE.search(folded, start, end) is not None


def _read_title(folded: str, span: Span, found: _Found) -> None:
    """Read occasion and speaker from a title found inside another line."""
    for form in _TITLE_FORMS:
        m = form.find(folded, span[0], span[1])
        if m is not None:
            _read_parts(m, found)
            return


def _read_parts(m: _Match, found: _Found) -> None:
    """Read the occasion, speaker and date groups of `m`, those its pattern has and that hold
    some text. The groups are read by number: `regex` reads a group's name only after failing
    to read it as a number, and formats that error each time."""
    folded, index = m.string, m.re.groupindex
    if found.occasion is None and "occasion" in index:
        span = m.span(index["occasion"])
        if span[0] < span[1]:
            found.occasion = _occasion(folded, span)
    if found.speaker is None and "speaker" in index:
        span = m.span(index["speaker"])
        speaker = _speaker(folded, span) if span[0] < span[1] else None
        if speaker is not None:
            found.speaker = speaker
    if found.date is None and "date" in index:
        span = m.span(index["date"])
        parts = _DATE_PARTS.match(folded, *span) if span[0] < span[1] else None
        if parts is not None:
            found.date = _date(span, parts)


def _occasion(folded: str, span: Span) -> Span:
    """A meeting as named, without a quantifier, a demonstrative or the place where it was
    held in front (「这次」「一个」「在京举行的」)."""
    start, end = span
    if folded[start] not in _OCCASION_LEAD_OPENERS and folded.find(_HELD_AT, start, end) < 0:
        return span
    m = _OCCASION_LEAD.match(folded, start, end)
    return (m.end(), end) if m is not None and m.end() < end else span


def _speaker(folded: str, span: Span) -> SpeakerSpans | None:
    """A speaker as stated before 在: an office, a name, or both (「市长李明」). Anything else,
    such as the year in 「2023年在…上讲话」, is not a speaker."""
    start, end = span
    while end > start and folded[end - 1] in " \t":
        end -= 1
    text = folded[start:end]
    m = _SPEAKER_ROLE.match(text)
    if m is not None:
        _, (role_start, role_end), (name_start, name_end) = m.regs  # the match, role, name
        role = (start + role_start, start + role_end)
        name = (start + name_start, start + name_end) if name_start >= 0 else None
        return SpeakerSpans((start, end), role, name)
    if _NAME.match(text):
        return SpeakerSpans((start, end), None, (start, end))
    return None


def _byline(m: _Match) -> SpeakerSpans:
    if m.group(_BYLINE_ONLY_NAME):
        span = m.span(_BYLINE_ONLY_NAME)
        return SpeakerSpans(span, None, span)
    role = m.span(_BYLINE_ROLE)
    name = m.span(_BYLINE_NAME) if m.group(_BYLINE_NAME) else None
    return SpeakerSpans((role[0], name[1] if name else role[1]), role, name)


def _date(span: Span, parts: re.Match[str] | None) -> Date:
    """The date at `span`, in ISO form where its _DATE_PARTS match `parts` reads as a day."""
    iso = None
    if parts is not None:
        year, month_numeral, day_numeral = parts.groups()
        month, day = _number(month_numeral), _number(day_numeral)
        if month and day and 1 <= month <= 12 and 1 <= day <= 31:
            iso = f"{year.translate(_YEAR_DIGITS)}-{_TWO_DIGITS[month]}-{_TWO_DIGITS[day]}"
    return Date(span, iso)


def _number(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else han_to_int(numeral)


def _occasion_in_body(opening: Sequence[Line], found: _Found) -> None:
    lines = opening[:_MAX_HEAD_LINES]
    i = _line_holding(lines, _OCCASION_IN_BODY_HOLDS, lines[0].body) if lines else -1
    while i >= 0:
        line = lines[i]
        m = lexicon.OCCASION_IN_BODY.find(line.source.folded, line.body, line.end)
        if m is not None:
            found.occasion = _occasion(line.source.folded, m.span("occasion"))
            return
        i = _line_holding(lines, _OCCASION_IN_BODY_HOLDS, line.end)
    # A report names its meeting in its first sentences: as the subject of the first one, or
    # as whom the report is made to.
    for i, line in enumerate(opening[:_OPENING_LINES]):
        folded = line.source.folded
        reach = min(line.end, line.body + _OPENING_CHARS)
        m = (
            lexicon.OCCASION_ADDRESSED.find(folded, line.body, reach)
            if folded.find(_OCCASION_ADDRESSED_HOLDS, line.body, reach) >= 0
            else None
        )
        if m is None and i < 3 and folded.find(_OCCASION_OPENING_HOLDS, line.body, line.end) >= 0:
            m = lexicon.OCCASION_OPENING.find(folded, line.body, line.end)
        if m is not None:
            found.occasion = _occasion(folded, m.span("occasion"))
            return


def _purpose(opening: Sequence[Line], found: _Found) -> None:
    """The first sentence that states the meeting's purpose. PURPOSE spans no sentence end, so
    the paragraph is searched whole, and the sentence is the one its first match stands in."""
    lines = opening[:_MAX_HEAD_LINES]
    i = _line_holding(lines, _PURPOSE_HOLDS, lines[0].body) if lines else -1
    while i >= 0:
        line = lines[i]
        folded = line.source.folded
        m = _PURPOSE.search(folded, line.body, line.end)
        if m is not None:
            # The sentences one by one up to the match's: one `match` each costs less than
            # setting up `finditer`, and the purpose most often stands in the first.
            at, purpose_at = line.body, m.start()
            while (s := _FULL_SENTENCE.match(folded, at, line.end)) is not None and at < s.end():
                if s.end() > purpose_at:
                    found.purpose = (at, _rstrip(folded, at, s.end()))
                    return
                at = s.end()
        i = _line_holding(lines, _PURPOSE_HOLDS, line.end)


def _rstrip(folded: str, start: int, end: int) -> int:
    while end > start and folded[end - 1] in " \t":
        end -= 1
    return end
