"""bench/run.py keeps working: a smoke run exits 0 and prints every figure. No timings asserted."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

# Seconds each: the default run keeps them; `pytest -m "not slow"` is the fast loop.
pytestmark = pytest.mark.slow

FIGURES = (
    "floor",
    "linear time",
    "linear memory",
    "peak memory",
    "ceiling",
    "batch",
    "files",
    "startup",
)


def bench(script: str, *args: str) -> str:
    """The standard output of a script in bench/, which must exit 0."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_bench_smoke_run_prints_every_figure() -> None:
    out = bench("run.py", "--smoke")
    assert out.startswith("machine: ")
    lines = out.splitlines()
    for name in FIGURES:
        assert any(line.startswith(f"{name} ") for line in lines), (name, out)
    # Every figure line carries its value and a verdict: PASS or MISS against its target, INFO
    # for a figure reported without one, SKIP when not measured.
    figures = [line for line in lines if line.startswith(tuple(f"{n} " for n in FIGURES))]
    verdicts = (" PASS", " MISS", " INFO", " SKIP")
    assert all("×" in line and any(v in line for v in verdicts) for line in figures)
    assert any(" INFO" in line and "model" in line for line in figures)


def test_batch_probe_runs_and_prints_its_three_medians() -> None:
    lines = bench("batch_probe.py", "1").splitlines()
    assert [line.split()[0] for line in lines] == ["pool", "forks", "parsing"]
    assert all("median" in line and "×" in line for line in lines)


def test_bench_only_measures_the_figures_asked_for() -> None:
    lines = bench("run.py", "--smoke", "--only", "floor").splitlines()
    figures = [line.split()[0] for line in lines if "×" in line]
    assert figures and set(figures) == {"floor"}
