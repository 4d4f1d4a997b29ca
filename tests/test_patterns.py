"""The table of compiled programs (extractor/_programs.py): it holds every pattern the package
compiles, and a pattern built from its program matches exactly as one the engine (`regex`, or
`re` for the tries of triggers) compiles."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from extractor import patterns
from extractor._programs import PROGRAMS, RE_ENGINE, RE_PROGRAMS, REGEX_VERSIONS
from extractor.boilerplate import BOILERPLATE_RULES
from extractor.marker_rules import MARKER_RULES
from extractor.source import FOLD
from tests.conftest import ROOT
from tests.test_lexicon import ROWS

REGENERATE = "run: .venv/bin/python tools/gen_programs.py"


Table = dict[tuple[str, int], tuple[Any, ...]]
Generated = tuple[str, str, Table, Table]


@pytest.fixture(scope="module")
def generated() -> Generated:
    """The version of `regex`, the interpreter, and the programs of both engines, as the
    generator takes them now."""
    return _generate()


def _generate() -> Generated:
    # With the hash seed the generator writes the file with (see `render` there).
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_programs.py"), "--print"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    version, engine, table, table_re = done.stdout.split("\n", 3)
    return version, engine, ast.literal_eval(table), ast.literal_eval(table_re)


def test_the_table_holds_every_pattern_the_package_compiles(generated: Generated) -> None:
    _, _, table, table_re = generated
    for kept, now in ((PROGRAMS, table), (RE_PROGRAMS, table_re)):
        missing = sorted(set(now) - set(kept))
        unused = sorted(set(kept) - set(now))
        assert not missing and not unused, (REGENERATE, missing[:3], unused[:3])


def test_the_table_was_written_by_the_installed_regex(generated: Generated) -> None:
    # Another version's programs are not used (the patterns are compiled on every run).
    # The table names every release it serves; under the installed one the generator takes
    # the very programs committed (see the next test), so the list is not taken on trust.
    assert generated[0] == regex.__version__ in REGEX_VERSIONS, REGENERATE


@pytest.mark.skipif(regex.__version__ not in REGEX_VERSIONS, reason="the table is not used")
def test_the_committed_programs_are_the_generators_byte_for_byte(generated: Generated) -> None:
    # The generator takes the same programs on every run (`regex` would order the first
    # characters of some patterns differently in each process), so that regenerating the file
    # changes only the entries of the patterns that changed, and a stale entry shows here.
    again = _generate()
    assert again[2] == generated[2]
    assert generated[2] == PROGRAMS, REGENERATE


def test_the_re_programs_are_this_interpreters(generated: Generated) -> None:
    assert RE_ENGINE == generated[1] == patterns.re_engine(), REGENERATE
    # The programs themselves: `re` compiles a pattern the same way every time.
    assert generated[3] == RE_PROGRAMS, REGENERATE


def _texts() -> list[str]:
    """Speech-like texts the patterns run on: every table row's examples and counterexamples,
    the fixtures and the micro cases, folded as the stages see them."""
    texts = [ex for _, row in ROWS for ex in (*row.examples, *row.counterexamples)]
    texts += [ex for rule in BOILERPLATE_RULES for ex in (*rule.examples, *rule.counterexamples)]
    texts += [ex for rule in MARKER_RULES for ex in (*rule.examples, *rule.counterexamples)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("fixtures/*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("tests/cases/*.txt"))]
    return [text.translate(FOLD) for text in texts]


def _found(
    pattern: regex.Pattern[str] | re.Pattern[str], texts: list[str]
) -> list[list[tuple[int, ...]]]:
    return [
        [tuple(span for g in range(pattern.groups + 1) for span in m.span(g)) for m in found]
        for text in texts
        for found in (pattern.finditer(text), [pattern.match(text)] if pattern.match(text) else [])
    ]


@pytest.mark.skipif(regex.__version__ not in REGEX_VERSIONS, reason="the table is not used")
def test_a_pattern_built_from_its_program_matches_as_compiled() -> None:
    texts = _texts()
    for (pattern, flags), _ in PROGRAMS.items():
        built = patterns.compile(pattern, flags)
        compiled = regex.compile(pattern, flags, cache_pattern=False)
        assert (built.pattern, built.flags, built.groupindex) == (
            compiled.pattern,
            compiled.flags,
            compiled.groupindex,
        )
        assert _found(built, texts) == _found(compiled, texts), pattern


@pytest.mark.skipif(patterns.re_engine() != RE_ENGINE, reason="the table is not used")
def test_a_re_pattern_built_from_its_program_matches_as_compiled() -> None:
    texts = _texts()
    for (pattern, flags), _ in RE_PROGRAMS.items():
        built = patterns.compile_re(pattern, flags)
        compiled = re.compile(pattern, flags)
        assert (built.pattern, built.flags, built.groupindex) == (
            compiled.pattern,
            compiled.flags,
            compiled.groupindex,
        )
        assert _found(built, texts) == _found(compiled, texts), pattern


def test_a_pattern_the_table_does_not_hold_is_compiled() -> None:
    pattern = r"(?P<speaker>\p{Han}{2,4})同志在(?P<occasion>[^。]+)上的讲话"
    assert (pattern, 0) not in PROGRAMS
    m = patterns.compile(pattern).search("王建国同志在全县工作会议上的讲话")
    assert m is not None and m.group("speaker", "occasion") == ("王建国", "全县工作会议")
    trie = "(?:本站|本网)(?:提供|推荐)"
    assert (trie, 0) not in RE_PROGRAMS
    found = patterns.compile_re(trie).search("欢迎阅读本网推荐的文章")
    assert found is not None and found.group() == "本网推荐"


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        ("a", ("a",)),
        ("a|b(?:c|d)", ("a", "b(?:c|d)")),
        (r"[|]x|[^]|]y|\|z|(?<=[(])w", ("[|]x", "[^]|]y", r"\|z", "(?<=[(])w")),
        ("(?i)a|b", ("(?i)a|b",)),  # the flags hold for both
        ("x|a(?i)b|c", ("x|a(?i)b|c",)),  # 「c」 ignores case too
        ("|a|", ("", "a", "")),
    ],
)
def test_alternatives_are_the_top_level_branches(pattern: str, parts: tuple[str, ...]) -> None:
    assert patterns.alternatives(pattern) == parts


@given(st.text(alphabet=st.sampled_from("()[]{}?*+|^$\\.-#&~ \t\u3000\xa0a中，\n")))
def test_escape_is_regexs(text: str) -> None:
    """The escaped strings are table keys: the same as `regex` writes them."""
    assert patterns.escape(text) == regex.escape(text)
    assert regex.fullmatch(patterns.escape(text), text)


def test_the_version_is_read_from_regexs_source_as_it_sets_it() -> None:
    """The table's programs are used with `regex` not yet imported when its source names the
    version that wrote them (see patterns._rebuilder)."""
    location = str(Path(regex.__file__).parent)
    assert patterns._installed_version(location) == regex.__version__
    assert patterns._installed_version(str(ROOT)) is None  # no regex source there


def test_white_space_is_regex_s_spelled_for_re() -> None:
    """`patterns.WHITE_SPACE`, as a class under `re`, holds exactly what `regex` reads as \\s."""
    import re

    import regex

    from extractor.patterns import WHITE_SPACE

    spelled = re.compile(f"[{WHITE_SPACE}]")
    for char in map(chr, range(0x110000)):
        assert bool(spelled.match(char)) is bool(regex.match(r"\s", char)), hex(ord(char))


def test_a_release_that_takes_the_same_programs_joins_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generator keeps the releases the committed table names when the running one takes
    the very same programs, and names the running one alone when any program differs."""
    from tools import gen_programs

    table = {("一是", 0): (1, 2, 3)}
    committed = tmp_path / "_programs.py"
    committed.write_text(
        f"REGEX_VERSIONS = ('2026.9.1', '2026.11.19')\nPROGRAMS = {table!r}\n", encoding="utf-8"
    )
    monkeypatch.setattr(gen_programs, "TARGET", committed)
    assert gen_programs._versions("2026.12.2", repr(table)) == (
        "2026.9.1",
        "2026.11.19",
        "2026.12.2",
    )
    assert gen_programs._versions("2026.11.19", repr(table)) == ("2026.9.1", "2026.11.19")
    changed = {("一是", 0): (1, 2, 4)}
    assert gen_programs._versions("2026.12.2", repr(changed)) == ("2026.12.2",)
