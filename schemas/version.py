"""The version of the JSON output, independent of the package version.

Bump rules: an added optional field or enum value is minor (1.0 → 1.1); a removed or renamed
field, a changed meaning or a changed span unit is major (a new outline.vN.schema.json, the old
file kept). Each bump: edit SCHEMA_VERSION, add a HISTORY line, run `python -m schemas`.
"""

from typing import Final

SCHEMA_VERSION: Final = "1.1"

HISTORY: Final = (
    ("1.0", "Heading tree with exact source spans, preamble, diagnostics."),
    ("1.1", "Optional `removed`: boilerplate lines with span and reason."),
)
