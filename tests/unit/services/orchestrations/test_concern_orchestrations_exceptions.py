"""Every concern orchestration's error families, on its batch path (a batch of one).

The contact, guardian, library card and immunization orchestrations map their steps' errors
alike: a refusal below is dead-lettered and reported as the concern's failure; a service away
or a bug below is retried and reported as nothing yet.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from types import ModuleType
from typing import Any, Literal
from unittest.mock import Mock, _Call, call, create_autospec

import pytest
from faker import Faker

from brokers.loggings import LoggingBroker
from contracts.errors import CategorizedError, ErrorCategory
from contracts.events import ConcernOutcome, OutcomePublication
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
from services.processings.students import StudentProcessingService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.orchestrations.concern_orchestrations import (
    CONCERN_ORCHESTRATIONS,
    ConcernOrchestration,
)

Step = Literal["student", "entity", "outcome"]
STEPS: tuple[Step, ...] = ("student", "entity", "outcome")


def errors_of(concern: ConcernOrchestration, layer: str) -> ModuleType:
    """The concern's error module of ``layer`` (``event_processings``, ``events``, …)."""
    return importlib.import_module(f"{concern.foundations.__name__.rsplit('.', 1)[0]}.{layer}")


def error(concern: ConcernOrchestration, layer: str, name: str) -> Any:
    return getattr(errors_of(concern, layer), name.format(concern.prefix))


@dataclass(frozen=True)
class Failure:
    """A step's failure: the error it answers with, the error the orchestration answers."""

    step: Step
    create: Callable[[ConcernOrchestration, str], CategorizedError]
    expected: Callable[[ConcernOrchestration, CategorizedError], CategorizedError]


def refused(concern: ConcernOrchestration, error: CategorizedError) -> CategorizedError:
    outer: CategorizedError = getattr(
        concern.orchestrations, f"{concern.prefix}OrchestrationDependencyValidationError"
    )(error.inner_error)
    return outer


def retried(concern: ConcernOrchestration, error: CategorizedError) -> CategorizedError:
    outer: CategorizedError = getattr(
        concern.orchestrations, f"{concern.prefix}OrchestrationDependencyError"
    )(error.inner_error)
    return outer


REFUSALS = [
    pytest.param(
        Failure(
            "student",
            lambda _, text: StudentProcessingValidationError(
                InvalidStudentError({"email": [text]})
            ),
            refused,
        ),
        id="student-validation",
    ),
    pytest.param(
        Failure(
            "student",
            lambda _, text: StudentProcessingDependencyValidationError(
                ConflictingStudentError(text)
            ),
            refused,
        ),
        id="student-conflict",
    ),
    pytest.param(
        Failure(
            "entity",
            lambda c, text: error(c, "processings", "{}ProcessingDependencyValidationError")(
                error(c, "foundations", "Invalid{}Error")({"id": [text]})
            ),
            refused,
        ),
        id="entity-invalid",
    ),
    pytest.param(
        Failure(
            "entity",
            lambda c, text: error(c, "processings", "{}ProcessingDependencyValidationError")(
                error(c, "processings", "Conflicting{}Error")(text)
            ),
            refused,
        ),
        id="entity-conflict",
    ),
]

RETRIES = [
    pytest.param(
        Failure(
            "student",
            lambda _, text: StudentProcessingDependencyError(FailedStudentStorageError(text)),
            retried,
        ),
        id="student-away",
    ),
    pytest.param(
        Failure(
            "entity",
            lambda c, text: error(c, "processings", "{}ProcessingDependencyError")(
                error(c, "foundations", "Failed{}StorageError")(text)
            ),
            retried,
        ),
        id="entity-away",
    ),
    pytest.param(
        Failure(
            "outcome",
            lambda c, text: error(c, "event_processings", "{}EventProcessingDependencyError")(
                error(c, "events", "Failed{}EventPublishError")(text)
            ),
            retried,
        ),
        id="outcome-away",
    ),
]

BUGS_BELOW = [
    pytest.param(
        Failure(
            "student",
            lambda _, text: StudentProcessingServiceError(FailedStudentServiceError(text)),
            retried,
        ),
        id="student-bug",
    ),
    pytest.param(
        Failure(
            "entity",
            lambda c, text: error(c, "processings", "{}ProcessingServiceError")(
                error(c, "foundations", "Failed{}ServiceError")(text)
            ),
            retried,
        ),
        id="entity-bug",
    ),
    pytest.param(
        Failure(
            "outcome",
            lambda c, text: error(c, "event_processings", "{}EventProcessingServiceError")(
                error(c, "events", "Failed{}EventServiceError")(text)
            ),
            retried,
        ),
        id="outcome-bug",
    ),
]


@dataclass
class Composed:
    service: Any
    dependencies: Mock
    event_processing: Mock
    processing: Mock
    student_processing: Mock


def compose(concern: ConcernOrchestration) -> Composed:
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
    return Composed(service, dependencies, event_processing, processing, student_processing)


def arrange(
    concern: ConcernOrchestration,
    composed: Composed,
    *,
    faker: Faker,
    now: datetime,
    event: Any,
    failure: Step,
    answer: Exception,
) -> list[_Call]:
    """Each step answers as stored, the failing one with ``answer``; the calls up to the end."""
    stored = concern.stored(faker, now, event)
    reached = STEPS.index(failure)
    composed.student_processing.ensure_students_exist.return_value = (
        [answer] if failure == "student" else [event.data.student]
    )
    getattr(composed.processing, concern.ensure).return_value = (
        [] if reached < STEPS.index("entity") else [answer] if failure == "entity" else [stored]
    )
    publish_outcomes = f"publish_{concern.name}_outcomes"
    getattr(composed.event_processing, publish_outcomes).return_value = (
        [answer] if failure == "outcome" else []
    )
    persisted = OutcomePublication(
        ConcernOutcome(
            concern=concern.concern,
            entity_id=concern.entity_id(stored),
            student_id=event.data.student.id,
        ),
        cause_id=event.id,
        correlation_id=event.correlationid,
    )
    # A step after a failed one is still called, with nothing in it: each step is one batch call.
    return [
        call.student_processing.ensure_students_exist([event.data.student]),
        getattr(call.processing, concern.ensure)(
            [concern.wanted(event)] if failure != "student" else []
        ),
        getattr(call.event_processing, publish_outcomes)(
            [persisted] if failure == "outcome" else []
        ),
    ]


@pytest.mark.parametrize("failure", REFUSALS)
@pytest.mark.parametrize("concern", CONCERN_ORCHESTRATIONS)
async def test_should_answer_dependency_validation_error_and_publish_failure_on_process(
    *, faker: Faker, now: datetime, concern: ConcernOrchestration, failure: Failure
) -> None:
    # given
    composed = compose(concern)
    input_event = concern.create_event(faker, now)
    downstream_error = failure.create(concern, faker.sentence())
    expected_calls = arrange(
        concern,
        composed,
        faker=faker,
        now=now,
        event=input_event,
        failure=failure.step,
        answer=downstream_error,
    )
    expected_error = failure.expected(concern, downstream_error)
    expected_failed_outcome = ConcernOutcome(
        concern=concern.concern,
        entity_id=concern.entity_id(concern.wanted(input_event)),
        student_id=input_event.data.student.id,
        reason=str(downstream_error.inner_error),
    )

    # when
    [actual_error] = await getattr(composed.service, f"process_{concern.name}_events")(
        [input_event]
    )

    # then: the message will be dead-lettered, so the concern is reported failed
    assert actual_error == expected_error
    assert composed.dependencies.mock_calls == [
        *expected_calls,
        create_logged_error_call(expected_error),
        getattr(call.event_processing, f"publish_{concern.name}_outcome")(
            expected_failed_outcome,
            cause_id=input_event.id,
            correlation_id=input_event.correlationid,
        ),
    ]


@pytest.mark.parametrize("failure", [*RETRIES, *BUGS_BELOW])
@pytest.mark.parametrize("concern", CONCERN_ORCHESTRATIONS)
async def test_should_answer_dependency_error_on_process_without_reporting_failure(
    *, faker: Faker, now: datetime, concern: ConcernOrchestration, failure: Failure
) -> None:
    # given
    composed = compose(concern)
    input_event = concern.create_event(faker, now)
    downstream_error = failure.create(concern, faker.sentence())
    expected_calls = arrange(
        concern,
        composed,
        faker=faker,
        now=now,
        event=input_event,
        failure=failure.step,
        answer=downstream_error,
    )
    expected_error = failure.expected(concern, downstream_error)

    # when
    [actual_error] = await getattr(composed.service, f"process_{concern.name}_events")(
        [input_event]
    )

    # then: the message is retried (a bug below a bounded number of times), not failed yet
    assert actual_error == expected_error
    assert isinstance(actual_error, CategorizedError)
    assert actual_error.root_category is downstream_error.root_category
    assert composed.dependencies.mock_calls == [
        *expected_calls,
        create_logged_error_call(expected_error),
    ]


@pytest.mark.parametrize("concern", CONCERN_ORCHESTRATIONS)
async def test_should_answer_service_error_on_process_if_a_call_raises_unexpectedly(
    *, faker: Faker, now: datetime, concern: ConcernOrchestration
) -> None:
    # given
    composed = compose(concern)
    input_event = concern.create_event(faker, now)
    composed.student_processing.ensure_students_exist.return_value = [input_event.data.student]
    getattr(composed.processing, concern.ensure).side_effect = RuntimeError(faker.sentence())
    expected_error = getattr(concern.orchestrations, f"{concern.prefix}OrchestrationServiceError")(
        getattr(concern.orchestrations, f"Failed{concern.prefix}OrchestrationServiceError")(
            "RuntimeError"
        )
    )

    # when
    [actual_error] = await getattr(composed.service, f"process_{concern.name}_events")(
        [input_event]
    )

    # then: a bug is retried a bounded number of times, so the concern is not failed yet
    assert actual_error == expected_error
    assert actual_error.root_category is ErrorCategory.SERVICE
    assert composed.dependencies.mock_calls == [
        call.student_processing.ensure_students_exist([input_event.data.student]),
        getattr(call.processing, concern.ensure)([concern.wanted(input_event)]),
        create_logged_error_call(expected_error),
    ]
