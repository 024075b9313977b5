"""Whether the registration flow keeps its pace as the collections grow (1k → 50k).

One run of ``culdesac worker --all``: before each stage the collections are filled directly
(one unordered ``insert_many`` per thousand documents, outside the measurement) up to the
stage's size, then a fixed number of registrations is timed through the workers, as the
saturated scenario does. Filling instead of registering keeps the run bounded in time.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pymongo import AsyncMongoClient

from bench.figures import Figures
from bench.registrations import SEED, saturated, start_workers
from bench.runs import Broker, Session, session
from brokers.storages.storage_broker import COLLECTIONS, LIBRARY_CARDS, REGISTRATIONS, STUDENTS

FILL_CHUNK = 1000
CONCERNS = ("student", "guardians", "contact", "library_card", "immunizations")


def filler(collection: str, index: int) -> dict[str, Any]:
    """A stored document of the collection's shape; made up, never anyone's data."""
    document_id = str(uuid.uuid4())
    if collection == STUDENTS:
        return {
            "_id": document_id,
            "first_name": "Filler",
            "last_name": f"Number{index}",
            "date_of_birth": "2012-01-01",
            "email": f"filler-{index}-{document_id[:8]}@example.com",
        }
    if collection == REGISTRATIONS:
        return {
            "_id": document_id,
            "status": "completed",
            "accepted_at": datetime.now(UTC).isoformat(),
            "concerns": {concern: {"status": "persisted"} for concern in CONCERNS},
        }
    document = {"_id": document_id, "student_id": str(uuid.uuid4()), "filler": index}
    if collection == LIBRARY_CARDS:
        document["card_number"] = f"LC-F{index:09d}"
    return document


async def fill(run: Session, size: int) -> None:
    """Every collection up to ``size`` documents."""
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(run.mongodb_url)
    try:
        database = client[run.database_name]
        for collection in COLLECTIONS:
            have = await database[collection].estimated_document_count()
            for start in range(have, size, FILL_CHUNK):
                documents = [
                    filler(collection, index)
                    for index in range(start, min(size, start + FILL_CHUNK))
                ]
                await database[collection].insert_many(documents, ordered=False)
    finally:
        await client.close()


async def measure_flatness(
    broker: Broker, mongodb_url: str, count: int, sizes: Sequence[int]
) -> dict[str, Figures]:
    """Per stage (``"1,000 documents"``, …) the saturated figures of ``count`` registrations."""
    stages: dict[str, Figures] = {}
    async with session(broker, mongodb_url) as run:
        await start_workers(run)
        for stage, size in enumerate(sizes):
            await fill(run, size)
            figures = await saturated(run, count, ledger=False, seed=SEED + 1 + stage)
            stages[f"{size:,} documents"] = {
                "registrations per second": figures["registrations per second"],
                "failed outcomes": figures["failed outcomes"],
                "storage commands per registration": figures.get(
                    "storage commands per registration"
                ),
                "CPU ms per registration, storage": figures.get("CPU ms per registration, storage"),
            }
    return stages
