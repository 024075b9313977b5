"""Every worker this product runs: its queue's bindings and how to start it on given brokers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from brokers.queues import WorkerTopology
from contracts.events import event_types
from workers.brokers import Brokers
from workers.contact.composition import start_contact_worker
from workers.guardian.composition import start_guardian_worker
from workers.immunization.composition import start_immunization_worker
from workers.library_card.composition import start_library_card_worker
from workers.registration.composition import start_registration_worker
from workers.student.composition import start_student_worker


@dataclass(frozen=True, slots=True)
class WorkerDefinition:
    name: str
    binding_keys: Sequence[str]
    start: Callable[[Brokers], None]


WORKERS: Mapping[str, WorkerDefinition] = {
    definition.name: definition
    for definition in (
        WorkerDefinition(
            "registration",
            (event_types.REGISTRATION_REQUESTED, "*.persisted.v1", "*.failed.v1"),
            start_registration_worker,
        ),
        WorkerDefinition("student", (event_types.STUDENT_REGISTERED,), start_student_worker),
        WorkerDefinition("guardian", (event_types.GUARDIAN_REGISTERED,), start_guardian_worker),
        WorkerDefinition("contact", (event_types.CONTACT_REGISTERED,), start_contact_worker),
        WorkerDefinition(
            "library-card", (event_types.LIBRARY_CARD_REQUESTED,), start_library_card_worker
        ),
        WorkerDefinition(
            "immunization", (event_types.IMMUNIZATION_RECORDED,), start_immunization_worker
        ),
    )
}


def topology_of(workers: Mapping[str, WorkerDefinition]) -> list[WorkerTopology]:
    return [WorkerTopology(d.name, tuple(d.binding_keys)) for d in workers.values()]
