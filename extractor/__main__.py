"""python -m extractor, and the `outline` script: the command line of extractor/cli.py.

`outline FILE`, one file and nothing else, is the command run most, and importing typer took
longer than outlining a speech. That command line is read here: what the app does with it is
one call, `outline_one` with the defaults, made here without loading the app. Every other
command line (an option, several paths, a folder, standard input, a shell's completion
request) goes to the app, which defines and parses the whole command line. A failure is
reported by `outline_one` as in the app, with typer's `echo`; tests/test_cli_plain.py
compares the bytes, messages and exit codes of both ways.
"""

from __future__ import annotations

import os
import sys


def main(prog_name: str | None = None) -> None:
    """Run the command line in sys.argv."""
    args = sys.argv[1:]
    if _plain(args):
        _outline_plain(args[0])
        return
    from extractor.cli import app

    app(prog_name=prog_name)


def _plain(args: list[str]) -> bool:
    """Whether the app would read `args` as one speech file to outline to stdout with every
    option at its default: one argument that is no option, no folder and not standard input
    ("-"), and no shell asking for completions (click reads `_OUTLINE_COMPLETE`, named after
    the program)."""
    if len(args) != 1 or args[0].startswith("-"):
        return False
    if any(name.endswith("_COMPLETE") and value for name, value in os.environ.items()):
        return False
    from pathlib import Path

    return not Path(args[0]).is_dir()  # as the app tells a folder ("" is the current one)


def _outline_plain(path: str) -> None:
    """What the app does for `outline FILE`, with its exit status: `outline_one` with the
    defaults; typer.Exit is the exit code it asks for, and an interrupt exits with 130, as
    the app's `main` turns them."""
    from extractor.render import RenderOptions
    from extractor.single import ends_run, outline_one

    try:
        outline_one(path, None, RenderOptions(), False, False, text=False, encoding=None)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:
        if not ends_run(e):
            raise
        sys.exit(e.exit_code)  # type: ignore[attr-defined]


if __name__ == "__main__":
    main(prog_name="outline")
