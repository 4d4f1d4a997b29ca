"""Shared fixtures: the --update-golden flag and the plain-text micro-case loader."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite fixtures/*.json from the current output (the run then fails: review diffs).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@dataclass(frozen=True)
class MicroCase:
    """One block of a cases/*.txt file: `# title`, input lines, `=>` and the expectation."""

    id: str
    title: str
    input: str
    expected: list[str]


def load_cases(name: str) -> list[MicroCase]:
    """Blocks open with `# title` (`##` lines are comments); the input runs to a line starting
    with `=>`; the expectation is the rest of that line, or the lines after a bare `=>` up to the
    next block."""
    path = CASES / name
    cases: list[MicroCase] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        (line_no, header), *body = block
        arrows = [i for i, (_, text) in enumerate(body) if text.startswith("=>")]
        if not arrows:
            raise ValueError(f"{name}:{line_no}: case has no '=>' line")
        arrow = arrows[0]
        source = "\n".join(text for _, text in body[:arrow])
        rest = body[arrow][1][2:].strip()
        expected = [rest] if rest else [t for _, t in body[arrow + 1 :] if t.strip()]
        cases.append(MicroCase(f"{name}:{line_no}", header[1:].strip(), source, expected))
        block.clear()

    for line_no, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text.startswith("##"):
            continue  # a comment on the file, not a case
        if text.startswith("# "):
            flush()
            block.append((line_no, text))
        elif block and (text.strip() or len(block) > 1):
            block.append((line_no, text))
    flush()
    return cases
