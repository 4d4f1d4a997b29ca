"""batch: inputs (files, folders) → planned jobs → outputs written or checked, and a summary.

A folder is searched recursively for files matching the glob (`*.txt` by default) and mirrored
under the output folder, each output named after its input with the format's suffix
(`speeches/a/b.txt` → `outlines/a/b.json`); a file named directly lands in the output folder by
its name. Hidden folders and files (a name starting with ".") and anything inside the output
folder are skipped.

Guarantees: a bad input never stops the batch and never costs another input its output; every
write is atomic (a temporary file in the output's folder, or in a worker's own hidden folder
inside it, then a rename); outputs are the same bytes
whatever the number of workers and the order of completion.

No parsing here: each job is `decode → pipeline → render`. With more than one worker, the workers
are forks of this process that take jobs from a pipe (a process pool only where forking is
unsafe); that machinery and the progress bar are imported only when a batch runs, so a
single-file run never loads them.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Final

from extractor.assemble import collector_paused
from extractor.decode import STDIN, read_input
from extractor.errors import ExtractorError
from extractor.pipeline import analyse
from extractor.render import RenderOptions, render_parsed

DEFAULT_GLOB: Final = ("*.txt", "*.docx")
"""Globs a folder is searched with when none is given; a new input format adds its own."""
FILES_PER_WORKER: Final = 64
"""Fewest files per worker process when --jobs is not given (one file takes ~10 ms, starting a
worker ~0.5 s)."""
CHUNK: Final = 16
"""Most files sent to a pool's worker at once, or reported back by a forked worker at once."""


@dataclass(frozen=True, slots=True)
class Job:
    """One input to convert, and where its output goes (None: into a stream)."""

    source: str
    target: Path | None


@dataclass(frozen=True, slots=True)
class Converted:
    """What a job produced: the output bytes, or why there are none."""

    source: str
    data: bytes | None
    reason: str | None = None
    stored: bool | None = None
    """Set when a worker wrote the output itself (then `data` is None): True when written,
    False when its target already held the same bytes."""


@dataclass(frozen=True, slots=True)
class Failure:
    """An input or output that went wrong, as `path: reason`."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class Report:
    """What a batch did, for the summary and the exit code."""

    written: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    stale: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed and not self.stale


# --- planning ------------------------------------------------------------------------------


def plan(
    paths: Sequence[str],
    out_dir: Path | None,
    globs: Sequence[str] = DEFAULT_GLOB,
    suffix: str = ".json",
) -> tuple[list[Job], list[Failure]]:
    """The jobs for `paths` in a stable order (inputs as given, folder contents sorted), and
    the inputs that cannot become jobs (missing, an output claimed twice, …)."""
    jobs: list[Job] = []
    failures: list[Failure] = []
    claimed: dict[Path, str] = {}
    folders: dict[Path, _Folder] = {}
    out = out_dir.resolve() if out_dir is not None else None
    for given in paths:
        root = Path(given)
        if given != STDIN and root.is_dir():
            # An output folder inside the input folder is skipped; one that is the input folder
            # (or holds it) is not, or nothing would be found.
            inside = (
                out is not None and out != root.resolve() and out.is_relative_to(root.resolve())
            )
            found = _find(root, globs, out if inside else None)
            pairs = [(str(root / rel), rel.with_suffix(suffix)) for rel in found]
            whole = True  # every file of the folders found is asked about: each is read once
        elif given == STDIN and out_dir is not None:
            failures.append(Failure(given, "standard input has no name to mirror: use -o FILE"))
            continue
        else:
            # A missing or unreadable file fails in its job, with the decoder's reason.
            pairs = [(given, Path(root.name).with_suffix(suffix))]
            whole = False  # one file of a folder that may hold many
        for source, rel in pairs:
            if out_dir is None:
                jobs.append(Job(source, None))
                continue
            target = out_dir / rel
            key = _resolved(target, folders, whole)
            if key in claimed:
                failures.append(Failure(source, f"same output {target} as {claimed[key]}"))
            elif key == _resolved(Path(source), folders, whole):
                failures.append(Failure(source, "the output would overwrite the input"))
            else:
                claimed[key] = source
                jobs.append(Job(source, target))
    return jobs, failures


@dataclass(slots=True)
class _Folder:
    """A folder of the batch's paths, resolved once; the names of its links once it is read."""

    resolved: Path
    links: frozenset[str] | None = None


def _resolved(path: Path, folders: dict[Path, _Folder], whole: bool) -> Path:
    """`path.resolve()`, its folder resolved once for all the paths in it (`folders`, by folder):
    the files of a batch share a few folders, and resolving reads every part of a path.

    Whether the file is a link is one call to the file system a file; with `whole` (most of the
    folder's files are asked about, as for a folder's inputs and the outputs mirroring them)
    one reading of the folder lists its links instead (none, for an output folder not made
    yet)."""
    if path.name in ("", ".", ".."):
        return path.resolve()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = _Folder(path.parent.resolve())
    if whole and folder.links is None:
        folder.links = _links(path.parent)
    joined = folder.resolved / path.name
    link = path.name in folder.links if folder.links is not None else joined.is_symlink()
    return joined.resolve() if link else joined


def _links(folder: Path) -> frozenset[str]:
    """The names of the symbolic links in `folder` (none where it cannot be read)."""
    try:
        with os.scandir(folder) as entries:
            return frozenset(entry.name for entry in entries if entry.is_symlink())
    except OSError:
        return frozenset()


def _find(root: Path, globs: Sequence[str], skip: Path | None) -> list[Path]:
    """Files under `root` matching any glob, relative to it, sorted by their parts.

    A glob of a name alone (`*.txt`, the default ones) is matched against the names of one
    walk of the folder, which knows each entry's kind as it lists it; any other goes through
    `rglob`, as every glob did, which asks the file system about each file again. Both leave
    out hidden folders and files and folders, and neither descends into a linked folder."""
    found: set[tuple[str, ...]] = set()
    names = [pattern for pattern in globs if _names_only(pattern)]
    if names:
        top = os.fspath(root)
        cut = len(top) + (not top.endswith(os.sep))
        for folder, folders, files in os.walk(top):
            folders[:] = [name for name in folders if not name.startswith(".")]
            within = tuple(folder[cut:].split(os.sep)) if len(folder) > len(top) else ()
            for name in files:
                if not name.startswith(".") and any(fnmatch(name, p) for p in names):
                    found.add((*within, name))
    for pattern in globs:
        if pattern in names:
            continue
        for path in root.rglob(pattern):
            rel = path.relative_to(root)
            # A broken link stays in, to fail by name: it is an input the glob asked for.
            if any(part.startswith(".") for part in rel.parts) or path.is_dir():
                continue
            found.add(rel.parts)
    if skip is not None:
        found = {
            parts for parts in found if not root.joinpath(*parts).resolve().is_relative_to(skip)
        }
    return [Path(*parts) for parts in sorted(found)]


def _names_only(pattern: str) -> bool:
    """Whether `pattern` matches a name alone: no folder in it, and no `**`."""
    seps = {os.sep, os.altsep or os.sep, "/"}
    return bool(pattern) and "**" not in pattern and not any(sep in pattern for sep in seps)


# --- converting ----------------------------------------------------------------------------


# Paused over the writing as well as the stages, as `parse_json` is: a collection triggered by
# the writer would walk every record of the stages, all still held (see `collector_paused`).
@collector_paused
def convert(source: str, options: RenderOptions) -> Converted:
    """Outline one input; any failure becomes a reason, never an exception (a worker's crash on
    one file must not cost the others their output)."""
    try:
        decoded = read_input(source)
        return Converted(source, b"".join(render_parsed(analyse(decoded), options)))
    except ExtractorError as e:
        return Converted(source, None, e.reason)
    except Exception as e:  # an internal error on one input: reported, the batch goes on
        return Converted(source, None, f"internal error: {type(e).__name__}: {e}")


def run(
    jobs: Sequence[Job],
    options: RenderOptions,
    workers: int,
    advance: Callable[[int], None] = lambda n: None,
    *,
    write: bool = False,
) -> list[Converted]:
    """Convert every job, in `workers` processes when more than one; results in the jobs' order.

    With `write`, a worker also stores each output it converts (as `store` would): writing is
    a fifth of a batch's time, and the JSON need not travel back to this process."""
    sources = [job.source for job in jobs]
    if workers <= 1 or len(sources) <= 1 or STDIN in sources:
        # Standard input belongs to this process: a worker would read nothing.
        results = []
        for source in sources:
            results.append(convert(source, options))
            advance(1)
        return results
    # Workers are forks of this process, which has imported the pipeline: they start at once.
    # Forking a process that runs another thread is unsafe (the progress bar's starts at the
    # first result, after the forks); then they fork from a clean server that imports the
    # pipeline once (about half a second), in a pool.
    if hasattr(os, "fork") and _single_threaded():
        found = _forked(jobs, options, min(workers, len(sources)), advance, write)
        # A worker that ended early (a crash, a signal) took with it the results it had not
        # sent: each of those jobs is outlined again in a fork of its own, so that only a job
        # that ends its process fails, by name.
        for i, job in enumerate(jobs):
            if i not in found:
                # Once the progress bar's thread runs, a fork is unsafe: a pool of one process.
                again = (
                    _forked([job], options, 1, advance, write)
                    if _single_threaded()
                    else _pooled_alone(job, options, advance, write)
                )
                found[i] = again.get(0) or Converted(job.source, None, _LOST)
        return [found[i] for i in range(len(jobs))]
    return _pooled(jobs, options, workers, advance, write)


def _single_threaded() -> bool:
    """Whether no other thread runs (threading is imported by what starts threads: if it was
    never imported, none runs)."""
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


_LOST: Final = "internal error: the process outlining it ended before it was done"

# A job is handed to a worker as its index, in this many bytes, through a pipe that the workers
# share: the pipe is written whole tokens at a time (writes of at most PIPE_BUF bytes are
# atomic) and read one token at a time, so no read splits one.
_TOKEN: Final = 4


def _forked(
    jobs: Sequence[Job],
    options: RenderOptions,
    workers: int,
    advance: Callable[[int], None],
    write: bool,
) -> dict[int, Converted]:
    """Convert every job in `workers` forks of this process, no pool: each takes the next job's
    index from the shared pipe, converts it (and stores it, with `write`), and sends back its
    index and result through a pipe of its own. The results by job index: a job whose worker
    ended before sending its result has none."""
    import pickle
    import select
    import selectors

    tokens_read, tokens_write = os.pipe()
    tokens = b"".join(i.to_bytes(_TOKEN, "little") for i in range(len(jobs)))
    step = select.PIPE_BUF // _TOKEN * _TOKEN
    taken: dict[int, int] = {}  # by result pipe, the worker's pid
    results: dict[int, Converted] = {}
    sent = 0
    # What exists now is the workers' too: kept out of their collections, whose walks would
    # copy every page it sits on into each worker. Unfrozen once they are done.
    gc.freeze()
    try:
        for _ in range(workers):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker
                code = 1
                try:
                    for fd in (read_end, tokens_write, *taken):
                        os.close(fd)
                    _work(jobs, options, write, tokens_read, write_end)
                    code = 0
                finally:
                    os._exit(code)  # no exit handlers, no buffers of the parent flushed twice
            os.close(write_end)
            taken[read_end] = pid
        os.set_blocking(tokens_write, False)
        pending = {fd: bytearray() for fd in taken}
        with selectors.DefaultSelector() as selector:
            selector.register(tokens_write, selectors.EVENT_WRITE)
            for fd in taken:
                selector.register(fd, selectors.EVENT_READ)
            while pending:
                for key, _ in selector.select():
                    fd = int(key.fd)
                    if fd == tokens_write:
                        try:
                            sent += os.write(fd, tokens[sent : sent + step])
                        except BlockingIOError:
                            continue
                        if sent == len(tokens):
                            selector.unregister(fd)
                            os.close(fd)  # the workers read to its end, then stop
                        continue
                    chunk = os.read(fd, 1 << 16)
                    if not chunk:
                        selector.unregister(fd)
                        del pending[fd]
                        continue
                    buffer = pending[fd]
                    buffer += chunk
                    while len(buffer) >= 8:
                        size = int.from_bytes(buffer[:8], "little")
                        if len(buffer) < 8 + size:
                            break
                        done: list[tuple[int, Converted]] = pickle.loads(buffer[8 : 8 + size])
                        del buffer[: 8 + size]
                        results.update(done)
                        advance(len(done))
    finally:
        # Held open until now, so that writing the tokens never meets a pipe with no reader
        # when every worker has ended: the writes wait, the loop ends with the last result pipe.
        os.close(tokens_read)
        if sent < len(tokens):
            os.close(tokens_write)
        for fd, pid in taken.items():
            os.close(fd)
            _, status = os.waitpid(pid, 0)
            if status != 0 and write:
                # A worker that ended early left its scratch folders (see `Scratch`).
                for parent in {job.target.parent for job in jobs if job.target is not None}:
                    shutil.rmtree(scratch_folder(parent, pid), ignore_errors=True)
        gc.unfreeze()
    return results


def _work(
    jobs: Sequence[Job], options: RenderOptions, write: bool, tokens: int, results: int
) -> None:
    """A worker's loop: take a job's index, convert it, and send back the indices and results
    CHUNK at a time (each message wakes the parent, which shares the cores)."""
    import pickle

    done: list[tuple[int, Converted]] = []
    with Scratch() as scratch:
        while True:
            token = os.read(tokens, _TOKEN)
            if token:
                index = int.from_bytes(token, "little")
                job = jobs[index]
                done.append(
                    (
                        index,
                        convert_and_store_all([job], options, scratch)[0]
                        if write
                        else convert(job.source, options),
                    )
                )
            if done and (not token or len(done) == CHUNK):
                data = pickle.dumps(done, pickle.HIGHEST_PROTOCOL)
                view = memoryview(len(data).to_bytes(8, "little") + data)
                while view:
                    view = view[os.write(results, view) :]
                done = []
            if not token:
                return


def _pooled_alone(
    job: Job, options: RenderOptions, advance: Callable[[int], None], write: bool
) -> dict[int, Converted]:
    """`_forked([job], …)` in a pool of one process: {0: its result}, or {} when the process
    ended before it was done."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return dict(enumerate(_pooled([job], options, 1, advance, write)))
    except BrokenProcessPool:
        return {}


def _pooled(
    jobs: Sequence[Job],
    options: RenderOptions,
    workers: int,
    advance: Callable[[int], None],
    write: bool,
) -> list[Converted]:
    """`run` in a process pool, for a process that may not fork (another thread runs)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    sources = [job.source for job in jobs]
    methods = multiprocessing.get_all_start_methods()
    method = "forkserver" if "forkserver" in methods else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["extractor.batch"])
    workers = min(workers, len(sources))
    # Chunks of a few files: fewer round trips, still enough pieces that the workers finish
    # together (the last chunk is the only one a worker may wait for).
    size = max(1, min(CHUNK, len(sources) // (workers * 16)))
    starts = range(0, len(sources), size)
    by_chunk: dict[int, list[Converted]] = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        if write:
            futures = {
                pool.submit(convert_and_store_all, jobs[i : i + size], options): n
                for n, i in enumerate(starts)
            }
        else:
            futures = {
                pool.submit(convert_all, sources[i : i + size], options): n
                for n, i in enumerate(starts)
            }
        for future in as_completed(futures):
            done = by_chunk[futures[future]] = future.result()
            advance(len(done))
    return [r for n in range(len(starts)) for r in by_chunk[n]]


def convert_all(sources: Sequence[str], options: RenderOptions) -> list[Converted]:
    return [convert(source, options) for source in sources]


def convert_and_store_all(
    jobs: Sequence[Job], options: RenderOptions, scratch: Scratch | None = None
) -> list[Converted]:
    """Convert and store each job, in a worker; a failed write becomes the job's reason. The
    temporary files are made in `scratch`'s folders, or in folders of this call's own."""
    if scratch is None:
        with Scratch() as own:
            return convert_and_store_all(jobs, options, own)
    out = []
    for job in jobs:
        result = convert(job.source, options)
        if result.data is not None and job.target is not None:
            try:
                written = _store_one(job.target, result.data, scratch)
            except OSError as e:
                result = Converted(job.source, None, _cannot_write(job.target, e))
            else:
                result = Converted(job.source, None, stored=written)
        out.append(result)
    return out


def _store_one(target: Path, data: bytes, scratch: Scratch | None = None) -> bool:
    """Write `data` to `target` unless it holds it already; whether it was written."""
    if _stored(target) == data:
        return False
    write_atomic(target, data, scratch=scratch)
    return True


def _cannot_write(target: Path, e: OSError) -> str:
    return f"cannot write {target}: {e.strerror}"


def default_workers(files: int) -> int:
    """All cores this process may use, but no worker for fewer than FILES_PER_WORKER files:
    starting one costs about as much as outlining that many speeches."""
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:
        cores = os.cpu_count() or 1
    return max(1, min(cores, files // FILES_PER_WORKER))


# --- writing and checking ------------------------------------------------------------------


def write_atomic(
    path: Path,
    data: bytes | Iterable[bytes],
    *,
    unless_same: bool = False,
    scratch: Scratch | None = None,
) -> bool:
    """Write via a temporary file in the same folder (or in `scratch`'s folder beside it), then
    rename: never a half-written file, and an interrupted write leaves the old file as it was.
    `data` may come in pieces (a long speech's JSON, never held whole); an error while they are
    produced leaves no file. With `unless_same`, a file that already holds these bytes is left
    as it was (its modification time too). Whether the file was written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = path.parent if scratch is None else scratch.folder(path.parent)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, bytes):
                f.write(data)
            else:
                f.writelines(data)
        if unless_same and _same_file_bytes(Path(tmp), path):
            Path(tmp).unlink()
            return False
        os.replace(tmp, path)
        return True
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Scratch:
    """A worker's own folders for its temporary files, one inside each output folder it writes
    to (`.outline-PID.tmp`), each made when first needed and removed by `remove` (or on leaving
    a `with` block).

    Creating a file holds its folder's lock while the file system allocates the file: on ext4,
    0.1 to 0.7 ms of kernel time a file on the VM the bench ran on, so that two workers
    creating their outputs in one folder took as long as one. Each creating in a folder of its
    own took about half as long; the rename into the output folder holds its lock briefly."""

    def __init__(self) -> None:
        self.folders: dict[Path, Path] = {}

    def folder(self, parent: Path) -> Path:
        """Where a temporary file for an output in `parent` is made: this process's folder in
        it, or `parent` itself when that folder cannot be made."""
        found = self.folders.get(parent)
        if found is None:
            found = scratch_folder(parent, os.getpid())
            try:
                found.mkdir(exist_ok=True)
            except OSError:
                found = parent
            self.folders[parent] = found
        return found

    def __enter__(self) -> Scratch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()

    def remove(self) -> None:
        """Remove the folders made, each left empty by the writes (a folder something else
        put a file in stays)."""
        for parent, folder in self.folders.items():
            if folder != parent:
                with suppress(OSError):
                    folder.rmdir()
        self.folders.clear()


def scratch_folder(parent: Path, pid: int) -> Path:
    """The folder in `parent` where the worker `pid` makes its temporary files (see `Scratch`):
    hidden, so that a batch never takes it, or what it holds, for an input."""
    return parent / f".outline-{pid}.tmp"


def _same_file_bytes(a: Path, b: Path) -> bool:
    import filecmp

    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def holds(path: Path, pieces: Iterable[bytes]) -> bool | None:
    """Whether the file holds exactly the bytes of `pieces`, read as they come (neither side
    whole in memory); None when it cannot be read (missing)."""
    try:
        f = path.open("rb")
    except OSError:
        return None
    with f:
        for piece in pieces:
            if f.read(len(piece)) != piece:
                return False
        return f.read(1) == b""


def _stored(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def store(jobs: Sequence[Job], results: Sequence[Converted], report: Report) -> None:
    """Write each output that differs from what its target holds (an unchanged file keeps its
    modification time); a failed write fails that input only."""
    for job, result in zip(jobs, results, strict=True):
        if result.stored is not None:  # a worker wrote it
            report.written += result.stored
            report.unchanged += not result.stored
            continue
        if result.data is None or job.target is None:
            continue
        try:
            written = _store_one(job.target, result.data)
        except OSError as e:
            report.failed.append(Failure(job.source, _cannot_write(job.target, e)))
        else:
            report.written += written
            report.unchanged += not written


def check(jobs: Sequence[Job], results: Sequence[Converted], report: Report) -> None:
    """Compare each output with what its target holds; name each stale or missing one."""
    for job, result in zip(jobs, results, strict=True):
        if result.data is None or job.target is None:
            continue
        stored = _stored(job.target)
        if stored is None:
            report.stale.append(Failure(str(job.target), f"missing (outline of {job.source})"))
        elif stored != result.data:
            report.stale.append(Failure(str(job.target), f"stale (outline of {job.source})"))
        else:
            report.unchanged += 1


def orphans(paths: Sequence[str], out_dir: Path, jobs: Sequence[Job], suffix: str) -> list[Failure]:
    """Outputs in a mirrored folder whose speech is gone: each `*suffix` file under `out_dir`
    that no job writes and beside whose mirrored place in no input folder a file of the same
    name stands, whatever its suffix (so narrowing `--glob` orphans nothing). Only when every
    input is a folder: files named one by one say nothing about what else the folder holds."""
    roots = [Path(p) for p in paths]
    if not roots or any(str(r) == STDIN or not r.is_dir() for r in roots) or not out_dir.is_dir():
        return []
    claimed = {job.target.resolve() for job in jobs if job.target is not None}
    found = []
    for output in sorted(out_dir.rglob(f"*{suffix}")):
        rel = output.relative_to(out_dir)
        if any(part.startswith(".") for part in rel.parts) or not output.is_file():
            continue
        if output.resolve() in claimed or _has_speech(roots, rel, output):
            continue
        found.append(Failure(str(output), "orphan (its speech is gone from the input folder)"))
    return found


def _has_speech(roots: Sequence[Path], rel: Path, output: Path) -> bool:
    import glob

    for root in roots:
        folder = root / rel.parent
        if not folder.is_dir():
            continue
        for candidate in folder.glob(f"{glob.escape(rel.stem)}.*"):
            if candidate.is_file() and candidate.resolve() != output.resolve():
                return True
    return False


def stream(results: Iterable[Converted]) -> bytes:
    """The outputs one after another (for --jsonl: one line each), in the jobs' order."""
    return b"".join(r.data for r in results if r.data is not None)


def failures_of(results: Iterable[Converted]) -> list[Failure]:
    return [
        Failure(r.source, r.reason or "failed")
        for r in results
        if r.data is None and r.stored is None
    ]


# --- reporting -----------------------------------------------------------------------------


class Timer:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def seconds(self) -> float:
        return time.perf_counter() - self.start


def summary(report: Report, total: int, checking: bool) -> list[str]:
    """The lines for stderr: each failure and stale output, then one line of counts and time."""
    lines = [f"outline: {f}" for f in (*report.failed, *report.stale)]
    failed = len(report.failed)
    if checking:
        counts = f"{report.unchanged} current, {len(report.stale)} stale or missing"
    elif report.written or report.unchanged:
        counts = f"{total - failed} done ({report.written} written, {report.unchanged} unchanged)"
    else:
        counts = f"{total - failed} done"
    lines.append(f"outline: {counts}, {failed} failed in {duration(report.seconds)} s")
    return lines


def duration(elapsed: float) -> str:
    """A batch's time as the summary gives it: milliseconds under a second (a small batch takes
    a fraction of one, and a benchmark reads the line), hundredths above."""
    return f"{elapsed:.3f}" if elapsed < 1 else f"{elapsed:.2f}"


def wants_progress_bar(quiet: bool) -> bool:
    """A bar for a person at a terminal; in CI (`CI` set), in a pipe or with --quiet, none."""
    return not quiet and not os.environ.get("CI") and sys.stderr.isatty()


@contextmanager
def progress(total: int, enabled: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr while the block runs (rich, imported only here); yields the
    function that advances it by a number of files. The bar, and the thread that redraws it,
    start at the first advance: by then a batch's workers are forked (see `run`), which a
    running thread would forbid."""
    if not enabled or total <= 1:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    bar = Progress(*columns, console=Console(stderr=True), transient=True)
    task = bar.add_task("outline", total=total)
    started: list[bool] = []

    def advance(n: int) -> None:
        if not started:
            bar.start()
            started.append(True)
        bar.advance(task, n)

    try:
        yield advance
    finally:
        if started:
            bar.stop()
