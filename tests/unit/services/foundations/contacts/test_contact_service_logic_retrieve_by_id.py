from __future__ import annotations

from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.contacts.exceptions.foundations import (
    ContactValidationError,
    InvalidContactError,
    NotFoundContactError,
)
from services.foundations.contacts import ContactService
from tests.unit.services.concerns.contacts import (
    create_contact_document,
    create_random_contact,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id


async def test_should_retrieve_contact_by_id(
    *,
    faker: Faker,
    contact_service: ContactService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_contact = create_random_contact(faker, create_random_id(faker))
    input_student_id = random_contact.student_id
    storage_broker.select_contact_by_id.return_value = create_contact_document(random_contact)
    expected_contact = random_contact

    # when
    actual_contact = await contact_service.retrieve_contact_by_id(input_student_id)

    # then
    assert actual_contact == expected_contact
    assert storage_broker.mock_calls == [call.select_contact_by_id(input_student_id)]
    assert logging_broker.mock_calls == []


async def test_should_raise_validation_error_on_retrieve_by_id_if_id_is_invalid_and_log_it(
    *,
    faker: Faker,
    contact_service: ContactService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    invalid_student_id = faker.word()
    expected_error = ContactValidationError(
        InvalidContactError({"student_id": ["Id is not a valid UUID."]})
    )

    # when
    with pytest.raises(ContactValidationError) as error_info:
        await contact_service.retrieve_contact_by_id(invalid_student_id)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_validation_error_on_retrieve_by_id_if_not_found_and_log_it(
    *,
    faker: Faker,
    contact_service: ContactService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_student_id = create_random_id(faker)
    storage_broker.select_contact_by_id.return_value = None
    expected_error = ContactValidationError(NotFoundContactError(input_student_id))

    # when
    with pytest.raises(ContactValidationError) as error_info:
        await contact_service.retrieve_contact_by_id(input_student_id)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [call.select_contact_by_id(input_student_id)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
