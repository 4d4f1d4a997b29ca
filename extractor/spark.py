"""spark: outline a corpus on Apache Spark, one row per document and one row per section.

    from pyspark.sql import SparkSession
    from extractor import spark as outline_spark

    session = SparkSession.builder.master("local[2]").getOrCreate()
    files = outline_spark.read_files(session, ["speeches/", "hdfs://nn/archive/*/*.txt"])
    docs = outline_spark.outlines(files, nodes=True)  # path, sha256, outline, error, nodes
    docs.where("error IS NULL").select("outline").write.text("out/")  # `--jsonl`'s lines
    outline_spark.sections(docs).createOrReplaceTempView("sections")
    session.sql("SELECT path, title FROM sections WHERE role = 'tasks' AND level = 1")

Files are read by Spark's `binaryFile` source (paths, globs, any Hadoop filesystem), so the
bytes are decoded here, by `extractor.decode.decode_input`: the encodings and errors of the
command line. Each document is `decode → analyse → render`, as `outline DIR --jsonl` does it:

- `outline` is the document's `--jsonl` line without its final newline; `error` is null, or the
  line the command line prints for that file (`outline: PATH: reason`). A bad file is a row
  with its error, never a failed job (Spark's file sources skip files of zero bytes: those
  have no row; a file of white space has its error).
- `path` is the name the outline and the error carry (`source.path`): for a `file:` URI the
  local path (`file:/data/a.txt` → `/data/a.txt`, what `outline /data --jsonl` writes), for any
  other filesystem the URI as Spark lists it (`hdfs://nn/archive/a.txt`).
- `sha256` is the hash of the file's bytes, as in `source.sha256`; there for a bad file too.
- `sections` gives `--flat`'s `nodes` as rows, next to `path`, typed from the committed flat
  schema (`outline --schema --flat`). A node's own `path` (the titles above it) is
  `section_path` there, since `path` names the file. Spans are in code points: no `*_utf16`.

The functions a worker runs are module-level (pickled by reference, not by value); the rule
tables are compiled when a worker's Python process first imports the pipeline, and Spark reuses
that process for the tasks that follow (`spark.python.worker.reuse`, on by default).
This module is the `[spark]` extra: nothing else in the package imports it or pyspark.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import cache
from typing import Any, Final

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F  # noqa: N812 (the name Spark's own docs use)
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DataType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from extractor.decode import decode_input
from extractor.errors import ExtractorError
from extractor.pipeline import analyse
from extractor.render import RenderOptions, render_parsed

DEFAULT_GLOB: Final = "*.{txt,docx}"
"""The file names a folder contributes: the command line's default (*.txt and *.docx), as one
Hadoop glob."""
SECTION_PATH: Final = "section_path"
"""A node's `path` field (the titles of the sections above it), renamed: `path` names the file."""

_JSONL: Final = RenderOptions(jsonl=True)
_FLAT: Final = RenderOptions(flat=True, jsonl=True)


# --- reading -------------------------------------------------------------------------------


def read_files(
    spark: SparkSession,
    paths: str | Sequence[str],
    *,
    glob: str = DEFAULT_GLOB,
    recursive: bool = True,
) -> DataFrame:
    """The files under `paths` (files, folders, globs, any URI Hadoop reads) as rows of `path`
    and `content` (the bytes), from Spark's `binaryFile` source. Folders are searched
    recursively, keeping the file names `glob` matches. Hadoop skips names starting with "."
    or "_", as the command line skips hidden ones. A path that matches nothing fails here, when
    the files are listed, as Spark's sources do."""
    reader = (
        spark.read.format("binaryFile")
        .option("pathGlobFilter", glob)
        .option("recursiveFileLookup", str(recursive).lower())
    )
    given = [paths] if isinstance(paths, str) else list(paths)
    return reader.load(given).select("path", "content")


# --- outlining -----------------------------------------------------------------------------


def outlines(files: DataFrame, *, nodes: bool = False) -> DataFrame:
    """One row per file of `files` (columns `path` and `content`, as `read_files` gives):
    `path`, `sha256`, `outline`, `error`; with `nodes`, also `nodes`, the `--flat` rows of
    each outline (for `sections`, from the same parse)."""
    # A plain Python UDF: one call per file, the row pickled back; useArrow=False says so, so
    # that pyspark neither wants pandas and pyarrow nor reads the type hints as a pandas UDF's.
    worker = _outline_row_with_nodes if nodes else _outline_row
    convert = F.udf(worker, _row_type(nodes), useArrow=False)
    return files.select(convert(files["path"], files["content"]).alias("row")).select("row.*")


def sections(documents: DataFrame) -> DataFrame:
    """One row per section of each outline, in document order: `path`, then the `--flat`
    node's fields (`id`, `parent`, `marker`, `level`, `title`, `title_span`, `span`, `role`,
    …, `section_path`). `documents` is `outlines(files, nodes=True)`; a file that failed has
    no rows here (its error is in `documents`)."""
    if "nodes" not in documents.columns:
        raise ValueError("sections() reads the nodes column: pass outlines(files, nodes=True)")
    node = F.explode(documents["nodes"]).alias("node")
    return documents.select("path", node).select("path", "node.*")


def document_path(uri: str) -> str:
    """The name a file is outlined under: a `file:` URI's local path, any other URI as it
    is."""
    if not uri.startswith("file:"):
        return uri
    # Hadoop lists a local file as file:/dir/name, its name as it is (a "%" or "#" is no
    # escape); file:///dir/name is the same file.
    local = uri.removeprefix("file:")
    if local.startswith("//"):
        local = local[local.index("/", 2) :]
    return local


def outline_document(uri: str, content: bytes, *, nodes: bool = False) -> dict[str, Any]:
    """One file's row, as `outlines` makes it on a worker (the plain Python of it, for tests
    and for callers with their own scheduler)."""
    path = document_path(uri)
    row: dict[str, Any] = {"path": path, "sha256": hashlib.sha256(content).hexdigest()}
    row["outline"] = row["error"] = None
    if nodes:
        row["nodes"] = None
    try:
        parsed = analyse(decode_input(bytes(content), path))
        row["outline"] = b"".join(render_parsed(parsed, _JSONL)).decode("utf-8").removesuffix("\n")
        if nodes:
            flat = json.loads(b"".join(render_parsed(parsed, _FLAT)))
            row["nodes"] = [_renamed(node) for node in flat["nodes"]]
    except ExtractorError as e:
        row["error"] = _message(path, e.reason)
    except Exception as e:  # as in a batch: an internal error fails this file, not the job
        row["error"] = _message(path, f"internal error: {type(e).__name__}: {e}")
    return row


def _message(path: str, reason: str) -> str:
    """The line `outline DIR` prints on stderr for a file that failed."""
    return f"outline: {path}: {reason}"


def _renamed(node: dict[str, Any]) -> dict[str, Any]:
    node[SECTION_PATH] = node.pop("path")
    return node


def _outline_row(uri: str, content: bytes) -> dict[str, Any]:
    return outline_document(uri, content)


def _outline_row_with_nodes(uri: str, content: bytes) -> dict[str, Any]:
    return outline_document(uri, content, nodes=True)


# --- types ---------------------------------------------------------------------------------


@cache
def node_type() -> StructType:
    """A `--flat` node as a Spark struct, from the flat JSON Schema in the form that holds what
    we write (closed: enums are strings of the values listed): integers are longs, enums
    strings, spans arrays of two longs, objects structs; null where the schema allows it.
    `*_utf16` fields are left out (they are absent without `--offsets utf16`)."""
    from schemas.export import schema as flat_schema

    schema = flat_schema(flat=True, closed=True)
    defs = schema["$defs"]
    section = defs["FlatSection"]
    fields = []
    for field in _struct(section, defs).fields:
        name = SECTION_PATH if field.name == "path" else field.name
        fields.append(StructField(name, field.dataType, field.nullable))
    return StructType(fields)


@cache
def _row_type(nodes: bool) -> StructType:
    fields = [
        StructField("path", StringType(), nullable=False),
        StructField("sha256", StringType(), nullable=False),
        StructField("outline", StringType()),
        StructField("error", StringType()),
    ]
    if nodes:
        fields.append(StructField("nodes", ArrayType(node_type(), containsNull=False)))
    return StructType(fields)


_SCALARS: Final[dict[str, DataType]] = {
    "string": StringType(),
    "integer": LongType(),
    "number": DoubleType(),
    "boolean": BooleanType(),
}


def _struct(schema: dict[str, Any], defs: dict[str, Any]) -> StructType:
    fields = []
    for name, spec in schema["properties"].items():
        if name.endswith("_utf16"):
            continue
        data_type, nullable = _spark_type(spec, defs)
        fields.append(StructField(name, data_type, nullable))
    return StructType(fields)


def _spark_type(spec: dict[str, Any], defs: dict[str, Any]) -> tuple[DataType, bool]:
    """The Spark type of one JSON Schema node, and whether it admits null."""
    if "$ref" in spec:
        return _spark_type(defs[spec["$ref"].rsplit("/", 1)[1]], defs)
    if len(spec.get("allOf", ())) == 1:  # a reference with its description beside it
        return _spark_type(spec["allOf"][0], defs)
    if "anyOf" in spec:
        options = [s for s in spec["anyOf"] if s.get("type") != "null"]
        if len(options) != 1:
            raise TypeError(f"no Spark type for a union of {len(options)} types: {spec}")
        return _spark_type(options[0], defs)[0], len(options) < len(spec["anyOf"])
    kind = spec.get("type")
    if kind == "object":
        return _struct(spec, defs), False
    if kind == "array":
        items = spec.get("items") or _same(spec["prefixItems"])
        item_type, item_null = _spark_type(items, defs)
        return ArrayType(item_type, containsNull=item_null), False
    if "enum" in spec or kind == "string":
        return StringType(), False
    if kind in _SCALARS:
        return _SCALARS[kind], False
    raise TypeError(f"no Spark type for the JSON Schema {spec}")


def _same(items: list[dict[str, Any]]) -> dict[str, Any]:
    """The one schema of a tuple's items (a span: two offsets); a mixed tuple has no array
    type."""
    if any(item != items[0] for item in items):
        raise TypeError(f"no Spark type for a tuple of different items: {items}")
    return items[0]


__all__ = [
    "DEFAULT_GLOB",
    "SECTION_PATH",
    "document_path",
    "node_type",
    "outline_document",
    "outlines",
    "read_files",
    "sections",
]
