"""Write extractor/_triggers.py, the triggers of the rule tables' patterns, derived once here
instead of on every run.

Run from the repository root with the project installed: `.venv/bin/python tools/gen_triggers.py`.
tests/test_triggers.py checks the committed file is current. A pattern the table does not hold
(a row changed since the file was written) has its triggers derived when it is first asked
about: the table makes a run faster, never different.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.ruff_layout import formatted  # noqa: E402

TARGET = ROOT / "extractor" / "_triggers.py"
# Characters of a pattern a line of the generated file holds; CJK is two columns wide.
_CHUNK = 36


def patterns() -> list[str]:
    """Every pattern whose triggers a run asks for, in table order, each once."""
    from extractor import boilerplate, regions

    found = [rule.pattern for rule in boilerplate.BOILERPLATE_RULES]
    found += [p for hinted in regions.HINTED for p in regions.hint_patterns(hinted)]
    found += regions.CLOSING_TRIGGERED
    return list(dict.fromkeys(found))


def reached() -> list[str]:
    """The patterns whose triggers' reaches a run asks for."""
    from extractor import regions

    return [p for hinted in regions.REACHED for p in regions.hint_patterns(hinted)]


def opened() -> list[str]:
    """The patterns whose openers a run asks for."""
    from extractor import lexicon, regions

    rows = (*regions.OPENED, *regions.SEARCHED, lexicon.ENDNOTE)
    return list(dict.fromkeys(row.pattern for row in rows))


def led() -> list[str]:
    """The patterns whose leads a run asks for."""
    from extractor import boilerplate

    return list(dict.fromkeys(rule.pattern for rule in boilerplate._LINE_RULES))


def searched() -> list[str]:
    """The patterns whose skeletons a run asks for."""
    from extractor import regions

    return list(dict.fromkeys(row.pattern for row in regions.SEARCHED))


def spanned() -> list[str]:
    """The patterns whose widest match a run asks for."""
    from extractor import regions

    return [regions.ADDRESSEE_LOOSE]


def tries() -> list[tuple[str, ...]]:
    """The sets of strings the package builds tries of (triggers.trie), recorded in a fresh
    interpreter, where the tables are built as a run builds them."""
    done = subprocess.run(
        [sys.executable, __file__, "--tries"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    found: list[tuple[str, ...]] = ast.literal_eval(done.stdout)
    return found


def _recorded_tries() -> list[tuple[str, ...]]:
    from extractor import triggers

    found: dict[tuple[str, ...], None] = {}
    build = triggers.trie

    def record(strings: Iterable[str]) -> str:
        ordered = tuple(sorted(set(strings)))
        found[ordered] = None
        return build(ordered)

    triggers.trie = record  # type: ignore[assignment]
    # boilerplate builds its tries at import, regions on first use.
    from extractor import boilerplate, regions  # noqa: F401

    regions.build_hints()
    return sorted(found)


def _literal(string: str, indent: str) -> str:
    """`string` as Python source, cut into pieces that fit a line."""
    pieces = [
        json.dumps(string[i : i + _CHUNK], ensure_ascii=False)
        for i in range(0, len(string), _CHUNK)
    ] or ['""']
    if len(pieces) == 1:
        return pieces[0]
    inner = "".join(f"\n{indent}    {p}" for p in pieces)
    return f"({inner}\n{indent})"


def render() -> str:
    from extractor.triggers import (
        _trie,
        derive,
        derive_lead,
        derive_openers,
        derive_reaches,
        derive_skeleton,
        derive_widest,
    )

    rows = []
    for pattern in patterns():
        found = derive(pattern)
        value = "None" if found is None else _literal_tuple(sorted(found))
        rows.append(f"    {_literal(pattern, '    ')}: {value},\n")
    reach_rows = []
    for pattern in reached():
        reach = derive_reaches(pattern)
        value = "None" if reach is None else _literal_dict(reach)
        reach_rows.append(f"    {_literal(pattern, '    ')}: {value},\n")
    opener_rows = []
    for pattern in opened():
        found = derive_openers(pattern)
        value = "None" if found is None else _literal_tuple(sorted(found))
        opener_rows.append(f"    {_literal(pattern, '    ')}: {value},\n")
    lead_rows = []
    for pattern in led():
        found_lead = derive_lead(pattern)
        value = "None" if found_lead is None else _literal_tuple(list(found_lead))
        lead_rows.append(f"    {_literal(pattern, '    ')}: {value},\n")
    skeleton_rows = []
    for pattern in searched():
        found_skeleton = derive_skeleton(pattern)
        value = "None" if found_skeleton is None else _literal(found_skeleton, "    ")
        skeleton_rows.append(f"    {_literal(pattern, '    ')}: {value},\n")
    width_rows = [
        f"    {_literal(pattern, '    ')}: {derive_widest(pattern)},\n" for pattern in spanned()
    ]
    trie_rows = [
        f"    {_literal_tuple(list(strings))}: {_literal(_trie(strings), '    ')},\n"
        for strings in tries()
    ]
    return formatted(
        '"""The triggers of the rule tables\' patterns (see extractor/triggers.py), keyed by the\n'
        "pattern.\n\n"
        "Generated by tools/gen_triggers.py; do not edit by hand.\n"
        '"""\n\n'
        "from typing import Final\n\n"
        "TRIGGERS: Final[dict[str, tuple[str, ...] | None]] = {\n" + "".join(rows) + "}\n\n"
        "# The tries of sets of triggers the package builds (see triggers.trie).\n"
        "TRIES: Final[dict[tuple[str, ...], str]] = {\n" + "".join(trie_rows) + "}\n\n"
        "# How far into a match each trigger stands at most (see triggers.reaches).\n"
        "REACHES: Final[dict[str, dict[str, int] | None]] = {\n" + "".join(reach_rows) + "}\n\n"
        "# The characters a match can open with (see triggers.openers).\n"
        "OPENERS: Final[dict[str, tuple[str, ...] | None]] = {\n" + "".join(opener_rows) + "}\n\n"
        "# What a match's first characters can be, when it opens the string (see triggers.lead).\n"
        "LEADS: Final[dict[str, tuple[str, str] | None]] = {\n" + "".join(lead_rows) + "}\n\n"
        "# Patterns `re` reads that match wherever the pattern does (see triggers.skeleton).\n"
        "SKELETONS: Final[dict[str, str | None]] = {\n" + "".join(skeleton_rows) + "}\n\n"
        "# How many characters a match spans at most (see triggers.widest).\n"
        "WIDTHS: Final[dict[str, int | None]] = {\n" + "".join(width_rows) + "}\n",
        TARGET,
    )


def _literal_dict(reach: dict[str, int]) -> str:
    return (
        "{" + ", ".join(f"{_literal(s, '        ')}: {n}" for s, n in sorted(reach.items())) + "}"
    )


def _literal_tuple(strings: list[str]) -> str:
    return "(" + ", ".join(_literal(s, "        ") for s in strings) + ",)"


if __name__ == "__main__":
    if sys.argv[1:] == ["--tries"]:
        sys.stdout.write(repr(_recorded_tries()) + "\n")
        sys.exit(0)
    TARGET.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"{TARGET}: {len(patterns())} patterns\n")
