from __future__ import annotations

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.secrets import SecretBroker
from contracts.api_keys import Client
from contracts.events import REGISTRATION_REQUESTED
from contracts.registrations import Registration, RegistrationRequest
from services.orchestrations.registration_acceptances.registration_acceptance_orchestration_service_exceptions import (  # noqa: E501
    try_catch_registration_acceptance,
)
from services.orchestrations.registration_acceptances.registration_acceptance_orchestration_service_mappings import (  # noqa: E501
    IDEMPOTENCY_SCOPE,
    map_to_accepted_registration,
    map_to_fingerprint_text,
    map_to_registration_requested,
    map_to_signed_text,
)
from services.orchestrations.registration_acceptances.registration_acceptance_orchestration_service_validations import (  # noqa: E501
    validate_not_in_flight,
    validate_owned_by,
    validate_registration_id,
    validate_registration_plan,
    validate_same_request,
)
from services.orchestrations.registration_events.registration_plans import (
    map_to_registration_plan,
)
from services.processings.registration_events import RegistrationEventProcessingService
from services.processings.registrations import RegistrationProcessingService


class RegistrationAcceptanceOrchestrationService:
    """What the ingress does: accept a registration onto the queue, and read its status."""

    def __init__(
        self,
        registration_event_processing_service: RegistrationEventProcessingService,
        registration_processing_service: RegistrationProcessingService,
        *,
        identifier_broker: IdentifierBroker,
        secret_broker: SecretBroker,
        date_time_broker: DateTimeBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.registration_event_processing_service = registration_event_processing_service
        self.registration_processing_service = registration_processing_service
        self.identifier_broker = identifier_broker
        self.secret_broker = secret_broker
        self.date_time_broker = date_time_broker
        self.logging_broker = logging_broker
        # Ids whose request this process is handling now: a second one with the key is a 409.
        self.in_flight: set[str] = set()

    @try_catch_registration_acceptance
    async def accept_registration(
        self, request: RegistrationRequest, client: Client, idempotency_key: str | None
    ) -> Registration:
        """Check, record in the ledger, then publish ``registration.requested.v1`` (confirmed).

        Whatever a concern's foundation would refuse is refused here first, by the same rules,
        so only a conflict with stored state (a taken email) can fail after acceptance.

        With an ``idempotency_key`` the id derives from it under the client's signing key, so
        the same key gives the same id to this client only, and to no one who lacks the key.
        The entry is written first, insert-if-absent, with the request's fingerprint; an entry
        found under the id must be this client's with the same fingerprint, and is published
        again (the same event): a retry after a lost answer, or after a publish that never
        confirmed, ends published. Nothing is answered before the broker confirmed.
        """
        registration_id = self._registration_id_of(client, idempotency_key)
        requested = map_to_registration_requested(request, registration_id)
        # The entities the workers will store, checked by their foundations' own rules.
        plan = map_to_registration_plan(requested, self.identifier_broker.get_derived_identifier)
        validate_registration_plan(plan, self.date_time_broker.get_current_date())
        validate_not_in_flight(registration_id, self.in_flight)
        self.in_flight.add(registration_id)
        try:
            accepted = map_to_accepted_registration(
                plan,
                self.date_time_broker.get_current_date_time(),
                client,
                self.secret_broker.get_digest(map_to_fingerprint_text(request)),
            )
            stored = await self.registration_processing_service.ensure_registration_recorded(
                accepted
            )
            validate_same_request(stored, accepted)
            await self.registration_event_processing_service.publish_registration_requested(
                requested,
                event_id=self.identifier_broker.get_derived_identifier(
                    REGISTRATION_REQUESTED, registration_id
                ),
                requested_at=stored.created_at,
            )
        finally:
            self.in_flight.discard(registration_id)
        return stored

    @try_catch_registration_acceptance
    async def retrieve_registration_by_id(
        self, registration_id: str, client: Client
    ) -> Registration:
        """The entry, when ``client`` posted it; another client's is as unknown as none."""
        validate_registration_id(registration_id)
        registration = await self.registration_processing_service.retrieve_registration_by_id(
            registration_id
        )
        validate_owned_by(registration, client)
        return registration

    def _registration_id_of(self, client: Client, idempotency_key: str | None) -> str:
        if idempotency_key is None:
            return self.identifier_broker.get_identifier()
        signature = self.secret_broker.get_signature(
            client.signing_key, map_to_signed_text(idempotency_key)
        )
        return self.identifier_broker.get_derived_identifier(IDEMPOTENCY_SCOPE, signature)
