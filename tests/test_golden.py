"""Golden fixtures: each fixtures/*.txt outlines to exactly its stored .json.

Regenerate with `pytest --update-golden`; such a run always fails, so that the diff is reviewed
before it is committed. The span invariants run over every fixture too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor import parse_file
from extractor.decode import read_input
from extractor.emit import dump_json
from schemas import Outline
from tests.conftest import ROOT
from tests.invariants import check_invariants

FIXTURES = ROOT / "fixtures"
CASES = sorted(FIXTURES.glob("*.txt"))


def outline_of(txt: Path) -> Outline:
    # The stored path is relative to the repository, so outputs do not depend on the checkout.
    return parse_file(txt.relative_to(ROOT).as_posix())


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize("txt", CASES, ids=lambda p: p.stem)
def test_golden(txt: Path, update_golden: bool) -> None:
    actual = dump_json(outline_of(txt))
    stored = txt.with_suffix(".json")
    if update_golden:
        stored.write_text(actual, encoding="utf-8", newline="\n")
        pytest.fail(f"rewrote {stored.name}: review the diff, then run without --update-golden")
    assert stored.exists(), f"{stored.name} is missing: run pytest --update-golden and review it"
    assert json.loads(actual) == json.loads(stored.read_text(encoding="utf-8"))


@pytest.mark.parametrize("txt", CASES, ids=lambda p: p.stem)
def test_invariants(txt: Path) -> None:
    check_invariants(outline_of(txt), read_input(txt).text)


def test_every_fixture_is_listed_in_the_readme() -> None:
    listed = (FIXTURES / "README.md").read_text(encoding="utf-8")
    assert [p.name for p in CASES if p.name not in listed] == []
