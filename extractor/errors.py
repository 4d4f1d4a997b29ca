"""errors: what goes wrong with an input, carrying the path and, where known, the position.

Formatted in one place (`__str__`) as `path: reason`, the one line the CLI prints.
"""

from __future__ import annotations


class ExtractorError(Exception):
    """An input that cannot be outlined: missing, unreadable, or not decodable."""

    def __init__(self, path: str, reason: str, position: int | None = None) -> None:
        super().__init__(path, reason, position)
        self.path = path
        self.reason = reason
        self.position = position

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class InputError(ExtractorError):
    """The input cannot be read: missing, a directory, no permission."""


class DecodeError(ExtractorError):
    """The bytes are not text in a supported encoding; `position` is the offending byte."""


class DocxError(ExtractorError):
    """A .docx file that cannot be read: not a zip archive, truncated, or without its document
    part."""


class EmptyInputError(InputError):
    """The input holds no text: an empty file, or only white space."""
