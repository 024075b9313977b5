"""The error plumbing every service shares."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, call, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from contracts.errors import (
    CategorizedError,
    DependencyCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)
from services.try_catch import ErrorRule, try_catch


class InvalidThingError(LocalizedError):
    pass


class FailedThingError(LocalizedError):
    pass


class ThingValidationError(ValidationCategoryError):
    message = "thing validation"


class ThingDependencyError(DependencyCategoryError):
    message = "thing dependency"


class ThingServiceError(ServiceCategoryError):
    message = "thing service"


RULES = [
    ErrorRule(InvalidThingError, lambda error: ThingValidationError(InvalidThingError(str(error)))),
    ErrorRule(
        ConnectionError,
        lambda error: ThingDependencyError(FailedThingError(str(error))),
    ),
    ErrorRule(Exception, lambda error: ThingServiceError(FailedThingError(str(error)))),
]


class ThingService:
    def __init__(
        self, logging_broker: LoggingBroker, error: Exception, on_error: AsyncMock
    ) -> None:
        self.logging_broker = logging_broker
        self.error = error
        self.on_error = on_error


def decorated(on_error: AsyncMock | None) -> type[Any]:
    class Decorated(ThingService):
        @try_catch(RULES, on_error=on_error)
        async def fail(self, thing: str, *, reason: str) -> None:
            raise self.error from ValueError(thing, reason)

    return Decorated


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (InvalidThingError("bad"), ThingValidationError(InvalidThingError("bad"))),
        (ConnectionError("gone"), ThingDependencyError(FailedThingError("gone"))),
        (KeyError("bug"), ThingServiceError(FailedThingError("'bug'"))),
    ],
)
async def test_should_map_an_error_by_the_first_matching_rule_and_log_it_at_debug(
    error: Exception, expected: CategorizedError
) -> None:
    # given
    logging_broker = create_autospec(LoggingBroker, instance=True, spec_set=True)
    on_error = AsyncMock()
    service = decorated(on_error)(logging_broker, error, on_error)

    # when
    with pytest.raises(type(expected)) as raised:
        await service.fail("thing", reason="why")

    # then
    assert raised.value == expected
    assert raised.value.__cause__ is error
    assert logging_broker.mock_calls == [
        call.debug(
            str(expected),
            error_type=type(expected).__name__,
            category=raised.value.category.value,
            inner_error_type="InvalidThingError"
            if isinstance(error, InvalidThingError)
            else "FailedThingError",
        )
    ]
    assert on_error.mock_calls == [call(service, expected, ("thing", "why"))]


async def test_should_map_an_error_of_the_failure_callback_through_the_same_rules() -> None:
    # given
    logging_broker = create_autospec(LoggingBroker, instance=True, spec_set=True)
    on_error = AsyncMock(side_effect=ConnectionError("broker gone"))
    service = decorated(on_error)(logging_broker, InvalidThingError("bad"), on_error)

    # when
    with pytest.raises(ThingDependencyError) as raised:
        await service.fail("thing", reason="why")

    # then
    assert raised.value == ThingDependencyError(FailedThingError("broker gone"))
    assert [entry[0] for entry in logging_broker.mock_calls] == ["debug", "debug"]
