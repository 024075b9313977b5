"""The student worker alone: N student events published by a plain AMQP client."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import aio_pika
from pymongo import AsyncMongoClient

from tests.backing_services import delete_namespace

PATIENCE_SECONDS = 600


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
    amqp_url: str, mongodb_url: str, count: int, prefetch: int
) -> dict[str, Any]:
    namespace = f"bench-{uuid.uuid4().hex[:8]}"
    database_name = namespace.replace("-", "_")
    environment = {
        **os.environ,
        "CULDESAC_AMQP_URL": amqp_url,
        "CULDESAC_MONGODB_URL": mongodb_url,
        "CULDESAC_MONGODB_DATABASE": database_name,
        "CULDESAC_NAMESPACE": namespace,
        "CULDESAC_PREFETCH": str(prefetch),
        "CULDESAC_LOG_LEVEL": "WARNING",
        "CULDESAC_METRICS_PORT": "0",
    }
    worker = subprocess.Popen(  # noqa: ASYNC220 - started once, before anything is timed
        [sys.executable, "-m", "workers", "worker", "student"],
        env=environment,
        stderr=subprocess.DEVNULL,
    )
    connection = await aio_pika.connect(amqp_url)
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(mongodb_url)
    try:
        channel = await connection.channel(publisher_confirms=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                await channel.declare_queue(f"{namespace}.student", passive=True)
                break
            except aio_pika.exceptions.ChannelClosed:
                if time.monotonic() > deadline:
                    raise
                channel = await connection.channel(publisher_confirms=True)
                await asyncio.sleep(0.2)
        exchange = await channel.get_exchange(f"{namespace}.events")
        bodies = [student_event(index) for index in range(count)]
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
        students = client[database_name].students
        while (stored := await students.count_documents({})) < count:
            if time.monotonic() - started > PATIENCE_SECONDS:
                raise TimeoutError(f"only {stored} of {count} stored")
            await asyncio.sleep(0.05)
        finished = time.monotonic()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        await connection.close()
        await delete_namespace(amqp_url, namespace)
        await client.drop_database(database_name)
        await client.close()
    return {
        "messages": count,
        "prefetch": prefetch,
        "publish_seconds": round(published - started, 3),
        "end_to_end_seconds": round(finished - started, 3),
        "messages_per_second": round(count / (finished - started), 1),
    }
