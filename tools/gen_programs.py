"""Write extractor/_programs.py: the programs `regex` compiles the package's patterns to.

Run from the repository root with the project installed: `.venv/bin/python tools/gen_programs.py`,
after changing a row or a pattern, or upgrading `regex`. tests/test_patterns.py checks the
committed file is current. Every pattern passed to `extractor.patterns.compile` when the
package's modules are imported is kept, and every row of the tables that compile on first use
(extractor/lexicon.py, extractor/boilerplate.py). The programs are taken with a fixed hash
seed, and `regex`'s nodes hashed by their class's name rather than its identity (see
`_stable_node_hashes`), so that the file is the same from one run to the next: `regex`
orders some sets of characters by their nodes' hashes; any order compiles to the same matches.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import pkgutil
import re
import runpy
import subprocess
import sys
from array import array
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.ruff_layout import formatted  # noqa: E402

TARGET = ROOT / "extractor" / "_programs.py"
# Modules that import what is not always installed or run the command line; they compile no
# pattern.
_SKIPPED = frozenset({"extractor.spark", "extractor.__main__"})


Table = dict[tuple[str, int], tuple[Any, ...]]


def _stable_node_hashes() -> None:
    """Hash `regex`'s parse nodes by their class's name instead of the class itself.

    A node's hash is that of its key, which leads with its class, and a class hashes by its
    address: that differs from run to run whatever the hash seed, and with it the order of the
    sets of nodes `regex` compiles into a program (the first characters a match can open
    with). The order changes nothing a program matches; this fixes it, for this process only.
    """
    from regex import _regex_core

    def named(part: object) -> object:
        return part.__name__ if isinstance(part, type) else part

    def stable_hash(node: Any) -> int:
        key = node._key
        return hash(tuple(map(named, key)) if isinstance(key, tuple) else named(key))

    _regex_core.RegexBase.__hash__ = stable_hash


def programs() -> tuple[Table, Table]:
    """(pattern, flags) → the program `regex`, and `re`, compile it to, for every pattern the
    package compiles through `extractor.patterns`: in this process, whatever its hash seed."""
    import re
    from re import _compiler, _parser  # type: ignore[attr-defined]

    import regex

    from extractor import patterns

    found: Table = {}
    found_re: Table = {}

    def record(pattern: str, flags: int = 0) -> regex.Pattern[str]:
        compiled = regex.compile(pattern, flags)
        found[(pattern, int(flags))] = compiled._pickled_data[1:]  # type: ignore[attr-defined]
        return compiled

    def record_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
        # As re._compiler.compile does it, keeping the program.
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        found_re[(pattern, flags)] = (
            flags | parsed.state.flags,
            array("I", code).tobytes(),
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        return re.compile(pattern, flags)

    _stable_node_hashes()
    patterns.compile = record  # type: ignore[assignment]
    patterns.compile_re = record_re  # type: ignore[assignment]
    import extractor

    for info in pkgutil.iter_modules(extractor.__path__, "extractor."):
        if info.name not in _SKIPPED:
            importlib.import_module(info.name)
    from extractor import boilerplate, lexicon, regions, source

    for value in vars(lexicon).values():
        for row in value if isinstance(value, tuple) else (value,):
            if isinstance(row, lexicon.Cue | lexicon.Form):
                row.compiled  # noqa: B018 - compiles the row
    for rule in boilerplate.BOILERPLATE_RULES:
        boilerplate._compiled(rule.pattern)
    for rule in boilerplate._CUT_ROWS:
        boilerplate._alternatives(rule.pattern)
    # The tries of triggers built on first use.
    regions.build_hints()
    # The fold scan, built once a process has folded enough text.
    source._foldable_scan()
    return dict(sorted(found.items())), dict(sorted(found_re.items()))


def render() -> str:
    """The module's text: the programs taken in a fresh interpreter with hash seed 0."""
    done = subprocess.run(
        [sys.executable, __file__, "--print"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    version, engine, table, table_re = done.stdout.split("\n", 3)
    versions = _versions(version, table)
    return formatted(
        '"""The programs `regex` compiles the package\'s patterns to, keyed by pattern and flags\n'
        "(see extractor/patterns.py).\n\n"
        "Generated by tools/gen_programs.py; do not edit by hand.\n"
        '"""\n\n'
        "from typing import Any, Final\n\n"
        f"REGEX_VERSIONS: Final = {versions!r}\n"
        f"PROGRAMS: Final[dict[tuple[str, int], tuple[Any, ...]]] = {table}\n"
        f"RE_ENGINE: Final = {json.dumps(engine)}\n"
        f"RE_PROGRAMS: Final[dict[tuple[str, int], tuple[Any, ...]]] = {table_re}",
        TARGET,
    )


def _versions(version: str, table: str) -> tuple[str, ...]:
    """The releases of `regex` the table serves: `version`, and those the committed table
    names when `version` takes the very same programs (most releases change no program: the
    table is then still good for the earlier ones, which users may have installed)."""
    kept: tuple[str, ...] = ()
    if TARGET.exists():
        committed = runpy.run_path(str(TARGET))
        if committed.get("PROGRAMS") == ast.literal_eval(table):
            kept = tuple(committed.get("REGEX_VERSIONS", ()))
    return tuple(sorted({*kept, version}, key=_release))


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"[0-9]+", version))


if __name__ == "__main__":
    if sys.argv[1:] == ["--print"]:
        import regex

        from extractor.patterns import re_engine

        table, table_re = programs()
        sys.stdout.write(f"{regex.__version__}\n{re_engine()}\n{table!r}\n{table_re!r}\n")
    else:
        TARGET.write_text(render(), encoding="utf-8")
        sys.stdout.write(f"{TARGET}: {TARGET.stat().st_size} bytes\n")
