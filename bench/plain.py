"""The baselines: plain aio-pika + PyMongo consumers doing the same work as the workers.

``python -m bench.plain MODE NAMESPACE`` (URLs from ``CULDESAC_AMQP_URL`` and
``CULDESAC_MONGODB_URL``, database ``CULDESAC_MONGODB_DATABASE``):

- ``student``: one quorum queue bound to ``student.registered.v1``; per message: validate
  (pydantic, the project's contract), ``insert_one``, publish ``student.persisted.v1`` and await
  its confirm, ack.
- ``student-batch``: the same with up to 100 deliveries per ``insert_many(ordered=False)``
  gathered within 5 ms, confirms awaited together.
- ``registrations`` / ``registrations-batch``: a fan-out consumer of
  ``registration.requested.v1`` publishing the concern events (student, guardians, contact,
  library card, immunizations) with confirms, and five quorum queues whose consumers store each
  concern's document and publish its ``<concern>.persisted.v1``; no ledger.

No retries, no dead letters, no logging: the least a pipeline of these services can do.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import uuid
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aio_pika
from aio_pika.abc import AbstractExchange, AbstractIncomingMessage, AbstractQueue
from pymongo import AsyncMongoClient
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import BulkWriteError, DuplicateKeyError

from contracts.events import event_model

BATCH_SIZE = 100
BATCH_LINGER_SECONDS = 0.005
PREFETCH = 32
BATCH_PREFETCH = 128
QUEUE_ARGUMENTS: dict[str, Any] = {"x-queue-type": "quorum"}
Document = dict[str, Any]


def queue_name(namespace: str, worker: str) -> str:
    return f"{namespace}.plain-{worker}"


def envelope(event_type: str, data: Document, correlation_id: str | None) -> bytes:
    event: Document = {
        "specversion": "1.0",
        "id": str(uuid.uuid4()),
        "source": "urn:culdesac:bench:plain",
        "type": event_type,
        "time": datetime.now(UTC).isoformat(),
        "datacontenttype": "application/json",
        "data": data,
    }
    if correlation_id is not None:
        event["correlationid"] = correlation_id
    return json.dumps(event).encode()


def message(body: bytes) -> aio_pika.Message:
    return aio_pika.Message(
        body,
        content_type="application/cloudevents+json",
        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
    )


@dataclass(frozen=True, slots=True)
class Stored:
    """What one concern event becomes: its document and the outcome to publish."""

    document: Document
    concern: str
    entity_id: str
    student_id: str


def stored_of(event_type: str, body: bytes) -> tuple[Stored, str | None]:
    """Validate the body by its type's contract; the document to store and the correlation id."""
    event = event_model(event_type).model_validate_json(body, context={"event_type": event_type})
    data = event.data.model_dump(mode="json")
    if event_type == "student.registered.v1":
        return Stored({"_id": data.pop("id"), **data}, "student", event.data.id, event.data.id), (
            event.correlationid
        )
    student_id = data["student"]["id"]
    concern, part = {
        "guardian.registered.v1": ("guardian", "guardian"),
        "contact.registered.v1": ("contact", "contact"),
        "library_card.requested.v1": ("library_card", "library_card"),
        "immunization.recorded.v1": ("immunization", "immunization"),
    }[event_type]
    document = dict(data[part])
    if concern == "contact":
        document["_id"] = student_id
    else:
        document["_id"] = document.pop("id")
    if concern == "library_card":
        document["card_number"] = f"LC-{random.randrange(10**9):09d}"
        document["issued_at"] = datetime.now(UTC).isoformat()
    return Stored(document, concern, str(document["_id"]), student_id), event.correlationid


COLLECTION_OF = {
    "student": "students",
    "guardian": "guardians",
    "contact": "contacts",
    "library_card": "library_cards",
    "immunization": "immunizations",
}


class Pipeline:
    def __init__(self, exchange: AbstractExchange, database: Any) -> None:
        self.exchange = exchange
        self.database = database

    def collection(self, concern: str) -> AsyncCollection[Document]:
        collection: AsyncCollection[Document] = self.database[COLLECTION_OF[concern]]
        return collection

    async def publish_outcome(self, stored: Stored, correlation_id: str | None) -> None:
        data = {"concern": stored.concern, "entity_id": stored.entity_id}
        data["student_id"] = stored.student_id
        await self.exchange.publish(
            message(envelope(f"{stored.concern}.persisted.v1", data, correlation_id)),
            routing_key=f"{stored.concern}.persisted.v1",
        )

    async def one(self, delivery: AbstractIncomingMessage) -> None:
        stored, correlation_id = stored_of(delivery.routing_key or "", delivery.body)
        with suppress(DuplicateKeyError):  # a redelivery: stored before, published again
            await self.collection(stored.concern).insert_one(stored.document)
        await self.publish_outcome(stored, correlation_id)
        await delivery.ack()

    async def many(self, deliveries: list[AbstractIncomingMessage]) -> None:
        parsed = [stored_of(d.routing_key or "", d.body) for d in deliveries]
        by_concern: dict[str, list[Document]] = {}
        for stored, _ in parsed:
            by_concern.setdefault(stored.concern, []).append(stored.document)
        for concern, documents in by_concern.items():
            with suppress(BulkWriteError):  # redelivered duplicates; the others are written
                await self.collection(concern).insert_many(documents, ordered=False)
        await asyncio.gather(*(self.publish_outcome(s, c) for s, c in parsed))
        await asyncio.gather(*(d.ack() for d in deliveries))

    async def fan_out(self, delivery: AbstractIncomingMessage) -> None:
        requested = event_model("registration.requested.v1").model_validate_json(
            delivery.body, context={"event_type": "registration.requested.v1"}
        )
        request = requested.data.model_dump(mode="json")
        registration_id = request["registration_id"]
        base = uuid.UUID(registration_id)

        def derived(name: str) -> str:
            return str(uuid.uuid5(base, name))

        student = {"id": derived("student"), **request["student"]}
        events: list[tuple[str, Document]] = [("student.registered.v1", student)]
        events += [
            (
                "guardian.registered.v1",
                {
                    "student": student,
                    "guardian": {**g, "id": derived(f"g{i}"), "student_id": student["id"]},
                },
            )
            for i, g in enumerate(request["guardians"])
        ]
        contact = {key: value for key, value in request["contact"].items() if value is not None}
        events.append(
            (
                "contact.registered.v1",
                {"student": student, "contact": {**contact, "student_id": student["id"]}},
            )
        )
        if request["library_card"]:
            card = {"id": derived("card"), "student_id": student["id"]}
            events.append(("library_card.requested.v1", {"student": student, "library_card": card}))
        events += [
            (
                "immunization.recorded.v1",
                {
                    "student": student,
                    "immunization": {**m, "id": derived(f"m{i}"), "student_id": student["id"]},
                },
            )
            for i, m in enumerate(request["immunizations"])
        ]
        for _, data in events:
            for part in data.values() if "student" in data else [data]:
                for key in [k for k, v in part.items() if v is None]:
                    del part[key]
        await asyncio.gather(
            *(
                self.exchange.publish(message(envelope(t, d, registration_id)), routing_key=t)
                for t, d in events
            )
        )
        await delivery.ack()


def batched(
    handle: Callable[[list[AbstractIncomingMessage]], Awaitable[None]],
) -> Callable[[AbstractIncomingMessage], Awaitable[None]]:
    """Deliveries gathered for ``BATCH_LINGER_SECONDS`` (at most ``BATCH_SIZE``), then handled."""
    pending: list[AbstractIncomingMessage] = []
    flushing: list[asyncio.Task[None]] = []

    async def flush_later() -> None:
        await asyncio.sleep(BATCH_LINGER_SECONDS)
        await flush()

    async def flush() -> None:
        batch = pending[:BATCH_SIZE]
        del pending[: len(batch)]
        if batch:
            await handle(batch)

    async def on_delivery(delivery: AbstractIncomingMessage) -> None:
        pending.append(delivery)
        if len(pending) >= BATCH_SIZE:
            await flush()
        elif len(pending) == 1:
            task = asyncio.create_task(flush_later())
            flushing[:] = [t for t in flushing if not t.done()] + [task]

    return on_delivery


CONCERN_BINDINGS = {
    "student": "student.registered.v1",
    "guardian": "guardian.registered.v1",
    "contact": "contact.registered.v1",
    "library-card": "library_card.requested.v1",
    "immunization": "immunization.recorded.v1",
}


async def run(mode: str, namespace: str) -> None:
    amqp_url = os.environ["CULDESAC_AMQP_URL"]
    client: AsyncMongoClient[Document] = AsyncMongoClient(os.environ["CULDESAC_MONGODB_URL"])
    database = client[os.environ["CULDESAC_MONGODB_DATABASE"]]
    await database.students.create_index("email", unique=True)
    batch = mode.endswith("-batch")
    connection = await aio_pika.connect(amqp_url)
    channel = await connection.channel(publisher_confirms=True, on_return_raises=True)
    await channel.set_qos(prefetch_count=BATCH_PREFETCH if batch else PREFETCH)
    exchange = await channel.declare_exchange(
        f"{namespace}.events", aio_pika.ExchangeType.TOPIC, durable=True
    )
    pipeline = Pipeline(exchange, database)
    bindings = (
        {"student": "student.registered.v1"}
        if mode.startswith("student")
        else {"registration": "registration.requested.v1", **CONCERN_BINDINGS}
    )
    queues: list[AbstractQueue] = []
    for worker, binding in bindings.items():
        queue = await channel.declare_queue(
            queue_name(namespace, worker), durable=True, arguments=QUEUE_ARGUMENTS
        )
        await queue.bind(exchange, routing_key=binding)
        queues.append(queue)
    for queue, worker in zip(queues, bindings, strict=True):
        if worker == "registration":
            await queue.consume(pipeline.fan_out)
        else:
            await queue.consume(batched(pipeline.many) if batch else pipeline.one)
    print("ready", flush=True)
    try:
        await asyncio.Future()
    finally:
        await connection.close()
        await client.close()


if __name__ == "__main__":
    chosen_mode, chosen_namespace = sys.argv[1], sys.argv[2]
    if chosen_mode not in ("student", "student-batch", "registrations", "registrations-batch"):
        raise SystemExit(f"unknown mode {chosen_mode}")
    asyncio.run(run(chosen_mode, chosen_namespace))
