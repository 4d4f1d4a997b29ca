"""decode: path, "-" or bytes → Decoded text, with what the bytes were.

UTF-8, with or without a byte order mark. The BOM is dropped from the text (spans never count
it) and recorded. Bytes that are not UTF-8 raise DecodeError with the offending byte's offset.
A Word document (a `.docx` name, or zip bytes) is read by extractor/docx.py: its text is the
plain text built from the body, with Word's automatic numbering rendered in it.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from extractor.errors import DecodeError, InputError

STDIN: Final = "-"
_UTF8_BOM: Final = b"\xef\xbb\xbf"
_ZIP_MAGIC: Final = b"PK\x03\x04"  # a .docx is a zip archive


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded input text and where it came from."""

    text: str
    path: str | None
    encoding: str
    bom: bool
    sha256: str
    generated: tuple[tuple[int, int], ...] = ()
    """Spans of text the reader generated (Word's automatic numbering), not in the file."""
    skipped: str = ""
    """What of the file was left out of the text, e.g. "skipped 2 comments"; "" when nothing."""

    @classmethod
    def from_text(cls, text: str) -> Decoded:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return cls(text, None, "utf-8", False, digest)


def read_input(path: str | Path) -> Decoded:
    """Read and decode a file, or standard input when `path` is "-"."""
    name = str(path)
    if name == STDIN:
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(name).read_bytes()
        except IsADirectoryError:
            raise InputError(name, "is a directory, not a file") from None
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except PermissionError:
            raise InputError(name, "permission denied") from None
        except OSError as e:
            raise InputError(name, f"cannot read ({e.strerror or e})") from None
    return decode_bytes(data, name)


def decode_bytes(data: bytes, path: str) -> Decoded:
    """Decode bytes read from `path` (used in messages only)."""
    digest = hashlib.sha256(data).hexdigest()
    if path.lower().endswith(".docx") or data.startswith(_ZIP_MAGIC):
        from extractor.docx import read_docx  # only when a Word document is read

        docx = read_docx(data, path)
        return Decoded(docx.text, path, "docx", False, digest, docx.generated, docx.skipped)
    bom = data.startswith(_UTF8_BOM)
    body = data[len(_UTF8_BOM) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        offset = e.start + (len(_UTF8_BOM) if bom else 0)
        reason = f"not UTF-8 (byte 0x{data[offset]:02X} at {offset})"
        raise DecodeError(path, reason, offset) from None
    return Decoded(text, path, "utf-8", bom, digest)
