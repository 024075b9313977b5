"""The four concern foundations side by side: their batch add is the same shape for each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from unittest.mock import Mock, _Call, call, create_autospec

import pytest
from faker import Faker

from brokers.datetimes import DateTimeBroker
from brokers.loggings import LoggingBroker
from brokers.storages import Document, StorageBroker
from contracts.contacts.exceptions import foundations as contact_errors
from contracts.guardians.exceptions import foundations as guardian_errors
from contracts.immunizations.exceptions import foundations as immunization_errors
from contracts.library_cards.exceptions import foundations as library_card_errors
from services.foundations.contacts import ContactService
from services.foundations.guardians import GuardianService
from services.foundations.immunizations import ImmunizationService
from services.foundations.library_cards import LibraryCardService
from tests.unit.services.concerns.contacts import create_contact_document, create_random_contact
from tests.unit.services.concerns.guardians import (
    create_guardian_document,
    create_random_guardian,
)
from tests.unit.services.concerns.immunizations import (
    create_immunization_document,
    create_random_immunization,
)
from tests.unit.services.concerns.library_cards import (
    create_library_card_document,
    create_random_library_card,
)
from tests.unit.services.conftest import create_random_id


@dataclass(frozen=True)
class ConcernFoundation:
    """What a test needs of one concern's foundation to drive its batch add."""

    plural: str
    make_service: Callable[[Mock, Mock, Mock], Any]
    create: Callable[[Faker, datetime], Any]
    to_document: Callable[[Any], Document]
    errors: Any
    prefix: str
    clock_calls: list[_Call]

    @property
    def add_many(self) -> str:
        return f"add_{self.plural}_if_absent"

    @property
    def insert_many(self) -> str:
        return f"insert_{self.plural}_if_absent"

    def error(self, name: str) -> Any:
        return getattr(self.errors, name.format(self.prefix))


CONCERN_FOUNDATIONS = [
    pytest.param(
        ConcernFoundation(
            "guardians",
            lambda storage, _clock, logging: GuardianService(storage, logging),
            lambda faker, _now: create_random_guardian(faker, create_random_id(faker)),
            create_guardian_document,
            guardian_errors,
            "Guardian",
            [],
        ),
        id="guardians",
    ),
    pytest.param(
        ConcernFoundation(
            "contacts",
            lambda storage, _clock, logging: ContactService(storage, logging),
            lambda faker, _now: create_random_contact(faker, create_random_id(faker)),
            create_contact_document,
            contact_errors,
            "Contact",
            [],
        ),
        id="contacts",
    ),
    pytest.param(
        ConcernFoundation(
            "library_cards",
            LibraryCardService,
            lambda faker, now: create_random_library_card(faker, create_random_id(faker), now),
            create_library_card_document,
            library_card_errors,
            "LibraryCard",
            [call.get_current_date_time()],
        ),
        id="library_cards",
    ),
    pytest.param(
        ConcernFoundation(
            "immunizations",
            ImmunizationService,
            lambda faker, now: create_random_immunization(
                faker, create_random_id(faker), now.date()
            ),
            create_immunization_document,
            immunization_errors,
            "Immunization",
            [call.get_current_date()],
        ),
        id="immunizations",
    ),
]


@pytest.fixture
def storage_broker() -> Mock:
    mock: Mock = create_autospec(StorageBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def date_time_broker(now: datetime) -> Mock:
    mock: Mock = create_autospec(DateTimeBroker, instance=True, spec_set=True)
    mock.get_current_date.return_value = now.date()
    mock.get_current_date_time.return_value = now
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock
