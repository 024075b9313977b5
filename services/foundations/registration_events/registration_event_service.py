from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from brokers.queues import IncomingMessage
from contracts.events import (
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    OUTCOME_TYPES,
    REGISTRATION_REQUESTED,
    STUDENT_REGISTERED,
    ConcernOutcomeEvent,
    ContactRegistered,
    ContactRegisteredEvent,
    EventPublication,
    GuardianRegistered,
    GuardianRegisteredEvent,
    ImmunizationRecorded,
    ImmunizationRecordedEvent,
    LibraryCardRequested,
    LibraryCardRequestedEvent,
    RegistrationRequested,
    RegistrationRequestedEvent,
    StudentRegisteredEvent,
)
from contracts.model import Contract
from contracts.students import Student
from contracts.workers import REGISTRATION_WORKER
from services.foundations.events import EventBatchHandler, EventService, parse_events
from services.foundations.registration_events.registration_event_service_exceptions import (
    try_catch_each_registration_event,
    try_catch_registration_event,
)
from services.try_catch import gather_each

DataT = TypeVar("DataT", bound=Contract)


class RegistrationEventService(EventService):
    """The registration worker's events: requests and concern outcomes in, the fan-out out.

    Every publishing method takes its event id, so that the caller can derive it and a
    redelivered request publishes exactly the same events; each returns the event it published.
    """

    def listen_to_registration_requested_event_batches(
        self, handler: EventBatchHandler[RegistrationRequestedEvent]
    ) -> None:
        self.listen_to_event_batches(
            REGISTRATION_WORKER,
            REGISTRATION_REQUESTED,
            self.map_to_registration_requested_events,
            handler,
        )

    def listen_to_concern_outcome_event_batches(
        self, handler: EventBatchHandler[ConcernOutcomeEvent]
    ) -> None:
        for outcome_type in OUTCOME_TYPES:
            self.listen_to_event_batches(
                REGISTRATION_WORKER, outcome_type, self.map_to_concern_outcome_events, handler
            )

    @try_catch_each_registration_event
    async def map_to_registration_requested_events(
        self, messages: Sequence[IncomingMessage]
    ) -> list[RegistrationRequestedEvent | Exception]:
        return parse_events(RegistrationRequestedEvent, messages)

    @try_catch_each_registration_event
    async def map_to_concern_outcome_events(
        self, messages: Sequence[IncomingMessage]
    ) -> list[ConcernOutcomeEvent | Exception]:
        return parse_events(ConcernOutcomeEvent, messages)

    @try_catch_registration_event
    async def publish_registration_requested(
        self,
        registration_requested: RegistrationRequested,
        *,
        event_id: str,
        requested_at: datetime,
    ) -> RegistrationRequestedEvent:
        """Dated ``requested_at``, the ledger entry's time: a replay publishes the same event."""
        return await self.publish_event(
            REGISTRATION_REQUESTED,
            registration_requested,
            event_id=event_id,
            correlation_id=registration_requested.registration_id,
            event_model=RegistrationRequestedEvent,
            time=requested_at,
        )

    @try_catch_each_registration_event
    async def publish_fan_outs(
        self, fan_outs: Sequence[Sequence[EventPublication]]
    ) -> list[Exception | None]:
        """Every event of every fan-out at once, their confirms awaited together.

        Each fan-out is answered with the first error among its publishes, or ``None``: every
        publish finishes before, so a retry of the request republishes them all, same ids.
        """
        published = iter(
            await gather_each(
                self.publish_event(
                    publication.event_type,
                    publication.data,
                    event_id=publication.event_id,
                    correlation_id=publication.correlation_id,
                )
                for fan_out in fan_outs
                for publication in fan_out
            )
        )
        answers: list[Exception | None] = []
        for fan_out in fan_outs:
            results = [next(published) for _ in fan_out]
            answers.append(next((r for r in results if isinstance(r, Exception)), None))
        return answers

    @try_catch_registration_event
    async def publish_student_registered(
        self, student: Student, *, event_id: str, correlation_id: str
    ) -> StudentRegisteredEvent:
        return await self.publish_event(
            STUDENT_REGISTERED,
            student,
            event_id=event_id,
            correlation_id=correlation_id,
            event_model=StudentRegisteredEvent,
        )

    @try_catch_registration_event
    async def publish_guardian_registered(
        self, guardian_registered: GuardianRegistered, *, event_id: str, correlation_id: str
    ) -> GuardianRegisteredEvent:
        return await self.publish_event(
            GUARDIAN_REGISTERED,
            guardian_registered,
            event_id=event_id,
            correlation_id=correlation_id,
            event_model=GuardianRegisteredEvent,
        )

    @try_catch_registration_event
    async def publish_contact_registered(
        self, contact_registered: ContactRegistered, *, event_id: str, correlation_id: str
    ) -> ContactRegisteredEvent:
        return await self.publish_event(
            CONTACT_REGISTERED,
            contact_registered,
            event_id=event_id,
            correlation_id=correlation_id,
            event_model=ContactRegisteredEvent,
        )

    @try_catch_registration_event
    async def publish_library_card_requested(
        self, library_card_requested: LibraryCardRequested, *, event_id: str, correlation_id: str
    ) -> LibraryCardRequestedEvent:
        return await self.publish_event(
            LIBRARY_CARD_REQUESTED,
            library_card_requested,
            event_id=event_id,
            correlation_id=correlation_id,
            event_model=LibraryCardRequestedEvent,
        )

    @try_catch_registration_event
    async def publish_immunization_recorded(
        self, immunization_recorded: ImmunizationRecorded, *, event_id: str, correlation_id: str
    ) -> ImmunizationRecordedEvent:
        return await self.publish_event(
            IMMUNIZATION_RECORDED,
            immunization_recorded,
            event_id=event_id,
            correlation_id=correlation_id,
            event_model=ImmunizationRecordedEvent,
        )
