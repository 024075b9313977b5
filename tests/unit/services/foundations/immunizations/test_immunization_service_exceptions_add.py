from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.storages import (
    ConnectionFailure,
    DuplicateKeyError,
    ExecutionTimeout,
    NetworkTimeout,
    ServerSelectionTimeoutError,
)
from contracts.immunizations import Immunization
from contracts.immunizations.exceptions.foundations import (
    AlreadyExistsImmunizationError,
    FailedImmunizationServiceError,
    FailedImmunizationStorageError,
    ImmunizationDependencyError,
    ImmunizationDependencyValidationError,
    ImmunizationServiceError,
)
from services.foundations.immunizations import ImmunizationService
from tests.unit.services.concerns.immunizations import (
    create_immunization_document,
    create_random_immunization,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id

# Each way to add, with the storage broker method it calls.
ADDS = [
    pytest.param(ImmunizationService.add_immunization, "insert_immunization", id="add"),
    pytest.param(
        ImmunizationService.add_immunization_if_absent,
        "insert_immunization_if_absent",
        id="add-if-absent",
    ),
]
Add = Callable[[ImmunizationService, Immunization], Awaitable[Immunization]]

UNAVAILABLE_ERRORS = [
    pytest.param(ConnectionFailure, id="connection-failure"),
    pytest.param(ServerSelectionTimeoutError, id="server-selection-timeout"),
    pytest.param(NetworkTimeout, id="network-timeout"),
    pytest.param(ExecutionTimeout, id="execution-timeout"),
]


@pytest.mark.parametrize(("add", "insert"), ADDS)
async def test_should_raise_dependency_validation_error_on_add_if_immunization_already_exists(
    *,
    faker: Faker,
    now: datetime,
    add: Add,
    insert: str,
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = DuplicateKeyError(
        message, 11000, {"keyPattern": {"_id": 1}}
    )
    expected_error = ImmunizationDependencyValidationError(AlreadyExistsImmunizationError("id"))

    # when
    with pytest.raises(ImmunizationDependencyValidationError) as error_info:
        await add(immunization_service, input_immunization)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_immunization_document(input_immunization))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize(("add", "insert"), ADDS)
@pytest.mark.parametrize("storage_error_type", UNAVAILABLE_ERRORS)
async def test_should_raise_critical_dependency_error_on_add_if_storage_is_unavailable(
    *,
    faker: Faker,
    now: datetime,
    add: Add,
    insert: str,
    storage_error_type: type[Exception],
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = storage_error_type(message)
    expected_error = ImmunizationDependencyError(
        FailedImmunizationStorageError(storage_error_type.__name__)
    )

    # when
    with pytest.raises(ImmunizationDependencyError) as error_info:
        await add(immunization_service, input_immunization)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_immunization_document(input_immunization))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize(("add", "insert"), ADDS)
async def test_should_raise_service_error_on_add_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    add: Add,
    insert: str,
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = RuntimeError(message)
    expected_error = ImmunizationServiceError(FailedImmunizationServiceError("RuntimeError"))

    # when
    with pytest.raises(ImmunizationServiceError) as error_info:
        await add(immunization_service, input_immunization)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_immunization_document(input_immunization))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
