"""A concern worker's batch, written once: its student first, then its entity, then outcomes.

Every concern event names its student, so the student is ensured before the entity that
refers to it (the entity never waits on the student worker having run). Each step is one
batch call below; an event that fails at a step keeps that error and goes no further.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from contracts.events import CloudEvent, ConcernOutcome, OutcomePublication
from contracts.students import Student
from services.try_catch import attempt_each, in_places, passed

EventT = TypeVar("EventT", bound=CloudEvent[Any])
WantedT = TypeVar("WantedT")
StoredT = TypeVar("StoredT")

BatchCall = Callable[[Sequence[WantedT]], Awaitable[Sequence[StoredT | Exception]]]


async def process_concern_events(
    events: Sequence[EventT],
    *,
    validate: Callable[[EventT], None],
    to_student: Callable[[EventT], Student],
    ensure_students: BatchCall[Student, Student],
    to_entity: Callable[[EventT], WantedT],
    ensure_entities: BatchCall[WantedT, StoredT],
    to_outcome: Callable[[StoredT], ConcernOutcome],
    publish_outcomes: Callable[
        [Sequence[OutcomePublication]], Awaitable[Sequence[Exception | None]]
    ],
) -> list[Exception | None]:
    """Each event's error, or ``None`` once its entity is stored and its outcome published."""

    def validated(event: EventT) -> EventT:
        validate(event)
        return event

    checked = attempt_each(validated, events)
    valid = passed(checked)
    students = await ensure_students([to_student(event) for event in valid])
    with_student = [
        event
        for event, student in zip(valid, students, strict=True)
        if not isinstance(student, Exception)
    ]
    stored = await ensure_entities([to_entity(event) for event in with_student])
    published = await publish_outcomes(
        [
            OutcomePublication(
                to_outcome(entity), cause_id=event.id, correlation_id=event.correlationid
            )
            for event, entity in zip(with_student, stored, strict=True)
            if not isinstance(entity, Exception)
        ]
    )
    return in_places(checked, in_places(students, in_places(stored, published)))
