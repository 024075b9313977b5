from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from services.foundations.immunizations import ImmunizationService
from tests.unit.services.concerns.immunizations import (
    create_immunization_document,
    create_random_immunization,
)
from tests.unit.services.conftest import create_random_id


async def test_should_add_immunization(
    *,
    faker: Faker,
    now: datetime,
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    input_immunization = random_immunization
    storage_document = create_immunization_document(input_immunization)
    expected_immunization = input_immunization.model_copy(deep=True)
    storage_broker.insert_immunization.return_value = dict(storage_document)

    # when
    actual_immunization = await immunization_service.add_immunization(input_immunization)

    # then
    assert actual_immunization == expected_immunization
    assert actual_immunization is not input_immunization
    assert storage_broker.mock_calls == [call.insert_immunization(storage_document)]
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert logging_broker.mock_calls == []


async def test_should_add_immunization_if_absent(
    *,
    faker: Faker,
    now: datetime,
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    input_immunization = random_immunization
    storage_document = create_immunization_document(input_immunization)
    expected_immunization = input_immunization.model_copy(deep=True)
    storage_broker.insert_immunization_if_absent.return_value = dict(storage_document)

    # when
    actual_immunization = await immunization_service.add_immunization_if_absent(input_immunization)

    # then
    assert actual_immunization == expected_immunization
    assert actual_immunization is not input_immunization
    assert storage_broker.mock_calls == [call.insert_immunization_if_absent(storage_document)]
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert logging_broker.mock_calls == []


async def test_should_return_stored_immunization_on_add_if_absent_if_id_is_taken(
    *,
    faker: Faker,
    now: datetime,
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    input_document = create_immunization_document(input_immunization)
    storage_immunization = create_random_immunization(
        faker, create_random_id(faker), now.date()
    ).model_copy(update={"id": input_immunization.id})
    expected_immunization = storage_immunization
    storage_broker.insert_immunization_if_absent.return_value = create_immunization_document(
        storage_immunization
    )

    # when
    actual_immunization = await immunization_service.add_immunization_if_absent(input_immunization)

    # then
    assert actual_immunization == expected_immunization
    assert storage_broker.mock_calls == [call.insert_immunization_if_absent(input_document)]
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert logging_broker.mock_calls == []
