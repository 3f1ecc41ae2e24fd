"""Batches: many inputs validated in worker processes, the report in input order.

One pool for the batch. The settings are resolved once by the caller and handed to each
worker when it starts (not with every file), and each worker loads the schema then, once.
Files go to the workers in small runs of consecutive inputs, so that the pool's cost per task
(pickling, two queues, a wake-up) is paid per run rather than per file, while runs stay short
enough to keep both workers busy to the end.

Workers ignore Ctrl-C; the parent catches it (or ``Terminated``, which a SIGTERM handler raises)
and terminates the workers at once (a run in progress is dropped, not waited for) and returns
the files that were done, still in input order. The workers are reaped on every way out: a
worker takes Ctrl-C and SIGTERM only once it has set what they do there (they are blocked from
its fork until then), a signal arriving while the workers are being stopped is held until they
are gone, and a parent that dies without stopping them (SIGKILL, a crash) closes the pipe each
worker watches, which makes the worker exit rather than wait for work forever.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from ddexkit.catalogue import FileFacts
from ddexkit.engine import Settings, check_batch, tool_info, validate_source
from ddexkit.inputs import MessageSource
from ddexkit.printable import printable
from ddexkit.regularfile import read_bytes
from ddexkit.report import FileReport, Report, Totals
from ddexkit.resultcache import ResultCache, cacheable
from ddexkit.safexml import MAX_MESSAGE_BYTES, read_document
from ddexkit.xsd import load_schema

if TYPE_CHECKING:  # multiprocessing loads only when a batch has workers (cold start)
    from multiprocessing.connection import Connection

DDEX_NAMESPACE_PREFIX = "http://ddex.net/xml/"
# With stderr on a terminal, batches above this size show a progress bar.
PROGRESS_THRESHOLD = 20

Progress = Callable[[int, int], None]


class Terminated(KeyboardInterrupt):
    """SIGTERM (a CI timeout, ``kill``, a service stopping), raised by the handler the CLI
    installs: it stops a batch as Ctrl-C does, and being a KeyboardInterrupt, everything that
    cleans up after Ctrl-C cleans up after it too."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    """An input left out because it is not a DDEX message (``skip_non_ddex``)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchResult:
    """A batch's report, the inputs skipped, how many inputs were done (validated or
    skipped), and whether Ctrl-C (or ``Terminated``: then ``terminated`` is set too) cut it
    short. With ``keep=False`` the report holds no files (they went to ``on_file``) but its
    totals count them all."""

    report: Report
    skipped: tuple[Skipped, ...] = ()
    total: int = 0
    done: int = 0
    cached: int = 0  # reports taken from the cache (--cache), not validated again
    interrupted: bool = False
    terminated: bool = False


FileHandler = Callable[[FileReport], None]


class _Collector:
    """Outcomes in any order in, files in input order out: each file goes to ``on_file`` as
    soon as every input before it is done, so a stream of results starts at once and holds
    only the few that finished early (linear, memory bounded by the runs in flight)."""

    def __init__(self, on_file: FileHandler | None, keep: bool) -> None:
        self._on_file = on_file
        self._keep = keep
        self._pending: dict[int, _Outcome] = {}
        self._next = 0
        self.files: list[FileReport] = []
        self.facts: list[FileFacts] = []  # kept even when the reports are not: they are small
        self.skipped: list[Skipped] = []
        self.totals = Totals()
        self.done = 0
        self.cached = 0

    def add(self, outcome: _Outcome) -> None:
        self.done += 1
        self.cached += outcome[3]
        self._pending[outcome[0]] = outcome
        while self._next in self._pending:
            self._emit(self._pending.pop(self._next))
            self._next += 1

    def flush(self) -> None:
        """After Ctrl-C: the files done past a gap go out too, still in input order."""
        for index in sorted(self._pending):
            self._emit(self._pending.pop(index))

    def _emit(self, outcome: _Outcome) -> None:
        _, report, skipped, _cached = outcome
        if skipped is not None:
            self.skipped.append(skipped)
        if report is None:
            return
        self.totals.add(report)
        if report.facts is not None:
            self.facts.append(report.facts)
        if self._on_file is not None:
            self._on_file(report)
        if self._keep:
            self.files.append(report)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def not_ddex_reason(source: MessageSource) -> str | None:
    """Why an XML input is not a DDEX message (its root is in no http://ddex.net/xml/
    namespace), or None when it is one, or may be one, or cannot be read (then validation
    reports it). A file that is not well-formed counts as DDEX when it names a DDEX namespace
    near its start, so that a broken ERN is still reported. ZIPs are never skipped.

    This parses the file a second time (once here, once to validate): only asked for by the
    pre-commit hook, which sees few files.
    """
    if source.is_zip:
        return None
    if source.data is not None:
        raw = source.data
    else:
        assert source.path is not None
        try:
            raw, _size = read_bytes(source.path, MAX_MESSAGE_BYTES)
        except OSError:
            return None
    facts = read_document(raw).facts
    if facts.root_namespace is None:
        if DDEX_NAMESPACE_PREFIX.encode() in raw[: 1 << 16]:
            return None
        return "not well-formed XML and names no DDEX namespace"
    if facts.root_namespace.startswith(DDEX_NAMESPACE_PREFIX):
        return None
    where = f"namespace {facts.root_namespace}" if facts.root_namespace else "no namespace"
    return f"its root <{facts.root_name}> is in {where}, not a DDEX one"


# (input index, its report or why it was skipped, whether the report came from the cache)
_Outcome = tuple[int, FileReport | None, Skipped | None, bool]

# Set in each worker process by _start_worker, so settings travel once per worker.
_worker_settings: Settings | None = None
_worker_skip_non_ddex = False
_worker_cache: ResultCache | None = None


def _one(index: int, source: MessageSource, settings: Settings, skip_non_ddex: bool,
         cache: ResultCache | None = None) -> _Outcome:
    if skip_non_ddex:
        reason = not_ddex_reason(source)
        if reason is not None:
            return index, None, Skipped(path=source.display or "<bytes>", reason=reason), False
    if cache is None or source.path is None or not cacheable(source, settings):
        return index, validate_source(source, settings), None, False
    try:
        raw, size = read_bytes(source.path, MAX_MESSAGE_BYTES)
    except OSError:  # validate_source reports it
        return index, validate_source(source, settings), None, False
    if size > MAX_MESSAGE_BYTES:  # ERN008 needs the true size: nothing to save here
        return index, validate_source(source, settings), None, False
    key = cache.key(raw)
    cached = cache.get(key, source.display)
    if cached is not None:
        return index, cached, None, True
    report = validate_source(MessageSource(path=None, data=raw, name=source.display), settings)
    cache.put(key, report)
    return index, report, None, False


def _start_worker(settings: Settings, skip_non_ddex: bool, cache: ResultCache | None,
                  parent_alive: Connection, parent_end: Connection) -> None:
    global _worker_settings, _worker_skip_non_ddex, _worker_cache
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C does
    # SIGTERM is how the pool stops a worker: not the parent's handler, inherited by fork.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # blocked since the fork (_signals_blocked)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING_SIGNALS)
    parent_end.close()  # this worker's copy: while any copy is open, the pipe stays open
    threading.Thread(target=_exit_with_parent, args=(parent_alive,), daemon=True).start()
    _worker_settings, _worker_skip_non_ddex, _worker_cache = settings, skip_non_ddex, cache
    if settings.schema_dir is not None:
        # Once per worker (cached), before the first file. A schema that does not compile
        # fails the first file instead, as it does without workers.
        with contextlib.suppress(Exception):
            load_schema(settings.schema_dir)


def _exit_with_parent(parent_alive: Connection) -> None:
    """Wait for the parent's end of the pipe to close, which happens however the parent ends,
    then exit: a worker whose parent was killed would otherwise wait for work forever."""
    with contextlib.suppress(EOFError, OSError):
        parent_alive.recv_bytes()  # nothing is ever sent
    os._exit(1)


def _work(run: Sequence[tuple[int, MessageSource]]) -> list[_Outcome]:
    assert _worker_settings is not None, "worker started without settings"
    return [_one(i, source, _worker_settings, _worker_skip_non_ddex, _worker_cache)
            for i, source in run]


def _run_length(count: int, jobs: int) -> int:
    """Files per task: about sixteen tasks per worker, and no more than eight files each
    (a run is what Ctrl-C waits for, and what may keep one worker busy at the end)."""
    return max(1, min(8, count // (16 * jobs)))


def validate_batch(
    sources: Sequence[MessageSource],
    settings: Settings,
    *,
    jobs: int | None = None,
    skip_non_ddex: bool = False,
    progress: Progress | None = None,
    on_file: FileHandler | None = None,
    keep: bool = True,
    cache: ResultCache | None = None,
) -> BatchResult:
    """Validate every source, with ``jobs`` worker processes (default: the cores; 1 = in
    this process). The report is the same whatever ``jobs`` is. ``progress(done, total)``
    is called after each input; ``on_file(report)`` gets each file's report in input order as
    soon as it can (streaming output); ``keep=False`` keeps none in memory; with a ``cache``
    an unchanged file's report is read, not made again. Ctrl-C returns what was done, with
    ``interrupted`` set."""
    jobs = default_jobs() if jobs is None else jobs
    jobs = max(1, min(jobs, len(sources)))
    settings = settings.for_inputs(len(sources), cached=cache is not None)
    collector = _Collector(on_file, keep)
    interrupted = terminated = False
    try:
        if jobs == 1:
            for index, source in enumerate(sources):
                collector.add(_one(index, source, settings, skip_non_ddex, cache))
                if progress is not None:
                    progress(collector.done, len(sources))
        else:
            _in_workers(sources, settings, jobs, skip_non_ddex, progress, collector, cache)
    except KeyboardInterrupt as stop:
        interrupted, terminated = True, isinstance(stop, Terminated)
    collector.flush()
    report = Report(files=tuple(collector.files), tool=tool_info(), interrupted=interrupted,
                    files_not_done=len(sources) - collector.done,
                    counted=None if keep else collector.totals,
                    batch_issues=() if interrupted else check_batch(collector.facts, settings))
    return BatchResult(
        report=report,
        skipped=tuple(collector.skipped),
        total=len(sources),
        done=collector.done,
        cached=collector.cached,
        interrupted=interrupted,
        terminated=terminated,
    )


def _in_workers(
    sources: Sequence[MessageSource],
    settings: Settings,
    jobs: int,
    skip_non_ddex: bool,
    progress: Progress | None,
    collector: _Collector,
    cache: ResultCache | None = None,
) -> None:
    # Imported here: multiprocessing is a tenth of a cold start, for --jobs 1 and single
    # files (the pre-commit hook's usual case) as well.
    from multiprocessing import Pipe, Pool

    numbered = list(enumerate(sources))
    length = _run_length(len(sources), jobs)
    runs = [numbered[start:start + length] for start in range(0, len(numbered), length)]
    finished = False
    # Only this process writes to the pipe (never, in fact): it closes when this process ends.
    parent_alive, parent_end = Pipe(duplex=False)
    pool = None
    try:
        with _signals_blocked():
            pool = Pool(processes=jobs, initializer=_start_worker,
                        initargs=(settings, skip_non_ddex, cache, parent_alive, parent_end))
        for run in pool.imap_unordered(_work, runs):
            for outcome in run:
                collector.add(outcome)
                if progress is not None:
                    progress(collector.done, len(sources))
        finished = True
    finally:
        with _signals_held():
            # Ctrl-C or a failure: stop the workers now rather than wait for their runs.
            if pool is not None:
                if finished:
                    pool.close()
                else:
                    pool.terminate()
                pool.join()
            parent_alive.close()
            parent_end.close()


_STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """Ctrl-C and SIGTERM blocked in this thread while it starts the pool, and so in the pool's
    threads and in every worker they start, from its fork until ``_start_worker`` sets what the
    signals do there and unblocks them. Otherwise a worker could meet SIGTERM (the pool's way
    to stop it) while it still has this process's handlers, which raise, or hold the signal
    while the pool is being stopped (``_signals_held``): the worker would live on, and the
    pool would wait for it forever. A signal sent meanwhile is delivered once unblocked."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork, no inherited handlers
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


SignalHandler = Callable[[int, FrameType | None], object]


@contextlib.contextmanager
def handling_signals(handler: SignalHandler, numbers: Sequence[int]) -> Iterator[None]:
    """``handler`` for the signals ``numbers`` within, the previous handlers after. Outside
    the main thread, which alone may install handlers (and to which Python delivers every
    signal), nothing changes."""
    try:
        previous = {number: signal.signal(number, handler) for number in numbers}
    except ValueError:
        yield
        return
    try:
        yield
    finally:
        for number, earlier in previous.items():
            signal.signal(number, signal.SIG_DFL if earlier is None else earlier)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C or SIGTERM arriving while the workers are being stopped would cut the stopping
    short and leave them running: such a signal is noted, and delivered once they are gone."""
    held: list[int] = []
    try:
        with handling_signals(lambda number, _frame: held.append(number),
                              (signal.SIGINT, signal.SIGTERM)):
            yield
    finally:
        if held:
            signal.raise_signal(held[0])


class ProgressBar:
    """``[#####.....]  12/40 files, 35/s, 0:01 left`` redrawn in place on a terminal; erased
    when closed. The rate and time left are measured from the bar's creation."""

    def __init__(self, stream: TextIO | None = None, width: int = 30,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._width = width
        self._drawn = False
        self._clock = clock
        self._started = clock()

    def __call__(self, done: int, total: int) -> None:
        filled = self._width * done // total if total else self._width
        bar = "#" * filled + "." * (self._width - filled)
        elapsed = self._clock() - self._started
        pace = ""
        if done and elapsed > 0:
            rate = done / elapsed
            left = int((total - done) / rate)
            pace = f", {rate:,.0f}/s, {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d} left" \
                if left >= 3600 else f", {rate:,.0f}/s, {left // 60}:{left % 60:02d} left"
        self._stream.write(f"\r[{bar}] {done:>{len(str(total))}}/{total} files{pace}\033[K")
        self._stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self._stream.write("\r\033[K")
            self._stream.flush()
            self._drawn = False


def wants_progress(stream: TextIO, count: int) -> bool:
    """A bar only on a terminal and only for a batch large enough to wait for."""
    try:
        return stream.isatty() and count > PROGRESS_THRESHOLD
    except (AttributeError, ValueError):
        return False


class StageProgress:
    """``validating big.xml: XSD…`` on a terminal, for one file that takes more than a second:
    the line appears only once that second has passed (a quick file prints nothing) and is
    erased when closed."""

    def __init__(self, name: str, stream: TextIO | None = None, delay: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._name = printable(name)  # a delivery's file name: see ddexkit.printable
        self._stream = stream if stream is not None else sys.stderr
        self._delay = delay
        self._clock = clock
        self._started = clock()
        self._current = ""
        self._drawn = False
        self._lock = threading.Lock()
        self._timer = threading.Timer(delay, self._draw)
        self._timer.daemon = True
        self._timer.start()

    def __call__(self, stage: str) -> None:
        self._current = stage
        if self._clock() - self._started >= self._delay:
            self._draw()

    def _draw(self) -> None:
        with self._lock:
            if self._current:
                self._stream.write(f"\rvalidating {self._name}: {self._current}…\033[K")
                self._stream.flush()
                self._drawn = True

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._current = ""
            if self._drawn:
                self._stream.write("\r\033[K")
                self._stream.flush()
                self._drawn = False
