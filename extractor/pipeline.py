"""pipeline: the stages in order, one screen; data flows one way.

    bytes ─decode─▶ Decoded ─split_lines─▶ [Line] ─strip_boilerplate─▶ [Line], [Boilerplate]
          ─scan_markers─▶ [Marker] ─build_tree─▶ [Node] ─read_metadata─▶ Metadata
          ─classify─▶ Regions ─assemble─▶ Outline

Every span in the result indexes the decoded text.
"""

from __future__ import annotations

from pathlib import Path

from extractor.assemble import assemble, collector_paused
from extractor.boilerplate import blank_removed, speech_extent, strip_boilerplate
from extractor.decode import Decoded, read_input
from extractor.markers import scan_markers
from extractor.metadata import read_metadata
from extractor.regions import classify
from extractor.source import Source, split_lines
from extractor.tree import build_tree
from schemas import Outline


def parse(text: str) -> Outline:
    """Outline a decoded speech. Every span in the result indexes `text`."""
    return outline(Decoded.from_text(text))


def parse_file(path: str | Path, encoding: str | None = None) -> Outline:
    """Read, decode and outline a file ("-" reads standard input); `encoding` forces one."""
    return outline(read_input(path, encoding))


# The stages build records by the hundred thousand and no reference cycles: collections
# triggered meanwhile would only walk them again (see `collector_paused`).
@collector_paused
def outline(decoded: Decoded) -> Outline:
    source = Source.from_text(decoded.text)
    lines, removed = strip_boilerplate(split_lines(source))
    markers = scan_markers(lines)
    # Sections end before removed stretches: the tree trims them as white space.
    sections, issues = build_tree(markers, blank_removed(source.text, removed))
    body_start = markers[0].start if markers else len(source.text)
    metadata = read_metadata(lines, [(r.start, r.end) for r in removed], body_start)
    regions = classify(sections, lines)
    extent = speech_extent(lines)
    # The lines and the folded view are not needed to assemble: free them before the outline,
    # the largest object of a parse, is built.
    del source, lines, markers
    return assemble(decoded, sections, issues, metadata, regions, removed, extent)
