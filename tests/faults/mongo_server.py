"""A MongoDB wire-protocol server (SecantusDB) of the scenario's own, stoppable on its data."""

from __future__ import annotations

from pathlib import Path

from tests.backing_services import SecantusServer, free_port


class MongoWireServer:
    """SecantusDB on a fixed loopback port over an on-disk storage path.

    ``stop`` ends the process gracefully; ``start`` runs a new one on the same port and data,
    so clients see the very server they lost come back. ``discard`` kills it, for the end of a
    scenario, whose data is not read again.
    """

    def __init__(self, storage_path: Path) -> None:
        self._server = SecantusServer(
            storage_path, free_port(), storage_path.parent / "secantus.log"
        )
        self._running = False
        self.url = self._server.url

    def start(self) -> None:
        if self._running:
            return
        self._server.start()
        self._running = True

    def stop(self) -> None:
        self._running = False
        self._server.stop()

    def discard(self) -> None:
        self._running = False
        self._server.stop(graceful=False)
