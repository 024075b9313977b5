from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal
from unittest.mock import Mock, _Call, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, LocalizedError
from contracts.events import Concern, ConcernOutcome, ImmunizationRecordedEvent
from contracts.immunizations.exceptions.event_processings import (
    ImmunizationEventProcessingDependencyError,
    ImmunizationEventProcessingServiceError,
)
from contracts.immunizations.exceptions.events import (
    FailedImmunizationEventPublishError,
    FailedImmunizationEventServiceError,
)
from contracts.immunizations.exceptions.foundations import (
    FailedImmunizationServiceError,
    FailedImmunizationStorageError,
    InvalidImmunizationError,
)
from contracts.immunizations.exceptions.orchestrations import (
    FailedImmunizationOrchestrationServiceError,
    ImmunizationOrchestrationDependencyError,
    ImmunizationOrchestrationDependencyValidationError,
    ImmunizationOrchestrationServiceError,
)
from contracts.immunizations.exceptions.processings import (
    ConflictingImmunizationError,
    ImmunizationProcessingDependencyError,
    ImmunizationProcessingDependencyValidationError,
    ImmunizationProcessingServiceError,
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
from services.orchestrations.immunization_events import ImmunizationEventOrchestrationService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.concerns.immunizations import create_random_immunization_event

# The steps of processing a immunization event, in order, and the dependency method of each.
STEPS = {
    "student": ("student_processing_service", "ensure_student_exists"),
    "immunization": ("immunization_processing_service", "ensure_immunization_exists"),
    "outcome": ("immunization_event_processing_service", "publish_immunization_outcome"),
}
Step = Literal["student", "immunization", "outcome"]
CreateError = Callable[[str], Exception]


def create_step_calls(event: ImmunizationRecordedEvent, until: Step) -> list[_Call]:
    """The calls of every step up to the failing one, which is called too."""
    data = event.data
    persisted = ConcernOutcome(
        concern=Concern.IMMUNIZATION, entity_id=data.immunization.id, student_id=data.student.id
    )
    calls = {
        "student": call.student_processing_service.ensure_student_exists(data.student),
        "immunization": call.immunization_processing_service.ensure_immunization_exists(
            data.immunization
        ),
        "outcome": call.immunization_event_processing_service.publish_immunization_outcome(
            persisted, cause_id=event.id, correlation_id=event.correlationid
        ),
    }
    steps = list(STEPS)
    return [calls[step] for step in steps[: steps.index(until) + 1]]


def arrange(
    dependencies: Mock, event: ImmunizationRecordedEvent, failing: Step, error: Exception
) -> None:
    dependencies.student_processing_service.ensure_student_exists.return_value = event.data.student
    dependencies.immunization_processing_service.ensure_immunization_exists.return_value = (
        event.data.immunization
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
            "immunization",
            lambda text: ImmunizationProcessingDependencyValidationError(
                InvalidImmunizationError({"administered_on": [text]})
            ),
            id="immunization-invalid",
        ),
        pytest.param(
            "immunization",
            lambda text: ImmunizationProcessingDependencyValidationError(
                ConflictingImmunizationError(text)
            ),
            id="immunization-conflict",
        ),
    ],
)
async def test_should_raise_dependency_validation_error_and_publish_failure_on_process(
    *,
    faker: Faker,
    now: datetime,
    failing: Step,
    create_error: CreateError,
    immunization_event_orchestration_service: ImmunizationEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_immunization_event(faker, now)
    downstream_error = create_error(faker.sentence())
    arrange(dependencies, input_event, failing, downstream_error)
    inner_error = inner_of(downstream_error)
    expected_error = ImmunizationOrchestrationDependencyValidationError(inner_error)
    expected_failed_outcome = ConcernOutcome(
        concern=Concern.IMMUNIZATION,
        entity_id=input_event.data.immunization.id,
        student_id=input_event.data.student.id,
        reason=str(inner_error),
    )

    # when
    with pytest.raises(ImmunizationOrchestrationDependencyValidationError) as error_info:
        await immunization_event_orchestration_service.process_immunization_event(input_event)

    # then: the message will be dead-lettered, so the concern is reported failed
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [
        *create_step_calls(input_event, failing),
        create_logged_error_call(expected_error),
        call.immunization_event_processing_service.publish_immunization_outcome(
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
            "immunization",
            lambda text: ImmunizationProcessingDependencyError(
                FailedImmunizationStorageError(text)
            ),
            id="immunization",
        ),
        pytest.param(
            "outcome",
            lambda text: ImmunizationEventProcessingDependencyError(
                FailedImmunizationEventPublishError(text)
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
    immunization_event_orchestration_service: ImmunizationEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_immunization_event(faker, now)
    downstream_error = create_error(faker.sentence())
    arrange(dependencies, input_event, failing, downstream_error)
    expected_error = ImmunizationOrchestrationDependencyError(inner_of(downstream_error))

    # when
    with pytest.raises(ImmunizationOrchestrationDependencyError) as error_info:
        await immunization_event_orchestration_service.process_immunization_event(input_event)

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
            "immunization",
            lambda text: ImmunizationProcessingServiceError(FailedImmunizationServiceError(text)),
            FailedImmunizationServiceError,
            id="immunization",
        ),
        pytest.param(
            "outcome",
            lambda text: ImmunizationEventProcessingServiceError(
                FailedImmunizationEventServiceError(text)
            ),
            FailedImmunizationEventServiceError,
            id="outcome",
        ),
        pytest.param(
            "immunization",
            RuntimeError,
            lambda _: FailedImmunizationOrchestrationServiceError("RuntimeError"),
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
    immunization_event_orchestration_service: ImmunizationEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_immunization_event(faker, now)
    text = faker.sentence()
    arrange(dependencies, input_event, failing, create_error(text))
    expected_error = ImmunizationOrchestrationServiceError(create_inner_error(text))

    # when
    with pytest.raises(ImmunizationOrchestrationServiceError) as error_info:
        await immunization_event_orchestration_service.process_immunization_event(input_event)

    # then: a bug is retried a bounded number of times, so the concern is not failed yet
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [
        *create_step_calls(input_event, failing),
        create_logged_error_call(expected_error),
    ]
