"""The error plumbing of batch methods: each item's error mapped alone, in its place."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from unittest.mock import AsyncMock, call, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.try_catch import attempt_each, in_places, passed, try_catch_each
from tests.unit.services.test_try_catch import (
    RULES,
    FailedThingError,
    InvalidThingError,
    ThingDependencyError,
    ThingServiceError,
    ThingValidationError,
)


class BatchThingService:
    def __init__(self, logging_broker: LoggingBroker, answers: object) -> None:
        self.logging_broker = logging_broker
        self.answers = answers

    async def publish_failure(self, item: object, error: Exception) -> None:
        raise NotImplementedError


def batch_service(on_error: AsyncMock | None) -> type[BatchThingService]:
    class Decorated(BatchThingService):
        @try_catch_each(RULES, on_error=on_error)
        async def handle_all(self, items: Sequence[str]) -> list[str | Exception]:
            if isinstance(self.answers, BaseException):
                raise self.answers
            answers: list[str | Exception] = list(self.answers)  # type: ignore[call-overload]
            return answers[: len(items)]

    return Decorated


async def test_should_map_each_items_error_alone_and_report_each_failed_item() -> None:
    # given
    logging_broker = create_autospec(LoggingBroker, instance=True, spec_set=True)
    on_error = AsyncMock()
    invalid, gone = InvalidThingError("bad"), ConnectionError("gone")
    service = batch_service(on_error)(logging_broker, ["one", invalid, gone, "four"])
    expected_validation = ThingValidationError(InvalidThingError("bad"))
    expected_dependency = ThingDependencyError(FailedThingError("gone"))

    # when
    results = await service.handle_all(["a", "b", "c", "d"])  # type: ignore[attr-defined]

    # then
    assert results == ["one", expected_validation, expected_dependency, "four"]
    assert results[1].__cause__ is invalid
    assert results[2].__cause__ is gone
    assert [entry[0] for entry in logging_broker.mock_calls] == ["debug", "debug"]
    assert on_error.mock_calls == [
        call(service, expected_validation, ("b",)),
        call(service, expected_dependency, ("c",)),
    ]


async def test_should_give_every_item_the_one_error_of_a_failed_call_logged_once() -> None:
    # given
    logging_broker = create_autospec(LoggingBroker, instance=True, spec_set=True)
    service = batch_service(None)(logging_broker, KeyError("bug"))

    # when
    results = await service.handle_all(["a", "b", "c"])  # type: ignore[attr-defined]

    # then
    assert results == [ThingServiceError(FailedThingError("'bug'"))] * 3
    assert len(logging_broker.mock_calls) == 1


async def test_should_make_a_failed_report_that_items_error() -> None:
    # given
    logging_broker = create_autospec(LoggingBroker, instance=True, spec_set=True)
    on_error = AsyncMock(side_effect=ConnectionError("broker gone"))
    service = batch_service(on_error)(logging_broker, ["one", InvalidThingError("bad")])

    # when
    results = await service.handle_all(["a", "b"])  # type: ignore[attr-defined]

    # then
    assert results == ["one", ThingDependencyError(FailedThingError("broker gone"))]


async def test_should_let_a_cancellation_through() -> None:
    # given
    logging_broker = create_autospec(LoggingBroker, instance=True, spec_set=True)
    service = batch_service(None)(logging_broker, asyncio.CancelledError())

    # when / then
    with pytest.raises(asyncio.CancelledError):
        await service.handle_all(["a"])  # type: ignore[attr-defined]
    assert logging_broker.mock_calls == []


def test_should_check_each_item_and_put_answers_back_in_place() -> None:
    # given
    def positive(number: int) -> int:
        if number <= 0:
            raise ValueError(number)
        return number * 10

    # when
    checked = attempt_each(positive, [1, -2, 3])
    answers = in_places(checked, [f"answer {n}" for n in passed(checked)])

    # then
    assert checked[0] == 10
    assert isinstance(checked[1], ValueError)
    assert passed(checked) == [10, 30]
    assert answers == ["answer 10", checked[1], "answer 30"]
