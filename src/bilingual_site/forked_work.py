"""Many equal jobs of a build spread over the machine's cores by forked worker processes.

The parallel views are written after every language is built, from pages already rendered, and
each page pair's views are independent of the others. A forked worker starts with the build's
memory as it is, shared until written: nothing is read, rendered or sent to it again, and it
sends back only what its job raised, through a pipe. Workers are plain `os.fork` children that
use no lock of the build's: a pool of workers would add threads to the build, and a thread that
held a lock at the moment of a later fork would leave it held in the copy for ever (a test run
with a browser driver hung that way).

Where fork is not the platform's way (Windows has none, macOS's system libraries are unsafe across
it), with one core, or for a handful of jobs, the jobs run in this process. `mkdocs serve` runs
them here too, rather than copy its server into the workers.

Only work that ends the build is spread this way. The source checks were tried beside the
rendering too: the checks left the build's process, but the rendering and the translation
statuses ran slower beside them by as much on this project's two-core machine, so the build
took as long or longer.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing import get_context


def cores(serving: bool = False) -> int:
    """The cores forked workers may use: 1 where this module does not fork (see above), and in a
    process with other threads (`mkdocs serve --clean` tells hooks its command is `build`)."""
    if serving or not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    return len(os.sched_getaffinity(0))


def worker_count(jobs: int, jobs_per_worker: int, serving: bool = False) -> int:
    """How many processes ``jobs`` are worth: one per core, each with ``jobs_per_worker`` at least."""
    return max(1, min(cores(serving), jobs // jobs_per_worker))


def chunks_of(items: Sequence, workers: int, per_worker: int = 8) -> list[Sequence]:
    """``items`` cut into several chunks per worker, for the workers to share out as they go."""
    count = max(1, min(len(items), workers * per_worker))
    return [items[index::count] for index in range(count)]


def run_jobs(job: Callable[[Sequence], None], chunks: Sequence[Sequence], workers: int) -> None:
    """``job(chunk)`` for every chunk, here and in ``workers - 1`` forked processes when ``workers`` is
    more than one. An exception a job raises is raised here, once every process has stopped.
    """
    if workers <= 1:
        for chunk in chunks:
            job(chunk)
        return
    next_chunk = get_context("fork").Value("i", 0)  # in memory shared with the workers

    def take_chunks() -> None:
        # Each process takes the next chunk nobody has taken, so one that runs slower (this one,
        # which the workers' copies of its memory pages slow down) takes fewer.
        while True:
            with next_chunk.get_lock():
                index = next_chunk.value
                next_chunk.value += 1
            if index >= len(chunks):
                return
            try:
                job(chunks[index])
            except BaseException:
                with next_chunk.get_lock():
                    next_chunk.value = len(chunks)  # the others stop after their current chunk
                raise

    failure: BaseException | None = None
    forked: list[tuple[int, int]] = []
    # Objects the build made are left out of the workers' garbage collections: a collection that
    # walked them would write to every memory page that holds one, and so copy the build's memory.
    gc.freeze()
    try:
        for _ in range(workers - 1):
            forked.append(_fork(take_chunks))
    except OSError:
        pass  # no more processes or pipes to be had: this process takes the chunks of the missing workers
    finally:
        gc.unfreeze()
    try:
        take_chunks()
    except BaseException as error:  # raised once the workers have stopped too
        failure = error
    for worker in forked:
        try:
            _outcome(*worker)
        except BaseException as error:
            if failure is None:
                failure = error
    if failure is not None:
        raise failure


def _fork(work: Callable[[], object]) -> tuple[int, int]:
    """A worker running ``work()``: its process id and the pipe it sends its outcome through."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:  # the worker: whatever happens, it leaves by os._exit, never through the build's code
        try:
            os.close(read_end)
            try:
                outcome: tuple[bool, object] = (True, work())
            except BaseException as error:
                error.add_note(f"In a forked worker of the build (process {os.getpid()}):\n{traceback.format_exc()}")
                outcome = (False, error)
            try:
                message = pickle.dumps(outcome)
                pickle.loads(message)  # what the build's process will do with it
            except Exception as error:  # a value or an error that cannot be sent: its words are
                words = "".join(traceback.format_exception(outcome[1])) if not outcome[0] else repr(outcome[1])
                message = pickle.dumps((False, RuntimeError(f"{words}(not sendable from a forked worker: {error})")))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(message)
        finally:
            os._exit(0)
    os.close(write_end)
    return pid, read_end


def _outcome(pid: int, pipe: int) -> object:
    """What the worker's job returned (its error raised here), once the worker has stopped."""
    with os.fdopen(pipe, "rb") as reader:
        message = reader.read()
    _, status = os.waitpid(pid, 0)
    if not message:
        raise RuntimeError(f"a forked worker of the build (process {pid}) stopped without its result (wait status {status})")
    succeeded, value = pickle.loads(message)
    if not succeeded:
        raise value
    return value
