"""Independent jobs of a build spread over the machine's cores by forked worker processes.

The parallel views are written after every language is built, from pages already rendered, and
each page pair's views are independent of the others. A forked worker starts with the build's
memory as it is, shared until written: only the jobs' keys are sent to it, nothing is rendered or
pickled again. Where fork is not the platform's way (Windows has none, macOS's system libraries
are unsafe across it), with one core, or for a handful of jobs, the jobs run in this process.
`mkdocs serve` runs them here too: its server threads would be copied into the workers in
whatever state they were.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

_job: Callable | None = None  # the job the workers run: set before they are forked, so never pickled
_chunks: Sequence[Sequence] = ()
_next_chunk = None  # a counter in memory shared with the workers: the next chunk nobody has taken


def worker_count(jobs: int, jobs_per_worker: int, serving: bool = False) -> int:
    """How many worker processes ``jobs`` are worth: one per core, each with ``jobs_per_worker`` at least."""
    if serving or not sys.platform.startswith("linux"):
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), jobs // jobs_per_worker))


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
