"""The frame every scenario shares: 300 registrations posted, a fault, then the reckoning."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from standalone.registrations import generated_registration
from tests.faults.amqp_clients import DeadLetterSeen, dead_letters
from tests.faults.figures import ScenarioFigures
from tests.faults.rabbit_node import RabbitNode
from tests.faults.reconciliation import Reconciliation, StoredDocuments
from tests.faults.stack import WORKER_NAMES, Culdesac, Posting, start_posting

REGISTRATIONS = 300
# The fault strikes once this many registrations are accepted, with the rest still coming.
FAULT_AFTER = 100
SETTLE_PATIENCE_SECONDS = 90.0
# Short retry tiers (CULDESAC_RETRY_DELAYS): a 10 s outage is retried several times, not once.
RETRY_DELAY_TIERS = (0.2, 0.5, 1.0)
SETTLE_POLL_SECONDS = 0.5
# Longer than the private node's quorum tick, so a drain seen twice is a drain.
QUIET_SECONDS = 2.0


def registration_requests(seed: int) -> list[dict[str, Any]]:
    """Registrations with 0 to 3 guardians and 0 to 4 immunizations each, reproducible by seed."""
    rng = random.Random(seed)
    return [generated_registration(rng, index) for index in range(REGISTRATIONS)]


@dataclass(frozen=True)
class Reckoning:
    reconciliation: Reconciliation
    dead_letters: list[DeadLetterSeen]

    def figures(self, scenario: str, seconds: float, **notes: float | str) -> ScenarioFigures:
        return ScenarioFigures(
            scenario=scenario,
            accepted=self.reconciliation.accepted,
            completed=self.reconciliation.completed,
            lost=self.reconciliation.total_lost,
            duplicate=self.reconciliation.total_duplicate,
            dead_lettered=len(self.dead_letters),
            seconds=round(seconds, 1),
            notes=dict(notes),
        )


@dataclass(frozen=True)
class FaultScenario:
    """One scenario's world: its processes, its database, the RabbitMQ node, its report."""

    culdesac: Culdesac
    stored: StoredDocuments
    rabbit_node: RabbitNode
    namespace: str
    report: Callable[[ScenarioFigures], None]
    postings: list[Posting] = field(default_factory=list)

    def post(self, requests: Sequence[Mapping[str, Any]]) -> Posting:
        """Start posting ``requests`` through the ingress, in the background."""
        posting = start_posting(
            self.culdesac.base_url, requests, self.namespace, self.culdesac.headers
        )
        self.postings.append(posting)
        return posting

    async def close(self) -> None:
        """Stop posting, should the scenario have ended early."""
        for posting in self.postings:
            await posting.cancel()

    def in_flight(self) -> dict[str, int]:
        """Messages ready or unacknowledged in the namespace's queues, dead letters aside."""
        return {
            name: depth
            for name, depth in self.rabbit_node.queue_depths().items()
            if name.startswith(f"{self.namespace}.") and not name.endswith(".dead") and depth
        }

    def workers_without_consumers(self) -> list[str]:
        consumers = self.rabbit_node.queue_consumers()
        return [
            worker for worker in WORKER_NAMES if consumers.get(f"{self.namespace}.{worker}", 0) == 0
        ]

    async def reckon(self, requests: Sequence[Mapping[str, Any]], posting: Posting) -> Reckoning:
        """Wait until every accepted registration completed and the queues drained; then count.

        Drained means no message waits or is in flight anywhere but in the dead-letter queues,
        so nothing still on its way can change the counts afterwards. Queue counts lag a little
        (quorum queues report them on a tick), so the drain must hold for a quiet period.
        """
        await posting.finished()
        ids = list(posting.accepted.values())
        deadline = time.monotonic() + SETTLE_PATIENCE_SECONDS
        drained_since: float | None = None

        async def settled() -> bool:
            nonlocal drained_since
            self.culdesac.assert_running()
            if await self.stored.completed(ids) < len(ids) or self.in_flight():
                drained_since = None
                return False
            drained_since = drained_since or time.monotonic()
            return time.monotonic() - drained_since >= QUIET_SECONDS

        while not await settled():
            if time.monotonic() > deadline:
                reconciliation = await self.stored.reconcile(requests, posting.accepted)
                pytest.fail(
                    f"not settled after {SETTLE_PATIENCE_SECONDS:.0f} s: {reconciliation}\n"
                    f"messages in flight: {self.in_flight()}\n"
                    f"process logs: {self.culdesac.log_directory}\n"
                    f"errors logged:\n{errors_logged(self.culdesac)}"
                )
            await asyncio.sleep(SETTLE_POLL_SECONDS)
        return Reckoning(
            await self.stored.reconcile(requests, posting.accepted),
            await dead_letters(self.rabbit_node.url, self.namespace),
        )


def log_records(culdesac: Culdesac) -> list[dict[str, Any]]:
    """The processes' JSON log lines, parsed; anything else (a traceback) is left out."""
    records = []
    for line in culdesac.output().splitlines():
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def errors_logged(culdesac: Culdesac, limit: int = 40) -> str:
    """The last error lines the processes logged (for a failure's message)."""
    lines = [
        json.dumps(record)[:600]
        for record in log_records(culdesac)
        if record.get("level") in {"error", "critical"}
    ]
    return "\n".join(lines[-limit:])


def assert_exact(reckoning: Reckoning) -> None:
    """Every accepted registration completed, and stored exactly once, entity by entity."""
    reconciliation = reckoning.reconciliation
    assert reconciliation.completed == reconciliation.accepted, reconciliation
    assert reconciliation.total_lost == 0, reconciliation
    assert reconciliation.total_duplicate == 0, reconciliation
    assert dict(reconciliation.stored) == dict(reconciliation.expected), reconciliation
