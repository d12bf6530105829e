"""Jobs spread over forked workers run once each, report their errors, and leave the collector as it was."""

from __future__ import annotations

import gc
import os
import time

import pytest

from bilingual_site import forked_work

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is what is tested")


def slow_here_first(job):
    """``job``, with this process's first chunk held back long enough for a forked worker to start taking chunks."""
    here, held = os.getpid(), []

    def run(chunk):
        if os.getpid() == here and not held:
            held.append(True)
            time.sleep(0.3)
        job(chunk)
    return run


def write_pid(folder):
    def job(names):
        for name in names:
            (folder / name).write_text(str(os.getpid()), encoding="utf-8")
    return job


def test_forked_workers_run_every_job_once_and_this_process_runs_a_share(tmp_path):
    names = [f"job-{number}" for number in range(40)]
    forked_work.run_jobs(slow_here_first(write_pid(tmp_path)), forked_work.chunks_of(names, 2), workers=2)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(names)
    writers = {path.read_text(encoding="utf-8") for path in tmp_path.iterdir()}
    assert str(os.getpid()) in writers and len(writers) == 2  # this process and one forked worker
    assert gc.get_freeze_count() == 0


def test_one_worker_runs_the_jobs_here(tmp_path):
    forked_work.run_jobs(write_pid(tmp_path), [["a"], ["b"]], workers=1)
    assert {path.read_text(encoding="utf-8") for path in tmp_path.iterdir()} == {str(os.getpid())}


def test_an_error_in_a_forked_worker_is_raised_here_with_its_message_and_where_it_was():
    here = os.getpid()

    def job(names):
        if os.getpid() != here:
            raise ValueError(f"{names[0]}: cannot be written")

    with pytest.raises(ValueError, match=r"job-\d+: cannot be written") as raised:
        forked_work.run_jobs(slow_here_first(job), [[f"job-{number}"] for number in range(20)], workers=2)
    assert "In a forked worker of the build" in "".join(raised.value.__notes__)
    assert gc.get_freeze_count() == 0


def test_an_error_here_is_raised_once_the_workers_have_stopped(tmp_path):
    here = os.getpid()

    def job(names):
        if os.getpid() == here:
            raise KeyError("here")
        write_pid(tmp_path)(names)

    with pytest.raises(KeyError, match="here"):
        forked_work.run_jobs(slow_here_first(job), [[f"job-{number}"] for number in range(6)], workers=2)
    workers = {int(path.read_text(encoding="utf-8")) for path in tmp_path.iterdir()}
    assert workers and here not in workers
    for worker in workers:
        with pytest.raises(ChildProcessError):
            os.waitpid(worker, os.WNOHANG)  # collected already: no process left behind


def test_an_error_that_cannot_be_sent_back_arrives_in_words():
    class TwoArguments(Exception):
        def __init__(self, first, second):
            super().__init__(f"{first} and {second}")

    here = os.getpid()

    def job(names):
        if os.getpid() != here:
            raise TwoArguments("one", "two")

    with pytest.raises(RuntimeError, match="one and two") as raised:
        forked_work.run_jobs(slow_here_first(job), [[number] for number in range(20)], workers=2)
    assert "not sendable from a forked worker" in str(raised.value)


def test_chunks_hold_every_item_once():
    items = list(range(103))
    chunks = forked_work.chunks_of(items, 2)
    assert len(chunks) == 16 and sorted(item for chunk in chunks for item in chunk) == items
    assert forked_work.chunks_of([1], 4) == [[1]]


def test_worker_count_is_one_when_serving_or_for_few_jobs():
    assert forked_work.worker_count(10_000, 32, serving=True) == 1
    assert forked_work.worker_count(31, 32) == 1
    assert 1 <= forked_work.worker_count(10_000, 32) <= len(os.sched_getaffinity(0))
