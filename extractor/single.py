"""single: one input outlined to standard output or a file, as `outline` does it for one input.

The Typer app (extractor/cli.py) calls `outline_one` once it has read the arguments, and so does
`outline FILE` without the app (extractor/__main__.py): the same function gives both the same
bytes, messages and exit codes. Typer is imported here only to report a failure (its `echo`,
and `Exit` carrying the exit code), which the app would have imported anyway.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from extractor.errors import ExtractorError

if TYPE_CHECKING:
    from extractor.render import RenderOptions

EXIT_FAILED = 1
EXIT_INPUT = 2


def outline_one(
    path: str,
    output: Path | None,
    options: RenderOptions,
    check: bool,
    debug: bool,
    *,
    text: bool,
    encoding: str | None,
) -> bool:
    """Outline one input to stdout or a file; whether a file was written. A failure is one
    line on stderr and `typer.Exit` with the exit code (the exception itself with `debug`)."""
    from extractor.decode import read_input
    from extractor.pipeline import analyse
    from extractor.render import render_parsed

    try:
        decoded = read_input(path, encoding)
        # The JSON of a long speech is about ten times its size: it goes out piece by piece,
        # to stdout, to the file or against the stored file, never held whole.
        if text:
            pieces: Iterable[bytes] = (decoded.text.encode("utf-8"),)
        else:
            pieces = render_parsed(analyse(decoded), options)
        if check and output is not None:
            _check_file(output, pieces, path)
        elif output is None:
            write_stdout_pieces(pieces)
        else:
            return _write_file(output, pieces)
        return False
    except ExtractorError as e:
        if debug:
            raise
        fail(f"outline: {e}", EXIT_INPUT)
    except Exception as e:
        if debug or ends_run(e):
            raise
        fail(
            f"outline: {path}: internal error ({type(e).__name__}: {e}); rerun with --debug",
            EXIT_FAILED,
        )


def _check_file(output: Path, pieces: Iterable[bytes], path: str) -> None:
    from extractor.batch import holds

    same = holds(output, pieces)
    if not same:
        state = "missing" if same is None else "stale"
        fail(f"outline: {output}: {state} (outline of {path})", EXIT_FAILED)


def _write_file(output: Path, pieces: Iterable[bytes]) -> bool:
    """Write the file unless it holds these bytes already (its modification time then stays,
    as in a batch); whether it was written."""
    from extractor.batch import write_atomic

    try:
        return write_atomic(output, pieces, unless_same=True)
    except OSError as e:
        fail(f"outline: {output}: cannot write ({e.strerror or e})", EXIT_FAILED)


def write_stdout_pieces(pieces: Iterable[bytes]) -> None:
    out = sys.stdout.buffer
    try:
        for piece in pieces:
            out.write(piece)
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_left()


def _reader_left() -> NoReturn:
    """The reader closed the pipe (`outline FILE | head -1`): end quietly and successfully, as
    `rg` does. Standard output is pointed at /dev/null first, or the interpreter's own flush
    at exit would fail on the same pipe and print a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file descriptor (a test's captured stream)
        pass
    end(0)


def fail(message: str, code: int) -> NoReturn:
    """`message` on stderr, then the run ends with `code`."""
    import typer

    typer.echo(message, err=True)
    raise typer.Exit(code) from None


def end(code: int) -> NoReturn:
    """The run ends with `code`: typer.Exit, which the app turns into the exit status."""
    import typer

    raise typer.Exit(code)


def ends_run(error: BaseException) -> bool:
    """Whether `error` is the end of the run (`typer.Exit`), not a failure: typer is loaded
    by then, since only `end` and `fail` raise it here."""
    typer = sys.modules.get("typer")
    return typer is not None and isinstance(error, typer.Exit)
