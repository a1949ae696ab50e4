"""The kernel that papermill starts for each chapter, made safe to start several at once.

By default a Jupyter kernel talks over TCP on ports its manager picks free and then releases; two
chapters starting at the same moment in parallel workers can pick the same port, and one kernel
dies with "Address already in use" (seen here on a 2-core machine). Unix sockets with a path of
their own per kernel cannot collide, and need no network at all.
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
