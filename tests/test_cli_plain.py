"""`outline FILE` read without the Typer app (extractor/__main__.py) gives what the app gives:
the same bytes on stdout and stderr and the same exit code, for speeches and for every kind of
bad input; any other command line is the app's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SPEECH = (
    "在全市安全生产工作会议上的讲话\n"
    "（2024年3月5日）\n"
    "同志们：\n"
    "一、充分肯定去年的工作成效\n"
    "过去一年，全市事故起数下降12.5%，未发生较大以上事故。\n"
    "二、清醒认识当前面临的问题\n"
    "一些企业主体责任落实不到位，隐患排查流于形式。\n"
    "三、扎实做好今年的重点工作\n"
    "（一）压紧压实责任。一是强化属地管理，二是严格行业监管。\n"
    "（二）深化专项整治。\n"
    "同志们，安全生产责任重于泰山，让我们共同努力！\n"
)

# The app itself, as `outline` ran it before the plain command line was read without it.
APP = [sys.executable, "-c", "from extractor.cli import app; app(prog_name='outline')"]
# `outline` (and `python -m extractor`): extractor/__main__.py.
COMMAND = [sys.executable, "-m", "extractor"]
# Whether the run loaded typer: printed after the command, on stderr.
_LOADED = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('typer' in sys.modules, file=sys.__stderr__))\n"
    "from extractor.__main__ import main\n"
    "main(prog_name='outline')\n"
)


def outcome(command: list[str], *args: str, cwd: Path = ROOT) -> tuple[int, bytes, bytes]:
    done = subprocess.run([*command, *args], capture_output=True, cwd=cwd, check=False)
    return done.returncode, done.stdout, done.stderr


def inputs(folder: Path) -> dict[str, str]:
    """Speeches and bad inputs, by what they are: the argument naming each."""
    files = {
        "utf8.txt": SPEECH.encode("utf-8"),
        "gb18030.txt": SPEECH.encode("gb18030"),
        "bom_crlf.txt": b"\xef\xbb\xbf" + SPEECH.replace("\n", "\r\n").encode("utf-8"),
        "utf16.txt": SPEECH.encode("utf-16"),
        "讲话稿 终稿.txt": SPEECH.encode("utf-8"),
        "no_markers.txt": "同志们：\n今天的会议很重要，大家要认真落实。\n".encode(),
        "empty.txt": b"",
        "blank.txt": b" \n\r\n\t\xe3\x80\x80\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "undecodable.txt": b"\xff\xfe\xfd" * 40 + b"\x81",
        "zip.docx": b"PK\x03\x04 not a real archive",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "一个文件夹").mkdir()
    found = {name: str(folder / name) for name in files}
    found["folder"] = str(folder / "一个文件夹")
    found["missing"] = str(folder / "缺失.txt")
    found["relative"] = "utf8.txt"
    found["empty_name"] = ""
    return found


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return inputs(tmp_path_factory.mktemp("plain"))


@pytest.mark.slow
def test_the_plain_command_line_gives_what_the_app_gives(files: dict[str, str]) -> None:
    folder = Path(files["utf8.txt"]).parent
    seen = set()
    for what, arg in files.items():
        app = outcome(APP, arg, cwd=folder)
        plain = outcome(COMMAND, arg, cwd=folder)
        assert plain == app, what
        seen.add(app[0])
        if what in ("utf8.txt", "gb18030.txt", "bom_crlf.txt", "no_markers.txt"):
            assert app[0] == 0 and app[1].startswith(b"{") and app[2] == b"", what
    assert seen == {0, 2}  # outlines, and bad input


def test_the_plain_command_line_loads_no_typer(files: dict[str, str]) -> None:
    code, out, err = outcome([sys.executable, "-c", _LOADED], files["utf8.txt"])
    assert (code, err) == (0, b"False\n")
    assert b'"title"' in out


def test_a_failure_is_reported_by_typer_as_in_the_app(files: dict[str, str]) -> None:
    code, out, err = outcome([sys.executable, "-c", _LOADED], files["missing"])
    assert (code, out) == (2, b"")
    assert err == f"outline: {files['missing']}: no such file\nTrue\n".encode()


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["-"], ["utf8.txt", "--format", "text"], ["a.txt", "b.txt"]],
    ids=["version", "help", "stdin", "option", "two_files"],
)
def test_any_other_command_line_is_the_apps(files: dict[str, str], args: list[str]) -> None:
    folder = Path(files["utf8.txt"]).parent
    code, _, err = outcome([sys.executable, "-c", _LOADED], *args, cwd=folder)
    assert err.endswith(b"True\n"), (code, err)
    assert outcome(COMMAND, *args, cwd=folder) == outcome(APP, *args, cwd=folder)


def test_a_shell_asking_for_completions_gets_the_app(files: dict[str, str]) -> None:
    env = {"PATH": "/usr/bin:/bin", "_OUTLINE_COMPLETE": "bash_complete"}
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, files["utf8.txt"]], capture_output=True, env=env
    )
    assert done.stderr.endswith(b"True\n")


@pytest.mark.slow
def test_a_reader_that_leaves_early_ends_both_quietly(tmp_path: Path) -> None:
    """More JSON than a pipe holds: the reader closes the pipe after a few bytes."""
    long = tmp_path / "长篇.txt"
    long.write_text(SPEECH * 60, encoding="utf-8")
    for command in (APP, COMMAND):
        with subprocess.Popen(
            [*command, str(long)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process:
            assert process.stdout is not None and process.stderr is not None
            assert process.stdout.read(16).startswith(b"{")
            process.stdout.close()
            err = process.stderr.read()
            assert (process.wait(), err) == (0, b""), command
