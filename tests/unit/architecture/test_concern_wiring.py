"""A concern (student, guardian, …) is declared in several places; each must know every concern.

Adding one (docs/adding-a-concern.md) touches the event types, the list of workers and how to
start them, the registration's fan-out plan, the ledger, the storage, the schemas and the demo's
generated registrations. A concern missing from any of them fails here, by name.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime

import pytest

from brokers.storages import COLLECTIONS
from contracts.events import EVENT_MODELS, RegistrationRequested
from contracts.events.event_types import REGISTRATION_TYPES, Concern, failed_type, persisted_type
from contracts.schemas import json_schemas
from contracts.workers import WORKER_BINDINGS
from services.orchestrations.registration_events.registration_plans import (
    RegistrationPlan,
    map_to_pending_registration,
    map_to_registration_plan,
)
from standalone.registrations import generated_registration
from workers.registry import WORKER_STARTS

CONCERNS = list(Concern)
GENERATED = 50


def derive_id(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(parts)))


def request_type_of(concern: Concern) -> str:
    (found,) = [kind for kind in REGISTRATION_TYPES if kind.split(".")[0] == concern]
    return found


def plan_of(request: dict[str, object]) -> RegistrationPlan:
    requested = RegistrationRequested.model_validate(
        {"registration_id": str(uuid.uuid4()), **request}
    )
    return map_to_registration_plan(requested, derive_id)


def concerns_of(plan: RegistrationPlan) -> set[str]:
    pending = map_to_pending_registration(plan, datetime.now(UTC))
    return {key.split(":")[0] for key in pending.concerns}


def full_request() -> dict[str, object]:
    """A generated registration with every optional part there."""
    rng = random.Random(13)
    for index in range(GENERATED):
        request = generated_registration(rng, index)
        if request["guardians"] and request["immunizations"] and request["library_card"]:
            return request
    pytest.fail(f"none of {GENERATED} generated registrations has every part")


@pytest.mark.parametrize("concern", CONCERNS, ids=str)
def test_should_have_an_event_type_and_outcome_types_for_every_concern(concern: Concern) -> None:
    # when
    actual_types = [request_type_of(concern), persisted_type(concern), failed_type(concern)]

    # then
    assert all(kind in EVENT_MODELS for kind in actual_types)


@pytest.mark.parametrize("concern", CONCERNS, ids=str)
def test_should_have_a_worker_bound_to_every_concern_and_a_way_to_start_it(
    concern: Concern,
) -> None:
    # when
    actual_workers = [
        worker for worker, types in WORKER_BINDINGS.items() if request_type_of(concern) in types
    ]

    # then
    assert len(actual_workers) == 1, f"workers bound to {request_type_of(concern)}"
    assert actual_workers[0] in WORKER_STARTS


@pytest.mark.parametrize("concern", CONCERNS, ids=str)
def test_should_plan_and_ledger_every_concern_of_a_full_registration(concern: Concern) -> None:
    # when
    actual_concerns = concerns_of(plan_of(full_request()))

    # then
    assert concern in actual_concerns


@pytest.mark.parametrize("concern", CONCERNS, ids=str)
def test_should_store_every_concern_in_a_collection_of_its_own(concern: Concern) -> None:
    assert f"{concern}s" in COLLECTIONS


@pytest.mark.parametrize("concern", CONCERNS, ids=str)
def test_should_publish_the_schema_of_every_concern_event(concern: Concern) -> None:
    # when
    actual_schemas = json_schemas()

    # then
    for kind in (request_type_of(concern), persisted_type(concern), failed_type(concern)):
        assert kind in actual_schemas


def test_should_generate_demo_registrations_that_reach_every_concern() -> None:
    # given
    rng = random.Random(7)

    # when
    actual_concerns: set[str] = set()
    for index in range(GENERATED):
        actual_concerns |= concerns_of(plan_of(generated_registration(rng, index)))

    # then
    assert actual_concerns == {str(concern) for concern in CONCERNS}


def test_should_have_a_worker_for_the_registration_and_one_for_each_concern() -> None:
    assert len(WORKER_BINDINGS) == 1 + len(CONCERNS)
