"""Every worker the product runs, by name, with the event types its queue is bound to.

The one list of workers: services listen under these names, the hosts start them, the CLI
offers them and the topology declares their queues from it.
"""

from __future__ import annotations

from collections.abc import Mapping

from contracts.events import event_types

REGISTRATION_WORKER = "registration"
STUDENT_WORKER = "student"
GUARDIAN_WORKER = "guardian"
CONTACT_WORKER = "contact"
LIBRARY_CARD_WORKER = "library-card"
IMMUNIZATION_WORKER = "immunization"

WORKER_BINDINGS: Mapping[str, tuple[str, ...]] = {
    REGISTRATION_WORKER: (event_types.REGISTRATION_REQUESTED, "*.persisted.v1", "*.failed.v1"),
    STUDENT_WORKER: (event_types.STUDENT_REGISTERED,),
    GUARDIAN_WORKER: (event_types.GUARDIAN_REGISTERED,),
    CONTACT_WORKER: (event_types.CONTACT_REGISTERED,),
    LIBRARY_CARD_WORKER: (event_types.LIBRARY_CARD_REQUESTED,),
    IMMUNIZATION_WORKER: (event_types.IMMUNIZATION_RECORDED,),
}
WORKER_NAMES: tuple[str, ...] = tuple(WORKER_BINDINGS)
