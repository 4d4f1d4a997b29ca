"""Batch use: folders mirrored to -o DIR, a bad file never fatal, --check, --jsonl, --glob,
deterministic bytes whatever --jobs, atomic writes, and a single-file run that stays light."""

from __future__ import annotations

import gc
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import batch
from extractor.cli import app
from extractor.decode import Decoded
from extractor.parsed import Parsed
from schemas import Outline

runner = CliRunner()

COUNTY = """区委书记在全区安全生产工作会议上的讲话
同志们：
今天召开会议，主要任务是分析形势、部署工作。
一、认清形势，切实增强做好安全生产工作的责任感
一是事故总量仍然偏高。二是隐患排查还不到位。
二、突出重点，全力抓好各领域安全监管
（一）抓好道路交通安全。严查超速超载。
（二）抓好建筑施工安全。
三、压实责任，确保各项措施落地见效
"""

CITY = """市长在全市经济工作会议上的讲话
一、二〇二五年经济运行情况
全年地区生产总值增长五点八%。
二、二〇二六年重点工作
第一，扩大有效投资。第二，提振消费。
"""

TOWN = """镇党委书记在全镇乡村振兴推进会上的讲话
一、夯实产业基础
二、改善人居环境
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def speeches(tmp_path: Path) -> Path:
    """A folder with speeches in subfolders, one file that is not UTF-8, one Markdown note and
    a hidden folder."""
    root = tmp_path / "speeches"
    write(root / "区县" / "安全生产.txt", COUNTY)
    write(root / "市级" / "经济工作.txt", CITY)
    write(root / "乡镇.txt", TOWN)
    # Not text at all: a PNG header saved under a .txt name.
    (root / "坏文件.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(root / "说明.md", TOWN)
    write(root / ".草稿" / "旧稿.txt", TOWN)
    return root


def single(path: Path, *args: str) -> bytes:
    """What `outline FILE` prints for one file."""
    result = runner.invoke(app, [str(path), *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_bad_file_is_named_and_costs_no_other_file_its_output(
    speeches: Path, tmp_path: Path
) -> None:
    out = tmp_path / "outlines"
    result = runner.invoke(app, [str(speeches), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    # Named with the reason the single-file command gives for it.
    alone = runner.invoke(app, [str(speeches / "坏文件.txt")])
    assert alone.exit_code == 2
    assert alone.stderr.startswith(f"outline: {speeches / '坏文件.txt'}: ")
    assert alone.stderr in result.stderr
    assert "3 done" in result.stderr and "1 failed" in result.stderr
    written = tree(out)
    assert sorted(written) == ["乡镇.json", "区县/安全生产.json", "市级/经济工作.json"]
    # Each output is exactly what the single-file command prints for that input.
    for rel, data in written.items():
        assert data == single(speeches / Path(rel).with_suffix(".txt"))


def test_an_internal_error_on_one_file_is_reported_and_the_batch_goes_on(
    speeches: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = batch.analyse

    def fragile(decoded: Decoded) -> Parsed:
        if decoded.text.startswith("市长"):
            raise RuntimeError("boom")
        return real(decoded)

    monkeypatch.setattr(batch, "analyse", fragile)
    out = tmp_path / "outlines"
    result = runner.invoke(app, [str(speeches), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert "经济工作.txt: internal error: RuntimeError: boom" in result.stderr
    assert (out / "区县" / "安全生产.json").is_file()
    assert not (out / "市级" / "经济工作.json").exists()


def test_outputs_are_byte_identical_whatever_jobs_and_order(speeches: Path, tmp_path: Path) -> None:
    files = sorted(p for p in speeches.rglob("*.txt") if ".草稿" not in p.parts)
    files = [f for f in files if f.name != "坏文件.txt"]
    one, two = tmp_path / "one", tmp_path / "two"
    a = runner.invoke(app, [*map(str, files), "-o", str(one), "--jobs", "1"])
    b = runner.invoke(app, [*map(str, reversed(files)), "-o", str(two), "--jobs", "2"])
    assert a.exit_code == b.exit_code == 0, (a.stderr, b.stderr)
    assert tree(one) == tree(two)
    assert len(tree(one)) == 3
    for data in tree(one).values():
        assert data.endswith(b"}\n") and "讲话".encode() in data  # UTF-8 as is, final newline

    folder_one = runner.invoke(app, [str(speeches), "-o", str(tmp_path / "f1"), "-j", "1"])
    folder_two = runner.invoke(app, [str(speeches), "-o", str(tmp_path / "f2"), "-j", "2"])
    assert folder_one.exit_code == folder_two.exit_code == 1
    assert tree(tmp_path / "f1") == tree(tmp_path / "f2")


@pytest.mark.parametrize(("fmt", "suffix"), [("markdown", ".md"), ("text", ".txt")])
def test_readable_formats_are_written_with_their_suffix(
    speeches: Path, tmp_path: Path, fmt: str, suffix: str
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, [str(speeches), "-o", str(out), "--format", fmt])
    assert result.exit_code == 1  # 坏文件.txt
    written = tree(out)
    assert sorted(written) == [f"乡镇{suffix}", f"区县/安全生产{suffix}", f"市级/经济工作{suffix}"]
    assert written[f"乡镇{suffix}"] == single(speeches / "乡镇.txt", "--format", fmt)


def test_check_passes_when_current_and_names_stale_and_missing_outputs(
    speeches: Path, tmp_path: Path
) -> None:
    (speeches / "坏文件.txt").unlink()
    out = tmp_path / "outlines"
    assert runner.invoke(app, [str(speeches), "-o", str(out)]).exit_code == 0
    fresh = runner.invoke(app, [str(speeches), "-o", str(out), "--check"])
    assert fresh.exit_code == 0, fresh.stderr
    assert "3 current, 0 stale or missing" in fresh.stderr

    write(speeches / "乡镇.txt", TOWN + "三、加强组织领导\n")
    (out / "区县" / "安全生产.json").unlink()
    before = tree(out)
    stale = runner.invoke(app, [str(speeches), "-o", str(out), "--check"])
    assert stale.exit_code == 1
    assert f"outline: {out / '乡镇.json'}: stale (outline of {speeches / '乡镇.txt'})" in (
        stale.stderr
    )
    assert f"{out / '区县' / '安全生产.json'}: missing" in stale.stderr
    assert "市级" not in stale.stderr  # the current one is not named
    assert tree(out) == before  # --check writes nothing


def test_check_on_a_single_file_output(speeches: Path, tmp_path: Path) -> None:
    source, stored = speeches / "乡镇.txt", tmp_path / "乡镇.json"
    missing = runner.invoke(app, [str(source), "-o", str(stored), "--check"])
    assert missing.exit_code == 1 and "missing" in missing.stderr
    assert runner.invoke(app, [str(source), "-o", str(stored)]).exit_code == 0
    assert runner.invoke(app, [str(source), "-o", str(stored), "--check"]).exit_code == 0


def test_an_interrupted_write_leaves_the_old_file_and_no_partial_one(
    speeches: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "outlines"
    old = b'{"old": true}\n'
    write(out / "乡镇.json", "")
    (out / "乡镇.json").write_bytes(old)
    write(speeches / "乡镇.txt", TOWN + "三、加强组织领导\n")
    real_fdopen = os.fdopen

    class Interrupted:
        """A file that takes half the bytes, then the process is interrupted."""

        def __init__(self, fd: int) -> None:
            self.file = real_fdopen(fd, "wb")

        def __enter__(self) -> Interrupted:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, data: bytes) -> int:
            self.file.write(data[: len(data) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(batch.os, "fdopen", lambda fd, mode: Interrupted(fd))
    with pytest.raises(KeyboardInterrupt):
        batch.write_atomic(out / "乡镇.json", b"{}" * 100)
    assert (out / "乡镇.json").read_bytes() == old
    assert [p.name for p in out.iterdir()] == ["乡镇.json"]  # no temporary file left

    result = runner.invoke(app, [str(speeches), "-o", str(out), "-j", "1"])
    assert result.exit_code != 0
    assert (out / "乡镇.json").read_bytes() == old
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_outputs_get_the_mode_a_plain_write_gives(tmp_path: Path) -> None:
    plain = tmp_path / "plain.json"
    plain.write_bytes(b"{}\n")
    batch.write_atomic(tmp_path / "atomic.json", b"{}\n")
    assert (tmp_path / "atomic.json").stat().st_mode == plain.stat().st_mode


def test_a_failed_write_fails_that_file_only(
    speeches: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "outlines"
    real_replace = os.replace

    def replace(src: str, dst: str | Path) -> None:
        if Path(dst).name == "乡镇.json":
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(batch.os, "replace", replace)
    result = runner.invoke(app, [str(speeches), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert f"{speeches / '乡镇.txt'}: cannot write {out / '乡镇.json'}: No space" in result.stderr
    assert sorted(tree(out)) == ["区县/安全生产.json", "市级/经济工作.json"]


def test_unchanged_outputs_are_not_rewritten(speeches: Path, tmp_path: Path) -> None:
    (speeches / "坏文件.txt").unlink()
    out = tmp_path / "outlines"
    assert runner.invoke(app, [str(speeches), "-o", str(out)]).exit_code == 0
    os.utime(out / "乡镇.json", (1, 1))
    again = runner.invoke(app, [str(speeches), "-o", str(out)])
    assert "0 written, 3 unchanged" in again.stderr
    assert (out / "乡镇.json").stat().st_mtime == 1


def test_jsonl_prints_one_document_per_line_in_input_order(speeches: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, [str(speeches), "--jsonl", "-j", "2"])
    assert result.exit_code == 1  # the bad file
    lines = result.stdout_bytes.decode("utf-8").splitlines()
    docs = [Outline.model_validate_json(line) for line in lines]
    assert [Path(d.source.path or "").name for d in docs] == [
        "乡镇.txt",
        "安全生产.txt",
        "经济工作.txt",
    ]
    assert "坏文件.txt" in result.stderr

    target = tmp_path / "all.jsonl"
    to_file = runner.invoke(app, [str(speeches), "--jsonl", "-o", str(target)])
    assert to_file.stdout == ""
    assert target.read_bytes() == result.stdout_bytes
    check = runner.invoke(app, [str(speeches), "--jsonl", "-o", str(target), "--check"])
    assert "0 stale" in check.stderr


def test_glob_chooses_the_files_a_folder_contributes(speeches: Path, tmp_path: Path) -> None:
    out = tmp_path / "md"
    result = runner.invoke(app, [str(speeches), "-o", str(out), "--glob", "*.md"])
    assert result.exit_code == 0, result.stderr
    assert sorted(tree(out)) == ["说明.json"]
    both = runner.invoke(app, [str(speeches), "--glob", "*.md", "--glob", "乡*.txt", "--jsonl"])
    assert len(both.stdout.splitlines()) == 2


def test_hidden_folders_and_the_output_folder_are_skipped(speeches: Path) -> None:
    inside = speeches / "提纲"
    for _ in range(2):  # the second run sees the first run's outputs inside the input folder
        result = runner.invoke(app, [str(speeches), "-o", str(inside), "--glob", "*", "-j", "1"])
        assert result.exit_code == 1  # 坏文件.txt
        assert "4 done" in result.stderr, result.stderr
    assert not (inside / ".草稿").exists()
    assert sorted(tree(inside)) == [
        "乡镇.json",
        "区县/安全生产.json",
        "市级/经济工作.json",
        "说明.json",
    ]


def test_a_broken_link_is_named_not_skipped(speeches: Path, tmp_path: Path) -> None:
    (speeches / "坏文件.txt").unlink()
    (speeches / "链接.txt").symlink_to(tmp_path / "已删除.txt")
    result = runner.invoke(app, [str(speeches), "--jsonl"])
    assert result.exit_code == 1
    assert f"outline: {speeches / '链接.txt'}: no such file" in result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_two_inputs_with_one_output_name_fail_the_second(tmp_path: Path) -> None:
    a = write(tmp_path / "甲" / "讲话.txt", TOWN)
    b = write(tmp_path / "乙" / "讲话.txt", CITY)
    out = tmp_path / "out"
    result = runner.invoke(app, [str(a), str(b), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{b}: same output {out / '讲话.json'} as {a}" in result.stderr
    assert json.loads((out / "讲话.json").read_text("utf-8"))["source"]["path"] == str(a)


@pytest.mark.parametrize("form", ["trailing_slash", "existing_folder"])
def test_o_names_a_folder_for_one_file(speeches: Path, tmp_path: Path, form: str) -> None:
    out = tmp_path / "out"
    if form == "existing_folder":
        out.mkdir()
    target = str(out) + ("/" if form == "trailing_slash" else "")
    result = runner.invoke(app, [str(speeches / "乡镇.txt"), "-o", target])
    assert result.exit_code == 0, result.stderr
    assert (out / "乡镇.json").read_bytes() == single(speeches / "乡镇.txt")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{root}", "--jsonl", "--format", "markdown"], "shape JSON; not --format markdown"),
        (["{root}/乡镇.txt", "--flat", "--format", "text"], "shape JSON; not --format text"),
        (["{root}", "--jsonl", "--check"], "--check compares"),
        (["{root}/乡镇.txt", "--check"], "--check compares"),
        (["{root}/乡镇.txt", "{root}/区县"], "several inputs: give -o DIR"),
    ],
)
def test_usage_errors_exit_2(speeches: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [a.format(root=speeches) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_no_path_at_a_terminal_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("extractor.cli._stdin_is_terminal", lambda: True)
    result = runner.invoke(app, [])
    assert result.exit_code == 2
    assert "give a speech file, a folder, or - for stdin" in result.stderr


def test_check_names_an_orphan_output_whose_speech_was_deleted(
    speeches: Path, tmp_path: Path
) -> None:
    out = tmp_path / "outlines"
    (speeches / "坏文件.txt").unlink()
    assert runner.invoke(app, [str(speeches), "-o", str(out)]).exit_code == 0
    assert runner.invoke(app, [str(speeches), "-o", str(out), "--check"]).exit_code == 0
    (speeches / "市级" / "经济工作.txt").unlink()
    result = runner.invoke(app, [str(speeches), "-o", str(out), "--check"])
    assert result.exit_code == 1
    orphan = out / "市级" / "经济工作.json"
    assert f"outline: {orphan}: orphan (its speech is gone from the input folder)" in (
        result.stderr.splitlines()
    )
    assert "2 current, 1 stale or missing" in result.stderr


def test_narrowing_the_glob_orphans_no_output(speeches: Path, tmp_path: Path) -> None:
    out = tmp_path / "outlines"
    (speeches / "坏文件.txt").unlink()
    write(speeches / "市级" / "旧稿.text", CITY)
    wide = [str(speeches), "-o", str(out), "--glob", "*.txt", "--glob", "*.text"]
    assert runner.invoke(app, wide).exit_code == 0
    narrow = [str(speeches), "-o", str(out), "--glob", "*.text", "--check"]
    result = runner.invoke(app, narrow)
    assert result.exit_code == 0, result.stderr  # 安全生产.json has its .txt beside it
    # A file named on its own says nothing about the rest of the folder.
    one = [str(speeches / "乡镇.txt"), str(speeches / "区县"), "-o", str(out), "--check"]
    assert ": orphan (" not in runner.invoke(app, one).stderr


def test_stdin_joins_a_jsonl_batch_read_by_this_process(speeches: Path) -> None:
    args = ["-", str(speeches / "乡镇.txt"), "--jsonl", "-j", "2"]
    result = runner.invoke(app, args, input=CITY.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    first, second = (Outline.model_validate_json(line) for line in result.stdout.splitlines())
    assert first.source.path == "-" and first.source.chars == len(CITY)
    assert second.source.path == str(speeches / "乡镇.txt")


def test_the_input_folder_can_be_the_output_folder(speeches: Path) -> None:
    (speeches / "坏文件.txt").unlink()
    result = runner.invoke(app, [str(speeches), "-o", str(speeches)])
    assert result.exit_code == 0, result.stderr
    assert (speeches / "区县" / "安全生产.json").read_bytes() == single(
        speeches / "区县" / "安全生产.txt"
    )
    again = runner.invoke(app, [str(speeches), "-o", str(speeches), "--check"])
    assert again.exit_code == 0 and "3 current" in again.stderr


def test_a_single_file_that_cannot_be_written_is_one_line(speeches: Path) -> None:
    target = speeches / "乡镇.txt" / "out.json"  # under a file, not a folder
    result = runner.invoke(app, [str(speeches / "乡镇.txt"), "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"outline: {target}: cannot write (")
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_stdin_cannot_be_mirrored(speeches: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["-", str(speeches / "乡镇.txt"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "-: standard input has no name to mirror" in result.stderr


class Terminal:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "ci", "quiet", "bar"),
    [
        (True, None, False, True),
        (True, "true", False, False),
        (True, None, True, False),
        (False, None, False, False),
    ],
)
def test_the_progress_bar_shows_only_at_a_terminal_outside_ci(
    monkeypatch: pytest.MonkeyPatch, tty: bool, ci: str | None, quiet: bool, bar: bool
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    if tty:
        monkeypatch.setattr(sys, "stderr", Terminal())
    else:
        monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert batch.wants_progress_bar(quiet) is bar


def test_the_progress_bar_advances_once_per_file() -> None:
    with batch.progress(3, enabled=True) as advance:
        advance(1)
        advance(2)
    with batch.progress(3, enabled=False) as advance:
        advance(3)


def test_a_single_file_run_imports_no_batch_machinery(speeches: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "extractor", str(speeches / "乡镇.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "extractor.pipeline" in imported  # the report is read right
    heavy = ("rich", "multiprocessing", "concurrent", "schemas.export", "schemas.flat")
    assert sorted(m for m in imported if m.split(".")[0] in heavy or m in heavy) == []


def test_workers_store_their_outputs_and_report_each_outcome(
    speeches: Path, tmp_path: Path
) -> None:
    files = sorted(p for p in speeches.rglob("*.txt") if ".草稿" not in p.parts)
    files = [f for f in files if f.name != "坏文件.txt"]
    out = tmp_path / "out"
    first = runner.invoke(app, [*map(str, files), "-o", str(out), "--jobs", "2"])
    assert first.exit_code == 0, first.stderr
    assert gc.get_freeze_count() == 0  # what was frozen for the forks is collectable again
    assert "3 done (3 written, 0 unchanged), 0 failed" in first.stderr
    again = runner.invoke(app, [*map(str, files), "-o", str(out), "--jobs", "2"])
    assert "3 done (0 written, 3 unchanged), 0 failed" in again.stderr
    # A folder where an output should go: that write fails, the other outputs are written.
    blocked = out / files[0].with_suffix(".json").name
    blocked.unlink()
    blocked.mkdir()
    (out / files[1].with_suffix(".json").name).unlink()
    third = runner.invoke(app, [*map(str, files), "-o", str(out), "--jobs", "2"])
    assert third.exit_code == 1
    assert f"{files[0]}: cannot write {blocked}" in third.stderr
    assert "2 done (1 written, 1 unchanged), 1 failed" in third.stderr


def test_a_worker_that_dies_costs_only_the_file_it_was_outlining(
    speeches: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that ends its process (a crash in a C extension, a signal) fails by name; the
    files its worker had outlined but not yet reported, and every other file, are written."""
    assert batch._single_threaded()  # the forked workers, not the pool, run here
    real = batch.analyse

    def crashing(decoded: Decoded) -> Parsed:
        if decoded.text.startswith("市长"):
            os._exit(70)  # no exception, no cleanup: the process is gone
        return real(decoded)

    monkeypatch.setattr(batch, "analyse", crashing)
    folder = tmp_path / "many"
    for i in range(40):  # more than one message of results (CHUNK) per worker
        write(folder / f"{i:02d}.txt", CITY if i == 7 else COUNTY.replace("区委", f"第{i}区委"))
    out = tmp_path / "out"
    result = runner.invoke(app, [str(folder), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 1
    assert f"{folder / '07.txt'}: internal error: the process outlining it ended" in result.stderr
    # Those the dead worker had written are found unchanged when outlined again.
    assert "39 done (" in result.stderr and "unchanged), 1 failed" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{i:02d}.json" for i in range(40) if i != 7]


def test_forked_workers_take_more_jobs_than_one_pipe_write_holds(tmp_path: Path) -> None:
    """The job indices go to the workers in writes of PIPE_BUF bytes, as the pipe has room: a
    batch of more inputs than its buffer holds indices (64 KiB on Linux: 16,384), here missing
    files, each failing at once, comes back whole and in order."""
    jobs = [batch.Job(str(tmp_path / f"缺失{i}.txt"), None) for i in range(20_000)]
    results = batch.run(jobs, batch.RenderOptions(), 2)
    assert [r.source for r in results] == [job.source for job in jobs]
    assert all(r.data is None and r.reason for r in results)


def test_the_progress_bar_starts_after_the_workers_fork(
    speeches: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a terminal the bar's thread would forbid forking: it starts at the first result, so
    the workers are still forks of the command, not a pool's (which starts a server first)."""

    def no_pool(*args: object) -> list[batch.Converted]:
        raise AssertionError("the pool was used")

    monkeypatch.setattr(batch, "_pooled", no_pool)
    jobs, failures = batch.plan([str(speeches)], tmp_path / "out")
    assert len(jobs) == 4 and not failures  # three speeches and the file that is not text
    with batch.progress(len(jobs), enabled=True) as advance:
        assert batch._single_threaded()  # no bar yet
        results = batch.run(jobs, batch.RenderOptions(), 2, advance, write=True)
        assert not batch._single_threaded()  # the bar runs
    assert [r.stored for r in results if r.reason is None] == [True, True, True]
    assert [Path(r.source).name for r in results if r.reason] == ["坏文件.txt"]
    for thread in threading.enumerate():  # the bar's thread ends once stopped
        if thread is not threading.main_thread():
            thread.join(timeout=5)


def test_a_job_outlined_again_in_a_pool_gives_its_result_or_none(
    speeches: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where a worker died while the bar's thread runs, each of its jobs is outlined again in
    a pool of one process (a fork would be unsafe): its result, or none when that process
    ends too, which `run` reports as the job's failure."""
    from concurrent.futures.process import BrokenProcessPool

    job = batch.Job(str(speeches / "乡镇.txt"), tmp_path / "乡镇.json")
    again = batch._pooled_alone(job, batch.RenderOptions(), lambda n: None, True)
    assert list(again) == [0] and again[0].stored is True
    assert (tmp_path / "乡镇.json").read_bytes() == single(speeches / "乡镇.txt")

    def broken(*args: object) -> list[batch.Converted]:
        raise BrokenProcessPool("the process ended")

    monkeypatch.setattr(batch, "_pooled", broken)
    assert batch._pooled_alone(job, batch.RenderOptions(), lambda n: None, True) == {}


def test_summary_gives_a_short_batch_its_milliseconds() -> None:
    # 200 speeches take a fifth of a second: hundredths would round away a tenth of the time.
    report = batch.Report(written=200, seconds=0.2134)
    assert batch.summary(report, 200, False) == [
        "outline: 200 done (200 written, 0 unchanged), 0 failed in 0.213 s"
    ]
    assert batch.summary(batch.Report(unchanged=5, seconds=1.2345), 5, False)[-1].endswith(
        "0 failed in 1.23 s"
    )


def test_workers_make_their_temporary_files_in_folders_of_their_own(
    speeches: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workers creating files in one folder wait for each other's allocations: each makes
    its temporary files in its own hidden folder inside each output folder, renames them into
    place, and leaves no folder behind."""
    renamed: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def recording(src: str, dst: str | Path) -> None:
        renamed.append((Path(src).parent, Path(dst).parent))
        real_replace(src, dst)

    monkeypatch.setattr(batch.os, "replace", recording)
    jobs, _ = batch.plan([str(speeches)], tmp_path / "out")
    results = batch.convert_and_store_all(jobs, batch.RenderOptions())
    assert sum(bool(r.stored) for r in results) == 3  # the bad file fails, the rest are written
    pid = os.getpid()
    assert sorted(renamed) == sorted(
        {(parent / f".outline-{pid}.tmp", parent) for _, parent in renamed}
    )
    assert {parent.name for _, parent in renamed} == {"out", "区县", "市级"}
    # Nothing but the outputs is left: the scratch folders are gone.
    assert sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
    ) == [
        "乡镇.json",
        "区县",
        "区县/安全生产.json",
        "市级",
        "市级/经济工作.json",
    ]


def test_a_worker_writes_in_the_output_folder_when_it_cannot_make_its_own(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # A file where the worker's folder would go: it cannot be made, the write goes on.
    squatter = batch.scratch_folder(out, os.getpid())
    squatter.write_bytes(b"")
    scratch = batch.Scratch()
    assert batch.write_atomic(out / "讲话.json", b"{}\n", scratch=scratch)
    scratch.remove()
    assert (out / "讲话.json").read_bytes() == b"{}\n"
    assert sorted(p.name for p in out.iterdir()) == sorted(["讲话.json", squatter.name])


def test_an_output_that_is_its_input_fails_by_name(tmp_path: Path) -> None:
    """Outlines mirrored into the folder they come from, as JSON inputs would be; or an output
    that is a link to the speech: the speech is never written over."""
    folder = tmp_path / "讲话"
    speech = write(folder / "乡镇.txt", TOWN)
    (folder / "旧提纲.json").write_text("{}", encoding="utf-8")
    jobs, failures = batch.plan([str(folder)], folder, globs=("*.json",))
    assert jobs == []
    assert [str(f) for f in failures] == [
        f"{folder / '旧提纲.json'}: the output would overwrite the input"
    ]
    out = tmp_path / "提纲"
    out.mkdir()
    (out / "乡镇.json").symlink_to(speech)
    jobs, failures = batch.plan([str(folder)], out)
    assert [str(f) for f in failures] == [f"{speech}: the output would overwrite the input"]
    # Named one by one, the files of a folder are each asked whether they are links.
    assert [str(f) for f in batch.plan([str(speech)], out)[1]] == [
        f"{speech}: the output would overwrite the input"
    ]
    result = runner.invoke(app, [str(folder), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{speech}: the output would overwrite the input" in result.stderr
    assert speech.read_text(encoding="utf-8") == TOWN


def _found_by_rglob(root: Path, globs: tuple[str, ...]) -> list[Path]:
    """What `batch._find` found when every glob went through `rglob`."""
    found = {
        path.relative_to(root)
        for pattern in globs
        for path in root.rglob(pattern)
        if not any(part.startswith(".") for part in path.relative_to(root).parts)
        and not path.is_dir()
    }
    return sorted(found, key=lambda p: p.parts)


@pytest.mark.parametrize(
    ("globs", "some"),
    [
        (("*.txt", "*.docx"), True),
        (("乡*.txt",), True),
        (("*",), True),
        (("*.TXT",), False),  # case counts, as on the file system
        (("市级/*.txt", "*.md"), True),
        (("**/*.txt",), True),
    ],
)
def test_a_folder_is_searched_as_rglob_searches_it(
    speeches: Path, globs: tuple[str, ...], some: bool
) -> None:
    """Names matched in one walk find what `rglob` finds: hidden folders and files left out,
    a folder named like a speech left out, a broken link kept, a linked folder not entered."""
    write(speeches / "区县" / "二级" / "深处.txt", TOWN)
    write(speeches / "区县" / ".隐藏.txt", TOWN)
    (speeches / "像文件.txt").mkdir()
    write(speeches / "文档.docx", "")
    (speeches / "断链.txt").symlink_to(speeches / "不存在.txt")
    (speeches / "链到文件.txt").symlink_to(speeches / "乡镇.txt")
    (speeches / "链到目录").symlink_to(speeches / "区县")
    assert batch._find(speeches, globs, None) == _found_by_rglob(speeches, globs)
    assert bool(batch._find(speeches, globs, None)) == some
