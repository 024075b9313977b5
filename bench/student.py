"""Student events through ``culdesac worker student`` and through the plain baselines.

The bench publishes N ``student.registered.v1`` events with a plain AMQP client and counts the
``student.persisted.v1`` events the consumer publishes; nothing asks the storage how far it got.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from datetime import UTC, datetime

import aio_pika

from bench.figures import Figures
from bench.plain import queue_name
from bench.runs import Broker, Meters, session, wait_for_queue
from bench.watch import Watcher

PATIENCE_SECONDS = 600
# name → the command after ``python -m``
CONSUMERS = {
    "project": ["cli", "worker", "student"],
    "plain": ["bench.plain", "student", "{namespace}"],
    "plain-batch": ["bench.plain", "student-batch", "{namespace}"],
}


def student_event(index: int) -> bytes:
    student = {
        "id": str(uuid.uuid4()),
        "first_name": f"Bench{index}",
        "last_name": "Student",
        "date_of_birth": "2012-05-01",
        "email": f"bench-{uuid.uuid4().hex}@example.com",
    }
    return json.dumps(
        {
            "specversion": "1.0",
            "id": str(uuid.uuid4()),
            "source": "urn:culdesac:bench",
            "type": "student.registered.v1",
            "time": datetime.now(UTC).isoformat(),
            "data": student,
        }
    ).encode()


async def measure_student(
    broker: Broker, mongodb_url: str, count: int, consumer: str, processes: int = 1
) -> Figures:
    """N events to ``processes`` competing consumers of one kind."""
    command = CONSUMERS[consumer]
    async with session(broker, mongodb_url) as run:
        arguments = [part.format(namespace=run.namespace) for part in command]
        # The project runs with its defaults (batches on, prefetch above the batch size).
        for _ in range(processes):
            run.start("workers", arguments)
        queue_of = (
            f"{run.namespace}.student"
            if consumer == "project"
            else queue_name(run.namespace, "student")
        )
        await wait_for_queue(run, queue_of)
        bodies = [student_event(index) for index in range(count)]
        async with Watcher(run.amqp_url, run.exchange_name) as watcher:
            connection = await aio_pika.connect(run.amqp_url)
            meters = Meters(run)
            try:
                channel = await connection.channel(publisher_confirms=True)
                exchange = await channel.get_exchange(run.exchange_name)
                await meters.start()
                started = time.monotonic()
                await asyncio.gather(
                    *(
                        exchange.publish(
                            aio_pika.Message(body, content_type="application/cloudevents+json"),
                            routing_key="student.registered.v1",
                        )
                        for body in bodies
                    )
                )
                published = time.monotonic()
                await watcher.until(lambda: len(watcher.outcomes_of("")) >= count, PATIENCE_SECONDS)
                finished = max(watcher.outcomes_of("").values())
                await meters.stop()
            finally:
                await connection.close()
    return {
        "messages per second": round(count / (finished - started), 1),
        "publish seconds": round(published - started, 2),
        "failed outcomes": watcher.failed,
        **meters.figures(count, "message"),
    }
