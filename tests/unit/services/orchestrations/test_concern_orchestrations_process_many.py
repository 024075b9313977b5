"""Contact, card and immunization batches: the guardian's steps, each with its own services."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call, create_autospec

import pytest
from faker import Faker

from brokers.loggings import LoggingBroker
from contracts.events import ConcernOutcome, OutcomePublication
from services.processings.students import StudentProcessingService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.orchestrations.concern_orchestrations import (
    BATCH_CONCERN_ORCHESTRATIONS,
    ConcernOrchestration,
)


@pytest.mark.parametrize("concern", BATCH_CONCERN_ORCHESTRATIONS)
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
