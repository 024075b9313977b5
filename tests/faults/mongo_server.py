"""A MongoDB wire-protocol server (SecantusDB) of the scenario's own, stoppable on its data."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from tests.backing_services import free_port, secantus_server


class MongoWireServer:
    """SecantusDB on a fixed loopback port over an on-disk storage path.

    ``stop`` ends the process gracefully; ``start`` runs a new one on the same port and data,
    so clients see the very server they lost come back.
    """

    def __init__(self, storage_path: Path) -> None:
        self._storage_path = storage_path
        self._port = free_port()
        self._running: ExitStack | None = None
        self.url = ""

    def start(self) -> None:
        if self._running is not None:
            return
        stack = ExitStack()
        self.url = stack.enter_context(secantus_server(self._storage_path, self._port))
        self._running = stack

    def stop(self) -> None:
        running, self._running = self._running, None
        if running is not None:
            running.close()
