from __future__ import annotations

import pytest

from contracts.events import (
    CONTACT_REGISTERED,
    EVENT_MODELS,
    EVENT_TYPES,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    OUTCOME_TYPES,
    REGISTRATION_REQUESTED,
    STUDENT_REGISTERED,
    CloudEvent,
    Concern,
    ConcernOutcome,
    ContactRegistered,
    GuardianRegistered,
    ImmunizationRecorded,
    LibraryCardRequested,
    RegistrationRequested,
    event_model,
    failed_type,
    persisted_type,
)
from contracts.students import Student


def test_should_name_the_registration_types_as_designed() -> None:
    # given
    expected_types = (
        "registration.requested.v1",
        "student.registered.v1",
        "guardian.registered.v1",
        "contact.registered.v1",
        "library_card.requested.v1",
        "immunization.recorded.v1",
    )

    # when
    actual_types = (
        REGISTRATION_REQUESTED,
        STUDENT_REGISTERED,
        GUARDIAN_REGISTERED,
        CONTACT_REGISTERED,
        LIBRARY_CARD_REQUESTED,
        IMMUNIZATION_RECORDED,
    )

    # then
    assert actual_types == expected_types


@pytest.mark.parametrize(
    ("concern", "expected_persisted", "expected_failed"),
    [
        (Concern.STUDENT, "student.persisted.v1", "student.failed.v1"),
        (Concern.GUARDIAN, "guardian.persisted.v1", "guardian.failed.v1"),
        (Concern.CONTACT, "contact.persisted.v1", "contact.failed.v1"),
        (Concern.LIBRARY_CARD, "library_card.persisted.v1", "library_card.failed.v1"),
        (Concern.IMMUNIZATION, "immunization.persisted.v1", "immunization.failed.v1"),
    ],
)
def test_should_name_the_outcome_types_of_each_concern(
    concern: Concern, expected_persisted: str, expected_failed: str
) -> None:
    # when
    actual_persisted = persisted_type(concern)
    actual_failed = failed_type(concern)

    # then
    assert (actual_persisted, actual_failed) == (expected_persisted, expected_failed)
    assert {actual_persisted, actual_failed} <= set(OUTCOME_TYPES)


def test_should_refuse_outcome_types_of_unknown_concerns() -> None:
    # when / then
    with pytest.raises(ValueError, match="bogus"):
        persisted_type("bogus")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="bogus"):
        failed_type("bogus")  # type: ignore[arg-type]


def test_should_list_every_event_type_once() -> None:
    # then
    assert len(EVENT_TYPES) == len(set(EVENT_TYPES)) == 6 + 2 * len(Concern)
    assert len(Concern) == 5


def test_should_give_every_event_type_its_typed_event() -> None:
    # given
    expected_data = {
        REGISTRATION_REQUESTED: RegistrationRequested,
        STUDENT_REGISTERED: Student,
        GUARDIAN_REGISTERED: GuardianRegistered,
        CONTACT_REGISTERED: ContactRegistered,
        LIBRARY_CARD_REQUESTED: LibraryCardRequested,
        IMMUNIZATION_RECORDED: ImmunizationRecorded,
    } | dict.fromkeys(OUTCOME_TYPES, ConcernOutcome)

    # when
    actual_models = {event_type: event_model(event_type) for event_type in EVENT_TYPES}

    # then
    assert set(EVENT_MODELS) == set(EVENT_TYPES)
    assert all(issubclass(model, CloudEvent) for model in actual_models.values())
    actual_data = {
        event_type: model.__pydantic_generic_metadata__["args"]
        for event_type, model in actual_models.items()
    }
    assert actual_data == {event_type: (data,) for event_type, data in expected_data.items()}


def test_should_raise_key_error_for_an_unknown_event_type() -> None:
    # when / then
    with pytest.raises(KeyError):
        event_model("student.registered.v2")
