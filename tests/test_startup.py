"""What a run of `outline` imports: only what it uses (issue: start-up in a tenth of a second).

Each case runs the command line's app in a fresh interpreter, as `outline` does, and reads
the modules loaded when it has finished. Modules, not time: a module that is not imported
costs nothing on any machine.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SPEECH = (
    "在全县经济工作会议上的讲话\n"
    "同志们：\n"
    "一、过去一年的工作\n"
    "全年地区生产总值增长6.5%，新增就业岗位1200个。\n"
    "二、今年的主要任务\n"
    "（一）抓好项目建设。一是压实责任，二是强化督导。\n"
    "（二）持续改善民生。\n"
    "同志们，让我们共同努力！\n"
)

# Runs the app with the given arguments; prints its output on one line, the modules loaded on
# the next, then the patterns `regex` parsed (it keeps each in its cache; a pattern built from
# its program in extractor/_programs.py is not parsed, nor cached).
_PROBE = """
import io, sys
sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
from extractor.cli import app
try:
    app(sys.argv[1:], prog_name="outline")
except SystemExit as e:
    assert not e.code, e.code
sys.stdout.flush()
out = sys.stdout.buffer.getvalue()
sys.stdout = sys.__stdout__
print(out.decode("utf-8").replace(chr(10), " "))
print(" ".join(sorted(sys.modules)))
main = sys.modules.get("regex._main")
print(repr([key[0] for key in main._cache] if main else []))
"""

PYDANTIC = ("pydantic", "pydantic_core", "schemas.outline", "schemas.flat")
PIPELINE = ("regex", "extractor.pipeline", "extractor.boilerplate", "extractor.lexicon")


def run(*args: str) -> tuple[str, set[str]]:
    """The app's standard output and the modules loaded after it ran with `args`."""
    out, modules, _ = run_parsed(*args)
    return out, modules


def run_parsed(*args: str) -> tuple[str, set[str], list[str]]:
    """The app's standard output, the modules loaded and the patterns `regex` parsed."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    out, modules, parsed = done.stdout.rstrip("\n").split("\n")
    return out, set(modules.split()), ast.literal_eval(parsed)


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return [n for n in names if n in modules or any(m.startswith(n + ".") for m in modules)]


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    return path


def test_outline_file_builds_no_model_and_detects_no_encoding(speech: Path) -> None:
    out, modules = run(str(speech))
    outline = json.loads(out)
    assert [s["title"] for s in outline["sections"]] == ["过去一年的工作", "今年的主要任务"]
    assert outline["achievements"] and outline["achievements"][0]["metrics"]
    assert "extractor.pipeline" in modules  # the probe ran the pipeline
    assert loaded(modules, PYDANTIC) == []
    assert loaded(modules, ("charset_normalizer",)) == []
    assert loaded(modules, ("rich",)) == []
    # The digest and the JSON strings come from the interpreter's builtins (_sha256, _json):
    # neither OpenSSL (hashlib) nor the json package is loaded.
    assert loaded(modules, ("_hashlib", "json")) == []


def test_outline_file_parses_no_pattern(speech: Path) -> None:
    """Every pattern the run needs is built from its program (extractor/_programs.py): parsing
    the patterns took `regex` longer than outlining the speech."""
    _, modules, parsed = run_parsed(str(speech))
    assert "regex._regex" in modules
    assert parsed == [], "run: .venv/bin/python tools/gen_programs.py"
    # Nor is `regex`'s parser loaded: the programs need only its C part.
    assert loaded(modules, ("regex._main", "regex._regex_core")) == []


# Outlines the speech on standard input with every derivation from a pattern's parse recorded
# (its triggers, their reaches, its openers, skeleton, lead and widest match); prints the
# patterns derived.
_DERIVED_PROBE = """
import sys
from extractor import triggers
derived = []
for name in ("derive", "derive_reaches", "derive_openers", "derive_skeleton", "derive_lead",
             "derive_widest"):
    real = getattr(triggers, name)
    setattr(triggers, name, lambda pattern, real=real: derived.append(pattern) or real(pattern))
from extractor.pipeline import parse_json
parse_json(sys.stdin.read())
print(repr(derived))
"""


def test_outline_file_derives_no_trigger() -> None:
    """What a run asks about every pattern (triggers, reaches, openers, skeletons, leads,
    widths) is in extractor/_triggers.py: deriving it parses the pattern with `re`'s parser,
    in Python, on every run."""
    done = subprocess.run(
        [sys.executable, "-c", _DERIVED_PROBE],
        input=SPEECH,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert ast.literal_eval(done.stdout) == [], "run: .venv/bin/python tools/gen_triggers.py"


def test_the_jsonl_line_builds_no_model_either(speech: Path) -> None:
    out, modules = run(str(speech), "--jsonl")
    assert json.loads(out)["title"]["text"] == "在全县经济工作会议上的讲话"
    assert loaded(modules, PYDANTIC) == []


def test_a_file_that_is_not_utf8_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(SPEECH.encode("gb18030"))
    out, modules = run(str(path))
    assert json.loads(out)["source"]["encoding"] == "gb18030"
    assert "charset_normalizer" in modules
    assert loaded(modules, PYDANTIC) == []


def test_a_view_built_from_the_model_imports_it(speech: Path) -> None:
    out, modules = run(str(speech), "--flat")
    assert json.loads(out)["nodes"]
    assert loaded(modules, ("pydantic", "schemas.outline", "schemas.flat")) == [
        "pydantic",
        "schemas.outline",
        "schemas.flat",
    ]


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_import_no_pipeline(flag: str) -> None:
    out, modules = run(flag)
    assert out.startswith("Usage: outline" if flag == "--help" else "outline ")
    assert "typer" in modules
    assert loaded(modules, PIPELINE) == []
    assert loaded(modules, PYDANTIC) == []
    assert loaded(modules, ("rich", "importlib.metadata")) == []
