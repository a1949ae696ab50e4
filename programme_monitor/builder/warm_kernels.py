"""One kernel per worker, kept warm from one chapter to the next (issue 22, point 1).

A fresh kernel for each chapter cost more than the chapter itself: starting the kernel, then
importing pandas, matplotlib and the package, about 2 s of the 2.7 s an indicator page took. Each
worker (a process here, a thread of a Dask worker) now starts one kernel with its first chapter,
which imports all that once (kernel_reset.preload); before each chapter the kernel is set back to
what a fresh one gives a chapter (kernel_reset.reset), and papermill runs the chapter in it as
usual: same parameters, same notebook, same outputs.
`--fresh-kernels` keeps the old path, and a test builds both ways and compares every file.

The chapters also share one client of the kernel. A client made for each chapter, as papermill
does, waits until the kernel has said nothing for 0.2 s before it is used (jupyter_client's
`wait_for_ready` makes sure a new subscriber missed nothing): with two workers that left the
cores idle about a third of the chapter stage. One client connected once misses nothing, and
reads only the replies to what it asked (nbclient matches each message to its request).
"""

from __future__ import annotations

import multiprocessing.util
import threading

from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.log import logger

from programme_monitor.builder.kernels import PrivateSocketKernelManager
from programme_monitor.builder.settings import BuildFailed

ENGINE = "warm-kernel"
RESET = "__import__('programme_monitor.builder.kernel_reset', fromlist=['_']).{call}"
START_SECONDS = 120


class WarmKernel:
    """A kernel that has imported what the chapters use, and the client that resets it."""

    def __init__(self):
        self.manager = PrivateSocketKernelManager(kernel_name="python3")
        run_sync(self.manager.start_kernel)()
        self.control = self.manager.blocking_client()
        self.control.start_channels()
        self.control.wait_for_ready(timeout=START_SECONDS)
        self._run(RESET.format(call="preload()"))
        self.chapters = self.manager.client()  # asynchronous, as nbclient wants it
        self.chapters.allow_stdin = False
        self.chapters.start_channels()
        run_sync(self.chapters.wait_for_ready)(timeout=START_SECONDS)

    def prepare(self, run_dir: str) -> None:
        """The kernel as a fresh one would be for a chapter that runs in `run_dir`."""
        self._run(RESET.format(call=f"reset({run_dir!r})"))

    def _run(self, code: str) -> None:
        # Silent: no execution count is used and nothing enters the history.
        reply = self.control.execute_interactive(
            code,
            silent=True,
            store_history=False,
            timeout=START_SECONDS,
            output_hook=lambda m: None,
        )
        content = reply["content"]
        if content["status"] != "ok":
            raise BuildFailed(
                f"nhân Python dùng lại không chuẩn bị được: {content.get('ename')}: "
                f"{content.get('evalue')} (chạy lại với --fresh-kernels: nhân mới mỗi chương)"
            )

    def close(self) -> None:
        self.chapters.stop_channels()
        self.control.stop_channels()
        run_sync(self.manager.shutdown_kernel)(now=True)


# One kernel per thread that runs chapters: a local worker process has one such thread; a Dask
# worker may have several, and each must have a kernel of its own.
_this_thread = threading.local()


def worker_kernel() -> WarmKernel:
    """The warm kernel of the thread that runs this chapter, started with its first chapter and
    shut down when its process ends."""
    kernel = getattr(_this_thread, "kernel", None)
    if kernel is None:
        kernel = _this_thread.kernel = WarmKernel()
        multiprocessing.util.Finalize(kernel, kernel.close, exitpriority=10)
    return kernel


class WarmKernelEngine(NBClientEngine):
    """papermill's engine, run in the worker's kernel (`km`) through its chapters' client (`kc`),
    which both outlive the notebook: neither is closed at the end."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name,
        log_output=False,
        km=None,
        kc=None,
        execution_timeout=None,
        **kwargs,
    ):
        client = PapermillNotebookClient(
            nb_man,
            km=km,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            timeout=execution_timeout,
            startup_timeout=START_SECONDS,
        )
        client.kc = kc  # given: nbclient neither makes its own client nor waits for one
        return client.execute()


papermill_engines.register(ENGINE, WarmKernelEngine)
