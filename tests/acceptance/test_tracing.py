"""One registration, one trace: a caller's traceparent goes through the ingress and every worker."""

from __future__ import annotations

import json
import random
import secrets
from collections.abc import Callable

import aio_pika
import httpx

from contracts.events import event_types
from standalone.registrations import generated_registration
from tests.acceptance.conftest import eventually
from tests.acceptance.processes import CuldesacProcess
from tests.backing_services import free_port

CONCERN_WORKERS = ("student", "guardian", "contact", "library-card", "immunization")


def text_of(traceparent: object) -> str:
    return traceparent.decode() if isinstance(traceparent, bytes) else str(traceparent)


def trace_id_of(traceparent: object) -> str:
    text = text_of(traceparent)
    version, trace_id, span_id, flags = text.split("-")
    # sampled, as the caller asked
    assert (version, len(span_id), int(flags, 16) & 1) == ("00", 16, 1), text
    return trace_id


def log_lines(process: CuldesacProcess) -> list[dict[str, object]]:
    lines = []
    for line in process.output().splitlines():
        try:
            parsed = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(parsed, dict):
            lines.append(parsed)
    return lines


async def test_should_carry_the_callers_trace_through_every_event_and_log_line(
    start_culdesac: Callable[..., CuldesacProcess],
    amqp_channel: aio_pika.abc.AbstractChannel,
    namespace: str,
) -> None:
    # given: every worker and the ingress, each its own process, and a queue seeing every event
    ingress_url = f"http://127.0.0.1:{(ingress_port := free_port())}"
    registration = start_culdesac("worker", "registration")
    concerns = start_culdesac("worker", *CONCERN_WORKERS)
    ingress = start_culdesac("ingress", "--host", "127.0.0.1", "--port", str(ingress_port))
    workers = (registration, concerns)

    async def all_started() -> bool:
        for process in (*workers, ingress):
            assert process.is_running(), process.output()[-3000:]
        async with httpx.AsyncClient(timeout=5) as client:
            try:
                ready = (await client.get(f"{ingress_url}/readyz")).status_code
            except httpx.TransportError:
                return False
        return ready == httpx.codes.OK and all("workers started" in p.output() for p in workers)

    await eventually(all_started, within=90, what="every process to start")
    exchange = await amqp_channel.get_exchange(f"{namespace}.events")
    seen = await amqp_channel.declare_queue("", exclusive=True)
    await seen.bind(exchange, "#")
    body = generated_registration(random.Random(4), 0)
    trace_id, caller_span_id = secrets.token_hex(16), secrets.token_hex(8)
    traceparent = f"00-{trace_id}-{caller_span_id}-01"
    concern_events = (
        2 + len(body["guardians"]) + len(body["immunizations"]) + int(bool(body["library_card"]))
    )

    # when
    async with httpx.AsyncClient(base_url=ingress_url, timeout=30) as client:
        response = await client.post(
            "/v1/registrations", json=body, headers={"traceparent": traceparent}
        )
        registration_id = response.json()["registration_id"]

        async def completed() -> bool:
            found = await client.get(f"/v1/registrations/{registration_id}")
            return bool(found.json()["status"] == "completed")

        await eventually(completed, within=60, what="the registration to complete")

    # then: the request, each concern event and each outcome, all in the caller's trace
    headers_by_type: dict[str, list[object]] = {}

    async def every_event_seen() -> bool:
        while (delivery := await seen.get(fail=False, no_ack=True)) is not None:
            assert delivery.correlation_id == registration_id
            headers_by_type.setdefault(delivery.routing_key or "", []).append(
                delivery.headers.get("traceparent")
            )
        return sum(map(len, headers_by_type.values())) == 1 + 2 * concern_events

    await eventually(every_event_seen, within=30, what="every event of the registration")
    assert response.status_code == httpx.codes.ACCEPTED
    assert len(headers_by_type[event_types.REGISTRATION_REQUESTED]) == 1
    traceparents = [value for values in headers_by_type.values() for value in values]
    assert {trace_id_of(value) for value in traceparents} == {trace_id}
    # with no exporter no process makes a span of its own: the caller's span stays the parent
    # every event names, sampled as it came, so a process further on that exports hangs its
    # spans under the caller's
    assert {text_of(value) for value in traceparents} == {traceparent}
    # the workers' lines about this registration all name the trace, the canonical ones too
    for worker in workers:
        lines = [
            line for line in log_lines(worker) if line.get("correlation_id") == registration_id
        ]
        processed = [line for line in lines if line["event"] == "message processed"]
        assert processed, worker.output()[-3000:]
        assert {line.get("trace_id") for line in lines} == {trace_id}, lines
    # and so does the ingress's line accepting it
    accepted = [line for line in log_lines(ingress) if line.get("event") == "registration accepted"]
    assert [line.get("trace_id") for line in accepted] == [trace_id], accepted
