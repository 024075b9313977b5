"""``culdesac ingress`` as a subprocess against real RabbitMQ and a MongoDB server, over HTTP."""

from __future__ import annotations

import asyncio
import json
import signal
import uuid
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

import aio_pika
import httpx
import pytest
from faker import Faker

from tests.acceptance.conftest import ApiKeyHeaders, eventually
from tests.acceptance.processes import CuldesacProcess, run_culdesac
from tests.backing_services import free_port
from tests.unit.contracts.conftest import create_random_registration_request_payload

REGISTRATION_REQUESTED = "registration.requested.v1"
MAX_BODY_BYTES = 64 * 1024


class Ingress:
    def __init__(self, process: CuldesacProcess, client: httpx.AsyncClient) -> None:
        self.process = process
        self.client = client


@pytest.fixture
async def ingress(
    start_culdesac: Callable[..., CuldesacProcess], api_key_headers: ApiKeyHeaders
) -> AsyncIterator[Ingress]:
    headers = api_key_headers("acceptance")
    port = free_port()
    process = start_culdesac("ingress", "--host", "127.0.0.1", "--port", str(port))
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}", timeout=10, headers=headers
    ) as client:

        async def ready() -> bool:
            assert process.is_running(), process.output()[-3000:]
            try:
                return (await client.get("/readyz")).status_code == 200
            except httpx.TransportError:
                return False

        await eventually(ready, within=60, what="the ingress to be ready")
        yield Ingress(process, client)


async def registration_messages(
    channel: aio_pika.abc.AbstractChannel, namespace: str
) -> list[aio_pika.abc.AbstractIncomingMessage]:
    """Every message in the registration worker's queue, put back where it was."""
    queue = await channel.declare_queue(f"{namespace}.registration", passive=True)
    found = []
    while (message := await queue.get(no_ack=False, fail=False)) is not None:
        found.append(message)
    for message in found:
        await message.nack(requeue=True)
    return found


async def post(
    ingress: Ingress, payload: Any, headers: Mapping[str, str] | None = None
) -> httpx.Response:
    return await ingress.client.post("/v1/registrations", json=payload, headers=headers)


async def test_should_accept_a_registration_onto_the_registration_queue(
    ingress: Ingress,
    amqp_channel: aio_pika.abc.AbstractChannel,
    namespace: str,
    faker: Faker,
) -> None:
    # given
    input_payload = create_random_registration_request_payload(faker)
    input_key = str(uuid.uuid4())

    # when
    actual_response = await post(ingress, input_payload, {"Idempotency-Key": input_key})

    # then
    assert actual_response.status_code == 202, actual_response.text
    registration_id = actual_response.json()["registration_id"]
    assert actual_response.headers["location"] == f"/v1/registrations/{registration_id}"
    assert actual_response.json()["status_url"] == f"/v1/registrations/{registration_id}"
    messages = await registration_messages(amqp_channel, namespace)
    assert len(messages) == 1
    message = messages[0]
    assert message.routing_key == REGISTRATION_REQUESTED
    assert message.correlation_id == registration_id
    event = json.loads(message.body)
    assert event["type"] == REGISTRATION_REQUESTED
    assert event["data"]["student"]["email"] == input_payload["student"]["email"]

    # and when the same request is sent again with the same key
    repeated_response = await post(ingress, input_payload, {"Idempotency-Key": input_key})

    # then it is the same registration: the very same event is published again (so a first
    # attempt whose publish never confirmed ends published), which workers take as a redelivery
    assert repeated_response.status_code == 202, repeated_response.text
    assert repeated_response.json()["registration_id"] == registration_id
    repeated = await registration_messages(amqp_channel, namespace)
    assert [m.message_id for m in repeated] == [message.message_id] * 2
    assert {m.body for m in repeated} == {message.body}

    # and its status can be followed
    async def recorded() -> bool:
        return (await ingress.client.get(f"/v1/registrations/{registration_id}")).status_code == 200

    await eventually(recorded, what="the registration to be recorded")
    status = (await ingress.client.get(f"/v1/registrations/{registration_id}")).json()
    assert status["registration_id"] == registration_id
    assert status["status"] == "pending"
    assert status["concerns"]
    assert all(concern["status"] == "pending" for concern in status["concerns"].values())


async def test_should_refuse_bad_bodies_and_publish_nothing(
    ingress: Ingress,
    amqp_channel: aio_pika.abc.AbstractChannel,
    namespace: str,
    faker: Faker,
) -> None:
    # given
    invalid_payload = create_random_registration_request_payload(faker)
    invalid_payload["student"]["email"] = "not-an-email"
    invalid_payload["student"]["nickname"] = "x"
    oversized_payload = create_random_registration_request_payload(faker)
    oversized_payload["contact"]["address_line1"] = "x" * MAX_BODY_BYTES

    # when
    invalid_response = await post(ingress, invalid_payload)
    malformed_response = await ingress.client.post(
        "/v1/registrations", content=b'{"student": ', headers={"Content-Type": "application/json"}
    )
    oversized_response = await post(ingress, oversized_payload)
    unknown_response = await ingress.client.get(f"/v1/registrations/{uuid.uuid4()}")
    malformed_id_response = await ingress.client.get("/v1/registrations/not-an-id")

    # then
    assert invalid_response.status_code == 422
    assert {error["location"] for error in invalid_response.json()["errors"]} == {
        "body.student.email",
        "body.student.nickname",
    }
    assert malformed_response.status_code == 400
    assert oversized_response.status_code == 413
    assert unknown_response.status_code == 404
    assert malformed_id_response.status_code == 422
    assert await registration_messages(amqp_channel, namespace) == []
    assert ingress.process.is_running()


# What a concern's worker would refuse, each at the field where the request holds it.
INVALID_VARIANTS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("body.student.date_of_birth", lambda p: p["student"].update(date_of_birth="2999-01-01")),
    ("body.student.date_of_birth", lambda p: p["student"].update(date_of_birth="1850-01-01")),
    ("body.guardians.0.phone", lambda p: p["guardians"][0].update(phone="+15555550100")),
    ("body.guardians.0.phone", lambda p: p["guardians"][0].update(phone="+441111234567")),
    ("body.contact.country", lambda p: p["contact"].update(country="XX")),
    (
        "body.immunizations.0.administered_on",
        lambda p: p["immunizations"][0].update(administered_on="1900-01-01"),
    ),
    ("body.immunizations.0.dose_number", lambda p: p["immunizations"][0].update(dose_number=11)),
]


async def test_should_refuse_what_the_workers_would_and_publish_nothing(
    ingress: Ingress,
    amqp_channel: aio_pika.abc.AbstractChannel,
    namespace: str,
    faker: Faker,
) -> None:
    # given
    payloads = []
    for location, spoil in INVALID_VARIANTS:
        payload = create_random_registration_request_payload(faker, guardians=1, immunizations=1)
        spoil(payload)
        payloads.append((location, payload))

    # when
    responses = [(location, await post(ingress, payload)) for location, payload in payloads]

    # then every one is a 422 at its field, and not one message reached the queue
    for location, response in responses:
        assert response.status_code == 422, response.text
        assert location in {error["location"] for error in response.json()["errors"]}
    assert await registration_messages(amqp_channel, namespace) == []


async def test_should_answer_health_readiness_and_openapi(ingress: Ingress) -> None:
    # when
    health = await ingress.client.get("/healthz")
    readiness = await ingress.client.get("/readyz")
    openapi = await ingress.client.get("/openapi.json")

    # then
    assert health.status_code == 200
    assert readiness.status_code == 200
    assert readiness.json()["checks"] == {"broker": True, "storage": True}
    assert "/v1/registrations" in openapi.json()["paths"]


async def test_should_stop_gracefully_on_sigterm(ingress: Ingress) -> None:
    # when
    exit_code = ingress.process.terminate()

    # then
    output = ingress.process.output()
    assert exit_code == 0, output[-3000:]
    assert "ingress stopped" in output


async def test_should_finish_a_request_in_flight_when_stopped(
    ingress: Ingress, faker: Faker
) -> None:
    # given: a request whose body is half sent
    body = json.dumps(create_random_registration_request_payload(faker)).encode()
    half_sent = asyncio.Event()
    proceed = asyncio.Event()

    async def slowly() -> AsyncIterator[bytes]:
        yield body[: len(body) // 2]
        half_sent.set()
        await proceed.wait()
        yield body[len(body) // 2 :]

    request = asyncio.create_task(
        ingress.client.post(
            "/v1/registrations", content=slowly(), headers={"Content-Type": "application/json"}
        )
    )
    await half_sent.wait()

    # when
    ingress.process.process.send_signal(signal.SIGTERM)

    async def shutting_down() -> bool:
        return "Shutting down" in ingress.process.output()

    await eventually(shutting_down, what="the ingress to begin its shutdown")
    proceed.set()
    actual_response = await request

    # then
    assert actual_response.status_code == 202, actual_response.text
    exit_code = await asyncio.to_thread(ingress.process.process.wait, 30)
    assert exit_code == 0, ingress.process.output()[-3000:]


async def test_should_print_a_registration_status_from_the_cli(
    ingress: Ingress, environment: dict[str, str], faker: Faker
) -> None:
    # given
    accepted = await post(ingress, create_random_registration_request_payload(faker))
    registration_id = accepted.json()["registration_id"]

    async def recorded() -> bool:
        return (await ingress.client.get(f"/v1/registrations/{registration_id}")).status_code == 200

    await eventually(recorded, what="the registration to be recorded")

    # when
    known = run_culdesac(environment, "registration", "status", registration_id)
    unknown = run_culdesac(environment, "registration", "status", str(uuid.uuid4()))

    # then
    assert known.returncode == 0, known.stderr
    assert f"registration {registration_id}: pending" in known.stdout
    assert "  student: pending" in known.stdout
    assert unknown.returncode == 1
    assert "no registration" in unknown.stderr
