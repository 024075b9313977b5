from __future__ import annotations

from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.contacts.exceptions.processings import (
    ConflictingContactError,
    ContactProcessingDependencyValidationError,
)
from services.processings.contacts import ContactProcessingService
from tests.unit.services.concerns.contacts import create_random_contact
from tests.unit.services.conftest import create_error_log_call, create_random_id


async def test_should_ensure_contact_exists(
    *,
    faker: Faker,
    contact_processing_service: ContactProcessingService,
    contact_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_contact = create_random_contact(faker, create_random_id(faker))
    input_contact = random_contact
    stored_contact = input_contact.model_copy(deep=True)
    expected_contact = stored_contact
    contact_service.add_contact_if_absent.return_value = stored_contact

    # when
    actual_contact = await contact_processing_service.ensure_contact_exists(input_contact)

    # then
    assert actual_contact == expected_contact
    assert actual_contact is stored_contact
    assert contact_service.mock_calls == [call.add_contact_if_absent(input_contact)]
    assert logging_broker.mock_calls == []


async def test_should_raise_dependency_validation_error_on_ensure_if_contact_conflicts(
    *,
    faker: Faker,
    contact_processing_service: ContactProcessingService,
    contact_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_contact = create_random_contact(faker, create_random_id(faker))
    stored_contact = create_random_contact(faker, input_contact.student_id).model_copy(
        update={"student_id": input_contact.student_id}
    )
    contact_service.add_contact_if_absent.return_value = stored_contact
    expected_error = ContactProcessingDependencyValidationError(
        ConflictingContactError(input_contact.student_id)
    )

    # when
    with pytest.raises(ContactProcessingDependencyValidationError) as error_info:
        await contact_processing_service.ensure_contact_exists(input_contact)

    # then
    assert error_info.value == expected_error
    assert contact_service.mock_calls == [call.add_contact_if_absent(input_contact)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
