"""bench/spark: what the Spark path costs per document on one machine (information, no target).

    python bench/spark.py [--corpus DIR] [--rounds N]

Documents per second, on the same folder of speeches, of:

  outline --jobs J   `outline DIR --jsonl -o OUT.jsonl --jobs J` (J = 1, 2), wall clock of the
                     command, interpreter start-up included, and the batch's own time from its
                     summary line
  in process         `outline_document` (what a Spark worker calls) on each file in one
                     process, no Spark: the parse and rendering alone, files read from disk
  spark local[K]     `outlines(read_files(session, DIR)).select("outline").write.text(OUT)` on a
                     session with K executor threads (K = 1, 2): the job's wall clock, the
                     session already started; the session's start-up is printed beside it,
                     and the first round (Python workers starting, the pipeline imported in
                     each) apart from the later ones

The folder is ../shared/corpus/wild beside the clone when present (the real texts, read in
place, never copied), else 200 speeches generated as bench/run.py generates them. Each figure
is the median of `rounds` runs (default 3). Needs the [spark] extra and Java 17+.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from run import outline_command, speech  # noqa: E402

WILD = ROOT.parent / "shared" / "corpus" / "wild"
_SUMMARY = re.compile(r"in (\d+(?:\.\d+)?) s$", re.MULTILINE)


def corpus(work: Path, given: Path | None) -> Path:
    if given is not None:
        return given
    if WILD.is_dir():
        return WILD
    folder = work / "speeches"
    folder.mkdir()
    rng = random.Random(60)
    for i in range(200):
        (folder / f"{i:03d}.txt").write_text(speech(rng), encoding="utf-8")
    return folder


def speech_files(folder: Path) -> list[Path]:
    """The files both paths outline: *.txt and *.docx, hidden ones and Hadoop's _names left out."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix in (".txt", ".docx") and not p.name.startswith((".", "_")) and p.is_file()
    )


def cli_rounds(folder: Path, jobs: int, rounds: int, work: Path) -> tuple[list[float], list[float]]:
    """Wall clock and the summary's batch seconds of `rounds` runs."""
    walls, batches = [], []
    out = work / f"cli{jobs}.jsonl"
    for _ in range(rounds):
        run = [*outline_command(), str(folder), "--jsonl", "-o", str(out), "--jobs", str(jobs)]
        t0 = time.perf_counter()
        done = subprocess.run(run, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        walls.append(time.perf_counter() - t0)
        if done.returncode not in (0, 1):  # 1: some inputs failed, the others are written
            raise SystemExit(f"outline exited {done.returncode}: {done.stderr.strip()}")
        found = _SUMMARY.search(done.stderr)
        batches.append(float(found.group(1)) if found else walls[-1])
    return walls, batches


def plain_rounds(folder: Path, rounds: int) -> list[float]:
    """`outline_document` on every file in this process: a worker's own work, no Spark."""
    from extractor import spark as outline_spark

    files = speech_files(folder)
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for path in files:
            outline_spark.outline_document(f"file:{path}", path.read_bytes())
        times.append(time.perf_counter() - t0)
    return times


def spark_rounds(folder: Path, threads: int, rounds: int, work: Path) -> tuple[float, list[float]]:
    """The session's start-up, then the wall clock of 1 + `rounds` jobs (the first one cold)."""
    from pyspark.sql import SparkSession

    from extractor import spark as outline_spark

    t0 = time.perf_counter()
    session = (
        SparkSession.builder.master(f"local[{threads}]")
        .appName("outline-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.pyspark.python", sys.executable)
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - t0
    times = []
    try:
        for n in range(rounds + 1):
            out = work / f"spark{threads}-{n}"
            t0 = time.perf_counter()
            docs = outline_spark.outlines(outline_spark.read_files(session, str(folder)))
            docs.where("error IS NULL").select("outline").write.text(str(out))
            times.append(time.perf_counter() - t0)
            shutil.rmtree(out)
    finally:
        session.stop()
    return startup, times


def spark_line(folder: Path, threads: int, rounds: int, work: Path) -> str:
    docs = len(speech_files(folder))
    startup, times = spark_rounds(folder, threads, rounds, work)
    job = statistics.median(times[1:])
    note = f"session start {startup:.1f} s; first job {times[0]:.2f} s"
    return f"{f'spark local[{threads}]':<22}{job:>9.2f}{docs / job:>9.1f}  {note}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder of speeches (default: see above)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, help=argparse.SUPPRESS)  # one Spark line only
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="outline-spark-bench-") as tmp:
        work = Path(tmp)
        folder = corpus(work, args.corpus)
        if args.threads:
            print(spark_line(folder, args.threads, args.rounds, work), flush=True)
            return
        docs = len(speech_files(folder))
        print(f"{docs} documents in {folder}, median of {args.rounds} rounds", flush=True)
        print(f"{'run':<22}{'seconds':>9}{'docs/s':>9}  notes", flush=True)
        for jobs in (1, 2):
            walls, batches = cli_rounds(folder, jobs, args.rounds, work)
            wall, batch = statistics.median(walls), statistics.median(batches)
            note = f"batch alone {batch:.2f} s, {docs / batch:.1f}/s"
            print(f"{f'outline --jobs {jobs}':<22}{wall:>9.2f}{docs / wall:>9.1f}  {note}")
        plain = statistics.median(plain_rounds(folder, args.rounds))
        note = "outline_document per file in one process: a worker's own work"
        print(f"{'in process':<22}{plain:>9.2f}{docs / plain:>9.1f}  {note}", flush=True)
        for threads in (1, 2):
            # A process each: a second session in this one would reuse the first one's JVM.
            own = [sys.executable, __file__, "--corpus", str(folder), "--rounds", str(args.rounds)]
            subprocess.run([*own, "--threads", str(threads)], check=True)


if __name__ == "__main__":
    main()
