"""The concern workers as subprocesses, fed shuffled and duplicated events by a plain client.

No student worker runs: each concern worker ensures its student itself. Two copies of some
workers compete for their queue.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import aio_pika
from faker import Faker

from tests.acceptance.conftest import eventually
from tests.acceptance.processes import CuldesacProcess

STUDENTS = 20
CONCERN_WORKERS = ("guardian", "contact", "library-card", "immunization")
# Competing consumers: a second copy of the workers that get the most messages.
SECOND_COPIES = ("guardian", "immunization")


def cloud_event(event_type: str, data: dict[str, Any], correlation_id: str) -> dict[str, Any]:
    return {
        "specversion": "1.0",
        "id": str(uuid.uuid4()),
        "source": "urn:test:publisher",
        "type": event_type,
        "time": datetime.now(UTC).isoformat(),
        "datacontenttype": "application/json",
        "data": data,
        "correlationid": correlation_id,
    }


def concern_events(faker: Faker, rng: random.Random) -> tuple[list[dict[str, Any]], dict[str, int]]:
    events: list[dict[str, Any]] = []
    counts = {"guardians": 0, "contacts": 0, "library_cards": 0, "immunizations": 0}
    today = datetime.now(UTC).date()
    for _ in range(STUDENTS):
        correlation = str(uuid.uuid4())
        student = {
            "id": str(uuid.uuid4()),
            "first_name": faker.first_name(),
            "last_name": faker.last_name(),
            "date_of_birth": faker.date_of_birth(minimum_age=5, maximum_age=17).isoformat(),
            "email": f"{uuid.uuid4().hex[:16]}@example.com",
        }
        contact = {
            "student_id": student["id"],
            "address_line1": faker.street_address()[:200],
            "city": "London",
            "postal_code": "SW1A 1AA",
            "country": "GB",
        }
        events.append(
            cloud_event(
                "contact.registered.v1", {"student": student, "contact": contact}, correlation
            )
        )
        counts["contacts"] += 1
        for _ in range(rng.randint(0, 3)):
            guardian = {
                "id": str(uuid.uuid4()),
                "student_id": student["id"],
                "first_name": faker.first_name(),
                "last_name": student["last_name"],
                "relationship": rng.choice(["mother", "father", "guardian", "other"]),
                "phone": f"+4420{rng.randint(70000000, 79999999)}",
            }
            events.append(
                cloud_event(
                    "guardian.registered.v1",
                    {"student": student, "guardian": guardian},
                    correlation,
                )
            )
            counts["guardians"] += 1
        if rng.random() < 0.6:
            card = {"id": str(uuid.uuid4()), "student_id": student["id"]}
            events.append(
                cloud_event(
                    "library_card.requested.v1",
                    {"student": student, "library_card": card},
                    correlation,
                )
            )
            counts["library_cards"] += 1
        for dose in range(1, rng.randint(0, 4) + 1):
            immunization = {
                "id": str(uuid.uuid4()),
                "student_id": student["id"],
                "vaccine": rng.choice(["MMR", "DTaP", "Polio"]),
                "dose_number": dose,
                "administered_on": (today - timedelta(days=rng.randint(30, 900))).isoformat(),
            }
            events.append(
                cloud_event(
                    "immunization.recorded.v1",
                    {"student": student, "immunization": immunization},
                    correlation,
                )
            )
            counts["immunizations"] += 1
    return events, counts


async def test_should_store_every_entity_once_from_shuffled_duplicated_concern_events(
    start_culdesac: Callable[..., CuldesacProcess],
    amqp_channel: aio_pika.abc.AbstractChannel,
    database: Any,
    namespace: str,
    faker: Faker,
) -> None:
    # given
    workers = [start_culdesac("worker", name) for name in (*CONCERN_WORKERS, *SECOND_COPIES)]

    async def started() -> bool:
        for worker in workers:
            assert worker.is_running(), worker.output()[-3000:]
        return all("workers started" in worker.output() for worker in workers)

    await eventually(started, within=60, what="the concern workers to start")
    rng = random.Random(4)
    events, expected = concern_events(faker, rng)
    duplicated = events + rng.sample(events, k=len(events) // 3)
    rng.shuffle(duplicated)
    exchange = await amqp_channel.get_exchange(f"{namespace}.events")

    # when
    for event in duplicated:
        await exchange.publish(
            aio_pika.Message(
                json.dumps(event).encode(),
                content_type="application/cloudevents+json",
                message_id=event["id"],
                correlation_id=event["correlationid"],
                delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            ),
            routing_key=event["type"],
            mandatory=True,
        )

    # then
    async def all_stored() -> bool:
        actual = {name: await database[name].count_documents({}) for name in expected}
        return actual == expected

    await eventually(all_stored, within=120, what=f"exactly {expected}")
    assert await database.students.count_documents({}) == STUDENTS
    card_numbers = await database.library_cards.distinct("card_number")
    assert len(card_numbers) == expected["library_cards"]
    for name in CONCERN_WORKERS:
        dead = await amqp_channel.declare_queue(f"{namespace}.{name}.dead", passive=True)
        assert dead.declaration_result.message_count == 0

    async def one_outcome_per_message() -> bool:
        outcomes = await amqp_channel.declare_queue(f"{namespace}.registration", passive=True)
        return outcomes.declaration_result.message_count == len(duplicated)

    await eventually(one_outcome_per_message, what="a persisted outcome for every message")
