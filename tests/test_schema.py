"""The committed JSON Schema matches the models, and every field explains itself there."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest

from extractor import parse_file
from extractor.render import RenderOptions
from extractor.render import render as render_output
from schemas import SCHEMA_VERSION
from schemas.export import FLAT_SCHEMA_FILE, SCHEMA_FILE, SPAN_REF, render, schema
from tests.conftest import ROOT


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


# --- what a later 1.x writes (issue item 12) --------------------------------------------------


def _later_minor(document: dict[str, Any]) -> dict[str, Any]:
    """`document` as a later 1.x might write it: an optional field added at the top, on every
    section and on the title, and a role and a removed reason the models do not list."""
    later = json.loads(json.dumps(document))
    later["schema_version"] = "1.9"
    later["summary"] = {"text": "优化营商环境", "span": [5, 11]}
    later["title"]["language"] = "zh-Hans"
    stack = list(later["sections"])
    while stack:
        section = stack.pop()
        section["confidence"] = 0.9
        stack.extend(section["children"])
    later["sections"][0]["role"] = "outlook"
    later["removed"].append({"text": "扫码关注", "span": [0, 4], "reason": "qr_code"})
    return later


def _validator(schema: dict[str, Any]) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_a_later_minor_document_validates_against_the_committed_file() -> None:
    document = json.loads((ROOT / "fixtures" / "glued_headings.json").read_bytes())
    later = _later_minor(document)
    committed = _validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    assert list(committed.iter_errors(later)) == []
    # The producer's own form rejects each addition: the committed file is what accepts them.
    closed = _validator(schema(closed=True))
    assert list(closed.iter_errors(document)) == []
    rejected = {error.validator for error in closed.iter_errors(later)}
    assert {"additionalProperties", "enum"} <= rejected
    # Open is not loose: a span that is not a pair of offsets, or a missing field, still fails.
    broken = json.loads(json.dumps(later))
    broken["sections"][0]["span"] = [419, "570"]
    del broken["source"]["sha256"]
    assert len(list(committed.iter_errors(broken))) == 2


def test_a_later_minor_flat_document_validates_against_the_committed_flat_file() -> None:
    txt = ROOT / "fixtures" / "glued_headings.txt"
    flat = json.loads(
        render_output(parse_file(txt), txt.read_text(encoding="utf-8"), RenderOptions(flat=True))
    )
    flat["nodes"][0]["confidence"] = 0.9
    flat["nodes"][0]["role"] = "outlook"
    committed = _validator(json.loads(FLAT_SCHEMA_FILE.read_text(encoding="utf-8")))
    assert list(committed.iter_errors(flat)) == []
    assert list(_validator(schema(flat=True, closed=True)).iter_errors(flat))


# --- generating types from the schema (issue item 13) -----------------------------------------


def _span_uses(node: Any) -> Iterator[Any]:
    """Every schema in `node` that is, or may be, a span."""
    if isinstance(node, list):
        for item in node:
            yield from _span_uses(item)
    elif isinstance(node, dict):
        if "prefixItems" in node or node.get("$ref") == SPAN_REF:
            yield node
        for value in node.values():
            yield from _span_uses(value)


@pytest.mark.parametrize("flat", [False, True], ids=["tree", "flat"])
def test_every_span_is_the_one_span_definition_and_no_field_is_titled(flat: bool) -> None:
    published = json.loads(render(flat=flat))
    defs = published.pop("$defs")
    span = defs.pop("Span")
    assert span["items"] == {"minimum": 0, "type": "integer"}
    assert span["prefixItems"] == [span["items"], span["items"]]
    assert span["minItems"] == span["maxItems"] == 2
    uses = list(_span_uses([published, defs]))
    assert len(uses) > 10 and all(use == {"$ref": SPAN_REF} for use in uses)
    titled = [
        f"{m}.{name}"
        for m, name, prop in _properties(json.loads(render(flat=flat)))
        if "title" in prop
    ]
    assert titled == []
    assert defs.pop("Excerpt")["title"] == "Excerpt"  # one entry, referenced where it occurs
    rest = json.dumps([published, defs])
    assert '"Excerpt"' not in rest and rest.count('"#/$defs/Excerpt"') > 5


@pytest.mark.slow
def test_datamodel_code_generator_gives_a_span_as_a_pair_of_ints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    codegen = Path(sys.executable).with_name("datamodel-codegen")
    if not codegen.exists():
        pytest.skip("datamodel-code-generator is not installed (the dev extra has it)")
    out = tmp_path / "outline_types.py"
    subprocess.run(
        [
            codegen,
            "--input",
            SCHEMA_FILE,
            "--input-file-type",
            "jsonschema",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--use-annotated",
            "--formatters",
            "ruff-format",
            "--disable-timestamp",
            "--output",
            out,
        ],
        check=True,
        capture_output=True,
    )
    spec = importlib.util.spec_from_file_location("outline_types", out)
    assert spec is not None and spec.loader is not None
    types = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, types)  # pydantic resolves names through it
    spec.loader.exec_module(types)
    golden = (ROOT / "fixtures" / "glued_headings.json").read_bytes()
    outline = types.Outline.model_validate_json(golden)
    span = outline.sections[1].children[0].marker.span.model_dump()
    assert span == (603, 605) and all(type(offset) is int for offset in span)
    for wrong in ([1], [1, 2, 3], [-1, 2], [1.5, 2], ["一", 2]):
        with pytest.raises(ValueError, match="validation error"):
            types.Span.model_validate(wrong)


# json-schema-to-typescript, the common choice of web apps; a major version pinned, as a
# consumer would.
JSON2TS: Final = "json-schema-to-typescript@16"


@pytest.fixture(scope="session")
def json2ts(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    """node and the json2ts script, installed once into pytest's cache folder (a temporary
    one without the cache); the test is skipped, saying why, when either cannot be had."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node or npm is not on PATH: json-schema-to-typescript cannot run")
    cache = getattr(request.config, "cache", None)
    prefix = cache.mkdir("json2ts") if cache else tmp_path_factory.mktemp("json2ts")
    cli = prefix / "node_modules" / "json-schema-to-typescript" / "dist" / "src" / "cli.js"
    if not cli.exists():
        installed = subprocess.run(
            [npm, "install", "--prefix", prefix, "--no-audit", "--no-fund", JSON2TS],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if installed.returncode != 0 or not cli.exists():
            pytest.skip(f"npm could not install {JSON2TS}: {installed.stderr[-400:]}")
    return node, cli


@pytest.mark.slow
@pytest.mark.parametrize("flat", [False, True], ids=["tree", "flat"])
def test_json_schema_to_typescript_gives_typed_spans_and_stable_names(
    flat: bool, json2ts: tuple[str, Path], tmp_path: Path
) -> None:
    node, cli = json2ts
    out = tmp_path / "outline.d.ts"
    schema_file = FLAT_SCHEMA_FILE if flat else SCHEMA_FILE
    subprocess.run([node, cli, "-i", schema_file, "-o", out], check=True, capture_output=True)
    ts = out.read_text(encoding="utf-8")
    assert "export type Span = [number, number];" in ts
    span_lines = [line for line in ts.splitlines() if re.search(r"\bspan|Span\b", line)]
    assert len(span_lines) > 10 and not [line for line in span_lines if "unknown" in line]
    fields = re.findall(r"^\s+(\w+)\??: (.+);$", ts, flags=re.MULTILINE)
    assert {type_ for name, type_ in fields if name.endswith("span")} == {"Span", "Span | null"}
    numbered = re.findall(r"^export (?:type|interface) (\w+?\d+)\b", ts, flags=re.MULTILINE)
    assert numbered == []  # no Text1 … Text7, no Span1
    assert "export interface Excerpt {" in ts and "MarkerKind" in ts
