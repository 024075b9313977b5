"""A batch of guardians, contacts, cards or immunizations: each one's own result or error."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.storages.errors import OperationFailure, duplicate_key_of, storage_failure_of
from tests.unit.services.conftest import create_error_log_call, create_random_message
from tests.unit.services.foundations.concerns.conftest import (
    CONCERN_FOUNDATIONS,
    ConcernFoundation,
)
from tests.unit.services.foundations.students.conftest import (
    STORAGE_UNAVAILABLE_ERROR_IDS,
    STORAGE_UNAVAILABLE_ERRORS,
    StorageErrorFactory,
    create_duplicate_key_error,
)


@pytest.mark.parametrize("concern", CONCERN_FOUNDATIONS)
async def test_should_add_each_if_absent_with_stored_ones_in_their_places(
    *,
    faker: Faker,
    now: datetime,
    concern: ConcernFoundation,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: the second is stored already, with other details under its id
    service = concern.make_service(storage_broker, date_time_broker, logging_broker)
    input_items = [concern.create(faker, now) for _ in range(3)]
    input_documents = [concern.to_document(item) for item in input_items]
    storage_item = concern.create(faker, now)
    storage_document = {**concern.to_document(storage_item), "id": input_documents[1]["id"]}
    getattr(storage_broker, concern.insert_many).return_value = [
        dict(input_documents[0]),
        storage_document,
        dict(input_documents[2]),
    ]
    # A contact is stored under its student's id and has no id of its own.
    expected_stored = (
        storage_item.model_copy(update={"id": storage_document["id"]})
        if "id" in type(storage_item).model_fields
        else storage_item
    )

    # when
    actual_items = await getattr(service, concern.add_many)(input_items)

    # then
    assert actual_items == [input_items[0], expected_stored, input_items[2]]
    assert date_time_broker.mock_calls == concern.clock_calls
    assert storage_broker.mock_calls == [getattr(call, concern.insert_many)(input_documents)]
    assert logging_broker.mock_calls == []


@pytest.mark.parametrize("concern", CONCERN_FOUNDATIONS)
async def test_should_give_each_its_own_error_in_a_mixed_batch_and_log_each(
    *,
    faker: Faker,
    now: datetime,
    concern: ConcernFoundation,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: a valid one, an invalid one (never written), a taken key, a failed write, a valid one
    service = concern.make_service(storage_broker, date_time_broker, logging_broker)
    valid_first, taken, failing, valid_last = (concern.create(faker, now) for _ in range(4))
    invalid = concern.create(faker, now).model_copy(update={"student_id": " "})
    input_items = [valid_first, invalid, taken, failing, valid_last]
    duplicate_key_error = create_duplicate_key_error(create_random_message(faker))
    write_error = OperationFailure(create_random_message(faker), code=121)
    getattr(storage_broker, concern.insert_many).return_value = [
        concern.to_document(valid_first),
        duplicate_key_error,
        write_error,
        concern.to_document(valid_last),
    ]
    expected_dependency_validation_error = concern.error("{}DependencyValidationError")(
        concern.error("AlreadyExists{}Error")(duplicate_key_of(duplicate_key_error))
    )
    expected_service_error = concern.error("{}ServiceError")(
        concern.error("Failed{}ServiceError")(storage_failure_of(write_error))
    )

    # when
    actual_results = await getattr(service, concern.add_many)(input_items)

    # then
    actual_validation_error = actual_results[1]
    assert isinstance(actual_validation_error, concern.error("{}ValidationError"))
    assert isinstance(actual_validation_error.inner_error, concern.error("Invalid{}Error"))
    assert set(actual_validation_error.inner_error.errors) == {"student_id"}
    assert actual_results == [
        valid_first,
        actual_validation_error,
        expected_dependency_validation_error,
        expected_service_error,
        valid_last,
    ]
    assert storage_broker.mock_calls == [
        getattr(call, concern.insert_many)(
            [concern.to_document(item) for item in (valid_first, taken, failing, valid_last)]
        )
    ]
    assert logging_broker.mock_calls == [
        create_error_log_call(actual_validation_error),
        create_error_log_call(expected_dependency_validation_error),
        create_error_log_call(expected_service_error),
    ]


@pytest.mark.parametrize("concern", CONCERN_FOUNDATIONS)
@pytest.mark.parametrize(
    "create_storage_error", STORAGE_UNAVAILABLE_ERRORS, ids=STORAGE_UNAVAILABLE_ERROR_IDS
)
async def test_should_give_every_one_the_dependency_error_if_storage_is_unavailable(
    *,
    faker: Faker,
    now: datetime,
    concern: ConcernFoundation,
    create_storage_error: StorageErrorFactory,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    service = concern.make_service(storage_broker, date_time_broker, logging_broker)
    input_items = [concern.create(faker, now) for _ in range(3)]
    storage_error = create_storage_error(create_random_message(faker))
    getattr(storage_broker, concern.insert_many).side_effect = storage_error
    expected_dependency_error = concern.error("{}DependencyError")(
        concern.error("Failed{}StorageError")(storage_failure_of(storage_error))
    )

    # when
    actual_results = await getattr(service, concern.add_many)(input_items)

    # then: one failure, one line, for every one alike
    assert actual_results == [expected_dependency_error] * 3
    assert logging_broker.mock_calls == [create_error_log_call(expected_dependency_error)]
