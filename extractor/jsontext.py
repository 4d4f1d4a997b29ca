"""jsontext: plain values → the JSON bytes pydantic-core's `to_json` writes for them.

For the small part of the outline the command line writes from plain values (see `emit`):
dicts, lists, tuples, strings (enum members among them), ints, floats, bools and None. The
layout is pydantic's: with `indent`, one item a line and `"key": value`; without, no white
space at all; an empty list or dict as `[]` or `{}`; strings with only `"`, `\\` and control
characters escaped, the rest as UTF-8. Floats are written as Rust writes them, which is
Python's shortest repr except for small numbers (`0.00001`, `1.5e-7`). `tests/test_emit.py`
compares it with pydantic-core's own output on hypothesis inputs.

Importing pydantic-core only for this would cost the command line more than it writes.
"""

from __future__ import annotations

# json.encoder's own function (its C accelerator), without importing the json package.
from _json import encode_basestring
from typing import Any


def to_json(value: Any, indent: int | None = None) -> bytes:
    """`pydantic_core.to_json(value, indent=indent)` for plain values."""
    out: list[str] = []
    _write(value, out, "\n" if indent else "", " " * (indent or 0))
    return "".join(out).encode("utf-8")


def _write(value: Any, out: list[str], newline: str, step: str) -> None:
    """Append the JSON of `value` to `out`; `newline` opens a line at the current depth
    (empty in the compact layout), `step` is one level of indentation."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + step if newline else ""
        colon = ": " if newline else ":"
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            out.append("," + inner if i else inner)
            out.append(encode_basestring(key) + colon)
            _write(item, out, inner, step)
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + step if newline else ""
        out.append("[")
        for i, item in enumerate(value):
            out.append("," + inner if i else inner)
            _write(item, out, inner, step)
        out.append(newline + "]")
    else:
        raise TypeError(f"{type(value).__name__} is not written as JSON here")


def _float(value: float) -> str:
    """A float as pydantic-core writes it: Python's repr, except that Infinity and NaN are
    spelled as in JavaScript and a negative exponent has no leading zero (`1e-7`), and down to
    1e-5 none at all (`0.00001`)."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    text = float.__repr__(value)
    if "e-0" not in text:
        return text
    mantissa, exponent = text.split("e-0")
    if exponent != "5":
        return f"{mantissa}e-{exponent}"
    sign = "-" if mantissa.startswith("-") else ""
    digits = mantissa.lstrip("-").replace(".", "")
    return f"{sign}0.0000{digits}"
