from __future__ import annotations

from unittest.mock import Mock, call

from faker import Faker

from services.foundations.contacts import ContactService
from tests.unit.services.concerns.contacts import (
    create_contact_document,
    create_random_contact,
)
from tests.unit.services.conftest import create_random_id


async def test_should_add_contact(
    *,
    faker: Faker,
    contact_service: ContactService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_contact = create_random_contact(faker, create_random_id(faker))
    input_contact = random_contact
    storage_document = create_contact_document(input_contact)
    expected_contact = input_contact.model_copy(deep=True)
    storage_broker.insert_contact.return_value = dict(storage_document)

    # when
    actual_contact = await contact_service.add_contact(input_contact)

    # then
    assert actual_contact == expected_contact
    assert actual_contact is not input_contact
    assert storage_broker.mock_calls == [call.insert_contact(storage_document)]
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []


async def test_should_add_contact_if_absent(
    *,
    faker: Faker,
    contact_service: ContactService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_contact = create_random_contact(faker, create_random_id(faker))
    input_contact = random_contact
    storage_document = create_contact_document(input_contact)
    expected_contact = input_contact.model_copy(deep=True)
    storage_broker.insert_contact_if_absent.return_value = dict(storage_document)

    # when
    actual_contact = await contact_service.add_contact_if_absent(input_contact)

    # then
    assert actual_contact == expected_contact
    assert actual_contact is not input_contact
    assert storage_broker.mock_calls == [call.insert_contact_if_absent(storage_document)]
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []


async def test_should_return_stored_contact_on_add_if_absent_if_student_has_one(
    *,
    faker: Faker,
    contact_service: ContactService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_contact = create_random_contact(faker, create_random_id(faker))
    input_document = create_contact_document(input_contact)
    storage_contact = create_random_contact(faker, create_random_id(faker)).model_copy(
        update={"student_id": input_contact.student_id}
    )
    expected_contact = storage_contact
    storage_broker.insert_contact_if_absent.return_value = create_contact_document(storage_contact)

    # when
    actual_contact = await contact_service.add_contact_if_absent(input_contact)

    # then
    assert actual_contact == expected_contact
    assert storage_broker.mock_calls == [call.insert_contact_if_absent(input_document)]
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []


async def test_should_add_contact_without_its_optional_fields(
    *,
    faker: Faker,
    contact_service: ContactService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_contact = create_random_contact(faker, create_random_id(faker))
    input_contact = random_contact.model_copy(
        update={"address_line2": None, "phone": None, "email": None}
    )
    storage_document = create_contact_document(input_contact)
    expected_contact = input_contact.model_copy(deep=True)
    storage_broker.insert_contact.return_value = dict(storage_document)

    # when
    actual_contact = await contact_service.add_contact(input_contact)

    # then
    assert actual_contact == expected_contact
    assert storage_broker.mock_calls == [call.insert_contact(storage_document)]
    assert logging_broker.mock_calls == []
