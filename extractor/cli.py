"""cli: arguments → outline or batch → stdout, stderr messages, exit code. Nothing else.

One input that is a file (or - for stdin) and no output folder: the outline goes to stdout, or
to the file `-o` names. Otherwise (several inputs, a folder, or `-o` naming a folder: an existing
one, or a path ending in /) it is a batch: outputs mirrored under the `-o` folder, or one JSON
line per input with `--jsonl`. `--text` prints, for one input, the decoded plain text instead:
the text every span indexes (for a .docx, its body with Word's numbering rendered).

Exit codes: 0 all written (or all current with --check); 1 an input failed in a batch, an
output could not be written, with --check an output is stale or missing, or a single input
failed in an unexpected way (a bug); 2 usage error, or the one input of a single-file run
unreadable (missing, a directory, no permission, empty, binary, undecodable). Every error is one
line on stderr naming the file; no traceback unless --debug.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from extractor.decode import STDIN, canonical_encoding, read_input
from extractor.errors import ExtractorError
from extractor.pipeline import analyse
from extractor.render import Format, Offsets, RenderOptions, render_parsed

EXIT_FAILED = 1
EXIT_INPUT = 2

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Outline Chinese official speeches (讲话稿, 工作报告) as JSON with exact source spans.",
)


@app.command()
def main(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH", help="Speech files, folders, or - for stdin."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "--out-dir",
            "-o",
            help="One file input: the file to write. A folder, several inputs, or a path ending "
            "in / or naming a folder: the folder the inputs are mirrored into. With --jsonl: "
            "the .jsonl file.",
        ),
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            help="Which files a folder contributes (repeatable). Default: *.txt and *.docx."
        ),
    ] = None,
    jsonl: Annotated[
        bool, typer.Option(help="One compact JSON document per line, on stdout or to -o.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes. Default: all cores, but at most one per 64 files.",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(help="Write nothing; exit 1 naming each output that is stale or missing."),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar; only the summary.")
    ] = False,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="json, markdown (headings and lists), text (tree)."),
    ] = Format.JSON,
    flat: Annotated[
        bool,
        typer.Option(help="Sections as rows with id and parent, not a tree (no recursion)."),
    ] = False,
    offsets: Annotated[
        Offsets,
        typer.Option(help="utf16: add *_utf16 spans in UTF-16 code units (for JavaScript)."),
    ] = Offsets.CODEPOINT,
    schema: Annotated[
        bool, typer.Option(help="Print the JSON Schema of the output (with --flat: of --flat).")
    ] = False,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            "-e",
            help="Decode the one input with this encoding (utf-8, gb18030, gbk, big5, utf-16, …) "
            "instead of detecting it.",
        ),
    ] = None,
    text: Annotated[
        bool,
        typer.Option(
            "--text",
            help="Print the plain text that is outlined (for a .docx: its body with Word's "
            "numbering rendered), not JSON. Spans index this text. One input only.",
        ),
    ] = False,
    debug: Annotated[bool, typer.Option(help="Show a traceback on errors.")] = False,
) -> None:
    """Outline speeches: one file to stdout, or folders to a mirrored folder of JSON files.

    Exit status:
    0 written (with --check: every output current);
    1 a batch input failed, an output could not be written or is stale, or an unexpected failure;
    2 usage error or unreadable input.
    """
    if schema:
        from schemas.export import render as render_schema

        _write_stdout(render_schema(flat=flat).encode("utf-8"))
        return
    if not paths:
        _usage("give a speech file, a folder, or - for stdin (see --help)")
    if fmt is not Format.JSON and (jsonl or flat or offsets is not Offsets.CODEPOINT):
        _usage(f"--jsonl, --flat and --offsets shape JSON; not --format {fmt.value}")
    if check and output is None:
        _usage("--check compares with stored outputs: give -o")
    options = RenderOptions(format=fmt, flat=flat, offsets=offsets, jsonl=jsonl)
    many = len(paths) > 1 or any(p != STDIN and Path(p).is_dir() for p in paths)
    out_is_dir = (
        output is not None
        and not jsonl
        and (many or output.endswith(("/", os.sep)) or Path(output).is_dir())
    )
    if encoding is not None:
        try:
            canonical_encoding(encoding)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="'--encoding'") from None
    if not many and not out_is_dir:
        target = Path(output) if output else None
        _single(paths[0], target, options, check, debug, text=text, encoding=encoding)
        return
    if text or encoding:
        _usage("--text and --encoding apply to one input: give one file")
    if output is None and not jsonl:
        what = f"{paths[0]}: is a directory" if len(paths) == 1 else "several inputs"
        _usage(f"{what}: give -o DIR to mirror it, or --jsonl")
    _batch(paths, output, options, glob, jobs, check, quiet)


def _single(
    path: str,
    output: Path | None,
    options: RenderOptions,
    check: bool,
    debug: bool,
    *,
    text: bool,
    encoding: str | None,
) -> None:
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
            _write_stdout_pieces(pieces)
        else:
            _write_file(output, pieces)
    except typer.Exit:
        raise
    except ExtractorError as e:
        if debug:
            raise
        typer.echo(f"outline: {e}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except Exception as e:
        if debug:
            raise
        message = f"outline: {path}: internal error ({type(e).__name__}: {e}); rerun with --debug"
        typer.echo(message, err=True)
        raise typer.Exit(EXIT_FAILED) from None


def _check_file(output: Path, pieces: Iterable[bytes], path: str) -> None:
    from extractor.batch import holds

    same = holds(output, pieces)
    if not same:
        state = "missing" if same is None else "stale"
        typer.echo(f"outline: {output}: {state} (outline of {path})", err=True)
        raise typer.Exit(EXIT_FAILED)


def _write_file(output: Path, pieces: Iterable[bytes]) -> None:
    from extractor.batch import write_atomic

    try:
        write_atomic(output, pieces)
    except OSError as e:
        typer.echo(f"outline: {output}: cannot write ({e.strerror or e})", err=True)
        raise typer.Exit(EXIT_FAILED) from None


def _batch(
    paths: Sequence[str],
    output: str | None,
    options: RenderOptions,
    globs: Sequence[str] | None,
    workers: int | None,
    check: bool,
    quiet: bool,
) -> None:
    from extractor import batch

    timer = batch.Timer()
    out_dir = Path(output) if output is not None and not options.jsonl else None
    jobs, failures = batch.plan(paths, out_dir, globs or batch.DEFAULT_GLOB, options.suffix)
    with batch.progress(len(jobs), batch.wants_progress_bar(quiet)) as advance:
        count = workers or batch.default_workers(len(jobs))
        # Workers store what they convert, unless the outputs are compared or joined here.
        results = batch.run(jobs, options, count, advance, write=not check and not options.jsonl)
    report = batch.Report(failed=[*failures, *batch.failures_of(results)])
    if options.jsonl:
        label = f"{len(jobs)} inputs"
        stream = [batch.Job(label, Path(output) if output else None)]
        data = [batch.Converted(label, batch.stream(results))]
        if output is None:
            _write_stdout(data[0].data or b"")
        elif check:
            batch.check(stream, data, report)
        else:
            batch.store(stream, data, report)
    elif check:
        batch.check(jobs, results, report)
    else:
        batch.store(jobs, results, report)
    report.seconds = timer.seconds()
    for line in batch.summary(report, len(jobs) + len(failures), check):
        typer.echo(line, err=True)
    if not report.ok:
        raise typer.Exit(EXIT_FAILED)


def _write_stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def _write_stdout_pieces(pieces: Iterable[bytes]) -> None:
    out = sys.stdout.buffer
    for piece in pieces:
        out.write(piece)
    sys.stdout.flush()


def _usage(message: str) -> NoReturn:
    typer.echo(f"outline: {message}", err=True)
    raise typer.Exit(EXIT_INPUT)
