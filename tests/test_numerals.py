from __future__ import annotations

import pytest

from extractor.numerals import to_int


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十九", 29), ("九十九", 99),
        ("一百零五", 105), ("二〇", 20), ("两", 2), ("參", 3), ("陸", 6), ("貳拾", 20),
        ("壹佰", 100), ("12", 12), ("①", 1), ("⑳", 20),
    ],
)  # fmt: skip
def test_reads_numerals(numeral: str, value: int) -> None:
    assert to_int(numeral) == value


@pytest.mark.parametrize("numeral", ["十十", "百一百", "二三十", "零十", "", "甲", "1a"])
def test_rejects_malformed_numerals(numeral: str) -> None:
    assert to_int(numeral) is None
