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

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from extractor.render import Format, Offsets, RenderOptions
from extractor.single import EXIT_FAILED, EXIT_INPUT, outline_one, write_stdout_pieces

# Plain click help: it wraps to the terminal's width with a help column of over 40 characters
# at 80 columns, where rich's boxed panels squeeze it to about 20.
app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Outline Chinese official speeches (讲话稿, 工作报告) as JSON with exact source spans.",
)

EPILOG = """\b
Examples:
  outline speech.txt > out.json         one speech, pretty JSON on stdout
  outline speech.txt --format text      a tree for a quick look
  outline speeches/ -o outlines/        a folder, mirrored into outlines/
  outline speeches/ -o outlines/ --check
                                        CI: exit 1 naming each stale outline"""


def _flag(name: str, help: str) -> Any:
    """A flag with one name: no --no- twin in the help."""
    return typer.Option(name, help=help)


def _version(value: bool) -> None:
    if not value:
        return
    from extractor import __version__
    from schemas.version import SCHEMA_VERSION

    typer.echo(f"outline {__version__} (schema {SCHEMA_VERSION})")
    raise typer.Exit()


@app.command(epilog=EPILOG)
def main(
    paths: Annotated[
        list[str] | None,
        # Described in the docstring: the argument's own row would show its Python type.
        typer.Argument(metavar="PATH", hidden=True, show_default=False),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "--out-dir",
            "-o",
            metavar="FILE|DIR",
            help="One file input: the file to write (- for stdout). A folder, several inputs, "
            "or a path ending in / or naming a folder: the folder the inputs are mirrored into. "
            "With --jsonl: the .jsonl file.",
        ),
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            metavar="GLOB",
            help="The files a folder contributes; repeat it for several (default: *.txt, *.docx).",
            show_default=False,
        ),
    ] = None,
    jsonl: Annotated[
        bool, _flag("--jsonl", "The compact form: one JSON document per line, on stdout or -o.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Worker processes. Default: all cores, but at most one per 64 files.",
        ),
    ] = None,
    check: Annotated[
        bool,
        _flag(
            "--check",
            "Write nothing; exit 1 naming each output that is stale, missing or orphaned "
            "(its speech is gone from the folder).",
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar; only the summary.")
    ] = False,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="json, markdown (headings and lists), text (tree).",
        ),
    ] = Format.JSON,
    flat: Annotated[
        bool, _flag("--flat", "Sections as rows with id and parent, not a tree (no recursion).")
    ] = False,
    offsets: Annotated[
        Offsets,
        typer.Option(
            "--offsets",
            metavar="UNIT",
            help="codepoint, or utf16: add *_utf16 spans in UTF-16 code units (for JavaScript).",
            show_default=False,
        ),
    ] = Offsets.CODEPOINT,
    schema: Annotated[
        bool, _flag("--schema", "Print the JSON Schema of the output (with --flat: of --flat).")
    ] = False,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            "-e",
            metavar="NAME",
            help="Decode the one input with this encoding (utf-8, gb18030, gbk, big5, utf-16, …) "
            "instead of detecting it.",
        ),
    ] = None,
    text: Annotated[
        bool,
        _flag(
            "--text",
            "Print the plain text that is outlined (for a .docx: its body with Word's "
            "numbering rendered), not JSON. Spans index this text. One input only.",
        ),
    ] = False,
    fail_if_written: Annotated[
        bool,
        _flag(
            "--fail-if-written",
            "Exit 1 when any output was written, new or changed (for a pre-commit hook: "
            "the commit stops until you add them).",
        ),
    ] = False,
    debug: Annotated[bool, _flag("--debug", "Show a traceback on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Print the package version and the schema version.",
        ),
    ] = False,
) -> None:
    """Outline speeches: one file to stdout, or folders to a mirrored folder of JSON files.

    PATH: speech files (.txt, .docx), folders, or - for standard input, which is also read
    when no PATH is given and input comes from a pipe.

    \b
    Exit status:
      0  written (with --check: every output current)
      1  a batch input failed, an output could not be written or is stale,
         or an unexpected failure
      2  usage error or unreadable input
    """
    # The pipeline (its tables, `regex`) is imported here and in `outline_one`, where a speech
    # is read: `outline --help` and `outline --version` run on typer alone.
    from extractor.decode import STDIN, canonical_encoding

    if schema:
        from schemas.export import render as render_schema

        _write_stdout(render_schema(flat=flat).encode("utf-8"))
        return
    if not paths:
        if _stdin_is_terminal():
            _usage("give a speech file, a folder, or - for stdin (see --help)")
        paths = [STDIN]  # `outline < speech.txt`, `cat speech.txt | outline`
    if output == STDIN:
        output = None  # `-o -` is standard output, as for the input
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
        written = outline_one(paths[0], target, options, check, debug, text=text, encoding=encoding)
        if written and fail_if_written:
            typer.echo(f"outline: {target}: written (--fail-if-written)", err=True)
            raise typer.Exit(EXIT_FAILED)
        return
    if text or encoding:
        _usage("--text and --encoding apply to one input: give one file")
    if output is None and not jsonl:
        what = f"{paths[0]}: is a directory" if len(paths) == 1 else "several inputs"
        _usage(f"{what}: give -o DIR to mirror it, or --jsonl")
    _batch(paths, output, options, glob, jobs, check, quiet, fail_if_written)


def _batch(
    paths: Sequence[str],
    output: str | None,
    options: RenderOptions,
    globs: Sequence[str] | None,
    workers: int | None,
    check: bool,
    quiet: bool,
    fail_if_written: bool,
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
        if out_dir is not None:
            report.stale.extend(batch.orphans(paths, out_dir, jobs, options.suffix))
    else:
        batch.store(jobs, results, report)
    report.seconds = timer.seconds()
    for line in batch.summary(report, len(jobs) + len(failures), check):
        typer.echo(line, err=True)
    if not report.ok or (fail_if_written and report.written):
        raise typer.Exit(EXIT_FAILED)


def _stdin_is_terminal() -> bool:
    """Whether nothing is piped in: a person at a terminal (or no standard input at all)."""
    return sys.stdin is None or sys.stdin.isatty()


def _write_stdout(data: bytes) -> None:
    write_stdout_pieces((data,))


def _usage(message: str) -> NoReturn:
    typer.echo(f"outline: {message}", err=True)
    raise typer.Exit(EXIT_INPUT)
