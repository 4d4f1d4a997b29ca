"""The command line: stdout JSON, -o, stdin, and one-line errors with exit 2."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from tests.conftest import ROOT

SPEECH = (
    "在全区工作会议上的讲话\n同志们：\n一、提高认识\n一是统一思想。二是压实责任。\n二、狠抓落实\n"
)
runner = CliRunner()


@pytest.fixture
def speech(tmp_path: Path) -> Path:
    path = tmp_path / "讲话.txt"
    path.write_text(SPEECH, encoding="utf-8")
    return path


def test_prints_one_json_document(speech: Path) -> None:
    result = runner.invoke(app, [str(speech)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["title"] for s in data["sections"]] == ["提高认识", "狠抓落实"]
    assert data["source"]["path"] == str(speech)
    assert "讲话" in result.stdout  # UTF-8 as is, not \\u escapes


def test_reads_stdin() -> None:
    result = runner.invoke(app, ["-"], input=SPEECH.encode("utf-8"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["path"] == "-"
    assert len(data["sections"]) == 2


def test_writes_output_file(speech: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, [str(speech), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["sections"][0]["marker"]["text"] == "一、"
    assert {p.name for p in tmp_path.iterdir()} == {"讲话.txt", "out.json"}  # no temp file left


def one_line_error(result_stderr: str) -> str:
    lines = result_stderr.strip().splitlines()
    assert len(lines) == 1, result_stderr
    assert "Traceback" not in result_stderr
    return lines[0]


def test_missing_file_is_one_line_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "没有这个文件.txt"
    result = runner.invoke(app, [str(missing)])
    assert result.exit_code == 2
    assert one_line_error(result.stderr) == f"outline: {missing}: no such file"


def test_directory_is_one_line_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, [str(tmp_path)])
    assert result.exit_code == 2
    expected = f"outline: {tmp_path}: is a directory: give -o DIR to mirror it, or --jsonl"
    assert one_line_error(result.stderr) == expected


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads all")
def test_unreadable_file_is_one_line_exit_2(speech: Path) -> None:
    speech.chmod(0)
    result = runner.invoke(app, [str(speech)])
    assert result.exit_code == 2
    assert "permission denied" in one_line_error(result.stderr)


def test_bytes_of_no_supported_encoding_name_the_file_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes("同志们".encode() + b"\xff\xfe")
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 2
    expected = f"outline: {path}: not UTF-8, GB18030 or Big5 (byte 0xFF at 9)"
    assert one_line_error(result.stderr) == expected


def test_bom_is_dropped_and_spans_index_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SPEECH.encode("utf-8"))
    data = json.loads(runner.invoke(app, [str(path)]).stdout)
    assert data["source"]["bom"] is True
    assert data["source"]["chars"] == len(SPEECH)
    start, end = data["sections"][0]["title_span"]
    assert SPEECH[start:end] == "提高认识"


def test_real_subprocess_runs_the_installed_command() -> None:
    fixture = sorted((ROOT / "fixtures").glob("*.txt"))[0]
    done = subprocess.run(
        [sys.executable, "-m", "extractor", str(fixture)], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["source"]["path"] == str(fixture)


def test_real_subprocess_error_has_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "extractor", str(tmp_path / "x.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == f"outline: {tmp_path / 'x.txt'}: no such file\n"


def test_a_long_speech_goes_to_the_file_as_it_goes_to_stdout(tmp_path: Path) -> None:
    from bench.run import speeches_of_size

    source = tmp_path / "长篇.txt"
    source.write_text(speeches_of_size(80_000), encoding="utf-8")
    out = tmp_path / "长篇.json"
    printed = runner.invoke(app, [str(source)])
    written = runner.invoke(app, [str(source), "-o", str(out)])
    assert printed.exit_code == written.exit_code == 0, written.output
    assert out.read_bytes() == printed.stdout_bytes
    assert {p.name for p in tmp_path.iterdir()} == {"长篇.txt", "长篇.json"}


@pytest.mark.parametrize(
    ("change", "state"),
    [
        (lambda data: data, None),
        (lambda data: data[:-2] + b"]\n", "stale"),  # the last byte but one differs
        (lambda data: data + b"\n", "stale"),  # one byte more
        (lambda data: data[:-1], "stale"),  # one byte less
        (None, "missing"),
    ],
)
def test_check_compares_one_file_with_its_stored_outline(
    speech: Path, tmp_path: Path, change: Callable[[bytes], bytes] | None, state: str | None
) -> None:
    stored = tmp_path / "讲话.json"
    assert runner.invoke(app, [str(speech), "-o", str(stored)]).exit_code == 0
    if change is None:
        stored.unlink()
    else:
        stored.write_bytes(change(stored.read_bytes()))
    result = runner.invoke(app, [str(speech), "-o", str(stored), "--check"])
    if state is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1
        assert one_line_error(result.stderr) == f"outline: {stored}: {state} (outline of {speech})"


def test_stdin_is_read_when_no_path_is_given() -> None:
    result = runner.invoke(app, [], input=SPEECH.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"]["path"] == "-"


def test_real_subprocess_reads_a_redirected_stdin(speech: Path) -> None:
    with speech.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "extractor"], stdin=stdin, capture_output=True, check=False
        )
    assert done.returncode == 0, done.stderr
    assert [s["title"] for s in json.loads(done.stdout)["sections"]] == ["提高认识", "狠抓落实"]


def test_dash_as_output_is_stdout(
    speech: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [str(speech), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == runner.invoke(app, [str(speech)]).stdout_bytes
    assert not (tmp_path / "-").exists()


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    from bench.run import speeches_of_size

    source = tmp_path / "长篇.txt"
    source.write_text(speeches_of_size(400_000), encoding="utf-8")
    # `outline FILE | head -1`: the reader leaves after one line, long before the JSON ends.
    proc = subprocess.Popen(
        [sys.executable, "-m", "extractor", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline() == b"{\n"
    proc.stdout.close()
    with proc.stderr:
        stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert stderr == b""


def test_an_unchanged_single_output_is_not_rewritten(speech: Path, tmp_path: Path) -> None:
    out = tmp_path / "讲话.json"
    assert runner.invoke(app, [str(speech), "-o", str(out)]).exit_code == 0
    os.utime(out, ns=(1_000_000_000, 1_000_000_000))
    assert runner.invoke(app, [str(speech), "-o", str(out)]).exit_code == 0
    assert out.stat().st_mtime_ns == 1_000_000_000
    assert {p.name for p in tmp_path.iterdir()} == {"讲话.txt", "讲话.json"}
    speech.write_text(SPEECH + "三、加强领导\n", encoding="utf-8")
    assert runner.invoke(app, [str(speech), "-o", str(out)]).exit_code == 0
    assert out.stat().st_mtime_ns != 1_000_000_000
    assert json.loads(out.read_bytes())["sections"][-1]["title"] == "加强领导"


def test_fail_if_written_fails_a_run_that_wrote_and_passes_one_that_did_not(
    speech: Path, tmp_path: Path
) -> None:
    out = tmp_path / "讲话.json"
    first = runner.invoke(app, [str(speech), "-o", str(out), "--fail-if-written"])
    assert first.exit_code == 1
    assert first.stderr == f"outline: {out}: written (--fail-if-written)\n"
    assert out.exists()
    assert runner.invoke(app, [str(speech), "-o", str(out), "--fail-if-written"]).exit_code == 0


def test_version_names_the_package_and_the_schema() -> None:
    from importlib.metadata import version

    from schemas.version import SCHEMA_VERSION

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"outline {version('outline-extractor')} (schema {SCHEMA_VERSION})\n"


def test_help_reads_well_at_80_columns() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "80", "TERM": "dumb"},
    )
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "--no-" not in done.stdout
    assert "<" not in done.stdout  # no Python types such as <list[str]> or <int range>
    options = lines[lines.index("Options:") + 1 : lines.index("  Examples:")]
    # An option's help is the text from the column where it starts. No line of it is cut
    # short of 40 characters: where one is, the next word would have fitted in 40.
    column = min(len(line) - len(line.lstrip()) for line in options if line.startswith(" " * 10))
    helps: list[list[str]] = []
    for line in options:
        if line.startswith("  -"):
            helps.append([])
        if len(line) > column and line[column - 2 : column] == "  ":
            helps[-1].append(line[column:])
    assert len(helps) >= 10
    for wrapped in helps:
        for part, after in itertools.pairwise(wrapped):
            assert len(part) + 1 + len(after.split()[0]) > 40, wrapped
    assert "Examples:" in done.stdout and "outline speeches/ -o outlines/ --check" in done.stdout
