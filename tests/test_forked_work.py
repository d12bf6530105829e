"""Jobs spread over forked workers run once each, report their errors, and leave the collector as it was."""

from __future__ import annotations

import gc
import os
import time

import pytest

from bilingual_site import forked_work


def write_pid(folder):
    def job(names):
        time.sleep(0.005)  # long enough that the forked worker, started after this process, takes some
        for name in names:
            (folder / name).write_text(str(os.getpid()), encoding="utf-8")
    return job


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is what is tested")
def test_forked_workers_run_every_job_once_and_this_process_runs_a_share(tmp_path):
    names = [f"job-{number}" for number in range(40)]
    forked_work.run_jobs(write_pid(tmp_path), forked_work.chunks_of(names, 2), workers=2)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(names)
    writers = {path.read_text(encoding="utf-8") for path in tmp_path.iterdir()}
    assert str(os.getpid()) in writers and len(writers) == 2  # this process and one forked worker
    assert gc.get_freeze_count() == 0


def test_one_worker_runs_the_jobs_here(tmp_path):
    forked_work.run_jobs(write_pid(tmp_path), [["a"], ["b"]], workers=1)
    assert {path.read_text(encoding="utf-8") for path in tmp_path.iterdir()} == {str(os.getpid())}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is what is tested")
def test_an_error_in_a_forked_worker_is_raised_here_with_its_message(tmp_path):
    here = os.getpid()

    def job(names):
        time.sleep(0.005)
        if os.getpid() != here:
            raise ValueError(f"{names[0]}: cannot be written")

    with pytest.raises(ValueError, match=r"job-\d+: cannot be written"):
        forked_work.run_jobs(job, [[f"job-{number}"] for number in range(20)], workers=2)
    assert gc.get_freeze_count() == 0


def test_chunks_hold_every_item_once():
    items = list(range(103))
    chunks = forked_work.chunks_of(items, 2)
    assert len(chunks) == 16 and sorted(item for chunk in chunks for item in chunk) == items
    assert forked_work.chunks_of([1], 4) == [[1]]


def test_worker_count_is_one_when_serving_or_for_few_jobs():
    assert forked_work.worker_count(10_000, 32, serving=True) == 1
    assert forked_work.worker_count(31, 32) == 1
    assert 1 <= forked_work.worker_count(10_000, 32) <= len(os.sched_getaffinity(0))

