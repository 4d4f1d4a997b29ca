"""Bad input: each answered with its documented exit code and one line naming the file, never a
traceback (unless --debug)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import parse_file
from extractor.cli import EXIT_FAILED, EXIT_INPUT, app
from extractor.errors import EmptyInputError, ExtractorError
from schemas import DiagnosticCode

runner = CliRunner()


def one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def run(path: Path, *options: str) -> tuple[int, str]:
    result = runner.invoke(app, [str(path), *options])
    assert result.stdout == "", "nothing on stdout when the input fails"
    return result.exit_code, one_line_error(result.stderr)


@pytest.mark.parametrize(
    ("content", "what"),
    [(b"", "empty file"), (b" \n\r\n\t\xe3\x80\x80\n", "only white space")],
    ids=["empty", "white_space"],
)
def test_no_text_is_exit_2(tmp_path: Path, content: bytes, what: str) -> None:
    path = tmp_path / "空.txt"
    path.write_bytes(content)
    assert run(path) == (EXIT_INPUT, f"outline: {path}: no text to outline ({what})")
    with pytest.raises(EmptyInputError):
        parse_file(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
            "binary data, not text (byte 0x00 at 8)",
        ),
        (b"\x00" * 64, "binary data, not text (byte 0x00 at 0)"),
        (
            "同志们：\n一、提高认识".encode() + b"\x00\x07",
            "binary data, not text (byte 0x00 at 31)",
        ),
    ],
    ids=["png", "nul_bytes", "text_then_nul"],
)
def test_binary_data_is_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "图片.png"
    path.write_bytes(content)
    assert run(path) == (EXIT_INPUT, f"outline: {path}: {message}")


def test_missing_file_is_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "不存在.txt"
    assert run(path) == (EXIT_INPUT, f"outline: {path}: no such file")


def test_directory_without_an_output_folder_is_exit_2(tmp_path: Path) -> None:
    # A folder is a batch input: without -o or --jsonl there is nowhere to put its outlines.
    expected = f"outline: {tmp_path}: is a directory: give -o DIR to mirror it, or --jsonl"
    assert run(tmp_path) == (EXIT_INPUT, expected)


def test_no_permission_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "锁定.txt"
    path.write_text("同志们：", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # As root a chmod 000 file stays readable, so the refusal is simulated where it happens.
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert run(path) == (EXIT_INPUT, f"outline: {path}: permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads all")
def test_no_permission_on_disk_is_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "锁定.txt"
    path.write_text("同志们：", encoding="utf-8")
    path.chmod(0)
    assert run(path) == (EXIT_INPUT, f"outline: {path}: permission denied")


def test_undecodable_bytes_are_exit_2_with_the_position(tmp_path: Path) -> None:
    path = tmp_path / "乱码.txt"
    path.write_bytes("同志们：一、提高认识".encode() + b"\x81\x30\xff")
    expected = f"outline: {path}: not UTF-8, GB18030 or Big5 (byte 0x81 at 30)"
    assert run(path) == (EXIT_INPUT, expected)


def test_a_ten_megabyte_file_finishes(tmp_path: Path) -> None:
    paragraph = "全县上下要坚持以习近平新时代中国特色社会主义思想为指导，统筹推进各项工作。" * 20
    block = "".join(f"（{n}）推进重点工作\n" + (paragraph + "\n") * 5 for n in range(1, 10))
    path = tmp_path / "大文件.txt"
    data = ("县长在全县经济工作会议上的讲话\n同志们：\n" + block * 400).encode("utf-8")
    assert len(data) > 10_000_000
    path.write_bytes(data)
    result = runner.invoke(app, [str(path), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 0, result.output
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert out["source"]["chars"] == len(data.decode("utf-8"))
    assert len(out["sections"]) == 9 * 400


def test_text_without_markers_is_valid_json_with_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "无序号.txt"
    path.write_text("同志们：\n今天的会议开得很好，大家要认真抓好落实。\n", encoding="utf-8")
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["sections"] == []
    assert [d["code"] for d in data["diagnostics"]] == [DiagnosticCode.NO_MARKERS]


def test_an_unexpected_failure_is_exit_1_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "讲话.txt"
    path.write_text("同志们：\n一、提高认识\n", encoding="utf-8")

    def broken(*_: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("extractor.pipeline.analyse", broken)
    code, line = run(path)
    assert code == EXIT_FAILED
    assert line == f"outline: {path}: internal error (RuntimeError: a bug); rerun with --debug"
    debug = runner.invoke(app, [str(path), "--debug"])
    assert isinstance(debug.exception, RuntimeError)


def test_debug_raises_the_input_error(tmp_path: Path) -> None:
    result = runner.invoke(app, [str(tmp_path / "x.txt"), "--debug"])
    assert isinstance(result.exception, ExtractorError)
    assert result.exception.path == str(tmp_path / "x.txt")


def test_help_documents_the_exit_codes_and_the_encoding_option() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "--encoding" in result.stdout
    assert "Exit status: 0" in " ".join(result.stdout.split())
