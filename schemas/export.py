"""export: the Outline models → the committed JSON Schema files.

The published schema is pydantic's, reshaped for the two jobs consumers give it:

- Validating any `1.x` document, also one a later 1.x writes (schemas/version.py: an added
  optional field or enum value is minor): objects accept fields they do not declare and enums
  accept strings they do not list (the README: ignore unknown fields, read an unknown enum
  value as `other`). `closed=True` gives the producer's form instead, which rejects both: the
  tests validate our own output against it.
- Generating types (json-schema-to-typescript, datamodel-code-generator): every span is a
  reference to one `Span` definition, whose `items` types the pair for generators that do not
  read `prefixItems`, and fields carry no `title`, from which generators name a type per field
  (`Text1` … `Text7`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from schemas.flat import FlatOutline
from schemas.outline import Outline
from schemas.version import SCHEMA_VERSION

_MAJOR: Final = SCHEMA_VERSION.split(".")[0]
SCHEMA_FILE: Final = Path(__file__).with_name(f"outline.v{_MAJOR}.schema.json")
SCHEMA_ID: Final = f"urn:outline-extractor:outline:v{_MAJOR}"
FLAT_SCHEMA_FILE: Final = Path(__file__).with_name(f"outline-flat.v{_MAJOR}.schema.json")
FLAT_SCHEMA_ID: Final = f"urn:outline-extractor:outline-flat:v{_MAJOR}"

_OFFSET: Final = {"minimum": 0, "type": "integer"}
# A span as pydantic writes `tuple[NonNegativeInt, NonNegativeInt]`, inline at each field.
_SPAN_KEYS: Final = {"maxItems": 2, "minItems": 2, "prefixItems": [_OFFSET, _OFFSET]}
SPAN_REF: Final = "#/$defs/Span"
_SPAN_DEF: Final = {
    "description": "[start, end): two offsets into the decoded input, the end not included; "
    "the field says in which unit (code points, or UTF-16 code units for `*_utf16`).",
    "items": _OFFSET,  # where `prefixItems` applies this is ignored; it types the pair for
    "maxItems": 2,  # generators that read only `items` (json-schema-to-typescript)
    "minItems": 2,
    "prefixItems": [_OFFSET, _OFFSET],
    "title": "Span",
    "type": "array",
}
_UNKNOWN_VALUE: Final = {
    "description": "A value a later 1.x may add: read it as `other` (or ignore it).",
    "type": "string",
}


def schema(*, flat: bool = False, closed: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `Outline`, or with `flat` of `FlatOutline` (the
    `--flat` output, no recursion): as published, or with `closed` as the producer checks its
    own output (no undeclared field, no unlisted enum value)."""
    model = FlatOutline if flat else Outline
    body = model.model_json_schema(mode="serialization")
    defs = {name: _reshape(d, closed) for name, d in body.pop("$defs").items()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": FLAT_SCHEMA_ID if flat else SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "$defs": dict(sorted({**defs, "Span": _SPAN_DEF}.items())),
        **_reshape(body, closed),
    }


def render(*, flat: bool = False) -> str:
    """The published schema as committed in SCHEMA_FILE (with `flat`, FLAT_SCHEMA_FILE)."""
    return json.dumps(schema(flat=flat), ensure_ascii=False, indent=2) + "\n"


def _reshape(node: Any, closed: bool) -> Any:
    """`node` with its spans as references to `Span`, its fields untitled, and unless
    `closed` its objects and enums open."""
    if isinstance(node, list):
        return [_reshape(item, closed) for item in node]
    if not isinstance(node, dict):
        return node
    if all(node.get(key) == value for key, value in _SPAN_KEYS.items()):
        kept = {k: v for k, v in node.items() if k not in (*_SPAN_KEYS, "type", "title")}
        # Beside its description, a reference goes inside `allOf`: json-schema-to-typescript
        # makes a new type (`Span1`, `Span2`, …) of each `$ref` that has sibling keywords.
        return {"allOf": [{"$ref": SPAN_REF}], **kept} if kept else {"$ref": SPAN_REF}
    out = {key: _reshape(value, closed) for key, value in node.items()}
    if "properties" in out:
        for name, prop in out["properties"].items():
            out["properties"][name] = {k: v for k, v in prop.items() if k != "title"}
        if not closed:
            out.pop("additionalProperties", None)
    if "enum" in out and not closed:
        values = out.pop("enum")
        out.pop("type", None)
        out["anyOf"] = [{"enum": values, "type": "string"}, _UNKNOWN_VALUE]
    return out
