"""export: the Outline models → the committed JSON Schema file."""

import json
from pathlib import Path
from typing import Final

from schemas.outline import Outline
from schemas.version import SCHEMA_VERSION

SCHEMA_FILE: Final = Path(__file__).with_name(
    f"outline.v{SCHEMA_VERSION.split('.')[0]}.schema.json"
)
SCHEMA_ID: Final = f"urn:outline-extractor:outline:v{SCHEMA_VERSION.split('.')[0]}"


def render() -> str:
    """The JSON Schema (draft 2020-12) of `Outline`, as committed in SCHEMA_FILE."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        **Outline.model_json_schema(mode="serialization"),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
