"""cli: arguments → outline → stdout JSON, stderr messages, exit code. Nothing else.

`--text` prints the decoded plain text instead, the text every span indexes.

Exit codes: 0 the outline was written; 2 usage error or unreadable input (one line on stderr
naming the file, no traceback unless --debug).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from extractor.assemble import dump_json
from extractor.decode import read_input
from extractor.errors import ExtractorError
from extractor.pipeline import parse_file

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
    text: Annotated[
        bool,
        typer.Option(
            "--text",
            help="Print the plain text that is outlined (for a .docx: its body with Word's "
            "numbering rendered), not JSON. Spans index this text.",
        ),
    ] = False,
    debug: Annotated[bool, typer.Option(help="Show a traceback on errors.")] = False,
) -> None:
    """Print the outline of FILE as one JSON document."""
    try:
        data = (read_input(path).text if text else dump_json(parse_file(path))).encode("utf-8")
    except ExtractorError as e:
        if debug:
            raise
        typer.echo(f"outline: {e}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
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
