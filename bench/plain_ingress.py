"""The ingress's plain baseline: validate the same body, publish it with a confirm, answer 202.

Nothing else: no ledger, no keys, no idempotency.

``python -m bench.plain_ingress NAMESPACE PORT``; RabbitMQ at ``CULDESAC_AMQP_URL``. Its events
go to a durable quorum queue of its own, as the project's go to the registration worker's.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import aio_pika
import uvicorn
from fastapi import FastAPI, Response

from bench.plain import QUEUE_ARGUMENTS, queue_name
from contracts.events import REGISTRATION_REQUESTED, RegistrationRequestedEvent
from contracts.events.event_data import RegistrationRequested
from contracts.registrations import RegistrationRequest


def plain_ingress(amqp_url: str, namespace: str) -> FastAPI:
    publishing: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        connection = await aio_pika.connect(amqp_url)
        channel = await connection.channel(publisher_confirms=True, on_return_raises=True)
        exchange = await channel.declare_exchange(
            f"{namespace}.events", aio_pika.ExchangeType.TOPIC, durable=True
        )
        queue = await channel.declare_queue(
            queue_name(namespace, "registration"), durable=True, arguments=QUEUE_ARGUMENTS
        )
        await queue.bind(exchange, routing_key=REGISTRATION_REQUESTED)
        publishing["exchange"] = exchange
        try:
            yield
        finally:
            await connection.close()

    app = FastAPI(lifespan=lifespan)

    @app.post("/v1/registrations", status_code=202)
    async def register(request: RegistrationRequest, response: Response) -> dict[str, str]:
        registration_id = str(uuid.uuid4())
        event = RegistrationRequestedEvent(
            specversion="1.0",
            id=str(uuid.uuid4()),
            source="urn:culdesac:bench:plain",
            type=REGISTRATION_REQUESTED,
            time=datetime.now(UTC),
            data=RegistrationRequested(**request.model_dump(), registration_id=registration_id),
            correlationid=registration_id,
        )
        await publishing["exchange"].publish(
            aio_pika.Message(
                event.to_bytes(),
                content_type="application/cloudevents+json",
                delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                message_id=event.id,
                correlation_id=registration_id,
            ),
            routing_key=REGISTRATION_REQUESTED,
            mandatory=True,
        )
        status_url = f"/v1/registrations/{registration_id}"
        response.headers["Location"] = status_url
        return {"registration_id": registration_id, "status_url": status_url}

    @app.get("/readyz")
    async def ready() -> dict[str, str]:
        return {"status": "ready" if "exchange" in publishing else "starting"}

    return app


if __name__ == "__main__":
    chosen_namespace, chosen_port = sys.argv[1], int(sys.argv[2])
    uvicorn.run(
        plain_ingress(os.environ["CULDESAC_AMQP_URL"], chosen_namespace),
        host="127.0.0.1",
        port=chosen_port,
        log_config=None,
        access_log=False,
    )
