"""bench: how fast `outline` is, as ratios measured in one run.

    python bench/run.py            # every figure (a few minutes)
    python bench/run.py --smoke    # the same figures on tiny inputs, in seconds (CI)
    python bench/run.py --only startup   # one figure (repeatable)
    OUTLINE_BENCH_CMD="python -m extractor" python bench/run.py   # another command line
    OUTLINE_BENCH_BEFORE="../main/.venv/bin/outline" python bench/run.py --only startup
                                   # the start-up figures of another command in the same rounds

Figures, each printed with its target and PASS or MISS (INFO: no target):

  floor          `parse_json` over each text of a real-text mix (the shared corpus's texts
                 and wild texts, `../shared` beside the clone or $OUTLINE_SHARED; generated
                 speeches without it, and the output says which) vs the floor: the fastest
                 single `regex` pass that finds the same marker candidates (`FLOOR_PATTERN`);
                 beside it `parse()` and the model's JSON, the same pattern under `re`, and
                 the plain alternation of the shapes, for information
  linear time    time per byte at 10 KB and 10 MB, normalised to the 1 MB figure
  linear memory  tracemalloc peak per byte at 10 KB and 10 MB, normalised to the 1 MB figure
  peak memory    tracemalloc peak of parse + JSON on 10 MB, as a multiple of the file size,
                 and the peak RSS of `outline FILE` above a tiny file's run; the peak of
                 `parse(text)` is printed for information (the model is the output, held whole)
  ceiling        what two cores give on this machine now: the batch's speeches outlined in
                 one process vs split between two at once, no pool, no files
  batch          throughput of `outline DIR -o OUT --jobs 2` vs `--jobs 1` on 200 speeches, as
                 a share of the ceiling measured in the same rounds (see `batch_figures`):
                 timed by the command's own summary line (start-up, the same for both, is the
                 `startup` figure)
  startup        wall time of `outline FILE`, `outline --help` and `outline --version` vs
                 `python -c pass`: the interpreter alone

Generated speeches come from a seeded RNG (title, 同志们：, a review paragraph with 一是/二是,
一、（一）1.（1） headings, enumerations inside paragraphs, a closing), so every run measures
the same text and the text is not one block repeated.

Timings are ratios of neighbours (see `paired`): on a shared machine the clock moves from one
second to the next, and a ratio of two runs taken back to back moves far less than either.

Not a test: CI runs `--smoke` only to keep the script working; the suite asserts no timings.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import regex  # noqa: E402

from extractor import parse, parse_json  # noqa: E402
from extractor.decode import Decoded  # noqa: E402
from extractor.emit import json_pieces  # noqa: E402
from extractor.pipeline import outline_json  # noqa: E402

KB = 1000
MB = 1000 * KB

# ---------------------------------------------------------------------------------------------
# Generated speeches

_HAN = "一二三四五六七八九十"
_ROLES = ("区委书记", "县委书记", "市委书记", "区长", "县长", "市长", "市委副书记", "区委副书记")
_SCOPES = ("全区", "全县", "全市", "全镇")
_TOPICS = (
    "优化营商环境",
    "安全生产",
    "乡村振兴",
    "党风廉政建设",
    "经济工作",
    "招商引资",
    "城市更新",
    "生态环境保护",
    "基层党建",
    "民生实事",
    "防汛抗旱",
    "项目建设",
)
_MEETINGS = ("工作会议", "推进会", "动员部署会", "专题会议", "工作大会", "攻坚推进会", "调度会")
_MODS = ("全面", "切实", "持续", "进一步", "扎实", "着力", "大力", "坚定不移地")
_VERBS = ("加强", "深化", "推进", "强化", "完善", "健全", "落实", "提升", "压实", "优化", "规范")
_OBJECTS = (
    "组织领导",
    "责任体系",
    "工作机制",
    "要素保障",
    "基层治理",
    "营商环境",
    "干部队伍建设",
    "风险防控",
    "重点项目建设",
    "民生保障",
    "“放管服”改革",
    "作风建设",
    "监督检查",
    "统筹调度",
    "宣传引导",
)
_CLAUSES = (
    "确保各项任务落到实处",
    "推动工作取得新成效",
    "切实把思想和行动统一到上级决策部署上来",
    "形成上下联动、齐抓共管的工作格局",
    "以钉钉子精神抓好贯彻落实",
    "不断增强人民群众的获得感、幸福感、安全感",
    "坚决守住不发生系统性风险的底线",
    "为高质量发展提供坚强保障",
    "努力交出一份让群众满意的答卷",
)
_FACTS = (
    "全年完成地区生产总值{a}.{b}亿元，同比增长{c}.{d}%",
    "新开工重点项目{n}个，完成投资{a}.{b}亿元",
    "新增市场主体{n}户，其中企业{m}户",
    "办理民生实事{n}件，群众满意率达到{c}.{d}%",
    "整改问题{n}个，追回资金{a}万元",
)


def numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (up to 99)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _HAN[tens - 1] + "十")
    return head + ("" if ones == 0 else _HAN[ones - 1])


def _phrase(rng: random.Random) -> str:
    return rng.choice(_MODS) + rng.choice(_VERBS) + rng.choice(_OBJECTS)


def _sentence(rng: random.Random) -> str:
    parts = [_phrase(rng) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        fact = rng.choice(_FACTS).format(
            a=rng.randint(1, 999),
            b=rng.randint(0, 9),
            c=rng.randint(1, 30),
            d=rng.randint(0, 9),
            n=rng.randint(2, 500),
            m=rng.randint(1, 200),
        )
        parts.append(fact)
    return "，".join(parts) + "，" + rng.choice(_CLAUSES) + "。"


def _enumeration(rng: random.Random, verb: str) -> str:
    """A paragraph with 一是…二是… (or 一要…, 第一，…) inside it."""
    count = rng.randint(2, 5)
    style = rng.choice(("是", "是", "是", "要", "第"))
    out = [_sentence(rng)[:-1] + "：" if rng.random() < 0.5 else _sentence(rng)]
    for i in range(1, count + 1):
        lead = f"第{numeral(i)}，" if style == "第" else numeral(i) + style
        out.append(
            lead + rng.choice((verb, *_VERBS)) + rng.choice(_OBJECTS) + "。" + _sentence(rng)
        )
    return "".join(out)


def speech(rng: random.Random) -> str:
    """One speech of roughly 3,000–8,000 characters."""
    scope, topic, meeting = rng.choice(_SCOPES), rng.choice(_TOPICS), rng.choice(_MEETINGS)
    lines = [
        f"{rng.choice(_ROLES)}在{scope}{topic}{meeting}上的讲话",
        f"（{2018 + rng.randint(0, 7)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日）",
        "同志们：",
        f"　　今天，我们召开{scope}{topic}{meeting}，主要任务是总结工作、分析形势、部署任务。"
        + _sentence(rng)
        + "下面，我讲几点意见。",
        "　　过去一年，" + _enumeration(rng, rng.choice(_VERBS)),
    ]
    for i in range(1, rng.randint(3, 6) + 1):
        lines.append(f"{numeral(i)}、{_phrase(rng)}，{rng.choice(_CLAUSES)}")
        for j in range(1, rng.randint(2, 4) + 1):
            head = f"（{numeral(j)}）{_phrase(rng)}。"
            if rng.random() < 0.5:
                lines.append("　　" + head + _sentence(rng))
            else:
                lines.append("　　" + head)
                lines.append("　　" + _enumeration(rng, rng.choice(_VERBS)))
            if rng.random() < 0.3:
                for k in range(1, rng.randint(2, 3) + 1):
                    dot = rng.choice(("．", ".", "、"))
                    lines.append(f"　　{k}{dot}{_phrase(rng)}。{_sentence(rng)}")
                    if rng.random() < 0.3:
                        for p in range(1, 3):
                            lines.append(f"　　（{p}）{_phrase(rng)}。{_sentence(rng)}")
    lines.append(
        "　　同志们，"
        + _sentence(rng)
        + f"让我们{_phrase(rng)}，为{scope}高质量发展作出新的更大贡献！谢谢大家。"
    )
    return "\n".join(lines) + "\n"


def speeches_of_size(size: int, seed: int = 6) -> str:
    """Speeches concatenated up to `size` UTF-8 bytes, cut at a line break."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        s = speech(rng)
        parts.append(s)
        total += len(s.encode("utf-8"))
    data = "".join(parts).encode("utf-8")[:size]
    cut = data.rfind(b"\n")
    return data[: cut + 1 if cut > 0 else size].decode("utf-8", errors="ignore")


# ---------------------------------------------------------------------------------------------
# The floor: the fastest single pass that finds the marker candidates, on the raw text

_N = "一二三四五六七八九十"
# What a marker can start with, then the shapes, told apart by a look-behind at that first
# character: the engine skips to the next candidate character and tries only what can follow
# it. The same candidates as the plain alternation of the shapes (`SHAPES`, which tries seven
# alternatives at every position), found several times faster.
FLOOR_PATTERN = (
    rf"[{_N}(（0-9０-９\u2460-\u2473第其](?:"
    rf"(?<=[{_N}])(?:[{_N}]{{0,2}}、|[{_N}]?[是要])"  # 一、 十二、 一是 一要
    rf"|(?<=[(（])(?:[{_N}]{{1,3}}|[0-9０-９]{{1,2}})[)）]"  # （一） （1）
    rf"|(?<=[0-9０-９])[0-9０-９]?[.．、]"  # 1. 1． 1、
    rf"|(?<=[\u2460-\u2473])"  # ①
    rf"|(?<=[第其])[{_N}]{{1,2}}[，、：,:])"  # 第一， 其一，
)
FLOOR = regex.compile(FLOOR_PATTERN)
FLOOR_RE = re.compile(FLOOR_PATTERN)
"""The same pattern under the standard library's `re`: faster still, reported for
information (the pipeline needs `regex`'s \\p{Han} and named-group features)."""
SHAPES = regex.compile(
    "|".join(
        (
            rf"[{_N}]{{1,3}}、",
            rf"[(（][{_N}]{{1,3}}[)）]",
            r"[0-9０-９]{1,2}[.．、]",
            r"[(（][0-9０-９]{1,2}[)）]",
            r"[\u2460-\u2473]",
            rf"[{_N}]{{1,2}}[是要]",
            rf"[第其][{_N}]{{1,2}}[，、：,:]",
        )
    )
)


def floor_pass(texts: Sequence[str], pattern: Any = FLOOR) -> int:
    return sum(1 for text in texts for _ in pattern.finditer(text))


# ---------------------------------------------------------------------------------------------
# Real text: the shared corpus beside the clone, when it is there

SHARED = Path(os.environ.get("OUTLINE_SHARED", ROOT.parent / "shared")) / "corpus"
"""Where the shared corpus is: `../shared` beside the clone, or $OUTLINE_SHARED."""


def real_texts() -> list[str]:
    """The shared corpus's texts (gold and wild) that are UTF-8, in name order; [] without it."""
    texts = []
    for folder in (SHARED / "texts", SHARED / "wild"):
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                continue
    return texts


def parse_and_dump(text: str) -> int:
    """The text outlined and its JSON, as `outline FILE` writes it to stdout: written from the
    stages' records (`outline_json`) one top-level section at a time, and taken here as a
    stream takes it, each piece counted and dropped."""
    return sum(map(len, outline_json(Decoded.from_text(text))))


def parse_model(text: str) -> int:
    """`parse(text)`, the Python API: the outline as the pydantic model, no JSON."""
    return len(parse(text).sections)


def parse_model_and_dump(text: str) -> int:
    """`parse(text)` and the model's own JSON (`dump_json_bytes`, in its pieces): the same
    bytes as `parse_and_dump`, by way of the model."""
    return sum(map(len, json_pieces(parse(text))))


def _cpu(call: Callable[[], object]) -> float:
    gc.collect()
    t0 = time.process_time()
    call()
    return time.process_time() - t0


def paired(
    calls: dict[str, Callable[[], object]],
    reference: Callable[[], object],
    rounds: int,
    budget: float,
    clock: Callable[[Callable[[], object]], float] = _cpu,
) -> tuple[dict[str, float], dict[str, float], float]:
    """Each call's time over the reference's, as the median over rounds of ratios taken
    back to back: in a round the reference runs before each call and after the last, and a
    call is divided by the mean of the two runs around it. Returns the median ratios, the
    median time of each call and of the reference. `clock` times one call.

    By default CPU time of this process, not wall time: other processes barely move it. What
    still moves it on a shared machine (the clock speed, a neighbour's cache use) changes over
    seconds, so two minima taken from different moments can differ by 2×; a ratio of
    neighbours does not. At least `rounds` rounds, more while a round fits in what is left of
    `budget` seconds."""
    ratios: dict[str, list[float]] = {name: [] for name in calls}
    times: dict[str, list[float]] = {name: [] for name in calls}
    floors: list[float] = []
    spent = 0.0
    done = 0
    while done < rounds or (spent / done < budget - spent and done < 1000):
        before = clock(reference)
        floors.append(before)
        for name, call in calls.items():
            elapsed = clock(call)
            after = clock(reference)
            ratios[name].append(elapsed / ((before + after) / 2))
            times[name].append(elapsed)
            floors.append(after)
            spent += elapsed + after
            before = after
        spent += floors[-len(calls) - 1]
        done += 1
    median = statistics.median
    return (
        {name: median(r) for name, r in ratios.items()},
        {name: median(t) for name, t in times.items()},
        median(floors),
    )


def peak_memory(fn: Callable[[str], object], text: str) -> int:
    """Bytes allocated at the peak of one call, above what was allocated before it."""
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        fn(text)
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


# ---------------------------------------------------------------------------------------------
# Reporting


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    what: str
    value: float | None  # None: not measured
    target: str
    passed: bool | None
    note: str = ""


def report(fig: Figure) -> None:
    value = "—" if fig.value is None else f"{fig.value:.2f}×"
    verdict = {True: "PASS", False: "MISS", None: "SKIP" if fig.value is None else "INFO"}[
        fig.passed
    ]
    note = f"  ({fig.note})" if fig.note else ""
    print(f"{fig.name:<14}{fig.what:<62}{value:>9}  {fig.target:<12}{verdict}{note}", flush=True)


def within(ratio: float, bound: float) -> bool:
    return 1 / bound <= ratio <= bound


def size_name(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} KB"


# ---------------------------------------------------------------------------------------------
# Figures


def floor_figures(texts: Sequence[str], inputs: str, budget: float) -> list[Figure]:
    """`parse_json` over each text against the floor pass over the same texts; `parse()` with
    its JSON beside it; the floor's own speed, and `re`'s and the plain alternation's against
    it, for information."""
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    for text in texts[:20]:  # warm up: first-call imports and caches
        parse_json(text)
        parse_model_and_dump(text)
    ratios, times, floor = paired(
        {
            "json": lambda: [parse_json(t) for t in texts],
            "model+json": lambda: [parse_model_and_dump(t) for t in texts],
        },
        lambda: floor_pass(texts),
        5,
        budget,
    )
    others, _, _ = paired(
        {"re": lambda: floor_pass(texts, FLOOR_RE), "shapes": lambda: floor_pass(texts, SHAPES)},
        lambda: floor_pass(texts),
        3,
        budget / 10,
    )
    hits = floor_pass(texts)
    assert hits == floor_pass(texts, SHAPES), "the floor must find the shapes' candidates"
    where = f"{inputs}, {nbytes / MB:.1f} MB"
    figures = [
        Figure(
            "floor",
            f"parse_json / floor pass, {where}",
            ratios["json"],
            "≤ 8×",
            ratios["json"] <= 8,
            f"median {times['json'] * 1e3:.0f} ms vs {floor * 1e3:.0f} ms CPU, "
            f"{len(texts)} texts, {hits} candidates",
        ),
        Figure(
            "floor",
            f"parse() → model → JSON / floor pass, {where}",
            ratios["model+json"],
            "no target",
            None,
            f"median {times['model+json'] * 1e3:.0f} ms: the Python API's model and its JSON",
        ),
        Figure(
            "floor",
            "the floor pass (regex) against re on the same pattern",
            others["re"],
            "no target",
            None,
            f"regex {nbytes / floor / MB:.0f} MB/s; re takes {others['re']:.2f}× its time",
        ),
        Figure(
            "floor",
            "plain alternation of the shapes / the floor pass",
            others["shapes"],
            "no target",
            None,
            "the old floor: seven alternatives tried at every position",
        ),
    ]
    return figures


def linearity_figures(sizes: tuple[int, int, int], budget: float) -> list[Figure]:
    small, middle, large = sizes
    texts = {size: speeches_of_size(size) for size in sizes}
    nbytes = {size: len(text.encode("utf-8")) for size, text in texts.items()}
    parse_and_dump(texts[small])  # warm up
    # The small text is parsed as many times as it fits in the middle one, so that each timed
    # call does similar work; the sizes go round-robin, a few rounds (the large one takes
    # seconds a call).
    reps = {size: max(1, middle // size) for size in sizes}

    def repeated(text: str, n: int) -> Callable[[], object]:
        return lambda: [parse_and_dump(text) for _ in range(n)]

    # Each size against the middle one, timed around it: per byte, the ratio is then
    # reps[middle] / nbytes[middle] * nbytes[size] / reps[size] times the ratio of the calls.
    ratios, times, reference = paired(
        {str(size): repeated(texts[size], reps[size]) for size in (small, large)},
        repeated(texts[middle], reps[middle]),
        rounds=3,
        budget=budget,
    )
    per_byte_time = {size: times[str(size)] / reps[size] / nbytes[size] for size in (small, large)}
    per_byte_time[middle] = reference / reps[middle] / nbytes[middle]
    scale = {size: reps[middle] * nbytes[middle] / (reps[size] * nbytes[size]) for size in sizes}
    per_byte_memory = {
        size: peak_memory(parse_and_dump, texts[size]) / nbytes[size] for size in sizes
    }
    del texts
    figures = []
    for size in (small, large):
        ratio = ratios[str(size)] * scale[size]
        figures.append(
            Figure(
                "linear time",
                f"time per byte, {size_name(size)} / {size_name(middle)}",
                ratio,
                "within 1.3×",
                within(ratio, 1.3),
                f"{per_byte_time[size] * 1e9:.0f} ns/B vs {per_byte_time[middle] * 1e9:.0f} ns/B",
            )
        )
    for size in (small, large):
        ratio = per_byte_memory[size] / per_byte_memory[middle]
        figures.append(
            Figure(
                "linear memory",
                f"peak memory per byte, {size_name(size)} / {size_name(middle)}",
                ratio,
                "within 1.3×",
                within(ratio, 1.3),
                f"{per_byte_memory[size]:.1f} B/B vs {per_byte_memory[middle]:.1f} B/B",
            )
        )
    peak = per_byte_memory[large]
    figures.append(
        Figure(
            "peak memory",
            f"parse+JSON tracemalloc peak / size, {size_name(large)}",
            peak,
            "≤ 10×",
            peak <= 10,
            f"{peak * large / MB:.0f} MB above the allocations before the call",
        )
    )
    # The Python API returns the whole model, which is the size of the JSON it stands for: no
    # target, the figure says what holding it costs.
    model = peak_memory(parse_model, texts_for_model := speeches_of_size(large)) / len(
        texts_for_model.encode("utf-8")
    )
    figures.append(
        Figure(
            "peak memory",
            f"parse() → model tracemalloc peak / size, {size_name(large)}",
            model,
            "no target",
            None,
            "the model is the output: it is held whole",
        )
    )
    return figures


def outline_command() -> list[str]:
    """$OUTLINE_BENCH_CMD if set (split like a shell would), else the installed `outline`
    script beside this interpreter, else `python -m extractor`."""
    if os.environ.get("OUTLINE_BENCH_CMD"):
        return shlex.split(os.environ["OUTLINE_BENCH_CMD"])
    script = Path(sys.executable).parent / "outline"
    if script.exists():
        return [str(script)]
    found = shutil.which("outline")
    return [found] if found else [sys.executable, "-m", "extractor"]


def _wall(call: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    call()
    return time.perf_counter() - t0


def _quietly(cmd: list[str]) -> Callable[[], object]:
    return lambda: subprocess.run(
        cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wall_time(cmd: list[str]) -> float:
    return _wall(_quietly(cmd))


_MAXRSS = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def max_rss(cmd: list[str]) -> int:
    """Peak resident memory of `cmd` in bytes, measured by a fresh parent that runs only it."""
    out = subprocess.run([sys.executable, "-c", _MAXRSS, *cmd], capture_output=True, text=True)
    out.check_returncode()
    kib = int(out.stdout)
    return kib * 1024 if sys.platform != "darwin" else kib  # macOS reports bytes


def rss_figure(size: int, work: Path) -> Figure:
    """`outline FILE` on a large file: peak RSS above the same command on a tiny file."""
    big, tiny = work / "big.txt", work / "tiny.txt"
    big.write_text(speeches_of_size(size), encoding="utf-8")
    tiny.write_text("同志们：\n一、总体要求\n", encoding="utf-8")
    cmd = outline_command()
    nbytes = big.stat().st_size
    above = max_rss([*cmd, str(big)]) - max_rss([*cmd, str(tiny)])
    ratio = above / nbytes
    return Figure(
        "peak memory",
        f"outline FILE peak RSS above baseline / size, {size_name(size)}",
        ratio,
        "≤ 10×",
        ratio <= 10,
        f"{above / MB:.0f} MB above a tiny file's run",
    )


def outline_all(texts: list[str]) -> None:
    for text in texts:
        parse_and_dump(text)


def forked(target: Callable[..., object], parts: Sequence[tuple[Any, ...]]) -> float:
    """Wall time of one forked process per element of `parts`, each running `target(*part)`,
    all started together, until the last has ended."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    t0 = time.perf_counter()
    workers = [context.Process(target=target, args=args) for args in parts]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - t0


def batch_figures(count: int, work: Path, rounds: int) -> list[Figure]:
    """The ceiling and the batch, measured in the same rounds.

    ceiling: what two cores give on this machine, whatever the batch does: the batch's
    speeches outlined in one forked process, then split between two forked processes running
    at once, no pool and no files. A shared or throttled machine gives less than 2×; the batch
    cannot beat this.

    batch: `outline DIR -o OUT --jobs 2` against `--jobs 1`, timed by the command's own summary
    line (start-up, the same for both, is the `startup` figure), as a share of the ceiling.

    What two processes get on a shared machine moves from one second to the next (1.1× to 2.1×
    seen here). Each round runs the ceiling's one process, the batch's --jobs 1, the ceiling's
    two processes and the batch's --jobs 2; a round's `two` is compared with the `one` before and
    after it (see `paired`), and its batch ratio is divided by its ceiling ratio, so that both
    are taken within the same second or two. The figures are the medians over the rounds."""
    ceiling_what = f"2 processes / 1, parsing only, {count} speeches"
    what = f"--jobs 2 / --jobs 1 throughput, share of ceiling, {count} speeches"
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        reason = "no fork on this platform"
        return [
            Figure("ceiling", ceiling_what, None, "no target", None, reason),
            Figure("batch", what, None, "≥ 0.9×", None, reason),
        ]
    cmd = outline_command()
    help_text = subprocess.run([*cmd, "--help"], capture_output=True, text=True).stdout
    if "--jobs" not in help_text:
        print("batch: skipped (no --jobs)", flush=True)
        return [Figure("batch", what, None, "≥ 0.9×", None, "no --jobs")]
    rng = random.Random(60)
    texts = [speech(rng) for _ in range(count)]
    folder = work / "speeches"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    quiet = ["--quiet"] if "--quiet" in help_text else []
    outline_all(texts[:5])  # warm up before the forks, which inherit it
    one_part, halves = [(texts,)], [(texts[::2],), (texts[1::2],)]
    walls: dict[int, list[float]] = {1: [], 2: []}
    ceilings: dict[int, list[float]] = {1: [], 2: []}
    batches: dict[int, list[float]] = {1: [], 2: []}

    outs: list[Path] = []

    def batch(jobs: int) -> float | str:
        """The batch's own seconds, or why it failed. Each run writes a new folder: deleting the
        last run's 200 files slows creating the next run's on some disks (ext4 on a VM here,
        from 0.1 to 0.7 ms a file), which measures the bench's clean-up, not the batch."""
        out = work / f"out{len(outs)}"
        outs.append(out)
        run = [*cmd, str(folder), "-o", str(out), "--jobs", str(jobs), *quiet]
        t0 = time.perf_counter()
        done = subprocess.run(run, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - t0
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
            return f"exit {done.returncode}: {reason}"
        walls[jobs].append(elapsed)
        # The summary's "… in 1.23 s"; a command without one is timed by the wall clock.
        summary = _BATCH_SECONDS.search(done.stderr)
        return float(summary.group(1)) if summary else elapsed

    for last in [False] * rounds + [True]:
        for jobs in (1, 2)[: 1 if last else 2]:
            ceilings[jobs].append(forked(outline_all, one_part if jobs == 1 else halves))
            seconds = batch(jobs)
            if isinstance(seconds, str):
                return [Figure("batch", what, None, "≥ 0.9×", False, seconds)]
            batches[jobs].append(seconds)
    written = len(list(outs[-2].rglob("*.json")))  # the last --jobs 2
    for out in outs:
        shutil.rmtree(out)
    # Throughput is speeches per second: two's over one's is t(one) / t(two).
    ceiling_ratios = _around(ceilings[1], ceilings[2])
    batch_ratios = _around(batches[1], batches[2])
    median = statistics.median
    share = median(b / c for b, c in zip(batch_ratios, ceiling_ratios, strict=True))
    ceiling, ratio = median(ceiling_ratios), median(batch_ratios)
    one, two = median(batches[1]), median(batches[2])
    return [
        Figure(
            "ceiling",
            ceiling_what,
            ceiling,
            "no target",
            None,
            f"median {median(ceilings[1]) * 1e3:.0f} ms in one process vs "
            f"{median(ceilings[2]) * 1e3:.0f} ms in two, {rounds} rounds, {os.cpu_count()} cpus",
        ),
        Figure(
            "batch",
            what,
            share,
            "≥ 0.9×",
            share >= 0.9 and written == count,
            f"median of {rounds} rounds' batch ratio / ceiling ratio; medians {ratio:.2f}× and "
            f"{ceiling:.2f}×; --jobs 2 {count / two:.0f}/s vs --jobs 1 {count / one:.0f}/s in "
            f"the batch; wall clock with start-up {median(_around(walls[1], walls[2])):.2f}×; "
            f"{written} JSON written, {os.cpu_count()} cpus",
        ),
        files_figure(count, work, 5),
    ]


def write_files(folder: Path, names: Sequence[str], own: bool) -> None:
    """Write each named file in `folder`, empty, as a batch's worker writes its outputs: through
    a temporary file in a folder of this process's own (`batch.Scratch`) with `own`, in
    `folder` itself without."""
    from extractor import batch

    with batch.Scratch() as scratch:
        for name in names:
            batch.write_atomic(folder / name, b"", scratch=scratch if own else None)


def files_figure(count: int, work: Path, rounds: int) -> Figure:
    """What the disk under the batch's output folder gives two processes writing files: `count`
    new files written into one folder by one forked process, then by two at once (half each),
    alternated; each through folders of their own for their temporary files, as the batch's
    workers write, and, in the note, with every temporary file in the shared folder.

    No target: it tells how to read the batch figure. Where creating a file holds a lock on its
    folder for a long while (up to 0.7 ms of kernel time a file on one VM here), two processes
    creating files in one folder get no more done than one (1.0× there); through folders of
    their own they got 1.8×–1.9×, and only their renames share the output folder's lock."""
    what = f"2 processes / 1, writing {count} files into one folder"
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return Figure("files", what, None, "no target", None, "no fork on this platform")
    names = [f"{i:03d}.json" for i in range(count)]
    times: dict[tuple[int, bool], list[float]] = {(j, o): [] for j in (1, 2) for o in (True, False)}
    runs = [(jobs, own) for _ in range(rounds) for own in (True, False) for jobs in (1, 2)]
    runs += [(1, True), (1, False)]
    folders = [work / f"files{i}" for i in range(len(runs))]
    for folder, (jobs, own) in zip(folders, runs, strict=True):
        # A new folder each time, all deleted at the end, as for the batch (see `batch_figures`).
        folder.mkdir()
        parts = [(folder, names)] if jobs == 1 else [(folder, names[::2]), (folder, names[1::2])]
        times[jobs, own].append(forked(write_files, [(*part, own) for part in parts]))
    for folder in folders:
        shutil.rmtree(folder)
    median = statistics.median
    ratio = {own: median(_around(times[1, own], times[2, own])) for own in (True, False)}
    one = median(times[1, True])
    return Figure(
        "files",
        what,
        ratio[True],
        "no target",
        None,
        f"each through a folder of its own, as the batch's workers; {ratio[False]:.2f}× with "
        f"their temporary files in the shared folder; median {one * 1e3:.0f} ms in one "
        f"process ({one / count * 1e6:.0f} µs a file, with the fork), in {work}",
    )


def _around(ones: list[float], twos: list[float]) -> list[float]:
    """For each run of two processes, the time one process took, on average in the runs just
    before and after it, over the time they took."""
    return [(ones[i] + ones[i + 1]) / 2 / t for i, t in enumerate(twos)]


_BATCH_SECONDS = regex.compile(r"\bin ([0-9]+(?:\.[0-9]+)?) s\s*$", regex.MULTILINE)


def startup_figures(runs: int, work: Path) -> list[Figure]:
    """Wall time of the commands people run most, against starting the interpreter alone
    (`python -c pass`), paired like the in-process figures: in a round the interpreter starts
    before each command and after the last, and a command is divided by the mean of the two
    starts around it, so that a noisy neighbour hits both alike. $OUTLINE_BENCH_BEFORE, when
    set, names another command (the code before a change) timed in the same rounds, for
    information."""
    path = work / "speech.txt"
    path.write_text(speech(random.Random(600)), encoding="utf-8")
    commands = {"": outline_command()}
    if os.environ.get("OUTLINE_BENCH_BEFORE"):
        commands["before: "] = shlex.split(os.environ["OUTLINE_BENCH_BEFORE"])
    baseline = [sys.executable, "-c", "pass"]
    uses: dict[str, list[str]] = {}
    for prefix, cmd in commands.items():
        uses[f"{prefix}outline FILE"] = [*cmd, str(path)]
        uses[f"{prefix}outline --help"] = [*cmd, "--help"]
        uses[f"{prefix}outline --version"] = [*cmd, "--version"]
    for argv in uses.values():
        wall_time(argv)  # warm the file cache and .pyc files
    ratios, times, python = paired(
        {name: _quietly(argv) for name, argv in uses.items()},
        _quietly(baseline),
        rounds=runs,
        budget=0,
        clock=_wall,
    )
    figures = []
    for name, ratio in ratios.items():
        info = name.startswith("before: ")
        figures.append(
            Figure(
                "startup",
                f"{name} / python -c pass (wall)",
                ratio,
                "no target" if info else "≤ 4×",
                None if info else ratio <= 4,
                f"median of {runs} paired: {times[name] * 1e3:.0f} ms vs {python * 1e3:.0f} ms",
            )
        )
    return figures


_FIGURES: Final = ("floor", "linear time", "peak memory", "ceiling", "batch", "startup")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--smoke", action="store_true", help="tiny inputs, a few seconds")
    ap.add_argument(
        "--only",
        action="append",
        choices=_FIGURES,
        metavar="FIGURE",
        help=f"measure only this figure (repeatable): {', '.join(_FIGURES)}",
    )
    args = ap.parse_args()
    if args.smoke:
        floor_size, sizes, count, runs, budget = 20 * KB, (2 * KB, 20 * KB, 200 * KB), 6, 2, 0.1
        rounds = 2  # the batch's
    else:
        floor_size, sizes, count, runs, budget = MB, (10 * KB, MB, 10 * MB), 200, 9, 20.0
        rounds = 15
    print(
        f"machine: {os.cpu_count()} cpus, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.platform()}, {platform.machine()}"
    )
    mix = real_texts()
    if mix:
        inputs = "real text"
        if args.smoke:
            mix = mix[:: max(1, len(mix) // 5)][:5]
        print(f"inputs: floor on real text, {len(mix)} texts of {SHARED}; the rest generated")
    else:
        inputs = "generated"
        rng = random.Random(6)
        mix = [speech(rng) for _ in range(max(1, floor_size // (15 * KB)))]
        print("inputs: generated speeches (no shared corpus beside the clone)")
    if args.smoke:
        print("smoke run: tiny sizes, figures not meaningful")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="outline-bench-") as tmp:
        work = Path(tmp)
        figures: list[tuple[str, Callable[[], Figure | list[Figure]]]] = [
            ("floor", lambda: floor_figures(mix, inputs, budget / 2)),
            ("linear time", lambda: linearity_figures(sizes, budget)),
            ("peak memory", lambda: rss_figure(sizes[-1], work)),
            # The batch is measured against the ceiling in the same rounds: one asks for both.
            ("ceiling", lambda: batch_figures(count, work, rounds)),
            ("startup", lambda: startup_figures(runs, work)),
        ]
        for name, measure in figures:
            asked = set(args.only or ())
            if "batch" in asked:
                asked.add("ceiling")
            if asked and name not in asked:
                continue
            try:
                result = measure()
            except (OSError, subprocess.SubprocessError) as e:
                # One broken measurement (a command that fails) does not hide the others.
                print(f"{name:<14}failed: {e}", flush=True)
                failed += 1
                continue
            for fig in result if isinstance(result, list) else [result]:
                report(fig)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
