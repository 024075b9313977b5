from __future__ import annotations

from collections.abc import Awaitable, Callable
from unittest.mock import Mock

import pytest
from faker import Faker

from contracts.contacts import Contact
from contracts.contacts.exceptions.foundations import (
    ContactValidationError,
    InvalidContactError,
)
from services.foundations.contacts import ContactService
from tests.unit.services.concerns.contacts import create_random_contact
from tests.unit.services.conftest import create_error_log_call, create_random_id

NOT_E164 = "Phone must be an E.164 number, such as +14155552671."
NOT_VALID = "Phone is not a valid number."

INVALID_PHONES = [
    pytest.param("+1 415 555 2671", NOT_E164, id="spaces"),
    pytest.param("14155552671", NOT_E164, id="no-plus"),
    pytest.param("+1(415)5552671", NOT_E164, id="parentheses"),
    pytest.param("+14155552671x12", NOT_E164, id="extension"),
    pytest.param("phone", NOT_E164, id="words"),
    pytest.param("+1415555267", NOT_VALID, id="too-short"),
    pytest.param("+4420718387500", NOT_VALID, id="too-long"),
]

Add = Callable[[ContactService, Contact], Awaitable[Contact]]
ADDS = [
    pytest.param(ContactService.add_contact, id="add"),
    pytest.param(ContactService.add_contact_if_absent, id="add-if-absent"),
]


@pytest.mark.parametrize("add", ADDS)
@pytest.mark.parametrize("blank_text", ["", " ", "\t\n "])
async def test_should_raise_validation_error_on_add_if_contact_is_invalid_and_log_it(
    *,
    faker: Faker,
    add: Add,
    blank_text: str,
    contact_service: ContactService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_contact = create_random_contact(faker, create_random_id(faker))
    # model_construct skips the contract's own checks, as a caller holding a bad model would.
    invalid_contact = Contact.model_construct(
        **random_contact.model_dump()
        | {
            "student_id": faker.word(),
            "address_line1": blank_text,
            "address_line2": blank_text,
            "city": blank_text,
            "postal_code": blank_text,
            "phone": blank_text,
        }
    )
    expected_error = ContactValidationError(
        InvalidContactError(
            {
                "student_id": ["Id is not a valid UUID."],
                "address_line1": ["Text is required."],
                "address_line2": ["Text is required."],
                "city": ["Text is required."],
                "postal_code": ["Text is required."],
                "phone": [NOT_E164],
            }
        )
    )

    # when
    with pytest.raises(ContactValidationError) as error_info:
        await add(contact_service, invalid_contact)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("add", ADDS)
@pytest.mark.parametrize(("invalid_phone", "problem"), INVALID_PHONES)
async def test_should_raise_validation_error_on_add_if_phone_is_not_e164_and_log_it(
    *,
    faker: Faker,
    add: Add,
    invalid_phone: str,
    problem: str,
    contact_service: ContactService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_contact = create_random_contact(faker, create_random_id(faker))
    invalid_contact = random_contact.model_copy(update={"phone": invalid_phone})
    expected_error = ContactValidationError(InvalidContactError({"phone": [problem]}))

    # when
    with pytest.raises(ContactValidationError) as error_info:
        await add(contact_service, invalid_contact)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("add", ADDS)
@pytest.mark.parametrize("unassigned_country", ["XX", "AA", "ZZ", "UK"])
async def test_should_raise_validation_error_on_add_if_country_is_not_assigned_and_log_it(
    *,
    faker: Faker,
    add: Add,
    unassigned_country: str,
    contact_service: ContactService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: the shape of a code, but no country holds it
    random_contact = create_random_contact(faker, create_random_id(faker))
    invalid_contact = random_contact.model_copy(update={"country": unassigned_country})
    expected_error = ContactValidationError(
        InvalidContactError(
            {"country": ["Country must be an assigned ISO 3166-1 alpha-2 code, such as GB."]}
        )
    )

    # when
    with pytest.raises(ContactValidationError) as error_info:
        await add(contact_service, invalid_contact)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
