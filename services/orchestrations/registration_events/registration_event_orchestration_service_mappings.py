from __future__ import annotations

from contracts.events import Concern, ConcernOutcomeEvent, failed_type, persisted_type
from contracts.registrations import ConcernState, Registration, concern_key
from contracts.registrations.exceptions.orchestrations import InvalidConcernOutcomeError

# A registration has one student, one contact and at most one library card: keyed by concern
# alone. Guardians and immunizations are many: keyed by their entity id as well.
_KEYED_BY_ENTITY = frozenset({Concern.GUARDIAN, Concern.IMMUNIZATION})


def map_to_concern_key(outcome_event: ConcernOutcomeEvent) -> str:
    outcome = outcome_event.data
    if outcome.concern in _KEYED_BY_ENTITY:
        return concern_key(outcome.concern, outcome.entity_id)
    return concern_key(outcome.concern)


def map_to_concern_state(outcome_event: ConcernOutcomeEvent) -> ConcernState:
    """The event type says how the concern ended; it must name the concern the data names."""
    concern = outcome_event.data.concern
    if outcome_event.type == persisted_type(concern):
        return ConcernState.PERSISTED
    if outcome_event.type == failed_type(concern):
        return ConcernState.FAILED
    raise InvalidConcernOutcomeError(
        {"type": [f"Type {outcome_event.type!r} is not an outcome of the {concern} concern."]}
    )


def map_to_completion_seconds(settled: Registration) -> float:
    """Accepted to settled; never negative, whatever the clocks of ingress and worker say."""
    if settled.settled_at is None:
        return 0.0
    return max((settled.settled_at - settled.created_at).total_seconds(), 0.0)
