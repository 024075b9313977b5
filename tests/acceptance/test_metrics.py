"""Metrics as Prometheus scrapes them: N registrations through real processes, then counted."""

from __future__ import annotations

import random
import socket
from collections.abc import Callable

import httpx
from prometheus_client.parser import text_string_to_metric_families

from contracts.events import event_types
from standalone.registrations import generated_registration
from tests.acceptance.conftest import ApiKeyHeaders, eventually
from tests.acceptance.processes import CuldesacProcess
from tests.backing_services import free_port

REGISTRATIONS = 12
CONCERN_WORKERS = ("student", "guardian", "contact", "library-card", "immunization")
POST_ROUTE = "/v1/registrations"

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def scrape(url: str) -> Samples:
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.get(f"{url}/metrics")
    assert response.status_code == httpx.codes.OK
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def total(samples: Samples, name: str, **labels: str) -> float:
    """The sum over every series of ``name`` whose labels include ``labels``."""
    wanted = set(labels.items())
    return sum(v for (n, found), v in samples.items() if n == name and wanted <= found)


async def answers(url: str, path: str) -> int | None:
    async with httpx.AsyncClient(timeout=5) as client:
        try:
            return (await client.get(f"{url}{path}")).status_code
        except httpx.TransportError:
            return None


async def test_should_count_in_every_process_exactly_the_messages_of_n_registrations(
    start_culdesac: Callable[..., CuldesacProcess], api_key_headers: ApiKeyHeaders
) -> None:
    # given: the registration worker, the concern workers and the ingress, each its own process
    registration_url = f"http://127.0.0.1:{(registration_port := free_port())}"
    concerns_url = f"http://127.0.0.1:{(concerns_port := free_port())}"
    ingress_url = f"http://127.0.0.1:{(ingress_port := free_port())}"
    processes = [
        start_culdesac("worker", "registration", CULDESAC_METRICS_PORT=str(registration_port)),
        start_culdesac("worker", *CONCERN_WORKERS, CULDESAC_METRICS_PORT=str(concerns_port)),
        start_culdesac("ingress", "--host", "127.0.0.1", "--port", str(ingress_port)),
    ]

    async def all_ready() -> bool:
        for process in processes:
            assert process.is_running(), process.output()[-3000:]
        codes = [await answers(url, "/readyz") for url in (registration_url, concerns_url)]
        codes.append(await answers(ingress_url, "/readyz"))
        return codes == [httpx.codes.OK] * 3

    await eventually(all_ready, within=90, what="every process to be ready")
    rng = random.Random(11)
    requests = [generated_registration(rng, index) for index in range(REGISTRATIONS)]
    concerns = {
        event_types.STUDENT_REGISTERED: REGISTRATIONS,
        event_types.CONTACT_REGISTERED: REGISTRATIONS,
        event_types.GUARDIAN_REGISTERED: sum(len(body["guardians"]) for body in requests),
        event_types.IMMUNIZATION_RECORDED: sum(len(body["immunizations"]) for body in requests),
        event_types.LIBRARY_CARD_REQUESTED: sum(1 for body in requests if body["library_card"]),
    }

    headers = api_key_headers("metrics")

    # when
    async with httpx.AsyncClient(base_url=ingress_url, timeout=30, headers=headers) as client:
        responses = [await client.post(POST_ROUTE, json=body) for body in requests]
        ids = [response.json()["registration_id"] for response in responses]
        reads: list[int] = []

        async def all_completed() -> bool:
            for registration_id in ids:
                found = await client.get(f"/v1/registrations/{registration_id}")
                reads.append(found.status_code)
                if found.json()["status"] != "completed":
                    return False
            return True

        await eventually(all_completed, within=120, what="every registration to complete")

    # The ledger reads completed once the last concern is written; the worker counts the
    # completion right after, when its conditional settle write is done and the message acked.
    async def registration_worker_settled() -> bool:
        found = await scrape(registration_url)
        acked = total(found, "culdesac_messages_total", outcome="ack")
        return acked == REGISTRATIONS + sum(concerns.values())

    await eventually(registration_worker_settled, within=30, what="the last outcomes to settle")
    registration, concern, ingress = [
        await scrape(url) for url in (registration_url, concerns_url, ingress_url)
    ]

    # then: the ingress counted each answer and each accepted registration once
    assert all(response.status_code == httpx.codes.ACCEPTED for response in responses)
    messages = "culdesac_messages_total"
    assert value(ingress, "culdesac_registrations_total", status="accepted") == REGISTRATIONS
    assert (
        value(
            ingress, "culdesac_http_requests_total", route=POST_ROUTE, method="POST", status="202"
        )
        == REGISTRATIONS
    )
    status_route = "/v1/registrations/{registration_id}"
    assert (
        value(
            ingress, "culdesac_http_requests_total", route=status_route, method="GET", status="200"
        )
        == reads.count(httpx.codes.OK)
        == len(reads)
    )
    assert (
        value(
            ingress, "culdesac_http_request_duration_seconds_count", route=POST_ROUTE, method="POST"
        )
        == REGISTRATIONS
    )
    requested = event_types.REGISTRATION_REQUESTED
    assert value(ingress, "culdesac_publish_duration_seconds_count", event_type=requested) == (
        REGISTRATIONS
    )
    # the registration worker: each request fanned out, each concern's outcome accounted
    acked = {"worker": "registration", "outcome": "ack"}
    assert value(registration, messages, event_type=requested, **acked) == REGISTRATIONS
    assert total(registration, messages, **acked) == REGISTRATIONS + sum(concerns.values())
    assert total(registration, messages, outcome="dead_letter") == 0
    for event_type, expected in concerns.items():
        assert (
            value(registration, "culdesac_publish_duration_seconds_count", event_type=event_type)
            == expected
        ), event_type
    assert value(registration, "culdesac_messages_in_flight", worker="registration") == 0
    assert_each_registration_settled_once(registration)
    # the concern workers: each concern event handled once, and an outcome published for it
    for event_type, expected in concerns.items():
        assert total(concern, messages, event_type=event_type, outcome="ack") == expected
        assert total(concern, "culdesac_message_duration_seconds_count", event_type=event_type) == (
            expected + total(concern, messages, event_type=event_type, outcome="retry")
        )
    assert total(concern, messages, outcome="ack") == sum(concerns.values())
    assert total(concern, messages, outcome="dead_letter") == 0
    assert total(concern, "culdesac_publish_duration_seconds_count") == sum(concerns.values())
    assert total(concern, "culdesac_messages_in_flight") == 0


def assert_each_registration_settled_once(registration: Samples) -> None:
    """Each registration completed once, however many outcomes it had, and was timed once."""
    settled = "culdesac_registrations_total"
    assert value(registration, settled, status="completed") == REGISTRATIONS
    assert value(registration, settled, status="failed") == 0
    completion = "culdesac_registration_completion_seconds"
    assert value(registration, f"{completion}_count") == REGISTRATIONS
    assert value(registration, f"{completion}_bucket", le="+Inf") == REGISTRATIONS
    assert 0 < value(registration, f"{completion}_sum") < REGISTRATIONS * 120


async def test_should_serve_health_and_readiness_of_a_worker_while_it_consumes(
    start_culdesac: Callable[..., CuldesacProcess],
) -> None:
    # given
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    worker = start_culdesac("worker", "student", CULDESAC_METRICS_PORT=str(port))

    async def ready() -> bool:
        assert worker.is_running(), worker.output()[-3000:]
        return await answers(url, "/readyz") == httpx.codes.OK

    # when
    await eventually(ready, within=90, what="the worker to be ready")

    # then
    assert "workers started" in worker.output()
    assert await answers(url, "/healthz") == httpx.codes.OK
    assert await answers(url, "/nothing-here") == httpx.codes.NOT_FOUND
    assert worker.terminate() == 0
    assert await answers(url, "/healthz") is None


async def test_should_exit_1_with_one_line_if_the_metrics_port_is_taken(
    start_culdesac: Callable[..., CuldesacProcess],
) -> None:
    # given: another process listens on the port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("0.0.0.0", 0))  # noqa: S104 - the worker binds every interface too
        taken.listen()
        port = taken.getsockname()[1]

        # when
        worker = start_culdesac("worker", "student", CULDESAC_METRICS_PORT=str(port))
        exit_code = worker.process.wait(timeout=60)

    # then
    output = worker.output()
    assert exit_code == 1, output
    assert f"metrics port {port} is unavailable" in output
    assert "CULDESAC_METRICS_PORT" in output
    assert "Traceback" not in output
    assert len(output.strip().splitlines()) == 1, output
