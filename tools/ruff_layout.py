"""The layout `ruff format` gives a generated module, shared by the generators in tools/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# The repository: ruff reads its settings (pyproject.toml) from here.
ROOT = Path(__file__).resolve().parent.parent


def formatted(source: str, target: Path) -> str:
    """`source` as `ruff format` lays it out for `target` (the check CI runs on the package)."""
    ruff = Path(sys.executable).parent / "ruff"
    done = subprocess.run(
        [str(ruff) if ruff.exists() else "ruff", "format", "--stdin-filename", str(target), "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout
