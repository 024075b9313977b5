"""Concern event services in batches: each message parsed alone, each publish error its own."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from unittest.mock import ANY, Mock, call, create_autospec

import pytest
from faker import Faker

from brokers.identifiers import IdentifierBroker
from brokers.queues import BatchHandler, QueueBroker, QueueUnavailableError
from contracts.contacts.exceptions import events as contact_errors
from contracts.events import OutcomePublication
from contracts.guardians.exceptions import events as guardian_errors
from contracts.immunizations.exceptions import events as immunization_errors
from contracts.library_cards.exceptions import events as library_card_errors
from services.foundations.contact_events import ContactEventService
from services.foundations.guardian_events import GuardianEventService
from services.foundations.immunization_events import ImmunizationEventService
from services.foundations.library_card_events import LibraryCardEventService
from tests.unit.services.concerns.common import create_incoming_message
from tests.unit.services.concerns.contacts import (
    create_random_contact_event,
    create_random_contact_outcome,
)
from tests.unit.services.concerns.guardians import (
    create_random_guardian_event,
    create_random_guardian_outcome,
)
from tests.unit.services.concerns.immunizations import (
    create_random_immunization_event,
    create_random_immunization_outcome,
)
from tests.unit.services.concerns.library_cards import (
    create_random_library_card_event,
    create_random_library_card_outcome,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id


@dataclass(frozen=True)
class ConcernEvents:
    service: type[Any]
    event_name: str
    concern: str
    queue: str
    event_type: str
    create_event: Callable[[Faker, datetime], Any]
    create_outcome: Callable[[Faker], Any]
    prefix: str
    errors: Any

    def error(self, name: str) -> Any:
        return getattr(self.errors, name.format(self.prefix))


CONCERN_EVENTS = [
    pytest.param(
        ConcernEvents(
            GuardianEventService,
            "guardian_registered",
            "guardian",
            "guardian",
            "guardian.registered.v1",
            create_random_guardian_event,
            create_random_guardian_outcome,
            "Guardian",
            guardian_errors,
        ),
        id="guardians",
    ),
    pytest.param(
        ConcernEvents(
            ContactEventService,
            "contact_registered",
            "contact",
            "contact",
            "contact.registered.v1",
            create_random_contact_event,
            create_random_contact_outcome,
            "Contact",
            contact_errors,
        ),
        id="contacts",
    ),
    pytest.param(
        ConcernEvents(
            LibraryCardEventService,
            "library_card_requested",
            "library_card",
            "library-card",
            "library_card.requested.v1",
            create_random_library_card_event,
            create_random_library_card_outcome,
            "LibraryCard",
            library_card_errors,
        ),
        id="library_cards",
    ),
    pytest.param(
        ConcernEvents(
            ImmunizationEventService,
            "immunization_recorded",
            "immunization",
            "immunization",
            "immunization.recorded.v1",
            create_random_immunization_event,
            create_random_immunization_outcome,
            "Immunization",
            immunization_errors,
        ),
        id="immunizations",
    ),
]


@pytest.fixture
def queue_broker() -> Mock:
    mock: Mock = create_autospec(QueueBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def identifier_broker() -> Mock:
    mock: Mock = create_autospec(IdentifierBroker, instance=True, spec_set=True)
    return mock


@pytest.mark.parametrize("concern", CONCERN_EVENTS)
async def test_should_hand_parsed_events_over_and_answer_a_malformed_one_alone(
    *,
    faker: Faker,
    now: datetime,
    concern: ConcernEvents,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    service = concern.service(queue_broker, identifier_broker, date_time_broker, logging_broker)
    first_event, last_event = (concern.create_event(faker, now) for _ in range(2))
    input_messages = [
        create_incoming_message(faker, concern.event_type, first_event.to_bytes()),
        create_incoming_message(faker, concern.event_type, b"not json"),
        create_incoming_message(faker, concern.event_type, last_event.to_bytes()),
    ]
    handled_error = ValueError("answered by the handler")
    received: list[list[Any]] = []

    async def handle(events: Sequence[Any]) -> list[Exception | None]:
        received.append(list(events))
        return [None, handled_error]

    # when
    getattr(service, f"listen_to_{concern.event_name}_event_batches")(handle)
    handler: BatchHandler = queue_broker.listen_batch.call_args.args[2]
    answers = await handler(input_messages)

    # then
    actual_validation_error = answers[1]
    assert isinstance(actual_validation_error, concern.error("{}EventValidationError"))
    assert isinstance(actual_validation_error.inner_error, concern.error("Invalid{}EventError"))
    assert answers == [None, actual_validation_error, handled_error]
    assert received == [[first_event, last_event]]
    assert queue_broker.mock_calls == [call.listen_batch(concern.queue, concern.event_type, ANY)]
    assert identifier_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(actual_validation_error)]


@pytest.mark.parametrize("concern", CONCERN_EVENTS)
async def test_should_publish_outcomes_together_each_with_its_own_error(
    *,
    faker: Faker,
    concern: ConcernEvents,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    service = concern.service(queue_broker, identifier_broker, date_time_broker, logging_broker)
    input_publications = [
        OutcomePublication(concern.create_outcome(faker), create_random_id(faker), None)
        for _ in range(3)
    ]
    derived_ids = [create_random_id(faker) for _ in input_publications]
    identifier_broker.get_derived_identifier.side_effect = derived_ids
    unavailable = QueueUnavailableError("not confirmed")
    queue_broker.publish.side_effect = [None, unavailable, None]
    expected_dependency_error = concern.error("{}EventDependencyError")(
        concern.error("Failed{}EventPublishError")(type(unavailable).__name__)
    )

    # when
    actual_results = await getattr(service, f"publish_{concern.concern}_outcomes")(
        input_publications
    )

    # then
    assert actual_results == [None, expected_dependency_error, None]
    assert [c.args[0].message_id for c in queue_broker.publish.call_args_list] == derived_ids
    assert identifier_broker.mock_calls == [
        call.get_derived_identifier(f"{concern.concern}.persisted.v1", publication.cause_id)
        for publication in input_publications
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_dependency_error)]
