"""The whole flow: ``culdesac ingress`` and ``culdesac worker --all`` on real services."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import aio_pika
import httpx

from standalone.registrations import generated_registration
from tests.acceptance.conftest import ApiKeyHeaders, eventually
from tests.acceptance.processes import CuldesacProcess
from tests.backing_services import free_port

REGISTRATIONS = 50


async def start_stack(
    start_culdesac: Callable[..., CuldesacProcess],
) -> tuple[CuldesacProcess, CuldesacProcess, str]:
    port = free_port()
    workers = start_culdesac("worker", "--all")
    ingress = start_culdesac("ingress", "--host", "127.0.0.1", "--port", str(port))
    base_url = f"http://127.0.0.1:{port}"

    async def ready() -> bool:
        assert workers.is_running(), workers.output()[-3000:]
        assert ingress.is_running(), ingress.output()[-3000:]
        if "workers started" not in workers.output():
            return False
        async with httpx.AsyncClient(base_url=base_url) as client:
            try:
                return (await client.get("/readyz")).status_code == httpx.codes.OK
            except httpx.TransportError:
                return False

    await eventually(ready, within=90, what="the ingress and the workers")
    return workers, ingress, base_url


async def dead_lettered_headers(
    channel: aio_pika.abc.AbstractChannel, queue_name: str
) -> list[str]:
    """The headers of every message in a dead-letter queue, as text; put back where they were."""
    queue = await channel.declare_queue(queue_name, passive=True)
    found = []
    while (message := await queue.get(no_ack=False, fail=False)) is not None:
        found.append(message)
    for message in found:
        await message.nack(requeue=True)
    return [repr(message.headers) for message in found]


async def statuses(client: httpx.AsyncClient, ids: list[str]) -> dict[str, Any]:
    return {rid: (await client.get(f"/v1/registrations/{rid}")).json() for rid in ids}


def personal_values(request: dict[str, Any]) -> list[str]:
    """What a request holds that names or reaches a person, as it would show in a log."""
    people = [request["student"], *request["guardians"]]
    contact = request["contact"]
    return [
        *(f'"{person[field]}"' for person in people for field in ("first_name", "last_name")),
        *(person[field] for person in people for field in ("email", "phone") if field in person),
        request["student"]["date_of_birth"],
        contact["address_line1"],
        *(f'"{immunization["vaccine"]}"' for immunization in request["immunizations"]),
    ]


async def test_should_complete_every_registration_and_store_exactly_what_was_sent(
    start_culdesac: Callable[..., CuldesacProcess], database: Any, api_key_headers: ApiKeyHeaders
) -> None:
    # given
    headers = api_key_headers("flow")
    workers, ingress, base_url = await start_stack(start_culdesac)
    rng = random.Random(2026)
    requests = [generated_registration(rng, index) for index in range(REGISTRATIONS)]

    # when
    async with httpx.AsyncClient(base_url=base_url, timeout=30, headers=headers) as client:
        responses = [await client.post("/v1/registrations", json=body) for body in requests]
        ids = [response.json()["registration_id"] for response in responses]

        async def all_completed() -> bool:
            found = await statuses(client, ids)
            return all(body["status"] == "completed" for body in found.values())

        await eventually(all_completed, within=120, what="every registration to complete")

    # then
    assert all(response.status_code == httpx.codes.ACCEPTED for response in responses)
    expected = {
        "students": REGISTRATIONS,
        "contacts": REGISTRATIONS,
        "registrations": REGISTRATIONS,
        "guardians": sum(len(body["guardians"]) for body in requests),
        "immunizations": sum(len(body["immunizations"]) for body in requests),
        "library_cards": sum(1 for body in requests if body["library_card"]),
    }
    actual = {name: await database[name].count_documents({}) for name in expected}
    assert actual == expected
    card_numbers = await database.library_cards.distinct("card_number")
    assert len(card_numbers) == expected["library_cards"]
    # and not one line either process logged holds the personal data that was posted
    logged = workers.output() + ingress.output()
    assert '"http request"' in logged
    leaked = {
        value for request in requests for value in personal_values(request) if value in logged
    }
    assert leaked == set()


async def test_should_fail_a_registration_whose_email_belongs_to_another_student(
    *,
    start_culdesac: Callable[..., CuldesacProcess],
    database: Any,
    database_name: str,
    amqp_channel: aio_pika.abc.AbstractChannel,
    namespace: str,
    api_key_headers: ApiKeyHeaders,
) -> None:
    # given
    headers = api_key_headers("flow")
    workers, ingress, base_url = await start_stack(start_culdesac)
    rng = random.Random(7)
    first = generated_registration(rng, 0)
    second = generated_registration(rng, 1)
    second["student"]["email"] = first["student"]["email"]

    # when
    async with httpx.AsyncClient(base_url=base_url, timeout=30, headers=headers) as client:
        first_id = (await client.post("/v1/registrations", json=first)).json()["registration_id"]

        async def first_completed() -> bool:
            body = (await client.get(f"/v1/registrations/{first_id}")).json()
            return bool(body["status"] == "completed")

        await eventually(first_completed, within=60, what="the first registration")
        second_id = (await client.post("/v1/registrations", json=second)).json()["registration_id"]

        async def second_failed() -> bool:
            body = (await client.get(f"/v1/registrations/{second_id}")).json()
            return bool(body["status"] == "failed")

        await eventually(second_failed, within=60, what="the second registration to fail")
        response = await client.get(f"/v1/registrations/{second_id}")

    # then the reason is the project's sentence, everywhere it is shown
    body = response.json()
    reasons = [c["reason"] for c in body["concerns"].values() if c["status"] == "failed"]
    assert reasons
    assert "The email is already registered to another student." in reasons, reasons
    assert await database.students.count_documents({}) == 1
    ledger = await database.registrations.find_one({"_id": second_id})
    dead_letters = await dead_lettered_headers(amqp_channel, f"{namespace}.student.dead")
    assert any(
        "The email is already registered to another student." in headers for headers in dead_letters
    ), dead_letters
    shown = {
        "dead letters": "\n".join(dead_letters),
        "status": response.text,
        "ledger": repr(ledger),
        "worker log": workers.output(),
        "ingress log": ingress.output(),
    }
    # the logs are read, and they tell the clash in the same words
    assert "The email is already registered to another student." in workers.output()
    email = first["student"]["email"]
    for where, text in shown.items():
        for leaked in ("E11000", "duplicate key", "email_1", f"{database_name}.students", email):
            assert leaked not in text, f"{leaked!r} shown in the {where}"


def test_should_run_the_demo_and_print_its_summary() -> None:
    # given / when
    result = subprocess.run(
        [sys.executable, "-m", "cli", "demo", "-n", "20"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"},
    )

    # then
    assert result.returncode == 0, result.stdout + result.stderr
    summary = {
        line.strip("│ ").split("│")[0].strip(): line.strip("│ ").split("│")[-1].strip()
        for line in result.stdout.splitlines()
        if line.count("│") >= 2
    }
    assert summary["accepted"] == "20"
    assert summary["completed"] == "20"
    assert summary["failed"] == "0"
    assert summary["stored students"] == "20"
    assert summary["stored registrations"] == "20"
    assert "registrations/s" in summary["throughput"]
