"""export: the Outline models → the committed JSON Schema file."""

import json
from pathlib import Path
from typing import Final

from schemas.flat import FlatOutline
from schemas.outline import Outline
from schemas.version import SCHEMA_VERSION

_MAJOR: Final = SCHEMA_VERSION.split(".")[0]
SCHEMA_FILE: Final = Path(__file__).with_name(f"outline.v{_MAJOR}.schema.json")
SCHEMA_ID: Final = f"urn:outline-extractor:outline:v{_MAJOR}"
FLAT_SCHEMA_FILE: Final = Path(__file__).with_name(f"outline-flat.v{_MAJOR}.schema.json")
FLAT_SCHEMA_ID: Final = f"urn:outline-extractor:outline-flat:v{_MAJOR}"


def render(*, flat: bool = False) -> str:
    """The JSON Schema (draft 2020-12) of `Outline`, as committed in SCHEMA_FILE; with `flat`,
    of `FlatOutline` (the `--flat` output, no recursion), as committed in FLAT_SCHEMA_FILE."""
    model = FlatOutline if flat else Outline
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": FLAT_SCHEMA_ID if flat else SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        **model.model_json_schema(mode="serialization"),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
