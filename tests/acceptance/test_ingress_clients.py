"""Who may post and read: API keys made with ``culdesac api-keys``, Idempotency-Key per client."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

import aio_pika
import httpx
import pytest
from faker import Faker

from tests.acceptance.conftest import ApiKeyHeaders, eventually
from tests.acceptance.processes import CuldesacProcess, run_culdesac
from tests.acceptance.test_ingress import registration_messages
from tests.backing_services import free_port
from tests.integration.queues.tcp_proxy import proxied
from tests.unit.contracts.conftest import create_random_registration_request_payload

# Short, so that a revocation is seen within the test; the default is 5 s.
CACHE_SECONDS = "0.5"
PROBLEM = "application/problem+json"


@pytest.fixture
async def ingress_url(start_culdesac: Callable[..., CuldesacProcess]) -> str:
    port = free_port()
    process = start_culdesac(
        "ingress",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        CULDESAC_API_KEY_CACHE_SECONDS=CACHE_SECONDS,
    )
    url = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:

        async def ready() -> bool:
            assert process.is_running(), process.output()[-3000:]
            try:
                return (await client.get("/readyz")).status_code == httpx.codes.OK
            except httpx.TransportError:
                return False

        await eventually(ready, within=60, what="the ingress to be ready")
    return url


async def test_should_refuse_every_v1_request_without_a_valid_key(
    ingress_url: str, api_key_headers: ApiKeyHeaders, faker: Faker
) -> None:
    # given: keys exist, so no request goes without one
    api_key_headers("someone")
    payload = create_random_registration_request_payload(faker)
    wrong = {"Authorization": f"Bearer {uuid.uuid4()}.{faker.sha256()}"}

    # when
    async with httpx.AsyncClient(base_url=ingress_url, timeout=10) as client:
        responses = [
            await client.post("/v1/registrations", json=payload),
            await client.post("/v1/registrations", json=payload, headers=wrong),
            await client.get(f"/v1/registrations/{uuid.uuid4()}"),
            await client.get(f"/v1/registrations/{uuid.uuid4()}", headers=wrong),
        ]
        openapi = (await client.get("/openapi.json")).json()

    # then: 401 with a bearer challenge, as a problem; /docs can authorize with the scheme
    for response in responses:
        assert response.status_code == httpx.codes.UNAUTHORIZED, response.text
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["instance"] == response.request.url.path
    schemes = openapi["components"]["securitySchemes"]
    assert {scheme["scheme"] for scheme in schemes.values()} == {"bearer"}
    post = openapi["paths"]["/v1/registrations"]["post"]
    assert post["security"] == [{name: []} for name in schemes]


async def test_should_refuse_a_revoked_key_within_the_cache_period(
    ingress_url: str, api_key_headers: ApiKeyHeaders, environment: dict[str, str], faker: Faker
) -> None:
    # given
    headers = api_key_headers("leaving")
    async with httpx.AsyncClient(base_url=ingress_url, timeout=10, headers=headers) as client:
        accepted = await client.post(
            "/v1/registrations", json=create_random_registration_request_payload(faker)
        )
        assert accepted.status_code == httpx.codes.ACCEPTED, accepted.text

        # when
        revoked = run_culdesac(environment, "api-keys", "revoke", "leaving")
        listed = run_culdesac(environment, "api-keys", "list")

        async def refused() -> bool:
            answer = await client.get(f"/v1/registrations/{accepted.json()['registration_id']}")
            return answer.status_code == httpx.codes.UNAUTHORIZED

        # then: refused once the ingress's cache forgets the key, never a secret listed
        await eventually(refused, within=10, what="the revoked key to be refused")
    assert revoked.returncode == 0, revoked.stderr
    assert listed.returncode == 0, listed.stderr
    assert "leaving" in listed.stdout
    assert headers["Authorization"].removeprefix("Bearer ").split(".")[1] not in listed.stdout


async def test_should_show_a_registration_to_the_client_that_posted_it_only(
    ingress_url: str, api_key_headers: ApiKeyHeaders, faker: Faker
) -> None:
    # given
    owner = httpx.AsyncClient(base_url=ingress_url, timeout=10, headers=api_key_headers("owner"))
    other = httpx.AsyncClient(base_url=ingress_url, timeout=10, headers=api_key_headers("other"))
    async with owner, other:
        accepted = await owner.post(
            "/v1/registrations", json=create_random_registration_request_payload(faker)
        )
        status_url = accepted.json()["status_url"]

        # when
        owners = await owner.get(status_url)
        others = await other.get(status_url)
        unknown = await other.get(f"/v1/registrations/{uuid.uuid4()}")

    # then: to another client it is exactly as unknown as an id that never existed
    assert owners.status_code == httpx.codes.OK, owners.text
    assert others.status_code == httpx.codes.NOT_FOUND
    assert others.headers["content-type"] == PROBLEM
    assert others.json()["detail"].split(":")[0] == unknown.json()["detail"].split(":")[0]


async def test_should_keep_idempotency_keys_per_client_and_per_body(
    ingress_url: str,
    api_key_headers: ApiKeyHeaders,
    amqp_channel: aio_pika.abc.AbstractChannel,
    namespace: str,
    faker: Faker,
) -> None:
    # given
    key = {"Idempotency-Key": faker.pystr(min_chars=1, max_chars=255)}
    first_body = create_random_registration_request_payload(faker)
    other_body = create_random_registration_request_payload(faker)
    first = httpx.AsyncClient(base_url=ingress_url, timeout=10, headers=api_key_headers("one"))
    second = httpx.AsyncClient(base_url=ingress_url, timeout=10, headers=api_key_headers("two"))
    async with first, second:
        # when
        original = await first.post("/v1/registrations", json=first_body, headers=key)
        repeated = await first.post("/v1/registrations", json=first_body, headers=key)
        reused = await first.post("/v1/registrations", json=other_body, headers=key)
        elsewhere = await second.post("/v1/registrations", json=first_body, headers=key)

    # then: the same answer for the same body; another body is refused and not published;
    # another client's same key is another registration
    assert (original.status_code, repeated.status_code) == (202, 202), original.text
    assert repeated.json() == original.json()
    assert reused.status_code == httpx.codes.UNPROCESSABLE_ENTITY, reused.text
    assert reused.headers["content-type"] == PROBLEM
    assert reused.json()["errors"] == [
        {
            "location": "header.Idempotency-Key",
            "message": "Key is already used for another request.",
        }
    ]
    assert elsewhere.status_code == httpx.codes.ACCEPTED, elsewhere.text
    assert elsewhere.json()["registration_id"] != original.json()["registration_id"]
    messages = await registration_messages(amqp_channel, namespace)
    published = {(m.correlation_id, m.message_id) for m in messages}
    assert {correlation for correlation, _ in published} == {
        original.json()["registration_id"],
        elsewhere.json()["registration_id"],
    }
    assert len(published) == 2, "a repeated request published another event"


async def test_should_answer_409_while_the_same_key_is_still_being_handled(
    *,
    start_culdesac: Callable[..., CuldesacProcess],
    api_key_headers: ApiKeyHeaders,
    amqp_url: str,
    database: Any,
    faker: Faker,
) -> None:
    # given: the ingress reaches RabbitMQ through a proxy that can hold back the confirms
    headers = {**api_key_headers("patient"), "Idempotency-Key": faker.uuid4()}
    body = create_random_registration_request_payload(faker)
    async with proxied(amqp_url) as (proxy, proxied_url):
        port = free_port()
        process = start_culdesac(
            "ingress", "--host", "127.0.0.1", "--port", str(port), CULDESAC_AMQP_URL=proxied_url
        )
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", timeout=30, headers=headers
        ) as client:

            async def ready() -> bool:
                assert process.is_running(), process.output()[-3000:]
                try:
                    return (await client.get("/readyz")).status_code == httpx.codes.OK
                except httpx.TransportError:
                    return False

            await eventually(ready, within=60, what="the ingress to be ready")
            proxy.hold_answers()
            first = asyncio.create_task(client.post("/v1/registrations", json=body))

            async def recorded() -> bool:
                return bool(await database.registrations.count_documents({}) == 1)

            # the ledger entry is written just before the publish that now waits for its confirm
            await eventually(recorded, within=10, what="the first request to reach its publish")

            # when
            second = await client.post("/v1/registrations", json=body)
            proxy.release_answers()
            first_response = await first

    # then
    assert second.status_code == httpx.codes.CONFLICT, second.text
    assert second.headers["content-type"] == PROBLEM
    assert first_response.status_code == httpx.codes.ACCEPTED, first_response.text
