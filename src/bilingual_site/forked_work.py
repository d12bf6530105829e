"""Work of a build spread over the machine's cores by forked worker processes.

Two kinds: many equal jobs at once (`run_jobs`: the parallel views, written after every language
is built, each page pair's views independent of the others), and one job beside the build
(`Beside`: the source checks, whose findings are only needed before the first page is written).
A forked worker starts with the build's memory as it is, shared until written: only the jobs'
keys are sent to it, nothing is read, rendered or pickled again. Where fork is not the platform's
way (Windows has none, macOS's system libraries are unsafe across it), with one core, or for a
handful of jobs, the work runs in this process. `mkdocs serve` runs it here too: its server
threads would be copied into the workers in whatever state they were.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

# A check of this many page sources (20 ms and more) gains from running beside the build.
SOURCES_WORTH_A_WORKER = 500

_job: Callable | None = None  # the job the workers run: set before they are forked, so never pickled
_chunks: Sequence[Sequence] = ()
_next_chunk = None  # a counter in memory shared with the workers: the next chunk nobody has taken
_beside: dict[int, Callable] = {}  # the jobs run beside the build, by id: set before their worker is forked


def cores(serving: bool = False) -> int:
    """The cores forked workers may use: 1 where this module does not fork (see above)."""
    if serving or not sys.platform.startswith("linux"):
        return 1
    return len(os.sched_getaffinity(0))


def worker_count(jobs: int, jobs_per_worker: int, serving: bool = False) -> int:
    """How many worker processes ``jobs`` are worth: one per core, each with ``jobs_per_worker`` at least."""
    return max(1, min(cores(serving), jobs // jobs_per_worker))


class Beside:
    """``job()``'s result, worked out by a forked worker while the build goes on; here, at once, when
    the job is not ``worth_a_worker`` (a fork of the build costs a few milliseconds), with one core or
    under `mkdocs serve`. ``result()`` waits for it and raises what the job raised."""

    def __init__(self, job: Callable[[], object], worth_a_worker: bool, serving: bool = False) -> None:
        self._value: object = None
        self._error: BaseException | None = None
        self._pool: ProcessPoolExecutor | None = None
        if not worth_a_worker or cores(serving) < 2:
            try:
                self._value = job()
            except Exception as error:  # raised by result(), as a worker's would be
                self._error = error
            return
        _beside[id(self)] = job
        self._pool = ProcessPoolExecutor(1, mp_context=get_context("fork"))
        self._future = self._pool.submit(_run_beside, id(self))  # forks the worker

    def result(self) -> object:
        if self._pool is not None:
            try:
                self._value = self._future.result()
            finally:
                self._pool.shutdown()
                self._pool = None
                _beside.pop(id(self), None)
        if self._error is not None:
            raise self._error
        return self._value

    def cancel(self) -> None:
        """Stop waiting for it (a build that failed before asking): the worker is let go."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            _beside.pop(id(self), None)


def _run_beside(key: int) -> object:
    return _beside[key]()


def run_jobs(job: Callable[[Sequence], None], chunks: Sequence[Sequence], workers: int) -> None:
    """``job(chunk)`` for every chunk, here and in ``workers - 1`` forked processes when ``workers`` is
    more than one. An exception a job raises is raised here, once every process has stopped.
    """
    global _job, _chunks, _next_chunk
    if workers <= 1:
        for chunk in chunks:
            job(chunk)
        return
    context = get_context("fork")
    _job, _chunks, _next_chunk = job, chunks, context.Value("i", 0)
    # Objects the build made are left out of the workers' garbage collections: a collection that
    # walked them would write to every memory page that holds one, and so copy the build's memory.
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=context) as pool:
            forked = [pool.submit(_take_chunks) for _ in range(workers - 1)]
            # This process is one of the workers. Each takes the next chunk nobody has taken, so one
            # that runs slower (this one, which the others' memory copies slow down) takes fewer.
            _take_chunks()
            for future in forked:
                future.result()
    finally:
        gc.unfreeze()
        _job, _chunks, _next_chunk = None, (), None


def _take_chunks() -> None:
    assert _job is not None and _next_chunk is not None, "run_jobs sets them before it forks the workers"
    while True:
        with _next_chunk.get_lock():
            index = _next_chunk.value
            _next_chunk.value += 1
        if index >= len(_chunks):
            return
        _job(_chunks[index])


def chunks_of(items: Sequence, workers: int, per_worker: int = 8) -> list[Sequence]:
    """``items`` cut into several chunks per worker, for the workers to share out as they go."""
    count = max(1, min(len(items), workers * per_worker))
    return [items[index::count] for index in range(count)]
