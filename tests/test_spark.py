"""The Spark extra (extractor/spark.py) gives what the command line gives, file for file.

A local Spark session (`local[2]`: two executor threads, Python workers in their own processes)
outlines a folder of speeches in several encodings, with a .docx and two files that fail; the
rows are compared with `outline DIR --jsonl` and `outline DIR --flat --jsonl` run on the same
folder. Without pyspark, or without Java, these tests are skipped with the reason; a session
that does not start where both are present fails.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from tests.conftest import ROOT

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

slow = pytest.mark.slow
runner = CliRunner()

SPEECHES = {
    "区委全会.txt": (
        "在区委全会上的讲话\n同志们：\n现在，我讲三点意见。\n"
        "一、充分肯定过去一年的成绩\n一年来，全区生产总值增长6.2%。\n"
        "二、清醒认识存在的问题\n一是发展不平衡。二是创新能力不强。\n"
        "三、扎实做好今年各项工作\n（一）抓好项目建设\n（二）抓好民生保障\n"
    ),
    "专题/作风建设推进会.txt": (
        "在作风建设推进会上的讲话\n一、提高政治站位\n二、突出问题导向\n"
        "第一，整治形式主义。第二，整治官僚主义。\n三、强化督促检查\n"
    ),
}
"""Speeches written as UTF-8; the folder adds the same kinds in GB18030, in UTF-16 with a BOM,
as a .docx, and two that fail."""


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    pytest.importorskip("pyspark", reason="the [spark] extra is not installed")
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        pytest.skip("pyspark is installed but Java is not (no JAVA_HOME, no java on PATH)")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("outline-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.pyspark.python", sys.executable)
        # A JVM that only compiles quickly: these few small jobs are over before the optimising
        # compiler's work would pay, and the machine's cores are shared.
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as an archive holds it: nested, mixed encodings, a .docx, two bad files, and
    a file of another kind that the default glob leaves out."""
    folder = tmp_path_factory.mktemp("archive")
    for name, text in SPEECHES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    gb = "在全市经济工作会议上的讲话\n一、稳增长\n二、促改革\n三、惠民生\n"
    (folder / "经济工作会议.txt").write_bytes(gb.encode("gb18030"))
    u16 = "政府工作报告\n各位代表：\n一、过去一年工作回顾\n二、今年工作安排\n"
    (folder / "专题" / "政府工作报告.txt").write_bytes(u16.encode("utf-16"))
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ("在全县脱贫攻坚总结会上的讲话", "一、总结成绩", "二、巩固成果"):
        document.add_paragraph(line)
    document.save(str(folder / "总结会.docx"))
    (folder / "坏文件.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "空白.txt").write_bytes("  \n\u3000\n".encode())
    (folder / "说明.md").write_text("# 不是讲话稿\n", encoding="utf-8")
    return folder


def cli(*args: str) -> tuple[list[bytes], list[str]]:
    """The lines `outline` writes on stdout (with their newlines) and on stderr."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == 1, result.stderr  # two inputs fail
    return result.stdout_bytes.splitlines(keepends=True), result.stderr.splitlines()


def by_path(lines: list[bytes]) -> dict[str, bytes]:
    return {json.loads(line)["source"]["path"]: line for line in lines}


@pytest.fixture(scope="module")
def documents(spark: SparkSession, corpus: Path) -> DataFrame:
    from extractor import spark as outline_spark

    files = outline_spark.read_files(spark, str(corpus))
    return outline_spark.outlines(files, nodes=True).cache()


@slow
def test_outline_column_is_the_jsonl_line_byte_for_byte(documents: DataFrame, corpus: Path) -> None:
    lines, _ = cli(str(corpus), "--jsonl")
    expected = by_path(lines)
    rows = {row.path: row for row in documents.collect()}
    assert len(expected) == 5
    assert set(rows) == {*expected, str(corpus / "坏文件.txt"), str(corpus / "空白.txt")}
    for path, line in expected.items():
        assert rows[path].error is None
        assert rows[path].outline.encode("utf-8") + b"\n" == line
        assert rows[path].sha256 == hashlib.sha256(Path(path).read_bytes()).hexdigest()


@slow
def test_a_bad_file_is_a_row_with_the_message_the_cli_prints(
    documents: DataFrame, corpus: Path
) -> None:
    _, stderr = cli(str(corpus), "--jsonl")
    rows = {row.path: row for row in documents.where("error IS NOT NULL").collect()}
    assert set(rows) == {str(corpus / "坏文件.txt"), str(corpus / "空白.txt")}
    for path, row in rows.items():
        assert row.outline is None and row.nodes is None
        assert row.error in stderr
        assert row.sha256 == hashlib.sha256(Path(path).read_bytes()).hexdigest()
    assert "binary data" in rows[str(corpus / "坏文件.txt")].error
    assert "only white space" in rows[str(corpus / "空白.txt")].error


@slow
def test_section_rows_are_the_flat_nodes(documents: DataFrame, corpus: Path) -> None:
    from extractor import spark as outline_spark

    lines, _ = cli(str(corpus), "--flat", "--jsonl")
    expected = {path: json.loads(line)["nodes"] for path, line in by_path(lines).items()}
    got: dict[str, list[dict[str, Any]]] = {path: [] for path in expected}
    for row in outline_spark.sections(documents).orderBy("path", "id").collect():
        node = row.asDict(recursive=True)
        file = node.pop("path")
        node["path"] = node.pop(outline_spark.SECTION_PATH)
        got[file].append(node)
    assert got == expected
    assert sum(map(len, expected.values())) > 15


@slow
def test_sections_answer_sql_in_the_schema_types(
    spark: SparkSession, documents: DataFrame, corpus: Path
) -> None:
    from pyspark.sql.types import ArrayType, LongType, StringType, StructType

    from extractor import spark as outline_spark

    table = outline_spark.sections(documents)
    types = {field.name: field.dataType for field in table.schema.fields}
    assert types["id"] == types["level"] == LongType()
    assert types["span"] == ArrayType(LongType(), containsNull=False)
    assert types["role"] == StringType()
    assert isinstance(types["marker"], StructType) and "ordinal" in types["marker"].names
    table.createOrReplaceTempView("sections")
    found = spark.sql(
        "SELECT title, marker.ordinal AS n FROM sections "
        "WHERE path LIKE '%区委全会.txt' AND level = 1 ORDER BY id"
    ).collect()
    assert [(row.title, row.n) for row in found] == [
        ("充分肯定过去一年的成绩", 1),
        ("清醒认识存在的问题", 2),
        ("扎实做好今年各项工作", 3),
    ]


@slow
def test_spark_writes_the_jsonl_lines_and_typed_parquet(
    spark: SparkSession, documents: DataFrame, corpus: Path, tmp_path: Path
) -> None:
    from extractor import spark as outline_spark

    lines, _ = cli(str(corpus), "--jsonl")
    documents.where("error IS NULL").select("outline").write.text(str(tmp_path / "jsonl"))
    parts = sorted((tmp_path / "jsonl").glob("part-*"))
    written = [line for part in parts for line in part.read_bytes().splitlines(keepends=True)]
    assert sorted(written) == sorted(lines)
    table = outline_spark.sections(documents)
    table.write.partitionBy("role").parquet(str(tmp_path / "sections"))
    back = spark.read.parquet(str(tmp_path / "sections"))
    assert back.count() == table.count()
    # Parquet keeps the types; read back, every column admits null.
    for name in ("marker", "span", "cue", "points", "section_path"):
        assert (
            back.schema[name].dataType.simpleString() == table.schema[name].dataType.simpleString()
        )


@slow
def test_the_udf_is_evaluated_once_per_file(
    documents: DataFrame, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reading five fields of the struct the UDF returns must not run the parse five times."""
    from extractor import spark as outline_spark

    files = documents.sparkSession.read.format("binaryFile").load(str(ROOT / "fixtures"))
    outline_spark.outlines(files).explain()
    assert capsys.readouterr().out.count("BatchEvalPython") == 1


@slow
def test_a_worker_process_imports_the_pipeline_once(spark: SparkSession, corpus: Path) -> None:
    """Tasks after the first find the pipeline, its tables compiled, in the worker process that
    ran the first: eight tasks (two jobs of four) run in fewer processes, and each process
    holds one copy of the pipeline's modules whatever number of tasks it ran."""
    from pyspark.sql import functions as F  # noqa: N812
    from pyspark.sql.types import StringType

    from extractor import spark as outline_spark

    def outline_where(uri: str, content: bytes) -> str:
        import os
        import sys

        assert outline_spark.outline_document(uri, content)["sha256"]
        return f"{os.getpid()} {id(sys.modules['extractor.markers'])}"

    files = outline_spark.read_files(spark, str(corpus)).repartition(4)
    probe = F.udf(outline_where, StringType(), useArrow=False)
    seen: set[str] = set()
    for _ in range(2):
        seen |= {row.w for row in files.select(probe("path", "content").alias("w")).collect()}
    pids = {w.split()[0] for w in seen}
    assert len(pids) == len(seen), f"a process imported the pipeline twice: {seen}"
    assert len(pids) < 8, f"a process per task: {seen}"


# --- without a session -------------------------------------------------------------------


def test_a_worker_unpickles_the_functions_by_reference() -> None:
    """What Spark ships to an executor names a module-level function, with no state of its
    own: the executor imports extractor.spark and builds its tables there, once."""
    outline_spark = pytest.importorskip("extractor.spark", reason="the [spark] extra is absent")
    from pyspark import cloudpickle  # what pyspark pickles a UDF with

    for worker in (outline_spark._outline_row, outline_spark._outline_row_with_nodes):
        data = cloudpickle.dumps(worker)
        assert len(data) < 200, "pickled by value, with its globals"
        assert pickle.loads(data) is worker


def test_an_internal_error_reads_as_in_a_batch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    outline_spark = pytest.importorskip("extractor.spark", reason="the [spark] extra is absent")
    from extractor import batch
    from extractor.render import RenderOptions

    def boom(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(outline_spark, "analyse", boom)
    monkeypatch.setattr(batch, "analyse", boom)
    speech = tmp_path / "讲话.txt"
    speech.write_text(SPEECHES["区委全会.txt"], encoding="utf-8")
    failed = batch.convert(str(speech), RenderOptions(jsonl=True))
    summary = batch.summary(batch.Report(failed=batch.failures_of([failed])), 1, False)
    row = outline_spark.outline_document(f"file:{speech}", speech.read_bytes())
    assert row["error"] == summary[0]
    assert row["outline"] is None


@pytest.mark.parametrize(
    ("uri", "path"),
    [
        ("file:/data/讲话/a b.txt", "/data/讲话/a b.txt"),
        ("file:///data/100%.txt", "/data/100%.txt"),
        ("hdfs://namenode:8020/archive/2019/a.txt", "hdfs://namenode:8020/archive/2019/a.txt"),
        ("s3a://bucket/reports/a.docx", "s3a://bucket/reports/a.docx"),
    ],
)
def test_document_path(uri: str, path: str) -> None:
    outline_spark = pytest.importorskip("extractor.spark", reason="the [spark] extra is absent")
    assert outline_spark.document_path(uri) == path


def test_node_type_follows_the_flat_schema() -> None:
    outline_spark = pytest.importorskip("extractor.spark", reason="the [spark] extra is absent")
    from schemas.flat import FlatSection

    fields = [name for name in FlatSection.model_fields if not name.endswith("_utf16")]
    renamed = [outline_spark.SECTION_PATH if name == "path" else name for name in fields]
    assert outline_spark.node_type().names == renamed
    nullable = {f.name: f.nullable for f in outline_spark.node_type().fields}
    assert nullable["parent"] and nullable["title"] and not nullable["id"]


def test_the_core_never_imports_pyspark() -> None:
    """`import extractor`, a single-file run and a batch load neither pyspark nor the extra."""
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "import extractor\n"
        "from extractor.cli import app\n"
        f"r = CliRunner().invoke(app, [{str(ROOT / 'fixtures' / 'four_levels.txt')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        f"r = CliRunner().invoke(app, [{str(ROOT / 'fixtures')!r}, '--jsonl', '-j', '1'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if 'spark' in m))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"
