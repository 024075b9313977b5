"""``python -m bench.storage_commands [N]``: storage commands per registration, by command.

The ingress and every worker in one process on the in-memory queue and a SecantusDB started for
the run; N registrations (default 300) posted 16 at a time; every storage command counted with
PyMongo's command monitoring. Completion is told by the commands falling quiet for a few
seconds, so nothing polls the ledger while counting.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import time
from collections import Counter
from typing import Any

import httpx
from pymongo import monitoring

from brokers.loggings import configure_logging
from hosting.settings import Settings
from ingress.composition import compose_api_key_processing
from standalone.registrations import generated_registration
from standalone.system import running_system
from tests.backing_services import secantus_server

QUIET_SECONDS = 3.0
CONCURRENT_POSTS = 16
# The driver's own handshakes and the start-up's index declarations are not the flow's work.
NOT_COUNTED = frozenset(
    {"ping", "hello", "isMaster", "ismaster", "endSessions", "createIndexes", "buildInfo"}
)


class CommandCounter(monitoring.CommandListener):
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.last_at = time.monotonic()

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        if event.command_name in NOT_COUNTED:
            return
        self.counts[f"{event.command_name} {event.command.get(event.command_name)}"] += 1
        self.last_at = time.monotonic()

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        """Counted when started."""

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        self.counts[f"failed {event.command_name}"] += 1


async def count_commands(mongodb_url: str, count: int, counter: CommandCounter) -> dict[str, Any]:
    settings = Settings(amqp_url="memory://", mongodb_url=mongodb_url, log_level="ERROR")
    configure_logging("ERROR", settings.log_format)
    rng = random.Random(7)
    requests = [generated_registration(rng, index) for index in range(count)]
    limit = asyncio.Semaphore(CONCURRENT_POSTS)
    async with running_system(settings, "bench-storage-commands") as system:
        created = await compose_api_key_processing(system.brokers).create_api_key("bench")
        transport = httpx.ASGITransport(app=system.ingress_app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://bench",
            headers={"Authorization": f"Bearer {created.token}"},
        ) as client:

            async def post(request: dict[str, Any]) -> None:
                async with limit:
                    response = await client.post("/v1/registrations", json=request)
                response.raise_for_status()

            counter.counts.clear()
            started = time.monotonic()
            await asyncio.gather(*(post(request) for request in requests))
            while time.monotonic() - counter.last_at < QUIET_SECONDS:  # noqa: ASYNC110
                await asyncio.sleep(0.2)
            seconds = counter.last_at - started
            counts = dict(counter.counts)
    total = sum(counts.values())
    return {
        "registrations": count,
        "commands": total,
        "commands_per_registration": round(total / count, 2),
        "seconds": round(seconds, 1),
        "by_command": dict(sorted(counts.items())),
    }


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    counter = CommandCounter()
    monitoring.register(counter)
    with secantus_server() as url:
        print(json.dumps(asyncio.run(count_commands(url, count, counter)), indent=2))


if __name__ == "__main__":
    main()
