from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError
from contracts.events import RegistrationRequestedEvent
from contracts.registrations import Registration, RegistrationRequest
from contracts.registrations.exceptions.event_processings import (
    RegistrationEventProcessingDependencyError,
)
from contracts.registrations.exceptions.events import FailedRegistrationEventPublishError
from contracts.registrations.exceptions.foundations import (
    FailedRegistrationServiceError,
    FailedRegistrationStorageError,
    NotFoundRegistrationError,
)
from contracts.registrations.exceptions.orchestrations import (
    InvalidRegistrationAcceptanceError,
    RegistrationAcceptanceOrchestrationDependencyError,
    RegistrationAcceptanceOrchestrationDependencyValidationError,
    RegistrationAcceptanceOrchestrationValidationError,
)
from contracts.registrations.exceptions.processings import (
    RegistrationProcessingDependencyError,
    RegistrationProcessingDependencyValidationError,
    RegistrationProcessingServiceError,
)
from services.foundations.events import EVENT_SOURCE
from services.orchestrations.registration_acceptances import (
    RegistrationAcceptanceOrchestrationService,
)
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_message,
)
from tests.unit.services.foundations.registrations.conftest import create_random_registration
from tests.unit.services.foundations.registrations.requests import (
    create_random_registration_request,
    create_registration_requested,
)
from tests.unit.services.orchestrations.registration_events.conftest import derive_id
from tests.unit.services.orchestrations.registration_events.fan_outs import create_expected_fan_out


def create_published_event(
    faker: Faker, now: datetime, registration_id: str
) -> RegistrationRequestedEvent:
    request = create_random_registration_request(faker, now.date())
    return RegistrationRequestedEvent(
        specversion="1.0",
        id=derive_id("registration.requested.v1", registration_id),
        source=EVENT_SOURCE,
        type="registration.requested.v1",
        time=now,
        data=create_registration_requested(request, registration_id),
        correlationid=registration_id,
    )


def create_request_of(event: RegistrationRequestedEvent) -> RegistrationRequest:
    return RegistrationRequest.model_validate(event.data.model_dump(exclude={"registration_id"}))


async def test_should_publish_then_record_registration_on_accept(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    input_registration_id = create_random_id(faker)
    published_event = create_published_event(faker, now, input_registration_id)
    input_request = create_request_of(published_event)
    # The same entry the registration worker records: same keys, dated by the same event.
    expected_registration, _ = create_expected_fan_out(published_event)
    stored_registration = expected_registration.model_copy(deep=True)
    registration_processing_service.retrieve_registration_if_exists.return_value = None
    registration_event_processing_service.publish_registration_requested.return_value = (
        published_event
    )
    registration_processing_service.ensure_registration_recorded.return_value = stored_registration

    # when
    actual_registration = await registration_acceptance_orchestration_service.accept_registration(
        input_request, input_registration_id
    )

    # then: the publish is confirmed before the ledger is written
    assert actual_registration == stored_registration
    assert dependencies.mock_calls == [
        call.registration_processing_service.retrieve_registration_if_exists(input_registration_id),
        call.registration_event_processing_service.publish_registration_requested(
            published_event.data,
            event_id=derive_id("registration.requested.v1", input_registration_id),
        ),
        call.registration_processing_service.ensure_registration_recorded(expected_registration),
    ]


async def test_should_return_recorded_registration_without_publishing_again_on_accept(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    recorded_registration = create_random_registration(faker, now)
    input_request = create_random_registration_request(faker, now.date())
    registration_processing_service.retrieve_registration_if_exists.return_value = (
        recorded_registration
    )

    # when
    actual_registration = await registration_acceptance_orchestration_service.accept_registration(
        input_request, recorded_registration.id
    )

    # then
    assert actual_registration == recorded_registration
    assert dependencies.mock_calls == [
        call.registration_processing_service.retrieve_registration_if_exists(
            recorded_registration.id
        )
    ]


LEDGER_ERRORS = [
    pytest.param(
        lambda m: RegistrationProcessingDependencyError(FailedRegistrationStorageError(m)),
        id="dependency",
    ),
    pytest.param(
        lambda m: RegistrationProcessingServiceError(FailedRegistrationServiceError(m)),
        id="service",
    ),
]


@pytest.mark.parametrize("create_ledger_error", LEDGER_ERRORS)
async def test_should_accept_registration_even_if_the_ledger_write_fails_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_ledger_error: Callable[[str], CategorizedError],
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: the publish is confirmed, so the registration is accepted whatever the ledger does
    input_registration_id = create_random_id(faker)
    published_event = create_published_event(faker, now, input_registration_id)
    input_request = create_request_of(published_event)
    expected_registration: Registration = create_expected_fan_out(published_event)[0]
    ledger_error = create_ledger_error(create_random_message(faker))
    registration_processing_service.retrieve_registration_if_exists.return_value = None
    registration_event_processing_service.publish_registration_requested.return_value = (
        published_event
    )
    registration_processing_service.ensure_registration_recorded.side_effect = ledger_error

    # when
    actual_registration = await registration_acceptance_orchestration_service.accept_registration(
        input_request, input_registration_id
    )

    # then
    assert actual_registration == expected_registration
    assert logging_broker.mock_calls == [
        call.warning(
            "registration accepted but not recorded; the registration worker records it",
            registration_id=input_registration_id,
            error_type=type(ledger_error).__name__,
            category=ledger_error.category.value,
            inner_error_type=type(ledger_error.inner_error).__name__,
            error=str(ledger_error),
        )
    ]


async def test_should_raise_dependency_error_on_accept_if_queue_is_unavailable_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration_id = create_random_id(faker)
    input_request = create_random_registration_request(faker, now.date())
    failed_publish_error = FailedRegistrationEventPublishError(create_random_message(faker))
    publish_error = RegistrationEventProcessingDependencyError(failed_publish_error)
    registration_processing_service.retrieve_registration_if_exists.return_value = None
    registration_event_processing_service.publish_registration_requested.side_effect = publish_error
    expected_error = RegistrationAcceptanceOrchestrationDependencyError(failed_publish_error)

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationDependencyError) as error_info:
        await registration_acceptance_orchestration_service.accept_registration(
            input_request, input_registration_id
        )

    # then: nothing is recorded for a registration that was not accepted
    assert error_info.value == expected_error
    assert error_info.value.__cause__ is publish_error
    assert [name for name, _, _ in registration_processing_service.mock_calls] == [
        "retrieve_registration_if_exists"
    ]
    assert logging_broker.mock_calls == [create_error_log_call("critical", expected_error)]


async def test_should_raise_validation_error_on_accept_if_registration_id_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    input_request = create_random_registration_request(faker, now.date())
    invalid_registration_id = faker.word()
    expected_error = RegistrationAcceptanceOrchestrationValidationError(
        InvalidRegistrationAcceptanceError({"registration_id": ["Id is not a valid UUID."]})
    )

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationValidationError) as error_info:
        await registration_acceptance_orchestration_service.accept_registration(
            input_request, invalid_registration_id
        )

    # then
    assert error_info.value == expected_error
    log_call = create_error_log_call("error", expected_error)
    assert dependencies.mock_calls == [call.logging_broker.error(*log_call.args, **log_call.kwargs)]


async def test_should_raise_validation_error_on_accept_if_request_breaks_a_concern_rule(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    dependencies: Mock,
) -> None:
    # given: what the guardian, contact and immunization foundations would each refuse
    random_request = create_random_registration_request(faker, now.date())
    today = now.date()
    invalid_request = random_request.model_copy(
        update={
            "guardians": [
                random_request.guardians[0].model_copy(update={"phone": "+15555550100"}),
                *random_request.guardians[1:],
            ],
            "contact": random_request.contact.model_copy(update={"country": "XX"}),
            "immunizations": [
                random_request.immunizations[0].model_copy(
                    update={"administered_on": random_request.student.date_of_birth - timedelta(1)}
                ),
                *random_request.immunizations[1:-1],
                *(
                    [random_request.immunizations[-1].model_copy(update={"administered_on": today})]
                    if len(random_request.immunizations) > 1
                    else []
                ),
            ],
        }
    )
    last = len(invalid_request.immunizations) - 1
    expected_problems = {
        "guardians.0.phone": ["Phone is not a valid number."],
        "contact.country": ["Country must be an assigned ISO 3166-1 alpha-2 code, such as GB."],
        "immunizations.0.administered_on": ["Date must not be before the student's date of birth."],
    }
    if last > 0:
        expected_problems[f"immunizations.{last}.administered_on"] = ["Date must be in the past."]
    expected_error = RegistrationAcceptanceOrchestrationValidationError(
        InvalidRegistrationAcceptanceError(expected_problems)
    )

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationValidationError) as error_info:
        await registration_acceptance_orchestration_service.accept_registration(
            invalid_request, create_random_id(faker)
        )

    # then: refused before the ledger is read or anything is published
    assert error_info.value == expected_error
    log_call = create_error_log_call("error", expected_error)
    assert dependencies.mock_calls == [call.logging_broker.error(*log_call.args, **log_call.kwargs)]


async def test_should_retrieve_registration_by_id(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
) -> None:
    # given
    stored_registration = create_random_registration(faker, now)
    registration_processing_service.retrieve_registration_by_id.return_value = stored_registration

    # when
    actual_registration = (
        await registration_acceptance_orchestration_service.retrieve_registration_by_id(
            stored_registration.id
        )
    )

    # then
    assert actual_registration == stored_registration
    assert registration_processing_service.mock_calls == [
        call.retrieve_registration_by_id(stored_registration.id)
    ]


async def test_should_raise_dependency_validation_error_on_retrieve_if_not_found_and_log_it(
    *,
    faker: Faker,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: the localized NotFound stays inside, for the ingress to answer 404
    input_registration_id = create_random_id(faker)
    not_found_error = NotFoundRegistrationError(input_registration_id)
    processing_error = RegistrationProcessingDependencyValidationError(not_found_error)
    registration_processing_service.retrieve_registration_by_id.side_effect = processing_error
    expected_error = RegistrationAcceptanceOrchestrationDependencyValidationError(not_found_error)

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationDependencyValidationError) as error_info:
        await registration_acceptance_orchestration_service.retrieve_registration_by_id(
            input_registration_id
        )

    # then
    assert error_info.value == expected_error
    assert isinstance(error_info.value.inner_error, NotFoundRegistrationError)
    assert logging_broker.mock_calls == [create_error_log_call("error", expected_error)]


async def test_should_accept_registration_if_the_ledger_lookup_is_unavailable_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: publishing again is harmless, so a store that is away does not stop the ingress
    input_registration_id = create_random_id(faker)
    published_event = create_published_event(faker, now, input_registration_id)
    input_request = create_request_of(published_event)
    expected_registration: Registration = create_expected_fan_out(published_event)[0]
    lookup_error = RegistrationProcessingDependencyError(
        FailedRegistrationStorageError(create_random_message(faker))
    )
    registration_processing_service.retrieve_registration_if_exists.side_effect = lookup_error
    registration_event_processing_service.publish_registration_requested.return_value = (
        published_event
    )
    registration_processing_service.ensure_registration_recorded.return_value = (
        expected_registration
    )

    # when
    actual_registration = await registration_acceptance_orchestration_service.accept_registration(
        input_request, input_registration_id
    )

    # then
    assert actual_registration == expected_registration
    assert [name for name, _, _ in registration_processing_service.mock_calls] == [
        "retrieve_registration_if_exists",
        "ensure_registration_recorded",
    ]
    assert [name for name, _, _ in registration_event_processing_service.mock_calls] == [
        "publish_registration_requested"
    ]
    assert logging_broker.mock_calls == [
        call.warning(
            "registration ledger unavailable; accepting without looking for a duplicate",
            registration_id=input_registration_id,
            error_type=type(lookup_error).__name__,
            category=lookup_error.category.value,
            inner_error_type=type(lookup_error.inner_error).__name__,
            error=str(lookup_error),
        )
    ]


async def test_should_raise_on_accept_if_the_ledger_lookup_fails_otherwise(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
) -> None:
    # given: only an unavailable store is passed over; a bug still fails the call
    input_registration_id = create_random_id(faker)
    service_error = RegistrationProcessingServiceError(
        FailedRegistrationServiceError(create_random_message(faker))
    )
    registration_processing_service.retrieve_registration_if_exists.side_effect = service_error

    # when
    with pytest.raises(CategorizedError) as error_info:
        await registration_acceptance_orchestration_service.accept_registration(
            create_random_registration_request(faker, now.date()),
            input_registration_id,
        )

    # then
    assert error_info.value.category.value == "service"
    assert registration_event_processing_service.mock_calls == []
