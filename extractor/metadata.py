"""metadata: the head of a speech → title, occasion, speaker, date, salutation, purpose.

The head is what stands before the first marker. Its lines are read in order against
lexicon.HEAD_FORMS (a subtitle 「——在…上的讲话」, a date line, a byline, a title 「X在Y上的讲话」);
the salutation closes the head. A title that survives only inside boilerplate
(下面是小编为大家整理的X，供大家参考) is read from there. Nothing is guessed: a field that no
form states is None. Every value is a span of the text.

Metadata does not read past the first marker; regions.py reads the body.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import regex

from extractor import lexicon
from extractor.numerals import han_to_int
from extractor.source import Line
from schemas import Span

_SPEAKER_ROLE: Final = regex.compile(
    r"^(?P<role>.*?(?:书记|长|主任|主席|委员|政委|经理|专员))(?P<name>\p{Han}{2,4})?$"
)
_NAME: Final = regex.compile(r"^\p{Han}{2,4}$")
_DATE_PARTS: Final = regex.compile(
    r"(?P<year>[0-9]{4}|[〇零一二三四五六七八九]{4})年(?P<month>[0-9一二三四五六七八九十]{1,3})月"
    r"(?P<day>[0-9一二三四五六七八九十]{1,3})日"
)
# A sentence to its full stop (。！？, not ；or ：), the purpose 「为…，今天召开…」 read whole, or
# to the end of the paragraph.
_FULL_SENTENCE: Final = regex.compile(r"[^。!?]*(?:[。!?]+[”’」』)]*|$)")
# A title is one short line without a full stop; a longer line or one ending in 。 is body text.
_MAX_TITLE: Final = 80
_MIN_TITLE: Final = 4
# Web copies put navigation, source and time lines above the salutation.
_MAX_HEAD_LINES: Final = 16


@dataclass(frozen=True, slots=True)
class SpeakerSpans:
    """The speaker as stated: the whole byline, and the role and name within it."""

    span: Span
    role: Span | None
    name: Span | None


@dataclass(frozen=True, slots=True)
class Date:
    span: Span
    iso: str | None


@dataclass(frozen=True, slots=True)
class Metadata:
    title: Span | None = None
    occasion: Span | None = None
    speaker: SpeakerSpans | None = None
    date: Date | None = None
    salutation: Span | None = None
    purpose: Span | None = None


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
    marker), and the `removed` boilerplate stretches, which may hold the only copy of the
    title."""
    head = [ln for ln in lines if ln.start < body_start and ln.body < ln.end]
    if not head:
        return Metadata()
    found = _Found()
    salutation_at = _salutation(head[:_MAX_HEAD_LINES], found)
    title_zone = head[:salutation_at] if salutation_at is not None else _title_zone(head)
    for line in title_zone:
        _read_head_line(line, found)
    if found.title is None:
        folded = head[0].source.folded
        stretches = [*removed, *((ln.body, ln.end) for ln in head[:_MAX_HEAD_LINES])]
        for start, end in stretches:
            m = lexicon.TITLE_IN_BOILERPLATE.find(folded, start, end)
            if m is not None:
                found.title = m.span("title")
                _read_title(folded, m.span("title"), found)
                break
    opening = head[salutation_at or 0 :] if salutation_at is not None else head
    if found.occasion is None:
        _occasion_in_body(opening, found)
    _purpose(opening, found)
    return Metadata(
        found.title, found.occasion, found.speaker, found.date, found.salutation, found.purpose
    )


def _salutation(head: Sequence[Line], found: _Found) -> int | None:
    """The index of the salutation line in `head`, recording the salutation itself."""
    for i, line in enumerate(head):
        m = lexicon.SALUTATION.find(line.source.folded, line.body, line.end)
        if m is not None:
            found.salutation = m.span("salutation")
            return i
    return None


def _title_zone(head: Sequence[Line]) -> list[Line]:
    """Without a salutation, the head lines before the first line of body text."""
    zone = []
    for line in head[:_MAX_HEAD_LINES]:
        if _is_body_text(line):
            break
        zone.append(line)
    return zone


def _is_body_text(line: Line) -> bool:
    text = line.source.folded[line.body : line.end].rstrip()
    return len(text) > _MAX_TITLE or text.endswith(("。", ":", ";", "!", "?", ","))


def _read_head_line(line: Line, found: _Found) -> None:
    folded = line.source.folded
    end = _rstrip(folded, line.body, line.end)
    if line.body == end or _is_body_text(line):
        return
    for form in lexicon.HEAD_FORMS:
        m = form.find(folded, line.body, end)
        if m is not None and _HEAD_LINE_READERS[form.name](m, (line.body, end), found):
            return
    if found.title is None and end - line.body >= _MIN_TITLE and ":" not in folded[line.body : end]:
        found.title = (line.body, end)


def _read_subtitle(m: regex.Match[str], line: Span, found: _Found) -> bool:
    if found.title is None:
        return False
    _read_parts(m, found)
    return True


def _read_date_line(m: regex.Match[str], line: Span, found: _Found) -> bool:
    if found.date is not None:
        return False
    found.date = _date(m.string, m.span("date"))
    return True


def _read_byline(m: regex.Match[str], line: Span, found: _Found) -> bool:
    # A byline follows a title; one that names both office and name stands alone too
    # (「县委副书记 周文斌」 over a date line, the title lost in copying).
    if found.title is None and not (m.group("role") and m.group("name")):
        return False
    if found.speaker is None:
        found.speaker = _byline(m)
    return True


def _read_title_line(m: regex.Match[str], line: Span, found: _Found) -> bool:
    # Under a main title, 「在…上的讲话」 without its dash is the subtitle.
    if found.title is None:
        found.title = line
    _read_parts(m, found)
    return True


# How a line of each HEAD_FORMS row is read, given its match, the line's span and what the head
# has stated so far; False when the form does not apply there and the next form is tried.
_HEAD_LINE_READERS: Final[dict[str, Callable[[regex.Match[str], Span, _Found], bool]]] = {
    "subtitle": _read_subtitle,
    "date": _read_date_line,
    "byline": _read_byline,
    "speech_at": _read_title_line,
    "meeting_speech": _read_title_line,
}
# The forms of a title that names its occasion and speaker.
_TITLE_FORMS: Final = tuple(
    form for form in lexicon.HEAD_FORMS if _HEAD_LINE_READERS[form.name] is _read_title_line
)


def _read_title(folded: str, span: Span, found: _Found) -> None:
    """Read occasion and speaker from a title found inside another line."""
    for form in _TITLE_FORMS:
        m = form.find(folded, span[0], span[1])
        if m is not None:
            _read_parts(m, found)
            return


def _read_parts(m: regex.Match[str], found: _Found) -> None:
    groups = m.groupdict()
    if groups.get("occasion") and found.occasion is None:
        found.occasion = m.span("occasion")
    if groups.get("speaker") and found.speaker is None:
        speaker = _speaker(m.string, m.span("speaker"))
        if speaker is not None:
            found.speaker = speaker
    if groups.get("date") and found.date is None:
        found.date = _date(m.string, m.span("date"))


def _speaker(folded: str, span: Span) -> SpeakerSpans | None:
    """A speaker as stated before 在: an office, a name, or both (「市长李明」). Anything else,
    such as the year in 「2023年在…上讲话」, is not a speaker."""
    start, end = span
    while end > start and folded[end - 1] in " \t":
        end -= 1
    text = folded[start:end]
    m = _SPEAKER_ROLE.match(text)
    if m is not None:
        role = (start + m.start("role"), start + m.end("role"))
        name = (start + m.start("name"), start + m.end("name")) if m.group("name") else None
        return SpeakerSpans((start, end), role, name)
    if _NAME.match(text):
        return SpeakerSpans((start, end), None, (start, end))
    return None


def _byline(m: regex.Match[str]) -> SpeakerSpans:
    if m.group("only_name"):
        span = m.span("only_name")
        return SpeakerSpans(span, None, span)
    role = m.span("role")
    name = m.span("name") if m.group("name") else None
    return SpeakerSpans((role[0], name[1] if name else role[1]), role, name)


def _date(folded: str, span: Span) -> Date:
    m = _DATE_PARTS.match(folded, span[0], span[1])
    iso = None
    if m is not None:
        year = "".join(str(han_to_int(c) or 0) if not c.isdigit() else c for c in m["year"])
        month, day = _number(m["month"]), _number(m["day"])
        if month and day and 1 <= month <= 12 and 1 <= day <= 31:
            iso = f"{year}-{month:02d}-{day:02d}"
    return Date(span, iso)


def _number(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else han_to_int(numeral)


def _occasion_in_body(opening: Sequence[Line], found: _Found) -> None:
    for line in opening[:_MAX_HEAD_LINES]:
        m = lexicon.OCCASION_IN_BODY.find(line.source.folded, line.body, line.end)
        if m is not None:
            found.occasion = m.span("occasion")
            return


def _purpose(opening: Sequence[Line], found: _Found) -> None:
    for line in opening[:_MAX_HEAD_LINES]:
        folded = line.source.folded
        for s in _FULL_SENTENCE.finditer(folded, line.body, line.end):
            if s.end() > s.start() and lexicon.PURPOSE.find(folded, s.start(), s.end()):
                found.purpose = (s.start(), _rstrip(folded, s.start(), s.end()))
                return


def _rstrip(folded: str, start: int, end: int) -> int:
    while end > start and folded[end - 1] in " \t":
        end -= 1
    return end
