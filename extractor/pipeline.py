"""pipeline: the stages in order, one screen; data flows one way.

    bytes ─decode─▶ Decoded ─split_lines─▶ [Line] ─strip_boilerplate─▶ [Line], [Boilerplate]
          ─scan_markers─▶ [MarkerHit] ─find_closing─▶ closing
          ─build_tree─▶ [Node] ─clip_tree─▶ [Node] ─read_metadata─▶ Metadata
          ─classify─▶ Regions ─▶ Parsed ─assemble─▶ Outline      (the Python API)
                                        ─emit─────▶ JSON bytes   (the command line)

Every span in the result indexes the decoded text. No stage changes what an earlier one
returned: the sections that end before the closing are a new tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

from extractor.assemble import assemble, collector_paused
from extractor.boilerplate import blank_removed, speech_extent, strip_boilerplate
from extractor.decode import Decoded, read_input
from extractor.emit import emit_pieces
from extractor.markers import scan_markers
from extractor.metadata import read_metadata
from extractor.parsed import Parsed
from extractor.regions import classify, find_closing
from extractor.source import Source, split_lines
from extractor.tree import build_tree, clip_tree

if TYPE_CHECKING:
    from schemas import Outline


def parse(text: str) -> Outline:
    """Outline a decoded speech. Every span in the result indexes `text`."""
    return outline(Decoded.from_text(text))


def parse_file(path: str | Path, encoding: str | None = None) -> Outline:
    """Read, decode and outline a file ("-" reads standard input); `encoding` forces one."""
    return outline(read_input(path, encoding))


# Paused over the writing too: the collection the stages' records would trigger once the
# collector is back (see `collector_paused`) would walk them all, every one still held by the
# writer, where after the call they are gone.
@collector_paused
def parse_json(text: str) -> bytes:
    """`dump_json_bytes(parse(text))`, written from the stages' records without building the
    model: what `outline FILE` prints for a UTF-8 file holding `text`, but for `source.path`,
    null here. For a stream, `outline_json` gives it in pieces."""
    return b"".join(emit_pieces(_analyse(Decoded.from_text(text))))


def outline(decoded: Decoded) -> Outline:
    return assemble(analyse(decoded))


def outline_json(decoded: Decoded) -> Iterator[bytes]:
    """The outline's JSON in pieces, one top-level section at a time (see `emit`)."""
    return emit_pieces(analyse(decoded))


def _analyse(decoded: Decoded) -> Parsed:
    source = Source.from_text(decoded.text)
    lines, removed = strip_boilerplate(split_lines(source))
    markers = scan_markers(lines)
    closing = find_closing(lines, markers)
    # Sections end before removed stretches: the tree trims them as white space.
    sections, issues = build_tree(markers, blank_removed(source.text, removed))
    if closing is not None:  # and before the closing words
        sections = clip_tree(sections, closing[0], source.text)
    body_start = markers[0].start if markers else len(source.text)
    metadata = read_metadata(lines, [(r.start, r.end) for r in removed], body_start)
    regions = classify(sections, lines, closing)
    extent = speech_extent(lines)
    return Parsed(decoded, sections, issues, metadata, regions, closing, removed, extent)


# The stages build records by the hundred thousand and no reference cycles: collections
# triggered meanwhile would only walk them again (see `collector_paused`).
analyse: Final = collector_paused(_analyse)
