"""Parallel chapters each get a kernel on sockets no other kernel can take."""

from programme_monitor.builder.kernels import PrivateSocketKernelManager


def test_kernels_use_unix_sockets_with_a_path_of_their_own():
    first, second = PrivateSocketKernelManager(), PrivateSocketKernelManager()
    assert first.transport == second.transport == "ipc"
    assert first.ip != second.ip
    assert len(first.ip) < 90  # Unix socket paths are limited to about 100 bytes, ports added
