"""decode: path, "-" or bytes → Decoded text, with what the bytes were.

The order is fixed: a byte order mark (UTF-8, UTF-16, UTF-32) decides; otherwise strict UTF-8;
otherwise charset-normalizer, restricted to the encodings Chinese speeches circulate in
(GB18030, Big5, UTF-16). There is no blind fallback: Big5 bytes decode under GB18030 without
an error, into garbage, so only a detector that weighs the result may choose between them.
GBK and GB2312 are subsets of GB18030 and are reported as "gb18030".

A BOM is dropped from the text (spans never count it) and recorded. Bytes that are none of
these, and binary data (NUL or other control characters), raise DecodeError with the offending
byte's offset. An empty or white-space-only file raises EmptyInputError: there is no speech.

A Word document (a `.docx` name, or zip bytes) is read by extractor/docx.py: its text is the
plain text built from the body, with Word's automatic numbering rendered in it.
"""

from __future__ import annotations

import codecs
import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from extractor import patterns
from extractor.errors import DecodeError, EmptyInputError, InputError


def _builtin_sha256() -> Any:
    """SHA-256 from the interpreter's own module (_sha256, _sha2 from Python 3.12): the same
    digest as hashlib's, without loading OpenSSL, which costs a run more than hashing."""
    for name in ("_sha256", "_sha2"):
        try:
            return importlib.import_module(name).sha256
        except (ImportError, AttributeError):
            continue
    import hashlib

    return hashlib.sha256


class _Sha256:
    """SHA-256 in hex: the builtin one, until this process has hashed `_OPENSSL_AFTER` bytes,
    then OpenSSL's. OpenSSL's hashes several times faster, and loading it costs what the
    builtin one takes for about that many bytes: `outline FILE` on one speech does not pay for
    it, and a batch does not pay the builtin's rate throughout."""

    __slots__ = ("_hash", "_left")

    def __init__(self) -> None:
        self._hash: Any = _builtin_sha256()
        self._left: int | None = _OPENSSL_AFTER  # None once OpenSSL's is used

    def __call__(self, data: bytes) -> str:
        digest = str(self._hash(data).hexdigest())
        if self._left is not None:
            self._left -= len(data)
            if self._left < 0:
                import hashlib

                self._hash, self._left = hashlib.sha256, None
        return digest

    @property
    def openssl(self) -> bool:
        return self._left is None


_OPENSSL_AFTER: Final = 2_000_000
_sha256 = _Sha256()


STDIN: Final = "-"
_ZIP_MAGIC: Final = b"PK\x03\x04"  # a .docx is a zip archive

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# What charset-normalizer may choose from, by its codec names, and how each is reported.
_DETECTABLE: Final = {"gb18030": "gb18030", "big5": "big5", "utf_16": "utf-16"}
# Names --encoding accepts for one codec, reported under the name of the superset used.
_ALIASES: Final = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "big5hkscs": "big5"}
# Text never holds C0 controls other than tab, line feed, vertical tab, form feed and carriage
# return (a form feed separates pages in PDF copies); these point to binary data.
_CONTROL: Final = patterns.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Chinese text: Han characters and CJK or full-width punctuation.
_CHINESE: Final = patterns.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which costs four
# times a plain slot's store, and one is built for every call. `Final` keeps it unchanged.
@dataclass(slots=True, unsafe_hash=True)
class Decoded:
    """Decoded input text and where it came from."""

    text: Final[str]
    path: Final[str | None]
    encoding: Final[str]
    bom: Final[bool]
    sha256: Final[str]
    generated: Final[tuple[tuple[int, int], ...]] = ()
    """Spans of text the reader generated (Word's automatic numbering), not in the file."""
    skipped: Final[str] = ""
    """What of the file was left out of the text, e.g. "skipped 2 comments"; "" when nothing."""

    @classmethod
    def from_text(cls, text: str) -> Decoded:
        digest = _sha256(text.encode("utf-8", "surrogatepass"))
        return cls(text, None, "utf-8", False, digest)


def read_input(path: str | Path, encoding: str | None = None) -> Decoded:
    """Read and decode a file, or standard input when `path` is "-". `encoding` forces one."""
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
    return decode_input(data, name, encoding)


def decode_input(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """`read_input` of bytes read elsewhere (a cluster's file source, an archive): the same
    decoding and the same errors, `name` standing for the path in the outline and in them."""
    decoded = decode_bytes(data, name, encoding)
    if not decoded.text.strip():
        what = "empty file" if not data else "only white space"
        raise EmptyInputError(name, f"no text to outline ({what})")
    return decoded


def canonical_encoding(name: str) -> str:
    """The codec used for a user-given encoding name; ValueError when Python has none."""
    key = name.strip().lower().replace("_", "-")
    if key.replace("-", "") in _ALIASES:
        return _ALIASES[key.replace("-", "")]
    try:
        return codecs.lookup(key).name
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> Decoded:
    """Decode bytes read from `path` (used in messages only); `encoding` forces one."""
    digest = _sha256(data)
    if path.lower().endswith(".docx") or data.startswith(_ZIP_MAGIC):
        from extractor.docx import read_docx  # only when a Word document is read

        docx = read_docx(data, path)
        return Decoded(docx.text, path, "docx", False, digest, docx.generated, docx.skipped)
    if encoding is not None:
        codec = canonical_encoding(encoding)
        text = _strict(data, codec, path, f"not {codec}")
        # utf-16 and utf-32 consume their BOM; the others leave it as U+FEFF.
        consumed = codec in ("utf-16", "utf-32") and data[:2] in (b"\xff\xfe", b"\xfe\xff")
        bom = consumed or text.startswith("\ufeff")
        text = text[1:] if text.startswith("\ufeff") else text
        return _checked(Decoded(text, path, codec, bom, digest), data)
    for mark, codec in _BOMS:
        if data.startswith(mark):
            text = _strict(data[len(mark) :], codec, path, f"not {codec}", len(mark))
            return _checked(Decoded(text, path, codec, True, digest), data)
    try:
        return _checked(Decoded(data.decode("utf-8"), path, "utf-8", False, digest), data)
    except UnicodeDecodeError as e:
        failure = e.start
    detected = _detect(data)
    if detected is None:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise DecodeError(path, f"binary data, not text (byte 0x00 at {nul})", nul)
        reason = f"not UTF-8, GB18030 or Big5 (byte 0x{data[failure]:02X} at {failure})"
        raise DecodeError(path, reason, failure)
    text, codec = detected
    return _checked(Decoded(text, path, codec, False, digest), data)


def _strict(data: bytes, codec: str, path: str, what: str, skipped: int = 0) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        offset = e.start + skipped
        reason = f"{what} (byte 0x{data[e.start]:02X} at {offset})"
        raise DecodeError(path, reason, offset) from None


def _detect(data: bytes) -> tuple[str, str] | None:
    """The text and reported encoding charset-normalizer finds among the Chinese candidates."""
    from charset_normalizer import from_bytes  # imported only when a file is not UTF-8

    best = from_bytes(data, cp_isolation=list(_DETECTABLE)).best()
    if best is None or best.encoding not in _DETECTABLE:
        return _utf16_without_bom(data)
    codec = _DETECTABLE[best.encoding]
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return _utf16_without_bom(data)
    return (text[1:] if text.startswith("\ufeff") else text), codec


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM, which the detector can miss: accepted only when it decodes
    to text with no control characters, mostly Chinese and the rest ASCII (binary data, or
    UTF-8 read as UTF-16, decodes to a scatter over Hangul, Yi and private-use characters)."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        visible = [c for c in text if not c.isspace()]
        chinese = sum(1 for c in visible if _CHINESE.match(c))
        ascii_ = sum(1 for c in visible if " " < c <= "~")
        if (
            visible
            and _CONTROL.search(text) is None
            and 2 * chinese > len(visible)
            and 20 * (chinese + ascii_) >= 19 * len(visible)
        ):
            return text, codec
    return None


def _checked(decoded: Decoded, data: bytes) -> Decoded:
    """Refuse binary data: a control character that text never holds."""
    m = _CONTROL.search(decoded.text)
    if m is None:
        return decoded
    # The byte offset: the BOM, then the text before the character encoded again.
    bom = next((len(mark) for mark, _ in _BOMS if decoded.bom and data.startswith(mark)), 0)
    try:
        offset = bom + len(decoded.text[: m.start()].encode(decoded.encoding))
    except UnicodeEncodeError:
        offset = m.start()
    reason = f"binary data, not text (byte 0x{ord(m.group()):02X} at {offset})"
    raise DecodeError(decoded.path or "<text>", reason, offset)
