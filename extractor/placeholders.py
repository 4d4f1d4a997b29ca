"""placeholders: what pydantic writes for the placeholder models `emit` cuts its templates
from (see `emit.placeholder_json`), at depth 0, in each layout.

Generated from the models, so that the command line builds none. tests/test_emit.py fails
while it is not current; `pytest tests/test_emit.py --update-golden` rewrites it.
"""

from typing import Final

SECTION_PRETTY: Final = (
    b"{\n"
    b'  "marker": {\n'
    b'    "text": "\\u0000marker.text\\u0000",\n'
    b'    "span": [\n'
    b"      1000000000000000,\n"
    b"      1000000000000001\n"
    b"    ],\n"
    b'    "kind": "\\u0000marker.kind\\u0000",\n'
    b'    "ordinal": 1000000000000002,\n'
    b'    "generated": "\\u0000marker.generated\\u0000"\n'
    b"  },\n"
    b'  "level": 1000000000000003,\n'
    b'  "title": "\\u0000title\\u0000",\n'
    b'  "title_span": "\\u0000title_span\\u0000",\n'
    b'  "span": [\n'
    b"    1000000000000004,\n"
    b"    1000000000000005\n"
    b"  ],\n"
    b'  "role": "\\u0000role\\u0000",\n'
    b'  "cue": "\\u0000cue\\u0000",\n'
    b'  "points": "\\u0000points\\u0000",\n'
    b'  "children": "\\u0000children\\u0000",\n'
    b'  "path": "\\u0000path\\u0000"\n'
    b"}"
)

EXCERPT_PRETTY: Final = (
    b"{\n"
    b'  "text": "\\u0000text\\u0000",\n'
    b'  "span": [\n'
    b"    1000000000000000,\n"
    b"    1000000000000001\n"
    b"  ]\n"
    b"}"
)

SECTION_COMPACT: Final = (
    b'{"marker":{"text":"\\u0000marker.text\\u0000",'
    b'"span":[1000000000000000,'
    b"1000000000000001],"
    b'"kind":"\\u0000marker.kind\\u0000",'
    b'"ordinal":1000000000000002,'
    b'"generated":"\\u0000marker.generated\\u0000"},'
    b'"level":1000000000000003,'
    b'"title":"\\u0000title\\u0000",'
    b'"title_span":"\\u0000title_span\\u0000",'
    b'"span":[1000000000000004,'
    b"1000000000000005],"
    b'"role":"\\u0000role\\u0000",'
    b'"cue":"\\u0000cue\\u0000",'
    b'"points":"\\u0000points\\u0000",'
    b'"children":"\\u0000children\\u0000",'
    b'"path":"\\u0000path\\u0000"}'
)

EXCERPT_COMPACT: Final = b'{"text":"\\u0000text\\u0000","span":[1000000000000000,1000000000000001]}'
