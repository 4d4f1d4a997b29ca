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
import importlib.util
import re
import sys
from array import array
from collections.abc import Callable
from importlib.machinery import PathFinder
from typing import TYPE_CHECKING, Any, Final

from extractor._programs import PROGRAMS, RE_ENGINE, RE_PROGRAMS, REGEX_VERSIONS

if TYPE_CHECKING:
    import regex

IGNORECASE: Final = 2  # regex.IGNORECASE, the same bit as re.IGNORECASE

# What the escapes of `regex.escape` stand before (besides white space).
_SPECIAL: Final = frozenset("()[]{}?*+|^$\\.-#&~")


def _rebuilder() -> Callable[..., regex.Pattern[str]] | None:
    """What unpickling a pattern calls, a pattern from its program with no parsing (`regex`'s
    `_pickle`, registered with copyreg): `regex._regex.compile`, when the installed `regex`
    is a release the table was taken with (see REGEX_VERSIONS); None otherwise.

    Importing `regex` runs its parser, Python that takes longer to load than the speech takes
    to outline, and a pattern built from its program needs only the C part: that is loaded
    alone, as the module `regex` imports later if it is asked to compile. The version is read
    where `regex.__version__` is set, without running it."""
    if "regex" in sys.modules:
        import regex

        current = regex.__version__ in REGEX_VERSIONS
        return importlib.import_module("regex._regex").compile if current else None
    package = PathFinder.find_spec("regex")
    locations = package.submodule_search_locations if package is not None else None
    if not locations or _installed_version(locations[0]) not in REGEX_VERSIONS:
        return None
    spec = PathFinder.find_spec("regex._regex", locations)
    if spec is None or spec.loader is None:
        return None
    if "regex._regex" not in sys.modules:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    compiled: Callable[..., regex.Pattern[str]] = sys.modules["regex._regex"].compile
    return compiled


def _installed_version(location: str) -> str | None:
    """`regex.__version__` as the package's source sets it, or None where that is not found."""
    try:
        with open(f"{location}/_main.py", encoding="utf-8") as file:
            source = file.read()
    except OSError:
        return None
    line = '\n__version__ = "'
    start = source.find(line)
    if start < 0:
        return None
    start += len(line)
    end = source.find('"', start)
    return source[start:end] if end > 0 else None


_rebuild: Final = _rebuilder()
# What re._compiler.compile calls once it has the program.
_sre: Any = importlib.import_module("_sre")


def re_engine() -> str:
    """The interpreter and the version of `re`'s programs (they change together)."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{sys.implementation.name} {version} {_sre.MAGIC} {_sre.CODESIZE} {sys.byteorder}"


_RE_CURRENT: Final = re_engine() == RE_ENGINE


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`pattern` compiled by `regex`, from its program in the table when the table has it."""
    if _rebuild is not None and (program := PROGRAMS.get((pattern, int(flags)))) is not None:
        return _rebuild(pattern, *program)
    import regex

    return regex.compile(pattern, flags)


def escape(text: str) -> str:
    """`regex.escape(text)`, the same string (a table's key), without importing `regex`."""
    return "".join("\\" + c if c in _SPECIAL or c.isspace() else c for c in text)


# `regex`'s \s (the Unicode White_Space characters) as the body of a class that `re` reads the
# same: `re`'s own \s also holds \x1c-\x1f.
WHITE_SPACE: Final = "\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


# `regex` reads flags set inline as holding from where they stand to the pattern's end, across
# its bars (「x|a(?i)b|c」 matches 「C」).
_INLINE_FLAGS: Final = re.compile(r"\(\?[a-zA-Z]+\)")


def alternatives(pattern: str) -> tuple[str, ...]:
    """The top-level alternatives of `pattern`, in order (「a|b(?:c|d)」 → 「a」, 「b(?:c|d)」):
    joined by 「|」 they are the pattern again. The pattern alone when it sets flags inline,
    which the alternatives after the one that sets them would lose, taken apart."""
    if _INLINE_FLAGS.search(pattern):
        return (pattern,)
    parts: list[str] = []
    depth = start = i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2  # an escape: what it escapes is no syntax
            continue
        if c == "[":
            end = class_end(pattern, i)
            i = len(pattern) if end is None else end
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return tuple(parts)


def class_end(pattern: str, i: int) -> int | None:
    """Where the class opening at `i` ends (past its 「]」), escapes inside it passed over; a
    「]」 right after 「[」 or 「[^」 is one of its characters. None when it does not close."""
    i += 1
    i += pattern.startswith("^", i)
    i += pattern.startswith("]", i)
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "]":
            return i + 1
        else:
            i += 1
    return None


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
