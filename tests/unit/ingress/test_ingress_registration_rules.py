"""The door and the concerns' foundations agree: one table of invalid variants through both.

The ingress runs over the real acceptance orchestration (its downstream services mocked, so
"nothing published" is "no call"); the foundations run over the in-memory storage broker. The
same variant must be refused by the ingress with 422 at a field, and by that field's concern
with its validation error at the same field, while every other concern accepts it.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from unittest.mock import AsyncMock, MagicMock, Mock, create_autospec

import httpx
import pytest
from faker import Faker
from fastapi import FastAPI
from pydantic import ValidationError

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import UuidIdentifierBroker
from brokers.secrets import HashlibSecretBroker
from brokers.storages.memory_storage_broker import MemoryStorageBroker
from contracts.contacts.exceptions.foundations import ContactValidationError
from contracts.errors import CategorizedError
from contracts.events import (
    IMMUNIZATION_RECORDED,
    REGISTRATION_REQUESTED,
    ImmunizationRecordedEvent,
    RegistrationRequested,
    RegistrationRequestedEvent,
)
from contracts.guardians.exceptions.foundations import GuardianValidationError
from contracts.immunizations.exceptions.orchestrations import (
    ImmunizationOrchestrationDependencyValidationError,
    ImmunizationOrchestrationValidationError,
)
from contracts.students.exceptions.foundations import StudentValidationError
from hosting.settings import Settings
from ingress import create_app
from ingress.authentication import ClientAuthentication
from services.foundations.contacts import ContactService
from services.foundations.guardians import GuardianService
from services.foundations.immunizations import ImmunizationService
from services.foundations.students import StudentService
from services.orchestrations.immunization_events import ImmunizationEventOrchestrationService
from services.orchestrations.registration_acceptances import (
    RegistrationAcceptanceOrchestrationService,
)
from services.orchestrations.registration_events.registration_plans import (
    RegistrationPlan,
    map_to_registration_plan,
)
from services.processings.immunization_events import ImmunizationEventProcessingService
from services.processings.immunizations import ImmunizationProcessingService
from services.processings.registration_events import RegistrationEventProcessingService
from services.processings.registrations import RegistrationProcessingService
from services.processings.students import StudentProcessingService

TODAY = date(2026, 6, 15)
NOW = datetime.combine(TODAY, time(9, 30), tzinfo=UTC)
REGISTRATION_ID = "0b6f5e8e-63a1-4c1e-9d55-2f4c9b1a7d10"
IDENTIFIERS = UuidIdentifierBroker()

Payload = dict[str, Any]


def create_valid_payload(faker: Faker) -> Payload:
    date_of_birth = TODAY - timedelta(days=faker.random_int(min=5 * 365, max=17 * 365))
    return {
        "student": {
            "first_name": faker.first_name(),
            "last_name": faker.last_name(),
            "date_of_birth": date_of_birth.isoformat(),
            "email": faker.email(safe=True),
        },
        "guardians": [
            {
                "first_name": faker.first_name(),
                "last_name": faker.last_name(),
                "relationship": "mother",
                "phone": "+14155552671",
            }
        ],
        "contact": {
            "address_line1": faker.street_address(),
            "city": faker.city(),
            "postal_code": faker.postcode(),
            "country": "GB",
            "phone": "+442079460958",
        },
        "library_card": True,
        "immunizations": [
            {
                "vaccine": "MMR",
                "dose_number": 1,
                "administered_on": (date_of_birth + timedelta(days=400)).isoformat(),
            }
        ],
    }


@dataclass(frozen=True)
class Variant:
    name: str
    location: tuple[str | int, ...]
    value: Callable[[Payload], Any]
    # A student not born yet has every immunization before birth too: leave them out.
    without_immunizations: bool = False


def on(days: int) -> Callable[[Payload], str]:
    return lambda _: (TODAY + timedelta(days=days)).isoformat()


def before_birth(payload: Payload) -> str:
    born = date.fromisoformat(payload["student"]["date_of_birth"])
    return (born - timedelta(days=1)).isoformat()


def fixed(value: Any) -> Callable[[Payload], Any]:
    return lambda _: value


# Rules the foundations apply (logical validation).
LOGICAL_VARIANTS = [
    Variant("born tomorrow", ("student", "date_of_birth"), on(1), without_immunizations=True),
    Variant("born today", ("student", "date_of_birth"), on(0), without_immunizations=True),
    Variant("born 121 years ago", ("student", "date_of_birth"), on(-121 * 366)),
    Variant("fictional US phone", ("guardians", 0, "phone"), fixed("+15555550100")),
    Variant("unassigned UK phone", ("guardians", 0, "phone"), fixed("+441111234567")),
    Variant("phone without plus", ("guardians", 0, "phone"), fixed("14155552671")),
    Variant("contact phone invalid", ("contact", "phone"), fixed("+15555550100")),
    Variant("country XX", ("contact", "country"), fixed("XX")),
    Variant("country AA", ("contact", "country"), fixed("AA")),
    Variant("vaccine given tomorrow", ("immunizations", 0, "administered_on"), on(1)),
    Variant("vaccine given today", ("immunizations", 0, "administered_on"), on(0)),
    Variant("vaccine before birth", ("immunizations", 0, "administered_on"), before_birth),
]
# Rules the shared contract types hold, which the workers' events are parsed with.
CONTRACT_VARIANTS = [
    Variant("dose 0", ("immunizations", 0, "dose_number"), fixed(0)),
    Variant("dose 11", ("immunizations", 0, "dose_number"), fixed(11)),
    Variant("dose as text", ("immunizations", 0, "dose_number"), fixed("1")),
    Variant("country lower case", ("contact", "country"), fixed("gb")),
]


def create_variant_payload(faker: Faker, variant: Variant) -> Payload:
    payload = copy.deepcopy(create_valid_payload(faker))
    *path, field = variant.location
    target: Any = payload
    for part in path:
        target = target[part]
    target[field] = variant.value(payload)
    if variant.without_immunizations:
        payload["immunizations"] = []
    return payload


def location_of(variant: Variant) -> str:
    return ".".join(["body", *(str(part) for part in variant.location)])


@pytest.fixture
def date_time_broker() -> Mock:
    mock: Mock = create_autospec(DateTimeBroker, instance=True, spec_set=True)
    mock.get_current_date.return_value = TODAY
    mock.get_current_date_time.return_value = NOW
    return mock


@pytest.fixture
def registration_event_processing_service() -> Mock:
    mock: Mock = create_autospec(RegistrationEventProcessingService, instance=True, spec_set=True)
    mock.publish_registration_requested.side_effect = lambda data, event_id, requested_at: (
        RegistrationRequestedEvent(
            specversion="1.0",
            id=event_id,
            source="tests",
            type=REGISTRATION_REQUESTED,
            time=requested_at,
            data=data,
            correlationid=data.registration_id,
        )
    )
    return mock


@pytest.fixture
def registration_processing_service() -> Mock:
    mock: Mock = create_autospec(RegistrationProcessingService, instance=True, spec_set=True)
    mock.ensure_registration_recorded.side_effect = lambda registration: registration
    return mock


@pytest.fixture
def app(
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    date_time_broker: Mock,
    api_keys: AsyncMock,
    logging_broker: MagicMock,
) -> FastAPI:
    acceptance = RegistrationAcceptanceOrchestrationService(
        registration_event_processing_service,
        registration_processing_service,
        identifier_broker=IDENTIFIERS,
        secret_broker=HashlibSecretBroker(),
        date_time_broker=date_time_broker,
        logging_broker=logging_broker,
    )
    return create_app(
        acceptance,
        readiness=MagicMock(),
        settings=Settings(),
        authentication=ClientAuthentication(api_keys, open_on_loopback=False, cache_seconds=0),
        logging_broker=logging_broker,
    )


@pytest.fixture
async def storage_broker() -> AsyncIterator[MemoryStorageBroker]:
    broker = MemoryStorageBroker()
    await broker.initialize()
    yield broker
    await broker.close()


def plan_of(payload: Payload) -> RegistrationPlan:
    """What the registration worker makes of the request: the concerns' physical models."""
    requested = RegistrationRequested.model_validate(
        {**payload, "registration_id": REGISTRATION_ID}
    )
    return map_to_registration_plan(requested, IDENTIFIERS.get_derived_identifier)


class Concerns:
    """Each concern's foundation (and the immunization worker's own cross-field check)."""

    def __init__(
        self, storage: MemoryStorageBroker, date_time: Mock, logging_broker: MagicMock
    ) -> None:
        self.students = StudentService(storage, date_time, logging_broker)
        self.guardians = GuardianService(storage, logging_broker)
        self.contacts = ContactService(storage, logging_broker)
        student_processing: Mock = create_autospec(
            StudentProcessingService, instance=True, spec_set=True
        )
        event_processing: Mock = create_autospec(
            ImmunizationEventProcessingService, instance=True, spec_set=True
        )
        # The student is another concern's check; every outcome published.
        student_processing.ensure_students_exist.side_effect = list
        event_processing.publish_immunization_outcomes.side_effect = lambda published: [
            None for _ in published
        ]
        self.immunizations = ImmunizationEventOrchestrationService(
            event_processing,
            ImmunizationProcessingService(
                ImmunizationService(storage, date_time, logging_broker), logging_broker
            ),
            student_processing,
            logging_broker,
        )

    async def process_immunization(self, event: ImmunizationRecordedEvent) -> None:
        """The immunization worker's batch of one; its refusal raised, as the others' are."""
        [answer] = await self.immunizations.process_immunization_events([event])
        if answer is not None:
            raise answer

    def checks(self, plan: RegistrationPlan) -> dict[tuple[str | int, ...], Callable[[], Any]]:
        """Each concern's add, by the request location its fields live under."""
        checks: dict[tuple[str | int, ...], Callable[[], Any]] = {
            ("student",): lambda: self.students.add_student(plan.student.data),
            ("contact",): lambda: self.contacts.add_contact(plan.contact.data.contact),
        }
        for position, guardian in enumerate(plan.guardians):
            checks["guardians", position] = functools.partial(
                self.guardians.add_guardian, guardian.data.guardian
            )
        for position, immunization in enumerate(plan.immunizations):
            event = ImmunizationRecordedEvent(
                specversion="1.0",
                id=immunization.event_id,
                source="tests",
                type=IMMUNIZATION_RECORDED,
                time=NOW,
                data=immunization.data,
                correlationid=REGISTRATION_ID,
            )
            checks["immunizations", position] = functools.partial(self.process_immunization, event)
        return checks


REFUSALS = (
    StudentValidationError,
    GuardianValidationError,
    ContactValidationError,
    ImmunizationOrchestrationValidationError,
    ImmunizationOrchestrationDependencyValidationError,
)


@pytest.fixture
def concerns(
    storage_broker: MemoryStorageBroker, date_time_broker: Mock, logging_broker: MagicMock
) -> Concerns:
    return Concerns(storage_broker, date_time_broker, logging_broker)


async def test_should_accept_the_valid_request_at_the_door_and_in_every_concern(
    client: httpx.AsyncClient,
    concerns: Concerns,
    registration_event_processing_service: Mock,
    faker: Faker,
) -> None:
    # given
    input_payload = create_valid_payload(faker)

    # when
    actual_response = await client.post("/v1/registrations", json=input_payload)

    # then: the baseline passes both sides, so every refusal below is the variant's doing
    assert actual_response.status_code == 202, actual_response.text
    published = registration_event_processing_service.publish_registration_requested.mock_calls
    assert len(published) == 1
    for check in concerns.checks(plan_of(input_payload)).values():
        await check()


@pytest.mark.parametrize("variant", LOGICAL_VARIANTS, ids=lambda variant: variant.name)
async def test_should_refuse_at_the_door_what_the_concern_refuses(
    *,
    variant: Variant,
    client: httpx.AsyncClient,
    concerns: Concerns,
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    faker: Faker,
) -> None:
    # given
    input_payload = create_variant_payload(faker, variant)
    *owner, field = variant.location

    # when
    actual_response = await client.post("/v1/registrations", json=input_payload)

    # then the door refuses the field, and publishes nothing
    assert actual_response.status_code == 422, actual_response.text
    door_messages = {
        error["location"]: error["message"] for error in actual_response.json()["errors"]
    }
    assert list(door_messages) == [location_of(variant)]
    assert registration_event_processing_service.mock_calls == []
    assert registration_processing_service.mock_calls == []  # the ledger is not even read

    # and the concern that owns the field refuses it, with the same words; the others accept
    for concern, check in concerns.checks(plan_of(input_payload)).items():
        if concern != tuple(owner):
            await check()
            continue
        with pytest.raises(REFUSALS) as raised:
            await check()
        assert isinstance(raised.value, CategorizedError)
        concern_errors = raised.value.inner_error.errors
        assert list(concern_errors) == [field]
        assert concern_errors[str(field)] == [door_messages[location_of(variant)]]


@pytest.mark.parametrize("variant", CONTRACT_VARIANTS, ids=lambda variant: variant.name)
async def test_should_refuse_at_the_door_what_the_workers_cannot_parse(
    variant: Variant,
    client: httpx.AsyncClient,
    registration_event_processing_service: Mock,
    faker: Faker,
) -> None:
    # given
    input_payload = create_variant_payload(faker, variant)

    # when
    actual_response = await client.post("/v1/registrations", json=input_payload)

    # then
    assert actual_response.status_code == 422, actual_response.text
    assert [error["location"] for error in actual_response.json()["errors"]] == [
        location_of(variant)
    ]
    assert registration_event_processing_service.mock_calls == []
    # the event a worker parses holds the same contract types, so it refuses the same field
    with pytest.raises(ValidationError) as raised:
        plan_of(input_payload)
    assert [error["loc"] for error in raised.value.errors()] == [variant.location]
