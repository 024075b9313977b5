from __future__ import annotations

from unittest.mock import Mock

import pydantic.networks
import pytest
from faker import Faker
from pydantic import ValidationError

from contracts.guardians import Guardian
from contracts.students import Student
from tests.unit.contracts.conftest import (
    create_random_guardian_payload,
    create_random_student_payload,
)


@pytest.fixture
def validate_email(monkeypatch: pytest.MonkeyPatch) -> Mock:
    """email-validator as pydantic calls it, watched."""
    spy = Mock(wraps=pydantic.networks.validate_email)
    monkeypatch.setattr(pydantic.networks, "validate_email", spy)
    return spy


def create_unseen_email(faker: Faker) -> str:
    # Unique per test run, so no earlier validation answers for it.
    return f"{faker.uuid4()}@{faker.domain_name()}"


def test_should_validate_an_email_once_however_often_it_is_met(
    faker: Faker, validate_email: Mock
) -> None:
    # given: a student's address, met in its event and again in its guardian's and its document
    input_email = create_unseen_email(faker)
    student_payload = {**create_random_student_payload(faker), "email": input_email}
    guardian_payload = {**create_random_guardian_payload(faker), "email": input_email}

    # when
    first_student = Student.model_validate(student_payload)
    guardian = Guardian.model_validate(guardian_payload)
    second_student = Student.model_validate_json(first_student.model_dump_json())

    # then
    assert first_student.email == guardian.email == second_student.email == input_email
    assert validate_email.call_count == 1


def test_should_give_a_remembered_email_its_normalized_form(
    faker: Faker, validate_email: Mock
) -> None:
    # given: email-validator lower-cases the domain
    local_part = str(faker.uuid4())
    input_email = f"{local_part}@EXAMPLE.ORG"
    input_payload = {**create_random_student_payload(faker), "email": input_email}
    expected_email = f"{local_part}@example.org"

    # when
    actual_emails = [Student.model_validate(input_payload).email for _ in range(3)]

    # then
    assert actual_emails == [expected_email] * 3
    assert validate_email.call_count == 1


def test_should_reject_an_invalid_email_every_time(faker: Faker, validate_email: Mock) -> None:
    # given
    invalid_email = f"{faker.uuid4()}@"
    input_payload = {**create_random_student_payload(faker), "email": invalid_email}

    # when
    errors = []
    for _ in range(2):
        with pytest.raises(ValidationError) as raised:
            Student.model_validate(input_payload)
        errors.append(raised.value.errors(include_url=False))

    # then: nothing invalid is remembered; each attempt fails the same way
    assert errors[0] == errors[1]
    assert [(error["loc"], error["type"]) for error in errors[0]] == [(("email",), "value_error")]
    assert validate_email.call_count == 2
