"""The marker table and every view compiled from it: the checks that read the shapes elsewhere
(what opens a paragraph, the heading ranks, what ends a list of links) agree with the scan."""

from __future__ import annotations

import pytest

from extractor.boilerplate import strip_boilerplate
from extractor.marker_rules import (
    HEADING_LABEL,
    HEADING_RANK,
    MARKER_RULES,
    Anchor,
    Heading,
    MarkerRule,
    kind_at,
)
from extractor.markers import scan_markers
from extractor.source import Line, Source, opens_paragraph, opens_with_marker, split_lines
from schemas import MarkerKind, RemovedReason

ROW_TEXTS = [
    (rule, text) for rule in MARKER_RULES for text in (*rule.examples, *rule.counterexamples)
]


def first_line(text: str) -> Line:
    return split_lines(Source.from_text(text))[0]


def anchors_at_start(line: Line) -> set[Anchor]:
    """The anchors of the markers the scan finds where the line's content starts."""
    return {m.anchor for m in scan_markers([line]) if m.start == line.body}


@pytest.mark.parametrize(
    ("rule", "text"), ROW_TEXTS, ids=[f"{r.kind}:{t[:12]}" for r, t in ROW_TEXTS]
)
def test_opening_a_paragraph_agrees_with_the_scan(rule: MarkerRule, text: str) -> None:
    line = first_line(text)
    if rule.in_run_only and kind_at(line.source.folded, line.body, line.end) is rule.kind:
        # One line cannot show the run such a marker counts in; it opens a paragraph anyway.
        assert opens_paragraph(line)
        return
    found = anchors_at_start(line)
    assert opens_paragraph(line) is (Anchor.LINE in found)
    assert opens_with_marker(line) is bool(found)


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("一、二季度全区经济运行总体平稳", False),  # two quarters, not a heading
        ("陸、附則", True),  # a traditional numeral opens a heading like 六、
        ("（十二）其他事项", True),
        ("二是加强督查。", False),  # an enumeration: after a hard wrap it may be a word
    ],
)
def test_what_opens_a_paragraph(text: str, opens: bool) -> None:
    assert opens_paragraph(first_line(text)) is opens


def test_headings_are_ranked_in_table_order() -> None:
    headings = [rule for rule in MARKER_RULES if isinstance(rule.level, Heading)]
    ranks = [rule.level.rank for rule in headings]
    assert ranks == sorted(ranks)
    assert sorted(set(ranks)) == list(range(ranks[0], ranks[-1] + 1))  # no rank left out
    assert {rule.kind: rule.level.rank for rule in headings} == HEADING_RANK
    assert all(rule.anchor is Anchor.LINE for rule in headings)


@pytest.mark.parametrize("rule", MARKER_RULES, ids=lambda r: str(r.kind))
def test_each_label_is_a_marker_of_its_own_row(rule: MarkerRule) -> None:
    text = rule.label + "加强组织领导"
    if rule.in_run_only:  # a run of two, the label then its successor, each before a space
        text = f"{rule.label}\u3000加强组织领导\n{rule.label.replace('一', '二', 1)}\u3000压实责任"
    marker, *_ = scan_markers(split_lines(Source.from_text(text)))
    assert marker.kind is rule.kind


def test_labels_name_the_ranks() -> None:
    assert [HEADING_LABEL[rank] for rank in sorted(HEADING_LABEL)] == [
        "第一部分",
        "一、",
        "（一）",
        "1.",
        "（1）",
        "①",
    ]
    assert HEADING_RANK[MarkerKind.HAN_COMMA] == 0


def test_a_list_of_links_takes_numbered_items_but_stops_at_a_heading() -> None:
    text = (
        "推荐阅读：\n1. 在全市安全生产工作会议上的讲话\n2. 全县经济工作会议讲话稿\n"
        "一、提高政治站位\n"
    )
    _, removed = strip_boilerplate(split_lines(Source.from_text(text)))
    assert [(r.reason, text[r.start : r.end]) for r in removed] == [
        (
            RemovedReason.RECOMMENDED,
            "推荐阅读：\n1. 在全市安全生产工作会议上的讲话\n2. 全县经济工作会议讲话稿",
        )
    ]
