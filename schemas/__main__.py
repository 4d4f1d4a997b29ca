"""python -m schemas: rewrite the committed JSON Schema from the models."""

from schemas.export import SCHEMA_FILE, render

SCHEMA_FILE.write_text(render(), encoding="utf-8")
print(f"wrote {SCHEMA_FILE}")
