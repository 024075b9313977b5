from __future__ import annotations

from unittest.mock import Mock, call

import pytest
from faker import Faker

from services.processings.student_events import StudentEventProcessingService
from tests.unit.services.conftest import create_random_id, create_random_outcome


@pytest.mark.parametrize("failed", [False, True], ids=["persisted", "failed"])
async def test_should_publish_student_outcome(
    *,
    faker: Faker,
    failed: bool,
    student_event_processing_service: StudentEventProcessingService,
    student_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_outcome = create_random_outcome(faker, faker.sentence() if failed else None)
    input_outcome = random_outcome
    input_cause_id = create_random_id(faker)
    input_correlation_id = create_random_id(faker)

    # when
    await student_event_processing_service.publish_student_outcome(
        input_outcome, cause_id=input_cause_id, correlation_id=input_correlation_id
    )

    # then
    assert student_event_service.mock_calls == [
        call.publish_student_outcome(
            input_outcome, cause_id=input_cause_id, correlation_id=input_correlation_id
        )
    ]
    assert logging_broker.mock_calls == []
