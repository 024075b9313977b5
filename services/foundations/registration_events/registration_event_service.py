from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from brokers.queues import IncomingMessage, OutgoingMessage
from contracts.events import (
    CLOUD_EVENTS_CONTENT_TYPE,
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    OUTCOME_TYPES,
    REGISTRATION_REQUESTED,
    STUDENT_REGISTERED,
    CloudEvent,
    ConcernOutcomeEvent,
    ContactRegistered,
    ContactRegisteredEvent,
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
from services.foundations.events import EVENT_SOURCE, EventService
from services.foundations.registration_events.registration_event_service_exceptions import (
    try_catch_registration_event,
)

REGISTRATION_WORKER = "registration"

DataT = TypeVar("DataT", bound=Contract)


class RegistrationEventService(EventService):
    """The registration worker's events: requests and concern outcomes in, the fan-out out.

    Every publishing method takes its event id, so that the caller can derive it and a
    redelivered request publishes exactly the same events; each returns the event it published.
    """

    def listen_to_registration_requested_events(
        self, handler: Callable[[RegistrationRequestedEvent], Awaitable[None]]
    ) -> None:
        async def on_message(message: IncomingMessage) -> None:
            await handler(await self.map_to_registration_requested_event(message))

        self.queue_broker.listen(REGISTRATION_WORKER, REGISTRATION_REQUESTED, on_message)

    def listen_to_concern_outcome_events(
        self, handler: Callable[[ConcernOutcomeEvent], Awaitable[None]]
    ) -> None:
        async def on_message(message: IncomingMessage) -> None:
            await handler(await self.map_to_concern_outcome_event(message))

        # The queue broker dispatches by exact routing key: one registration per outcome type.
        for outcome_type in OUTCOME_TYPES:
            self.queue_broker.listen(REGISTRATION_WORKER, outcome_type, on_message)

    @try_catch_registration_event
    async def map_to_registration_requested_event(
        self, message: IncomingMessage
    ) -> RegistrationRequestedEvent:
        return RegistrationRequestedEvent.model_validate_json(
            message.body, context={"event_type": message.routing_key}
        )

    @try_catch_registration_event
    async def map_to_concern_outcome_event(self, message: IncomingMessage) -> ConcernOutcomeEvent:
        return ConcernOutcomeEvent.model_validate_json(
            message.body, context={"event_type": message.routing_key}
        )

    @try_catch_registration_event
    async def publish_registration_requested(
        self, registration_requested: RegistrationRequested, *, event_id: str
    ) -> RegistrationRequestedEvent:
        return await self._publish(
            RegistrationRequestedEvent,
            REGISTRATION_REQUESTED,
            registration_requested,
            event_id=event_id,
            correlation_id=registration_requested.registration_id,
        )

    @try_catch_registration_event
    async def publish_student_registered(
        self, student: Student, *, event_id: str, correlation_id: str
    ) -> StudentRegisteredEvent:
        return await self._publish(
            StudentRegisteredEvent,
            STUDENT_REGISTERED,
            student,
            event_id=event_id,
            correlation_id=correlation_id,
        )

    @try_catch_registration_event
    async def publish_guardian_registered(
        self, guardian_registered: GuardianRegistered, *, event_id: str, correlation_id: str
    ) -> GuardianRegisteredEvent:
        return await self._publish(
            GuardianRegisteredEvent,
            GUARDIAN_REGISTERED,
            guardian_registered,
            event_id=event_id,
            correlation_id=correlation_id,
        )

    @try_catch_registration_event
    async def publish_contact_registered(
        self, contact_registered: ContactRegistered, *, event_id: str, correlation_id: str
    ) -> ContactRegisteredEvent:
        return await self._publish(
            ContactRegisteredEvent,
            CONTACT_REGISTERED,
            contact_registered,
            event_id=event_id,
            correlation_id=correlation_id,
        )

    @try_catch_registration_event
    async def publish_library_card_requested(
        self, library_card_requested: LibraryCardRequested, *, event_id: str, correlation_id: str
    ) -> LibraryCardRequestedEvent:
        return await self._publish(
            LibraryCardRequestedEvent,
            LIBRARY_CARD_REQUESTED,
            library_card_requested,
            event_id=event_id,
            correlation_id=correlation_id,
        )

    @try_catch_registration_event
    async def publish_immunization_recorded(
        self, immunization_recorded: ImmunizationRecorded, *, event_id: str, correlation_id: str
    ) -> ImmunizationRecordedEvent:
        return await self._publish(
            ImmunizationRecordedEvent,
            IMMUNIZATION_RECORDED,
            immunization_recorded,
            event_id=event_id,
            correlation_id=correlation_id,
        )

    async def _publish(
        self,
        event_model: type[CloudEvent[DataT]],
        event_type: str,
        data: DataT,
        *,
        event_id: str,
        correlation_id: str,
    ) -> CloudEvent[DataT]:
        event = event_model(
            specversion="1.0",
            id=event_id,
            source=EVENT_SOURCE,
            type=event_type,
            time=self.date_time_broker.get_current_date_time(),
            data=data,
            correlationid=correlation_id,
        )
        await self.queue_broker.publish(
            OutgoingMessage(
                routing_key=event_type,
                body=event.to_bytes(),
                message_id=event_id,
                correlation_id=correlation_id,
                content_type=CLOUD_EVENTS_CONTENT_TYPE,
            )
        )
        return event
