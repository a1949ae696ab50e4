"""The kernel that papermill starts for each chapter, made safe to start several at once.

By default a Jupyter kernel talks over TCP on ports its manager picks free and then releases; two
chapters starting at the same moment in parallel workers can pick the same port, and one kernel
dies with "Address already in use" (seen here on a 2-core machine). Unix sockets with a path of
their own per kernel cannot collide, and need no network at all.

When a chapter has run, jupyter_client interrupts the kernel (SIGINT) before asking it to shut
down, and ipykernel answers every such interrupt with "[IPKernelApp] ERROR | KeyboardInterrupt
caught in kernel" on the build's output: a line that reads like a failure after a build that
succeeded. The kernel is idle by then, so the shutdown request alone stops it (and
jupyter_client still terminates, then kills, a kernel that does not stop in time).
"""

from __future__ import annotations

import os
import tempfile
import uuid

from jupyter_client import AsyncKernelManager
from traitlets import CaselessStrEnum, default


class PrivateSocketKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel listens on Unix sockets under a unique path."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("ip")
    def _unique_socket_path(self) -> str:
        # Short on purpose: a Unix socket path is limited to about 100 bytes.
        return os.path.join(tempfile.gettempdir(), f"pm-{uuid.uuid4().hex[:16]}")

    async def _async_interrupt_kernel(self) -> None:
        if self.shutting_down:  # the chapter has finished: nothing to interrupt
            return
        await super()._async_interrupt_kernel()
