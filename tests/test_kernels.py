"""Parallel chapters each get a kernel on sockets no other kernel can take."""

from programme_monitor.builder.kernels import PrivateSocketKernelManager


def test_kernels_use_unix_sockets_with_a_path_of_their_own():
    first, second = PrivateSocketKernelManager(), PrivateSocketKernelManager()
    assert first.transport == second.transport == "ipc"
    assert first.ip != second.ip
    assert len(first.ip) < 90  # Unix socket paths are limited to about 100 bytes, ports added


def test_a_finished_chapters_kernel_is_shut_down_without_an_interrupt():
    """jupyter_client interrupts a kernel (SIGINT) before shutting it down, and ipykernel then
    prints "ERROR | KeyboardInterrupt caught in kernel" (about one chapter in eight, measured):
    the kernel of a finished chapter gets the shutdown request alone."""
    import asyncio
    import signal

    manager = PrivateSocketKernelManager(kernel_name="python3")
    sent = []
    original = manager._async_signal_kernel

    async def recording(signum):
        sent.append(signum)
        await original(signum)

    manager._async_signal_kernel = recording

    async def run_and_stop():
        await manager.start_kernel()
        try:
            await manager.interrupt_kernel()  # while it runs, an interrupt still reaches it
            assert sent == [signal.SIGINT]
        finally:
            await manager.shutdown_kernel()

    asyncio.run(run_and_stop())
    assert sent == [signal.SIGINT], sent  # none more at shutdown
    assert not asyncio.run(manager.is_alive())
