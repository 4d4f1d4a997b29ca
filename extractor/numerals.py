"""numerals: the ordinal a marker's numeral stands for, from a small table.

Reads Han numerals up to 999 in everyday (一 二 … 十 百), financial (壹 贰 … 拾 佰) and
traditional (貳 參 陸 …) forms, with 〇/零 and 两; ASCII digits (full-width ones are folded
before they get here); and circled numbers ①–⑳. Returns None for what is not a well-formed
numeral, so a caller can reject the marker.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

HAN_DIGITS: Final = {
    "〇": 0, "零": 0,
    "一": 1, "壹": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "参": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
HAN_UNITS: Final = {"十": 10, "拾": 10, "百": 100, "佰": 100}
HAN_NUMERAL_CHARS: Final = "".join(HAN_DIGITS) + "".join(HAN_UNITS)
CIRCLED: Final = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①–⑳


def han_to_int(numeral: str) -> int | None:
    """二十九 → 29, 十一 → 11, 一百零五 → 105, 二〇 → 20; None when malformed (十十, 百一百)."""
    if not numeral or any(c not in HAN_DIGITS and c not in HAN_UNITS for c in numeral):
        return None
    if not any(c in HAN_UNITS for c in numeral):
        # Positional digits without units, as in 二〇 (20) or a lone 五.
        value = 0
        for c in numeral:
            value = value * 10 + HAN_DIGITS[c]
        return value
    total, digit, last_unit = 0, None, 1000
    for c in numeral:
        if c in HAN_DIGITS:
            if digit is not None and HAN_DIGITS[c] != 0 and HAN_DIGITS[digit] != 0:
                return None  # two digits in a row: 二三十
            digit = c
            continue
        unit = HAN_UNITS[c]
        if unit >= last_unit:
            return None  # units must fall: 十百, 百百
        # 十 alone means 一十 (十一 = 11), but 零十 is malformed.
        if digit is not None and HAN_DIGITS[digit] == 0:
            return None
        total += (HAN_DIGITS[digit] if digit is not None else 1) * unit
        digit, last_unit = None, unit
    if digit is not None:
        total += HAN_DIGITS[digit]
    return total


# Markers repeat a few dozen numerals (一 二 三 … 1 2 3 …) thousands of times in a long text.
@lru_cache(maxsize=4096)
def to_int(numeral: str) -> int | None:
    """The value of a Han, ASCII-digit or circled numeral; None when it is not one."""
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    if len(numeral) == 1 and numeral in CIRCLED:
        return CIRCLED.index(numeral) + 1
    return han_to_int(numeral)
