"""Guardians, contacts and immunizations ensured in a batch: stored, conflicting or failed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from unittest.mock import Mock, call, create_autospec

import pytest
from faker import Faker

from brokers.loggings import LoggingBroker
from contracts.contacts.exceptions import foundations as contact_foundation_errors
from contracts.contacts.exceptions import processings as contact_errors
from contracts.guardians.exceptions import foundations as guardian_foundation_errors
from contracts.guardians.exceptions import processings as guardian_errors
from contracts.immunizations.exceptions import foundations as immunization_foundation_errors
from contracts.immunizations.exceptions import processings as immunization_errors
from services.foundations.contacts import ContactService
from services.foundations.guardians import GuardianService
from services.foundations.immunizations import ImmunizationService
from services.processings.contacts import ContactProcessingService
from services.processings.guardians import GuardianProcessingService
from services.processings.immunizations import ImmunizationProcessingService
from tests.unit.services.concerns.contacts import create_random_contact
from tests.unit.services.concerns.guardians import create_random_guardian
from tests.unit.services.concerns.immunizations import create_random_immunization
from tests.unit.services.conftest import create_error_log_call, create_random_id


@dataclass(frozen=True)
class ConcernProcessing:
    plural: str
    foundation: type[Any]
    processing: type[Any]
    create: Callable[[Faker, datetime], Any]
    key: Callable[[Any], str]
    prefix: str
    errors: Any
    foundation_errors: Any

    def error(self, name: str) -> Any:
        return getattr(self.errors, name.format(self.prefix))

    def foundation_error(self, name: str) -> Any:
        return getattr(self.foundation_errors, name.format(self.prefix))


CONCERN_PROCESSINGS = [
    pytest.param(
        ConcernProcessing(
            "guardians",
            GuardianService,
            GuardianProcessingService,
            lambda faker, _now: create_random_guardian(faker, create_random_id(faker)),
            lambda guardian: guardian.id,
            "Guardian",
            guardian_errors,
            guardian_foundation_errors,
        ),
        id="guardians",
    ),
    pytest.param(
        ConcernProcessing(
            "contacts",
            ContactService,
            ContactProcessingService,
            lambda faker, _now: create_random_contact(faker, create_random_id(faker)),
            lambda contact: contact.student_id,
            "Contact",
            contact_errors,
            contact_foundation_errors,
        ),
        id="contacts",
    ),
    pytest.param(
        ConcernProcessing(
            "immunizations",
            ImmunizationService,
            ImmunizationProcessingService,
            lambda faker, now: create_random_immunization(
                faker, create_random_id(faker), now.date()
            ),
            lambda immunization: immunization.id,
            "Immunization",
            immunization_errors,
            immunization_foundation_errors,
        ),
        id="immunizations",
    ),
]


@pytest.mark.parametrize("concern", CONCERN_PROCESSINGS)
async def test_should_ensure_each_exists_with_conflicts_and_errors_in_their_places(
    *, faker: Faker, now: datetime, concern: ConcernProcessing
) -> None:
    # given: stored as asked, stored before as asked, another under its key, refused below
    foundation: Mock = create_autospec(concern.foundation, instance=True, spec_set=True)
    logging_broker: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    service = concern.processing(foundation, logging_broker)
    new, existing, conflicting, _ = input_items = [concern.create(faker, now) for _ in range(4)]
    other = concern.create(faker, now)
    foundation_error = concern.foundation_error("{}DependencyValidationError")(
        concern.foundation_error("AlreadyExists{}Error")("id")
    )
    getattr(foundation, f"add_{concern.plural}_if_absent").return_value = [
        new.model_copy(deep=True),
        existing.model_copy(deep=True),
        other,
        foundation_error,
    ]
    expected_conflict = concern.error("{}ProcessingDependencyValidationError")(
        concern.error("Conflicting{}Error")(concern.key(conflicting))
    )
    expected_refused = concern.error("{}ProcessingDependencyValidationError")(
        foundation_error.inner_error
    )

    # when
    actual_results = await getattr(service, f"ensure_{concern.plural}_exist")(input_items)

    # then: each its own result; only the one conflicting and the one refused are errors
    assert actual_results == [new, existing, expected_conflict, expected_refused]
    assert actual_results[3].__cause__ is foundation_error
    assert foundation.mock_calls == [getattr(call, f"add_{concern.plural}_if_absent")(input_items)]
    assert logging_broker.mock_calls == [
        create_error_log_call(expected_conflict),
        create_error_log_call(expected_refused),
    ]
