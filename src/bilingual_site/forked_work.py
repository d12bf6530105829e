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


def worker_count(jobs: int, jobs_per_worker: int, serving: bool = False) -> int:
    """How many worker processes ``jobs`` are worth: one per core, each with ``jobs_per_worker`` at least."""
    if serving or not sys.platform.startswith("linux"):
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), jobs // jobs_per_worker))


def run_jobs(job: Callable[[Sequence], None], chunks: Sequence[Sequence], workers: int) -> None:
    """``job(chunk)`` for every chunk, in ``workers`` forked processes when more than one, else here.

    An exception a job raises is raised here (the first, in chunk order), once every chunk has run.
    """
    global _job
    if workers <= 1:
        for chunk in chunks:
            job(chunk)
        return
    _job = job
    # Objects the build made are left out of the workers' garbage collections: a collection that
    # walked them would write to every memory page that holds one, and so copy the build's memory.
    gc.freeze()
    try:
        # This process is one of the workers: it runs the first share while the forked ones run theirs.
        with ProcessPoolExecutor(workers - 1, mp_context=get_context("fork")) as pool:
            forked = [pool.submit(_run_job, chunk) for index, chunk in enumerate(chunks) if index % workers]
            for chunk in chunks[::workers]:
                job(chunk)
            for future in forked:
                future.result()
    finally:
        gc.unfreeze()
        _job = None


def _run_job(chunk: Sequence) -> None:
    assert _job is not None, "run_jobs sets the job before it forks the workers"
    _job(chunk)


def chunks_of(items: Sequence, workers: int, per_worker: int = 4) -> list[Sequence]:
    """``items`` cut into a few chunks per worker (so that a slow chunk does not keep the others waiting)."""
    count = max(1, min(len(items), workers * per_worker))
    return [items[index::count] for index in range(count)]
