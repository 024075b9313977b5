"""The concern event processings pass batches through, each outcome's error in its own category."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from unittest.mock import Mock, call, create_autospec

import pytest
from faker import Faker

from brokers.loggings import LoggingBroker
from contracts.events import OutcomePublication
from services.foundations.contact_events import ContactEventService
from services.foundations.guardian_events import GuardianEventService
from services.foundations.immunization_events import ImmunizationEventService
from services.foundations.library_card_events import LibraryCardEventService
from services.processings.contact_events import ContactEventProcessingService
from services.processings.guardian_events import GuardianEventProcessingService
from services.processings.immunization_events import ImmunizationEventProcessingService
from services.processings.library_card_events import LibraryCardEventProcessingService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_outcome,
)

CONCERNS = [
    pytest.param(
        GuardianEventService,
        GuardianEventProcessingService,
        "guardian",
        "guardian_registered",
        "Guardian",
        id="guardians",
    ),
    pytest.param(
        ContactEventService,
        ContactEventProcessingService,
        "contact",
        "contact_registered",
        "Contact",
        id="contacts",
    ),
    pytest.param(
        LibraryCardEventService,
        LibraryCardEventProcessingService,
        "library_card",
        "library_card_requested",
        "LibraryCard",
        id="library_cards",
    ),
    pytest.param(
        ImmunizationEventService,
        ImmunizationEventProcessingService,
        "immunization",
        "immunization_recorded",
        "Immunization",
        id="immunizations",
    ),
]


def error_class(concern: str, layer: str, name: str) -> Any:
    module = __import__(f"contracts.{concern}s.exceptions.{layer}", fromlist=[name])
    return getattr(module, name)


@pytest.mark.parametrize(("foundation", "processing", "concern", "event_name", "prefix"), CONCERNS)
async def test_should_pass_batches_through_with_each_error_in_its_place(
    *,
    faker: Faker,
    foundation: type[Any],
    processing: type[Any],
    concern: str,
    event_name: str,
    prefix: str,
) -> None:
    # given
    event_service: Mock = create_autospec(foundation, instance=True, spec_set=True)
    logging_broker: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    service = processing(event_service, logging_broker)
    input_publications = [
        OutcomePublication(create_random_outcome(faker, None), create_random_id(faker), None)
        for _ in range(2)
    ]
    publish_error = error_class(concern, "events", f"{prefix}EventDependencyError")(
        error_class(concern, "events", f"Failed{prefix}EventPublishError")("not confirmed")
    )
    getattr(event_service, f"publish_{concern}_outcomes").return_value = [None, publish_error]
    expected_error = error_class(
        concern, "event_processings", f"{prefix}EventProcessingDependencyError"
    )(publish_error.inner_error)

    async def handle(events: Sequence[Any]) -> list[Exception | None]:
        return [None] * len(events)

    # when
    getattr(service, f"listen_to_{event_name}_event_batches")(handle)
    actual_results = await getattr(service, f"publish_{concern}_outcomes")(input_publications)

    # then
    assert actual_results == [None, expected_error]
    assert event_service.mock_calls == [
        getattr(call, f"listen_to_{event_name}_event_batches")(handle),
        getattr(call, f"publish_{concern}_outcomes")(input_publications),
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
