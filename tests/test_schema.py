"""The committed JSON Schema matches the models, and every field explains itself there."""

from __future__ import annotations

import json
import re
from typing import Any

from schemas import SCHEMA_VERSION
from schemas.export import FLAT_SCHEMA_FILE, SCHEMA_FILE, render


def test_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), (
        "schemas/ is stale: run `python -m schemas` and commit the file"
    )


def test_schema_names_its_version() -> None:
    schema = json.loads(render())
    assert schema["schema_version"] == SCHEMA_VERSION
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA_FILE.name == f"outline.v{SCHEMA_VERSION.split('.')[0]}.schema.json"


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for model, definition in [("Outline", schema), *schema["$defs"].items()]:
        for name, prop in definition.get("properties", {}).items():
            out.append((model, name, prop))
    return out


def test_every_field_has_a_description() -> None:
    schema = json.loads(render())
    undocumented = [
        f"{model}.{name}"
        for model, name, prop in _properties(schema)
        if not prop.get("description")
    ]
    assert undocumented == []


def test_committed_flat_schema_is_current() -> None:
    assert FLAT_SCHEMA_FILE.read_text(encoding="utf-8") == render(flat=True), (
        "schemas/ is stale: run `python -m schemas` and commit the files"
    )


def test_every_flat_field_has_a_description() -> None:
    schema = json.loads(render(flat=True))
    undocumented = [
        f"{model}.{name}"
        for model, name, prop in _properties(schema)
        if not prop.get("description")
    ]
    assert undocumented == []


def test_every_committed_schema_file_names_its_major_in_its_id() -> None:
    """Files of older majors stay beside the current ones; each keeps its own $id."""
    files = sorted(SCHEMA_FILE.parent.glob("*.schema.json"))
    assert SCHEMA_FILE in files and FLAT_SCHEMA_FILE in files
    for path in files:
        match = re.fullmatch(r"(outline(?:-flat)?)\.v(\d+)\.schema\.json", path.name)
        assert match, f"{path.name}: not outline[-flat].vN.schema.json"
        name, major = match.groups()
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"] == f"urn:outline-extractor:{name}:v{major}", path.name
        assert schema["schema_version"].split(".")[0] == major, path.name
