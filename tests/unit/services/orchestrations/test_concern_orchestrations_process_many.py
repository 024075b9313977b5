"""Contact, card and immunization batches: the guardian's steps, each with its own services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from unittest.mock import Mock, call, create_autospec

import pytest
from faker import Faker

from brokers.loggings import LoggingBroker
from contracts.contacts.exceptions import foundations as contact_foundations
from contracts.contacts.exceptions import orchestrations as contact_orchestrations
from contracts.contacts.exceptions import processings as contact_processings
from contracts.events import Concern, ConcernOutcome, OutcomePublication
from contracts.immunizations.exceptions import foundations as immunization_foundations
from contracts.immunizations.exceptions import orchestrations as immunization_orchestrations
from contracts.immunizations.exceptions import processings as immunization_processings
from contracts.library_cards.exceptions import foundations as library_card_foundations
from contracts.library_cards.exceptions import orchestrations as library_card_orchestrations
from contracts.library_cards.exceptions import processings as library_card_processings
from services.orchestrations.contact_events import ContactEventOrchestrationService
from services.orchestrations.immunization_events import ImmunizationEventOrchestrationService
from services.orchestrations.library_card_events import LibraryCardEventOrchestrationService
from services.processings.contact_events import ContactEventProcessingService
from services.processings.contacts import ContactProcessingService
from services.processings.immunization_events import ImmunizationEventProcessingService
from services.processings.immunizations import ImmunizationProcessingService
from services.processings.library_card_events import LibraryCardEventProcessingService
from services.processings.library_cards import LibraryCardProcessingService
from services.processings.students import StudentProcessingService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.concerns.contacts import create_random_contact_event
from tests.unit.services.concerns.immunizations import create_random_immunization_event
from tests.unit.services.concerns.library_cards import (
    create_random_library_card,
    create_random_library_card_event,
)


@dataclass(frozen=True)
class ConcernOrchestration:
    name: str
    concern: Concern
    orchestration: type[Any]
    event_processing: type[Any]
    processing: type[Any]
    create_event: Callable[[Faker, datetime], Any]
    ensure: str
    wanted: Callable[[Any], Any]
    stored: Callable[[Faker, datetime, Any], Any]
    entity_id: Callable[[Any], str]
    prefix: str
    foundations: Any
    processings: Any
    orchestrations: Any


CONCERN_ORCHESTRATIONS = [
    pytest.param(
        ConcernOrchestration(
            "contact",
            Concern.CONTACT,
            ContactEventOrchestrationService,
            ContactEventProcessingService,
            ContactProcessingService,
            create_random_contact_event,
            "ensure_contacts_exist",
            lambda event: event.data.contact,
            lambda _faker, _now, event: event.data.contact,
            lambda contact: contact.student_id,
            "Contact",
            contact_foundations,
            contact_processings,
            contact_orchestrations,
        ),
        id="contacts",
    ),
    pytest.param(
        ConcernOrchestration(
            "library_card",
            Concern.LIBRARY_CARD,
            LibraryCardEventOrchestrationService,
            LibraryCardEventProcessingService,
            LibraryCardProcessingService,
            create_random_library_card_event,
            "ensure_library_cards_issued",
            lambda event: event.data.library_card,
            lambda faker, now, event: create_random_library_card(
                faker, event.data.student.id, now
            ).model_copy(update={"id": event.data.library_card.id}),
            lambda library_card: library_card.id,
            "LibraryCard",
            library_card_foundations,
            library_card_processings,
            library_card_orchestrations,
        ),
        id="library_cards",
    ),
    pytest.param(
        ConcernOrchestration(
            "immunization",
            Concern.IMMUNIZATION,
            ImmunizationEventOrchestrationService,
            ImmunizationEventProcessingService,
            ImmunizationProcessingService,
            create_random_immunization_event,
            "ensure_immunizations_exist",
            lambda event: event.data.immunization,
            lambda _faker, _now, event: event.data.immunization,
            lambda immunization: immunization.id,
            "Immunization",
            immunization_foundations,
            immunization_processings,
            immunization_orchestrations,
        ),
        id="immunizations",
    ),
]


@pytest.mark.parametrize("concern", CONCERN_ORCHESTRATIONS)
async def test_should_process_each_event_and_retry_one_whose_store_is_away_alone(
    *, faker: Faker, now: datetime, concern: ConcernOrchestration
) -> None:
    # given
    event_processing: Mock = create_autospec(concern.event_processing, instance=True, spec_set=True)
    processing: Mock = create_autospec(concern.processing, instance=True, spec_set=True)
    student_processing: Mock = create_autospec(
        StudentProcessingService, instance=True, spec_set=True
    )
    logging_broker: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    dependencies = Mock()
    for name, mock in (
        ("event_processing", event_processing),
        ("processing", processing),
        ("student_processing", student_processing),
        ("logging_broker", logging_broker),
    ):
        dependencies.attach_mock(mock, name)
    service = concern.orchestration(
        event_processing, processing, student_processing, logging_broker
    )
    persisted, _ = input_events = [concern.create_event(faker, now) for _ in range(2)]
    stored = concern.stored(faker, now, persisted)
    storage_error = getattr(concern.processings, f"{concern.prefix}ProcessingDependencyError")(
        getattr(concern.foundations, f"Failed{concern.prefix}StorageError")("ConnectionFailure")
    )
    student_processing.ensure_students_exist.return_value = [
        event.data.student for event in input_events
    ]
    getattr(processing, concern.ensure).return_value = [stored, storage_error]
    getattr(event_processing, f"publish_{concern.name}_outcomes").return_value = [None]
    expected_unstored = getattr(
        concern.orchestrations, f"{concern.prefix}OrchestrationDependencyError"
    )(storage_error.inner_error)

    # when
    actual_results = await getattr(service, f"process_{concern.name}_events")(input_events)

    # then: the student first, then the entities, then the outcome of the one stored
    assert actual_results == [None, expected_unstored]
    assert dependencies.mock_calls == [
        call.student_processing.ensure_students_exist(
            [event.data.student for event in input_events]
        ),
        getattr(call.processing, concern.ensure)([concern.wanted(event) for event in input_events]),
        getattr(call.event_processing, f"publish_{concern.name}_outcomes")(
            [
                OutcomePublication(
                    ConcernOutcome(
                        concern=concern.concern,
                        entity_id=concern.entity_id(stored),
                        student_id=persisted.data.student.id,
                    ),
                    cause_id=persisted.id,
                    correlation_id=persisted.correlationid,
                )
            ]
        ),
        create_logged_error_call(expected_unstored),
    ]
