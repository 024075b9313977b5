from __future__ import annotations

from datetime import datetime, timedelta
from unittest.mock import _Call, call

import phonenumbers
from faker import Faker

from brokers.queues import IncomingMessage
from contracts.errors import CategorizedError

# Regions whose example mobile numbers phonenumbers knows to be valid.
PHONE_REGIONS = ("US", "GB", "DE", "FR", "NL", "BE", "CA", "AU", "ES", "IT", "JP", "BR")


def create_random_phone(faker: Faker) -> str:
    region = faker.random_element(PHONE_REGIONS)
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert number is not None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def create_random_event_time(faker: Faker, now: datetime) -> datetime:
    return now - timedelta(seconds=faker.random_int(min=1, max=3600))


def create_random_source(faker: Faker) -> str:
    return f"urn:culdesac:{faker.slug()}"


def create_incoming_message(faker: Faker, routing_key: str, body: bytes) -> IncomingMessage:
    return IncomingMessage(
        queue=f"culdesac.{faker.word()}",
        routing_key=routing_key,
        body=body,
        message_id=str(faker.uuid4()),
        correlation_id=str(faker.uuid4()),
        content_type="application/cloudevents+json",
        headers={},
        redelivered=False,
        attempt=1,
    )


def create_logged_error_call(error: CategorizedError) -> _Call:
    """``create_error_log_call`` as seen from a parent mock holding ``logging_broker``."""
    logged: _Call = call.logging_broker.debug(
        str(error),
        error_type=type(error).__name__,
        category=error.category.value,
        inner_error_type=type(error.inner_error).__name__,
    )
    return logged
