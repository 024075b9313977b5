from __future__ import annotations

import asyncio
import hashlib
import hmac
from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.api_keys import Client
from contracts.events import RegistrationRequestedEvent
from contracts.registrations import Registration, RegistrationRequest
from contracts.registrations.exceptions.event_processings import (
    RegistrationEventProcessingDependencyError,
)
from contracts.registrations.exceptions.events import FailedRegistrationEventPublishError
from contracts.registrations.exceptions.foundations import (
    FailedRegistrationStorageError,
    NotFoundRegistrationError,
)
from contracts.registrations.exceptions.orchestrations import (
    InFlightIdempotencyKeyError,
    InvalidRegistrationAcceptanceError,
    MismatchedIdempotencyKeyError,
    NotFoundClientRegistrationError,
    RegistrationAcceptanceOrchestrationDependencyError,
    RegistrationAcceptanceOrchestrationDependencyValidationError,
    RegistrationAcceptanceOrchestrationValidationError,
)
from contracts.registrations.exceptions.processings import (
    RegistrationProcessingDependencyError,
    RegistrationProcessingDependencyValidationError,
)
from services.foundations.events import EVENT_SOURCE
from services.orchestrations.registration_acceptances import (
    RegistrationAcceptanceOrchestrationService,
)
from tests.unit.services.conftest import create_error_log_call, create_random_message
from tests.unit.services.foundations.registrations.conftest import create_random_registration
from tests.unit.services.foundations.registrations.requests import (
    create_random_registration_request,
    create_registration_requested,
)
from tests.unit.services.orchestrations.registration_events.conftest import derive_id
from tests.unit.services.orchestrations.registration_events.fan_outs import create_expected_fan_out


def create_random_client(faker: Faker) -> Client:
    return Client(id=str(faker.uuid4()), name=faker.slug(), signing_key=faker.sha256())


def create_expected_id(client: Client, key: str) -> str:
    """The id a key gives one client: derived from an HMAC under the client's signing key."""
    signature = hmac.new(
        client.signing_key.encode(), f"registration:{key}".encode(), hashlib.sha256
    ).hexdigest()
    return derive_id("registration", signature)


def create_fingerprint(request: RegistrationRequest) -> str:
    return hashlib.sha256(request.model_dump_json().encode()).hexdigest()


def create_requested_event(
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


def create_expected_entry(event: RegistrationRequestedEvent, client: Client) -> Registration:
    """The registration worker's entry for the same request, plus its owner and fingerprint."""
    worker_entry, _ = create_expected_fan_out(event)
    return worker_entry.model_copy(
        update={
            "client_id": client.id,
            "request_fingerprint": create_fingerprint(create_request_of(event)),
        }
    )


def create_expected_publish(event: RegistrationRequestedEvent, requested_at: datetime) -> object:
    return call.registration_event_processing_service.publish_registration_requested(
        event.data, event_id=event.id, requested_at=requested_at
    )


async def test_should_record_then_publish_registration_on_accept(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    input_client = create_random_client(faker)
    input_key = faker.uuid4()
    expected_id = create_expected_id(input_client, input_key)
    requested_event = create_requested_event(faker, now, expected_id)
    input_request = create_request_of(requested_event)
    expected_entry = create_expected_entry(requested_event, input_client)
    stored_entry = expected_entry.model_copy(deep=True)
    registration_processing_service.ensure_registration_recorded.return_value = stored_entry

    # when
    actual_entry = await registration_acceptance_orchestration_service.accept_registration(
        input_request, input_client, input_key
    )

    # then: one insert-if-absent, then one confirmed publish dated by the entry
    assert actual_entry == stored_entry
    assert dependencies.mock_calls == [
        call.registration_processing_service.ensure_registration_recorded(expected_entry),
        create_expected_publish(requested_event, stored_entry.created_at),
    ]


async def test_should_give_a_random_id_without_an_idempotency_key_on_accept(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
    identifier_broker: Mock,
    dependencies: Mock,
) -> None:
    # given
    input_client = create_random_client(faker)
    random_id = str(faker.uuid4())
    identifier_broker.get_identifier.return_value = random_id
    requested_event = create_requested_event(faker, now, random_id)
    expected_entry = create_expected_entry(requested_event, input_client)
    registration_processing_service.ensure_registration_recorded.return_value = expected_entry

    # when
    actual_entry = await registration_acceptance_orchestration_service.accept_registration(
        create_request_of(requested_event), input_client, None
    )

    # then
    assert actual_entry.id == random_id
    assert dependencies.mock_calls == [
        call.registration_processing_service.ensure_registration_recorded(expected_entry),
        create_expected_publish(requested_event, now),
    ]


async def test_should_publish_the_same_event_again_when_the_same_request_is_repeated_on_accept(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given: the first attempt's entry, written earlier (its publish may never have confirmed)
    input_client = create_random_client(faker)
    input_key = faker.uuid4()
    requested_event = create_requested_event(
        faker, now, create_expected_id(input_client, input_key)
    )
    expected_entry = create_expected_entry(requested_event, input_client)
    earlier = now - timedelta(minutes=faker.random_int(1, 600))
    stored_entry = expected_entry.model_copy(update={"created_at": earlier, "updated_at": earlier})
    registration_processing_service.ensure_registration_recorded.return_value = stored_entry

    # when
    actual_entry = await registration_acceptance_orchestration_service.accept_registration(
        create_request_of(requested_event), input_client, input_key
    )

    # then: the same id, and the very event the first attempt published (dated as it was)
    assert actual_entry == stored_entry
    assert dependencies.mock_calls == [
        call.registration_processing_service.ensure_registration_recorded(expected_entry),
        create_expected_publish(requested_event, earlier),
    ]


async def test_should_give_two_clients_two_registrations_for_the_same_key_on_accept(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
) -> None:
    # given
    first_client, second_client = create_random_client(faker), create_random_client(faker)
    input_key = faker.uuid4()
    input_request = create_random_registration_request(faker, now.date())
    registration_processing_service.ensure_registration_recorded.side_effect = lambda entry: entry

    # when
    first = await registration_acceptance_orchestration_service.accept_registration(
        input_request, first_client, input_key
    )
    second = await registration_acceptance_orchestration_service.accept_registration(
        input_request, second_client, input_key
    )

    # then: neither id can be computed from the key alone
    assert first.id == create_expected_id(first_client, input_key)
    assert second.id == create_expected_id(second_client, input_key)
    assert first.id != second.id
    assert (first.client_id, second.client_id) == (first_client.id, second_client.id)


@pytest.mark.parametrize("stored_differs_in", ["request_fingerprint", "client_id"])
async def test_should_raise_validation_error_and_publish_nothing_if_key_is_reused_on_accept(
    *,
    faker: Faker,
    now: datetime,
    stored_differs_in: str,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given: the key's entry holds another body (or was not this client's)
    input_client = create_random_client(faker)
    input_key = faker.uuid4()
    requested_event = create_requested_event(
        faker, now, create_expected_id(input_client, input_key)
    )
    expected_entry = create_expected_entry(requested_event, input_client)
    other_value = faker.sha256() if stored_differs_in == "request_fingerprint" else None
    registration_processing_service.ensure_registration_recorded.return_value = (
        expected_entry.model_copy(update={stored_differs_in: other_value})
    )
    expected_error = RegistrationAcceptanceOrchestrationValidationError(
        MismatchedIdempotencyKeyError()
    )

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationValidationError) as error_info:
        await registration_acceptance_orchestration_service.accept_registration(
            create_request_of(requested_event), input_client, input_key
        )

    # then
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [
        call.registration_processing_service.ensure_registration_recorded(expected_entry),
        create_error_log_call(expected_error, call.logging_broker),
    ]


async def test_should_raise_validation_error_if_the_key_is_still_in_flight_on_accept(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
    registration_event_processing_service: Mock,
) -> None:
    # given: the first request waits in the ledger write while the second one arrives
    input_client = create_random_client(faker)
    input_key = faker.uuid4()
    input_request = create_random_registration_request(faker, now.date())
    release = asyncio.Event()

    async def slow_record(entry: Registration) -> Registration:
        await release.wait()
        return entry

    registration_processing_service.ensure_registration_recorded.side_effect = slow_record

    async def accept_first() -> Registration:
        return await registration_acceptance_orchestration_service.accept_registration(
            input_request, input_client, input_key
        )

    first = asyncio.create_task(accept_first())
    while not registration_processing_service.ensure_registration_recorded.mock_calls:  # noqa: ASYNC110
        await asyncio.sleep(0)
    expected_error = RegistrationAcceptanceOrchestrationValidationError(
        InFlightIdempotencyKeyError()
    )

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationValidationError) as error_info:
        await registration_acceptance_orchestration_service.accept_registration(
            input_request, input_client, input_key
        )
    release.set()
    first_entry = await first

    # then: only the first one recorded and published; the key is free again after it
    assert error_info.value == expected_error
    assert len(registration_processing_service.ensure_registration_recorded.mock_calls) == 1
    assert len(registration_event_processing_service.publish_registration_requested.mock_calls) == 1
    assert first_entry.id == create_expected_id(input_client, input_key)
    assert registration_acceptance_orchestration_service.in_flight == set()


async def test_should_raise_validation_error_on_accept_if_request_breaks_a_concern_rule(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    dependencies: Mock,
) -> None:
    # given: what the contact and immunization foundations would each refuse
    random_request = create_random_registration_request(faker, now.date())
    invalid_request = random_request.model_copy(
        update={
            "contact": random_request.contact.model_copy(update={"country": "XX"}),
            "immunizations": [
                random_request.immunizations[0].model_copy(
                    update={"administered_on": random_request.student.date_of_birth - timedelta(1)}
                ),
                *random_request.immunizations[1:],
            ],
        }
    )
    expected_error = RegistrationAcceptanceOrchestrationValidationError(
        InvalidRegistrationAcceptanceError(
            {
                "contact.country": [
                    "Country must be an assigned ISO 3166-1 alpha-2 code, such as GB."
                ],
                "immunizations.0.administered_on": [
                    "Date must not be before the student's date of birth."
                ],
            }
        )
    )

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationValidationError) as error_info:
        await registration_acceptance_orchestration_service.accept_registration(
            invalid_request, create_random_client(faker), faker.uuid4()
        )

    # then: refused before the ledger is written or anything is published
    assert error_info.value == expected_error
    assert dependencies.mock_calls == [create_error_log_call(expected_error, call.logging_broker)]


async def test_should_raise_dependency_error_and_publish_nothing_if_the_ledger_is_away_on_accept(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    input_request = create_random_registration_request(faker, now.date())
    storage_error = RegistrationProcessingDependencyError(
        FailedRegistrationStorageError(create_random_message(faker))
    )
    registration_processing_service.ensure_registration_recorded.side_effect = storage_error
    expected_error = RegistrationAcceptanceOrchestrationDependencyError(storage_error.inner_error)

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationDependencyError) as error_info:
        await registration_acceptance_orchestration_service.accept_registration(
            input_request, create_random_client(faker), faker.uuid4()
        )

    # then: no 202 can follow, so a client retries (with its key) once the store is back
    assert error_info.value == expected_error
    assert [name for name, _, _ in dependencies.mock_calls] == [
        "registration_processing_service.ensure_registration_recorded",
        "logging_broker.debug",
    ]


async def test_should_raise_dependency_error_if_the_publish_fails_on_accept(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
    registration_event_processing_service: Mock,
) -> None:
    # given
    input_request = create_random_registration_request(faker, now.date())
    registration_processing_service.ensure_registration_recorded.side_effect = lambda entry: entry
    publish_error = RegistrationEventProcessingDependencyError(
        FailedRegistrationEventPublishError(create_random_message(faker))
    )
    registration_event_processing_service.publish_registration_requested.side_effect = publish_error
    expected_error = RegistrationAcceptanceOrchestrationDependencyError(publish_error.inner_error)

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationDependencyError) as error_info:
        await registration_acceptance_orchestration_service.accept_registration(
            input_request, create_random_client(faker), faker.uuid4()
        )

    # then
    assert error_info.value == expected_error
    assert registration_acceptance_orchestration_service.in_flight == set()


async def test_should_retrieve_the_clients_own_registration(
    *,
    faker: Faker,
    now: datetime,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    input_client = create_random_client(faker)
    stored_registration = create_random_registration(faker, now).model_copy(
        update={"client_id": input_client.id}
    )
    registration_processing_service.retrieve_registration_by_id.return_value = stored_registration

    # when
    actual_registration = (
        await registration_acceptance_orchestration_service.retrieve_registration_by_id(
            stored_registration.id, input_client
        )
    )

    # then
    assert actual_registration == stored_registration
    assert dependencies.mock_calls == [
        call.registration_processing_service.retrieve_registration_by_id(stored_registration.id)
    ]


@pytest.mark.parametrize("owner", ["another client", "no client"])
async def test_should_raise_not_found_for_a_registration_of_another_client_on_retrieve(
    *,
    faker: Faker,
    now: datetime,
    owner: str,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
) -> None:
    # given
    stored_registration = create_random_registration(faker, now).model_copy(
        update={"client_id": str(faker.uuid4()) if owner == "another client" else None}
    )
    registration_processing_service.retrieve_registration_by_id.return_value = stored_registration
    expected_error = RegistrationAcceptanceOrchestrationValidationError(
        NotFoundClientRegistrationError(stored_registration.id)
    )

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationValidationError) as error_info:
        await registration_acceptance_orchestration_service.retrieve_registration_by_id(
            stored_registration.id, create_random_client(faker)
        )

    # then: worded as an unknown id, so nothing tells that it exists
    assert error_info.value == expected_error
    assert (
        error_info.value.inner_error.message
        == NotFoundRegistrationError(stored_registration.id).message
    )


async def test_should_raise_dependency_validation_error_if_not_found_on_retrieve(
    *,
    faker: Faker,
    registration_acceptance_orchestration_service: RegistrationAcceptanceOrchestrationService,
    registration_processing_service: Mock,
) -> None:
    # given
    input_registration_id = str(faker.uuid4())
    not_found = RegistrationProcessingDependencyValidationError(
        NotFoundRegistrationError(input_registration_id)
    )
    registration_processing_service.retrieve_registration_by_id.side_effect = not_found
    expected_error = RegistrationAcceptanceOrchestrationDependencyValidationError(
        not_found.inner_error
    )

    # when
    with pytest.raises(RegistrationAcceptanceOrchestrationDependencyValidationError) as error_info:
        await registration_acceptance_orchestration_service.retrieve_registration_by_id(
            input_registration_id, create_random_client(faker)
        )

    # then
    assert error_info.value == expected_error
