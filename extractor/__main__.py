"""python -m extractor: the same command line as `outline`."""

from extractor.cli import app

app(prog_name="outline")
