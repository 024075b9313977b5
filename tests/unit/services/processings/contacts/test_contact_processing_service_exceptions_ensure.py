from __future__ import annotations

from collections.abc import Callable
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.contacts.exceptions.foundations import (
    AlreadyExistsContactError,
    ContactDependencyError,
    ContactDependencyValidationError,
    ContactServiceError,
    ContactValidationError,
    FailedContactServiceError,
    FailedContactStorageError,
    InvalidContactError,
)
from contracts.contacts.exceptions.processings import (
    ContactProcessingDependencyError,
    ContactProcessingDependencyValidationError,
    ContactProcessingServiceError,
    FailedContactProcessingServiceError,
)
from contracts.errors import CategorizedError, LocalizedError
from services.processings.contacts import ContactProcessingService
from tests.unit.services.concerns.contacts import create_random_contact
from tests.unit.services.conftest import create_error_log_call, create_random_id


def create_localized_errors(faker: Faker) -> dict[str, LocalizedError]:
    return {
        "invalid": InvalidContactError({"phone": [faker.sentence()]}),
        "already-exists": AlreadyExistsContactError(faker.sentence()),
        "failed-storage": FailedContactStorageError(faker.sentence()),
        "failed-service": FailedContactServiceError(faker.sentence()),
    }


@pytest.mark.parametrize(
    ("outer_error_type", "inner"),
    [
        pytest.param(ContactValidationError, "invalid", id="validation"),
        pytest.param(ContactDependencyValidationError, "already-exists", id="dependency-val"),
    ],
)
async def test_should_raise_dependency_validation_error_on_ensure_if_contact_is_refused(
    *,
    faker: Faker,
    outer_error_type: type[CategorizedError],
    inner: str,
    contact_processing_service: ContactProcessingService,
    contact_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_contact = create_random_contact(faker, create_random_id(faker))
    inner_error = create_localized_errors(faker)[inner]
    contact_service.add_contact_if_absent.side_effect = outer_error_type(inner_error)
    expected_error = ContactProcessingDependencyValidationError(inner_error)

    # when
    with pytest.raises(ContactProcessingDependencyValidationError) as error_info:
        await contact_processing_service.ensure_contact_exists(input_contact)

    # then
    assert error_info.value == expected_error
    assert contact_service.mock_calls == [call.add_contact_if_absent(input_contact)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_critical_dependency_error_on_ensure_if_dependency_error_occurs(
    *,
    faker: Faker,
    contact_processing_service: ContactProcessingService,
    contact_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_contact = create_random_contact(faker, create_random_id(faker))
    inner_error = FailedContactStorageError(faker.sentence())
    contact_service.add_contact_if_absent.side_effect = ContactDependencyError(inner_error)
    expected_error = ContactProcessingDependencyError(inner_error)

    # when
    with pytest.raises(ContactProcessingDependencyError) as error_info:
        await contact_processing_service.ensure_contact_exists(input_contact)

    # then
    assert error_info.value == expected_error
    assert contact_service.mock_calls == [call.add_contact_if_absent(input_contact)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


SERVICE_FAILURES = [
    pytest.param(
        lambda message: (
            ContactServiceError(FailedContactServiceError(message)),
            FailedContactServiceError(message),
        ),
        id="downstream-service-error",
    ),
    pytest.param(
        lambda message: (
            RuntimeError(message),
            FailedContactProcessingServiceError("RuntimeError"),
        ),
        id="unexpected-error",
    ),
]


@pytest.mark.parametrize("create_failure", SERVICE_FAILURES)
async def test_should_raise_service_error_on_ensure_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    create_failure: Callable[[str], tuple[Exception, LocalizedError]],
    contact_processing_service: ContactProcessingService,
    contact_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_contact = create_random_contact(faker, create_random_id(faker))
    raised_error, inner_error = create_failure(faker.sentence())
    contact_service.add_contact_if_absent.side_effect = raised_error
    expected_error = ContactProcessingServiceError(inner_error)

    # when
    with pytest.raises(ContactProcessingServiceError) as error_info:
        await contact_processing_service.ensure_contact_exists(input_contact)

    # then
    assert error_info.value == expected_error
    assert contact_service.mock_calls == [call.add_contact_if_absent(input_contact)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
