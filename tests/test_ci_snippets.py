"""The ready-made CI use runs: the README's GitHub Actions command and the pre-commit hooks
(`.pre-commit-hooks.yaml` with the README's `args`), each run the way its runner would."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from tests.conftest import ROOT

runner = CliRunner()

SPEECHES = {
    "全区工作会议.txt": "区长在全区工作会议上的讲话\n一、回顾过去一年\n二、部署今年任务\n",
    "专题/作风建设.txt": "在作风建设推进会上的讲话\n一、提高站位\n一是以上率下。二是严督实查。\n",
}


def readme_blocks(language: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)


def hooks() -> dict[str, dict[str, str]]:
    """`.pre-commit-hooks.yaml` read without a YAML library: a list of flat `key: value` maps."""
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.lstrip("- ").partition(":")
        if line.startswith("- "):
            current = {}
        current[key.strip()] = value.strip()
        if key.strip() == "id":
            found[value.strip()] = current
    return found


def console_command(argv: list[str]) -> list[str]:
    """The arguments after `outline`, checking that `outline` is the installed script."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert scripts["scripts"][argv[0]] == "extractor.cli:app"
    return argv[1:]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's repository: speeches/ and no outlines yet; the working folder."""
    for name, text in SPEECHES.items():
        path = tmp_path / "speeches" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_github_actions_job_runs_the_check(repo: Path) -> None:
    jobs = [block for block in readme_blocks("yaml") if "runs-on:" in block]
    assert len(jobs) == 1
    commands = [
        shlex.split(line.split("run:", 1)[1])
        for line in jobs[0].splitlines()
        if line.strip().startswith("- run: outline")
    ]
    assert commands == [["outline", "speeches/", "-o", "outlines/", "--check"]]
    args = console_command(commands[0])

    missing = runner.invoke(app, args)
    assert missing.exit_code == 1
    assert "outline: outlines/专题/作风建设.json: missing" in missing.stderr

    assert runner.invoke(app, [a for a in args if a != "--check"]).exit_code == 0
    assert runner.invoke(app, args).exit_code == 0

    (repo / "speeches" / "全区工作会议.txt").write_text("一、只剩一条\n", encoding="utf-8")
    stale = runner.invoke(app, args)
    assert stale.exit_code == 1
    assert stale.stderr.startswith("outline: outlines/全区工作会议.json: stale")


def test_the_pre_commit_hooks_run_with_the_readme_args(repo: Path) -> None:
    configs = [block for block in readme_blocks("yaml") if "hooks:" in block]
    assert len(configs) == 1
    hook_id = re.search(r"- id: (\S+)", configs[0])
    args_line = re.search(r"args: \[(.*)\]", configs[0])
    assert hook_id and args_line
    user_args = [a.strip() for a in args_line.group(1).split(",")]
    defined = hooks()
    assert hook_id.group(1) in defined

    def run(hook: str) -> tuple[int, str]:
        entry = defined[hook]
        assert entry["language"] == "python" and entry["pass_filenames"] == "false"
        assert re.search(entry["files"], "speeches/a.txt")
        result = runner.invoke(app, console_command(shlex.split(entry["entry"])) + user_args)
        return result.exit_code, result.stderr

    code, stderr = run("outline-check")
    assert code == 1 and "missing" in stderr
    assert run("outline")[0] == 0
    code, stderr = run("outline")
    assert code == 0 and "(0 written, 2 unchanged)" in stderr  # a second run touches nothing
    assert sorted(p.relative_to(repo).as_posix() for p in (repo / "outlines").rglob("*.json")) == [
        "outlines/专题/作风建设.json",
        "outlines/全区工作会议.json",
    ]
    assert run("outline-check")[0] == 0
