from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal
from unittest.mock import Mock, _Call, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, LocalizedError
from contracts.events import Concern, ConcernOutcome, GuardianRegisteredEvent
from contracts.guardians.exceptions.event_processings import (
    GuardianEventProcessingDependencyError,
    GuardianEventProcessingServiceError,
)
from contracts.guardians.exceptions.events import (
    FailedGuardianEventPublishError,
    FailedGuardianEventServiceError,
)
from contracts.guardians.exceptions.foundations import (
    FailedGuardianServiceError,
    FailedGuardianStorageError,
    InvalidGuardianError,
)
from contracts.guardians.exceptions.orchestrations import (
    FailedGuardianOrchestrationServiceError,
    GuardianOrchestrationDependencyError,
    GuardianOrchestrationDependencyValidationError,
    GuardianOrchestrationServiceError,
)
from contracts.guardians.exceptions.processings import (
    ConflictingGuardianError,
    GuardianProcessingDependencyError,
    GuardianProcessingDependencyValidationError,
    GuardianProcessingServiceError,
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
from services.orchestrations.guardian_events import GuardianEventOrchestrationService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.concerns.guardians import create_random_guardian_event

# The steps of processing a guardian event, in order, and the dependency method of each.
STEPS = {
    "student": ("student_processing_service", "ensure_student_exists"),
    "guardian": ("guardian_processing_service", "ensure_guardian_exists"),
    "outcome": ("guardian_event_processing_service", "publish_guardian_outcome"),
}
Step = Literal["student", "guardian", "outcome"]
CreateError = Callable[[str], Exception]


def create_step_calls(event: GuardianRegisteredEvent, until: Step) -> list[_Call]:
    """The calls of every step up to the failing one, which is called too."""
    data = event.data
    persisted = ConcernOutcome(
        concern=Concern.GUARDIAN, entity_id=data.guardian.id, student_id=data.student.id
    )
    calls = {
        "student": call.student_processing_service.ensure_student_exists(data.student),
        "guardian": call.guardian_processing_service.ensure_guardian_exists(data.guardian),
        "outcome": call.guardian_event_processing_service.publish_guardian_outcome(
            persisted, cause_id=event.id, correlation_id=event.correlationid
        ),
    }
    steps = list(STEPS)
    return [calls[step] for step in steps[: steps.index(until) + 1]]


def arrange(
    dependencies: Mock, event: GuardianRegisteredEvent, failing: Step, error: Exception
) -> None:
    dependencies.student_processing_service.ensure_student_exists.return_value = event.data.student
    dependencies.guardian_processing_service.ensure_guardian_exists.return_value = (
        event.data.guardian
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
            "guardian",
            lambda text: GuardianProcessingDependencyValidationError(
                InvalidGuardianError({"phone": [text]})
            ),
            id="guardian-invalid",
        ),
        pytest.param(
            "guardian",
            lambda text: GuardianProcessingDependencyValidationError(
                ConflictingGuardianError(text)
            ),
            id="guardian-conflict",
        ),
    ],
)
async def test_should_raise_dependency_validation_error_and_publish_failure_on_process(
    *,
    faker: Faker,
    now: datetime,
    failing: Step,
    create_error: CreateError,
    guardian_event_orchestration_service: GuardianEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_guardian_event(faker, now)
    downstream_error = create_error(faker.sentence())
    arrange(dependencies, input_event, failing, downstream_error)
    inner_error = inner_of(downstream_error)
    expected_error = GuardianOrchestrationDependencyValidationError(inner_error)
    expected_failed_outcome = ConcernOutcome(
        concern=Concern.GUARDIAN,
        entity_id=input_event.data.guardian.id,
        student_id=input_event.data.student.id,
        reason=str(inner_error),
    )

    # when
    with pytest.raises(GuardianOrchestrationDependencyValidationError) as error_info:
        await guardian_event_orchestration_service.process_guardian_event(input_event)

    # then: the message will be dead-lettered, so the concern is reported failed
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [
        *create_step_calls(input_event, failing),
        create_logged_error_call(expected_error),
        call.guardian_event_processing_service.publish_guardian_outcome(
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
            "guardian",
            lambda text: GuardianProcessingDependencyError(FailedGuardianStorageError(text)),
            id="guardian",
        ),
        pytest.param(
            "outcome",
            lambda text: GuardianEventProcessingDependencyError(
                FailedGuardianEventPublishError(text)
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
    guardian_event_orchestration_service: GuardianEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_guardian_event(faker, now)
    downstream_error = create_error(faker.sentence())
    arrange(dependencies, input_event, failing, downstream_error)
    expected_error = GuardianOrchestrationDependencyError(inner_of(downstream_error))

    # when
    with pytest.raises(GuardianOrchestrationDependencyError) as error_info:
        await guardian_event_orchestration_service.process_guardian_event(input_event)

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
            "guardian",
            lambda text: GuardianProcessingServiceError(FailedGuardianServiceError(text)),
            FailedGuardianServiceError,
            id="guardian",
        ),
        pytest.param(
            "outcome",
            lambda text: GuardianEventProcessingServiceError(FailedGuardianEventServiceError(text)),
            FailedGuardianEventServiceError,
            id="outcome",
        ),
        pytest.param(
            "guardian",
            RuntimeError,
            lambda _: FailedGuardianOrchestrationServiceError("RuntimeError"),
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
    guardian_event_orchestration_service: GuardianEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_guardian_event(faker, now)
    text = faker.sentence()
    arrange(dependencies, input_event, failing, create_error(text))
    expected_error = GuardianOrchestrationServiceError(create_inner_error(text))

    # when
    with pytest.raises(GuardianOrchestrationServiceError) as error_info:
        await guardian_event_orchestration_service.process_guardian_event(input_event)

    # then: a bug is retried a bounded number of times, so the concern is not failed yet
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [
        *create_step_calls(input_event, failing),
        create_logged_error_call(expected_error),
    ]
