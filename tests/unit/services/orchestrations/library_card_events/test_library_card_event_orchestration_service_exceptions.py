from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal
from unittest.mock import Mock, _Call, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, LocalizedError
from contracts.events import Concern, ConcernOutcome, LibraryCardRequestedEvent
from contracts.library_cards.exceptions.event_processings import (
    LibraryCardEventProcessingDependencyError,
    LibraryCardEventProcessingServiceError,
)
from contracts.library_cards.exceptions.events import (
    FailedLibraryCardEventPublishError,
    FailedLibraryCardEventServiceError,
)
from contracts.library_cards.exceptions.foundations import (
    FailedLibraryCardServiceError,
    FailedLibraryCardStorageError,
    InvalidLibraryCardError,
)
from contracts.library_cards.exceptions.orchestrations import (
    FailedLibraryCardOrchestrationServiceError,
    LibraryCardOrchestrationDependencyError,
    LibraryCardOrchestrationDependencyValidationError,
    LibraryCardOrchestrationServiceError,
)
from contracts.library_cards.exceptions.processings import (
    ConflictingLibraryCardError,
    LibraryCardProcessingDependencyError,
    LibraryCardProcessingDependencyValidationError,
    LibraryCardProcessingServiceError,
)
from contracts.students.exceptions.foundations import (
    FailedStudentServiceError,
    FailedStudentStorageError,
    InvalidStudentError,
)
from contracts.students.exceptions.processings import (
    ConflictingStudentError,
    StudentProcessingDependencyError,
    StudentProcessingDependencyValidationError,
    StudentProcessingServiceError,
    StudentProcessingValidationError,
)
from services.orchestrations.library_card_events import LibraryCardEventOrchestrationService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.concerns.library_cards import (
    create_issued_library_card,
    create_random_library_card_event,
)

# The steps of processing a library_card event, in order, and the dependency method of each.
STEPS = {
    "student": ("student_processing_service", "ensure_student_exists"),
    "library_card": ("library_card_processing_service", "ensure_library_card_issued"),
    "outcome": ("library_card_event_processing_service", "publish_library_card_outcome"),
}
Step = Literal["student", "library_card", "outcome"]
CreateError = Callable[[str], Exception]


def create_step_calls(event: LibraryCardRequestedEvent, until: Step) -> list[_Call]:
    """The calls of every step up to the failing one, which is called too."""
    data = event.data
    persisted = ConcernOutcome(
        concern=Concern.LIBRARY_CARD, entity_id=data.library_card.id, student_id=data.student.id
    )
    calls = {
        "student": call.student_processing_service.ensure_student_exists(data.student),
        "library_card": call.library_card_processing_service.ensure_library_card_issued(
            data.library_card
        ),
        "outcome": call.library_card_event_processing_service.publish_library_card_outcome(
            persisted, cause_id=event.id, correlation_id=event.correlationid
        ),
    }
    steps = list(STEPS)
    return [calls[step] for step in steps[: steps.index(until) + 1]]


def arrange(
    dependencies: Mock, event: LibraryCardRequestedEvent, failing: Step, error: Exception
) -> None:
    dependencies.student_processing_service.ensure_student_exists.return_value = event.data.student
    dependencies.library_card_processing_service.ensure_library_card_issued.return_value = (
        create_issued_library_card(event.data.library_card, event.id, event.time)
    )
    service, method = STEPS[failing]
    getattr(getattr(dependencies, service), method).side_effect = error


def inner_of(error: Exception) -> LocalizedError:
    assert isinstance(error, CategorizedError)
    return error.inner_error


@pytest.mark.parametrize(
    ("failing", "create_error"),
    [
        pytest.param(
            "student",
            lambda text: StudentProcessingValidationError(InvalidStudentError({"email": [text]})),
            id="student-validation",
        ),
        pytest.param(
            "student",
            lambda text: StudentProcessingDependencyValidationError(ConflictingStudentError(text)),
            id="student-conflict",
        ),
        pytest.param(
            "library_card",
            lambda text: LibraryCardProcessingDependencyValidationError(
                InvalidLibraryCardError({"card_number": [text]})
            ),
            id="library_card-invalid",
        ),
        pytest.param(
            "library_card",
            lambda text: LibraryCardProcessingDependencyValidationError(
                ConflictingLibraryCardError(text)
            ),
            id="library_card-conflict",
        ),
    ],
)
async def test_should_raise_dependency_validation_error_and_publish_failure_on_process(
    *,
    faker: Faker,
    now: datetime,
    failing: Step,
    create_error: CreateError,
    library_card_event_orchestration_service: LibraryCardEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_library_card_event(faker, now)
    downstream_error = create_error(faker.sentence())
    arrange(dependencies, input_event, failing, downstream_error)
    inner_error = inner_of(downstream_error)
    expected_error = LibraryCardOrchestrationDependencyValidationError(inner_error)
    expected_failed_outcome = ConcernOutcome(
        concern=Concern.LIBRARY_CARD,
        entity_id=input_event.data.library_card.id,
        student_id=input_event.data.student.id,
        reason=str(inner_error),
    )

    # when
    with pytest.raises(LibraryCardOrchestrationDependencyValidationError) as error_info:
        await library_card_event_orchestration_service.process_library_card_event(input_event)

    # then: the message will be dead-lettered, so the concern is reported failed
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [
        *create_step_calls(input_event, failing),
        create_logged_error_call(expected_error),
        call.library_card_event_processing_service.publish_library_card_outcome(
            expected_failed_outcome,
            cause_id=input_event.id,
            correlation_id=input_event.correlationid,
        ),
    ]


@pytest.mark.parametrize(
    ("failing", "create_error"),
    [
        pytest.param(
            "student",
            lambda text: StudentProcessingDependencyError(FailedStudentStorageError(text)),
            id="student",
        ),
        pytest.param(
            "library_card",
            lambda text: LibraryCardProcessingDependencyError(FailedLibraryCardStorageError(text)),
            id="library_card",
        ),
        pytest.param(
            "outcome",
            lambda text: LibraryCardEventProcessingDependencyError(
                FailedLibraryCardEventPublishError(text)
            ),
            id="outcome",
        ),
    ],
)
async def test_should_raise_critical_dependency_error_on_process_without_reporting_failure(
    *,
    faker: Faker,
    now: datetime,
    failing: Step,
    create_error: CreateError,
    library_card_event_orchestration_service: LibraryCardEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_library_card_event(faker, now)
    downstream_error = create_error(faker.sentence())
    arrange(dependencies, input_event, failing, downstream_error)
    expected_error = LibraryCardOrchestrationDependencyError(inner_of(downstream_error))

    # when
    with pytest.raises(LibraryCardOrchestrationDependencyError) as error_info:
        await library_card_event_orchestration_service.process_library_card_event(input_event)

    # then: the message is retried, so the concern is not failed
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [
        *create_step_calls(input_event, failing),
        create_logged_error_call(expected_error),
    ]


@pytest.mark.parametrize(
    ("failing", "create_error", "create_inner_error"),
    [
        pytest.param(
            "student",
            lambda text: StudentProcessingServiceError(FailedStudentServiceError(text)),
            FailedStudentServiceError,
            id="student",
        ),
        pytest.param(
            "library_card",
            lambda text: LibraryCardProcessingServiceError(FailedLibraryCardServiceError(text)),
            FailedLibraryCardServiceError,
            id="library_card",
        ),
        pytest.param(
            "outcome",
            lambda text: LibraryCardEventProcessingServiceError(
                FailedLibraryCardEventServiceError(text)
            ),
            FailedLibraryCardEventServiceError,
            id="outcome",
        ),
        pytest.param(
            "library_card",
            RuntimeError,
            lambda _: FailedLibraryCardOrchestrationServiceError("RuntimeError"),
            id="unexpected",
        ),
    ],
)
async def test_should_raise_service_error_on_process_without_reporting_failure(
    *,
    faker: Faker,
    now: datetime,
    failing: Step,
    create_error: CreateError,
    create_inner_error: Callable[[str], LocalizedError],
    library_card_event_orchestration_service: LibraryCardEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_library_card_event(faker, now)
    text = faker.sentence()
    arrange(dependencies, input_event, failing, create_error(text))
    expected_error = LibraryCardOrchestrationServiceError(create_inner_error(text))

    # when
    with pytest.raises(LibraryCardOrchestrationServiceError) as error_info:
        await library_card_event_orchestration_service.process_library_card_event(input_event)

    # then: a bug is retried a bounded number of times, so the concern is not failed yet
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [
        *create_step_calls(input_event, failing),
        create_logged_error_call(expected_error),
    ]
