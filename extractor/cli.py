"""cli: arguments → outline → stdout JSON, stderr messages, exit code. Nothing else.

Exit codes: 0 the outline was written; 1 the input failed in an unexpected way (a bug: one line
on stderr); 2 usage error or unreadable input (missing, a directory, no permission, empty,
binary, undecodable). Every error is one line on stderr naming the file; no traceback unless
--debug.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from extractor.assemble import dump_json
from extractor.decode import canonical_encoding
from extractor.errors import ExtractorError
from extractor.pipeline import parse_file

EXIT_FAILED = 1
EXIT_INPUT = 2

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Outline a Chinese official speech (讲话稿, 工作报告) as JSON with exact source spans.",
)


@app.command()
def main(
    path: Annotated[str, typer.Argument(metavar="FILE", help="A speech file, or - for stdin.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Write the JSON here, not stdout."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            "-e",
            help="Decode with this encoding (utf-8, gb18030, gbk, big5, utf-16, …) instead of "
            "detecting it.",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show a traceback on errors.")] = False,
) -> None:
    """Print the outline of FILE as one JSON document.

    Exit status: 0 written; 1 unexpected failure; 2 usage error or unreadable input.
    """
    if encoding is not None:
        try:
            canonical_encoding(encoding)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="'--encoding'") from None
    try:
        outline = parse_file(path, encoding)
    except ExtractorError as e:
        if debug:
            raise
        typer.echo(f"outline: {e}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except Exception as e:
        if debug:
            raise
        typer.echo(
            f"outline: {path}: internal error ({type(e).__name__}: {e}); rerun with --debug",
            err=True,
        )
        raise typer.Exit(EXIT_FAILED) from None
    data = dump_json(outline).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        _write_atomic(output, data)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, then rename: never a half-written file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
