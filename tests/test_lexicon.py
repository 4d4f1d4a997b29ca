"""Every row of the lexicon tables on its own examples and counterexamples."""

from __future__ import annotations

import pytest
import regex

from extractor import lexicon
from extractor.regions import _heading_role
from extractor.source import FOLD
from schemas import Role


def fold(text: str) -> str:
    return text.translate(FOLD)


# Head forms and single-line cues that must match a whole line, or a line's start.
WHOLE_LINE = [*lexicon.HEAD_FORMS]
AT_START = [
    lexicon.SALUTATION,
    lexicon.RUN_END,
    lexicon.TURN_TO_TASKS,
    lexicon.PROBLEM_LEAD,
    lexicon.CLOSING,
    lexicon.CLOSING_PLAIN,
    lexicon.CLOSING_SUMMARY,
    lexicon.POINT,
    lexicon.OBLIGATION,
]
ANYWHERE = [
    lexicon.TITLE_IN_BOILERPLATE,
    lexicon.OCCASION_IN_BODY,
    lexicon.PURPOSE,
    lexicon.REVIEW_SPAN,
    lexicon.REVIEW_YEAR,
    lexicon.FORWARD,
    lexicon.PROBLEM,
    lexicon.METRIC,
]


def _matches(row: lexicon.Form | lexicon.Cue, text: str) -> bool:
    pattern = regex.compile(row.pattern)
    folded = fold(text).strip()
    if row in WHOLE_LINE:
        return pattern.fullmatch(folded) is not None
    if row in AT_START:
        return pattern.match(folded) is not None
    return pattern.search(folded) is not None


ROWS = WHOLE_LINE + AT_START + ANYWHERE
EXAMPLES = [(row, ex) for row in ROWS for ex in row.examples]
COUNTER = [(row, ex) for row in ROWS for ex in row.counterexamples]


def _id(row: lexicon.Form | lexicon.Cue, text: str) -> str:
    name = row.name if isinstance(row, lexicon.Form) else row.pattern[:8]
    return f"{name}:{text[:10]}"


@pytest.mark.parametrize(("row", "text"), EXAMPLES, ids=[_id(r, t) for r, t in EXAMPLES])
def test_row_matches_its_examples(row: lexicon.Form | lexicon.Cue, text: str) -> None:
    assert _matches(row, text)


@pytest.mark.parametrize(("row", "text"), COUNTER, ids=[_id(r, t) for r, t in COUNTER])
def test_row_rejects_its_counterexamples(row: lexicon.Form | lexicon.Cue, text: str) -> None:
    assert not _matches(row, text)


HEADINGS = [(cue.role, ex) for cue in lexicon.HEADING_CUES for ex in cue.examples]


@pytest.mark.parametrize(("role", "heading"), HEADINGS, ids=[h for _, h in HEADINGS])
def test_heading_cue_decides_its_role(role: Role, heading: str) -> None:
    folded = fold(heading)
    assert _heading_role(folded, 0, len(folded))[0] is role


HEADING_COUNTER = [(cue.role, ex) for cue in lexicon.HEADING_CUES for ex in cue.counterexamples]


@pytest.mark.parametrize(("role", "heading"), HEADING_COUNTER, ids=[h for _, h in HEADING_COUNTER])
def test_heading_cue_counterexample_takes_another_role(role: Role, heading: str) -> None:
    folded = fold(heading)
    assert _heading_role(folded, 0, len(folded))[0] is not role


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("坚持问题导向，狠抓整改落实", Role.TASKS),  # an imperative verb outranks 问题
        ("推动党建工作取得新成效", Role.TASKS),
        ("全面加强政府自身建设", Role.TASKS),
        ("要进一步压实责任，形成创建工作的合力", Role.TASKS),
        ("当前工作中存在的问题", Role.PROBLEMS),
        ("现状", Role.OTHER),
    ],
)
def test_imperative_headings_are_tasks(heading: str, role: Role) -> None:
    folded = fold(heading)
    assert _heading_role(folded, 0, len(folded))[0] is role
