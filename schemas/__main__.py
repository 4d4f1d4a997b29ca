"""python -m schemas: rewrite the committed JSON Schema files from the models."""

from schemas.export import FLAT_SCHEMA_FILE, SCHEMA_FILE, render

SCHEMA_FILE.write_text(render(), encoding="utf-8")
FLAT_SCHEMA_FILE.write_text(render(flat=True), encoding="utf-8")
print(f"wrote {SCHEMA_FILE} and {FLAT_SCHEMA_FILE}")
