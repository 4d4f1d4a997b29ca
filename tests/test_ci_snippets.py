"""The ready-made CI use runs: the README's GitHub Actions command and the pre-commit hooks
(`.pre-commit-hooks.yaml` with the README's `args`), each run the way its runner would."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
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
    assert scripts["scripts"][argv[0]] == "extractor.__main__:main"
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
        for changed in ("speeches/a.txt", "speeches/b.docx", "outlines/a.json"):
            assert re.search(entry["files"], changed), changed
        result = runner.invoke(app, console_command(shlex.split(entry["entry"])) + user_args)
        return result.exit_code, result.stderr

    code, stderr = run("outline-check")
    assert code == 1 and "missing" in stderr
    # Writing new outlines fails the hook, as writing changed ones does: the commit stops
    # until they are added.
    code, stderr = run("outline")
    assert code == 1 and "(2 written, 0 unchanged)" in stderr
    code, stderr = run("outline")
    assert code == 0 and "(0 written, 2 unchanged)" in stderr  # a second run touches nothing
    assert sorted(p.relative_to(repo).as_posix() for p in (repo / "outlines").rglob("*.json")) == [
        "outlines/专题/作风建设.json",
        "outlines/全区工作会议.json",
    ]
    assert run("outline-check")[0] == 0
    (repo / "speeches" / "全区工作会议.txt").write_text("一、只剩一条\n", encoding="utf-8")
    code, stderr = run("outline")
    assert code == 1 and "(1 written, 1 unchanged)" in stderr


# --- the snippets run by their own runners -------------------------------------------------


def snapshot(dest: Path) -> Path:
    """This checkout's files as they are now (tracked and new, not ignored), copied to `dest`:
    what a user's runner would fetch, built outside the checkout so that no build files land
    in it."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "测试",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "测试",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def committed(path: Path) -> str:
    """`path` made a git repository with everything in it committed; the commit's SHA."""
    git(path, "init", "-q")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "snapshot")
    return git(path, "rev-parse", "HEAD")


def speeches_in(repo: Path) -> None:
    from tests.docx_build import Para, Speech

    for name, text in SPEECHES.items():
        path = repo / "speeches" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    docx = Speech(paras=(Para("在全镇防汛工作部署会上的讲话"), Para("一、压实责任")))
    (repo / "speeches" / "防汛.docx").write_bytes(docx.docx())


@pytest.mark.slow
def test_the_github_actions_steps_run_as_a_script_offline(tmp_path: Path) -> None:
    """The job's `run:` steps, in order, in a fresh environment: pip installs from a copy of
    this checkout instead of the git URL, and from nothing but what is installed here
    (`--no-index`: offline); everything else runs as written."""
    job = next(block for block in readme_blocks("yaml") if "runs-on:" in block)
    steps = [line.split("run:", 1)[1].strip() for line in job.splitlines() if "- run:" in line]
    assert steps[0] == "python -m pip install -U pip"
    source = snapshot(tmp_path / "outline-src")
    script = ["set -e"]
    for step in steps:
        if "pip install" in step:
            step = step.replace("python -m pip", "pip").replace(
                "pip install", "python -m pip install --no-index", 1
            )
        if "git+https://" in step:
            step = re.sub(
                r'"outline-extractor @ git\+\S+"', f'"outline-extractor @ {source.as_uri()}"', step
            )
            step += " --no-deps --no-build-isolation --force-reinstall"
        script.append(step)
    # A venv whose own site-packages is empty: the dependencies come from this environment's.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next((venv / "lib").glob("python*/site-packages"))
    (site / "_this_environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "work"
    speeches_in(work)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env.pop("VIRTUAL_ENV", None)

    def job_run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-c", "\n".join(script)], cwd=work, env=env, capture_output=True, text=True
        )

    first = job_run()
    assert first.returncode == 1, first.stderr
    assert "outline: outlines/全区工作会议.json: missing" in first.stderr
    assert (venv / "bin" / "outline").exists()  # installed into the job's environment
    subprocess.run(
        [str(venv / "bin" / "outline"), "speeches/", "-o", "outlines/", "-q"],
        cwd=work,
        env=env,
        check=True,
    )
    assert sorted(p.name for p in (work / "outlines").rglob("*.json")) == [
        "作风建设.json",
        "全区工作会议.json",
        "防汛.json",
    ]
    second = job_run()
    assert second.returncode == 0, second.stderr


@pytest.mark.slow
def test_pre_commit_runs_both_hooks_in_a_temporary_repository(tmp_path: Path) -> None:
    """pre-commit itself, in a user's repository configured with the README's snippet, with
    this checkout (a committed copy) as the hooks' repository: new outlines, a .docx speech,
    a clean tree, a changed speech."""
    pre_commit = Path(sys.executable).parent / "pre-commit"
    assert pre_commit.exists(), "pre-commit is a dev dependency"
    hooks_repo = snapshot(tmp_path / "outline-src")
    rev = committed(hooks_repo)
    config = next(block for block in readme_blocks("yaml") if "hooks:" in block)
    config = re.sub(r"repo: \S+", f"repo: {hooks_repo}", config)
    config = re.sub(r"rev: .*", f"rev: {rev}", config)
    args = re.search(r"args: \[.*\]", config)
    assert args
    config += f"      - id: outline\n        {args.group(0)}\n"
    user = tmp_path / "user"
    speeches_in(user)
    (user / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    committed(user)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "CI": "true"}

    def pre_commit_run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(pre_commit), "run", "--all-files", "--color", "never"],
            cwd=user,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    new = pre_commit_run()
    assert new.returncode == 1, new.stdout + new.stderr
    assert "outlines/防汛.json: missing" in new.stdout
    assert "(3 written, 0 unchanged)" in new.stdout
    assert (user / "outlines" / "防汛.json").exists()
    clean = pre_commit_run()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    (user / "speeches" / "全区工作会议.txt").write_text("一、只剩一条\n", encoding="utf-8")
    changed = pre_commit_run()
    assert changed.returncode == 1, changed.stdout
    assert "outlines/全区工作会议.json: stale" in changed.stdout
    assert "(1 written, 2 unchanged)" in changed.stdout
    assert pre_commit_run().returncode == 0
