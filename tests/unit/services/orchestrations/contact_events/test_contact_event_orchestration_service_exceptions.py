from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal
from unittest.mock import Mock, _Call, call

import pytest
from faker import Faker

from contracts.contacts.exceptions.event_processings import (
    ContactEventProcessingDependencyError,
    ContactEventProcessingServiceError,
)
from contracts.contacts.exceptions.events import (
    FailedContactEventPublishError,
    FailedContactEventServiceError,
)
from contracts.contacts.exceptions.foundations import (
    FailedContactServiceError,
    FailedContactStorageError,
    InvalidContactError,
)
from contracts.contacts.exceptions.orchestrations import (
    ContactOrchestrationDependencyError,
    ContactOrchestrationDependencyValidationError,
    ContactOrchestrationServiceError,
    FailedContactOrchestrationServiceError,
)
from contracts.contacts.exceptions.processings import (
    ConflictingContactError,
    ContactProcessingDependencyError,
    ContactProcessingDependencyValidationError,
    ContactProcessingServiceError,
)
from contracts.errors import CategorizedError, LocalizedError
from contracts.events import Concern, ConcernOutcome, ContactRegisteredEvent
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
from services.orchestrations.contact_events import ContactEventOrchestrationService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.concerns.contacts import create_random_contact_event

# The steps of processing a contact event, in order, and the dependency method of each.
STEPS = {
    "student": ("student_processing_service", "ensure_student_exists"),
    "contact": ("contact_processing_service", "ensure_contact_exists"),
    "outcome": ("contact_event_processing_service", "publish_contact_outcome"),
}
Step = Literal["student", "contact", "outcome"]
CreateError = Callable[[str], Exception]


def create_step_calls(event: ContactRegisteredEvent, until: Step) -> list[_Call]:
    """The calls of every step up to the failing one, which is called too."""
    data = event.data
    persisted = ConcernOutcome(
        concern=Concern.CONTACT, entity_id=data.contact.student_id, student_id=data.student.id
    )
    calls = {
        "student": call.student_processing_service.ensure_student_exists(data.student),
        "contact": call.contact_processing_service.ensure_contact_exists(data.contact),
        "outcome": call.contact_event_processing_service.publish_contact_outcome(
            persisted, cause_id=event.id, correlation_id=event.correlationid
        ),
    }
    steps = list(STEPS)
    return [calls[step] for step in steps[: steps.index(until) + 1]]


def arrange(
    dependencies: Mock, event: ContactRegisteredEvent, failing: Step, error: Exception
) -> None:
    dependencies.student_processing_service.ensure_student_exists.return_value = event.data.student
    dependencies.contact_processing_service.ensure_contact_exists.return_value = event.data.contact
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
            "contact",
            lambda text: ContactProcessingDependencyValidationError(
                InvalidContactError({"phone": [text]})
            ),
            id="contact-invalid",
        ),
        pytest.param(
            "contact",
            lambda text: ContactProcessingDependencyValidationError(ConflictingContactError(text)),
            id="contact-conflict",
        ),
    ],
)
async def test_should_raise_dependency_validation_error_and_publish_failure_on_process(
    *,
    faker: Faker,
    now: datetime,
    failing: Step,
    create_error: CreateError,
    contact_event_orchestration_service: ContactEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_contact_event(faker, now)
    downstream_error = create_error(faker.sentence())
    arrange(dependencies, input_event, failing, downstream_error)
    inner_error = inner_of(downstream_error)
    expected_error = ContactOrchestrationDependencyValidationError(inner_error)
    expected_failed_outcome = ConcernOutcome(
        concern=Concern.CONTACT,
        entity_id=input_event.data.contact.student_id,
        student_id=input_event.data.student.id,
        reason=str(inner_error),
    )

    # when
    with pytest.raises(ContactOrchestrationDependencyValidationError) as error_info:
        await contact_event_orchestration_service.process_contact_event(input_event)

    # then: the message will be dead-lettered, so the concern is reported failed
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [
        *create_step_calls(input_event, failing),
        create_logged_error_call(expected_error),
        call.contact_event_processing_service.publish_contact_outcome(
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
            "contact",
            lambda text: ContactProcessingDependencyError(FailedContactStorageError(text)),
            id="contact",
        ),
        pytest.param(
            "outcome",
            lambda text: ContactEventProcessingDependencyError(
                FailedContactEventPublishError(text)
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
    contact_event_orchestration_service: ContactEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_contact_event(faker, now)
    downstream_error = create_error(faker.sentence())
    arrange(dependencies, input_event, failing, downstream_error)
    expected_error = ContactOrchestrationDependencyError(inner_of(downstream_error))

    # when
    with pytest.raises(ContactOrchestrationDependencyError) as error_info:
        await contact_event_orchestration_service.process_contact_event(input_event)

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
            "contact",
            lambda text: ContactProcessingServiceError(FailedContactServiceError(text)),
            FailedContactServiceError,
            id="contact",
        ),
        pytest.param(
            "outcome",
            lambda text: ContactEventProcessingServiceError(FailedContactEventServiceError(text)),
            FailedContactEventServiceError,
            id="outcome",
        ),
        pytest.param(
            "contact",
            RuntimeError,
            lambda _: FailedContactOrchestrationServiceError("RuntimeError"),
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
    contact_event_orchestration_service: ContactEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_contact_event(faker, now)
    text = faker.sentence()
    arrange(dependencies, input_event, failing, create_error(text))
    expected_error = ContactOrchestrationServiceError(create_inner_error(text))

    # when
    with pytest.raises(ContactOrchestrationServiceError) as error_info:
        await contact_event_orchestration_service.process_contact_event(input_event)

    # then: a bug is retried a bounded number of times, so the concern is not failed yet
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [
        *create_step_calls(input_event, failing),
        create_logged_error_call(expected_error),
    ]
