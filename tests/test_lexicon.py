"""Every row of the lexicon tables on its own examples and counterexamples."""

from __future__ import annotations

import pytest

from extractor import lexicon
from extractor.regions import _heading_role
from extractor.source import FOLD
from schemas import Role


def fold(text: str) -> str:
    return text.translate(FOLD)


Row = lexicon.Cue | lexicon.Form


def _rows() -> list[tuple[str, Row]]:
    """Every row of the lexicon, named after its constant (and its place in a table)."""
    rows: list[tuple[str, Row]] = []
    for name, value in vars(lexicon).items():
        if isinstance(value, Row):
            rows.append((name, value))
        elif isinstance(value, tuple) and value and all(isinstance(v, Row) for v in value):
            rows.extend((f"{name}[{i}]", row) for i, row in enumerate(value))
    return rows


ROWS = _rows()
EXAMPLES = [(name, row, ex) for name, row in ROWS for ex in row.examples]
COUNTER = [(name, row, ex) for name, row in ROWS for ex in row.counterexamples]


def _matches(row: Row, text: str) -> bool:
    folded = fold(text).strip()
    return row.find(folded, 0, len(folded)) is not None


def test_every_table_is_walked() -> None:
    names = {name.split("[")[0] for name, _ in ROWS}
    assert {"HEAD_FORMS", "HEADING_CUES", "IMPERATIVE", "SALUTATION", "METRIC"} <= names
    assert all(row.examples for _, row in ROWS)


@pytest.mark.parametrize(
    ("mode", "text", "matches"),
    [
        (lexicon.MatchMode.WHOLE_LINE, "同志们：", True),
        (lexicon.MatchMode.WHOLE_LINE, "同志们：今天", False),
        (lexicon.MatchMode.AT_START, "同志们：今天", True),
        (lexicon.MatchMode.AT_START, "各位同志们：", False),
        (lexicon.MatchMode.ANYWHERE, "今天，各位同志们：", True),
    ],
)
def test_a_row_matches_the_way_its_mode_says(
    mode: lexicon.MatchMode, text: str, matches: bool
) -> None:
    row = lexicon.Form("address", mode, r"同志们:", examples=("同志们：",))
    assert _matches(row, text) is matches


@pytest.mark.parametrize(
    ("name", "row", "text"), EXAMPLES, ids=[f"{n}:{t[:10]}" for n, _, t in EXAMPLES]
)
def test_row_matches_its_examples(name: str, row: Row, text: str) -> None:
    assert _matches(row, text)


@pytest.mark.parametrize(
    ("name", "row", "text"), COUNTER, ids=[f"{n}:{t[:10]}" for n, _, t in COUNTER]
)
def test_row_rejects_its_counterexamples(name: str, row: Row, text: str) -> None:
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
