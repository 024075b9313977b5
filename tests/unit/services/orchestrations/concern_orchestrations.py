"""The concern workers' orchestrations side by side, for suites that run on every one of them.

Contact, guardian, library card and immunization: each ensures its student, then its entity,
then publishes its outcome, through services of its own that are named alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from faker import Faker

from contracts.contacts.exceptions import foundations as contact_foundations
from contracts.contacts.exceptions import orchestrations as contact_orchestrations
from contracts.contacts.exceptions import processings as contact_processings
from contracts.events import Concern
from contracts.guardians.exceptions import foundations as guardian_foundations
from contracts.guardians.exceptions import orchestrations as guardian_orchestrations
from contracts.guardians.exceptions import processings as guardian_processings
from contracts.immunizations.exceptions import foundations as immunization_foundations
from contracts.immunizations.exceptions import orchestrations as immunization_orchestrations
from contracts.immunizations.exceptions import processings as immunization_processings
from contracts.library_cards.exceptions import foundations as library_card_foundations
from contracts.library_cards.exceptions import orchestrations as library_card_orchestrations
from contracts.library_cards.exceptions import processings as library_card_processings
from services.orchestrations.contact_events import ContactEventOrchestrationService
from services.orchestrations.guardian_events import GuardianEventOrchestrationService
from services.orchestrations.immunization_events import ImmunizationEventOrchestrationService
from services.orchestrations.library_card_events import LibraryCardEventOrchestrationService
from services.processings.contact_events import ContactEventProcessingService
from services.processings.contacts import ContactProcessingService
from services.processings.guardian_events import GuardianEventProcessingService
from services.processings.guardians import GuardianProcessingService
from services.processings.immunization_events import ImmunizationEventProcessingService
from services.processings.immunizations import ImmunizationProcessingService
from services.processings.library_card_events import LibraryCardEventProcessingService
from services.processings.library_cards import LibraryCardProcessingService
from tests.unit.services.concerns.contacts import create_random_contact_event
from tests.unit.services.concerns.guardians import create_random_guardian_event
from tests.unit.services.concerns.immunizations import create_random_immunization_event
from tests.unit.services.concerns.library_cards import (
    create_random_library_card,
    create_random_library_card_event,
)


@dataclass(frozen=True)
class ConcernOrchestration:
    name: str
    concern: Concern
    orchestration: type[Any]
    event_processing: type[Any]
    processing: type[Any]
    create_event: Callable[[Faker, datetime], Any]
    ensure: str
    wanted: Callable[[Any], Any]
    stored: Callable[[Faker, datetime, Any], Any]
    entity_id: Callable[[Any], str]
    prefix: str
    foundations: Any
    processings: Any
    orchestrations: Any


BATCH_CONCERN_ORCHESTRATIONS = [
    pytest.param(
        ConcernOrchestration(
            "contact",
            Concern.CONTACT,
            ContactEventOrchestrationService,
            ContactEventProcessingService,
            ContactProcessingService,
            create_random_contact_event,
            "ensure_contacts_exist",
            lambda event: event.data.contact,
            lambda _faker, _now, event: event.data.contact,
            lambda contact: contact.student_id,
            "Contact",
            contact_foundations,
            contact_processings,
            contact_orchestrations,
        ),
        id="contacts",
    ),
    pytest.param(
        ConcernOrchestration(
            "library_card",
            Concern.LIBRARY_CARD,
            LibraryCardEventOrchestrationService,
            LibraryCardEventProcessingService,
            LibraryCardProcessingService,
            create_random_library_card_event,
            "ensure_library_cards_issued",
            lambda event: event.data.library_card,
            lambda faker, now, event: create_random_library_card(
                faker, event.data.student.id, now
            ).model_copy(update={"id": event.data.library_card.id}),
            lambda library_card: library_card.id,
            "LibraryCard",
            library_card_foundations,
            library_card_processings,
            library_card_orchestrations,
        ),
        id="library_cards",
    ),
    pytest.param(
        ConcernOrchestration(
            "immunization",
            Concern.IMMUNIZATION,
            ImmunizationEventOrchestrationService,
            ImmunizationEventProcessingService,
            ImmunizationProcessingService,
            create_random_immunization_event,
            "ensure_immunizations_exist",
            lambda event: event.data.immunization,
            lambda _faker, _now, event: event.data.immunization,
            lambda immunization: immunization.id,
            "Immunization",
            immunization_foundations,
            immunization_processings,
            immunization_orchestrations,
        ),
        id="immunizations",
    ),
]

# Every concern orchestration, the guardian's too.
CONCERN_ORCHESTRATIONS = [
    *BATCH_CONCERN_ORCHESTRATIONS,
    pytest.param(
        ConcernOrchestration(
            "guardian",
            Concern.GUARDIAN,
            GuardianEventOrchestrationService,
            GuardianEventProcessingService,
            GuardianProcessingService,
            create_random_guardian_event,
            "ensure_guardians_exist",
            lambda event: event.data.guardian,
            lambda _faker, _now, event: event.data.guardian,
            lambda guardian: guardian.id,
            "Guardian",
            guardian_foundations,
            guardian_processings,
            guardian_orchestrations,
        ),
        id="guardians",
    ),
]
