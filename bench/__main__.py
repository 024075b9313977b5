"""``python -m bench``: end-to-end throughput of a worker process on real services.

Starts SecantusDB (unless ``CULDESAC_MONGODB_URL`` is set) and ``culdesac worker student`` as a
subprocess against the RabbitMQ at ``CULDESAC_AMQP_URL``, publishes N student events with a
plain AMQP client, and reports messages per second until every student is stored. With
``--baseline FILE`` it prints the ratio against an earlier run saved with ``--save FILE``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import uuid
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aio_pika
from pymongo import AsyncMongoClient

from tests.backing_services import LOCAL_AMQP_URL, delete_namespace, secantus_server

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


async def measure(amqp_url: str, mongodb_url: str, count: int, prefetch: int) -> dict[str, Any]:
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


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("-n", "--count", type=int, default=2000, help="student events to publish")
    parser.add_argument("--prefetch", type=int, default=32)
    parser.add_argument("--save", type=Path, help="write this run's figures to a JSON file")
    parser.add_argument("--baseline", type=Path, help="compare against a saved run")
    arguments = parser.parse_args()
    amqp_url = os.environ.get("CULDESAC_AMQP_URL", LOCAL_AMQP_URL)
    with ExitStack() as stack:
        mongodb_url = os.environ.get("CULDESAC_MONGODB_URL") or stack.enter_context(
            secantus_server()
        )
        result = asyncio.run(measure(amqp_url, mongodb_url, arguments.count, arguments.prefetch))
    print(json.dumps(result, indent=2))
    if arguments.save:
        arguments.save.write_text(json.dumps(result, indent=2))
    if arguments.baseline:
        baseline = json.loads(arguments.baseline.read_text())
        ratio = result["messages_per_second"] / baseline["messages_per_second"]
        print(
            f"student worker: {result['messages_per_second']} msg/s "
            f"vs baseline {baseline['messages_per_second']} msg/s: x{ratio:.2f}"
        )


if __name__ == "__main__":
    main()
