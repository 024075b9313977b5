"""A TCP proxy on loopback whose connections a test can cut, as a network failure would."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit


class TcpProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self._upstream = (upstream_host, upstream_port)
        self._writers: set[asyncio.StreamWriter] = set()
        self._pipes: set[asyncio.Task[None]] = set()
        self._server: asyncio.Server | None = None
        self.port = 0
        # Set while the server's answers flow; cleared by hold_answers().
        self._answering = asyncio.Event()
        self._answering.set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        self.cut()
        await asyncio.gather(*self._pipes, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    def cut(self) -> None:
        """Drop every open connection at once; new ones are accepted again."""
        for writer in self._writers:
            writer.transport.abort()
        self._writers.clear()

    def hold_answers(self) -> None:
        """Keep what the server sends (e.g. publisher confirms) until release_answers()."""
        self._answering.clear()

    def release_answers(self) -> None:
        self._answering.set()

    def url_for(self, url: str) -> str:
        parts = urlsplit(url)
        credentials = parts.netloc.rpartition("@")[0]
        netloc = f"{credentials}@127.0.0.1:{self.port}" if credentials else f"127.0.0.1:{self.port}"
        return urlunsplit(parts._replace(netloc=netloc))

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(*self._upstream)
        self._writers.update({writer, upstream_writer})
        for source, target, gate in (
            (reader, upstream_writer, None),
            (upstream_reader, writer, self._answering),
        ):
            pipe = asyncio.create_task(self._pipe(source, target, gate))
            self._pipes.add(pipe)
            pipe.add_done_callback(self._pipes.discard)

    async def _pipe(
        self,
        source: asyncio.StreamReader,
        target: asyncio.StreamWriter,
        gate: asyncio.Event | None,
    ) -> None:
        with contextlib.suppress(ConnectionError, OSError):
            while data := await source.read(65536):
                if gate is not None:
                    await gate.wait()
                target.write(data)
                await target.drain()
        target.transport.abort()


@contextlib.asynccontextmanager
async def proxied(url: str) -> AsyncIterator[tuple[TcpProxy, str]]:
    """A proxy in front of the server ``url`` names, and the same URL through the proxy."""
    parts = urlsplit(url)
    proxy = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5672)
    await proxy.start()
    try:
        yield proxy, proxy.url_for(url)
    finally:
        await proxy.stop()
