from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import Concern
from contracts.registrations import ConcernChange, ConcernState, ConcernStatus, concern_key
from contracts.registrations.exceptions.processings import (
    NotFoundRegistrationConcernError,
    RegistrationProcessingValidationError,
)
from services.processings.registrations import RegistrationProcessingService
from tests.unit.services.conftest import create_error_log_call, create_random_id
from tests.unit.services.foundations.registrations.conftest import create_random_registration


async def test_should_raise_validation_error_on_record_if_concern_is_not_expected_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: a guardian this registration never had
    random_registration = create_random_registration(faker, now)
    input_concern_key = concern_key(Concern.GUARDIAN, create_random_id(faker))
    registration_service.modify_registration_concerns_if_exist.return_value = [False]
    registration_service.retrieve_registrations_by_ids.return_value = [random_registration]
    input_change = ConcernChange(
        random_registration.id, input_concern_key, ConcernStatus(status=ConcernState.PERSISTED)
    )
    expected_error = RegistrationProcessingValidationError(
        NotFoundRegistrationConcernError(random_registration.id, input_concern_key)
    )

    # when
    [actual_error] = await registration_processing_service.record_concern_outcomes([input_change])

    # then: the update refused the unknown key; a read then tells it from an unknown registration
    assert isinstance(actual_error, RegistrationProcessingValidationError)
    assert actual_error == expected_error
    assert registration_service.mock_calls == [
        call.modify_registration_concerns_if_exist([input_change]),
        call.retrieve_registrations_by_ids([random_registration.id]),
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
