"""Where the chapters run: worker processes here, or a Dask cluster (issue 22, point 4). That a
cluster's build gives the same bytes as a local one: tests/test_warm_kernels.py."""

from datetime import date
from pathlib import Path

import pytest

from programme_monitor.builder import chapter_executors
from programme_monitor.builder.chapter_executors import chapter_executor
from programme_monitor.builder.settings import BuildFailed, BuildSettings


def _settings(**options) -> BuildSettings:
    return BuildSettings(
        Path("."), Path("data"), "2026-06-30", built_on=date(2026, 7, 1), **options
    )


def test_here_no_more_workers_than_chapters_or_jobs():
    with chapter_executor(_settings(jobs=2), chapters=1) as executor:
        assert executor.workers == 1
        assert executor.pool.submit(pow, 2, 5).result() == 32
    with chapter_executor(_settings(jobs=2), chapters=9) as executor:
        assert executor.workers == 2


def test_a_scheduler_that_does_not_answer_is_named_with_the_fix(monkeypatch):
    monkeypatch.setattr(chapter_executors, "CONNECT_SECONDS", 1)
    with pytest.raises(BuildFailed) as failure:
        with chapter_executor(_settings(scheduler="tcp://127.0.0.1:9"), chapters=3):
            pass
    message = str(failure.value)
    assert "'tcp://127.0.0.1:9'" in message and "bỏ --scheduler" in message


def test_a_cluster_without_workers_is_refused_and_one_with_workers_runs_chapters():
    from distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        with pytest.raises(BuildFailed, match="chưa có máy thợ"):
            with chapter_executor(_settings(scheduler=cluster.scheduler_address), chapters=3):
                pass
        cluster.scale(1)
        cluster.wait_for_workers(1)
        with chapter_executor(_settings(scheduler=cluster.scheduler_address), 3) as executor:
            assert executor.workers >= 1
            assert executor.pool.submit(pow, 2, 5).result() == 32
