"""patterns: every `regex` pattern of the package is compiled here, and the long `re` ones.

`regex` parses a pattern in Python: a few milliseconds for a long row (the marker alternation,
the salutation), about a tenth of a second for the patterns one run of `outline FILE` needs,
forty times the parsing of the speech itself. What it compiles a pattern to is a program that
its C part runs, the same on every run. tools/gen_programs.py keeps the programs of the
package's patterns in extractor/_programs.py, the data `regex` itself pickles a pattern to;
`compile` builds a pattern from its program there, in C, when the installed `regex` is the
version that wrote them, and lets `regex` compile it otherwise (a pattern added or changed
since, another version of `regex`): the table makes a run faster, never different.
The same holds for `re`, whose parser is Python too: the trie of the boilerplate rows' triggers
(500 strings) takes it longer than the scan it serves. Its programs are those of one
interpreter's `re` (the version and `_sre.MAGIC` the table names); `compile_re` builds from
them under that interpreter and compiles otherwise. tests/test_patterns.py checks that the
table is current and that a pattern built from its program matches as a compiled one does.
"""

from __future__ import annotations

import importlib
import re
import sys
from array import array
from collections.abc import Callable
from typing import Any, Final

import regex

from extractor._programs import PROGRAMS, RE_ENGINE, RE_PROGRAMS, REGEX_VERSION

IGNORECASE: Final = regex.IGNORECASE

# What unpickling a pattern calls: a pattern from its program, no parsing (see regex's
# `_pickle`, registered with copyreg).
_rebuild: Callable[..., regex.Pattern[str]] = importlib.import_module("regex._regex").compile
_CURRENT: Final = regex.__version__ == REGEX_VERSION
# What re._compiler.compile calls once it has the program.
_sre: Any = importlib.import_module("_sre")


def re_engine() -> str:
    """The interpreter and the version of `re`'s programs (they change together)."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{sys.implementation.name} {version} {_sre.MAGIC} {_sre.CODESIZE} {sys.byteorder}"


_RE_CURRENT: Final = re_engine() == RE_ENGINE


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`pattern` compiled by `regex`, from its program in the table when the table has it."""
    program: tuple[Any, ...] | None = PROGRAMS.get((pattern, int(flags))) if _CURRENT else None
    if program is not None:
        return _rebuild(pattern, *program)
    return regex.compile(pattern, flags)


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled by `re`, from its program in the table when the table has it."""
    program: tuple[Any, ...] | None = RE_PROGRAMS.get((pattern, flags)) if _RE_CURRENT else None
    if program is not None:
        final_flags, code, groups, groupindex, indexgroup = program
        compiled: re.Pattern[str] = _sre.compile(
            pattern, final_flags, array("I", code).tolist(), groups, groupindex, indexgroup
        )
        return compiled
    return re.compile(pattern, flags)
