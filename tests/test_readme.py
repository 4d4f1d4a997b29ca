"""The README's examples are the output: each JSON block against the real output of the bundled
fixture its paragraph names, and the Python snippet's word on `parse_json`."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor import parse_json
from extractor.cli import app
from tests.conftest import ROOT
from tests.test_emit import spans_joined

runner = CliRunner()
README = ROOT / "README.md"
_FIXTURE = re.compile(r"`(fixtures/\w+\.txt)`")


def json_examples() -> list[tuple[str, str]]:
    """Each ```json block of the README with the fixture named last before it."""
    text = README.read_text(encoding="utf-8")
    found = []
    for block in re.finditer(r"^```json\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL):
        named = _FIXTURE.findall(text, 0, block.start())
        assert named, f"the JSON example at {block.start()} names no bundled fixture before it"
        found.append((named[-1], block.group(1)))
    return found


def printed(fixture: str, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """What `outline FIXTURE` prints, run from the repository as the README runs it."""
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, [fixture])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def holds(whole: Any, part: Any) -> bool:
    """Whether `part` is `whole` with some fields of its objects left out."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            key in whole and holds(whole[key], value) for key, value in part.items()
        )
    return bool(whole == part)


def objects(value: Any) -> list[Any]:
    """Every object in `value`, itself included."""
    if isinstance(value, list):
        return [o for item in value for o in objects(item)]
    if isinstance(value, dict):
        return [value, *(o for item in value.values() for o in objects(item))]
    return []


def test_the_readme_shows_json() -> None:
    assert json_examples()


@pytest.mark.parametrize("fixture, block", json_examples(), ids=lambda v: v[:40])
def test_a_json_example_is_part_of_the_output_laid_out_as_the_output(
    fixture: str, block: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = json.loads(block)
    output = json.loads(printed(fixture, monkeypatch))
    assert any(holds(o, example) for o in objects(output)), (
        f"the README's example is not in the output of {fixture}"
    )
    laid_out = spans_joined(json.dumps(example, ensure_ascii=False, indent=2).encode())
    assert block.encode() == laid_out + b"\n", "laid out otherwise than `outline` prints"


def test_parse_json_is_what_outline_prints_but_for_the_source_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "data = parse_json(text)   # the bytes `outline` prints" in README.read_text("utf-8")
    fixture = "fixtures/glued_headings.txt"
    text = (ROOT / fixture).read_text(encoding="utf-8")
    written = printed(fixture, monkeypatch)
    path = f'"path": "{fixture}"'.encode()
    assert written.count(path) == 1
    assert parse_json(text) == written.replace(path, b'"path": null')
