from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.__main__ import loopback_only
from bench.plain import Stored, envelope, stored_of
from bench.processes import usage_of
from bench.registrations import expected_outcomes, moment_of, requested_event, requests_of

STUDENT = {
    "id": "0b9e4e3c-0d7e-4a6b-9d3e-2f1f3f2b6a01",
    "first_name": "Ada",
    "last_name": "Lovelace",
    "date_of_birth": "2012-05-01",
    "email": "ada@example.com",
}


def test_expected_outcomes_counts_one_per_concern_of_the_request() -> None:
    request = {
        "guardians": [{}, {}],
        "library_card": True,
        "immunizations": [{}, {}, {}],
    }

    assert expected_outcomes(request) == 8  # student, 2 guardians, contact, card, 3 doses
    assert expected_outcomes({"guardians": [], "library_card": False, "immunizations": []}) == 2


def test_requests_are_the_same_bodies_for_every_pipeline_of_a_run() -> None:
    first, second = requests_of(5), requests_of(5)

    assert [request for _, request in first] == [request for _, request in second]
    assert len({registration_id for registration_id, _ in first}) == 5


def test_requested_event_carries_the_registration_id_in_data_and_correlation() -> None:
    registration_id, request = requests_of(1)[0]

    event = json.loads(requested_event(registration_id, request))

    assert event["type"] == "registration.requested.v1"
    assert event["correlationid"] == registration_id
    assert event["data"] == {**request, "registration_id": registration_id}


def test_a_student_event_becomes_its_document_and_outcome() -> None:
    body = envelope("student.registered.v1", STUDENT, "c-1")

    assert stored_of("student.registered.v1", body) == (
        Stored(
            {"_id": STUDENT["id"], **{k: v for k, v in STUDENT.items() if k != "id"}},
            "student",
            STUDENT["id"],
            STUDENT["id"],
        ),
        "c-1",
    )


def test_a_contact_is_stored_under_its_student_id() -> None:
    contact = {
        "student_id": STUDENT["id"],
        "address_line1": "1 High Street",
        "city": "London",
        "postal_code": "SW1A 1AA",
        "country": "GB",
    }
    body = envelope("contact.registered.v1", {"student": STUDENT, "contact": contact}, None)

    stored, correlation_id = stored_of("contact.registered.v1", body)

    assert correlation_id is None
    assert (stored.concern, stored.entity_id, stored.student_id) == (
        "contact",
        STUDENT["id"],
        STUDENT["id"],
    )
    assert stored.document["_id"] == STUDENT["id"]
    assert stored.document["city"] == "London"


def test_an_invalid_event_is_refused_by_the_contract() -> None:
    body = envelope("student.registered.v1", {**STUDENT, "email": "not an email"}, None)

    with pytest.raises(ValueError, match="email"):
        stored_of("student.registered.v1", body)


def test_moment_of_reads_bson_dates_and_iso_strings_as_aware_datetimes() -> None:
    aware = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

    assert moment_of(aware) == aware
    assert moment_of(aware.replace(tzinfo=None)) == aware
    assert moment_of(aware.isoformat()) == aware
    assert moment_of(None) is None
    assert moment_of(uuid.uuid4()) is None


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_usage_of_a_live_process_and_of_a_missing_one() -> None:
    usage = usage_of(os.getpid())

    assert usage is not None
    assert usage.cpu_seconds > 0
    assert usage.peak_rss_mb > 0
    assert usage_of(2**22 + 1) is None


def test_only_loopback_services_are_loaded() -> None:
    for url in (
        "mongodb://127.0.0.1:3333/?directConnection=true",
        "amqp://guest:guest@localhost/",
        "amqp://guest:guest@127.0.0.1:5672,127.0.0.1:5673/",
        "amqp://[::1]:5672/",
    ):
        assert loopback_only(url) == url
    for url in ("amqp://guest:guest@10.0.0.1:5672/", "mongodb://127.0.0.1,db.example.com/"):
        with pytest.raises(SystemExit, match=r"only services on 127\.0\.0\.1"):
            loopback_only(url)
