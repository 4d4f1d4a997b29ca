"""patterns: every `regex` pattern of the package is compiled here.

`regex` parses a pattern in Python: a few milliseconds for a long row (the marker alternation,
the salutation), about a tenth of a second for the patterns one run of `outline FILE` needs,
forty times the parsing of the speech itself. What it compiles a pattern to is a program that
its C part runs, the same on every run. tools/gen_programs.py keeps the programs of the
package's patterns in extractor/_programs.py, the data `regex` itself pickles a pattern to;
`compile` builds a pattern from its program there, in C, when the installed `regex` is the
version that wrote them, and lets `regex` compile it otherwise (a pattern added or changed
since, another version of `regex`): the table makes a run faster, never different.
tests/test_patterns.py checks that the table is current.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Final

import regex

from extractor._programs import PROGRAMS, REGEX_VERSION

IGNORECASE: Final = regex.IGNORECASE

# What unpickling a pattern calls: a pattern from its program, no parsing (see regex's
# `_pickle`, registered with copyreg).
_rebuild: Callable[..., regex.Pattern[str]] = importlib.import_module("regex._regex").compile
_CURRENT: Final = regex.__version__ == REGEX_VERSION


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`pattern` compiled by `regex`, from its program in the table when the table has it."""
    program: tuple[Any, ...] | None = PROGRAMS.get((pattern, int(flags))) if _CURRENT else None
    if program is not None:
        return _rebuild(pattern, *program)
    return regex.compile(pattern, flags)
