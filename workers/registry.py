"""How to start each worker of the one list of workers (``contracts.workers``) on given brokers."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from contracts.workers import (
    CONTACT_WORKER,
    GUARDIAN_WORKER,
    IMMUNIZATION_WORKER,
    LIBRARY_CARD_WORKER,
    REGISTRATION_WORKER,
    STUDENT_WORKER,
    WORKER_NAMES,
)
from hosting.brokers import Brokers
from workers.contact.composition import start_contact_worker
from workers.guardian.composition import start_guardian_worker
from workers.immunization.composition import start_immunization_worker
from workers.library_card.composition import start_library_card_worker
from workers.registration.composition import start_registration_worker
from workers.student.composition import start_student_worker

WorkerStart = Callable[[Brokers], None]

WORKER_STARTS: Mapping[str, WorkerStart] = {
    REGISTRATION_WORKER: start_registration_worker,
    STUDENT_WORKER: start_student_worker,
    GUARDIAN_WORKER: start_guardian_worker,
    CONTACT_WORKER: start_contact_worker,
    LIBRARY_CARD_WORKER: start_library_card_worker,
    IMMUNIZATION_WORKER: start_immunization_worker,
}

if tuple(WORKER_STARTS) != WORKER_NAMES:
    raise RuntimeError("every worker of contracts.workers needs its start, in the same order")
