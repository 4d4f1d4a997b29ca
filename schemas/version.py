"""The version of the JSON output, independent of the package version.

Bump rules: an added optional field or enum value is minor (1.0 → 1.1); a removed or renamed
field, a changed meaning or a changed span unit is major (a new outline.vN.schema.json, the old
file kept). Each bump: edit SCHEMA_VERSION, add a HISTORY line, run `python -m schemas`.
"""

from typing import Final

SCHEMA_VERSION: Final = "1.3"

HISTORY: Final = (
    ("1.0", "Heading tree with exact source spans, preamble, diagnostics."),
    (
        "1.1",
        "title, occasion, speaker, date, salutation, purpose; achievements, problems, tasks, "
        "closing; Section.role, cue, points, path; optional *_utf16 spans (--offsets utf16). "
        'Word input: Marker.generated, diagnostic code docx_skipped, encoding "docx". '
        "removed: boilerplate lines with span and reason.",
    ),
    (
        "1.2",
        "removed reasons dateline, publication, photo_caption, endnote, appendix, stray: "
        "news datelines and newspaper lines, captions, endnotes, what follows the closing; "
        "MarkerKind di_han_part (第一个问题：, 第一部分) and han_bare (一　, as collected works "
        "print a section's numeral).",
    ),
    (
        "1.3",
        "The published schema accepts what a later 1.x writes: objects allow fields they do "
        "not declare, enums allow values they do not list. Spans are one $defs entry, Span, "
        "with `items` beside `prefixItems`; fields carry no title. Documents are unchanged.",
    ),
)
