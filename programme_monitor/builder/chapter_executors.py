"""Where the chapters run: worker processes on this machine, or the workers of a Dask cluster
(issue 22, point 4).

Either way the build gets a `concurrent.futures` executor: it submits each chapter
(execute._execute_one) and stores each result in the chapter cache as it finishes. On a cluster
(`build --scheduler ADDRESS`) Dask's own scheduler places the chapters on its workers; each worker
thread keeps one warm kernel as a local worker process does. The workers read the notebooks and
the data, and write each chapter's run directory, at the paths this machine gives them: the
project folder (with its chapter cache, `_build/cache`) must be on storage they share, mounted at
the same path, and the workers need this project's Python environment.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from programme_monitor.builder.settings import BuildFailed, BuildSettings

# How long to wait for a cluster's scheduler to answer before saying it cannot be reached.
CONNECT_SECONDS = 20


@dataclass(frozen=True)
class ChapterExecutor:
    """Runs chapters: `pool` takes submissions; `workers` is how many run at once."""

    pool: Executor
    workers: int


@contextmanager
def chapter_executor(settings: BuildSettings, chapters: int) -> Iterator[ChapterExecutor]:
    """The executor for `chapters` chapters: the cluster at `settings.scheduler`, or
    `settings.jobs` worker processes here (no more than there are chapters)."""
    if settings.scheduler:
        with _dask_cluster(settings.scheduler) as executor:
            yield executor
        return
    workers = max(1, min(settings.jobs, chapters))
    # Processes, not threads: each notebook's kernel client keeps its own event loop and sockets.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield ChapterExecutor(pool, workers)


@contextmanager
def _dask_cluster(address: str) -> Iterator[ChapterExecutor]:
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, ValueError) as exc:
        raise BuildFailed(
            f"không kết nối được bộ lập lịch Dask ở {address!r} ({exc}). Cách sửa: kiểm tra địa "
            "chỉ (dạng tcp://máy:8786) và rằng bộ lập lịch đang chạy, hoặc bỏ --scheduler để "
            "chạy các chương trên máy này."
        ) from None
    with client:
        workers = sum(client.nthreads().values())
        if workers == 0:
            raise BuildFailed(
                f"bộ lập lịch Dask ở {address!r} chưa có máy thợ (worker) nào. Cách sửa: khởi "
                "động ít nhất một `dask worker` nối vào nó, trên máy thấy được thư mục dự án."
            )
        # pure=False: two chapters with the same arguments are still two runs.
        with client.get_executor(pure=False) as pool:
            yield ChapterExecutor(pool, workers)
