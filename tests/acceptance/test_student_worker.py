"""``culdesac worker student`` as a subprocess against real RabbitMQ and a MongoDB server."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import aio_pika
from faker import Faker

from tests.acceptance.conftest import eventually
from tests.acceptance.processes import CuldesacProcess

CLOUDEVENTS = "application/cloudevents+json"


def random_student(faker: Faker) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "first_name": faker.first_name(),
        "last_name": faker.last_name(),
        "date_of_birth": faker.date_of_birth(minimum_age=5, maximum_age=18).isoformat(),
        "email": f"{uuid.uuid4().hex[:12]}@example.com",
    }


def student_event(student: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    return {
        "specversion": "1.0",
        "id": str(uuid.uuid4()),
        "source": "urn:test:publisher",
        "type": "student.registered.v1",
        "time": datetime.now(UTC).isoformat(),
        "datacontenttype": "application/json",
        "data": student,
        "correlationid": str(uuid.uuid4()),
        **overrides,
    }


async def publish(channel: aio_pika.abc.AbstractChannel, namespace: str, body: bytes) -> None:
    exchange = await channel.get_exchange(f"{namespace}.events")
    await exchange.publish(
        aio_pika.Message(
            body,
            content_type=CLOUDEVENTS,
            message_id=str(uuid.uuid4()),
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
        ),
        routing_key="student.registered.v1",
        mandatory=True,
    )


async def start_worker(start_culdesac: Callable[..., CuldesacProcess]) -> CuldesacProcess:
    worker = start_culdesac("worker", "student")

    async def started() -> bool:
        assert worker.is_running(), worker.output()
        return "workers started" in worker.output()

    await eventually(started, within=60, what="the student worker to start")
    return worker


async def dead_letters(channel: aio_pika.abc.AbstractChannel, queue_name: str) -> list[Any]:
    queue = await channel.declare_queue(queue_name, passive=True)
    found = []
    while (message := await queue.get(no_ack=False, fail=False)) is not None:
        found.append(message)
    for message in found:
        await message.nack(requeue=True)
    return found


async def test_should_store_a_published_student_as_sent(
    start_culdesac: Callable[..., CuldesacProcess],
    amqp_channel: aio_pika.abc.AbstractChannel,
    database: Any,
    namespace: str,
    faker: Faker,
) -> None:
    # given
    await start_worker(start_culdesac)
    student = random_student(faker)

    # when
    await publish(amqp_channel, namespace, json.dumps(student_event(student)).encode())

    # then
    async def stored() -> bool:
        return bool(await database.students.count_documents({}) == 1)

    await eventually(stored, what="the student to be stored")
    document = await database.students.find_one({"_id": student["id"]})
    assert document == {**{k: v for k, v in student.items() if k != "id"}, "_id": student["id"]}


async def test_should_dead_letter_poison_with_its_reason_and_keep_going(
    start_culdesac: Callable[..., CuldesacProcess],
    amqp_channel: aio_pika.abc.AbstractChannel,
    database: Any,
    namespace: str,
    faker: Faker,
) -> None:
    # given
    worker = await start_worker(start_culdesac)
    future_born = {**random_student(faker), "date_of_birth": date(2999, 1, 1).isoformat()}
    unknown_field = {**random_student(faker), "nickname": "x"}
    valid = random_student(faker)

    # when
    await publish(amqp_channel, namespace, b"{not json")
    await publish(amqp_channel, namespace, json.dumps(student_event(future_born)).encode())
    await publish(amqp_channel, namespace, json.dumps(student_event(unknown_field)).encode())
    await publish(amqp_channel, namespace, json.dumps(student_event(valid)).encode())

    # then
    async def three_dead_letters() -> bool:
        return len(await dead_letters(amqp_channel, f"{namespace}.student.dead")) == 3

    await eventually(three_dead_letters, what="three dead letters")
    letters = await dead_letters(amqp_channel, f"{namespace}.student.dead")
    reasons = sorted(str(letter.headers["x-culdesac-reason"]) for letter in letters)
    categories = sorted(str(letter.headers["x-culdesac-category"]) for letter in letters)
    assert categories == ["dependency_validation", "validation", "validation"]
    assert any("date_of_birth" in reason for reason in reasons)
    assert any("nickname" in reason for reason in reasons)
    assert any("json" in reason.lower() for reason in reasons)
    assert await database.students.count_documents({}) == 1
    assert await database.students.find_one({"_id": valid["id"]}) is not None
    assert worker.is_running()


async def test_should_store_one_student_when_the_same_event_is_published_twice(
    start_culdesac: Callable[..., CuldesacProcess],
    amqp_channel: aio_pika.abc.AbstractChannel,
    database: Any,
    namespace: str,
    faker: Faker,
) -> None:
    # given
    await start_worker(start_culdesac)
    event = json.dumps(student_event(random_student(faker))).encode()
    marker = random_student(faker)

    # when
    await publish(amqp_channel, namespace, event)
    await publish(amqp_channel, namespace, event)
    await publish(amqp_channel, namespace, json.dumps(student_event(marker)).encode())

    # then
    async def marker_stored() -> bool:
        return await database.students.find_one({"_id": marker["id"]}) is not None

    await eventually(marker_stored, what="the marker student")
    assert await database.students.count_documents({}) == 2
    assert len(await dead_letters(amqp_channel, f"{namespace}.student.dead")) == 0


async def test_should_lose_nothing_when_stopped_with_sigterm_mid_stream(
    start_culdesac: Callable[..., CuldesacProcess],
    amqp_channel: aio_pika.abc.AbstractChannel,
    database: Any,
    namespace: str,
    faker: Faker,
) -> None:
    # given
    worker = await start_worker(start_culdesac)
    students = [random_student(faker) for _ in range(300)]

    # when
    for student in students:
        await publish(amqp_channel, namespace, json.dumps(student_event(student)).encode())

    async def some_stored() -> bool:
        return bool(await database.students.count_documents({}) >= 20)

    await eventually(some_stored, what="the first students")
    exit_code = worker.terminate()
    await start_worker(start_culdesac)

    # then
    async def all_stored() -> bool:
        return bool(await database.students.count_documents({}) == len(students))

    await eventually(all_stored, within=90, what="every student")
    assert exit_code == 0, worker.output()[-3000:]
    assert "workers stopped" in worker.output()
    assert len(await dead_letters(amqp_channel, f"{namespace}.student.dead")) == 0
