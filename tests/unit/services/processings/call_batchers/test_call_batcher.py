from __future__ import annotations

import asyncio
from collections.abc import Sequence
from unittest.mock import Mock, call

import pytest
from faker import Faker

from services.processings.call_batcher import CallBatcher, MissingBatchAnswerError
from tests.unit.services.processings.call_batchers.conftest import (
    create_random_error,
    create_random_items,
)


def answered_as_stored(items: Sequence[str]) -> list[str | Exception]:
    return [f"stored {item}" for item in items]


async def test_should_call_a_batch_of_one_for_a_lone_call(
    *, faker: Faker, call_batcher: CallBatcher[str, str], batch_call: Mock
) -> None:
    # given
    [input_item] = create_random_items(faker, 1)
    expected_result = f"stored {input_item}"
    batch_call.return_value = [expected_result]

    # when
    actual_result = await call_batcher.call(input_item)

    # then
    assert actual_result == expected_result
    assert batch_call.mock_calls == [call([input_item])]


async def test_should_join_concurrent_calls_into_one_batch_call(
    *, faker: Faker, call_batcher: CallBatcher[str, str], batch_call: Mock
) -> None:
    # given
    input_items = create_random_items(faker, 7)
    batch_call.side_effect = answered_as_stored
    expected_results = [f"stored {item}" for item in input_items]

    # when
    actual_results = await asyncio.gather(*(call_batcher.call(item) for item in input_items))

    # then
    assert actual_results == expected_results
    assert batch_call.mock_calls == [call(input_items)]


async def test_should_send_calls_made_while_a_batch_is_out_together_once_it_returns(
    *, faker: Faker, call_batcher: CallBatcher[str, str], batch_call: Mock
) -> None:
    # given
    first_item, *later_items = create_random_items(faker, 5)
    first_out = asyncio.Event()
    release = asyncio.Event()

    async def held_while_first(items: Sequence[str]) -> list[str | Exception]:
        if items == [first_item]:
            first_out.set()
            await release.wait()
        return answered_as_stored(items)

    batch_call.side_effect = held_while_first
    first = asyncio.create_task(call_batcher.call(first_item))
    await first_out.wait()
    later = [asyncio.create_task(call_batcher.call(item)) for item in later_items]
    await asyncio.sleep(0)

    # when
    release.set()
    actual_results = await asyncio.gather(first, *later)

    # then
    assert actual_results == [f"stored {item}" for item in [first_item, *later_items]]
    assert batch_call.mock_calls == [call([first_item]), call(later_items)]


async def test_should_raise_to_each_caller_only_its_own_items_error(
    *, faker: Faker, call_batcher: CallBatcher[str, str], batch_call: Mock
) -> None:
    # given
    input_items = create_random_items(faker, 3)
    item_error = create_random_error(faker)
    batch_call.return_value = [f"stored {input_items[0]}", item_error, f"stored {input_items[2]}"]

    # when
    actual_results = await asyncio.gather(
        *(call_batcher.call(item) for item in input_items), return_exceptions=True
    )

    # then
    assert actual_results == [f"stored {input_items[0]}", item_error, f"stored {input_items[2]}"]
    assert batch_call.mock_calls == [call(input_items)]


async def test_should_raise_the_batch_calls_own_error_to_every_caller_of_the_batch(
    *, faker: Faker, call_batcher: CallBatcher[str, str], batch_call: Mock
) -> None:
    # given: the store is away, so the whole write fails
    input_items = create_random_items(faker, 4)
    outage_error = create_random_error(faker)
    batch_call.side_effect = outage_error

    # when
    actual_results = await asyncio.gather(
        *(call_batcher.call(item) for item in input_items), return_exceptions=True
    )

    # then
    assert actual_results == [outage_error] * len(input_items)
    assert batch_call.mock_calls == [call(input_items)]


async def test_should_go_on_with_the_next_batch_after_a_failed_one(
    *, faker: Faker, call_batcher: CallBatcher[str, str], batch_call: Mock
) -> None:
    # given
    failing_item, later_item = create_random_items(faker, 2)
    outage_error = create_random_error(faker)
    batch_call.side_effect = [outage_error, [f"stored {later_item}"]]

    # when
    with pytest.raises(RuntimeError) as error_info:
        await call_batcher.call(failing_item)
    actual_result = await call_batcher.call(later_item)

    # then
    assert error_info.value is outage_error
    assert actual_result == f"stored {later_item}"
    assert batch_call.mock_calls == [call([failing_item]), call([later_item])]


async def test_should_leave_out_a_caller_cancelled_while_it_waits(
    *, faker: Faker, call_batcher: CallBatcher[str, str], batch_call: Mock
) -> None:
    # given
    first_item, cancelled_item, kept_item = create_random_items(faker, 3)
    first_out = asyncio.Event()
    release = asyncio.Event()

    async def held_while_first(items: Sequence[str]) -> list[str | Exception]:
        if items == [first_item]:
            first_out.set()
            await release.wait()
        return answered_as_stored(items)

    batch_call.side_effect = held_while_first
    first = asyncio.create_task(call_batcher.call(first_item))
    await first_out.wait()
    cancelled = asyncio.create_task(call_batcher.call(cancelled_item))
    kept = asyncio.create_task(call_batcher.call(kept_item))
    await asyncio.sleep(0)

    # when
    cancelled.cancel()
    release.set()
    actual_results = await asyncio.gather(first, cancelled, kept, return_exceptions=True)

    # then
    assert actual_results[0] == f"stored {first_item}"
    assert isinstance(actual_results[1], asyncio.CancelledError)
    assert actual_results[2] == f"stored {kept_item}"
    assert batch_call.mock_calls == [call([first_item]), call([kept_item])]


async def test_should_finish_the_batch_for_the_others_when_a_caller_in_it_is_cancelled(
    *, faker: Faker, call_batcher: CallBatcher[str, str], batch_call: Mock
) -> None:
    # given
    input_items = create_random_items(faker, 3)
    batch_out = asyncio.Event()
    release = asyncio.Event()

    async def held(items: Sequence[str]) -> list[str | Exception]:
        batch_out.set()
        await release.wait()
        return answered_as_stored(items)

    batch_call.side_effect = held
    callers = [asyncio.create_task(call_batcher.call(item)) for item in input_items]
    await batch_out.wait()

    # when
    callers[1].cancel()
    release.set()
    actual_results = await asyncio.gather(*callers, return_exceptions=True)

    # then
    assert actual_results[0] == f"stored {input_items[0]}"
    assert isinstance(actual_results[1], asyncio.CancelledError)
    assert actual_results[2] == f"stored {input_items[2]}"
    assert batch_call.mock_calls == [call(input_items)]


async def test_should_send_at_most_size_items_a_batch(*, faker: Faker, batch_call: Mock) -> None:
    # given
    input_size = 100
    input_items = create_random_items(faker, 250)
    call_batcher: CallBatcher[str, str] = CallBatcher(batch_call, size=input_size)
    batch_call.side_effect = answered_as_stored
    expected_results = [f"stored {item}" for item in input_items]

    # when
    actual_results = await asyncio.gather(*(call_batcher.call(item) for item in input_items))

    # then
    assert actual_results == expected_results
    assert batch_call.mock_calls == [
        call(input_items[:100]),
        call(input_items[100:200]),
        call(input_items[200:]),
    ]


async def test_should_raise_a_missing_answer_error_for_items_the_batch_call_left_unanswered(
    *, faker: Faker, call_batcher: CallBatcher[str, str], batch_call: Mock
) -> None:
    # given
    input_items = create_random_items(faker, 2)
    batch_call.return_value = [f"stored {input_items[0]}"]

    # when
    actual_results = await asyncio.gather(
        *(call_batcher.call(item) for item in input_items), return_exceptions=True
    )

    # then
    assert actual_results[0] == f"stored {input_items[0]}"
    assert isinstance(actual_results[1], MissingBatchAnswerError)


async def test_should_cancel_the_waiting_callers_when_the_sending_is_cancelled(
    *, faker: Faker, call_batcher: CallBatcher[str, str], batch_call: Mock
) -> None:
    # given: the event loop is closing while a batch is out and another waits
    first_item, waiting_item = create_random_items(faker, 2)
    first_out = asyncio.Event()

    async def never_returning(items: Sequence[str]) -> list[str | Exception]:
        first_out.set()
        await asyncio.Event().wait()
        return answered_as_stored(items)

    batch_call.side_effect = never_returning
    first = asyncio.create_task(call_batcher.call(first_item))
    await first_out.wait()
    waiting = asyncio.create_task(call_batcher.call(waiting_item))
    await asyncio.sleep(0)
    sending = next(
        task
        for task in asyncio.all_tasks()
        if task not in {first, waiting, asyncio.current_task()}
        and "_send_waiting" in repr(task.get_coro())
    )

    # when
    sending.cancel()
    actual_results = await asyncio.gather(first, waiting, return_exceptions=True)

    # then
    assert all(isinstance(result, asyncio.CancelledError) for result in actual_results)
    assert batch_call.mock_calls == [call([first_item])]
