"""batch_probe: how much of what two cores give do the batch's workers get?

    python bench/batch_probe.py [rounds]

The `batch` figure of run.py sets `--jobs 2` against `--jobs 1`, and on a shared machine two
processes do not always get two cores. This probe separates the batch's own cost from the
machine's: it writes the bench's 200 speeches to a folder, then alternates, `rounds` times
(default 10):

  one      one forked process converting and writing every file (the reference)
  pool     `batch.run` with two workers, as `outline DIR -o OUT --jobs 2` runs it (forks
           that take jobs from a pipe; a process pool where a thread forbids forking)
  forks    two plainly forked processes converting and writing half the files each
  parsing  one, then two forked processes only parsing the texts (no files)

and prints the median of one / pool, one / forks and, for parsing, one / two. The pool's figure
close to the forks' means the workers' machinery costs nothing the machine does not.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from run import forked, outline_all, speech  # noqa: E402

from extractor import batch  # noqa: E402
from extractor.render import RenderOptions  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    options = RenderOptions()
    with tempfile.TemporaryDirectory(prefix="outline-probe-") as tmp:
        folder, out = Path(tmp) / "speeches", Path(tmp) / "out"
        folder.mkdir()
        rng = random.Random(60)
        texts = [speech(rng) for _ in range(200)]
        for i, text in enumerate(texts):
            (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")

        def jobs() -> list[batch.Job]:
            shutil.rmtree(out, ignore_errors=True)
            return batch.plan([str(folder)], out)[0]

        def pool() -> float:
            planned = jobs()
            t0 = time.perf_counter()
            batch.run(planned, options, 2, write=True)
            return time.perf_counter() - t0

        outline_all(texts[:5])  # warm up before the forks, which inherit it
        ratios: dict[str, list[float]] = {"pool": [], "forks": [], "parsing": []}
        for _ in range(rounds):
            one = forked(batch.convert_and_store_all, [(jobs(), options)])
            ratios["pool"].append(one / pool())
            planned = jobs()
            halves = [(planned[0::2], options), (planned[1::2], options)]
            ratios["forks"].append(one / forked(batch.convert_and_store_all, halves))
            parse_one = forked(outline_all, [(texts,)])
            parse_two = forked(outline_all, [(texts[0::2],), (texts[1::2],)])
            ratios["parsing"].append(parse_one / parse_two)
    for name, values in ratios.items():
        shown = " ".join(f"{v:.2f}" for v in values)
        print(f"{name:<8} median {statistics.median(values):.2f}×  ({shown})")


if __name__ == "__main__":
    main()
