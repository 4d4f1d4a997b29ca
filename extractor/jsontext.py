"""jsontext: plain values → the JSON bytes pydantic-core's `to_json` writes for them.

For the templates the command line cuts the outline's shell and findings from (see `emit`):
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
from typing import Any, Final


def to_json(value: Any, indent: int | None = None, *, pairs: bool = False) -> bytes:
    """`pydantic_core.to_json(value, indent=indent)` for plain values. `pairs`: with an
    indent, every array of two integers (a span) on one line, `[3, 6]`, as
    `emit.pairs_on_one_line` puts it."""
    out: list[str] = []
    _write(value, out, "\n" if indent else "", " " * (indent or 0), pairs and bool(indent))
    return "".join(out).encode("utf-8")


def scalar(value: Any) -> str:
    """The JSON of a string, number, bool or None, as `to_json` writes it."""
    if type(value) is float:
        return _float(value)
    out: list[str] = []
    _write(value, out, "", "", False)
    return "".join(out)


def _write(value: Any, out: list[str], newline: str, step: str, pairs: bool) -> None:
    """Append the JSON of `value` to `out`; `newline` opens a line at the current depth
    (empty in the compact layout), `step` is one level of indentation.

    Strings, integers, floats, None and spans, most of the values, are written in the loops
    over a container's items, without a call of their own."""
    kind = type(value)
    if kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + step if newline else ""
        colon = ": " if newline else ":"
        separator = "{" + inner
        between = "," + inner
        for key, item in value.items():
            out.append(separator)
            out.append(encode_basestring(key))
            out.append(colon)
            separator = between
            kind = type(item)
            if kind is str:
                out.append(encode_basestring(item))
            elif kind is int:
                out.append(int.__repr__(item))
            elif item is None:
                out.append("null")
            elif kind is float:
                out.append(_float(item))
            elif kind is tuple and pairs and _is_span(item):
                out.append(f"[{item[0]}, {item[1]}]")
            else:
                _write(item, out, inner, step, pairs)
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        if pairs and len(value) == 2 and _integer(value[0]) and _integer(value[1]):
            out.append(f"[{int.__repr__(value[0])}, {int.__repr__(value[1])}]")
            return
        inner = newline + step if newline else ""
        separator = "[" + inner
        between = "," + inner
        for item in value:
            out.append(separator)
            separator = between
            kind = type(item)
            if kind is str:
                out.append(encode_basestring(item))
            elif kind is int:
                out.append(int.__repr__(item))
            elif item is None:
                out.append("null")
            elif kind is float:
                out.append(_float(item))
            else:
                _write(item, out, inner, step, pairs)
        out.append(newline + "]")
    elif isinstance(value, str):
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
        _write(dict(value), out, newline, step, pairs)
    elif isinstance(value, list | tuple):
        _write(list(value), out, newline, step, pairs)
    else:
        raise TypeError(f"{type(value).__name__} is not written as JSON here")


def _is_span(value: tuple[Any, ...]) -> bool:
    """Whether a tuple is written as a span: two integers (no bool, no enum member)."""
    return len(value) == 2 and type(value[0]) is int and type(value[1]) is int


def _integer(value: Any) -> bool:
    """Whether pydantic writes `value` as an integer (a bool is written as true or false)."""
    return type(value) is int or (isinstance(value, int) and not isinstance(value, bool))


_NOT_FINITE: Final = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def _float(value: float) -> str:
    """A float as pydantic-core writes it: Python's repr, except that Infinity and NaN are
    spelled as in JavaScript and a negative exponent has no leading zero (`1e-7`), and down to
    1e-5 none at all (`0.00001`)."""
    text = float.__repr__(value)
    if "e-0" not in text:
        return _NOT_FINITE.get(text, text)
    mantissa, exponent = text.split("e-0")
    if exponent != "5":
        return f"{mantissa}e-{exponent}"
    sign = "-" if mantissa.startswith("-") else ""
    digits = mantissa.lstrip("-").replace(".", "")
    return f"{sign}0.0000{digits}"
