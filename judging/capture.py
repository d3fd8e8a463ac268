"""Non-blocking capture of a child's pipe into memory, with a hard cap.

The event loop reads each pipe as data arrives; past the cap we stop reading, close
our end and tell the caller, who stops the program (OLE). The server never buffers more
than the cap, whatever the program prints.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable

CHUNK = 1 << 16


class Capture:
    """Reads `fd` until EOF or until more than `limit` bytes arrived.

    on_exceeded: called once, from the event loop, when the cap is passed.
    """

    def __init__(self, fd: int, limit: int, on_exceeded: Callable[[], None] | None = None) -> None:
        self.fd = fd
        self.limit = limit
        self.data = bytearray()
        self.exceeded = False
        self._on_exceeded = on_exceeded
        self._loop = asyncio.get_running_loop()
        self._done: asyncio.Future[None] = self._loop.create_future()
        os.set_blocking(fd, False)
        self._loop.add_reader(fd, self._read)

    def _read(self) -> None:
        try:
            chunk = os.read(self.fd, CHUNK)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self.close()
            return
        room = self.limit - len(self.data)
        if len(chunk) > room:
            self.data += chunk[: max(room, 0)]
            self.exceeded = True
            self.close()
            if self._on_exceeded is not None:
                self._on_exceeded()
            return
        self.data += chunk

    @property
    def done(self) -> bool:
        return self._done.done()

    async def wait(self, within: float) -> None:
        """Wait up to `within` seconds for EOF (or the cap); then close regardless."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(within):
                await asyncio.shield(self._done)
        self.close()

    def close(self) -> None:
        if self._done.done():
            return
        self._loop.remove_reader(self.fd)
        os.close(self.fd)
        self._done.set_result(None)


async def wait_readable(fd: int, within: float | None = None) -> bool:
    """Wait until `fd` is readable (a pidfd: the process exited); False after `within` s."""
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(fd, wake)
    try:
        # asyncio.timeout, not wait_for: on 3.11 wait_for swallows a cancel that lands
        # as the fd turns readable, and a cancelled run would carry on (CPython gh-86296).
        async with asyncio.timeout(within):
            await ready
        return True
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)


def read_available(fd: int, limit: int = 1 << 20) -> bytes:
    """Everything readable from `fd` right now (its writers are gone), up to `limit`."""
    os.set_blocking(fd, False)
    parts: list[bytes] = []
    size = 0
    while size < limit:
        try:
            chunk = os.read(fd, CHUNK)
        except BlockingIOError:
            break
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)
