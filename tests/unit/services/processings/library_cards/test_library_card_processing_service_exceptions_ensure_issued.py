from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, LocalizedError
from contracts.library_cards.exceptions.foundations import (
    AlreadyExistsLibraryCardError,
    FailedLibraryCardServiceError,
    FailedLibraryCardStorageError,
    InvalidLibraryCardError,
    LibraryCardDependencyError,
    LibraryCardDependencyValidationError,
    LibraryCardServiceError,
    LibraryCardValidationError,
)
from contracts.library_cards.exceptions.processings import (
    FailedLibraryCardProcessingServiceError,
    LibraryCardProcessingDependencyError,
    LibraryCardProcessingDependencyValidationError,
    LibraryCardProcessingServiceError,
)
from services.processings.library_cards import LibraryCardProcessingService
from tests.unit.services.concerns.library_cards import (
    create_issued_library_card,
    create_random_library_card_request,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id


def create_localized_errors(faker: Faker) -> dict[str, LocalizedError]:
    return {
        "invalid": InvalidLibraryCardError({"card_number": [faker.sentence()]}),
        "already-exists": AlreadyExistsLibraryCardError(faker.sentence()),
        "failed-storage": FailedLibraryCardStorageError(faker.sentence()),
        "failed-service": FailedLibraryCardServiceError(faker.sentence()),
    }


@pytest.mark.parametrize(
    ("outer_error_type", "inner"),
    [
        pytest.param(LibraryCardValidationError, "invalid", id="validation"),
        pytest.param(LibraryCardDependencyValidationError, "already-exists", id="dependency-val"),
    ],
)
async def test_should_raise_dependency_validation_error_on_ensure_issued_if_library_card_is_refused(
    *,
    faker: Faker,
    now: datetime,
    outer_error_type: type[CategorizedError],
    inner: str,
    library_card_processing_service: LibraryCardProcessingService,
    library_card_service: Mock,
    identifier_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_request = create_random_library_card_request(faker, create_random_id(faker))
    derived_identifier = create_random_id(faker)
    identifier_broker.get_derived_identifier.return_value = derived_identifier
    issued_library_card = create_issued_library_card(input_request, derived_identifier, now)
    inner_error = create_localized_errors(faker)[inner]
    library_card_service.add_library_card_if_absent.side_effect = outer_error_type(inner_error)
    expected_error = LibraryCardProcessingDependencyValidationError(inner_error)

    # when
    with pytest.raises(LibraryCardProcessingDependencyValidationError) as error_info:
        await library_card_processing_service.ensure_library_card_issued(input_request)

    # then
    assert error_info.value == expected_error
    assert library_card_service.mock_calls == [call.add_library_card_if_absent(issued_library_card)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_critical_dependency_error_on_ensure_issued_if_dependency_error_occurs(
    *,
    faker: Faker,
    now: datetime,
    library_card_processing_service: LibraryCardProcessingService,
    library_card_service: Mock,
    identifier_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_request = create_random_library_card_request(faker, create_random_id(faker))
    derived_identifier = create_random_id(faker)
    identifier_broker.get_derived_identifier.return_value = derived_identifier
    issued_library_card = create_issued_library_card(input_request, derived_identifier, now)
    inner_error = FailedLibraryCardStorageError(faker.sentence())
    library_card_service.add_library_card_if_absent.side_effect = LibraryCardDependencyError(
        inner_error
    )
    expected_error = LibraryCardProcessingDependencyError(inner_error)

    # when
    with pytest.raises(LibraryCardProcessingDependencyError) as error_info:
        await library_card_processing_service.ensure_library_card_issued(input_request)

    # then
    assert error_info.value == expected_error
    assert library_card_service.mock_calls == [call.add_library_card_if_absent(issued_library_card)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


SERVICE_FAILURES = [
    pytest.param(
        lambda message: (
            LibraryCardServiceError(FailedLibraryCardServiceError(message)),
            FailedLibraryCardServiceError(message),
        ),
        id="downstream-service-error",
    ),
    pytest.param(
        lambda message: (
            RuntimeError(message),
            FailedLibraryCardProcessingServiceError("RuntimeError"),
        ),
        id="unexpected-error",
    ),
]


@pytest.mark.parametrize("create_failure", SERVICE_FAILURES)
async def test_should_raise_service_error_on_ensure_issued_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_failure: Callable[[str], tuple[Exception, LocalizedError]],
    library_card_processing_service: LibraryCardProcessingService,
    library_card_service: Mock,
    identifier_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_request = create_random_library_card_request(faker, create_random_id(faker))
    derived_identifier = create_random_id(faker)
    identifier_broker.get_derived_identifier.return_value = derived_identifier
    issued_library_card = create_issued_library_card(input_request, derived_identifier, now)
    raised_error, inner_error = create_failure(faker.sentence())
    library_card_service.add_library_card_if_absent.side_effect = raised_error
    expected_error = LibraryCardProcessingServiceError(inner_error)

    # when
    with pytest.raises(LibraryCardProcessingServiceError) as error_info:
        await library_card_processing_service.ensure_library_card_issued(input_request)

    # then
    assert error_info.value == expected_error
    assert library_card_service.mock_calls == [call.add_library_card_if_absent(issued_library_card)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
