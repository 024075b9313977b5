from __future__ import annotations

from unittest.mock import Mock, call

from faker import Faker

from services.foundations.guardians import GuardianService
from tests.unit.services.concerns.guardians import (
    create_guardian_document,
    create_random_guardian,
)
from tests.unit.services.conftest import create_random_id


async def test_should_add_guardian(
    *,
    faker: Faker,
    guardian_service: GuardianService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_guardian = create_random_guardian(faker, create_random_id(faker))
    input_guardian = random_guardian
    storage_document = create_guardian_document(input_guardian)
    expected_guardian = input_guardian.model_copy(deep=True)
    storage_broker.insert_guardian.return_value = dict(storage_document)

    # when
    actual_guardian = await guardian_service.add_guardian(input_guardian)

    # then
    assert actual_guardian == expected_guardian
    assert actual_guardian is not input_guardian
    assert storage_broker.mock_calls == [call.insert_guardian(storage_document)]
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []


async def test_should_add_guardian_if_absent(
    *,
    faker: Faker,
    guardian_service: GuardianService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_guardian = create_random_guardian(faker, create_random_id(faker))
    input_guardian = random_guardian
    storage_document = create_guardian_document(input_guardian)
    expected_guardian = input_guardian.model_copy(deep=True)
    storage_broker.insert_guardian_if_absent.return_value = dict(storage_document)

    # when
    actual_guardian = await guardian_service.add_guardian_if_absent(input_guardian)

    # then
    assert actual_guardian == expected_guardian
    assert actual_guardian is not input_guardian
    assert storage_broker.mock_calls == [call.insert_guardian_if_absent(storage_document)]
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []


async def test_should_return_stored_guardian_on_add_if_absent_if_id_is_taken(
    *,
    faker: Faker,
    guardian_service: GuardianService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_guardian = create_random_guardian(faker, create_random_id(faker))
    input_document = create_guardian_document(input_guardian)
    storage_guardian = create_random_guardian(faker, create_random_id(faker)).model_copy(
        update={"id": input_guardian.id}
    )
    expected_guardian = storage_guardian
    storage_broker.insert_guardian_if_absent.return_value = create_guardian_document(
        storage_guardian
    )

    # when
    actual_guardian = await guardian_service.add_guardian_if_absent(input_guardian)

    # then
    assert actual_guardian == expected_guardian
    assert storage_broker.mock_calls == [call.insert_guardian_if_absent(input_document)]
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []
