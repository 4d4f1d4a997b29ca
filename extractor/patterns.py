"""patterns: every `regex` pattern of the package is compiled here."""

from __future__ import annotations

from typing import Final

import regex

IGNORECASE: Final = regex.IGNORECASE


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`pattern` compiled by `regex`."""
    return regex.compile(pattern, flags)
