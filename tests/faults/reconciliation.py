"""What was sent against what was stored: per registration and entity, lost and duplicated.

Every student of a run has an email of its own, so each stored document can be traced back to
the registration that asked for it: a missing one is lost; a second one, or one that no
accepted registration asked for, is a duplicate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pymongo import AsyncMongoClient

from contracts.registrations import ConcernState
from services.foundations.registrations.registration_service_mappings import (
    map_to_overall_status,
)

PER_STUDENT = ("guardians", "contacts", "library_cards", "immunizations")
COLLECTIONS = ("students", *PER_STUDENT, "registrations")


@dataclass(frozen=True)
class Reconciliation:
    accepted: int
    completed: int
    expected: Mapping[str, int]
    stored: Mapping[str, int]
    lost: Mapping[str, int]
    duplicate: Mapping[str, int]

    @property
    def total_lost(self) -> int:
        return sum(self.lost.values())

    @property
    def total_duplicate(self) -> int:
        return sum(self.duplicate.values())


@dataclass(frozen=True)
class StoredSnapshot:
    """The few fields the reckoning needs from each collection."""

    student_ids_by_email: Mapping[str, Sequence[str]]
    per_student: Mapping[str, Counter[str]]
    status_by_registration: Mapping[str, str]


def expected_per_student(request: Mapping[str, Any]) -> dict[str, int]:
    return {
        "guardians": len(request["guardians"]),
        "contacts": 1,
        "library_cards": 1 if request["library_card"] else 0,
        "immunizations": len(request["immunizations"]),
    }


def status_of(entry: Mapping[str, Any]) -> str:
    """A ledger entry's overall status, read from its concerns as the service reads it."""
    concerns: Mapping[str, Mapping[str, Any]] = entry.get("concerns", {})
    return map_to_overall_status(ConcernState(c["status"]) for c in concerns.values()).value


class StoredDocuments:
    """A plain PyMongo client on the scenario's database, as any reader would use."""

    def __init__(self, mongodb_url: str, database_name: str) -> None:
        self._client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(
            mongodb_url, serverSelectionTimeoutMS=2000
        )
        self._database = self._client[database_name]

    async def close(self) -> None:
        await self._client.close()

    async def completed(self, registration_ids: Collection[str]) -> int:
        """How many of the registrations the ledger shows as completed right now."""
        entries = await self._database.registrations.find(
            {"_id": {"$in": list(registration_ids)}}, {"concerns": 1}
        ).to_list()
        return sum(1 for entry in entries if status_of(entry) == "completed")

    async def snapshot(self) -> StoredSnapshot:
        ids_by_email: dict[str, list[str]] = {}
        for student in await self._database.students.find({}, {"email": 1}).to_list():
            ids_by_email.setdefault(str(student["email"]), []).append(str(student["_id"]))
        per_student = {
            name: Counter(
                str(document.get("student_id"))
                for document in await self._database[name].find({}, {"student_id": 1}).to_list()
            )
            for name in PER_STUDENT
        }
        registrations = await self._database.registrations.find({}, {"concerns": 1}).to_list()
        return StoredSnapshot(
            ids_by_email,
            per_student,
            {str(document["_id"]): status_of(document) for document in registrations},
        )

    async def reconcile(
        self, requests: Sequence[Mapping[str, Any]], accepted: Mapping[int, str]
    ) -> Reconciliation:
        """Compare the accepted registrations (index → id) with the stored documents."""
        return reconciliation_of(requests, accepted, await self.snapshot())


def reconciliation_of(
    requests: Sequence[Mapping[str, Any]],
    accepted: Mapping[int, str],
    snapshot: StoredSnapshot,
) -> Reconciliation:
    lost: Counter[str] = Counter()
    duplicate: Counter[str] = Counter()
    expected: Counter[str] = Counter()

    accepted_emails = {requests[index]["student"]["email"] for index in accepted}
    duplicate["students"] += sum(
        len(ids)
        for email, ids in snapshot.student_ids_by_email.items()
        if email not in accepted_emails
    )
    traced: set[str] = set()
    for index in accepted:
        request = requests[index]
        ids = snapshot.student_ids_by_email.get(request["student"]["email"], [])
        traced.update(ids)
        expected["students"] += 1
        lost["students"] += 0 if ids else 1
        duplicate["students"] += max(len(ids) - 1, 0)
        for name, count in expected_per_student(request).items():
            found = sum(snapshot.per_student[name][student_id] for student_id in ids)
            expected[name] += count
            lost[name] += max(count - found, 0)
            duplicate[name] += max(found - count, 0)
    for name in PER_STUDENT:
        duplicate[name] += sum(
            count
            for student_id, count in snapshot.per_student[name].items()
            if student_id not in traced
        )

    statuses = snapshot.status_by_registration
    accepted_ids = set(accepted.values())
    expected["registrations"] = len(accepted_ids)
    lost["registrations"] = len(accepted_ids - statuses.keys())
    duplicate["registrations"] = len(statuses.keys() - accepted_ids)

    return Reconciliation(
        accepted=len(accepted_ids),
        completed=sum(1 for rid in accepted_ids if statuses.get(rid) == "completed"),
        expected={name: expected[name] for name in COLLECTIONS},
        stored={
            "students": sum(len(ids) for ids in snapshot.student_ids_by_email.values()),
            **{name: sum(snapshot.per_student[name].values()) for name in PER_STUDENT},
            "registrations": len(statuses),
        },
        lost={name: lost[name] for name in COLLECTIONS},
        duplicate={name: duplicate[name] for name in COLLECTIONS},
    )
