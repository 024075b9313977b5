"""What every service's unit tests share: a seeded Faker, a fixed clock and random students."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from unittest.mock import _Call, call

import pytest
from faker import Faker

from brokers.storages import Document
from contracts.errors import CategorizedError
from contracts.events import STUDENT_REGISTERED, Concern, ConcernOutcome, StudentRegisteredEvent
from contracts.students import Student

# Ages of the students a registration brings in, in days.
YOUNGEST_AGE_IN_DAYS = 4 * 365
OLDEST_AGE_IN_DAYS = 19 * 365


@pytest.fixture(autouse=True)
def faker_seed() -> int:
    # A fixed seed per test: random-looking data that reproduces on failure. Autouse, because
    # the faker plugin only reads the seed from fixtures the test has requested.
    return 20_250_612


@pytest.fixture
def now(faker: Faker) -> datetime:
    """The date-time broker's "now": fixed per seed, never the machine's clock."""
    return faker.date_time_between(
        start_date=datetime(2020, 1, 1, tzinfo=UTC),
        end_date=datetime(2030, 1, 1, tzinfo=UTC),
        tzinfo=UTC,
    )


def create_random_id(faker: Faker) -> str:
    return str(faker.uuid4())


def create_random_message(faker: Faker) -> str:
    return str(faker.sentence())


def create_random_student(faker: Faker, today: date) -> Student:
    age_in_days = faker.random_int(min=YOUNGEST_AGE_IN_DAYS, max=OLDEST_AGE_IN_DAYS)
    return Student(
        id=create_random_id(faker),
        first_name=faker.first_name(),
        last_name=faker.last_name(),
        date_of_birth=today - timedelta(days=age_in_days),
        email=faker.email(safe=True),
    )


def create_student_document(student: Student) -> Document:
    """The document the storage broker keeps for ``student``: JSON values, keyed by ``id``."""
    return {
        "id": student.id,
        "first_name": student.first_name,
        "last_name": student.last_name,
        "date_of_birth": student.date_of_birth.isoformat(),
        "email": student.email,
    }


def create_random_student_event(
    faker: Faker, now: datetime, correlation_id: str | None = None
) -> StudentRegisteredEvent:
    return StudentRegisteredEvent(
        specversion="1.0",
        id=create_random_id(faker),
        source=f"urn:culdesac:{faker.slug()}",
        type=STUDENT_REGISTERED,
        time=now - timedelta(seconds=faker.random_int(min=1, max=3600)),
        data=create_random_student(faker, now.date()),
        correlationid=correlation_id,
    )


def create_random_outcome(faker: Faker, reason: str | None) -> ConcernOutcome:
    student_id = create_random_id(faker)
    return ConcernOutcome(
        concern=Concern.STUDENT, entity_id=student_id, student_id=student_id, reason=reason
    )


def create_error_log_call(error: CategorizedError, logger: _Call = call) -> _Call:
    """The debug line a service logs when it raises ``error`` (on ``logger``, when attached)."""
    log_call: _Call = logger.debug(
        str(error),
        error_type=type(error).__name__,
        category=error.category.value,
        inner_error_type=type(error.inner_error).__name__,
    )
    return log_call
